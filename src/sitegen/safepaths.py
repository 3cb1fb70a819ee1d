"""Path checks for every file a model (or anything else) proposes, and a writer that stays inside.

``check_relative_path`` accepts only plain relative paths under the allowed folders with allowed
extensions; ``safe_write`` writes a whole file set inside a project folder, refusing the set if
any path is hostile, and never follows a symlink out of the project.

Everything in a project folder may have been written by the code a build ran, so every host-side
write into one goes through ``write_file`` / ``copy_tree`` (``hostio.py``): folders are opened one
component at a time with ``O_NOFOLLOW``, and a symlink or special file anywhere on the way is refused.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from sitegen.errors import ErrorKind, SitegenError
from sitegen.hostio import UnsafePath, write_file

ALLOWED_DIRS = ("app", "components", "lib", "public")
ALLOWED_EXTS = (".tsx", ".ts", ".css", ".svg", ".json", ".txt", ".ico", ".webmanifest")
MAX_PATH = 200
# one path segment: letters, digits and the few punctuation marks Next routes use ([slug], (group))
SEGMENT_RE = re.compile(r"^[A-Za-z0-9_\-\[\]\(\)@][A-Za-z0-9_.\-\[\]\(\)@]*$")
HINT = "The model proposed a file outside the project; run `sitegen resume JOB` or use another --model."


def _refuse(path: object, why: str) -> SitegenError:
    shown = repr(path)[:120]
    return SitegenError(f"refused file path {shown}: {why}", ErrorKind.MODEL_OUTPUT, HINT)


def path_problem(path: object) -> str | None:
    """Why ``path`` is not an allowed project-relative file path, or None when it is fine."""
    if not isinstance(path, str) or not path.strip():
        return "empty or not text"
    if "\x00" in path or any(ord(c) < 32 for c in path):
        return "control character in the path"
    if "\\" in path:
        return "backslash in the path"
    if re.match(r"^[A-Za-z]:", path) or path.startswith(("/", "~")):
        return "absolute path"
    if len(path) > MAX_PATH:
        return "path too long"
    parts = path.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "'..', '.' or an empty segment"
    if any(not SEGMENT_RE.match(p) for p in parts):
        return "unexpected characters in the path"
    if len(parts) < 2 or parts[0] not in ALLOWED_DIRS:
        return f"not under {', '.join(d + '/' for d in ALLOWED_DIRS)}"
    if not path.endswith(ALLOWED_EXTS):
        return f"extension not one of {' '.join(ALLOWED_EXTS)}"
    return None


def check_relative_path(path: object) -> str:
    """Return ``path`` (a normalised POSIX string) or raise SitegenError(MODEL_OUTPUT)."""
    if isinstance(path, str) and path.startswith("./"):
        path = path[2:]
    problem = path_problem(path)
    if problem:
        raise _refuse(path, problem)
    assert isinstance(path, str)
    return str(PurePosixPath(path))


def _inside(root: Path, target: Path) -> bool:
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


def resolve_inside(project_dir: Path, rel: str) -> Path:
    """The absolute path of ``rel`` in the project, verified not to escape through symlinks."""
    rel = check_relative_path(rel)
    root = Path(project_dir).resolve()
    target = root / rel
    if target.is_symlink():
        raise _refuse(rel, "the file is a symlink")
    if not _inside(root, target.parent.resolve()):
        raise _refuse(rel, "a folder on the way is a symlink out of the project")
    return target


def safe_write(project_dir: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` (relative path -> text) inside ``project_dir``; return the paths written.

    Every path is checked before anything is written, so a hostile set writes nothing. Writes go
    to a temporary file that replaces the target, which never follows a symlink and never
    changes a hard-linked original.
    """
    root = Path(project_dir).resolve()
    checked = {check_relative_path(p): text for p, text in files.items()}
    for rel, text in checked.items():
        resolve_inside(root, rel)
        if not isinstance(text, str):
            raise _refuse(rel, "content is not text")
    written: list[str] = []
    for rel, text in checked.items():
        try:
            write_file(root, rel, text.encode("utf-8"))
        except UnsafePath as exc:
            raise _refuse(rel, str(exc)) from exc
        written.append(rel)
    return written
