"""The store on both backends (SQLite, PostgreSQL): migrations, jobs and stages, interrupted jobs,
concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.store import MIGRATIONS, Store
from tests.fleet_helpers import PgDatabases, pg_databases  # noqa: F401 — a fixture

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def new_target(backend: str, request: pytest.FixtureRequest, tmp_path: Path, name: str = "sitegen.db") -> str | Path:
    """A new, empty database: a SQLite file, or a fresh database in the session's PostgreSQL."""
    if backend == "postgres":
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        return databases.fresh()
    return tmp_path / "db" / name


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def target(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    return new_target(backend, request, tmp_path)


@pytest.fixture
def store(target: str | Path) -> Iterator[Store]:
    s = Store(target)
    yield s
    s.close()


def test_migrations_are_named_and_applied_once(target: str | Path) -> None:
    first = Store(target)
    names = [row["name"] for row in first.query("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert Store(target).migrate() == []
    if first.postgres:  # REAL columns are double precision there: times keep their fractions
        kinds = {r["data_type"] for r in first.query(
            "SELECT data_type FROM information_schema.columns"
            " WHERE table_name = 'jobs' AND column_name = 'created_at'")}
        assert kinds == {"double precision"}
    else:
        assert first.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"


def test_job_lifecycle_and_stage_durations(store: Store, tmp_path: Path) -> None:
    project = store.create_project("Luz", "luz", tmp_path / "luz", "a café called Luz", "offline")
    job_id = store.create_job(project["id"], "a café called Luz", options={"sandbox": "local"})
    store.add_event(job_id, "PLANNING", "start")
    store.add_event(job_id, "PLANNING", "end", 0.25)
    store.add_event(job_id, "BUILDING", "start")
    store.add_event(job_id, "BUILDING", "fail", 3.5, {"error": "boom"})
    stages = store.stage_durations(job_id)
    assert [(s["stage"], s["status"], s["seconds"]) for s in stages] == [
        ("PLANNING", "done", 0.25),
        ("BUILDING", "failed", 3.5),
    ]
    job = store.get_job(job_id[:6])
    assert job["id"] == job_id and job["options"] == {"sandbox": "local"}
    assert store.get_project(project["id"])["last_job_id"] == job_id


def test_log_tail_keeps_the_end(store: Store, tmp_path: Path) -> None:
    project = store.create_project("x", "x", tmp_path / "x", "x", "offline")
    job_id = store.create_job(project["id"], "x")
    for i in range(3000):
        store.append_log(job_id, f"line {i}\n")
    tail = store.get_job(job_id)["log_tail"]
    assert tail.endswith("line 2999\n") and len(tail) <= 8000 and "line 0\n" not in tail


def test_unknown_job_and_project_are_not_found(store: Store) -> None:
    with pytest.raises(SitegenError) as exc:
        store.get_job("jdeadbeef")
    assert exc.value.exit_code == 2
    with pytest.raises(SitegenError):
        store.find_project("nope")


def test_find_project_by_name_path_and_cwd(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    project = store.create_project("Blue Fern", "blue-fern", folder.resolve(), "p", "offline")
    assert store.find_project("Blue Fern")["id"] == project["id"]
    assert store.find_project(str(folder))["id"] == project["id"]
    (folder / "app").mkdir()
    assert store.find_project(None, cwd=folder / "app")["id"] == project["id"]


def test_running_job_of_a_dead_process_is_interrupted(store: Store, tmp_path: Path) -> None:
    project = store.create_project("x", "x", tmp_path / "x", "x", "offline")
    job_id = store.create_job(project["id"], "x")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    store.update_job(job_id, pid=child.pid, stage="BUILDING")
    assert store.get_job(job_id)["status"] == "running"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    job = store.get_job(job_id)
    assert job["status"] == "interrupted" and "BUILDING" in job["error"]
    assert store.get_project(project["id"])["last_status"] == "interrupted"


def _open(target: str) -> Store:
    return Store(target if target.startswith("postgresql://") else Path(target))


def _writer(path: str, n: int, worker: int) -> None:
    s = _open(path)
    project = s.create_project(f"p{worker}", f"p{worker}", Path(f"/tmp/nowhere/{worker}"), "x", "offline")
    job_id = s.create_job(project["id"], "x")
    for i in range(n):
        s.add_event(job_id, "BUILDING", "info", detail={"i": i})
        s.append_log(job_id, f"{worker}:{i}\n")


def test_several_processes_write_at_once(target: str | Path) -> None:
    path = target
    Store(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), 200, w)) for w in range(4)]
    started = time.monotonic()
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert all(p.exitcode == 0 for p in procs), [p.exitcode for p in procs]
    s = Store(target)
    assert s.query("SELECT COUNT(*) AS n FROM stage_events WHERE event = 'info'")[0]["n"] == 800
    assert len(s.list_projects()) == 4
    assert time.monotonic() - started < 120


def test_outbox_keeps_newest_version_per_row(store: Store) -> None:
    store.outbox_put("projects", "p1", {"v": 1})
    store.outbox_put("projects", "p1", {"v": 2})
    store.outbox_put("jobs", "j1", {"v": 1})
    items = store.outbox_items()
    assert [(i["table_name"], i["payload"]["v"]) for i in items] == [("projects", 2), ("jobs", 1)]
    store.outbox_done([items[0]["id"]])
    assert len(store.outbox_items()) == 1


def _open_and_list(path: str, start_at: float) -> None:
    while time.time() < start_at:
        time.sleep(0.001)
    s = _open(path)
    s.list_jobs()
    s.close()


def test_many_processes_open_a_brand_new_database_at_once(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    ctx = multiprocessing.get_context("spawn")
    for round_ in range(3):
        path = new_target(backend, request, tmp_path, f"fresh{round_}.db")
        start_at = time.time() + 1.5
        procs = [ctx.Process(target=_open_and_list, args=(str(path), start_at)) for _ in range(8)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert [p.exitcode for p in procs] == [0] * 8
