"""DockerBuilder: build the site in a locked-down container, with a shared dependency cache.

Two containers, each fresh, labelled and always removed:

1. install (only when the cache has no entry for this lockfile + image): ``npm ci
   --ignore-scripts`` in a staging folder, the only step with network; the host's CA bundle
   is mounted read-only and named by NODE_EXTRA_CA_CERTS.
2. build: the build steps (buildsteps.py: ``next build``, then ``tsc --noEmit --incremental``
   unless all the code is sitegen's own) in one container with no network, the project mounted
   read-write at /work/site (its .next/cache kept between builds) and the cached node_modules
   mounted read-only over /work/site/node_modules (inside the project root, which Turbopack
   requires).

Both run with the configured CPU and memory limits (no swap), a pids limit, a non-root user, all
capabilities dropped, no-new-privileges, a read-only root with a small tmpfs /tmp, and an
environment built from an explicit allowlist, never from the host's.

User: the uid:gid owning the project folder. A root-owned project is *lent* to uid 1000 for the
build (its files, not node_modules, are chowned to 1000 and given back afterwards, success or
not), so nothing in the container ever runs as root.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen import deps
from sitegen.build import BuildPlan, BuildResult, LogFn, ca_bundle, finish_build, last_error_line, plan_build
from sitegen.buildsteps import TYPES_CHECKED_ENV, BuildStep, StepClock, steps_script
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox.engine import (
    LABEL,
    PIDS_LIMIT,
    ProgressFn,
    connect,
    decode_lines,
    deferred_signals,
    ensure_image,
    remove_container,
    sigterm_unwinds,
    socket_path,
    track_container,
)
from sitegen.sandbox.errors import BuildOutOfMemory, BuildTimedOut, docker_error, human_size

SITE_DIR = "/work/site"
DEPS_DIR = "/work/deps"
CA_PATH = "/etc/sitegen/ca.crt"
FALLBACK_UID = 1000  # the `node` user of the official node images
BUILD_TMPFS = "size=512m,mode=1777"
INSTALL_TMPFS = "size=1g,mode=1777"  # npm's download cache lives here during `npm ci`
LENT_DIR = "sandbox/lent"  # under SITEGEN_HOME: the real owner of each project lent to FALLBACK_UID


@dataclass
class StepRun:
    """What one container step did."""

    code: int
    log: str
    oom: bool
    timed_out: bool
    seconds: float


def project_owner(project_dir: Path) -> tuple[int, int]:
    st = project_dir.stat()
    return st.st_uid, st.st_gid


def lent_marker(home: Path, project_dir: Path) -> Path:
    """Where the real owner of a lent project is noted: in SITEGEN_HOME, which no build can write
    (a note in the project could be replaced by a link, or name another owner)."""
    digest = hashlib.sha256(str(Path(project_dir).resolve()).encode()).hexdigest()[:24]
    return Path(home) / LENT_DIR / digest


@contextmanager
def lend_ownership(project_dir: Path, uid: int, gid: int, home: Path) -> Iterator[None]:
    """Chown the project's own files (not node_modules, not .git) to uid:gid, and back afterwards.

    The real owner is noted in SITEGEN_HOME first (lent_marker), so a build killed mid-way
    (SIGKILL, power loss) is put right by the next one (restore_lent)."""
    owner = project_owner(project_dir)
    if owner == (uid, gid):
        yield
        return
    marker = lent_marker(home, project_dir)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(f"{owner[0]}:{owner[1]}\n")
    _chown_tree(project_dir, uid, gid)
    try:
        yield
    finally:
        _chown_tree(project_dir, *owner)
        with suppress(OSError):
            marker.unlink()


def restore_lent(project_dir: Path, home: Path) -> None:
    """Give a project back to its owner if an earlier build died while it was lent."""
    marker = lent_marker(home, project_dir)
    with suppress(OSError, ValueError):
        uid, gid = (int(x) for x in marker.read_text().strip().split(":"))
        _chown_tree(project_dir, uid, gid)
        marker.unlink()


def _chown_tree(root: Path, uid: int, gid: int) -> None:
    os.chown(root, uid, gid)
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            for skip in ("node_modules", ".git"):  # the cache's hard links; history the build never writes
                if skip in dirnames:
                    dirnames.remove(skip)
            with suppress(OSError):
                os.chown(root / "node_modules", uid, gid, follow_symlinks=False)
        for name in dirnames + filenames:
            with suppress(OSError):
                os.chown(os.path.join(dirpath, name), uid, gid, follow_symlinks=False)


def _bind(source: Path | str, target: str, read_only: bool) -> Any:
    from docker.types import Mount  # noqa: PLC0415

    return Mount(target=target, source=str(source), type="bind", read_only=read_only)


class DockerBuilder:
    """Builds in the local Docker daemon with the sandbox limits (see the module docstring)."""

    name = "docker"

    def __init__(self, settings: Settings, job_id: str | None = None):
        self.settings = settings
        self.timeout = float(settings.build_timeout)
        self.job_id = job_id or uuid.uuid4().hex[:12]
        self.on_progress: ProgressFn | None = None  # image pull progress (bytes done, bytes in all)
        self.image = settings.build_image
        self.memory = str(settings.build_memory)
        self._cancelled = threading.Event()
        self._current: Any = None  # the container running now, for cancel()

    def cancel(self) -> None:
        """Stop the running build from any thread (e.g. when the awaiting asyncio task is
        cancelled by Ctrl-C); build() then raises an INTERRUPTED error."""
        self._cancelled.set()
        with suppress(Exception):
            if (container := self._current) is not None:
                container.kill()

    # -- the limits every container gets ---------------------------------------------------
    def limits(self) -> dict[str, Any]:
        return {
            "nano_cpus": int(float(self.settings.build_cpus) * 1e9),
            "mem_limit": self.memory,
            "memswap_limit": self.memory,  # equal to the memory limit: no swap
            "pids_limit": PIDS_LIMIT,
            "cap_drop": ["ALL"],
            "security_opt": ["no-new-privileges"],
            "read_only": True,
        }

    def env(self, installing: bool = False) -> dict[str, str]:
        """The container's whole environment: an explicit allowlist, nothing from the host."""
        env = {
            "HOME": "/tmp",
            "CI": "1",
            "NEXT_TELEMETRY_DISABLED": "1",
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "npm_config_update_notifier": "false",
            "npm_config_fund": "false",
            "npm_config_audit": "false",
            "npm_config_cache": "/tmp/.npm",
        }
        if not installing:
            env[TYPES_CHECKED_ENV] = "1"  # see build.TYPES_CHECKED_ENV
        if installing:
            env["NODE_EXTRA_CA_CERTS"] = CA_PATH
            for var in ("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"):  # install step only
                if value := os.environ.get(var) or os.environ.get(var.lower()):
                    env[var] = value
        return env

    def build_user(self, project_dir: Path) -> tuple[int, int]:
        uid, gid = project_owner(project_dir)
        return (FALLBACK_UID, FALLBACK_UID) if uid == 0 else (uid, gid)

    # -- steps -------------------------------------------------------------------------------
    def with_backstop(self, command: list[str]) -> list[str]:
        """``command`` under coreutils' timeout when the image has it: the container stops itself
        even if sitegen dies."""
        backstop = int(self.timeout) + 30
        script = f'command -v timeout >/dev/null && exec timeout -s KILL {backstop} "$@"; exec "$@"'
        return ["sh", "-c", script, "sh", *command]

    def labels(self, step: str, project_dir: Path) -> dict[str, str]:
        """What `doctor --clean` and crash cleanup find a container by."""
        return {
            LABEL: "1",
            f"{LABEL}.job": self.job_id,
            f"{LABEL}.step": step,
            f"{LABEL}.pid": str(os.getpid()),
            f"{LABEL}.host": socket.gethostname(),
            f"{LABEL}.project": str(project_dir),
        }

    def run_step(
        self,
        client: Any,
        step: str,
        command: list[str],
        mounts: list[Any],
        *,
        network: bool,
        workdir: str,
        user: str,
        tmpfs: str,
        on_log: LogFn,
        project_dir: Path,
        extra_env: dict[str, str] | None = None,
    ) -> StepRun:
        """Run one container to completion, streaming its output; always remove it."""
        started = time.monotonic()
        sink: list[str] = []
        timed_out = threading.Event()
        container = None
        wrapped = self.with_backstop(command)

        def kill() -> None:
            timed_out.set()
            with suppress(Exception):
                container.kill()  # type: ignore[union-attr]

        timer = threading.Timer(self.timeout, kill)
        timer.daemon = True
        try:
            with deferred_signals():
                container = client.containers.create(
                    self.image,
                    wrapped,
                    name=f"sitegen-{self.job_id}-{step}-{uuid.uuid4().hex[:6]}",
                    user=user,
                    working_dir=workdir,
                    environment={**self.env(installing=step == "install"), **(extra_env or {})},
                    mounts=mounts,
                    tmpfs={"/tmp": tmpfs},
                    network_mode="bridge" if network else "none",
                    labels=self.labels(step, project_dir),
                    **self.limits(),
                )
                track_container(container.id)
                self._current = container
            if self._cancelled.is_set():
                raise SitegenError(f"{step} cancelled", ErrorKind.INTERRUPTED)
            container.start()
            timer.start()
            decode_lines(container.logs(stream=True, follow=True), on_log, sink)
            code = int(container.wait().get("StatusCode", -1))
            container.reload()
            oom = bool(container.attrs.get("State", {}).get("OOMKilled"))
        except SitegenError:
            raise
        except Exception as exc:  # noqa: BLE001 — the SDK's errors become sandbox errors
            raise docker_error(exc, socket_path()) from exc
        finally:
            timer.cancel()
            self._current = None
            if container is not None:
                with deferred_signals():
                    remove_container(container)
        log = "".join(sink)
        if self._cancelled.is_set():
            raise SitegenError(f"{step} cancelled", ErrorKind.INTERRUPTED)
        if not timed_out.is_set() and not oom:
            # A child process killed by the kernel (exit 137 without our kill) or V8's own heap
            # limit are out-of-memory too.
            oom = code == 137 or "JavaScript heap out of memory" in log
        return StepRun(code, log, oom, timed_out.is_set(), time.monotonic() - started)

    def ensure_deps(self, client: Any, image_id: str, project_dir: Path, on_log: LogFn) -> tuple[Path, bool]:
        """The cache entry for this lockfile and image, installing it in a container if missing."""
        key = deps.lockfile_key(project_dir, "docker-" + image_id)
        entry = deps.entry_dir(self.settings.cache_dir, key, "docker")
        if deps.is_complete(entry):
            return entry, False
        with deps.entry_lock(entry):
            if deps.is_complete(entry):
                return entry, False
            on_log(f"Installing dependencies into the cache ({key}) in a container…\n")
            staging = deps.prepare_staging(project_dir, entry)
            uid, gid = self.build_user(project_dir)
            try:
                if project_owner(staging) != (uid, gid):
                    _chown_tree(staging, uid, gid)
                mounts = [_bind(staging, DEPS_DIR, read_only=False)]
                if bundle := ca_bundle():
                    mounts.append(_bind(Path(bundle).resolve(), CA_PATH, read_only=True))
                command = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
                on_log("$ npm ci --ignore-scripts\n")
                run = self.run_step(
                    client,
                    "install",
                    command,
                    mounts,
                    network=True,
                    workdir=DEPS_DIR,
                    user=f"{uid}:{gid}",
                    tmpfs=INSTALL_TMPFS,
                    on_log=on_log,
                    project_dir=project_dir,
                )
                if run.timed_out:
                    raise BuildTimedOut(self.timeout, "npm ci")
                if run.oom:
                    raise BuildOutOfMemory(human_size(self.memory), "npm ci")
                if run.code != 0:
                    raise SitegenError(
                        f"npm ci failed in the container (exit code {run.code}): {last_error_line(run.log)}",
                        ErrorKind.BUILD,
                        "Check the network to the npm registry (and the proxy CA bundle), then `sitegen resume JOB`.",
                    )
                deps.publish(staging, entry)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return entry, True

    def build(self, project_dir: Path, on_log: LogFn) -> BuildResult:
        """Install (when needed) and run the build steps in the sandbox; a failed build is ok=False."""
        project_dir = project_dir.resolve()
        started = time.monotonic()
        restore_lent(project_dir, self.settings.home)
        with sigterm_unwinds():
            client = connect()
            try:
                image_id = ensure_image(client, self.image, on_log, self.on_progress)
                install_started = time.monotonic()
                entry, installed = self.ensure_deps(client, image_id, project_dir, on_log)
                install_seconds = time.monotonic() - install_started
                key = deps.lockfile_key(project_dir, "docker-" + image_id)
                plan = plan_build(project_dir, self.settings.cache_dir, key, "docker")
                run, last = self._run_steps(client, project_dir, entry, plan, on_log)
            finally:
                with suppress(Exception):
                    client.close()
        if run.timed_out:
            raise BuildTimedOut(self.timeout)
        if run.oom:
            raise BuildOutOfMemory(human_size(self.memory))
        error = finish_build(plan, project_dir, run.code, run.log, last)
        return BuildResult(
            ok=not error,
            log=run.log,
            seconds=time.monotonic() - started,
            error=error,
            builder=self.name,
            install_seconds=install_seconds if installed else 0.0,
            installed=installed,
            timings=plan.timings,
        )

    def git_mask(self, project_dir: Path) -> list[Any]:
        """An empty read-only folder over /work/site/.git: the build can neither read the history nor
        write its config (host git later runs there). The mount point is made here, by us, so Docker
        never creates it (root-owned) and the build cannot create a .git of its own."""
        git = project_dir / ".git"
        if git.is_symlink() or (git.exists() and not git.is_dir()):
            return []  # not sitegen's; history.check_repo refuses to run git on it
        git.mkdir(exist_ok=True)
        empty = self.settings.home / "sandbox" / "empty"
        empty.mkdir(parents=True, exist_ok=True)
        return [_bind(empty, f"{SITE_DIR}/.git", read_only=True)]

    def _run_steps(
        self, client: Any, project_dir: Path, entry: Path, plan: BuildPlan, on_log: LogFn
    ) -> tuple[StepRun, BuildStep]:
        """All the build steps in one container (one start, not one per step); returns the run and
        the last step that began. Each step's time is taken from when its marker line arrives."""
        modules = project_dir / "node_modules"
        if modules.is_symlink() or modules.is_file():
            modules.unlink()
        created = not modules.exists()
        modules.mkdir(exist_ok=True)  # the mount point for the read-only cache
        uid, gid = self.build_user(project_dir)
        mounts = [
            _bind(project_dir, SITE_DIR, read_only=False),
            _bind(entry / "node_modules", f"{SITE_DIR}/node_modules", read_only=True),
            *self.git_mask(project_dir),
        ]
        on_log(f"in the Docker sandbox (no network): {', '.join(s.shown for s in plan.steps)}\n")
        clock = StepClock(plan.steps, on_log)
        try:
            with lend_ownership(project_dir, uid, gid, self.settings.home):
                run = self.run_step(
                    client,
                    "build",
                    ["sh", "-c", steps_script(plan.steps, SITE_DIR)],
                    mounts,
                    network=False,
                    workdir=SITE_DIR,
                    user=f"{uid}:{gid}",
                    tmpfs=BUILD_TMPFS,
                    on_log=clock.feed,
                    project_dir=project_dir,
                    extra_env=plan.env,
                )
        finally:
            if created:
                with suppress(OSError):
                    modules.rmdir()
        plan.timings.update(clock.durations())
        return run, clock.last
