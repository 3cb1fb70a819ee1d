"""Builders: run ``next build`` on a project and report a BuildResult.

``LocalBuilder`` uses the host's Node and npm; ``DockerBuilder`` (build_docker.py) runs the same
steps in a locked-down container. Both install dependencies once per lockfile hash (deps.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sitegen import deps
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError

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


def run_streaming(
    cmd: list[str],
    cwd: Path,
    env: dict[str, str],
    on_log: LogFn,
    timeout: float,
    on_start: Callable[[subprocess.Popen], None] | None = None,
) -> tuple[int, str, bool]:
    """Run a command in its own process group, streaming merged output lines to on_log.

    Returns (exit code, full output, timed_out). The whole group is killed on timeout or Ctrl-C.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    if on_start:
        on_start(proc)
    chunks: list[str] = []
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        _kill_group(proc)

    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    try:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            chunks.append(line)
            on_log(line)
        code = proc.wait()
    except BaseException:
        _kill_group(proc)
        raise
    finally:
        timer.cancel()
    return code, "".join(chunks), timed_out.is_set()


def die_with_parent() -> None:
    """In the child: get SIGKILL when sitegen dies, so a killed job leaves no build running."""
    try:
        import ctypes  # noqa: PLC0415

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def find_node() -> tuple[str, str] | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    return (node, npm) if node and npm else None


class LocalBuilder:
    """Builds with the host's Node and npm, with the shared dependency cache."""

    name = "local"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.timeout = settings.build_timeout
        self._proc: subprocess.Popen | None = None
        self._cancelled = False

    def _started(self, proc: subprocess.Popen) -> None:
        self._proc = proc
        if self._cancelled:
            _kill_group(proc)

    def cancel(self) -> None:
        """Stop the running install or build (from another thread, e.g. on Ctrl-C)."""
        self._cancelled = True
        if self._proc is not None and self._proc.poll() is None:
            _kill_group(self._proc)

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
                    code, out, timed_out = run_streaming(cmd, staging, env, on_log, self.timeout, self._started)
                    if code != 0:
                        shutil.rmtree(staging, ignore_errors=True)
                        why = "timed out" if timed_out else f"exit code {code}"
                        raise SitegenError(
                            f"npm ci failed ({why}): {_last_line(out)}",
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
        code, out, timed_out = run_streaming(cmd, project_dir, env, on_log, self.timeout, self._started)
        seconds = time.monotonic() - started
        error = ""
        if timed_out:
            error = f"the build timed out after {self.timeout:.0f} s"
        elif code != 0:
            error = f"next build failed (exit code {code}): {_last_line(out)}"
        elif not (project_dir / "out" / "index.html").exists():
            error = "next build finished but out/index.html is missing"
        return BuildResult(
            ok=not error,
            log=out,
            seconds=seconds,
            error=error,
            builder=self.name,
            install_seconds=install_seconds,
            installed=installed,
        )


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    errors = [ln for ln in lines if "error" in ln.lower()]
    return (errors[0] if errors else lines[-1] if lines else "no output")[:300]


def docker_problem(timeout: float = 3.0) -> SitegenError | None:
    """None when a Docker daemon answers; otherwise the classified error (daemon down, socket
    permission, …) with its own hint."""
    try:
        import docker  # noqa: PLC0415 — heavy, only when needed

        client = docker.from_env(timeout=timeout)
        client.ping()
        client.close()
        return None
    except Exception as exc:  # noqa: BLE001 — any failure means "no Docker"
        from sitegen.sandbox.errors import docker_error  # noqa: PLC0415

        return docker_error(exc)


def select_builder(settings: Settings, sandbox: str | None = None) -> tuple[Builder | None, str]:
    """Pick the builder for --sandbox auto|docker|local|none; say why (the builder's name is
    reported next to the reason, so the reason does not repeat it)."""
    choice = (sandbox or settings.sandbox or "auto").lower()
    if choice not in {"auto", "docker", "local", "none"}:
        raise SitegenError(
            f"unknown sandbox {choice!r}", ErrorKind.USAGE, "Use --sandbox auto, docker, local or none."
        )
    if choice == "none":
        return None, "--sandbox none: files only, no build"
    if choice in {"auto", "docker"}:
        problem = docker_problem()
        if problem is None:
            from sitegen.sandbox.docker import DockerBuilder  # noqa: PLC0415

            return DockerBuilder(settings), f"--sandbox {choice}: a Docker daemon answered"
        if choice == "docker":
            raise SitegenError(f"--sandbox docker, but {problem}", ErrorKind.SANDBOX, problem.hint)
        if find_node():
            return LocalBuilder(settings), f"--sandbox auto: {problem}, so the host's Node"
        return LocalBuilder(settings), f"--sandbox auto: {problem}, and no Node.js either"
    return LocalBuilder(settings), "--sandbox local: the host's Node"
