"""The CLI as a client of a running server: `sitegen new --server URL --json` (and status, projects, edit,
deploy) print the same JSON shape and exit with the same codes as the local commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from server_helpers import live_server


def sitegen(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180):
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=cwd, env=full, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=timeout)


FAST = ["--provider", "offline", "--sandbox", "none", "--no-verify"]


@pytest.fixture
def served():
    with live_server() as live:
        yield live, live.add_user("ci")


def test_new_with_server_json_matches_the_local_shape_and_exit_code(served, tmp_path: Path) -> None:
    live, token = served
    env = {"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": token}
    remote = sitegen("new", "florist in Bath called Petal", *FAST, "--json", cwd=tmp_path, env=env)
    local = sitegen("new", "florist in Bath called Petal", *FAST, "--json", "--out", str(tmp_path / "local"),
                    cwd=tmp_path)
    assert remote.returncode == local.returncode == 0, remote.stderr + local.stderr
    r, lo = json.loads(remote.stdout), json.loads(local.stdout)
    assert list(r) == list(lo)  # same keys, same order
    assert r["status"] == lo["status"] == "done"
    assert [s["stage"] for s in r["stages"]] == [s["stage"] for s in lo["stages"]]
    assert set(lo["result"]) <= set(r["result"]) | {"path"}
    assert Path(r["path"]).is_relative_to(Path(live.settings.home) / "workspace")
    assert live.store.get_job(r["job_id"])["owner"] == "ci"
    assert "Planning the site" in remote.stderr or "PLANNING" in remote.stderr  # progress drawn from the events
    # and the same job seen through status / projects
    st = sitegen("status", r["job_id"], "--json", "--server", live.url, cwd=tmp_path, env={"SITEGEN_TOKEN": token})
    assert st.returncode == 0 and list(json.loads(st.stdout)) == list(lo)
    listed = sitegen("status", "--json", cwd=tmp_path, env=env)
    local_list = sitegen("status", "--json", cwd=tmp_path)
    jobs, local_jobs = json.loads(listed.stdout)["jobs"], json.loads(local_list.stdout)["jobs"]
    assert [j["job_id"] for j in jobs] == [r["job_id"]] and list(jobs[0]) == list(local_jobs[0])
    projects = json.loads(sitegen("projects", "--json", cwd=tmp_path, env=env).stdout)["projects"]
    local_projects = json.loads(sitegen("projects", "--json", cwd=tmp_path).stdout)["projects"]
    assert [p["name"] for p in projects] == ["Petal"] and list(projects[0]) == list(local_projects[0])
    human = sitegen("status", r["job_id"], cwd=tmp_path, env=env)
    assert human.returncode == 0 and r["job_id"] in human.stdout


@pytest.mark.parametrize("args,code", [
    (["new", "", *FAST], 2),  # empty prompt: checked before any request
    (["new", "a cafe", "--provider", "claude"], 2),  # unknown provider
    (["new", "a cafe", "--provider", "gemini"], 2),  # a provider without its key (the server's settings)
    (["status", "jffffffff"], 2),  # unknown job
    (["edit", "no-such-project", "make it green"], 2),
    (["deploy", "no-such-project", "--target", "static"], 2),
])
def test_bad_input_exits_2_like_local(served, tmp_path: Path, args: list[str], code: int) -> None:
    live, token = served
    remote = sitegen(*args, "--json", cwd=tmp_path, env={"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": token})
    local = sitegen(*args, "--json", cwd=tmp_path)
    assert remote.returncode == local.returncode == code, (remote.stderr, local.stderr)
    r, lo = json.loads(remote.stdout), json.loads(local.stdout)
    assert list(r) == list(lo) == ["status", "error", "error_kind", "hint"]
    assert r["error_kind"] == lo["error_kind"]
    assert "Traceback" not in remote.stderr


def test_no_or_bad_token_and_no_server_exit_2(served, tmp_path: Path) -> None:
    live, _ = served
    for env in ({"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": ""},
                {"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": "sgt_wrong"},
                {"SITEGEN_SERVER": "http://127.0.0.1:9", "SITEGEN_TOKEN": "sgt_x"}):
        out = sitegen("projects", "--json", cwd=tmp_path, env=env)
        assert out.returncode == 2, out.stderr
        body = json.loads(out.stdout)
        assert body["status"] == "error" and body["error_kind"] == "config" and body["hint"]


def test_edit_and_deploy_through_the_server(served, tmp_path: Path) -> None:
    live, token = served
    env = {"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": token}
    made = json.loads(sitegen("new", "bakery in York called Crumb", *FAST, "--json", cwd=tmp_path, env=env).stdout)
    edited = sitegen("edit", "Crumb", "make it green", "--provider", "offline", "--sandbox", "none",
                     "--no-verify", "--json", cwd=tmp_path, env=env)
    assert edited.returncode == 0, edited.stderr
    e = json.loads(edited.stdout)
    assert e["kind"] == "edit" and e["status"] == "done" and e["project_id"] == made["project_id"]
    unbuilt = sitegen("deploy", made["project_id"], "--target", "static", "--json", cwd=tmp_path, env=env)
    assert unbuilt.returncode == 2 and "out/index.html" in json.loads(unbuilt.stdout)["error"]
    out = Path(made["path"]) / "out"
    out.mkdir()
    (out / "index.html").write_text("<!doctype html><title>Crumb</title>")
    deployed = sitegen("deploy", made["project_id"], "--target", "static", "--json", cwd=tmp_path, env=env)
    assert deployed.returncode == 0, deployed.stderr
    d = json.loads(deployed.stdout)
    assert d["kind"] == "deploy" and d["deploy"]["target"] == "static" and d["url"]


def test_serve_and_token_commands(tmp_path: Path) -> None:
    """The real `sitegen serve` process with a token from `sitegen token create`; revoke; SIGTERM stops it."""
    import signal
    import time

    import httpx
    from server_helpers import free_port

    made = sitegen("token", "create", "ci-runner", "--owner", "team-a", "--json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    token = json.loads(made.stdout)
    assert token["token"].startswith("sgt_") and token["owner"] == "team-a"
    listed = json.loads(sitegen("token", "list", "--json", cwd=tmp_path).stdout)["tokens"]
    assert [t["name"] for t in listed] == ["ci-runner"] and "token" not in listed[0]
    db = (Path(os.environ["SITEGEN_HOME"]) / "sitegen.db").read_bytes()
    assert token["token"].encode() not in db  # only the hash is stored
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port), "--workers", "1"],
                            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                health = httpx.get(url + "/", timeout=1).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert health["workers_seen"] == 1 and health["runner"] == "InProcessRunner"
        env = {"SITEGEN_SERVER": url, "SITEGEN_TOKEN": token["token"]}
        made = sitegen("new", "tea room in Kyoto", *FAST, "--json", cwd=tmp_path, env=env)
        assert made.returncode == 0, made.stderr
        assert json.loads(made.stdout)["status"] == "done"
        assert sitegen("token", "revoke", "ci-runner", cwd=tmp_path).returncode == 0
        assert sitegen("projects", "--json", cwd=tmp_path, env=env).returncode == 2
        assert sitegen("token", "revoke", "ci-runner", cwd=tmp_path).returncode == 2  # already revoked
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "sitegen serve" in err and "Traceback" not in err and "Stopped taking jobs" in err


def test_compose_file_runs_the_cli_commands() -> None:
    import yaml

    root = Path(__file__).resolve().parents[1]
    compose = yaml.safe_load((root / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"server", "worker", "redis", "postgres"}
    for name in ("server", "worker"):
        command = services[name]["command"]
        assert command[0] == "sitegen"
        help_ = sitegen(*command[1:2], "--help", cwd=root)
        assert help_.returncode == 0, help_.stderr
        env = services[name]["environment"]
        assert env["SITEGEN_BROKER_URL"].startswith("redis://redis:")
        assert env["SITEGEN_DATABASE_URL"].startswith("postgresql://") and "@postgres:" in env["SITEGEN_DATABASE_URL"]
        assert "workspace:/srv/sitegen/workspace" in services[name]["volumes"]
    assert (root / "docker" / "Dockerfile").is_file()


def test_a_failed_job_exits_1_and_watch_waits_for_the_end(tmp_path: Path) -> None:
    from test_server_sse import slow_execute

    from sitegen.server.execute import execute_job, shared_store

    def fail_planning(settings, job_id):  # planning cannot save its plan: the job fails at PLANNING
        store = shared_store(settings)
        folder = Path(store.get_project(store.get_job(job_id)["project_id"])["path"])
        (folder / ".sitegen" / "plan.json").mkdir(parents=True)
        return execute_job(settings, job_id)

    with live_server(execute=fail_planning) as live:
        env = {"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": live.add_user("ci")}
        failed = sitegen("new", "a cafe in Rome", *FAST, "--json", cwd=tmp_path, env=env)
        assert failed.returncode == 1, failed.stderr
        body = json.loads(failed.stdout)
        assert body["status"] == "failed" and body["stage"] == "PLANNING" and body["error"] and body["hint"]
        human = sitegen("new", "a cafe in Rome", *FAST, cwd=tmp_path, env=env)
        assert human.returncode == 1 and "Failed" in human.stderr and "PLANNING" in human.stderr
    with live_server(execute=slow_execute("GENERATING", 2.0)) as live:
        token = live.add_user("ci")
        with live.client("ci") as c:
            job = c.post("/generate", json={"prompt": "a cafe in Rome", "provider": "offline",
                                            "sandbox": "none", "verify": False}).json()
        watched = sitegen("status", job["job_id"], "--watch", "--json", cwd=tmp_path,
                          env={"SITEGEN_SERVER": live.url, "SITEGEN_TOKEN": token})
        assert watched.returncode == 0, watched.stderr
        assert json.loads(watched.stdout)["status"] == "done"
