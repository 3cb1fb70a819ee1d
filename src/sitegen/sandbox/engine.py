"""The Docker engine side of the sandbox: connecting, the build image, container bookkeeping.

Also `sitegen doctor`'s Docker report and `--clean` (leftover containers by label). Every
container sitegen makes carries the ``sitegen`` label plus its job, step, owning pid and host.
"""

from __future__ import annotations

import atexit
import codecs
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from sitegen.build import LogFn
from sitegen.config import Settings
from sitegen.procs import pid_alive
from sitegen.sandbox.errors import ImageMissing, SandboxError, docker_error, human_size

LABEL = "sitegen"

PIDS_LIMIT = 512

# Container ids this process has created and not yet removed (for atexit / crash cleanup).
_LIVE: set[str] = set()
_LIVE_LOCK = threading.Lock()


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
        raise docker_error(exc, socket_path()) from exc


def import_sdk_soon() -> None:
    """Import the Docker SDK in a background thread (about 0.2 s) while the job plans, so that
    choosing the builder does not wait for it; harmless when Docker is never used."""

    def load() -> None:
        with suppress(Exception):
            import docker  # noqa: F401, PLC0415

    threading.Thread(target=load, name="sitegen-docker-import", daemon=True).start()


def docker_problem(timeout: float = 3.0) -> SandboxError | None:
    """None when a Docker daemon answers; otherwise the classified error (daemon down, socket
    permission, …) with its own hint."""
    try:
        connect(timeout).close()
    except SandboxError as exc:
        return exc
    return None


def socket_path() -> str:
    host = os.environ.get("DOCKER_HOST", "")
    return host.removeprefix("unix://") if host.startswith("unix://") else host or "/var/run/docker.sock"


ProgressFn = Callable[[int, int], None]  # bytes done, bytes in all


def ensure_image(client: Any, image: str, on_log: LogFn, on_progress: ProgressFn | None = None) -> str:
    """Return the image id, pulling the image first when it is not present (reporting byte
    progress to ``on_progress`` and layer steps to ``on_log``)."""
    import docker.errors  # noqa: PLC0415

    try:
        return client.images.get(image).id
    except docker.errors.ImageNotFound:
        pass
    except docker.errors.APIError as exc:
        raise docker_error(exc, socket_path()) from exc
    on_log(f"Pulling build image {image} (first use)…\n")
    try:
        _pull(client, image, on_log, on_progress)
        return client.images.get(image).id
    except SandboxError:
        raise
    except Exception as exc:  # noqa: BLE001 — any pull failure means "image missing"
        detail = getattr(exc, "explanation", None) or str(exc)
        raise ImageMissing(image, str(detail).strip().splitlines()[0][:200]) from exc


def _pull(client: Any, image: str, on_log: LogFn, on_progress: ProgressFn | None) -> None:
    from docker.utils import parse_repository_tag  # noqa: PLC0415

    repo, tag = parse_repository_tag(image)
    stream = client.api.pull(repo, tag=tag or "latest", stream=True, decode=True)
    layers: dict[str, tuple[int, int]] = {}
    for event in stream:
        if "error" in event:
            raise ImageMissing(image, str(event["error"])[:200])
        layer, status = event.get("id", ""), event.get("status", "")
        detail = event.get("progressDetail") or {}
        if detail.get("total"):
            layers[layer] = (int(detail.get("current", 0)), int(detail["total"]))
        elif status in {"Download complete", "Pull complete"} and layer in layers:
            layers[layer] = (layers[layer][1], layers[layer][1])
        if on_progress is not None and layers:
            on_progress(sum(c for c, _ in layers.values()), sum(t for _, t in layers.values()))
        if status and not status.startswith(("Downloading", "Extracting", "Waiting")):
            on_log(f"  {layer + ': ' if layer else ''}{status}\n")


@contextmanager
def deferred_signals() -> Iterator[None]:
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
def sigterm_unwinds() -> Iterator[None]:
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


def track_container(container_id: str) -> None:
    """Remember a container this process made, so Ctrl-C and exit can remove it."""
    with _LIVE_LOCK:
        _LIVE.add(container_id)


def remove_container(container: Any) -> None:
    """Force-remove a container and forget it."""
    with suppress(Exception):
        container.remove(force=True)
    with _LIVE_LOCK:
        _LIVE.discard(container.id)


def cancel_all() -> int:
    """Kill every container this process is running (safe from any thread); returns how many."""
    with _LIVE_LOCK:
        ids = list(_LIVE)
    killed = 0
    if ids:
        with suppress(Exception):
            client = connect(timeout=10)
            for cid in ids:
                with suppress(Exception):
                    client.api.kill(cid)
                    killed += 1
    return killed


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


def decode_lines(chunks: Any, on_log: LogFn, sink: list[str]) -> None:
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


# -- doctor ----------------------------------------------------------------------------------
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
        if labels.get(f"{LABEL}.host") == here and pid.isdigit() and pid_alive(int(pid)):
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
            DoctorCheck("docker daemon", True, f"Docker {version.get('Version', '?')} answers on {socket_path()}")
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
