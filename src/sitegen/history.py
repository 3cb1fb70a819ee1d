"""Every generation and every edit is a git commit in the project folder; undo never loses a version.

Git runs with the project's own local identity ("sitegen") and never reads or writes the user's
global config for anything sitegen sets. ``undo`` restores the files of the version before the
current one as a NEW commit, so the undone version stays in the history; undoing again walks
further back. Built sites (``out/``) are not in git: ``save_build`` keeps a copy per source tree
under ``.sitegen/builds/`` so ``undo`` can bring the matching build back without rebuilding.

Safety (the project folder is written by code a model wrote; see README "Security"). The history
stays in ``<project>/.git``, where users expect it (their own ``git log`` works, moving the folder
keeps it), but no sandbox can reach it: the Docker build mounts an empty read-only folder over
``/work/site/.git`` and the bubblewrap build an empty read-only tmpfs, and both make the mount
point first, so a build can neither read, write nor create ``.git``. Sitegen's own git on the host
trusts nothing in the folder either (a ``--sandbox local`` build, or an older sitegen, may have
written it): every call gets an explicit ``GIT_DIR``/``GIT_WORK_TREE`` (so ``core.worktree`` and a
``.git`` file pointing elsewhere are ignored), no system or global config, a fixed safe
configuration (``core.fsmonitor=false``, hooks off, no pager, no protocols, explicit
``safe.directory``), and it refuses to run at all when ``.git`` or its config is a link, or the
config sets anything outside a short list of inert keys (``core.fsmonitor``, ``filter.*``,
``include.*``, ``includeIf.*``, ``core.worktree``, … are never honoured).
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


# the only keys a project's .git/config may set (all inert for the commands sitegen runs)
SAFE_KEYS = re.compile(
    r"^(core\.(repositoryformatversion|filemode|bare|logallrefupdates|symlinks|ignorecase|precomposeunicode"
    r"|autocrlf|eol|safecrlf|quotepath|compression|loosecompression)"
    r"|user\.(name|email)|init\.defaultbranch|extensions\.objectformat"
    r"|remote\.[^\n=]+\.(url|pushurl|fetch|push)|branch\.[^\n=]+\.(remote|merge|rebase))$"
)
SAFE_CONFIG = (
    "core.fsmonitor=false", "core.hooksPath=/dev/null", "commit.gpgsign=false", "tag.gpgsign=false",
    "core.pager=cat", "core.sshCommand=false", "core.askPass=", "credential.helper=",
    "protocol.allow=never", "core.untrackedCache=false", "diff.external=", "core.editor=false",
)


def _env(project_dir: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    name, email = IDENTITY
    if project_dir is not None:
        env.update(GIT_DIR=str(Path(project_dir) / ".git"), GIT_WORK_TREE=str(project_dir))
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_TERMINAL_PROMPT="0",
        GIT_AUTHOR_NAME=name,
        GIT_AUTHOR_EMAIL=email,
        GIT_COMMITTER_NAME=name,
        GIT_COMMITTER_EMAIL=email,
        LC_ALL="C",
    )
    return env


def _unsafe_repo(project_dir: Path, detail: str = "") -> SitegenError:
    return SitegenError(
        f"the project's git folder {project_dir / '.git'} was changed outside sitegen in a way sitegen "
        f"does not run git on{detail}",
        ErrorKind.CONFIG,
        "A build may have planted it: inspect .git/config (and .git itself) and remove what sitegen "
        "did not write, then run the command again.",
    )


def check_repo(project_dir: Path) -> None:
    """Refuse a ``.git`` that is a link or file, shares another repo's config, or whose config sets
    anything outside SAFE_KEYS (a planted ``core.fsmonitor`` or ``filter.*.clean``, say)."""
    dot_git = Path(project_dir) / ".git"
    if not dot_git.exists() and not dot_git.is_symlink():
        return
    if dot_git.is_symlink() or not dot_git.is_dir() or (dot_git / "commondir").exists():
        raise _unsafe_repo(project_dir)
    config = dot_git / "config"
    if config.is_symlink() or (config.exists() and not config.is_file()):
        raise _unsafe_repo(project_dir)
    if not config.exists():
        return
    listed = subprocess.run(
        [git_path(), "config", "--file", str(config), "--no-includes", "--name-only", "--list"],
        env=_env(), capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )
    if listed.returncode != 0:
        raise _unsafe_repo(project_dir)
    bad = [key for key in listed.stdout.splitlines() if key and not SAFE_KEYS.match(key.lower())]
    if bad:
        raise _unsafe_repo(project_dir, f": its config sets {', '.join(sorted(set(bad))[:3])}")


def git(project_dir: Path, *args: str, check: bool = True) -> str:
    """Run one git command in ``project_dir`` (a checked ``.git`` there, fixed safe configuration);
    a failure is a SitegenError naming the command."""
    project_dir = Path(project_dir).resolve()
    check_repo(project_dir)
    safe = [arg for item in (*SAFE_CONFIG, f"safe.directory={project_dir}") for arg in ("-c", item)]
    cmd = [git_path(), *safe, *args]
    try:
        proc = subprocess.run(
            cmd, cwd=project_dir, env=_env(project_dir), capture_output=True, text=True, timeout=120,
            stdin=subprocess.DEVNULL,
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
    """True when the project has a git folder with a HEAD (an empty ``.git`` left as a sandbox's
    mount point is not one yet)."""
    return (Path(project_dir) / ".git" / "HEAD").exists()


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
    if exclude.parent.is_symlink() or exclude.is_symlink():
        raise _unsafe_repo(project_dir)
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
    if out.is_symlink() or not (out / "index.html").is_file() or not head(project_dir):
        return None
    dest = _builds_dir(project_dir) / tree_of(project_dir)
    tmp = dest.with_name(dest.name + ".tmp")
    _remove(tmp)
    shutil.copytree(out, tmp, ignore=_links)
    _remove(dest)
    tmp.rename(dest)
    _prune_builds(project_dir / BUILDS_DIR)
    return dest


def restore_build(project_dir: Path, out_name: str = "out") -> bool:
    """Put back the saved build of HEAD's source tree as ``out/``; False when none was saved."""
    project_dir = Path(project_dir)
    if not head(project_dir):
        return False
    saved = _builds_dir(project_dir) / tree_of(project_dir)
    if saved.is_symlink() or not (saved / "index.html").is_file():
        return False
    out = project_dir / out_name
    tmp = project_dir / f".{out_name}.restore"
    _remove(tmp)
    shutil.copytree(saved, tmp, ignore=_links)
    _remove(out)
    tmp.rename(out)
    os.utime(saved)  # most recently used
    return True


def _builds_dir(project_dir: Path) -> Path:
    """``.sitegen/builds``, made when missing; refused when a link was planted on the way."""
    folder = project_dir
    for part in Path(BUILDS_DIR).parts:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise SitegenError(f"{folder} is a link or a file, not sitegen's folder; builds are not kept",
                               ErrorKind.CONFIG, f"Remove {folder} and build again.")
        folder.mkdir(exist_ok=True)
    return folder


def _links(folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: links are never followed nor copied (a build may point them anywhere)."""
    return [n for n in names if os.path.islink(os.path.join(folder, n))]


def _remove(path: Path) -> None:
    """Remove a folder, or just the link when it is one (never what a link points to)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _prune_builds(folder: Path, keep: int = KEEP_BUILDS) -> None:
    builds = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.endswith(".tmp")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in builds[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def snapshot_before_edit(project_dir: Path) -> SitegenError | None:
    """Keep the current files as a version before an edit changes them (also for a project made
    without git, or changed outside sitegen). Without git, returns that error for the caller to
    warn about (the edit cannot be undone); any other git problem is raised."""
    try:
        if not is_repo(project_dir) or not head(project_dir):
            commit(project_dir, "Snapshot before edit")
        elif dirty(project_dir):
            commit(project_dir, "Changes made outside sitegen")
    except SitegenError as exc:
        if "git is not installed" not in exc.message:
            raise
        return exc
    return None
