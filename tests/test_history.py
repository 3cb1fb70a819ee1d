"""Project history in git: init, commit, log, undo as a new commit, saved builds per source tree."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from sitegen import history
from sitegen.errors import ErrorKind, SitegenError


@pytest.fixture(autouse=True)
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME with an empty global git config, so a test can prove it is never written."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def write(project: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    p = tmp_path / "site"
    p.mkdir()
    write(p, {".gitignore": "node_modules/\nout/\n", "app/page.tsx": "v1", ".sitegen/plan.json": '{"v": 1}'})
    return p


def test_init_sets_a_local_identity_and_never_the_global_config(project: Path, isolated_git: Path) -> None:
    assert history.init_repo(project) is True
    assert history.init_repo(project) is False
    local = subprocess.run(["git", "config", "--local", "user.name"], cwd=project, capture_output=True, text=True)
    assert local.stdout.strip() == "sitegen"
    assert not (isolated_git / ".gitconfig").exists()
    assert not (isolated_git / ".config" / "git").exists()
    exclude = (project / ".git" / "info" / "exclude").read_text()
    assert ".sitegen/screenshots/" in exclude and ".sitegen/builds/" in exclude and "/out/" in exclude


def test_commit_and_log(project: Path) -> None:
    (project / "out").mkdir()
    write(project, {"out/index.html": "built", ".sitegen/screenshots/home-desktop.png": "png", "node_modules/x": "x"})
    sha1 = history.commit(project, "Generate: coffee shop")
    write(project, {"app/page.tsx": "v2"})
    sha2 = history.commit(project, "Edit: make it green")
    versions = history.log(project)
    assert [v.sha for v in versions] == [sha2, sha1]
    assert [v.message for v in versions] == ["Edit: make it green", "Generate: coffee shop"]
    assert all(v.at > 0 and len(v.short) == 7 for v in versions)
    tracked = subprocess.run(["git", "ls-files"], cwd=project, capture_output=True, text=True).stdout.split()
    assert sorted(tracked) == [".gitignore", ".sitegen/plan.json", "app/page.tsx"]
    assert versions[0].to_dict()["short"] == sha2[:7]


def test_commit_without_changes_still_records_a_version(project: Path) -> None:
    history.commit(project, "one")
    history.commit(project, "two")
    assert [v.message for v in history.log(project)] == ["two", "one"]


def test_undo_restores_previous_files_as_a_new_commit(project: Path) -> None:
    history.commit(project, "v1")
    write(project, {"app/page.tsx": "v2", "app/new/page.tsx": "added in v2"})
    history.commit(project, "v2")
    write(project, {"app/page.tsx": "v3"})
    history.commit(project, "v3")

    undone = history.undo(project)
    assert (project / "app/page.tsx").read_text() == "v2"
    assert undone.message == "Undo: v3" and undone.restores
    assert [v.message for v in history.log(project)] == ["Undo: v3", "v3", "v2", "v1"]  # nothing lost

    history.undo(project)  # again: one more step back, to v1
    assert (project / "app/page.tsx").read_text() == "v1"
    assert not (project / "app/new/page.tsx").exists()
    assert [v.message for v in history.log(project)][:2] == ["Undo: v2", "Undo: v3"]

    with pytest.raises(SitegenError) as info:
        history.undo(project)
    assert info.value.kind == ErrorKind.USAGE and "first version" in info.value.message
    assert len(history.log(project)) == 5


def test_undo_keeps_uncommitted_changes_in_history(project: Path) -> None:
    history.commit(project, "v1")
    write(project, {"app/page.tsx": "hand edit"})
    history.undo(project)
    assert (project / "app/page.tsx").read_text() == "v1"
    messages = [v.message for v in history.log(project)]
    assert messages == ["Undo: Changes made outside sitegen", "Changes made outside sitegen", "v1"]


def test_undo_without_versions(tmp_path: Path) -> None:
    with pytest.raises(SitegenError) as info:
        history.undo(tmp_path)
    assert info.value.kind == ErrorKind.USAGE
    assert history.log(tmp_path) == []


def test_saved_builds_follow_the_source_tree(project: Path) -> None:
    write(project, {"out/index.html": "build one"})
    history.commit(project, "v1")
    assert history.save_build(project) is not None
    write(project, {"app/page.tsx": "v2", "out/index.html": "build two"})
    history.commit(project, "v2")
    history.save_build(project)
    history.undo(project)
    assert history.restore_build(project) is True
    assert (project / "out/index.html").read_text() == "build one"
    write(project, {"app/page.tsx": "never built"})
    history.commit(project, "v3")
    assert history.restore_build(project) is False
    assert (project / "out/index.html").read_text() == "build one"  # left as it was


def test_no_git_is_a_clear_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(project / "empty-bin"))
    with pytest.raises(SitegenError) as info:
        history.commit(project, "x")
    assert "git is not installed" in info.value.message and "apt-get install" in info.value.hint


def test_user_git_environment_is_ignored(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_DIR", str(project / "elsewhere"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Someone Else")
    history.commit(project, "v1")
    author = subprocess.run(
        ["git", "log", "-1", "--format=%an <%ae>"],
        cwd=project,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    ).stdout.strip()
    assert author == "sitegen <sitegen@localhost>"
