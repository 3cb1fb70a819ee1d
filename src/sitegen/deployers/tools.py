"""Deploy CLIs: find them, install them (pinned, with npm, on first use) and run them safely.

A CLI runs with stdin closed, in its own process group, with our own timeout; every line it
prints goes through ``on_log`` already scrubbed of secrets and terminal escape codes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen import procs
from sitegen.errors import ErrorKind, SitegenError
from sitegen.secrets import scrub, without_secrets

LogFn = Callable[[str], None]


@dataclass(frozen=True)
class Tool:
    """A pinned npm package that provides a deploy CLI."""

    package: str
    version: str
    binary: str
    min_node: tuple[int, int] = (18, 0)

    @property
    def spec(self) -> str:
        return f"{self.package}@{self.version}"


TOOLS: dict[str, Tool] = {
    "vercel": Tool("vercel", "58.10.0", "vercel", (18, 0)),
    "netlify": Tool("netlify-cli", "26.2.0", "netlify", (20, 12)),
    "cloudflare": Tool("wrangler", "4.86.0", "wrangler", (20, 3)),
}

INSTALL_TIMEOUT = 900.0
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]")


def tools_dir(home: Path) -> Path:
    """Where pinned CLIs are installed: SITEGEN_TOOLS_DIR, else SITEGEN_HOME/tools."""
    env = os.environ.get("SITEGEN_TOOLS_DIR")
    return Path(env).expanduser() if env else home / "tools"


def installed_binary(tool: Tool, home: Path) -> Path:
    return tools_dir(home) / tool.spec / "node_modules" / ".bin" / tool.binary


def node_version() -> tuple[int, int] | None:
    node = shutil.which("node")
    if not node:
        return None
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=20,
                             stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.match(r"v(\d+)\.(\d+)", out.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def find_tool(name: str, home: Path) -> Path | None:
    """The CLI on PATH, or the pinned copy under the tools folder; None when neither exists."""
    tool = TOOLS[name]
    on_path = shutil.which(tool.binary)
    if on_path:
        return Path(on_path)
    local = installed_binary(tool, home)
    return local if local.exists() else None


def install_env() -> dict[str, str]:
    """The environment for installing a CLI: the host's, less every key and token (install scripts
    of third-party packages must not see one)."""
    return without_secrets(os.environ)


def copy_lockfile(tool: Tool, staging: Path) -> bool:
    """Put the shipped package.json and package-lock.json for ``tool`` into ``staging``."""
    from importlib import resources  # noqa: PLC0415

    source = resources.files("sitegen.deployers") / "locks" / tool.package
    try:
        for name in ("package.json", "package-lock.json"):
            (staging / name).write_bytes((source / name).read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def ensure_tool(name: str, home: Path, on_log: LogFn, timeout: float = INSTALL_TIMEOUT) -> Path:
    """Return the CLI's path, installing the pinned package with npm the first time."""
    found = find_tool(name, home)
    if found:
        return found
    tool = TOOLS[name]
    node = node_version()
    if node is None or not shutil.which("npm"):
        raise SitegenError(
            f"the {tool.binary} CLI is not installed and Node.js/npm are not available to install it",
            ErrorKind.DEPLOY,
            f"Install Node.js {tool.min_node[0]}+ (with npm), or install {tool.spec} yourself.",
        )
    if node < tool.min_node:
        want = ".".join(map(str, tool.min_node))
        raise SitegenError(
            f"{tool.spec} needs Node.js {want}+, this machine has {node[0]}.{node[1]}",
            ErrorKind.DEPLOY,
            f"Upgrade Node.js to {want} or newer, or put a {tool.binary} CLI on PATH.",
        )
    final = tools_dir(home) / tool.spec
    staging = final.with_name(f".{tool.spec}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    on_log(f"installing {tool.spec} into {final} (first use; about a minute)")
    if copy_lockfile(tool, staging):  # the whole dependency tree pinned, as shipped with sitegen
        cmd = ["npm", "ci", "--no-audit", "--no-fund", "--loglevel", "notice"]
    else:
        cmd = ["npm", "install", "--no-audit", "--no-fund", "--save-exact", "--loglevel", "notice",
               "--prefix", str(staging), tool.spec]
    started = time.monotonic()
    result = run_cli(cmd, cwd=staging, env=install_env(), on_log=on_log, timeout=timeout,
                     secrets=[], label=f"npm install {tool.spec}", heartbeat=10.0)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SitegenError(
            f"npm could not install {tool.spec}: {result.last_error() or f'exit code {result.returncode}'}",
            ErrorKind.DEPLOY,
            "Check the network or the npm registry settings (npm config get registry), then retry.",
        )
    if final.exists():  # another process won the race
        shutil.rmtree(staging, ignore_errors=True)
    else:
        staging.rename(final)
    on_log(f"installed {tool.spec} in {time.monotonic() - started:.0f}s")
    return installed_binary(tool, home)


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def last_error(self) -> str:
        """The CLI's own error line: the last 'Error: …' line, else the last stderr line."""
        lines = [ln.strip() for ln in self.stderr.splitlines() if ln.strip()]
        for line in reversed(lines):
            cleaned = line.lstrip("›!✖× ").strip()
            if re.match(r"(?i)(\w*error|err!)\b:?", cleaned):
                return re.sub(r"^(?i:error|npm err!)\s*:?\s*", "", cleaned).strip() or cleaned
        return lines[-1] if lines else ""


def run_cli(
    cmd: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    on_log: LogFn,
    timeout: float,
    secrets: list[str],
    label: str,
    log_stdout: bool = True,
    heartbeat: float | None = None,
) -> CliResult:
    """Run a CLI with stdin closed and a deadline (procs.run); stdout and stderr kept apart."""

    def emit(raw: str) -> None:
        for part in ANSI.sub("", raw).replace("\r", "\n").split("\n"):
            if part.strip():
                on_log(scrub(part.rstrip(), secrets))

    def still_running(seconds: float) -> None:
        on_log(f"{label}: still running ({seconds:.0f}s)")

    try:
        done = procs.run(cmd, cwd, env, emit, timeout, split_stderr=True, on_stdout=emit if log_stdout else None,
                         heartbeat=still_running if heartbeat else None, heartbeat_every=heartbeat or 10.0, grace=5.0)
    except OSError as exc:
        raise SitegenError(f"cannot run {label}: {exc.strerror or exc}", ErrorKind.DEPLOY) from exc
    if done.timed_out:
        raise SitegenError(
            f"{label} did not finish within {timeout:.0f}s and was stopped",
            ErrorKind.DEPLOY,
            "The service did not answer in time; the build is kept: retry later with `sitegen deploy`.",
        )
    return CliResult(done.code, scrub(done.stdout, secrets), scrub(done.stderr, secrets))
