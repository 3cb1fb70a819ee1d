"""Turbopack's build cache: kept per project across rebuilds, seeded for a new project from a shared one.

Next 16 keeps Turbopack's persistent cache in ``.next/cache/turbopack/<version>/``; what is in it
is keyed by paths relative to the project, so a cache can move between folders (Next seeds a git
worktree's cache from the main checkout the same way).

- Per project: ``.next/`` is never removed between builds, so the fix loop, ``edit`` and ``undo``
  rebuild on the project's own cache.
- Shared seed: ``<cache>/next-seed-<kind>/<key>/turbopack`` for one dependency set and template
  (``seed_key``), copied into a project that has no cache yet. Always a copy, never a link: a
  build can write anything in its project, and the seed must stay exactly as it was made.
- A seed is made only from a project's first build when every source file is sitegen's own
  (shipped.py): no model-written code has ever run there, so no build of untrusted code can put
  anything in a cache other projects start from.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path, PurePosixPath

from sitegen import deps, hostio

CACHE_REL = PurePosixPath(".next/cache/turbopack")
KEY_FILES = ("next.config.ts", "postcss.config.mjs", "tsconfig.json")  # besides the lockfile
MARKER = ".complete"


def seed_key(project_dir: Path, deps_key: str) -> str:
    """The dependency key plus the config files that change what Turbopack compiles."""
    digest = hashlib.sha256(deps_key.encode())
    for name in KEY_FILES:
        try:
            digest.update(hostio.read_file(project_dir, name, 1 << 20))
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()[:20]


def seed_dir(cache_dir: Path, key: str, kind: str) -> Path:
    return Path(cache_dir) / f"next-seed-{kind}" / key


def plain_dir(project_dir: Path, rel: PurePosixPath = CACHE_REL) -> Path | None:
    """``project_dir/rel`` when it and every folder on the way is a real folder (no link), else None."""
    path = Path(project_dir)
    for part in rel.parts:
        path = path / part
        try:
            if not stat.S_ISDIR(path.lstat().st_mode):
                return None
        except OSError:
            return None
    return path


def has_cache(project_dir: Path) -> bool:
    """Whether the project already has a Turbopack cache of its own (anything in it counts)."""
    cache = plain_dir(project_dir)
    if cache is None:
        return (Path(project_dir) / CACHE_REL).is_symlink()  # something odd is there: leave it alone
    with os.scandir(cache) as entries:
        return any(True for _ in entries)


def seed_project(project_dir: Path, seed: Path) -> bool:
    """Copy the shared seed into a project that has no Turbopack cache yet; True when it did."""
    if not (seed / MARKER).is_file() or has_cache(project_dir):
        return False
    try:
        hostio.copy_tree(seed / "turbopack", Path(project_dir), CACHE_REL)
    except OSError:  # a link planted on the way, a full disk: build without the seed
        return False
    return True


def publish_seed(project_dir: Path, seed: Path) -> bool:
    """Make the shared seed from this project's cache when there is none yet; True when it did.

    Call it only after a successful first build of a project whose files are all sitegen's own."""
    if (seed / MARKER).is_file():
        return False
    source = plain_dir(project_dir)
    if source is None:
        return False
    with deps.entry_lock(seed):
        if (seed / MARKER).is_file():
            return False
        shutil.rmtree(seed, ignore_errors=True)  # a half-made seed from a crash
        staging = seed.parent / f"{seed.name}.tmp-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            _, skipped = hostio.copy_tree(source, staging, "turbopack")
            if skipped:  # a link or a special file in a cache: not a cache to share
                return False
            (staging / MARKER).write_text("ok\n")
            staging.rename(seed)
        except OSError:
            return False
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return True
