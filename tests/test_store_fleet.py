"""What the team server adds to the store, on SQLite and on a real PostgreSQL: owners, API tokens,
job events with log lines, worker deliveries (claim, retry limit, heartbeat), and execute_job
running, refusing and resuming real offline jobs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_settings
from sitegen.store import MAX_DELIVERIES, Store
from sitegen.store.fleet import delivery_verdict
from tests.fleet_helpers import PgDatabases, pg_databases  # noqa: F401 — a fixture

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, sitegen_home: Path, monkeypatch: pytest.MonkeyPatch) -> str | Path:
    """The store's location, also set for code that opens it from settings (SITEGEN_DATABASE_URL)."""
    if request.param == "postgres":
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        url = databases.fresh()
        monkeypatch.setenv("SITEGEN_DATABASE_URL", url)
        return url
    return sitegen_home / "sitegen.db"


@pytest.fixture
def store(target: str | Path) -> Iterator[Store]:
    s = Store(target)
    yield s
    s.close()


def offline_options(**extra: Any) -> dict[str, Any]:
    return {"name": None, "provider": "offline", "models": [], "sandbox": "none", "deploy": None,
            "prod": False, "verify": False, **extra}


def new_job(store: Store, folder: Path, owner: str = "", prompt: str = "a bakery in Lyon", **options: Any) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    project = store.create_project(folder.name, folder.name, folder.resolve(), prompt, "offline", owner=owner)
    return store.create_job(project["id"], prompt, "new", offline_options(**options), owner=owner)


def ends(store: Store, job_id: str) -> Counter[str]:
    return Counter(e["stage"] for e in store.events(job_id) if e["event"] == "end")


def test_each_owner_lists_only_their_projects_and_jobs(store: Store, tmp_path: Path) -> None:
    mine = [new_job(store, tmp_path / f"a{i}", owner="alice") for i in range(3)]
    theirs = [new_job(store, tmp_path / f"b{i}", owner="bob") for i in range(2)]
    legacy = new_job(store, tmp_path / "cli")  # a CLI job: no owner
    assert {p["name"] for p in store.list_projects(owner="alice")} == {"a0", "a1", "a2"}
    assert {p["name"] for p in store.list_projects(owner="bob")} == {"b0", "b1"}
    assert store.list_projects(owner="carol") == []
    assert len(store.list_projects()) == 6
    assert {j["id"] for j in store.list_jobs(owner="alice")} == set(mine)
    assert {j["id"] for j in store.list_jobs(owner="bob")} == set(theirs)
    assert {j["id"] for j in store.list_jobs(owner="")} == {legacy}
    bob_project = store.get_job(theirs[0])["project_id"]
    assert [j["id"] for j in store.list_jobs(project_id=bob_project, owner="alice")] == []
    assert store.get_job(theirs[0])["owner"] == "bob"


def test_api_tokens_are_kept_as_hashes_and_can_be_revoked(store: Store) -> None:
    made = store.create_token("ci", "alice", "h" * 64)
    store.create_token("laptop", "alice", "k" * 64)
    store.create_token("ci", "bob", "b" * 64)
    assert made["name"] == "ci" and made["owner"] == "alice" and "token_hash" not in made
    assert made["last_used_at"] is None and made["revoked_at"] is None
    found = store.token_by_hash("h" * 64)
    assert found and found["id"] == made["id"] and found["last_used_at"] is not None
    assert store.token_by_hash("x" * 64) is None
    assert all("token_hash" not in t for t in store.list_tokens())
    assert {t["name"] for t in store.list_tokens(owner="alice")} == {"ci", "laptop"}
    with pytest.raises(Exception):  # noqa: B017 — each backend's own integrity error
        store.create_token("dup", "carol", "h" * 64)
    assert store.revoke_token("ci", owner="alice") is True  # only alice's "ci"
    assert store.token_by_hash("h" * 64) is None and store.token_by_hash("b" * 64) is not None
    assert store.revoke_token("ci", owner="alice") is False  # already revoked
    laptop = next(t for t in store.list_tokens(owner="alice") if t["name"] == "laptop")
    assert store.revoke_token(laptop["id"]) is True  # by id
    assert store.token_by_hash("k" * 64) is None
    assert store.revoke_token("nope") is False


def test_job_events_stream_log_lines_in_order_with_stage_changes(store: Store, tmp_path: Path) -> None:
    job_id = new_job(store, tmp_path / "site")
    store.update_job(job_id, stage="PLANNING")
    store.add_event(job_id, "PLANNING", "start")
    store.append_log(job_id, "reading the prompt\n")
    store.add_event(job_id, "PLANNING", "end", 0.5)
    store.update_job(job_id, stage="BUILDING")
    store.add_event(job_id, "BUILDING", "start")
    for i in range(3):
        store.append_log(job_id, f"build line {i} 100%\n")
    events = store.job_events(job_id)
    assert [(e["stage"], e["event"]) for e in events] == [
        ("CREATED", "end"), ("PLANNING", "start"), ("PLANNING", "log"), ("PLANNING", "end"),
        ("BUILDING", "start"), ("BUILDING", "log"), ("BUILDING", "log"), ("BUILDING", "log")]
    assert events[2]["detail"] == {"text": "reading the prompt\n"}
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    later = store.job_events(job_id, after_id=events[4]["id"])
    assert [e["detail"]["text"] for e in later] == [f"build line {i} 100%\n" for i in range(3)]
    assert store.job_events(job_id, after_id=events[-1]["id"]) == []
    assert all(e["event"] != "log" for e in store.events(job_id))
    assert [s["stage"] for s in store.stage_durations(job_id)] == ["PLANNING", "BUILDING"]
    assert store.get_job(job_id)["log_tail"].endswith("build line 2 100%\n")


def sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


def test_deliveries_run_once_retry_a_dead_worker_twice_then_fail(store: Store, tmp_path: Path) -> None:
    job_id = new_job(store, tmp_path / "site")
    verdict, job = store.claim_delivery(job_id)
    assert verdict == "run" and job["attempts"] == 1 and job["pid"] == os.getpid()
    other = sleeper()  # a live worker process holds the job
    try:
        store.update_job(job_id, pid=other.pid, stage="BUILDING")
        assert store.claim_delivery(job_id)[0] == "busy"
        assert store.get_job(job_id)["attempts"] == 1
    finally:
        other.kill()
        other.wait()
    for attempt in range(2, MAX_DELIVERIES + 1):  # its worker died: retried, at most twice
        dead = sleeper()
        dead.kill()
        dead.wait()
        store.update_job(job_id, pid=dead.pid)
        verdict, job = store.claim_delivery(job_id)
        assert verdict == "run" and job["attempts"] == attempt
    store.update_job(job_id, pid=dead.pid)
    verdict, job = store.claim_delivery(job_id)
    assert verdict == "gave_up" and job["status"] == "failed"
    assert f"stopped {MAX_DELIVERIES} times" in job["error"] and "BUILDING" in job["error"]
    assert store.get_project(job["project_id"])["last_status"] == "failed"
    assert store.events(job_id)[-1]["event"] == "fail"
    assert store.claim_delivery(job_id)[0] == "final"  # a failed job is not run by a redelivery
    job = store.requeue_job(job_id)  # an explicit resume counts from zero
    assert job["status"] == "queued" and job["attempts"] == 0 and job["error"] is None
    assert store.claim_delivery(job_id)[0] == "run"
    store.update_job(job_id, status="done")
    assert store.claim_delivery(job_id)[0] == "done"


@pytest.mark.parametrize("from_queue", [True, False])
def test_a_dead_worker_leaves_a_queued_job_when_a_broker_delivers_it_again(
    store: Store, tmp_path: Path, from_queue: bool
) -> None:
    """A Celery delivery (requeue_on_loss) whose process died is shown queued: the broker hands it
    back and a waiting client keeps waiting. Run by anything else (the in-process runner, the CLI),
    nobody runs it again: it is interrupted."""
    job_id = new_job(store, tmp_path / "site")
    store.claim_delivery(job_id, requeue_on_loss=from_queue)
    dead = sleeper()
    dead.kill()
    dead.wait()
    store.update_job(job_id, pid=dead.pid, stage="BUILDING")
    job = store.get_job(job_id)
    project = store.get_project(job["project_id"])
    if from_queue:
        assert job["status"] == "queued" and job["error"] is None and project["last_status"] == "queued"
        [note] = [e for e in store.events(job_id) if e["detail"].get("requeued")]
        assert "BUILDING" in note["detail"]["message"]
        assert store.get_job(job_id)["status"] == "queued"
        assert len([e for e in store.events(job_id) if e["detail"].get("requeued")]) == 1  # noted once
        verdict, job = store.claim_delivery(job_id, requeue_on_loss=True)  # the broker's next delivery
        assert verdict == "run" and job["attempts"] == 2 and job["status"] == "running"
    else:
        assert job["status"] == "interrupted" and "BUILDING" in job["error"]
        assert project["last_status"] == "interrupted"


def test_a_worker_on_another_host_is_alive_while_its_heartbeat_is_fresh() -> None:
    now = time.time()
    job = {"status": "running", "attempts": 1, "host": "not-" + socket.gethostname(), "pid": 1,
           "heartbeat_at": now - 5}
    assert delivery_verdict(job, now) == "busy"
    assert delivery_verdict({**job, "heartbeat_at": now - 600}, now) == "run"
    assert delivery_verdict({**job, "heartbeat_at": None}, now) == "run"
    assert delivery_verdict({**job, "status": "interrupted", "attempts": MAX_DELIVERIES}, now) == "gave_up"
    assert delivery_verdict({**job, "status": "queued", "attempts": 0}, now) == "run"


def test_heartbeat_only_from_the_process_running_the_job(store: Store, tmp_path: Path) -> None:
    job_id = new_job(store, tmp_path / "site")
    assert store.claim_delivery(job_id)[0] == "run"
    before = store.get_job(job_id)["heartbeat_at"]
    time.sleep(0.01)
    assert store.heartbeat(job_id) is True and store.get_job(job_id)["heartbeat_at"] > before
    store.update_job(job_id, pid=1)  # someone else's now
    assert store.heartbeat(job_id) is False


def test_execute_job_runs_a_job_once(store: Store, target: str | Path, tmp_path: Path) -> None:
    from sitegen.server.execute import execute_job

    settings = load_settings()
    ids = [new_job(store, tmp_path / name, owner="alice", prompt=prompt)
           for name, prompt in (("bakery", "a bakery in Lyon"), ("dentist", "a dentist in Porto called Sorriso"))]
    for job_id in ids:
        job = execute_job(settings, job_id)
        assert job["status"] == "done", job["error"]
        assert ends(store, job_id) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1, "CHECKING": 1,
                                               "DONE": 1})
        assert (Path(store.get_project(job["project_id"])["path"]) / ".sitegen" / "plan.json").is_file()
        before = len(store.job_events(job_id))
        assert execute_job(settings, job_id)["status"] == "done"  # a redelivery of a finished job
        assert len(store.job_events(job_id)) == before


def test_a_killed_run_resumes_after_its_last_finished_stage(store: Store, tmp_path: Path) -> None:
    """A real process runs the job and is killed mid-CHECKING; the next delivery continues there
    (the hold applies to the first delivery only)."""
    from sitegen.server.execute import execute_job

    job_id = new_job(store, tmp_path / "site", hold={"stage": "CHECKING", "seconds": 120})
    code = ("import sys; from sitegen.config import load_settings; from sitegen.server.execute import execute_job;"
            " execute_job(load_settings(), sys.argv[1])")
    worker = subprocess.Popen([sys.executable, "-c", code, job_id], env=os.environ.copy())
    try:
        deadline = time.monotonic() + 120
        while not any(e["stage"] == "CHECKING" and e["event"] == "start" for e in store.events(job_id)):
            assert worker.poll() is None and time.monotonic() < deadline, "the worker never reached CHECKING"
            time.sleep(0.2)
        assert store.claim_delivery(job_id)[0] == "busy"  # a second delivery while it runs
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    job = execute_job(load_settings(), job_id)
    assert job["status"] == "done" and job["attempts"] == 2, job["error"]
    assert ends(store, job_id) == Counter({"CREATED": 1, "PLANNING": 1, "GENERATING": 1, "CHECKING": 1, "DONE": 1})
    starts = [e["stage"] for e in store.events(job_id) if e["event"] == "start"]
    assert starts == ["PLANNING", "GENERATING", "CHECKING", "CHECKING"]


def test_resume_point_takes_the_furthest_finished_stage(store: Store, tmp_path: Path) -> None:
    from sitegen.server.execute import resume_point

    job_id = new_job(store, tmp_path / "site", sandbox="local")
    assert resume_point(store, store.get_job(job_id)) is None
    store.add_event(job_id, "PLANNING", "end", 0.1)
    store.add_event(job_id, "GENERATING", "end", 0.1)
    assert resume_point(store, store.get_job(job_id)) == "GENERATING"  # ended, last_done_stage not yet set
    store.update_job(job_id, last_done_stage="CHECKING")
    assert resume_point(store, store.get_job(job_id)) == "CHECKING"
    deploy = new_job(store, tmp_path / "other", sandbox="auto", deploy="static")
    store.update_job(deploy, last_done_stage="BUILDING")  # a deploy-only job
    assert resume_point(store, store.get_job(deploy)) == "BUILDING"


def test_database_and_broker_passwords_are_secrets() -> None:
    from sitegen.config import Settings
    from sitegen.secrets import scrub

    settings = Settings(home=Path("/tmp/x"), database_url="postgresql://sitegen:pg-Pa55word@db.internal/sitegen",
                        broker_url="redis://:redis-Pa55@queue.internal:6379/0")
    text = scrub("connect postgresql://sitegen:pg-Pa55word@db.internal failed; auth redis-Pa55", settings.secrets())
    assert "pg-Pa55word" not in text and "redis-Pa55" not in text


def _claim(target: str, job_id: str, start: Any, done: Any, verdicts: Any) -> None:
    s = Store(target if target.startswith("postgresql://") else Path(target))
    start.wait()
    verdicts.put(s.claim_delivery(job_id)[0])
    done.wait()  # stay alive until every claim is made: a live claimer is a busy owner


def test_simultaneous_deliveries_of_one_job_run_it_once(store: Store, target: str | Path, tmp_path: Path) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    n = 6
    for round_ in range(2):
        job_id = new_job(store, tmp_path / f"site{round_}")
        start, done, verdicts = ctx.Barrier(n), ctx.Barrier(n + 1), ctx.Queue()
        procs = [ctx.Process(target=_claim, args=(str(target), job_id, start, done, verdicts)) for _ in range(n)]
        for p in procs:
            p.start()
        got = sorted(verdicts.get(timeout=120) for _ in range(n))
        done.wait(timeout=60)
        for p in procs:
            p.join(60)
        assert got == ["busy"] * (n - 1) + ["run"], got
        assert store.get_job(job_id)["attempts"] == 1


def test_an_unreachable_database_is_a_config_error_without_the_password() -> None:
    from sitegen.errors import ErrorKind, SitegenError
    from tests.fakes.fake_postgrest import free_port

    started = time.monotonic()
    with pytest.raises(SitegenError) as exc:
        Store(f"postgresql://sitegen:Secret-pw-1@127.0.0.1:{free_port()}/sitegen?connect_timeout=2")
    assert exc.value.kind == ErrorKind.CONFIG and "Secret-pw-1" not in str(exc.value)
    assert "SITEGEN_DATABASE_URL" in exc.value.hint and time.monotonic() - started < 30


def test_sitegen_worker_without_a_broker_is_bad_usage(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import run_cli

    monkeypatch.delenv("SITEGEN_BROKER_URL", raising=False)
    result = run_cli("worker", "--concurrency", "1", timeout=120)
    assert result.returncode == 2 and "SITEGEN_BROKER_URL" in result.stderr and result.stdout == ""
    bad = run_cli("worker", "--concurrency", "0", timeout=120)
    assert bad.returncode == 2
