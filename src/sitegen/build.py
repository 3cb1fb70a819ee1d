"""Builders: run ``next build`` on a project and report a BuildResult.

``LocalBuilder`` uses the host's Node and npm; ``DockerBuilder`` (sandbox/docker.py) runs the same
steps in a locked-down container, and ``sandbox.select_builder`` picks one. Both install
dependencies once per lockfile hash (deps.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sitegen import deps, procs
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.procs import kill_group

LogFn = Callable[[str], None]

# Variables a build may see from the host; nothing else (no keys, no tokens) passes.
ENV_ALLOWLIST = ("PATH", "LANG", "LC_ALL", "TZ", "NODE_EXTRA_CA_CERTS", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY")


@dataclass
class BuildResult:
    ok: bool
    log: str
    seconds: float
    error: str = ""
    builder: str = ""
    install_seconds: float = 0.0
    installed: bool = False  # True when this build had to install dependencies


class Builder(Protocol):
    name: str

    def build(self, project_dir: Path, on_log: LogFn) -> BuildResult:
        """Install dependencies if needed, run next build, return the outcome (never raise on a
        failed build; raise SitegenError only when the builder itself cannot run)."""
        ...


def ca_bundle() -> str | None:
    """The host's CA bundle, for npm behind a TLS-inspecting proxy."""
    for env in ("NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"):
        if (value := os.environ.get(env)) and Path(value).is_file():
            return value
    for path in ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"):
        if Path(path).is_file():
            return path
    return None


def build_env(home: Path) -> dict[str, str]:
    """A minimal environment for npm and next: the allowlist plus our own settings."""
    env = {k: v for k in ENV_ALLOWLIST if (v := os.environ.get(k))}
    env.setdefault("PATH", os.defpath)
    env.update(
        HOME=str(home),
        NEXT_TELEMETRY_DISABLED="1",
        npm_config_update_notifier="false",
        npm_config_fund="false",
        npm_config_audit="false",
        CI="1",
    )
    if bundle := ca_bundle():
        env["NODE_EXTRA_CA_CERTS"] = bundle
    return env


def find_node() -> tuple[str, str] | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    return (node, npm) if node and npm else None


WrapFn = Callable[[list[str], Path, dict[str, str]], list[str]]  # (cmd, project, env) -> sandboxed argv


class LocalBuilder:
    """Builds with the host's Node and npm, with the shared dependency cache.

    ``wrap`` (e.g. sandbox/bubblewrap.wrap) turns each step that runs project code into a
    sandboxed argv; without it those steps run on the host with the user's rights.
    """

    name = "local"

    def __init__(self, settings: Settings, wrap: WrapFn | None = None, name: str | None = None):
        self.settings = settings
        self.wrap = wrap
        if name:
            self.name = name
        self.timeout = settings.build_timeout
        self._proc: subprocess.Popen | None = None
        self._cancelled = False

    def _started(self, proc: subprocess.Popen) -> None:
        self._proc = proc
        if self._cancelled:
            kill_group(proc)

    def cancel(self) -> None:
        """Stop the running install or build (from another thread, e.g. on Ctrl-C)."""
        self._cancelled = True
        if self._proc is not None and self._proc.poll() is None:
            kill_group(self._proc)

    def ensure_deps(self, project_dir: Path, on_log: LogFn) -> tuple[bool, float]:
        """Install the project's lockfile into the cache unless present; link it into the project."""
        tools = find_node()
        if not tools:
            raise SitegenError(
                "Node.js is not installed, so the site cannot be built here (files are kept)",
                ErrorKind.NO_NODE,
            )
        key = deps.lockfile_key(project_dir, "local")
        entry = deps.entry_dir(self.settings.cache_dir, key, "local")
        installed, started = False, time.monotonic()
        if not deps.is_complete(entry):
            with deps.entry_lock(entry):
                if not deps.is_complete(entry):
                    on_log(f"Installing dependencies into the cache ({key})…\n")
                    staging = deps.prepare_staging(project_dir, entry)
                    cmd = [tools[1], "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
                    env = build_env(self.settings.home)
                    done = procs.run(cmd, staging, env, on_log, self.timeout, on_start=self._started)
                    code, out, timed_out = done.code, done.stdout, done.timed_out
                    if code != 0:
                        shutil.rmtree(staging, ignore_errors=True)
                        why = "timed out" if timed_out else f"exit code {code}"
                        raise SitegenError(
                            f"npm ci failed ({why}): {last_error_line(out)}",
                            ErrorKind.BUILD,
                            "Check the network to the npm registry (and proxy CA), then `sitegen resume JOB`.",
                        )
                    deps.publish(staging, entry)
                    installed = True
        deps.link_into_project(entry, project_dir, key)
        return installed, time.monotonic() - started

    def build(self, project_dir: Path, on_log: LogFn) -> BuildResult:
        started = time.monotonic()
        installed, install_seconds = self.ensure_deps(project_dir, on_log)
        shutil.rmtree(project_dir / "out", ignore_errors=True)
        node = find_node()[0]  # type: ignore[index]
        cmd = [node, str(project_dir / "node_modules" / "next" / "dist" / "bin" / "next"), "build"]
        on_log("$ next build\n")
        env = build_env(self.settings.home)
        if self.wrap is not None:  # runs project code: sandboxed
            cmd = self.wrap(cmd, project_dir, env)
        done = procs.run(cmd, project_dir, env, on_log, self.timeout, on_start=self._started)
        code, out, timed_out = done.code, done.stdout, done.timed_out
        seconds = time.monotonic() - started
        error = f"the build timed out after {self.timeout:.0f} s" if timed_out else build_error(code, out, project_dir)
        return BuildResult(
            ok=not error,
            log=out,
            seconds=seconds,
            error=error,
            builder=self.name,
            install_seconds=install_seconds,
            installed=installed,
        )


def build_error(code: int, log: str, project_dir: Path) -> str:
    """What went wrong with a finished ``next build`` (exit code and log), or "" when it worked."""
    if code != 0:
        return f"next build failed (exit code {code}): {last_error_line(log)}"
    if not (project_dir / "out" / "index.html").exists():
        return "next build finished but out/index.html is missing"
    return ""


def last_error_line(text: str) -> str:
    """The first line that mentions an error, else the last line (at most 300 characters)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    errors = [ln for ln in lines if "error" in ln.lower()]
    return (errors[0] if errors else lines[-1] if lines else "no output")[:300]
