"""Host-side file writes into folders a build may have written: no link is ever followed.

A project folder is writable by the code its builds run, so any path in it may be a symlink
planted to redirect sitegen's own writes (to ``~/.bashrc``, say), or a FIFO that blocks a read.
Every helper here walks from a trusted root one component at a time with ``O_NOFOLLOW``, refuses
symlinks and special files on the way, and writes through a temporary file in the same folder
that replaces the target (so a hard-linked original is never changed either).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class UnsafePath(OSError):
    """A path on the way is a symlink, a special file or not a folder: nothing was written."""


def _parts(rel: str | PurePosixPath) -> list[str]:
    parts = [p for p in PurePosixPath(str(rel)).parts if p not in ("", ".")]
    if any(p in ("..", "/") for p in parts):
        raise UnsafePath(f"{rel}: not a plain relative path")
    return parts


def open_dir(root: Path, rel: str | PurePosixPath = "", create: bool = False) -> int:
    """An fd of ``root/rel`` reached without following any link below ``root``; folders made when
    ``create``. ``root`` itself is trusted (the user named it)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    walked = PurePosixPath()
    try:
        for part in _parts(rel):
            walked = walked / part
            try:
                new = os.open(part, DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o755, dir_fd=fd)
                new = _open_sub(part, fd, walked)
            except OSError as exc:
                raise _unsafe(walked, exc) from exc
            os.close(fd)
            fd = new
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_sub(part: str, fd: int, walked: PurePosixPath) -> int:
    try:
        return os.open(part, DIR_FLAGS, dir_fd=fd)
    except OSError as exc:
        raise _unsafe(walked, exc) from exc


def _unsafe(walked: PurePosixPath, exc: OSError) -> OSError:
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        return UnsafePath(f"{walked} is a symlink or not a folder; refusing to follow it")
    return exc


def kind_at(dir_fd: int, name: str) -> str:
    """'missing', 'file', 'dir', 'link' or 'special' for ``name`` in ``dir_fd`` (links not followed)."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return "missing"
    if stat.S_ISLNK(st.st_mode):
        return "link"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "dir" if stat.S_ISDIR(st.st_mode) else "special"


def write_file(root: Path, rel: str | PurePosixPath, data: bytes, mode: int = 0o644, append: bool = False,
               replace_link: bool = False) -> None:
    """Write ``data`` to ``root/rel`` (folders made as needed); refuse a link or special file
    anywhere on the way or at the target. ``append`` adds to an existing plain file instead;
    ``replace_link`` replaces a link or special file at the target itself (its target is untouched)."""
    parts = _parts(rel)
    if not parts:
        raise UnsafePath("no file name")
    fd = open_dir(Path(root), PurePosixPath(*parts[:-1]), create=True)
    try:
        name = parts[-1]
        kind = kind_at(fd, name)
        allowed = ("missing", "file", "link", "special") if replace_link and not append else ("missing", "file")
        if kind not in allowed:
            raise UnsafePath(f"{rel} is a {kind}, not a plain file; refusing to write through it")
        if append:
            out = os.open(name, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, mode,
                          dir_fd=fd)
            with os.fdopen(out, "wb") as fh:
                fh.write(data)
            return
        tmp = f".sitegen-{secrets.token_hex(6)}.tmp"
        out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, mode, dir_fd=fd)
        try:
            with os.fdopen(out, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, mode, dir_fd=fd)
            os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=fd)
            raise
    finally:
        os.close(fd)


def split_meta(path: Path) -> tuple[Path, PurePosixPath]:
    """(project folder, path inside it) for a path under a project's ``.sitegen`` folder; else
    (its folder, its name). Writes then walk only the untrusted part without links."""
    path = Path(path).absolute()
    parts = path.parts
    if ".sitegen" in parts[:-1]:
        at = parts.index(".sitegen")
        return Path(*parts[:at]), PurePosixPath(*parts[at:])
    return path.parent, PurePosixPath(path.name)


def read_meta(path: Path) -> str:
    """The text of a file sitegen keeps in a project (under ``.sitegen/``), read without following a
    link and never blocking on a FIFO a build left there (UnsafePath instead)."""
    root, rel = split_meta(path)
    return read_file(root, rel).decode("utf-8")


def write_meta(path: Path, data: bytes) -> None:
    """Write a file sitegen keeps in a project (under ``.sitegen/``): no folder on the way may be a
    link; a link or special file at the file itself is replaced, never followed."""
    root, rel = split_meta(path)
    write_file(root, rel, data, replace_link=True)


def read_file(root: Path, rel: str | PurePosixPath, limit: int = -1) -> bytes:
    """The bytes of a plain file under ``root`` reached without links (UnsafePath otherwise)."""
    parts = _parts(rel)
    fd = open_dir(Path(root), PurePosixPath(*parts[:-1]))
    try:
        return _read_at(fd, parts[-1], limit)
    finally:
        os.close(fd)


def _read_at(dir_fd: int, name: str, limit: int) -> bytes:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePath(f"{name} is a symlink; refusing to read through it") from exc
        raise
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafePath(f"{name} is not a plain file")
        return fh.read(limit)


def remove_tree(root: Path, rel: str | PurePosixPath) -> None:
    """Remove ``root/rel`` (file, link or folder) without following links; missing is fine."""
    parts = _parts(rel)
    fd = open_dir(Path(root), PurePosixPath(*parts[:-1]))
    try:
        _remove_at(fd, parts[-1])
    finally:
        os.close(fd)


def _remove_at(dir_fd: int, name: str) -> None:
    kind = kind_at(dir_fd, name)
    if kind == "dir":
        shutil.rmtree(name, dir_fd=dir_fd)
    elif kind != "missing":
        os.unlink(name, dir_fd=dir_fd)


def empty_dir(root: Path, rel: str | PurePosixPath = "", keep: tuple[str, ...] = ()) -> None:
    """Remove everything inside ``root/rel`` except the names in ``keep`` (links are removed, not followed)."""
    fd = open_dir(Path(root), rel)
    try:
        for name in os.listdir(fd):
            if name not in keep:
                _remove_at(fd, name)
    finally:
        os.close(fd)


def walk_plain(src: Path) -> Iterator[tuple[PurePosixPath, bool]]:
    """(relative path, is_dir) of every plain file and folder under ``src``; links and special files
    are left out (see ``copy_tree`` for the ones skipped)."""
    stack = [PurePosixPath()]
    while stack:
        rel = stack.pop()
        with os.scandir(src / rel) as it:
            for entry in sorted(it, key=lambda e: e.name):
                child = rel / entry.name
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    yield child, True
                    stack.append(child)
                elif entry.is_file(follow_symlinks=False):
                    yield child, False


def copy_tree(src: Path, dest_root: Path, dest_rel: str | PurePosixPath = "") -> tuple[int, list[str]]:
    """Copy the plain files and folders of ``src`` into ``dest_root/dest_rel``; return (files
    copied, paths skipped). Symlinks and special files in ``src`` are skipped, never followed; the
    destination is reached without following links, and a link there is refused."""
    src = Path(src)
    if src.is_symlink() or not src.is_dir():
        raise UnsafePath(f"{src} is a symlink or not a folder; refusing to copy it")
    skipped = [str(p.relative_to(src)) for p in _odd_entries(src)]
    base = PurePosixPath(*_parts(dest_rel)) if str(dest_rel) else PurePosixPath()
    open_dir_close(dest_root, base)
    count = 0
    for rel, is_dir in walk_plain(src):
        if is_dir:
            open_dir_close(dest_root, base / rel)
            continue
        try:
            data = read_file(src, rel)
        except UnsafePath:
            skipped.append(str(rel))
            continue
        mode = 0o755 if os.stat(src / rel, follow_symlinks=False).st_mode & 0o111 else 0o644
        write_file(dest_root, base / rel, data, mode=mode)
        count += 1
    return count, skipped


def open_dir_close(root: Path, rel: str | PurePosixPath) -> None:
    """Make sure ``root/rel`` is a real folder (created when missing), reached without links."""
    os.close(open_dir(Path(root), rel, create=True))


def _odd_entries(src: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(src, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            st = path.lstat()
            if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
                out.append(path)
    return out
