"""One lock per project folder, so two sitegen processes never write the same folder at once.

The lock is an ``flock`` on a file under SITEGEN_HOME/locks (never in the project folder, which a
build may have filled with links). It is held until the process exits (or ``release``); taking
it again in the same process is a no-op. A second process gets a USAGE error (exit 2) at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from pathlib import Path

from sitegen.errors import ErrorKind, SitegenError

_HELD: dict[str, int] = {}


def lock_path(home: Path, folder: Path) -> Path:
    key = hashlib.sha256(str(Path(folder).expanduser().resolve()).encode()).hexdigest()[:24]
    return Path(home) / "locks" / f"{key}.lock"


def lock_project(home: Path, folder: Path) -> None:
    """Take the lock of ``folder`` for this process, or raise SitegenError(USAGE) when another holds it."""
    path = lock_path(home, folder)
    if str(path) in _HELD:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        raise SitegenError(
            f"another sitegen process{f' (pid {holder})' if holder.isdigit() else ''} is working on {folder}",
            ErrorKind.USAGE,
            "Wait for it to finish (`sitegen status`), or use another --out folder.",
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    _HELD[str(path)] = fd


def release(home: Path, folder: Path) -> None:
    """Give the lock of ``folder`` back (tests; the process exit does it otherwise)."""
    fd = _HELD.pop(str(lock_path(home, folder)), None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)
