"""`status --watch`, `doctor`, and `--json` contracts of the smaller commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import has_node, need, run_cli


def test_status_watch_waits_for_the_running_job(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    job = subprocess.Popen([sys.executable, "-m", "sitegen", "new", "pizzeria in Naples", "--out",
                            str(tmp_path / "site"), "--sandbox", "local", "--no-verify"], cwd=tmp_path,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        jobs: list = []
        for _ in range(200):  # until the job is recorded
            listed = json.loads(run_cli("status", "--json", cwd=tmp_path).stdout)
            assert "jobs" in listed, listed
            jobs = listed["jobs"]
            if jobs:
                break
        assert jobs, "the job never appeared"
        watched = run_cli("status", jobs[0]["job_id"], "--watch", "--json", cwd=tmp_path, timeout=300)
        assert watched.returncode == 0
        data = json.loads(watched.stdout)
        assert data["status"] == "done" and data["stages"][-1]["stage"] == "BUILDING"
    finally:
        job.wait(timeout=300)


def test_doctor_reports_each_check_as_json(tmp_path: Path) -> None:
    result = run_cli("doctor", "--json", cwd=tmp_path)
    data = json.loads(result.stdout)
    names = {c["name"] for c in data["checks"]}
    assert {"python", "home", "node", "bubblewrap", "gemini key", "chromium", "git"} <= names
    assert all(set(c) >= {"ok", "detail", "fix"} for c in data["checks"])
    assert result.returncode == (0 if data["ok"] else 1)


def test_doctor_names_the_bubblewrap_limits_and_a_bad_memory_setting(tmp_path: Path) -> None:
    from sitegen.sandbox import bubblewrap

    need(bubblewrap.problem() is None, f"bubblewrap cannot run here: {bubblewrap.problem()}")

    def line(env: dict[str, str]) -> dict:
        data = json.loads(run_cli("doctor", "--json", cwd=tmp_path, env=env).stdout)
        return next(c for c in data["checks"] if c["name"] == "bubblewrap")

    good = line({"SITEGEN_BUILD_CPUS": "1", "SITEGEN_BUILD_MEMORY": "1536m"})
    assert good["ok"] and "1 CPU core(s), 1.5 GB of memory per process" in good["detail"]
    bad = line({"SITEGEN_BUILD_MEMORY": "lots"})
    assert not bad["ok"] and "SITEGEN_BUILD_MEMORY='lots'" in bad["detail"] and "2g" in bad["fix"]


def test_doctor_fails_when_nothing_can_build(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare), "DOCKER_HOST": f"unix://{tmp_path}/no-docker.sock"}
    result = subprocess.run([sys.executable, "-m", "sitegen", "doctor"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cannot build" in result.stdout
    assert "Install Node.js" in result.stdout
    assert "bubblewrap (bwrap) is not installed" in result.stdout  # no bwrap on that PATH
