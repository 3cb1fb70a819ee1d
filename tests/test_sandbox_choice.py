"""Which sandbox builds a site: model-written code is never built bare unless the user said so.

Unit tests pin Docker and bubblewrap up or down; the CLI tests take them away for real (a Docker
socket that does not exist, a PATH without ``bwrap``) and run `sitegen new` end to end.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox import bubblewrap, choice
from sitegen.sandbox.errors import DaemonNotRunning
from tests.conftest import has_node, need, run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario

GEMINI_KEY = "test-gemini-key-123"


@pytest.fixture
def docker_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choice, "docker_problem", lambda: DaemonNotRunning("/var/run/docker.sock"))


def no_bwrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bubblewrap, "problem", lambda: "bubblewrap (bwrap) is not installed")


def with_bwrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bubblewrap, "problem", lambda: None)
    monkeypatch.setattr(bubblewrap, "bwrap_path", lambda: "/usr/bin/bwrap")


@pytest.mark.parametrize("sandbox", ["auto", "local"])
@pytest.mark.parametrize("offline", [True, False])
def test_bubblewrap_is_used_whenever_it_works(tmp_path: Path, docker_down: None, monkeypatch: pytest.MonkeyPatch,
                                             sandbox: str, offline: bool) -> None:
    with_bwrap(monkeypatch)
    builder, why = choice.select_builder(Settings(home=tmp_path), sandbox, offline=offline)
    assert builder is not None and builder.name == "local+bwrap" and "bubblewrap" in why
    assert not choice.is_unsandboxed(builder)


def test_auto_refuses_model_code_without_any_sandbox(tmp_path: Path, docker_down: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    no_bwrap(monkeypatch)
    with pytest.raises(SitegenError) as err:
        choice.select_builder(Settings(home=tmp_path), "auto", offline=False)
    assert err.value.kind is ErrorKind.SANDBOX and err.value.exit_code == 1
    assert "no sandbox for model-written code" in err.value.message and "not running" in err.value.message
    assert "bwrap" in err.value.message
    for fix in ("Start Docker", "bubblewrap", "--sandbox local"):
        assert fix in err.value.hint


def test_auto_builds_sitegens_own_code_bare_and_local_builds_bare_when_asked(
        tmp_path: Path, docker_down: None, monkeypatch: pytest.MonkeyPatch) -> None:
    no_bwrap(monkeypatch)
    own, why = choice.select_builder(Settings(home=tmp_path), "auto", offline=True)
    assert own is not None and own.name == "local" and "sitegen's own code" in why
    asked, why = choice.select_builder(Settings(home=tmp_path), "local", offline=False)
    assert asked is not None and asked.name == "local" and "unsandboxed" in why
    assert choice.is_unsandboxed(asked)


def test_docker_first_when_it_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choice, "docker_problem", lambda: None)
    builder, _ = choice.select_builder(Settings(home=tmp_path), "auto", offline=False)
    assert builder is not None and builder.name == "docker"


def test_a_broken_bwrap_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bubblewrap, "bwrap_path", lambda: str(fake))
    bubblewrap.probe.cache_clear()  # the probe result is cached per binary
    assert "No permissions to creating new namespace" in (bubblewrap.problem() or "")


# -- the real CLI, with Docker and bubblewrap really absent ----------------------------------------

def bare_path(tmp_path: Path) -> str:
    """A PATH with node, npm, git and cp but no bwrap."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("node", "npm", "git", "cp", "sh", "env"):
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def no_sandbox_env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": bare_path(tmp_path), "DOCKER_HOST": f"unix://{tmp_path}/no-docker.sock"}


@pytest.mark.parametrize("how", ["flag", "default"])
def test_cli_auto_with_a_model_and_no_sandbox_refuses(tmp_path: Path, how: str) -> None:
    out = tmp_path / "site"
    args = ["--sandbox", "auto"] if how == "flag" else []
    with FakeGemini(Scenario(pages=1), api_key=GEMINI_KEY) as fake:
        env = {**no_sandbox_env(tmp_path), "GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url,
               "SITEGEN_MODELS": "gemini-3.8-flash"}
        done = run_cli("new", "a coffee roaster in Lisbon", "--out", str(out), "--provider", "gemini",
                       *args, "--no-verify", "--json", cwd=tmp_path, env=env, timeout=300)
        calls = len(fake.requests)
    assert done.returncode == 1, done.stderr[-2000:]
    data = json.loads(done.stdout)
    assert data["status"] == "error" and data["error_kind"] == "sandbox"
    assert "no sandbox for model-written code" in data["error"]
    assert "--sandbox local" in data["hint"]
    assert calls == 0 and not out.exists()  # refused before any paid model call, nothing written


@pytest.mark.e2e
def test_cli_auto_builds_the_offline_site_without_a_sandbox(tmp_path: Path, warm_home: Path,
                                                           template_deps: Path) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "site"
    done = run_cli("new", "bakery in Lyon", "--out", str(out), "--provider", "offline", "--sandbox", "auto",
                   "--no-verify", "--json", cwd=tmp_path, env=no_sandbox_env(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads(done.stdout)
    assert data["status"] == "done" and data["result"]["builder"] == "local"
    assert (out / "out" / "index.html").exists()


@pytest.mark.e2e
def test_cli_explicit_local_without_bwrap_warns_then_builds(tmp_path: Path, warm_home: Path,
                                                            template_deps: Path) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "site"
    env = {**no_sandbox_env(tmp_path), "SITEGEN_SANDBOX": "local"}
    done = run_cli("new", "bakery in Lyon", "--out", str(out), "--provider", "offline", "--no-verify",
                   cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    err = " ".join(done.stderr.split())
    assert "WITHOUT a sandbox" in err and "bubblewrap (bwrap) is not installed" in err
    assert err.index("WITHOUT a sandbox") < err.index("Done in")
    assert os.path.exists(out / "out" / "index.html")
