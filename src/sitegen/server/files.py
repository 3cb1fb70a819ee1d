"""Files the API serves out of project folders: screenshots and a zip of the source.

A project folder was written by generated code, so nothing here follows a link: screenshots are
read with ``O_NOFOLLOW`` from a folder reached without links, and the zip walks the tree with
``scandir`` leaving out every link and special file (and node_modules, .next, out, .git and
sitegen's kept builds).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from sitegen.errors import not_found
from sitegen.hostio import UnsafePath, read_file

SCREENSHOT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.png$")
MAX_SCREENSHOT_BYTES = 30_000_000
SKIP_DIRS = {"node_modules", ".next", "out", ".git", ".turbo", ".vercel", ".netlify", ".wrangler"}
SKIP_PATHS = {".sitegen/builds", ".sitegen/static-deploy"}
MAX_FILE_BYTES = 20_000_000


def screenshot(folder: Path, name: str) -> bytes:
    """The bytes of one screenshot, or NOT_FOUND (bad name, missing, a link, too big)."""
    if not SCREENSHOT_NAME.match(name):
        raise not_found(f"no screenshot {name!r}")
    try:
        data = read_file(folder, f".sitegen/screenshots/{name}", MAX_SCREENSHOT_BYTES + 1)
    except (OSError, UnsafePath):
        raise not_found(f"no screenshot {name!r}") from None
    if len(data) > MAX_SCREENSHOT_BYTES:
        raise not_found(f"no screenshot {name!r}")
    return data


def source_files(root: Path) -> Iterator[PurePosixPath]:
    """Relative paths of the plain files to put in the zip, in a stable order; links never followed."""
    stack = [PurePosixPath()]
    while stack:
        rel = stack.pop()
        try:
            entries = sorted(os.scandir(root / rel), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            child = rel / entry.name
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIP_DIRS and str(child) not in SKIP_PATHS:
                    stack.append(child)
            elif entry.is_file(follow_symlinks=False) and entry.name != ".sitegen-write-test":
                yield child


def zip_source(root: Path, top: str) -> IO[bytes]:
    """A zip of the project's source under the folder ``top``/, rewound, in a temporary file."""
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=8_000_000)  # noqa: SIM115 — returned open
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for rel in source_files(root):
            try:
                data = read_file(root, rel, MAX_FILE_BYTES + 1)
                mode = os.stat(root / rel, follow_symlinks=False).st_mode
            except (OSError, UnsafePath):
                continue  # replaced by a link (or removed) while we walked: left out
            if len(data) > MAX_FILE_BYTES:
                continue
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IMODE(mode) & 0o755 | stat.S_IFREG) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    spool.seek(0)
    return spool


def chunks(fh: IO[bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    try:
        while block := fh.read(size):
            yield block
    finally:
        fh.close()
