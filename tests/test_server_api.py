"""`sitegen serve` over real HTTP (uvicorn on a free port, httpx): auth on every endpoint, owners, limits,
the one error shape, and the endpoints' results (jobs run for real: offline provider, no build)."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from server_helpers import HS_SECRET, RsaKeys, hs256, jwks_server, live_server, offline_body, write_screenshot

ENDPOINTS = [  # every endpoint that needs a token: (method, path with {job}/{project}, json body)
    ("GET", "/status/{job}", None),
    ("GET", "/jobs", None),
    ("GET", "/jobs/{job}/events", None),
    ("POST", "/jobs/{job}/resume", None),
    ("POST", "/generate", offline_body()),
    ("GET", "/projects", None),
    ("POST", "/projects/{project}/edit", {"instruction": "make it green", "provider": "offline", "sandbox": "none"}),
    ("POST", "/projects/{project}/deploy", {"target": "static"}),
    ("GET", "/projects/{project}/screenshots/home-desktop.png", None),
    ("GET", "/projects/{project}/download", None),
    ("GET", "/projects/{project}/history", None),
]
OWNED = [e for e in ENDPOINTS if "{" in e[1]]


def call(client: httpx.Client, method: str, path: str, body: dict | None, job: str = "j0", project: str = "p0"):
    return client.request(method, path.format(job=job, project=project), json=body, timeout=30)


def assert_error(response: httpx.Response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"kind", "message", "hint"}, body
    assert body["error"]["kind"] == kind, body
    assert body["error"]["message"] and body["error"]["hint"]
    return body["error"]


@pytest.fixture
def made_job():
    """A server with two users; alice has one finished job (and its project)."""
    with live_server() as live:
        live.add_user("alice")
        live.add_user("bob")
        with live.client("alice") as c:
            accepted = c.post("/generate", json=offline_body()).json()
        final = live.wait("alice", accepted["job_id"])
        assert final["status"] == "done", final
        yield live, final


def test_every_endpoint_refuses_no_token_and_bad_tokens(made_job) -> None:
    live, job = made_job
    bad = [None, "sgt_not-a-real-token", "garbage", hs256("alice")]  # no Supabase here: a JWT is refused too
    for token in bad:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        with httpx.Client(base_url=live.url, headers=headers) as c:
            for method, path, body in ENDPOINTS:
                r = call(c, method, path, body, job["job_id"], job["project_id"])
                err = assert_error(r, 401, "unauthorized")
                assert r.headers["www-authenticate"] == "Bearer", (method, path)
                assert "token" in err["message"].lower() or "jwt" in err["message"].lower()
    with httpx.Client(base_url=live.url, headers={"Authorization": "Basic YWxpY2U6eA=="}) as c:
        assert_error(c.get("/projects"), 401, "unauthorized")


def test_a_revoked_token_is_refused_at_once(made_job) -> None:
    live, _ = made_job
    with live.client("bob") as c:
        assert c.get("/projects").status_code == 200
        assert live.store.revoke_token("bob")
        assert_error(c.get("/projects"), 401, "unauthorized")


def test_other_owners_ids_are_not_found_like_unknown_ones(made_job) -> None:
    live, job = made_job
    with live.client("bob") as bob:
        for method, path, body in OWNED:
            theirs = call(bob, method, path, body, job["job_id"], job["project_id"])
            unknown = call(bob, method, path, body, "jffffffff", "pffffffff")
            err = assert_error(theirs, 404, "not_found")
            assert_error(unknown, 404, "not_found")
            assert job["job_id"] not in err["message"] or "no job" in err["message"]
        assert bob.get("/projects").json() == {"projects": []}
        assert bob.get("/jobs").json() == {"jobs": []}
        # a prefix of someone else's id finds nothing either
        assert_error(bob.get(f"/status/{job['job_id'][:5]}"), 404, "not_found")
    with live.client("alice") as alice:
        assert [p["project_id"] for p in alice.get("/projects").json()["projects"]] == [job["project_id"]]
        assert alice.get(f"/status/{job['job_id']}").status_code == 200


def test_health_reports_queue_workers_store_and_runner(made_job) -> None:
    live, _ = made_job
    with httpx.Client(base_url=live.url) as c:  # no token: load balancers call it
        health = c.get("/").json()
    assert health["status"] == "ok" and health["store"] is True and health["broker"] is None
    assert health["workers_seen"] == 2 and health["queue_depth"] == 0
    assert health["runner"] == "InProcessRunner" and health["auth"] == "tokens"


def test_status_has_the_original_fields_and_the_cli_report(made_job) -> None:
    live, job = made_job
    for key in ("job_id", "status", "stage", "stages", "deploy_url", "logs", "result", "error", "hint",
                "tokens", "cost", "path", "project", "tokens_in", "cost_usd", "log_tail", "llm_calls"):
        assert key in job
    assert [s["stage"] for s in job["stages"]] == ["PLANNING", "GENERATING", "CHECKING"]
    assert all(s["status"] == "done" and s["seconds"] >= 0 for s in job["stages"])
    assert job["result"]["site_plan"]["name"] == "Luz"
    assert job["tokens"] == {"input": 0, "output": 0} and job["cost"] == 0
    assert Path(job["path"]).parent == Path(live.settings.home) / "workspace"  # SITEGEN_WORKSPACE default


@pytest.mark.parametrize("mode", ["hs256", "rs256"])
def test_supabase_jwts_are_verified_locally(mode: str) -> None:
    keys = RsaKeys()
    with jwks_server(keys) as (supabase_url, seen):
        flags = {"supabase_url": supabase_url, "supabase_jwt_secret": HS_SECRET if mode == "hs256" else ""}
        with live_server(settings_flags=flags) as live:
            def make(sub: str, **kw):
                return hs256(sub, **kw) if mode == "hs256" else keys.token(sub, **kw)

            good = make("5b0c6f7e-aaaa-4bbb-8ccc-000000000001")
            other = make("5b0c6f7e-aaaa-4bbb-8ccc-000000000002")
            with live.client(token=good) as c:
                accepted = c.post("/generate", json=offline_body("yoga studio called Prana")).json()
                assert c.get(f"/status/{accepted['job_id']}").status_code == 200
            with live.client(token=other) as c:
                assert_error(c.get(f"/status/{accepted['job_id']}"), 404, "not_found")
            bad = [make("u1", exp_in=-120), make("u1", aud="anon"),
                   hs256("u1", secret="another-secret-0123456789abcdefgh"), RsaKeys("test-key-1").token("u1"),
                   keys.token("u1", kid="unknown-kid"), good[:-4] + "AAAA"]
            for token in bad:
                with live.client(token=token) as c:
                    for method, path, body in ENDPOINTS:
                        r = call(c, method, path, body, accepted["job_id"], accepted["project_id"])
                        assert_error(r, 401, "unauthorized")
            with live.client(token=make("u1", exp_in=-120)) as c:
                assert "expired" in c.get("/projects").json()["error"]["message"]
            if mode == "rs256":  # the key set was fetched once and cached, not per request
                assert 1 <= seen.count("/auth/v1/.well-known/jwks.json") <= 3
            health = httpx.get(live.url + "/").json()
            assert health["auth"] == "supabase"
            live.runner.close(wait=True)


def test_api_tokens_work_beside_supabase() -> None:
    with live_server(settings_flags={"supabase_url": "http://127.0.0.1:9", "supabase_jwt_secret": HS_SECRET}) as live:
        live.add_user("ci-bot")
        with live.client("ci-bot") as c:
            assert c.get("/projects").status_code == 200


def blocking_execute(release: threading.Event):
    from sitegen.server.execute import execute_job

    def run(settings, job_id):
        release.wait(60)
        return execute_job(settings, job_id)

    return run


def test_running_jobs_limit_answers_429_with_retry_after() -> None:
    from sitegen.server.actions import Limits

    release = threading.Event()
    with live_server(limits=Limits(running_jobs=2, jobs_per_hour=50), execute=blocking_execute(release)) as live:
        live.add_user("alice")
        live.add_user("bob")
        with live.client("alice") as c:
            first = [c.post("/generate", json=offline_body()).status_code for _ in range(2)]
            third = c.post("/generate", json=offline_body())
        assert first == [202, 202]
        assert_error(third, 429, "too_many_requests")
        assert int(third.headers["retry-after"]) > 0
        with live.client("bob") as c:  # limits are per owner
            assert c.post("/generate", json=offline_body()).status_code == 202
        assert httpx.get(live.url + "/").json()["queue_depth"] == 1  # 2 workers busy, bob's job waits
        release.set()
        for job in live.store.list_jobs(10, owner="alice"):
            live.wait("alice", job["id"])
        with live.client("alice") as c:
            assert c.post("/generate", json=offline_body()).status_code == 202


def test_jobs_per_hour_limit() -> None:
    from sitegen.server.actions import Limits

    with live_server(limits=Limits(running_jobs=10, jobs_per_hour=3)) as live:
        live.add_user("alice")
        with live.client("alice") as c:
            codes = [c.post("/generate", json=offline_body()).status_code for _ in range(3)]
            fourth = c.post("/generate", json=offline_body())
        assert codes == [202] * 3
        err = assert_error(fourth, 429, "too_many_requests")
        assert "last hour" in err["message"]
        assert 3000 < int(fourth.headers["retry-after"]) <= 3601


def test_body_and_prompt_size_limits() -> None:
    from sitegen.server.actions import Limits

    with live_server(limits=Limits(body_bytes=20_000)) as live:
        live.add_user("alice")
        with live.client("alice") as c:
            assert_error(c.post("/generate", json=offline_body("x" * 30_000)), 413, "too_large")

            def chunked():  # no Content-Length: counted as it arrives
                yield b'{"prompt": "'
                for _ in range(30):
                    yield b"y" * 1000
                yield b'"}'

            r = c.post("/generate", content=chunked(), headers={"Content-Type": "application/json"})
            assert_error(r, 413, "too_large")
            err = assert_error(c.post("/generate", json=offline_body("z" * 10_001)), 422, "usage")
            assert "prompt" in err["message"]
            assert_error(c.post("/generate", json={"prompt": ""}), 422, "usage")
            assert_error(c.post("/generate", json={"prompt": "a cafe", "colour": "red"}), 422, "usage")
            assert_error(c.post("/generate", content=b"{not json", headers={"Content-Type": "application/json"}),
                         422, "usage")


def test_bad_options_get_the_clis_kinds_and_hints(made_job) -> None:
    live, _ = made_job
    before = sorted((Path(live.settings.home) / "workspace").iterdir())
    with live.client("alice") as c:
        err = assert_error(c.post("/generate", json=offline_body(provider="claude")), 422, "usage")
        assert err["message"] == "unknown provider 'claude'"
        err = assert_error(c.post("/generate", json=offline_body(sandbox="vm")), 422, "usage")
        assert err["message"] == "unknown sandbox 'vm'"
        err = assert_error(c.post("/generate", json=offline_body(provider="gemini")), 422, "config")
        assert "GEMINI_API_KEY" in err["message"]
        err = assert_error(c.post("/generate", json=offline_body(deploy="vercel")), 422, "config")
        assert "VERCEL_TOKEN" in err["message"] + err["hint"]
        assert_error(c.get("/no/such/route"), 404, "not_found")
    assert sorted((Path(live.settings.home) / "workspace").iterdir()) == before  # nothing was made
    assert len(live.store.list_jobs(50, owner="alice")) == 1


def test_screenshots_download_and_history(made_job) -> None:
    live, job = made_job
    folder = Path(job["path"])
    png = write_screenshot(folder)
    (folder / ".sitegen" / "screenshots" / "leak.png").symlink_to("/etc/hostname")
    (folder / "secret-link").symlink_to("/etc/passwd")
    (folder / "node_modules" / "react").mkdir(parents=True)
    (folder / "node_modules" / "react" / "index.js").write_text("x")
    (folder / "out").mkdir(exist_ok=True)
    (folder / "out" / "index.html").write_text("<html></html>")
    pid = job["project_id"]
    with live.client("alice") as c:
        r = c.get(f"/projects/{pid}/screenshots/home-desktop.png")
        assert r.status_code == 200 and r.content == png and r.headers["content-type"] == "image/png"
        for name in ("leak.png", "..%2F..%2Fplan.json", ".hidden.png", "missing.png", "plan.json"):
            assert_error(c.get(f"/projects/{pid}/screenshots/{name}"), 404, "not_found")
        r = c.get(f"/projects/{pid}/download")
        assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
        names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        top = names[0].split("/")[0]
        assert f"{top}/app/page.tsx" in names and f"{top}/package.json" in names
        assert f"{top}/.sitegen/plan.json" in names
        assert not [n for n in names if "/node_modules/" in n or "/out/" in n or "/.git/" in n]
        assert f"{top}/secret-link" not in names and f"{top}/.sitegen/screenshots/leak.png" not in names
        history = c.get(f"/projects/{pid}/history").json()
        assert [v["message"] for v in history["versions"]] == ["Generate: coffee shop in Porto called Luz"]


def test_edit_deploy_and_resume_run_as_jobs(made_job) -> None:
    live, job = made_job
    pid = job["project_id"]
    with live.client("alice") as c:
        edit = c.post(f"/projects/{pid}/edit", json={"instruction": "make it green", "provider": "offline",
                                                     "sandbox": "none", "verify": False})
        assert edit.status_code == 202, edit.text
        busy = c.post(f"/projects/{pid}/edit", json={"instruction": "make it blue", "provider": "offline"})
        assert busy.status_code in (202, 409)  # 409 while the edit runs (it may already be done)
        done = live.wait("alice", edit.json()["job_id"])
        assert done["status"] == "done" and done["kind"] == "edit", done
        versions = c.get(f"/projects/{pid}/history").json()["versions"]
        assert len(versions) >= 2 and versions[0]["message"].lower().startswith("edit")
        err = assert_error(c.post(f"/projects/{pid}/edit", json={"instruction": "translate it to klingon please",
                                                                 "provider": "offline"}), 422, "usage")
        assert err["hint"]
        # deploy needs a built site
        assert_error(c.post(f"/projects/{pid}/deploy", json={"target": "static"}), 422, "usage")
        out = Path(job["path"]) / "out"
        out.mkdir(exist_ok=True)
        (out / "index.html").write_text("<!doctype html><title>Luz</title>")
        dep = c.post(f"/projects/{pid}/deploy", json={"target": "static"})
        assert dep.status_code == 202, dep.text
        deployed = live.wait("alice", dep.json()["job_id"])
        assert deployed["status"] == "done", deployed
        assert [s["stage"] for s in deployed["stages"]] == ["DEPLOYING"]
        assert deployed["deploy"]["target"] == "static" and deployed["deploy_url"]
        # resume: a done job cannot be resumed; a failed one continues after its last finished stage
        assert_error(c.post(f"/jobs/{job['job_id']}/resume"), 422, "usage")
        live.store.update_job(job["job_id"], status="failed", stage="GENERATING", last_done_stage="PLANNING",
                              error="simulated failure", error_kind="build")
        again = c.post(f"/jobs/{job['job_id']}/resume")
        assert again.status_code == 202, again.text
        resumed = live.wait("alice", job["job_id"])
        assert resumed["status"] == "done" and resumed["error"] is None
        ends = [e for e in live.store.events(job["job_id"]) if e["event"] == "end" and e["stage"] == "PLANNING"]
        assert len(ends) == 1  # PLANNING was not run again


def test_openapi_documents_every_model_and_error() -> None:
    with live_server() as live:
        spec = httpx.get(live.url + "/openapi.json").json()
        assert httpx.get(live.url + "/docs").status_code == 200
    schemas = spec["components"]["schemas"]
    for name in ("GenerateIn", "JobAccepted", "JobStatus", "ProjectsOut", "Health", "ErrorOut", "EditIn",
                 "DeployIn", "HistoryOut", "JobsOut"):
        assert name in schemas
    assert spec["paths"]["/generate"]["post"]["responses"]["429"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"}
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert os.environ.get("SITEGEN_TOKEN") is None
    assert time.time() > 0


def test_jobs_left_queued_by_a_stopped_server_run_on_the_next_start() -> None:
    from sitegen.cli.server import pick_up_queued
    from sitegen.server.actions import new_job
    from sitegen.server.models import GenerateIn

    with live_server(workers=1) as live:
        job_id, _ = new_job(live.settings, live.store, "alice", GenerateIn(**offline_body()))  # recorded, not run
        assert live.store.get_job(job_id)["status"] == "queued"
        assert pick_up_queued(live.store, live.runner) == 1
        live.add_user("alice")
        assert live.wait("alice", job_id)["status"] == "done"
        assert pick_up_queued(live.store, live.runner) == 0


def test_health_says_when_the_broker_is_unreachable() -> None:
    """A fleet runner whose broker is down: GET / answers 200 with status degraded and broker false."""
    import socket as sock

    from sitegen.config import load_settings
    from sitegen.server.app import create_app
    from sitegen.server.execute import shared_store
    from sitegen.server.tasks import CeleryRunner

    with sock.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    settings = load_settings({"broker_url": f"redis://127.0.0.1:{dead}/0"})
    runner = CeleryRunner(settings)
    app = create_app(settings, shared_store(settings), runner)
    import httpx as hx

    async def get() -> dict:
        async with hx.AsyncClient(transport=hx.ASGITransport(app=app), base_url="http://sitegen") as c:
            return (await c.get("/")).json()

    import asyncio

    health = asyncio.run(asyncio.wait_for(get(), 60))
    runner.close()
    assert health["status"] == "degraded" and health["broker"] is False and health["store"] is True
    assert health["runner"] == "CeleryRunner"


def test_a_job_the_runner_cannot_take_fails_with_503_and_stays_resumable() -> None:
    with live_server() as live:
        live.add_user("alice")
        submit = live.runner.submit

        def broken(job_id: str) -> None:
            raise ConnectionError("broker down")

        live.runner.submit = broken
        with live.client("alice") as c:
            err = assert_error(c.post("/generate", json=offline_body()), 503, "unavailable")
            assert "broker down" in err["message"]
            job = live.store.list_jobs(1, owner="alice")[0]
            assert job["status"] == "failed" and "POST /jobs/{id}/resume" in job["hint"]
            live.runner.submit = submit
            assert c.post(f"/jobs/{job['id']}/resume").status_code == 202
        assert live.wait("alice", job["id"])["status"] == "done"
