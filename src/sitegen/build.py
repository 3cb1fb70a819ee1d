"""Builders: run the build steps on a project and report a BuildResult.

``LocalBuilder`` uses the host's Node and npm; ``DockerBuilder`` (sandbox/docker.py) runs the same
steps (``build_steps``: one definition) in a locked-down container, and ``sandbox.select_builder``
picks one. Both install dependencies once per lockfile hash (deps.py) and keep Turbopack's cache
per project, seeded for a new project from a shared one (buildcache.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sitegen import buildcache, deps, hostio, procs, shipped
from sitegen.buildsteps import (
    NEXT_BUILD,
    TYPES_CHECKED_ENV,
    BuildStep,
    phase_times,
    step_log,
    steps_for,
    uses_types_switch,
)
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
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step and per next phase


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
        plan = plan_build(project_dir, self.settings.cache_dir, deps.lockfile_key(project_dir, "local"), "local")
        node = find_node()[0]  # type: ignore[index]
        env = {**build_env(self.settings.home), TYPES_CHECKED_ENV: "1", **plan.env}
        log: list[str] = []
        code, failed, timed_out = 0, NEXT_BUILD, False
        for step in plan.steps:
            on_log(step.marker)
            log.append(step.marker)
            cmd = step.argv(node, project_dir)
            if self.wrap is not None:  # runs project code: sandboxed
                cmd = self.wrap(cmd, project_dir, env)
            step_started = time.monotonic()
            left = max(1.0, self.timeout - (step_started - started))
            done = procs.run(cmd, project_dir, env, on_log, left, on_start=self._started)
            plan.timings[step.name] = round(time.monotonic() - step_started, 3)
            log.append(done.stdout)
            code, failed, timed_out = done.code, step, done.timed_out
            if code != 0 or timed_out:
                break
        out = "".join(log)
        if timed_out:
            error = f"the build timed out after {self.timeout:.0f} s"
        else:
            error = finish_build(plan, project_dir, code, out, failed)
        return BuildResult(
            ok=not error,
            log=out,
            seconds=time.monotonic() - started,
            error=error,
            builder=self.name,
            install_seconds=install_seconds,
            installed=installed,
            timings=plan.timings,
        )


def build_steps(project_dir: Path, cache_dir: Path) -> list[BuildStep]:
    """What a build of this project runs now (see ``buildsteps.steps_for``)."""
    switch = uses_types_switch(project_dir)
    return steps_for(switch, switch and shipped.all_shipped(project_dir, cache_dir))


@dataclass
class BuildPlan:
    """What one build runs, and what it may do with the shared Turbopack seed afterwards."""

    steps: list[BuildStep]
    seeds: Path  # the shared seeds for this dependency set and template (buildcache.seed_root)
    digests: dict[str, str] | None  # the source files before the build (shipped.source_digests)
    own: bool  # every source file is sitegen's own (no type check; may make the seed)
    fresh: bool  # the project had no Turbopack cache of its own before this build
    env: dict[str, str] = field(default_factory=dict)  # for every step (buildcache.compaction_env)
    timings: dict[str, float] = field(default_factory=dict)


def plan_build(project_dir: Path, cache_dir: Path, deps_key: str, kind: str) -> BuildPlan:
    """Before a build: drop the old out/, choose the steps, seed a project that has no cache, and
    say whether this build compacts Turbopack's cache."""
    started = time.monotonic()
    hostio.remove_tree(project_dir, "out")
    switch = uses_types_switch(project_dir)
    digests = shipped.source_digests(project_dir)  # read once: the type check, the seed, its name
    own = switch and shipped.all_recorded(digests, cache_dir)
    steps = steps_for(switch, own)
    seeds = buildcache.seed_root(cache_dir, buildcache.seed_key(project_dir, deps_key), kind)
    fresh = not buildcache.has_cache(project_dir)
    plan = BuildPlan(steps, seeds, digests, own, fresh)
    if fresh and buildcache.seed_project(project_dir, seeds, digests):
        plan.timings["cache seed"] = round(time.monotonic() - started, 3)
    plan.env = buildcache.compaction_env(project_dir)
    return plan


def finish_build(plan: BuildPlan, project_dir: Path, code: int, log: str, last: BuildStep) -> str:
    """After the steps ran: the error ("" when the build worked), timings, the seed, no stale out/."""
    plan.timings.update(phase_times(step_log(log, NEXT_BUILD)))
    error = build_error(code, step_log(log, last), project_dir, last.name)
    if error and last is not NEXT_BUILD:
        hostio.remove_tree(project_dir, "out")  # a site that fails its type check is not a build
    elif not error and plan.own and plan.fresh:
        started = time.monotonic()
        if buildcache.publish_seed(project_dir, plan.seeds, plan.digests):
            plan.timings["cache publish"] = round(time.monotonic() - started, 3)
    return error


def build_error(code: int, log: str, project_dir: Path, step: str = "next build") -> str:
    """What went wrong with a finished build step (exit code and log), or "" when it worked."""
    if code != 0:
        return f"{step} failed (exit code {code}): {last_error_line(log)}"
    if not (project_dir / "out" / "index.html").exists():
        return "next build finished but out/index.html is missing"
    return ""


def last_error_line(text: str) -> str:
    """The first line that mentions an error, else the last line (at most 300 characters)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    errors = [ln for ln in lines if "error" in ln.lower()]
    return (errors[0] if errors else lines[-1] if lines else "no output")[:300]
