"""Pinned deploy CLIs: shipped lockfiles and an install environment without secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen.deployers.tools import TOOLS, copy_lockfile, install_env


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_every_tool_ships_a_lockfile_for_its_pinned_version(name: str, tmp_path: Path) -> None:
    tool = TOOLS[name]
    assert copy_lockfile(tool, tmp_path)
    manifest = json.loads((tmp_path / "package.json").read_text())
    lock = json.loads((tmp_path / "package-lock.json").read_text())
    assert manifest["dependencies"] == {tool.package: tool.version}
    assert lock["packages"][f"node_modules/{tool.package}"]["version"] == tool.version


def test_install_env_has_no_keys_or_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("VERCEL_TOKEN", "NETLIFY_AUTH_TOKEN", "GEMINI_API_KEY", "SUPABASE_SERVICE_ROLE_KEY", "MY_API_KEY"):
        monkeypatch.setenv(var, "secret-value-123")
    monkeypatch.setenv("PATH", "/usr/bin")
    env = install_env()
    assert "secret-value-123" not in env.values()
    assert env["PATH"] == "/usr/bin"
