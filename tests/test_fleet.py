"""A real fleet: redis-server, PostgreSQL, `sitegen worker` processes (Celery) running offline jobs,
and `sitegen serve`'s app on uvicorn.

Six jobs submitted over HTTP by two owners finish on two workers with their records in PostgreSQL; a worker killed
with SIGKILL mid-stage has its job redelivered to the other worker, which continues it from its
last finished stage to DONE without completing any stage twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_settings
from sitegen.procs import pid_alive
from sitegen.server.tasks import CeleryRunner
from sitegen.store import Store
from tests.fakes.fake_postgrest import free_port
from tests.fleet_helpers import PgDatabases, RedisServer, pg_databases, redis_server  # noqa: F401 — fixtures

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

PROMPTS = ["a bakery in Lyon", "a dentist in Porto called Sorriso", "a yoga studio for beginners",
           "a bike repair shop in Utrecht", "a jazz trio for weddings", "a plant nursery with a price list"]


class Fleet:
    """Worker processes (each in its own process group) sharing one store and one broker."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env, self.logs = env, logs
        self.workers: list[subprocess.Popen[bytes]] = []

    def start_worker(self, concurrency: int = 1) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"worker{len(self.workers)}.log", "wb")  # noqa: SIM115 — kept open for the child
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "worker", "--concurrency", str(concurrency)],
                                env=self.env, stdout=log,
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


@contextmanager
def api_server(settings: Any) -> Iterator[tuple[str, Any]]:
    """`sitegen serve`'s app on uvicorn (a thread, a free port) submitting to Celery; yields (url, store)."""
    import uvicorn

    from sitegen.server.actions import Limits
    from sitegen.server.app import create_app
    from sitegen.server.execute import shared_store

    store = shared_store(settings)
    app = create_app(settings, store, CeleryRunner(settings), Limits(running_jobs=10, jobs_per_hour=100))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.config.port}", store
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_six_jobs_over_http_of_two_owners_finish_on_two_workers(fleet: Fleet) -> None:
    import httpx
    import psycopg

    from sitegen.server.auth import new_token

    settings = load_settings()
    runner = CeleryRunner(settings)
    for _ in range(2):
        fleet.start_worker(1)
    wait_for_workers(runner, 2, fleet)
    with api_server(settings) as (url, store):
        tokens = {}
        for owner in ("alice", "bob"):
            token, digest = new_token()
            store.create_token(owner, owner, digest)
            tokens[owner] = token
        clients = {o: httpx.Client(base_url=url, headers={"Authorization": f"Bearer {t}"}, timeout=60)
                   for o, t in tokens.items()}
        health = clients["alice"].get("/").json()
        submitted: dict[str, str] = {}
        for i, prompt in enumerate(PROMPTS):
            owner = ("alice", "bob")[i % 2]
            r = clients[owner].post("/generate", json={"prompt": prompt, "provider": "offline", "sandbox": "none",
                                                       "verify": False})
            assert r.status_code == 202, r.text
            submitted[r.json()["job_id"]] = owner

        def all_finished() -> bool:
            return all(clients[o].get(f"/status/{j}").json()["status"] in ("done", "failed")
                       for j, o in submitted.items())

        wait_for(all_finished, 240, fleet, "six jobs")
        for job_id, owner in submitted.items():
            body = clients[owner].get(f"/status/{job_id}").json()
            assert body["status"] == "done", body
            other = "bob" if owner == "alice" else "alice"
            assert clients[other].get(f"/status/{job_id}").status_code == 404
        for owner, client in clients.items():
            projects = client.get("/projects").json()
            projects = projects.get("projects", projects) if isinstance(projects, dict) else projects
            assert len(projects) == 3
            assert {p["owner"] for p in store.list_projects(owner=owner)} == {owner}
            assert len(store.list_projects(owner=owner)) == 3
        for client in clients.values():
            client.close()
    jobs = [store.get_job(j) for j in submitted]
    assert len({j["pid"] for j in jobs}) == 2, "both workers ran jobs"
    for job in jobs:
        assert job["attempts"] == 1 and job["owner"] == submitted[job["id"]]
        assert ends(store, job["id"]) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1, "CHECKING": 1,
                                                  "DONE": 1})
        assert (Path(job["result"]["path"]) / ".sitegen" / "plan.json").is_file()
    with psycopg.connect(settings.database_url) as conn:  # the records are in PostgreSQL itself
        rows = conn.execute("SELECT owner, status, count(*) FROM jobs GROUP BY owner, status ORDER BY owner").fetchall()
    assert rows == [("alice", "done", 3), ("bob", "done", 3)]
    assert runner.queue_depth() == 0 and health
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
    seen: list[str] = []  # what a reader (here, on the dead worker's host) is shown meanwhile

    def finished() -> bool:
        statuses = [store.get_job(j)["status"] for j in [held, *others]]
        seen.append(statuses[0])
        return all(s in ("done", "failed") for s in statuses)

    wait_for(finished, 240, fleet, "the killed job to be redelivered and finish")
    assert "queued" in seen and "interrupted" not in seen, seen  # a waiting client never sees it end early
    assert any(e["detail"].get("requeued") for e in store.events(held))
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


def test_a_job_whose_worker_dies_three_times_fails_with_the_reason(fleet: Fleet, tmp_path: Path) -> None:
    """The pool process running the job is SIGKILLed mid-CHECKING on every delivery: Celery hands the
    job back at once (reject_on_worker_lost), it is retried twice, then FAILED, and the worker goes on."""
    settings = load_settings()
    store, runner = Store(settings.database_url), CeleryRunner(settings)
    fleet.start_worker(1)
    wait_for_workers(runner, 1, fleet)
    job_id = submit(store, runner, tmp_path / "ws" / "doomed", "alice", PROMPTS[0],
                    hold={"stage": "CHECKING", "seconds": 120, "deliveries": 3})
    killed: list[int] = []
    for attempt in (1, 2, 3):
        def in_checking(attempt: int = attempt) -> bool:
            job = store.get_job(job_id)
            return job["attempts"] == attempt and job["stage"] == "CHECKING" and job["pid"] not in killed

        wait_for(in_checking, 120, fleet, f"delivery {attempt} to reach CHECKING")
        pid = store.get_job(job_id)["pid"]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)
    wait_for(lambda: store.get_job(job_id)["status"] == "failed", 120, fleet, "the job to be failed")
    job = store.get_job(job_id)
    assert "stopped 3 times" in job["error"] and "CHECKING" in job["error"] and job["attempts"] == 3
    assert ends(store, job_id) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1})  # never re-done
    after = submit(store, runner, tmp_path / "ws" / "after", "bob", PROMPTS[1])  # the worker still works
    wait_for(lambda: store.get_job(after)["status"] == "done", 120, fleet, "a job after the failures")
    runner.close()
