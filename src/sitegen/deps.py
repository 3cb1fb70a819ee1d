"""The dependency cache: one ``npm ci`` per lockfile hash, shared by every later build.

A cache entry is ``<cache>/deps/<key>/node_modules`` plus a ``.complete`` marker. Entries are
installed into a temporary folder and renamed into place, under a file lock, so two sitegen
processes never install the same lockfile twice or see a half-made entry.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import platform
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".complete"
PROJECT_MARKER = ".sitegen-deps"


def lockfile_key(project_dir: Path, flavour: str = "") -> str:
    """A key for the dependency set: hash of package.json + package-lock.json + platform."""
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        path = project_dir / name
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(f"{platform.system()}-{platform.machine()}-{flavour}".encode())
    return digest.hexdigest()[:20]


def entry_dir(cache_dir: Path, key: str, kind: str = "local") -> Path:
    return cache_dir / f"deps-{kind}" / key


def is_complete(entry: Path) -> bool:
    return (entry / MARKER).exists() and (entry / "node_modules").is_dir()


@contextmanager
def entry_lock(entry: Path) -> Iterator[None]:
    """An exclusive lock for installing one cache entry (held across processes)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    with open(entry.parent / f"{entry.name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def prepare_staging(project_dir: Path, entry: Path) -> Path:
    """A fresh staging folder next to the entry holding just package.json and the lockfile."""
    staging = entry.parent / f"{entry.name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(project_dir / name, staging / name)
    return staging


def publish(staging: Path, entry: Path) -> None:
    """Mark the staged install complete and move it into place atomically."""
    (staging / MARKER).write_text("ok\n")
    if entry.exists():
        shutil.rmtree(entry)
    staging.rename(entry)


def link_into_project(entry: Path, project_dir: Path, key: str) -> bool:
    """Put the cached node_modules into the project as hard links (Turbopack rejects symlinks).

    Returns True when it had to (re)link, False when the project already had this entry.
    """
    target = project_dir / "node_modules"
    marker = target / PROJECT_MARKER
    if marker.exists() and marker.read_text().strip() == key:
        return False
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    source = entry / "node_modules"
    done = subprocess.run(["cp", "-al", str(source), str(target)], capture_output=True)
    if done.returncode != 0:  # another filesystem: hard links impossible, copy instead
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, symlinks=True)
    marker.write_text(key + "\n")
    return True
