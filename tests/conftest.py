"""Shared fixtures: every test gets its own SITEGEN_HOME and a clean environment."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# Tests and every `sitegen` subprocess they start use this checkout's code, whatever is installed.
SRC = str(Path(__file__).resolve().parents[1] / "src")
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH", "")) if p)

# A test run started in the background by a non-interactive shell inherits SIGINT ignored, and so
# would every `sitegen` it starts (an ignored signal stays ignored across exec), so the Ctrl-C tests
# could not interrupt anything. A handler here is reset to the default in each child.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

SECRET_VARS = (
    "GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GEMINI_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL",
    "VERCEL_TOKEN", "NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID", "SUPABASE_URL", "SUPABASE_SERVICE_ROLE_KEY",
    "SITEGEN_PROVIDER", "SITEGEN_MODELS", "SITEGEN_SANDBOX", "SITEGEN_DEBUG", "CLOUDFLARE_API_TOKEN",
)


def require_services() -> bool:
    """In CI every real part must be there: a missing one fails the test instead of skipping it."""
    return os.environ.get("SITEGEN_REQUIRE_SERVICES") == "1"


def need(condition: bool, reason: str) -> None:
    if condition:
        return
    if require_services():
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def sitegen_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh SITEGEN_HOME and config path per test; no keys from the developer's shell."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SITEGEN_HOME", str(home))
    monkeypatch.setenv("SITEGEN_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("NEXT_TELEMETRY_DISABLED", "1")
    for var in SECRET_VARS:
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One dependency cache for the whole session, so only the first real build installs."""
    return tmp_path_factory.mktemp("shared-cache")


@pytest.fixture(scope="session")
def template_deps(shared_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template's dependencies installed once per session into the shared cache (real `npm ci`
    through the LocalBuilder); returns that node_modules folder."""
    need(has_node(), "node is not installed")
    from sitegen import deps
    from sitegen.build import LocalBuilder
    from sitegen.config import Settings
    from sitegen.stages.common import template_dir

    work = tmp_path_factory.mktemp("template-deps")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(template_dir() / name, work / name)
    home = tmp_path_factory.mktemp("deps-home")
    (home / "cache").symlink_to(shared_cache, target_is_directory=True)
    LocalBuilder(Settings(home=home)).ensure_deps(work, lambda _line: None)
    entry = deps.entry_dir(shared_cache, deps.lockfile_key(work, "local"), "local")
    return entry / "node_modules"


@pytest.fixture
def warm_home(sitegen_home: Path, shared_cache: Path) -> Path:
    """SITEGEN_HOME whose cache folder is the session-wide dependency cache."""
    (sitegen_home / "cache").symlink_to(shared_cache, target_is_directory=True)
    return sitegen_home


def has_node() -> bool:
    return bool(shutil.which("node") and shutil.which("npm"))


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 600, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `sitegen` command in a subprocess and capture stdout and stderr apart."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
        input=input, stdin=None if input is not None else subprocess.DEVNULL,
    )
