"""Turbopack's build cache: kept per project across rebuilds, seeded for a new project from a shared one.

Next 16 keeps Turbopack's persistent cache in ``.next/cache/turbopack/<version>/``; what is in it
is keyed by paths relative to the project, so a cache can move between folders (Next seeds a git
worktree's cache from the main checkout the same way).

- Per project: ``.next/`` is never removed between builds, so the fix loop, ``edit`` and ``undo``
  rebuild on the project's own cache.
- Shared seeds: ``<cache>/next-seed-<kind>/<key>/<shape>/turbopack`` for one dependency set and
  template (``seed_key``), one per site shape (which source files, byte for byte), at most
  ``MAX_SEEDS`` per key. A project that has no cache yet gets a copy of the seed that shares the
  most source files with it (measured: a seed from a site of the same kind, with the same
  components and pages, saves about a second of compile over a seed from another kind of site).
  Always a copy, never a link: a build can write anything in its project, and a seed must stay
  exactly as it was made.
- A seed is made only from a project's first build when every source file is sitegen's own
  (shipped.py): no model-written code has ever run there, so no build of untrusted code can put
  anything in a cache other projects start from.
- Compaction: after a build writes its cache, Turbopack merges the cache's files (compaction),
  about 0.3 s of the one CPU a build has. A build skips it (``NEXT_USE_POST_BUILD=1``, Next's
  switch for compacting later) while the cache holds fewer than ``COMPACT_AT`` files; each build
  adds about 6-8 files and 1-3 MB, so about one build in six compacts. Measured: 12 builds in a
  row without compaction were no slower to compile (94 files, 44 MB), and the one that then
  compacted took as long as any compacting build (back to 14 files).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from contextlib import suppress
from pathlib import Path, PurePosixPath

from sitegen import deps, hostio

CACHE_REL = PurePosixPath(".next/cache/turbopack")
KEY_FILES = ("next.config.ts", "postcss.config.mjs", "tsconfig.json")  # besides the lockfile
MARKER = ".complete"
FILES = "files.json"  # in a seed: the source files (path -> sha256) of the site it was made from
MAX_SEEDS = 6  # per seed key; each is 30-45 MB (up to COMPACT_AT files, plus one build)
SHAPE = re.compile(r"[0-9a-f]{16}")  # a seed's folder name (shape_of); staging and trash never match
COMPACT_AT = 64  # files in a project's Turbopack cache from which its next build compacts it
DEFER_COMPACTION = {"NEXT_USE_POST_BUILD": "1"}  # next build: write the cache, leave compaction


def seed_key(project_dir: Path, deps_key: str) -> str:
    """The dependency key plus the config files that change what Turbopack compiles."""
    digest = hashlib.sha256(deps_key.encode())
    for name in KEY_FILES:
        try:
            digest.update(hostio.read_file(project_dir, name, 1 << 20))
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()[:20]


def seed_root(cache_dir: Path, key: str, kind: str) -> Path:
    """The folder of the seeds for one seed key (one sub-folder per site shape)."""
    return Path(cache_dir) / f"next-seed-{kind}" / key


def shape_of(digests: dict[str, str]) -> str:
    """A name for a site's shape: its source files, byte for byte."""
    return hashlib.sha256(json.dumps(sorted(digests.items())).encode()).hexdigest()[:16]


def seeds(root: Path) -> list[Path]:
    """The finished seeds under ``root``, the most recently used first."""
    used: dict[Path, float] = {}
    try:
        for path in Path(root).iterdir():
            if SHAPE.fullmatch(path.name) and not path.is_symlink():
                with suppress(OSError):  # not finished, or pruned meanwhile
                    used[path] = (path / MARKER).stat().st_mtime
    except OSError:
        return []
    return sorted(used, key=lambda p: used[p], reverse=True)


def seed_files(seed: Path) -> set[tuple[str, str]]:
    """The (path, sha256) source files of the site a seed was made from (empty if unreadable)."""
    try:
        return {(str(k), str(v)) for k, v in json.loads((seed / FILES).read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return set()


def nearest_seed(root: Path, digests: dict[str, str]) -> Path | None:
    """The seed sharing the most source files with a project (ties: the most recently used)."""
    mine = set(digests.items())
    best: tuple[int, Path] | None = None
    for seed in seeds(root):
        common = len(mine & seed_files(seed))
        if best is None or common > best[0]:
            best = (common, seed)
    return best[1] if best else None


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


def cache_files(project_dir: Path) -> int:
    """How many files the project's Turbopack cache holds (in its version folders; no link followed)."""
    cache = plain_dir(project_dir)
    if cache is None:
        return 0
    count = 0
    with suppress(OSError), os.scandir(cache) as versions:
        for version in versions:
            if version.is_dir(follow_symlinks=False):
                with suppress(OSError), os.scandir(version.path) as files:
                    count += sum(1 for _ in files)
    return count


def compaction_env(project_dir: Path) -> dict[str, str]:
    """What next build's environment gets so that it compacts the cache only when it has grown
    (``COMPACT_AT``): ``DEFER_COMPACTION``, or nothing when this build should compact."""
    return {} if cache_files(project_dir) >= COMPACT_AT else dict(DEFER_COMPACTION)


def seed_project(project_dir: Path, root: Path, digests: dict[str, str] | None) -> Path | None:
    """Copy the seed nearest to the project's source files (``shipped.source_digests``) into a
    project that has no Turbopack cache yet; the seed it used."""
    if has_cache(project_dir):
        return None
    seed = nearest_seed(root, digests or {})
    if seed is None:
        return None
    try:
        hostio.copy_tree(seed / "turbopack", Path(project_dir), CACHE_REL)
    except OSError:  # a link planted on the way, a full disk, a seed pruned meanwhile
        with suppress(OSError):
            hostio.remove_tree(project_dir, CACHE_REL)  # never leave half a cache
        return None
    with suppress(OSError):
        os.utime(seed / MARKER)  # recently used: kept longest
    return seed


def publish_seed(project_dir: Path, root: Path, digests: dict[str, str] | None) -> bool:
    """Make a seed of this project's cache unless one of the same shape exists; True when it did.

    Call it only after a successful first build of a project whose files (``digests``, read
    before the build) are all sitegen's own. The least recently used seeds beyond ``MAX_SEEDS`` go."""
    source = plain_dir(project_dir)
    if not digests or source is None:
        return False
    seed = Path(root) / shape_of(digests)
    if (seed / MARKER).is_file():
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
            (staging / FILES).write_text(json.dumps(digests, sort_keys=True))
            (staging / MARKER).write_text("ok\n")
            staging.rename(seed)
        except OSError:
            return False
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    prune(Path(root))
    return True


def prune(root: Path, keep: int = MAX_SEEDS) -> None:
    """Remove all but the ``keep`` most recently used seeds (moved aside first, so a copy that
    is reading one fails whole rather than half), and a seed of the single-seed layout."""
    for old in seeds(root)[keep:]:
        trash = old.with_name(f".trash-{old.name}-{os.getpid()}")
        with suppress(OSError):
            old.rename(trash)
            shutil.rmtree(trash, ignore_errors=True)
    for legacy in ("turbopack", MARKER):  # before seeds had shapes, the seed sat in root itself
        path = Path(root) / legacy
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file():
            path.unlink(missing_ok=True)
