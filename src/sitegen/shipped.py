"""Which source files sitegen itself wrote, so a build of sitegen's own code skips the type check.

Sitegen's own code (the offline component library, the pages and layout the offline renderer
composes, the template) is type-checked once, in sitegen's CI (tests/test_typecheck_shipped.py),
not on every user build. When every TypeScript/JavaScript file of a project is byte for byte a
file sitegen wrote, the build skips ``tsc``; any other file (a model's page, a fixer's change, a
model edit, a file a build dropped) makes the build type-check the whole project.

The record is content-addressed and lives in the cache folder, never in the project (which the
code a build runs can write): one empty file ``shipped/<sha256>`` per file sitegen wrote.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

SOURCE_EXTS = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
# skipped at the project root (.sitegen holds sitegen's records: plan, past builds)
SKIP_DIRS = frozenset({"node_modules", ".next", "out", ".git", ".sitegen"})
NEXT_WRITES = frozenset({"next-env.d.ts"})  # written by `next build` itself, at the project root
MAX_FILES = 2000  # a project with more source files than this is simply type-checked
MAX_ENTRIES = 20000  # files and folders looked at, of any kind
MAX_BYTES = 4 << 20  # one source file larger than this is not one sitegen wrote
TEMPLATE_SOURCES = ("next.config.ts", "postcss.config.mjs")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_dir(cache_dir: Path) -> Path:
    return Path(cache_dir) / "shipped"


def record(cache_dir: Path, files: Mapping[str, str]) -> int:
    """Remember the source files sitegen wrote (path -> text); returns how many were source files."""
    folder = record_dir(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for path, text in files.items():
        if path.endswith(SOURCE_EXTS):
            (folder / digest(text.encode("utf-8"))).touch()
            count += 1
    return count


@lru_cache(maxsize=1)
def template_digests() -> frozenset[str]:
    """The template's own source files (copied into every project as they are)."""
    root = resources.files("sitegen").joinpath("template")
    return frozenset(digest(root.joinpath(name).read_bytes()) for name in TEMPLATE_SOURCES)


def source_files(project_dir: Path) -> list[Path] | None:
    """Every source file a type check would see, or None when the tree holds a link, a special
    file or too many files (then the answer is simply "type-check it"). Links are never followed."""
    found: list[Path] = []
    stack = [Path(project_dir)]
    seen = 0
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name in SKIP_DIRS and folder == project_dir:
                    continue
                seen += 1
                if seen > MAX_ENTRIES:
                    return None
                if entry.is_symlink():
                    return None
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.name.endswith(SOURCE_EXTS):
                    if not entry.is_file(follow_symlinks=False):
                        return None
                    found.append(Path(entry.path))
                    if len(found) > MAX_FILES:
                        return None
    return found


def _read_plain(path: Path) -> bytes | None:
    """A plain file's bytes, opened without following a link (None for anything else)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        return fh.read(MAX_BYTES + 1)


def source_digests(project_dir: Path) -> dict[str, str] | None:
    """Each source file's path (relative, POSIX) -> sha256 of its bytes, leaving out what next build
    writes itself; None when the tree holds a link, a special file, or too many or too large files."""
    project_dir = Path(project_dir)
    try:
        files = source_files(project_dir)
    except OSError:
        return None
    if files is None:
        return None
    out: dict[str, str] = {}
    for path in files:
        if path.parent == project_dir and path.name in NEXT_WRITES:
            continue
        data = _read_plain(path)
        if data is None:
            return None
        out[path.relative_to(project_dir).as_posix()] = digest(data)
    return out


def all_shipped(project_dir: Path, cache_dir: Path) -> bool:
    """True when every source file of the project is one sitegen wrote (so no type check is needed)."""
    return all_recorded(source_digests(project_dir), cache_dir)


def all_recorded(digests: Mapping[str, str] | None, cache_dir: Path) -> bool:
    """``all_shipped`` for source digests already read (``source_digests``)."""
    if not digests:
        return False
    folder = record_dir(cache_dir)
    known = template_digests()
    return all(sha in known or (folder / sha).is_file() for sha in digests.values())
