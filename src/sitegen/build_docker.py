"""DockerBuilder: build the site in a locked-down container, with a shared dependency cache.

Two steps, each a fresh labelled container that is always removed:

1. install (only when the cache has no entry for this lockfile + image): ``npm ci
   --ignore-scripts`` in a staging folder, the only step with network; the host's CA bundle
   is mounted read-only and named by NODE_EXTRA_CA_CERTS.
2. build: ``next build`` with no network, the project mounted read-write at /work/site and the
   cached node_modules mounted read-only over /work/site/node_modules (inside the project root,
   which Turbopack requires).

Both run with the configured CPU and memory limits (no swap), a pids limit, a non-root user, all
capabilities dropped, no-new-privileges, a read-only root with a small tmpfs /tmp, and an
environment built from an explicit allowlist, never from the host's.

User: the uid:gid owning the project folder. A root-owned project is *lent* to uid 1000 for the
build (its files, not node_modules, are chowned to 1000 and given back afterwards, success or
not), so nothing in the container ever runs as root.
"""

from __future__ import annotations

import atexit
import codecs
import os
import shutil
import signal
import socket
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen import deps
from sitegen.build import BuildResult, LogFn, _last_line, ca_bundle
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox_errors import (
    BuildOutOfMemory,
    BuildTimedOut,
    ImageMissing,
    SandboxError,
    docker_error,
    human_size,
)

SITE_DIR = "/work/site"
DEPS_DIR = "/work/deps"
CA_PATH = "/etc/sitegen/ca.crt"
LABEL = "sitegen"
FALLBACK_UID = 1000  # the `node` user of the official node images
PIDS_LIMIT = 512
BUILD_TMPFS = "size=512m,mode=1777"
INSTALL_TMPFS = "size=1g,mode=1777"  # npm's download cache lives here during `npm ci`

# Container ids this process has created and not yet removed (for atexit / crash cleanup).
_LIVE: set[str] = set()
_LIVE_LOCK = threading.Lock()


@dataclass
class StepRun:
    """What one container step did."""

    code: int
    log: str
    oom: bool
    timed_out: bool
    seconds: float


@dataclass
class DoctorCheck:
    """One line of `sitegen doctor`: what was checked, whether it is fine, and how to fix it."""

    name: str
    ok: bool
    detail: str
    hint: str = ""


def connect(timeout: float = 60.0) -> Any:
    """A docker client that answers, or a clear SandboxError (daemon down, socket permission)."""
    try:
        import docker  # noqa: PLC0415 — heavy import, only when Docker is used

        client = docker.from_env(timeout=timeout)
        client.ping()
        return client
    except Exception as exc:  # noqa: BLE001 — classified below
        raise docker_error(exc, _socket_path()) from exc


def _socket_path() -> str:
    host = os.environ.get("DOCKER_HOST", "")
    return host.removeprefix("unix://") if host.startswith("unix://") else host or "/var/run/docker.sock"


def ensure_image(client: Any, image: str, on_log: LogFn, interactive: bool | None = None) -> str:
    """Return the image id, pulling the image first (with progress) when it is not present."""
    import docker.errors  # noqa: PLC0415

    try:
        return client.images.get(image).id
    except docker.errors.ImageNotFound:
        pass
    except docker.errors.APIError as exc:
        raise docker_error(exc, _socket_path()) from exc
    on_log(f"Pulling build image {image} (first use)…\n")
    if interactive is None:
        interactive = sys.stderr.isatty()
    try:
        _pull(client, image, on_log, interactive)
        return client.images.get(image).id
    except SandboxError:
        raise
    except Exception as exc:  # noqa: BLE001 — any pull failure means "image missing"
        detail = getattr(exc, "explanation", None) or str(exc)
        raise ImageMissing(image, str(detail).strip().splitlines()[0][:200]) from exc


def _pull(client: Any, image: str, on_log: LogFn, interactive: bool) -> None:
    from docker.utils import parse_repository_tag  # noqa: PLC0415

    repo, tag = parse_repository_tag(image)
    stream = client.api.pull(repo, tag=tag or "latest", stream=True, decode=True)
    layers: dict[str, tuple[int, int]] = {}
    progress = task = None
    if interactive:
        from rich.console import Console  # noqa: PLC0415
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn  # noqa: PLC0415

        progress = Progress(
            TextColumn(f"pulling {image}"),
            BarColumn(),
            DownloadColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        progress.start()
        task = progress.add_task("pull", total=None)
    try:
        for event in stream:
            if "error" in event:
                raise ImageMissing(image, str(event["error"])[:200])
            layer, status = event.get("id", ""), event.get("status", "")
            detail = event.get("progressDetail") or {}
            if detail.get("total"):
                layers[layer] = (int(detail.get("current", 0)), int(detail["total"]))
            elif status in {"Download complete", "Pull complete"} and layer in layers:
                layers[layer] = (layers[layer][1], layers[layer][1])
            if progress is not None and task is not None and layers:
                done = sum(c for c, _ in layers.values())
                progress.update(task, completed=done, total=sum(t for _, t in layers.values()))
            if status and not status.startswith(("Downloading", "Extracting", "Waiting")):
                on_log(f"  {layer + ': ' if layer else ''}{status}\n")
    finally:
        if progress is not None:
            progress.stop()


@contextmanager
def _deferred_signals() -> Iterator[None]:
    """Hold Ctrl-C / SIGTERM while a container is being created or removed, then re-deliver."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.getsignal(s) for s in wanted}
    for s in wanted:
        if previous[s] is not None:
            signal.signal(s, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        for s, handler in previous.items():
            if handler is not None:
                signal.signal(s, handler)
        if caught:
            if caught[0] == signal.SIGINT:
                raise KeyboardInterrupt
            raise SystemExit(128 + caught[0])


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """While a build runs, let SIGTERM unwind (finally blocks run) when nobody else handles it."""
    main = threading.current_thread() is threading.main_thread()
    if not main or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _remove(container: Any) -> None:
    with suppress(Exception):
        container.remove(force=True)
    with _LIVE_LOCK:
        _LIVE.discard(container.id)


@atexit.register
def _remove_live_containers() -> None:
    """Last line of defence: containers this process made and did not get to remove."""
    with _LIVE_LOCK:
        ids = list(_LIVE)
    if not ids:
        return
    with suppress(Exception):
        client = connect(timeout=10)
        for cid in ids:
            with suppress(Exception):
                client.api.remove_container(cid, force=True)


def _decode_lines(chunks: Any, on_log: LogFn, sink: list[str]) -> None:
    """Feed a stream of byte chunks to on_log line by line (partial lines are held back)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        *lines, pending = pending.split("\n")
        for line in lines:
            sink.append(line + "\n")
            on_log(line + "\n")
    pending += decoder.decode(b"", final=True)
    if pending:
        sink.append(pending)
        on_log(pending)


def project_owner(project_dir: Path) -> tuple[int, int]:
    st = project_dir.stat()
    return st.st_uid, st.st_gid


@contextmanager
def lend_ownership(project_dir: Path, uid: int, gid: int) -> Iterator[None]:
    """Chown the project's own files (not node_modules) to uid:gid, and back afterwards."""
    owner = project_owner(project_dir)
    if owner == (uid, gid):
        yield
        return
    _chown_tree(project_dir, uid, gid)
    try:
        yield
    finally:
        _chown_tree(project_dir, *owner)


def _chown_tree(root: Path, uid: int, gid: int) -> None:
    os.chown(root, uid, gid)
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root and "node_modules" in dirnames:
            dirnames.remove("node_modules")
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
        self.interactive: bool | None = None  # None: a Rich pull progress bar when stderr is a tty
        self.image = settings.build_image
        self.memory = str(settings.build_memory)

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
    ) -> StepRun:
        """Run one container to completion, streaming its output; always remove it."""
        started = time.monotonic()
        sink: list[str] = []
        timed_out = threading.Event()
        container = None
        backstop = int(self.timeout) + 30  # the container stops itself even if sitegen dies
        wrapped = [
            "sh",
            "-c",
            f'command -v timeout >/dev/null && exec timeout -s KILL {backstop} "$@"; exec "$@"',
            "sh",
            *command,
        ]

        def kill() -> None:
            timed_out.set()
            with suppress(Exception):
                container.kill()  # type: ignore[union-attr]

        timer = threading.Timer(self.timeout, kill)
        timer.daemon = True
        try:
            with _deferred_signals():
                container = client.containers.create(
                    self.image,
                    wrapped,
                    name=f"sitegen-{self.job_id}-{step}-{uuid.uuid4().hex[:6]}",
                    user=user,
                    working_dir=workdir,
                    environment=self.env(installing=step == "install"),
                    mounts=mounts,
                    tmpfs={"/tmp": tmpfs},
                    network_mode="bridge" if network else "none",
                    labels={
                        LABEL: "1",
                        f"{LABEL}.job": self.job_id,
                        f"{LABEL}.step": step,
                        f"{LABEL}.pid": str(os.getpid()),
                        f"{LABEL}.host": socket.gethostname(),
                        f"{LABEL}.project": str(project_dir),
                    },
                    **self.limits(),
                )
                with _LIVE_LOCK:
                    _LIVE.add(container.id)
            container.start()
            timer.start()
            _decode_lines(container.logs(stream=True, follow=True), on_log, sink)
            code = int(container.wait().get("StatusCode", -1))
            container.reload()
            oom = bool(container.attrs.get("State", {}).get("OOMKilled"))
        except SitegenError:
            raise
        except Exception as exc:  # noqa: BLE001 — the SDK's errors become sandbox errors
            raise docker_error(exc, _socket_path()) from exc
        finally:
            timer.cancel()
            if container is not None:
                with _deferred_signals():
                    _remove(container)
        log = "".join(sink)
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
                        f"npm ci failed in the container (exit code {run.code}): {_last_line(run.log)}",
                        ErrorKind.BUILD,
                        "Check the network to the npm registry (and the proxy CA bundle), then `sitegen resume JOB`.",
                    )
                deps.publish(staging, entry)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return entry, True

    def build(self, project_dir: Path, on_log: LogFn) -> BuildResult:
        """Install (when needed) and run next build in the sandbox; a failed build is ok=False."""
        project_dir = project_dir.resolve()
        started = time.monotonic()
        with _sigterm_unwinds():
            client = connect()
            try:
                image_id = ensure_image(client, self.image, on_log, self.interactive)
                install_started = time.monotonic()
                entry, installed = self.ensure_deps(client, image_id, project_dir, on_log)
                install_seconds = time.monotonic() - install_started
                run = self._next_build(client, project_dir, entry, on_log)
            finally:
                with suppress(Exception):
                    client.close()
        if run.timed_out:
            raise BuildTimedOut(self.timeout)
        if run.oom:
            raise BuildOutOfMemory(human_size(self.memory))
        error = ""
        if run.code != 0:
            error = f"next build failed (exit code {run.code}): {_last_line(run.log)}"
        elif not (project_dir / "out" / "index.html").exists():
            error = "next build finished but out/index.html is missing"
        return BuildResult(
            ok=not error,
            log=run.log,
            seconds=time.monotonic() - started,
            error=error,
            builder=self.name,
            install_seconds=install_seconds if installed else 0.0,
            installed=installed,
        )

    def _next_build(self, client: Any, project_dir: Path, entry: Path, on_log: LogFn) -> StepRun:
        shutil.rmtree(project_dir / "out", ignore_errors=True)
        modules = project_dir / "node_modules"
        if modules.is_symlink() or modules.is_file():
            modules.unlink()
        created = not modules.exists()
        modules.mkdir(exist_ok=True)  # the mount point for the read-only cache
        uid, gid = self.build_user(project_dir)
        mounts = [
            _bind(project_dir, SITE_DIR, read_only=False),
            _bind(entry / "node_modules", f"{SITE_DIR}/node_modules", read_only=True),
        ]
        command = ["node", f"{SITE_DIR}/node_modules/next/dist/bin/next", "build"]
        on_log("$ next build   (in the sandbox: no network)\n")
        try:
            with lend_ownership(project_dir, uid, gid):
                return self.run_step(
                    client,
                    "build",
                    command,
                    mounts,
                    network=False,
                    workdir=SITE_DIR,
                    user=f"{uid}:{gid}",
                    tmpfs=BUILD_TMPFS,
                    on_log=on_log,
                    project_dir=project_dir,
                )
        finally:
            if created:
                with suppress(OSError):
                    modules.rmdir()


# -- doctor ----------------------------------------------------------------------------------
def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftover_containers(client: Any, include_live: bool = True) -> list[Any]:
    """Containers carrying the sitegen label; without include_live, only those whose sitegen
    process (same host) is gone."""
    found = client.containers.list(all=True, filters={"label": LABEL})
    if include_live:
        return found
    here = socket.gethostname()
    out = []
    for c in found:
        labels = c.labels or {}
        pid = labels.get(f"{LABEL}.pid", "")
        if labels.get(f"{LABEL}.host") == here and pid.isdigit() and _pid_alive(int(pid)):
            continue
        out.append(c)
    return out


def clean_containers(include_live: bool = False) -> int:
    """Remove leftover sitegen containers (by label); returns how many were removed.

    By default a container whose sitegen process is still running on this host is kept, so
    `sitegen doctor --clean` never breaks a build running in another terminal.
    """
    client = connect(timeout=20)
    removed = 0
    try:
        for container in leftover_containers(client, include_live=include_live):
            with suppress(Exception):
                container.remove(force=True)
                removed += 1
    finally:
        client.close()
    return removed


def doctor_report(settings: Settings) -> list[DoctorCheck]:
    """Docker's part of `sitegen doctor`: daemon, build image, limits, leftovers."""
    limits = (
        f"{float(settings.build_cpus):g} CPU, {human_size(str(settings.build_memory))} memory (no swap), "
        f"{PIDS_LIMIT} pids, timeout {float(settings.build_timeout):.0f} s, no network during next build"
    )
    try:
        client = connect(timeout=5)
    except SandboxError as exc:
        return [
            DoctorCheck("docker daemon", False, exc.message, exc.hint),
            DoctorCheck("sandbox limits", True, limits),
        ]
    checks: list[DoctorCheck] = []
    try:
        version = client.version()
        checks.append(
            DoctorCheck("docker daemon", True, f"Docker {version.get('Version', '?')} answers on {_socket_path()}")
        )
        try:
            img = client.images.get(settings.build_image)
            size = img.attrs.get("Size", 0) / 1e6
            checks.append(DoctorCheck("build image", True, f"{settings.build_image} ({img.short_id}, {size:.0f} MB)"))
        except Exception:  # noqa: BLE001
            checks.append(
                DoctorCheck(
                    "build image",
                    False,
                    f"{settings.build_image} is not present (pulled on first build)",
                    f"`docker pull {settings.build_image}` now, or set SITEGEN_BUILD_IMAGE to a local image.",
                )
            )
        checks.append(DoctorCheck("sandbox limits", True, limits))
        stale = leftover_containers(client, include_live=False)
        checks.append(
            DoctorCheck(
                "build containers",
                not stale,
                f"{len(stale)} sitegen container(s) from interrupted builds" if stale else "none",
                "Run `sitegen doctor --clean` to remove them." if stale else "",
            )
        )
    finally:
        client.close()
    return checks


def doctor_checks(settings: Settings, clean: bool = False) -> list[Any]:
    """`sitegen doctor [--clean]`'s Docker lines, as sitegen.doctor.Check rows.

    Only the daemon line's name starts with "docker": doctor.can_build counts any ok "docker…"
    line as a way to build.
    """
    from sitegen.doctor import Check  # noqa: PLC0415

    out: list[Any] = []
    if clean:
        try:
            removed = clean_containers()
            out.append(Check("clean", True, f"removed {removed} leftover sitegen container(s)"))
        except SandboxError as exc:
            out.append(Check("clean", False, exc.message, exc.hint))
    for check in doctor_report(settings):
        out.append(Check(check.name, check.ok, check.detail, check.hint))
    return out
