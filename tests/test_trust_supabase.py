"""Issue 10, item 9 (and the schema parts of item 8): the per-user Supabase mirror.

The service-role key bypasses row-level security and trusts a self-declared user id: fine for one
owner. In the per-user mode sitegen sends the anon key and the user's own session JWT, so
PostgreSQL's policies decide. Real PostgreSQL with the shipped schema, supabase-py, the PostgREST
stand-in: user A's session can neither read nor write user B's rows through the mirror.
"""

# ruff: noqa: F811 — pg, rest and db are test_sync's fixtures, shared by importing them
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from sitegen.config import load_settings
from sitegen.store import Store
from sitegen.sync import Syncer, owner_of, sync_now, to_payload
from tests.conftest import run_cli
from tests.fakes.fake_postgrest import FakePostgrest, PgCluster, make_jwt
from tests.test_sync import built_project, db, pg, rest, rows  # noqa: F401 — the shared fixtures

pytestmark = pytest.mark.postgres

USER_A = str(uuid.UUID(int=0xA))
USER_B = str(uuid.UUID(int=0xB))
ANON = make_jwt("anon")


def user_env(url: str, user: str, token: str | None = None) -> dict[str, str]:
    return {"SUPABASE_URL": url, "SUPABASE_ANON_KEY": ANON,
            "SUPABASE_ACCESS_TOKEN": token or make_jwt("authenticated", user)}


def deploy(project: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    r = run_cli("deploy", project["id"], "--target", "static", "--json", env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def syncer_for(home: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tuple[Syncer, Store]:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = load_settings()
    store = Store(home / "sitegen.db")
    return Syncer(settings, store), store


def test_each_users_session_writes_only_their_rows(sitegen_home: Path, tmp_path: Path, rest: FakePostgrest,
                                                   db: PgCluster) -> None:
    a = built_project(sitegen_home, tmp_path, "bakery")
    b = built_project(sitegen_home, tmp_path, "florist")
    rest.requests.clear()
    job_a = deploy(a, user_env(rest.url, USER_A))
    job_b = deploy(b, user_env(rest.url, USER_B))
    owners = {r["id"]: r["owner"] for r in rows(db, "projects")}
    assert owners == {a["id"]: USER_A, b["id"]: USER_B}
    assert {r["id"]: r["owner"] for r in rows(db, "jobs")} == {job_a["job_id"]: USER_A, job_b["job_id"]: USER_B}
    posts = [q for q in rest.requests if q["method"] == "POST"]
    assert posts and all(q["headers"]["apikey"] == ANON for q in posts)
    assert all(q["headers"]["authorization"] != f"Bearer {ANON}" for q in posts)  # the user's JWT, not the key


def test_user_a_cannot_read_user_bs_rows_through_the_mirror(sitegen_home: Path, tmp_path: Path,
                                                           rest: FakePostgrest, db: PgCluster,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    a = built_project(sitegen_home, tmp_path, "bakery")
    b = built_project(sitegen_home, tmp_path, "florist")
    deploy(a, user_env(rest.url, USER_A))
    deploy(b, user_env(rest.url, USER_B))
    syncer, store = syncer_for(sitegen_home, user_env(rest.url, USER_A), monkeypatch)
    try:
        client = syncer.client()  # the very client the mirror writes with
        seen = client.table("projects").select("*").execute().data
        assert [r["id"] for r in seen] == [a["id"]]
        assert client.table("projects").select("*").eq("id", b["id"]).execute().data == []
        assert client.table("jobs").select("*").eq("project_id", b["id"]).execute().data == []
    finally:
        store.close()


@pytest.mark.parametrize("attack", ["overwrite", "claim-as-b", "job-under-b"])
def test_user_a_cannot_write_user_bs_rows_through_the_mirror(sitegen_home: Path, tmp_path: Path,
                                                            rest: FakePostgrest, db: PgCluster,
                                                            monkeypatch: pytest.MonkeyPatch, attack: str) -> None:
    b = built_project(sitegen_home, tmp_path, "florist")
    deploy(b, user_env(rest.url, USER_B))
    before = rows(db, "projects")
    syncer, store = syncer_for(sitegen_home, user_env(rest.url, USER_A), monkeypatch)
    try:
        store.outbox_done([i["id"] for i in store.outbox_items(limit=10_000)])  # B's own rows were sent
        row = {**store.get_project(b["id"]), "name": "hijacked by A"}
        payload = to_payload("projects", row, USER_A)
        if attack == "claim-as-b":
            payload["owner"] = USER_B  # a forged owner column
        if attack == "job-under-b":
            job_id = store.create_job(b["id"], "x", "deploy", {})
            store.outbox_put("jobs", job_id, to_payload("jobs", store.get_job(job_id), USER_B))
        else:
            store.outbox_put("projects", b["id"], payload)
        report = syncer.flush()
        assert report["error"] and report["sent"] == 0, report
        assert "42501" in report["error"] or "row-level security" in report["error"]
        assert report["waiting"] >= 1  # refused rows stay local; nothing is lost
    finally:
        store.close()
    assert rows(db, "projects") == before
    assert all(j["owner"] == USER_B for j in rows(db, "jobs"))


def test_a_session_that_expired_or_lies_about_its_user_sends_nothing(sitegen_home: Path, tmp_path: Path,
                                                                    rest: FakePostgrest, db: PgCluster,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import jwt  # noqa: PLC0415

    from tests.fakes.fake_postgrest import JWT_SECRET  # noqa: PLC0415

    built_project(sitegen_home, tmp_path, "bakery")
    expired = jwt.encode({"role": "authenticated", "sub": USER_A, "exp": int(time.time()) - 60}, JWT_SECRET,
                         algorithm="HS256")
    for env, fragment in ((user_env(rest.url, USER_A, expired), "expired"),
                          ({**user_env(rest.url, USER_A), "SITEGEN_SUPABASE_USER_ID": USER_B}, "does not match"),
                          (user_env(rest.url, USER_A, "not-a-jwt"), "not a Supabase session")):
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        settings = load_settings()
        store = Store(sitegen_home / "sitegen.db")
        try:
            report = sync_now(settings, store, everything=True)
        finally:
            store.close()
        assert fragment in report["error"] and report["sent"] == 0
        assert env["SUPABASE_ACCESS_TOKEN"] not in report["error"]
        monkeypatch.delenv("SITEGEN_SUPABASE_USER_ID", raising=False)
    assert rows(db, "projects") == []


def test_owner_comes_from_the_session_not_from_a_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPABASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("SUPABASE_ANON_KEY", ANON)
    monkeypatch.setenv("SUPABASE_ACCESS_TOKEN", make_jwt("authenticated", USER_A))
    settings = load_settings()
    assert owner_of(settings) == USER_A
    assert settings.supabase_access_token in settings.secrets() and ANON in settings.secrets()


def test_schema_trigger_has_a_fixed_search_path_and_jobs_need_their_project(db: PgCluster) -> None:
    import psycopg  # noqa: PLC0415

    config = db.query("select proconfig from pg_proc where proname = 'sitegen_touch_updated_at'")
    assert config and config[0][0] == ['search_path=""']
    fks = db.query("select confrelid::regclass::text from pg_constraint where conrelid = 'public.jobs'::regclass "
                   "and contype = 'f'")
    assert fks == [("projects",)]
    with pytest.raises(psycopg.errors.ForeignKeyViolation):
        db.execute(f"insert into public.jobs (id, owner, project_id, status, stage) "
                   f"values ('j-orphan', '{USER_A}', 'p-missing', 'done', 'DONE')")
    db.execute(f"insert into public.projects (id, owner, name) values ('p-1', '{USER_A}', 'x')")
    db.execute(f"insert into public.jobs (id, owner, project_id, status, stage) "
               f"values ('j-1', '{USER_A}', 'p-1', 'done', 'DONE')")
    db.execute("delete from public.projects where id = 'p-1'")
    assert db.query("select count(*) from public.jobs where id = 'j-1'") == [(0,)]
