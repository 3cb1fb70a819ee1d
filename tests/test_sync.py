"""The Supabase mirror: supabase-py against a PostgREST-style stand-in over a real PostgreSQL
with the shipped schema and its row-level-security policies applied."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_settings
from sitegen.store import Store
from sitegen.sync import Syncer, schema_sql, sync_now
from tests.conftest import need, run_cli
from tests.fakes.fake_postgrest import AUTH_SHIM_SQL, FakePostgrest, PgCluster, free_port, make_jwt

pytestmark = pytest.mark.postgres

USER_1 = str(uuid.UUID(int=1))
USER_2 = str(uuid.UUID(int=2))
SERVICE_KEY = make_jwt("service_role")


@pytest.fixture(scope="session")
def pg() -> Iterator[PgCluster]:
    cluster = PgCluster()
    try:
        cluster.start()
        cluster.execute(AUTH_SHIM_SQL)
        cluster.execute(schema_sql())
    except Exception as exc:  # noqa: BLE001
        cluster.stop()
        need(False, f"PostgreSQL could not start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def rest(pg: PgCluster) -> Iterator[FakePostgrest]:
    with FakePostgrest(pg.dsn) as api:
        yield api


@pytest.fixture
def db(pg: PgCluster) -> PgCluster:
    pg.execute("truncate public.projects, public.jobs")
    return pg


def supa_env(url: str, user: str = USER_1) -> dict[str, str]:
    return {"SUPABASE_URL": url, "SUPABASE_SERVICE_ROLE_KEY": SERVICE_KEY, "SITEGEN_SUPABASE_USER_ID": user}


def built_project(home: Path, tmp_path: Path, name: str = "bakery") -> dict[str, Any]:
    folder = tmp_path / name
    (folder / "out").mkdir(parents=True)
    (folder / "out" / "index.html").write_text("<!doctype html><h1>Bakery</h1>", encoding="utf-8")
    store = Store(home / "sitegen.db")
    project = store.create_project(name, name, folder, "a bakery in Lyon", "offline")
    store.close()
    return project


def deploy_static(project: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    r = run_cli("deploy", project["id"], "--target", "static", "--json", env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def rows(db: PgCluster, table: str) -> list[dict[str, Any]]:
    return [r[0] for r in db.query(f"select to_jsonb(t) from public.{table} t order by id")]  # noqa: S608


def outbox(home: Path) -> list[dict[str, Any]]:
    store = Store(home / "sitegen.db")
    try:
        return store.outbox_items(limit=10_000)
    finally:
        store.close()


def anon_client(url: str) -> Any:
    import httpx  # noqa: PLC0415
    from supabase import ClientOptions, create_client  # noqa: PLC0415

    return create_client(url, make_jwt("anon"), ClientOptions(httpx_client=httpx.Client(timeout=15)))


def user_client(url: str, user: str) -> Any:
    client = anon_client(url)
    client.postgrest.auth(make_jwt("authenticated", user))
    return client


# ------------------------------------------------------------------------------------------------
def test_records_arrive_tagged_with_owner(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                          db: PgCluster) -> None:
    project = built_project(sitegen_home, tmp_path)
    rest.requests.clear()
    job = deploy_static(project, supa_env(rest.url))
    projects, jobs = rows(db, "projects"), rows(db, "jobs")
    assert [p["id"] for p in projects] == [project["id"]]
    assert [j["id"] for j in jobs] == [job["job_id"]]
    p, j = projects[0], jobs[0]
    assert p["owner"] == USER_1 and j["owner"] == USER_1
    assert p["deploy_target"] == "static" and p["deploy_url"].startswith("file://")
    assert p["last_status"] == "done" and p["last_job_id"] == job["job_id"]
    assert j["status"] == "done" and j["stage"] == "DONE" and j["kind"] == "deploy"
    assert j["result"]["deploy"]["target"] == "static"
    assert outbox(sitegen_home) == []
    posts = [q for q in rest.requests if q["method"] == "POST"]
    assert posts and all(q["headers"]["authorization"] == f"Bearer {SERVICE_KEY}" for q in posts)
    assert all("resolution=merge-duplicates" in q["headers"]["prefer"] for q in posts)


def test_second_user_cannot_read_first_users_rows(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                                  db: PgCluster) -> None:
    project = built_project(sitegen_home, tmp_path)
    deploy_static(project, supa_env(rest.url, USER_1))
    other = built_project(sitegen_home, tmp_path, "florist")
    deploy_static(other, supa_env(rest.url, USER_2))
    assert len(rows(db, "projects")) == 2  # both are there, seen by the superuser

    mine = user_client(rest.url, USER_1).table("projects").select("*").execute().data
    theirs = user_client(rest.url, USER_2).table("projects").select("*").execute().data
    assert [r["id"] for r in mine] == [project["id"]]
    assert [r["id"] for r in theirs] == [other["id"]]
    snoop = user_client(rest.url, USER_2).table("jobs").select("*").eq("project_id", project["id"]).execute()
    assert snoop.data == []
    # writing a row as someone else is refused by PostgreSQL's policy, not by the stand-in
    from postgrest.exceptions import APIError  # noqa: PLC0415

    with pytest.raises(APIError) as err:
        user_client(rest.url, USER_2).table("projects").upsert(
            {"id": project["id"], "owner": USER_1, "name": "hijacked"}, on_conflict="id").execute()
    assert err.value.code == "42501"
    assert {r["id"]: r["name"] for r in rows(db, "projects")}[project["id"]] == "bakery"


def test_anon_sees_nothing(rest: FakePostgrest, db: PgCluster, sitegen_home: Path, tmp_path: Path) -> None:
    from postgrest.exceptions import APIError  # noqa: PLC0415

    deploy_static(built_project(sitegen_home, tmp_path), supa_env(rest.url))
    with pytest.raises(APIError) as err:
        anon_client(rest.url).table("projects").select("*").execute()
    assert err.value.code == "42501"  # no grant at all for anon


def test_supabase_down_outbox_then_flushed(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                           db: PgCluster) -> None:
    project = built_project(sitegen_home, tmp_path)
    dead = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    first = deploy_static(project, supa_env(dead))
    second = deploy_static(project, supa_env(dead))
    assert time.monotonic() - started < 60  # the pipeline does not wait on Supabase
    queued = outbox(sitegen_home)
    assert sorted((i["table_name"], i["row_id"]) for i in queued) == sorted(
        [("projects", project["id"]), ("jobs", first["job_id"]), ("jobs", second["job_id"])])
    assert rows(db, "projects") == []

    r = run_cli("sync", "--json", env=supa_env(dead))
    assert r.returncode == 1 and json.loads(r.stdout)["waiting"] == 3
    assert SERVICE_KEY not in r.stdout + r.stderr
    assert all(SERVICE_KEY not in i["last_error"] for i in outbox(sitegen_home))

    r = run_cli("sync", "--json", env=supa_env(rest.url))
    report = json.loads(r.stdout)
    assert r.returncode == 0, r.stderr
    assert report["sent"] == 3 and report["waiting"] == 0 and report["error"] == ""
    projects, jobs = rows(db, "projects"), rows(db, "jobs")
    assert len(projects) == 1 and projects[0]["last_job_id"] == second["job_id"]  # the newest version won
    assert sorted(j["id"] for j in jobs) == sorted([first["job_id"], second["job_id"]])
    assert all(j["status"] == "done" for j in jobs)

    # again, and with --all: the same rows, updated in place, never duplicated
    before = projects[0]["updated_at"]
    for args in (("sync", "--json"), ("sync", "--all", "--json")):
        r = run_cli(*args, env=supa_env(rest.url))
        assert r.returncode == 0, r.stderr
    assert len(rows(db, "projects")) == 1 and len(rows(db, "jobs")) == 2
    assert rows(db, "projects")[0]["updated_at"] > before  # the trigger stamped the re-upsert


def test_next_run_flushes_what_was_left(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                        db: PgCluster) -> None:
    project = built_project(sitegen_home, tmp_path)
    first = deploy_static(project, supa_env(f"http://127.0.0.1:{free_port()}"))
    assert len(outbox(sitegen_home)) == 2
    other = built_project(sitegen_home, tmp_path, "florist")
    second = deploy_static(other, supa_env(rest.url))
    assert outbox(sitegen_home) == []
    assert sorted(j["id"] for j in rows(db, "jobs")) == sorted([first["job_id"], second["job_id"]])


def test_unavailable_service_keeps_rows_and_syncer_never_raises(
    sitegen_home: Path, tmp_path: Path, pg: PgCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakePostgrest(pg.dsn, mode="unavailable") as down:
        for key, value in supa_env(down.url).items():
            monkeypatch.setenv(key, value)
        settings = load_settings()
        store = Store(settings.db_path)
        syncer = Syncer(settings, store)
        syncer.record_changed("projects", {"id": "p1", "name": "x", "created_at": time.time()})
        syncer.record_changed("projects", {"id": "p1", "name": "y", "created_at": time.time()})
        syncer.record_changed("nonsense", {"id": "z"})  # ignored, never raises
        syncer.record_changed("jobs", {})  # no id: ignored
        assert not syncer.wait_idle(20)
        syncer.close(1)
        items = store.outbox_items()
        assert [(i["table_name"], i["payload"]["name"]) for i in items] == [("projects", "y")]
        assert items[0]["attempts"] >= 1 and items[0]["last_error"]
        assert SERVICE_KEY not in items[0]["last_error"]
        report = sync_now(settings, store)
        assert report["waiting"] == 1 and report["error"]
        store.close()


def test_missing_owner_is_reported_and_rows_wait(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                                 db: PgCluster) -> None:
    project = built_project(sitegen_home, tmp_path)
    env = supa_env(rest.url)
    env["SITEGEN_SUPABASE_USER_ID"] = ""
    deploy_static(project, env)
    assert len(outbox(sitegen_home)) == 2 and rows(db, "projects") == []
    r = run_cli("sync", "--json", env=env)
    assert r.returncode == 1 and "SITEGEN_SUPABASE_USER_ID" in json.loads(r.stdout)["error"]
    r = run_cli("sync", "--json", env=supa_env(rest.url))
    assert json.loads(r.stdout)["sent"] == 2
    assert rows(db, "projects")[0]["owner"] == USER_1
