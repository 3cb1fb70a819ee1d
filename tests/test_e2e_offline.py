"""End to end on the offline provider: real `sitegen new` runs with a real `next build`."""

from __future__ import annotations

import html
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import has_node, need, run_cli

pytestmark = pytest.mark.e2e

PROMPTS = [
    ("coffee shop landing page", None),
    ("a law firm in Boston called Hale & Partners with a contact page", "Hale & Partners"),
    ('yoga studio called "Café {Ñandú} <b>&</b> `${x}` \'quote\' 🎉 東京 مرحبا"',
     "Café {Ñandú} <b>&</b> `${x}` 'quote' 🎉 東京 مرحبا"),
]


def page_text(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("prompt, name", PROMPTS, ids=["cafe", "law-firm", "jsx-hostile"])
def test_new_builds_a_static_site(tmp_path: Path, warm_home: Path, prompt: str, name: str | None) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "site"
    result = run_cli("new", prompt, "--out", str(out), "--sandbox", "local", "--no-verify", "--json",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(result.stdout)  # exactly one JSON object on stdout
    assert data["status"] == "done" and data["path"] == str(out.resolve())
    assert [s["stage"] for s in data["stages"]] == ["PLANNING", "GENERATING", "CHECKING", "BUILDING"]
    assert all(s["status"] == "done" and s["seconds"] is not None for s in data["stages"])
    index = out / "out" / "index.html"
    assert index.exists()
    if name:
        assert name in page_text(index)
    plan = json.loads((out / ".sitegen" / "plan.json").read_text(encoding="utf-8"))
    for page in plan["pages"]:
        if page["slug"]:
            assert (out / "out" / page["slug"] / "index.html").exists()
    status = run_cli("status", data["job_id"], "--json", cwd=tmp_path)
    assert json.loads(status.stdout)["status"] == "done"


def test_default_folder_is_the_slug_and_status_shows_durations(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    result = run_cli("new", "coffee shop landing page", "--sandbox", "local", "--no-verify", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout == ""  # progress goes to stderr
    assert (tmp_path / "coffee-shop-landing-page" / "out" / "index.html").exists()
    status = run_cli("status", cwd=tmp_path)
    assert status.returncode == 0 and "done" in status.stdout
    detail = run_cli("status", "coffee-shop-landing-page", cwd=tmp_path)
    assert "BUILDING" in detail.stdout and " s" in detail.stdout
    projects = json.loads(run_cli("projects", "--json", cwd=tmp_path).stdout)["projects"]
    assert projects[0]["last_status"] == "done"


def test_no_node_fails_with_exit_1_and_keeps_files(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {"PATH": str(bare)}
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "sitegen", "new", "bakery in Lyon", "--out", str(out),
                             "--sandbox", "local", "--json"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, **env}, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "failed" and data["stage"] == "BUILDING" and data["error_kind"] == "no_node"
    assert "Node.js is not installed" in data["error"]
    assert (out / "app" / "page.tsx").exists() and (out / ".sitegen" / "plan.json").exists()


def test_killed_job_is_interrupted_and_resumes(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "site"
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "new", "gym in Leeds", "--out", str(out),
                             "--sandbox", "local", "--no-verify", "--verbose"], cwd=tmp_path,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / ".sitegen" / "files.json").exists():
        time.sleep(0.05)
    assert (out / ".sitegen" / "files.json").exists()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    listed = json.loads(run_cli("status", "--json", cwd=tmp_path).stdout)["jobs"]
    assert listed[0]["status"] == "interrupted"
    job_id = listed[0]["job_id"]
    result = run_cli("resume", job_id, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(result.stdout)
    assert data["status"] == "done" and (out / "out" / "index.html").exists()
    planning_runs = [s for s in data["stages"] if s["stage"] == "PLANNING"]
    assert len(planning_runs) == 1  # resumed after the last finished stage, not from scratch


def test_ctrl_c_during_a_local_build_stops_at_once(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "site"
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "new", "bakery in Lyon", "--out", str(out),
                             "--sandbox", "local", "--no-verify", "--verbose"], cwd=tmp_path,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:  # wait until next build itself is running
        if "next build" in line:
            break
    time.sleep(1.0)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    stopped_after = time.monotonic() - sent
    assert proc.returncode == 1
    assert stopped_after < 5, f"took {stopped_after:.1f} s to stop"
    listed = json.loads(run_cli("status", "--json", cwd=tmp_path).stdout)["jobs"]
    assert listed[0]["status"] == "interrupted" and listed[0]["stage"] == "BUILDING"
    leftovers = subprocess.run(["pgrep", "-f", str(out / "node_modules" / "next")], capture_output=True, text=True)
    assert leftovers.stdout.strip() == ""
    assert (out / "app" / "page.tsx").exists()  # nothing already made is lost


def test_browser_checks_are_skipped_without_chromium_unless_asked_for(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    env = {"SITEGEN_CHROMIUM": str(tmp_path / "no-such-chromium")}
    result = run_cli("new", "florist in Ghent", "--out", str(tmp_path / "a"), "--sandbox", "local", "--json",
                     cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert [s["stage"] for s in data["stages"]][-1] == "VERIFYING"
    assert "browser checks skipped" in result.stderr
    strict = run_cli("new", "florist in Ghent", "--out", str(tmp_path / "b"), "--sandbox", "local", "--verify",
                     "--json", cwd=tmp_path, env=env)
    assert strict.returncode == 1
    failed = json.loads(strict.stdout)
    assert failed["stage"] == "VERIFYING" and failed["error_kind"] == "verify"
    assert (tmp_path / "b" / "out" / "index.html").exists()  # the build is kept


def test_two_processes_at_once_share_one_install(tmp_path: Path, sitegen_home: Path) -> None:
    """Two `sitegen new` runs on an empty cache: both finish, the lockfile is installed only once."""
    need(has_node(), "node is not installed")
    procs = [
        subprocess.Popen([sys.executable, "-m", "sitegen", "new", prompt, "--out", str(tmp_path / name),
                          "--sandbox", "local", "--no-verify", "--json"], cwd=tmp_path, text=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for name, prompt in (("one", "bakery in Porto"), ("two", "dentist in Oslo"))
    ]
    results = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    assert [r["status"] for r in results] == ["done", "done"], [r.get("error") for r in results]
    installs = 0
    for r in results:
        detail = run_cli("status", r["job_id"], "--json", cwd=tmp_path)
        assert json.loads(detail.stdout)["status"] == "done"
    from sitegen.store import Store

    store = Store(sitegen_home / "sitegen.db")
    for r in results:
        ends = [e for e in store.events(r["job_id"]) if e["stage"] == "BUILDING" and e["event"] == "end"]
        installs += bool(ends[0]["detail"].get("installed"))
    assert installs == 1
    entries = list((sitegen_home / "cache" / "deps-local").iterdir())
    assert len([e for e in entries if e.is_dir()]) == 1


def test_name_flag_is_used_throughout_the_copy(tmp_path: Path) -> None:
    result = run_cli("new", "coffee shop landing page", "--name", "Luz & Co", "--out", str(tmp_path / "s"),
                     "--sandbox", "none", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    plan = (tmp_path / "s" / ".sitegen" / "plan.json").read_text(encoding="utf-8")
    assert json.loads(plan)["name"] == "Luz & Co"
    assert plan.count("Luz & Co") >= 3  # not just the title: the copy speaks of it too


def test_the_readme_main_job_exactly(tmp_path: Path, warm_home: Path) -> None:
    """`sitegen new "coffee shop landing page"` with no flags at all: whatever sandbox and browser the
    machine has, it ends DONE with a built site in ./coffee-shop-landing-page."""
    need(has_node() or shutil.which("docker") is not None, "neither Node.js nor Docker is installed")
    result = run_cli("new", "coffee shop landing page", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "coffee-shop-landing-page" / "out" / "index.html").exists()
    assert "Done" in result.stderr and result.stdout == ""
