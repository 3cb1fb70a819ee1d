"""Jobs per minute on a fleet of 1 and of 2 Celery workers (Redis broker, PostgreSQL store).

Starts its own redis-server and PostgreSQL (initdb in a temp dir), then for each worker count:
a fresh database, that many `sitegen worker --concurrency 1` processes, N offline jobs submitted
at once, and the time from the first submit to the last job finished. The default sandbox is
``local`` (a real `next build` per job, on the host's Node); one untimed job first fills the
dependency cache. ``--sandbox none`` measures the pipeline and the fleet without builds.

    python bench/bench_fleet.py [--jobs N] [--workers 1,2] [--sandbox local|none] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitegen.config import load_settings  # noqa: E402
from sitegen.server.tasks import CeleryRunner  # noqa: E402
from sitegen.store import Store  # noqa: E402
from tests.fakes.fake_postgrest import PgCluster  # noqa: E402
from tests.fleet_helpers import PgDatabases, RedisServer  # noqa: E402

PROMPTS = ["a bakery in Lyon", "a dentist in Porto called Sorriso", "a yoga studio for beginners",
           "a bike repair shop in Utrecht", "a jazz trio for weddings", "a plant nursery with a price list",
           "a tax adviser for freelancers", "a climbing gym in Leeds"]
WORKER = ("import sys; from sitegen.config import load_settings; from sitegen.server.tasks import run_worker;"
          " run_worker(load_settings(), 1, 'WARNING')")


def start_workers(n: int, logs: Path) -> list[subprocess.Popen[bytes]]:
    out = []
    for i in range(n):
        log = open(logs / f"worker{i}.log", "ab")  # noqa: SIM115 — kept open for the child
        out.append(subprocess.Popen([sys.executable, "-c", WORKER], env=dict(os.environ), stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True))
    return out


def stop_workers(workers: list[subprocess.Popen[bytes]]) -> None:
    for proc in workers:
        proc.send_signal(signal.SIGTERM)
    for proc in workers:
        try:
            proc.wait(120)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def run_jobs(store: Store, runner: CeleryRunner, work: Path, n: int, sandbox: str, tag: str) -> dict[str, Any]:
    """Submit n jobs at once; wait for all; return the wall time and each job's time."""
    ids = []
    started = time.monotonic()
    for i in range(n):
        prompt = PROMPTS[i % len(PROMPTS)]
        folder = work / f"{tag}-{i}"
        folder.mkdir(parents=True)
        project = store.create_project(folder.name, folder.name, folder, prompt, "offline", owner=f"user{i % 2}")
        options = {"name": None, "provider": "offline", "models": [], "sandbox": sandbox, "deploy": None,
                   "prod": False, "verify": False}
        job_id = store.create_job(project["id"], prompt, "new", options, owner=f"user{i % 2}", status="queued")
        runner.submit(job_id)
        ids.append(job_id)
    while True:
        jobs = [store.get_job(j) for j in ids]
        if all(j["status"] in ("done", "failed") for j in jobs):
            break
        time.sleep(0.25)
    wall = time.monotonic() - started
    failed = [(j["id"], j["error"]) for j in jobs if j["status"] != "done"]
    return {"wall": wall, "job_seconds": [j["finished_at"] - j["created_at"] for j in jobs], "failed": failed}


def wait_workers(runner: CeleryRunner, n: int) -> None:
    deadline = time.monotonic() + 120
    while True:
        runner._seen = (0.0, 0)  # noqa: SLF001 — no cache while waiting
        if runner.workers_seen() >= n or time.monotonic() > deadline:
            return
        time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--sandbox", default="local", choices=["local", "none"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    counts = [int(x) for x in args.workers.split(",")]
    base = Path(tempfile.mkdtemp(prefix="sitegen-bench-fleet-"))
    os.environ.update(SITEGEN_HOME=str(base / "home"), SITEGEN_CONFIG=str(base / "config.toml"),
                      NEXT_TELEMETRY_DISABLED="1")
    redis_server, cluster = RedisServer().start(), PgCluster().start()
    databases = PgDatabases(cluster)
    results: list[dict[str, Any]] = []
    try:
        if args.sandbox == "local":  # fill the dependency cache once, untimed
            os.environ.update(SITEGEN_DATABASE_URL=databases.fresh(), SITEGEN_BROKER_URL=redis_server.url)
            settings = load_settings()
            store, runner = Store(settings.database_url), CeleryRunner(settings)
            workers = start_workers(1, base)
            wait_workers(runner, 1)
            warm = run_jobs(store, runner, base / "work", 1, "local", "warm")
            stop_workers(workers)
            print(f"warm-up job: {warm['wall']:.1f}s {warm['failed'] or ''}", file=sys.stderr)
        for round_no, n_workers in enumerate(counts):
            redis_server.flush()
            os.environ.update(SITEGEN_DATABASE_URL=databases.fresh(), SITEGEN_BROKER_URL=redis_server.url)
            settings = load_settings()
            store, runner = Store(settings.database_url), CeleryRunner(settings)
            workers = start_workers(n_workers, base)
            wait_workers(runner, n_workers)
            run = run_jobs(store, runner, base / "work", args.jobs, args.sandbox, f"r{round_no}-w{n_workers}")
            stop_workers(workers)
            runner.close()
            store.close()
            row = {"workers": n_workers, "jobs": args.jobs, "sandbox": args.sandbox, "wall_s": round(run["wall"], 1),
                   "jobs_per_minute": round(args.jobs / run["wall"] * 60, 2),
                   "median_job_s": round(statistics.median(run["job_seconds"]), 1), "failed": run["failed"]}
            results.append(row)
            print(f"{n_workers} worker(s): {args.jobs} jobs in {row['wall_s']}s = {row['jobs_per_minute']} jobs/min"
                  f" (median job {row['median_job_s']}s){' FAILED: ' + str(run['failed']) if run['failed'] else ''}",
                  file=sys.stderr)
    finally:
        redis_server.stop()
        cluster.stop()
    by_count = {n: round(statistics.median(r["jobs_per_minute"] for r in results if r["workers"] == n), 2)
                for n in counts}
    if len(by_count) >= 2:
        low, high = min(by_count), max(by_count)
        print(f"median jobs/min: {by_count}; {high} vs {low} workers: {by_count[high] / by_count[low]:.2f}x"
              f" (cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f})", file=sys.stderr)
    if args.json:
        print(json.dumps({"results": results, "cpus": os.cpu_count()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
