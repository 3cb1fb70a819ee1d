"""The Docker sandbox's failures, each a distinct SitegenError with its own hint.

``docker_error`` turns what the docker SDK raises (daemon down, socket permission) into one of
these; the build itself raises ``BuildOutOfMemory`` and ``BuildTimedOut``.
"""

from __future__ import annotations

import re

from sitegen.errors import ErrorKind, SitegenError


class SandboxError(SitegenError):
    """Base of the Docker sandbox's errors; ``reason`` is a short stable code for tests and records."""

    reason = "sandbox"

    def __init__(self, message: str, hint: str, kind: ErrorKind = ErrorKind.SANDBOX):
        super().__init__(message, kind, hint)


class DaemonNotRunning(SandboxError):
    reason = "daemon_not_running"

    def __init__(self, detail: str = ""):
        super().__init__(
            "the Docker daemon is not running" + (f" ({detail})" if detail else ""),
            "Start it (`sudo systemctl start docker`, or `dockerd &` as root), check DOCKER_HOST, "
            "or build with --sandbox local.",
        )


class SocketPermissionDenied(SandboxError):
    reason = "socket_permission"

    def __init__(self, socket: str = "/var/run/docker.sock"):
        super().__init__(
            f"permission denied on the Docker socket {socket}",
            "Add your user to the `docker` group (`sudo usermod -aG docker $USER`, then log in again), "
            "or build with --sandbox local.",
        )


class ImageMissing(SandboxError):
    reason = "image_missing"

    def __init__(self, image: str, detail: str = ""):
        super().__init__(
            f"build image {image} is not present and could not be pulled" + (f": {detail}" if detail else ""),
            f"Pull it yourself (`docker pull {image}`), or set SITEGEN_BUILD_IMAGE to an image that "
            "`docker images` lists and that has node and npm.",
        )


class BuildOutOfMemory(SandboxError):
    reason = "oom"

    def __init__(self, limit: str, step: str = "next build"):
        self.limit = limit
        super().__init__(
            f"{step} ran out of memory (limit {limit}) and was killed",
            "The site needs less memory at build time, or raise the limit with SITEGEN_BUILD_MEMORY "
            "(e.g. 4g); then `sitegen resume JOB`.",
            ErrorKind.BUILD,
        )


class BuildTimedOut(SandboxError):
    reason = "timeout"

    def __init__(self, seconds: float, step: str = "next build"):
        self.seconds = seconds
        super().__init__(
            f"{step} timed out after {seconds:.0f} s and was stopped",
            "Raise SITEGEN_BUILD_TIMEOUT if the machine is slow, or look for a page that never "
            "finishes rendering; then `sitegen resume JOB`.",
            ErrorKind.BUILD,
        )


def size_in_bytes(limit: str) -> int | None:
    """'2g' -> 2147483648, '256m' -> 268435456 (Docker's binary units); None when it is not a size."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([bkmg]?)b?\s*", limit.lower())
    if not match:
        return None
    return int(float(match.group(1)) * {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[match.group(2)])


def human_size(limit: str) -> str:
    """'2g' -> '2 GB', '256m' -> '256 MB', '1536m' -> '1.5 GB' (Docker's binary units)."""
    value = size_in_bytes(limit)
    if value is None:
        return limit
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if value >= size:
            number = value / size
            return f"{number:.0f} {unit}" if number == int(number) else f"{number:.1f} {unit}"
    return f"{value:.0f} B"


def docker_error(exc: BaseException, socket: str = "/var/run/docker.sock") -> SandboxError:
    """Classify an exception from the docker SDK into a clear sandbox error."""
    text = f"{exc!r} {exc.__cause__!r} {exc.__context__!r}"
    if isinstance(exc, PermissionError) or "PermissionError" in text or "Permission denied" in text:
        return SocketPermissionDenied(socket)
    if any(s in text for s in ("FileNotFoundError", "ConnectionRefusedError", "Connection refused")):
        return DaemonNotRunning("no daemon answers on " + socket)
    if "Read timed out" in text or "ReadTimeout" in text:
        return DaemonNotRunning("the daemon did not answer in time")
    return SandboxError(
        f"Docker failed: {str(exc).strip()[:300] or type(exc).__name__}",
        "Run `sitegen doctor` to check Docker, or build with --sandbox local.",
    )
