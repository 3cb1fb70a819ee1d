"""A real fleet: redis-server, PostgreSQL, and `sitegen worker` processes (Celery) running offline jobs.

Six jobs of two owners finish on two workers with their records in PostgreSQL; a worker killed
with SIGKILL mid-stage has its job redelivered to the other worker, which continues it from its
last finished stage to DONE without completing any stage twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_settings
from sitegen.procs import pid_alive
from sitegen.server.tasks import CeleryRunner
from sitegen.store import Store
from tests.fleet_helpers import PgDatabases, RedisServer, pg_databases, redis_server  # noqa: F401 — fixtures

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

PROMPTS = ["a bakery in Lyon", "a dentist in Porto called Sorriso", "a yoga studio for beginners",
           "a bike repair shop in Utrecht", "a jazz trio for weddings", "a plant nursery with a price list"]
WORKER = ("import sys; from sitegen.config import load_settings; from sitegen.server.tasks import run_worker;"
          " run_worker(load_settings(), int(sys.argv[1]), 'INFO')")


class Fleet:
    """Worker processes (each in its own process group) sharing one store and one broker."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env, self.logs = env, logs
        self.workers: list[subprocess.Popen[bytes]] = []

    def start_worker(self, concurrency: int = 1) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"worker{len(self.workers)}.log", "wb")  # noqa: SIM115 — kept open for the child
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(concurrency)], env=self.env, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.workers.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        """SIGKILL the worker and its pool processes at once, as an OOM killer or a lost machine would."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)

    def stop(self) -> None:
        for proc in self.workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.workers:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # any pool process left behind
            except ProcessLookupError:
                pass

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.logs.glob("worker*.log")))


@pytest.fixture
def fleet(pg_databases: PgDatabases, redis_server: RedisServer, sitegen_home: Path,  # noqa: F811
          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Fleet]:
    redis_server.flush()
    monkeypatch.setenv("SITEGEN_DATABASE_URL", pg_databases.fresh())
    monkeypatch.setenv("SITEGEN_BROKER_URL", redis_server.url)
    monkeypatch.setenv("SITEGEN_VISIBILITY_TIMEOUT", "8")  # redeliver a dead worker's job quickly
    logs = tmp_path / "logs"
    logs.mkdir()
    fleet = Fleet(dict(os.environ), logs)
    yield fleet
    fleet.stop()


def submit(store: Store, runner: CeleryRunner, folder: Path, owner: str, prompt: str, **options: Any) -> str:
    folder.mkdir(parents=True)
    project = store.create_project(folder.name, folder.name, folder.resolve(), prompt, "offline", owner=owner)
    opts = {"name": None, "provider": "offline", "models": [], "sandbox": "none", "deploy": None,
            "prod": False, "verify": False, **options}
    job_id = store.create_job(project["id"], prompt, "new", opts, owner=owner, status="queued")
    runner.submit(job_id)
    return job_id


def wait_for(check: Any, timeout: float, fleet: Fleet, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}\n{fleet.log_text()}"
        time.sleep(0.3)


def wait_for_workers(runner: CeleryRunner, n: int, fleet: Fleet) -> None:
    def seen() -> bool:
        runner._seen = (0.0, 0)  # noqa: SLF001 — no cache while waiting
        return runner.workers_seen() >= n

    wait_for(seen, 90, fleet, f"{n} workers")


def ends(store: Store, job_id: str) -> Counter[str]:
    return Counter(e["stage"] for e in store.events(job_id) if e["event"] == "end")


def test_six_jobs_of_two_owners_finish_on_two_workers(fleet: Fleet, tmp_path: Path) -> None:
    settings = load_settings()
    store, runner = Store(settings.database_url), CeleryRunner(settings)
    for _ in range(2):
        fleet.start_worker(1)
    wait_for_workers(runner, 2, fleet)
    owners = ["alice", "bob"] * 3
    ids = [submit(store, runner, tmp_path / "ws" / f"site{i}", owner, prompt,
                  hold={"stage": "PLANNING", "seconds": 1.5})  # long enough for both workers to take jobs
           for i, (owner, prompt) in enumerate(zip(owners, PROMPTS, strict=True))]
    assert runner.queue_depth() >= 1
    wait_for(lambda: all(store.get_job(j)["status"] not in ("queued", "running") for j in ids), 240, fleet,
             "six jobs")
    jobs = [store.get_job(j) for j in ids]
    assert [j["status"] for j in jobs] == ["done"] * 6, [(j["status"], j["error"]) for j in jobs]
    assert len({j["pid"] for j in jobs}) == 2  # both workers ran jobs
    for job in jobs:
        assert ends(store, job["id"]) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1, "CHECKING": 1,
                                                  "DONE": 1})
        assert job["attempts"] == 1
        assert (Path(job["result"]["path"]) / ".sitegen" / "plan.json").is_file()
    for owner in ("alice", "bob"):
        mine = store.list_projects(owner=owner)
        assert len(mine) == 3 and {p["owner"] for p in mine} == {owner}
        assert {p["last_status"] for p in mine} == {"done"}
        assert {j["id"] for j in store.list_jobs(owner=owner)} == {j["id"] for j in jobs if j["owner"] == owner}
    import psycopg

    with psycopg.connect(settings.database_url) as conn:  # the records are in PostgreSQL itself
        rows = conn.execute("SELECT owner, status, count(*) FROM jobs GROUP BY owner, status ORDER BY owner").fetchall()
    assert rows == [("alice", "done", 3), ("bob", "done", 3)]
    assert runner.queue_depth() == 0
    runner.close()


def test_a_worker_killed_mid_stage_hands_its_job_to_another(fleet: Fleet, tmp_path: Path) -> None:
    settings = load_settings()
    store, runner = Store(settings.database_url), CeleryRunner(settings)
    first = fleet.start_worker(1)
    wait_for_workers(runner, 1, fleet)
    held = submit(store, runner, tmp_path / "ws" / "held", "alice", PROMPTS[0],
                  hold={"stage": "CHECKING", "seconds": 120})
    wait_for(lambda: store.get_job(held)["stage"] == "CHECKING", 120, fleet, "the job to reach CHECKING")
    second = fleet.start_worker(1)
    wait_for_workers(runner, 2, fleet)
    others = [submit(store, runner, tmp_path / "ws" / f"other{i}", "bob", p) for i, p in enumerate(PROMPTS[1:3])]
    runner_pid = store.get_job(held)["pid"]
    fleet.kill(first)
    assert second.poll() is None
    wait_for(lambda: not pid_alive(runner_pid), 30, fleet, "the pool process to die")  # (a zombie is gone)
    # until redelivered, a reader sees the job as interrupted (its process is gone): wait for the end
    wait_for(lambda: all(store.get_job(j)["status"] in ("done", "failed") for j in [held, *others]), 240,
             fleet, "the killed job to be redelivered and finish")
    job = store.get_job(held)
    assert job["status"] == "done", (job["error"], fleet.log_text())
    assert job["attempts"] == 2 and job["pid"] != runner_pid
    assert ends(store, held) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1, "CHECKING": 1, "DONE": 1})
    starts = [e["stage"] for e in store.events(held) if e["event"] == "start"]
    assert starts == ["PLANNING", "GENERATING", "CHECKING", "CHECKING"]  # continued at the stage it died in
    for job_id in others:  # nothing else was lost
        other = store.get_job(job_id)
        assert other["status"] == "done" and max(ends(store, job_id).values()) == 1
    runner.close()


def test_sigterm_is_a_warm_shutdown(fleet: Fleet, tmp_path: Path) -> None:
    """SIGTERM: the running job finishes (DONE, acknowledged), then the worker exits; a job still
    queued stays queued for the next worker."""
    settings = load_settings()
    store, runner = Store(settings.database_url), CeleryRunner(settings)
    worker = fleet.start_worker(1)
    wait_for_workers(runner, 1, fleet)
    running = submit(store, runner, tmp_path / "ws" / "running", "alice", PROMPTS[0],
                     hold={"stage": "CHECKING", "seconds": 6})
    wait_for(lambda: store.get_job(running)["stage"] == "CHECKING", 120, fleet, "the job to reach CHECKING")
    waiting = submit(store, runner, tmp_path / "ws" / "waiting", "bob", PROMPTS[1])
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(90) == 0, fleet.log_text()
    assert store.get_job(running)["status"] == "done"
    assert store.get_job(waiting)["status"] == "queued" and runner.queue_depth() == 1
    fleet.start_worker(1)  # the next worker takes what was left
    wait_for(lambda: store.get_job(waiting)["status"] == "done", 120, fleet, "the waiting job")
    assert store.get_job(running)["attempts"] == 1  # the finished job was acknowledged, never redelivered
    runner.close()
