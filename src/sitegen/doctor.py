"""`sitegen doctor`: what is installed, what is missing, and how to fix each (as data; cli/ draws it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass

from sitegen.config import Settings, redact_url
from sitegen.deploy import REQUIRED
from sitegen.deployers.tools import TOOLS, find_tool
from sitegen.errors import SitegenError
from sitegen.sandbox import bubblewrap
from sitegen.sandbox.engine import clean_containers, doctor_report
from sitegen.sandbox.errors import SandboxError
from sitegen.verify.browser import find_chromium


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = False  # for building at all (Node or Docker)

    def to_dict(self) -> dict:
        return asdict(self)


def _version(cmd: list[str]) -> str | None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else None


def run_checks(settings: Settings, clean: bool = False) -> list[Check]:
    out = [Check("python", sys.version_info >= (3, 11), sys.version.split()[0], "Use Python 3.11 or newer.")]
    out.append(Check("home", settings.home.is_dir(), str(settings.home), "Set SITEGEN_HOME to a writable folder."))
    node = _version(["node", "--version"])
    npm = _version(["npm", "--version"])
    node_ok = bool(node and npm and int(node.lstrip("v").split(".")[0]) >= 20)
    out.append(Check("node", node_ok, f"node {node or 'missing'}, npm {npm or 'missing'}",
                     "Install Node.js 20+ (https://nodejs.org) for --sandbox local.", required=False))
    out.extend(docker_checks(settings, clean))
    out.append(bubblewrap_check(settings))
    out.append(Check("gemini key", bool(settings.gemini_api_key),
                     "GEMINI_API_KEY set" if settings.gemini_api_key else "not set (offline provider is used)",
                     "export GEMINI_API_KEY=… for real model generation"))
    has_openai = bool(settings.openai_api_key or settings.openai_base_url)
    out.append(Check("openai-compatible", has_openai,
                     redact_url(settings.openai_base_url)
                     or ("OPENAI_API_KEY set" if settings.openai_api_key else "not set"),
                     "export OPENAI_BASE_URL=http://localhost:11434 (Ollama) or OPENAI_API_KEY=…"))
    out.extend(deploy_checks(settings))
    out.append(chromium_check())
    out.append(Check("git", bool(shutil.which("git")), shutil.which("git") or "not found",
                     "Install git so every version of a site is kept."))
    return out


def bubblewrap_check(settings: Settings) -> Check:
    """Whether local builds of model-written code can run sandboxed (without Docker), and with which limits."""
    hint = ("Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) so model-written sites can be "
            "built without Docker.")
    if (problem := bubblewrap.problem()) is not None:
        return Check("bubblewrap", False, problem, hint)
    try:
        limits = bubblewrap.Limits.from_settings(settings).describe()
    except SitegenError as exc:
        return Check("bubblewrap", False, exc.message, exc.hint or hint)
    return Check("bubblewrap", True, f"local builds run sandboxed (no network, only the project writable, {limits})",
                 hint)


def docker_checks(settings: Settings, clean: bool = False) -> list[Check]:
    """Docker's lines (and --clean's). Only the daemon line's name starts with "docker": can_build
    counts any ok "docker…" line as a way to build."""
    out: list[Check] = []
    if clean:
        try:
            removed = clean_containers()
            out.append(Check("clean", True, f"removed {removed} leftover sitegen container(s)"))
        except SandboxError as exc:
            out.append(Check("clean", False, exc.message, exc.hint))
    for check in doctor_report(settings):
        out.append(Check(check.name, check.ok, check.detail, check.hint))
    return out


def deploy_checks(settings: Settings) -> list[Check]:
    """Each deploy target: is its pinned CLI there (same lookup as a deploy), are its settings set."""
    out: list[Check] = []
    for target, tool in TOOLS.items():
        path = find_tool(target, settings.home)
        found = str(path) if path else f"not installed ({tool.spec} is installed on first deploy)"
        missing = [var for field, var in REQUIRED[target] if not getattr(settings, field)]
        needs = ", ".join(var for _, var in REQUIRED[target])
        detail = f"{found}; " + (f"{', '.join(missing)} not set" if missing else f"{needs} set")
        out.append(Check(f"deploy: {target}", not missing, detail,
                         f"export {' and '.join(missing)} to deploy there" if missing else ""))
    return out


def chromium_check() -> Check:
    try:
        return Check("chromium", True, find_chromium())
    except SitegenError as exc:
        return Check("chromium", False, exc.message, exc.hint)


def can_build(checks: list[Check]) -> bool:
    by = {c.name: c for c in checks}
    return by["home"].ok and (by["node"].ok or any(c.ok for c in checks if c.name.startswith("docker")))


__all__ = ["Check", "can_build", "run_checks"]
