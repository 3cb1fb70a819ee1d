"""Deploys with the real Vercel CLI and netlify-cli against fake APIs on 127.0.0.1, and static.

The CLIs are installed once per machine (pinned, by sitegen's own installer) into
SITEGEN_TEST_TOOLS_DIR (default ~/.cache/sitegen-test-tools); `.ci/install-deploy-tools.sh`
fills the same folder ahead of time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sitegen.deployers.tools import TOOLS, ensure_tool, installed_binary
from sitegen.store import Store
from tests.conftest import has_node, need, run_cli
from tests.fakes import fake_netlify, fake_vercel
from tests.fakes.fake_netlify import FakeNetlify
from tests.fakes.fake_vercel import FakeVercel


def tools_cache() -> Path:
    return Path(os.environ.get("SITEGEN_TEST_TOOLS_DIR") or Path.home() / ".cache" / "sitegen-test-tools")


@pytest.fixture(scope="session")
def deploy_tools() -> Path:
    """Install the pinned Vercel CLI and netlify-cli once (or find them installed)."""
    need(has_node(), "Node.js and npm are needed for the deploy CLIs")
    cache = tools_cache()
    old = os.environ.get("SITEGEN_TOOLS_DIR")
    os.environ["SITEGEN_TOOLS_DIR"] = str(cache)
    lines: list[str] = []
    try:
        for name in ("vercel", "netlify"):
            if not installed_binary(TOOLS[name], cache).exists():
                try:
                    ensure_tool(name, cache, lines.append)
                except Exception as exc:  # noqa: BLE001
                    need(False, f"could not install {TOOLS[name].spec}: {exc}")
    finally:
        if old is None:
            os.environ.pop("SITEGEN_TOOLS_DIR", None)
        else:
            os.environ["SITEGEN_TOOLS_DIR"] = old
    return cache


@pytest.fixture
def tools_env(deploy_tools: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """Environment for a `sitegen deploy` run: the cached CLIs and nothing on PATH shadowing them."""
    monkeypatch.setenv("SITEGEN_TOOLS_DIR", str(deploy_tools))
    node_dir = str(Path(os.path.realpath(sys.executable)).parent)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if not (Path(p) / "vercel").exists() and not (Path(p) / "netlify").exists())
    monkeypatch.setenv("PATH", path or node_dir)
    return {"SITEGEN_TOOLS_DIR": str(deploy_tools)}


def built_project(home: Path, tmp_path: Path, name: str = "coffee-shop") -> dict[str, Any]:
    """A project record with a built out/ folder, as after BUILDING."""
    folder = tmp_path / name
    (folder / "out" / "_next" / "static").mkdir(parents=True)
    (folder / "out" / "index.html").write_text("<!doctype html><h1>Coffee</h1>", encoding="utf-8")
    (folder / "out" / "_next" / "static" / "app.js").write_text("console.log(1)", encoding="utf-8")
    (folder / "src").mkdir()
    (folder / "src" / "page.tsx").write_text("export default function P() { return null }", encoding="utf-8")
    store = Store(home / "sitegen.db")
    project = store.create_project(name, name, folder, "coffee shop in Porto", "offline")
    store.close()
    return project


def project_row(home: Path, project_id: str) -> dict[str, Any]:
    store = Store(home / "sitegen.db")
    try:
        return store.get_project(project_id)
    finally:
        store.close()


def deploy(project: dict[str, Any], target: str, env: dict[str, str], *extra: str, timeout: float = 300):
    r = run_cli("deploy", project["id"], "--target", target, "--json", *extra, env=env, timeout=timeout)
    data = json.loads(r.stdout) if r.stdout.strip() else {}
    return r, data


# ----------------------------------------------------------------------------------------- vercel
def test_vercel_deploy_stores_url(sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeVercel("ok") as api:
        env = {**tools_env, "VERCEL_TOKEN": api.token, "SITEGEN_VERCEL_API": api.url}
        r, data = deploy(project, "vercel", env, "--prod")
        assert api.unknown == [], api.unknown
        calls = [f"{q['method']} {q['path']}" for q in api.requests]
    assert r.returncode == 0, r.stderr
    assert data["status"] == "done"
    row = project_row(sitegen_home, project["id"])
    dep = next(iter(api.deployments.values()))
    assert row["deploy_url"] == f"https://{dep['url']}"
    assert row["deploy_target"] == "vercel"
    assert row["deployment_id"] == dep["id"]
    assert row["deployed_at"] and abs(row["deployed_at"] - time.time()) < 120
    assert data["deploy"]["url"] == row["deploy_url"] and data["url"] == row["deploy_url"]
    assert dep["target"] == "production"
    assert "POST /v2/files" in calls and "GET /v2/user" in calls
    uploaded = b"".join(api.files.values())
    assert b"<h1>Coffee</h1>" in uploaded and b"export default" not in uploaded  # only out/ goes up
    # `sitegen projects` and `sitegen status` show it
    projects = json.loads(run_cli("projects", "--json").stdout)["projects"]
    assert projects[0]["url"] == row["deploy_url"] and projects[0]["deploy_target"] == "vercel"
    status = json.loads(run_cli("status", data["job_id"], "--json").stdout)
    assert status["url"] == row["deploy_url"]
    assert status["result"]["deploy"]["deployment_id"] == dep["id"]


def test_vercel_deployment_error_fails_job(sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeVercel("error") as api:
        env = {**tools_env, "VERCEL_TOKEN": api.token, "SITEGEN_VERCEL_API": api.url}
        r, data = deploy(project, "vercel", env)
    assert r.returncode == 1, r.stderr
    assert data["status"] == "failed" and data["stage"] == "DEPLOYING"
    assert fake_vercel.ERROR_MESSAGE in data["error"]
    assert data["error_kind"] == "deploy" and "sitegen deploy" in data["hint"]
    row = project_row(sitegen_home, project["id"])
    assert row["deploy_url"] is None and row["deployment_id"] is None
    assert (Path(project["path"]) / "out" / "index.html").exists()  # the build is kept
    status = json.loads(run_cli("status", data["job_id"], "--json").stdout)
    assert status["status"] == "failed" and status["stage"] == "DEPLOYING" and status["url"] is None
    assert fake_vercel.ERROR_MESSAGE in status["error"]


def test_vercel_api_that_never_answers_hits_our_timeout(
    sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]
) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeVercel("hang") as api:
        env = {**tools_env, "VERCEL_TOKEN": api.token, "SITEGEN_VERCEL_API": api.url}
        started = time.monotonic()
        r, data = deploy(project, "vercel", env, "--timeout", "6")
        elapsed = time.monotonic() - started
        assert api.requests, "the CLI never reached the fake"
    assert r.returncode == 1
    assert elapsed < 60
    assert data["stage"] == "DEPLOYING" and "did not finish within 6s" in data["error"]
    assert project_row(sitegen_home, project["id"])["deploy_url"] is None
    time.sleep(0.5)
    assert not leftover_processes(sitegen_home), "the CLI's process group was not killed"


def leftover_processes(marker: Path) -> list[str]:
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(proc / "cwd")
        except OSError:
            continue
        if str(marker) in cmdline or cwd.startswith(str(marker)):
            found.append(cmdline)
    return found


# ----------------------------------------------------------------------------------------- netlify
def netlify_env(api: FakeNetlify, tools_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    return {**tools_env, "NETLIFY_AUTH_TOKEN": api.token, "NETLIFY_SITE_ID": api.site_id,
            "NETLIFY_API_URL": api.url, **api.guard_env(tmp_path)}


def test_netlify_deploy_stores_url(sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeNetlify("ok") as api:
        r, data = deploy(project, "netlify", netlify_env(api, tools_env, tmp_path), "--prod")
        assert api.unknown == [], api.unknown
    assert r.returncode == 0, r.stderr
    row = project_row(sitegen_home, project["id"])
    dep = next(iter(api.deploys.values()))
    assert row["deploy_url"] == dep["url"] and row["deploy_target"] == "netlify"
    assert row["deployment_id"] == dep["id"] and row["deployed_at"]
    assert api.uploaded.get("index.html", b"").startswith(b"<!doctype html>")
    assert not any(p.startswith("src/") for p in api.uploaded)
    assert not (Path(project["path"]) / ".netlify").exists()  # the CLI ran outside the project


def test_netlify_deploy_error_fails_job(sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeNetlify("error") as api:
        r, data = deploy(project, "netlify", netlify_env(api, tools_env, tmp_path), "--prod")
    assert r.returncode == 1, r.stderr
    assert data["status"] == "failed" and data["stage"] == "DEPLOYING"
    assert fake_netlify.ERROR_MESSAGE in data["error"]
    assert project_row(sitegen_home, project["id"])["deploy_url"] is None


def test_netlify_api_that_never_answers_hits_our_timeout(
    sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]
) -> None:
    project = built_project(sitegen_home, tmp_path)
    with FakeNetlify("hang") as api:
        started = time.monotonic()
        r, data = deploy(project, "netlify", netlify_env(api, tools_env, tmp_path), "--timeout", "6")
        elapsed = time.monotonic() - started
    assert r.returncode == 1 and elapsed < 60
    assert "did not finish within 6s" in data["error"]
    assert project_row(sitegen_home, project["id"])["deploy_url"] is None


# ----------------------------------------------------------------------------------------- no token leaks
def test_no_token_anywhere_after_deploys(sitegen_home: Path, tmp_path: Path, tools_env: dict[str, str]) -> None:
    project = built_project(sitegen_home, tmp_path)
    outputs: list[str] = []
    with FakeVercel("ok") as vapi:
        env = {**tools_env, "VERCEL_TOKEN": vapi.token, "SITEGEN_VERCEL_API": vapi.url}
        r, _ = deploy(project, "vercel", env)
        outputs += [r.stdout, r.stderr]
        assert r.returncode == 0, r.stderr
        r, _ = deploy(project, "vercel", {**env, "SITEGEN_VERCEL_API": vapi.url + "/nowhere"})
        outputs += [r.stdout, r.stderr]  # a failing deploy prints errors too
        outputs += [run_cli("status", "--json").stdout, run_cli("projects", "--json").stdout]
    with FakeNetlify("error") as napi:
        r, _ = deploy(project, "netlify", netlify_env(napi, tools_env, tmp_path))
        outputs += [r.stdout, r.stderr]
    tokens = [vapi.token, napi.token]
    for text in outputs:
        for token in tokens:
            assert token not in text
    store = sqlite3.connect(sitegen_home / "sitegen.db")
    for table in ("projects", "jobs", "stage_events", "outbox"):
        for row in store.execute(f"SELECT * FROM {table}"):  # noqa: S608
            for token in tokens:
                assert token not in json.dumps(row, default=str), table
    store.close()
    for root in (Path(project["path"]), sitegen_home):
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                for token in tokens:
                    assert token.encode() not in data, path


def test_token_reaches_the_cli_by_environment_only(
    sitegen_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in `vercel` on PATH records its argv, stdin and environment."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    record = tmp_path / "record.json"
    script = bindir / "vercel"
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"json.dump({{'argv': sys.argv, 'env': dict(os.environ), 'stdin': os.readlink('/proc/self/fd/0')}},"
        f" open({str(record)!r}, 'w'))\n"
        "print(json.dumps({'id': 'dpl_x', 'url': 'https://x.vercel.app', 'readyState': 'READY'}))\n",
        encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    project = built_project(sitegen_home, tmp_path)
    token = "vcSecretToken987654321"
    env = {"VERCEL_TOKEN": token, "SITEGEN_VERCEL_API": "http://127.0.0.1:9", "AI_AGENT": "x", "CLAUDECODE": "1",
           "CODEX_SANDBOX": "1", "CURSOR_TRACE_ID": "1", "GEMINI_CLI": "1", "GEMINI_API_KEY": "gem-secret-1234"}
    r, data = deploy(project, "vercel", env)
    assert r.returncode == 0, r.stderr
    seen = json.loads(record.read_text())
    assert token not in " ".join(seen["argv"])
    assert seen["env"]["VERCEL_TOKEN"] == token
    assert seen["env"]["VERCEL_TELEMETRY_DISABLED"] == "1"
    for var in ("AI_AGENT", "CLAUDECODE", "CODEX_SANDBOX", "CURSOR_TRACE_ID", "GEMINI_CLI", "GEMINI_API_KEY"):
        assert var not in seen["env"]
    assert seen["stdin"] == "/dev/null"
    argv = seen["argv"][1:]
    assert argv[0] == "deploy" and "--yes" in argv and "--json" in argv
    assert argv[argv.index("--api") + 1] == "http://127.0.0.1:9"
    assert "--prod" not in argv
    assert data["url"] == "https://x.vercel.app"


# ----------------------------------------------------------------------------------------- static & usage
def test_static_deploy_copies_out_and_says_how_to_host(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    r, data = deploy(project, "static", {})
    assert r.returncode == 0, r.stderr
    dest = Path(project["path"]) / ".sitegen" / "static-deploy"
    assert (dest / "index.html").read_text(encoding="utf-8").endswith("<h1>Coffee</h1>")
    assert (dest / "_next" / "static" / "app.js").exists()
    row = project_row(sitegen_home, project["id"])
    assert row["deploy_target"] == "static" and row["deploy_url"] == dest.as_uri()
    assert "http.server" in data["log_tail"]
    other = tmp_path / "public-html"
    r, data = deploy(project, "static", {}, "--dir", str(other))
    assert r.returncode == 0 and (other / "index.html").exists()
    assert project_row(sitegen_home, project["id"])["deploy_url"] == other.resolve().as_uri()


def test_deploy_without_build_or_token_fails_cleanly(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    r, data = deploy(project, "vercel", {})
    assert r.returncode == 2 and "needs VERCEL_TOKEN" in data["error"]
    assert "Traceback" not in r.stderr
    (Path(project["path"]) / "out" / "index.html").unlink()
    r, data = deploy(project, "static", {})
    assert r.returncode == 2 and "no built site" in data["error"]
    r = run_cli("deploy", project["id"], "--target", "ftp")
    assert r.returncode == 2


def test_supabase_schema_command_prints_sql() -> None:
    r = run_cli("supabase-schema")
    assert r.returncode == 0
    assert "create table if not exists public.projects" in r.stdout
    assert "enable row level security" in r.stdout and "auth.uid()" in r.stdout


def test_cloudflare_runs_wrangler_pages_deploy(
    sitegen_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """wrangler's API host cannot be pointed at a fake, so a stand-in `wrangler` checks the call."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    record = tmp_path / "record.json"
    script = bindir / "wrangler"
    script.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"json.dump({{'argv': sys.argv, 'env': dict(os.environ)}}, open({str(record)!r}, 'w'))\n"
        "print('Uploading... (2/2)')\n"
        "print('Deployment complete! Take a peek over at https://4f2a9c1e.coffee-shop.pages.dev')\n",
        encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    project = built_project(sitegen_home, tmp_path)
    token = "cfSecretToken123456789"
    r, data = deploy(project, "cloudflare", {"CLOUDFLARE_API_TOKEN": token}, "--prod")
    assert r.returncode == 0, r.stderr
    seen = json.loads(record.read_text())
    argv = seen["argv"][1:]
    assert argv[:2] == ["pages", "deploy"]  # a link-free copy of out/ under SITEGEN_HOME
    assert Path(argv[2]).is_relative_to(sitegen_home) and (Path(argv[2]) / "_next" / "static" / "app.js").exists()
    assert argv[argv.index("--project-name") + 1] == "coffee-shop"
    assert argv[argv.index("--branch") + 1] == "main"
    assert token not in " ".join(argv) and seen["env"]["CLOUDFLARE_API_TOKEN"] == token
    row = project_row(sitegen_home, project["id"])
    assert row["deploy_url"] == "https://4f2a9c1e.coffee-shop.pages.dev"
    assert row["deployment_id"] == "4f2a9c1e" and row["deploy_target"] == "cloudflare"
