"""Every generation and every edit is a git commit in the project folder; undo never loses a version.

Git runs with the project's own local identity ("sitegen") and never reads or writes the user's
global config for anything sitegen sets. ``undo`` restores the files of the version before the
current one as a NEW commit, so the undone version stays in the history; undoing again walks
further back. Built sites (``out/``) are not in git: ``save_build`` keeps a copy per source tree
under ``.sitegen/builds/`` so ``undo`` can bring the matching build back without rebuilding.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from sitegen.errors import ErrorKind, SitegenError

IDENTITY = ("sitegen", "sitegen@localhost")
RESTORES = "Sitegen-Restores"  # trailer on undo commits: the sha whose files were restored
BUILDS_DIR = ".sitegen/builds"
KEEP_BUILDS = 6
# never committed, whatever the project's .gitignore says (written to .git/info/exclude)
EXCLUDES = [
    "node_modules/",
    ".next/",
    "/out/",
    "*.tsbuildinfo",
    ".sitegen/screenshots/",
    ".sitegen/logs/",
    ".sitegen/builds/",
    ".sitegen/verify.json",
    ".sitegen-write-test",
    ".env",
    ".env.*",
]


@dataclass
class Version:
    """One commit of the project."""

    sha: str
    message: str
    at: float  # commit time, unix seconds
    restores: str = ""  # for an undo: the sha whose files it brought back

    @property
    def short(self) -> str:
        return self.sha[:7]

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "short": self.short}


def git_path() -> str:
    path = shutil.which("git")
    if not path:
        raise SitegenError(
            "git is not installed, so sitegen cannot keep the project's versions",
            ErrorKind.CONFIG,
            "Install git (Debian/Ubuntu: `apt-get install -y git`; macOS: `xcode-select --install`).",
        )
    return path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    name, email = IDENTITY
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_AUTHOR_NAME=name,
        GIT_AUTHOR_EMAIL=email,
        GIT_COMMITTER_NAME=name,
        GIT_COMMITTER_EMAIL=email,
        LC_ALL="C",
    )
    return env


def git(project_dir: Path, *args: str, check: bool = True) -> str:
    """Run one git command in ``project_dir``; a failure is a SitegenError naming the command."""
    cmd = [git_path(), "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args]
    try:
        proc = subprocess.run(
            cmd, cwd=project_dir, env=_env(), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SitegenError(f"git {args[0]} failed: {exc}", ErrorKind.INTERNAL) from exc
    if check and proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise SitegenError(
            f"git {args[0]} failed in {project_dir}: {detail[-1] if detail else proc.returncode}",
            ErrorKind.INTERNAL,
            "Look at the project's git state with `git status` in its folder.",
        )
    return proc.stdout


def is_repo(project_dir: Path) -> bool:
    return (Path(project_dir) / ".git").exists()


def init_repo(project_dir: Path) -> bool:
    """Make ``project_dir`` a git repository with a local sitegen identity; False when it already was."""
    project_dir = Path(project_dir)
    if not project_dir.is_dir():
        raise SitegenError(f"no project folder {project_dir}", ErrorKind.NOT_FOUND)
    created = False
    if not is_repo(project_dir):
        git(project_dir, "init", "-q")
        git(project_dir, "symbolic-ref", "HEAD", "refs/heads/main")
        created = True
    name, email = IDENTITY
    if not git(project_dir, "config", "--local", "--get", "user.name", check=False).strip():
        git(project_dir, "config", "--local", "user.name", name)
        git(project_dir, "config", "--local", "user.email", email)
    exclude = project_dir / ".git" / "info" / "exclude"
    exclude.parent.mkdir(parents=True, exist_ok=True)
    current = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
    missing = [line for line in EXCLUDES if line not in current.splitlines()]
    if missing:
        exclude.write_text(current.rstrip("\n") + ("\n" if current else "") + "\n".join(missing) + "\n")
    return created


def head(project_dir: Path) -> str:
    """The current commit sha, or '' before the first commit."""
    return git(project_dir, "rev-parse", "--verify", "-q", "HEAD", check=False).strip()


def tree_of(project_dir: Path, rev: str = "HEAD") -> str:
    return git(project_dir, "rev-parse", f"{rev}^{{tree}}").strip()


def commit(project_dir: Path, message: str) -> str:
    """Commit every change in the project (a repo is created when missing); return the new sha.

    A version is recorded even when no file changed, so each generation and edit shows up.
    """
    project_dir = Path(project_dir)
    init_repo(project_dir)
    git(project_dir, "rm", "-q", "--cached", "--ignore-unmatch", ".sitegen/verify.json")  # tracked by older runs
    git(project_dir, "add", "-A", ".")
    msg = message.strip() or "sitegen: update"
    git(project_dir, "commit", "-q", "--allow-empty", "--no-verify", "-m", msg)
    return head(project_dir)


def _restores(body: str) -> str:
    match = re.search(rf"^{RESTORES}:\s*([0-9a-f]{{7,40}})\s*$", body, re.MULTILINE)
    return match.group(1) if match else ""


def log(project_dir: Path, limit: int = 200) -> list[Version]:
    """The project's versions, newest first."""
    project_dir = Path(project_dir)
    if not is_repo(project_dir) or not head(project_dir):
        return []
    out = git(project_dir, "log", f"-n{limit}", "--format=%H%x1f%ct%x1f%s%x1f%b%x1e")
    versions: list[Version] = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, at, subject, body = (record.split("\x1f") + ["", "", ""])[:4]
        versions.append(Version(sha=sha, message=subject, at=float(at or 0), restores=_restores(body)))
    return versions


def dirty(project_dir: Path) -> bool:
    """True when tracked or new (not ignored) files differ from the last commit."""
    return bool(git(project_dir, "status", "--porcelain").strip())


def undo(project_dir: Path) -> Version:
    """Bring back the files of the version before the current one, as a new commit; return it.

    Uncommitted changes are committed first ("Changes made outside sitegen"), so nothing is lost
    and they are what gets undone. After an undo, undoing again goes one version further back.
    """
    project_dir = Path(project_dir)
    if not is_repo(project_dir) or not head(project_dir):
        raise SitegenError(
            f"{project_dir} has no versions yet",
            ErrorKind.USAGE,
            "Versions are recorded by `sitegen new` and `sitegen edit`.",
        )
    if dirty(project_dir):
        commit(project_dir, "Changes made outside sitegen")
    current = log(project_dir, limit=1)[0]
    effective = current.restores or current.sha  # the version whose files are checked out now
    parent = git(project_dir, "rev-parse", "--verify", "-q", f"{effective}^", check=False).strip()
    if not parent:
        raise SitegenError(
            "nothing to undo: this is the first version", ErrorKind.USAGE, "See the versions with `sitegen history`."
        )
    subject = git(project_dir, "log", "-1", "--format=%s", effective).strip()
    # make index and work tree exactly the parent's tracked files (ignored files are left alone)
    git(project_dir, "read-tree", "-u", "--reset", parent)
    message = f"Undo: {subject}\n\n{RESTORES}: {parent}\n"
    git(project_dir, "commit", "-q", "--allow-empty", "--no-verify", "-m", message)
    return log(project_dir, limit=1)[0]


def record_job(project_dir: Path, job: dict) -> str:
    """Commit the files a finished job left (one version per generation or edit) and keep its build.

    ``new`` and ``edit`` jobs make a commit; an ``undo`` job already made its own, so it only keeps
    the build; other jobs (deploy, …) change no source and record nothing. Returns HEAD's sha.
    """
    project_dir = Path(project_dir)
    kind, prompt = job.get("kind") or "new", " ".join(str(job.get("prompt") or "").split())
    if kind in ("new", "edit"):
        subject = f"{'Generate' if kind == 'new' else 'Edit'}: {prompt}"
        if len(subject) > 72:
            subject = subject[:71].rstrip() + "…"
        commit(project_dir, f"{subject}\n\n{prompt}\n\nSitegen-Job: {job.get('id', '')}\n")
    elif kind != "undo" or not is_repo(project_dir):
        return head(project_dir) if is_repo(project_dir) else ""
    save_build(project_dir)
    return head(project_dir)


# -- built sites per source tree ----------------------------------------------------------------
def save_build(project_dir: Path, out_name: str = "out") -> Path | None:
    """Keep a copy of the current build for the current source tree (HEAD's); None if nothing built."""
    project_dir = Path(project_dir)
    out = project_dir / out_name
    if not (out / "index.html").is_file() or not head(project_dir):
        return None
    dest = project_dir / BUILDS_DIR / tree_of(project_dir)
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(out, tmp)
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    _prune_builds(project_dir / BUILDS_DIR)
    return dest


def restore_build(project_dir: Path, out_name: str = "out") -> bool:
    """Put back the saved build of HEAD's source tree as ``out/``; False when none was saved."""
    project_dir = Path(project_dir)
    if not head(project_dir):
        return False
    saved = project_dir / BUILDS_DIR / tree_of(project_dir)
    if not (saved / "index.html").is_file():
        return False
    out = project_dir / out_name
    tmp = project_dir / f".{out_name}.restore"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(saved, tmp)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    os.utime(saved)  # most recently used
    return True


def _prune_builds(folder: Path, keep: int = KEEP_BUILDS) -> None:
    builds = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.endswith(".tmp")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in builds[keep:]:
        shutil.rmtree(old, ignore_errors=True)
