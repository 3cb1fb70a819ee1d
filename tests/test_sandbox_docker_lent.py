"""Lending a root-owned project to the build user: the note of its real owner lives in SITEGEN_HOME,
so a build cannot plant a link there (to get a host file overwritten) or name another owner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.sandbox.docker import FALLBACK_UID, lend_ownership, lent_marker, restore_lent

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="lending ownership needs root (as in CI)")


def project_at(root: Path) -> Path:
    project = root / "site"
    (project / "app").mkdir(parents=True)
    (project / "app" / "page.tsx").write_text("export default function Page() { return <main/>; }\n")
    return project


def test_the_owner_note_is_in_sitegen_home_and_the_project_comes_back(tmp_path: Path, sitegen_home: Path) -> None:
    project = project_at(tmp_path)
    with lend_ownership(project, FALLBACK_UID, FALLBACK_UID, sitegen_home):
        assert (project / "app" / "page.tsx").stat().st_uid == FALLBACK_UID
        assert lent_marker(sitegen_home, project).read_text() == "0:0\n"
        assert not (project / ".sitegen-lent").exists()
    assert (project / "app" / "page.tsx").stat().st_uid == 0
    assert not lent_marker(sitegen_home, project).exists()


@pytest.mark.parametrize("planted", ["link-to-a-host-file", "another-owner"])
def test_a_note_planted_in_the_project_is_ignored(tmp_path: Path, sitegen_home: Path, planted: str) -> None:
    project = project_at(tmp_path)
    victim = tmp_path / "bashrc"
    victim.write_text("# the user's shell start-up\n")
    if planted == "link-to-a-host-file":  # what an older sitegen would have written through
        (project / ".sitegen-lent").symlink_to(victim)
    else:  # "give the project to uid 4242 after a crash"
        (project / ".sitegen-lent").write_text("4242:4242\n")
    restore_lent(project, sitegen_home)
    with lend_ownership(project, FALLBACK_UID, FALLBACK_UID, sitegen_home):
        pass
    restore_lent(project, sitegen_home)
    assert victim.read_text() == "# the user's shell start-up\n"
    assert (project / "app" / "page.tsx").stat().st_uid == 0 and project.stat().st_uid == 0


def test_a_build_killed_while_lent_is_put_right_by_the_next_one(tmp_path: Path, sitegen_home: Path) -> None:
    project = project_at(tmp_path)
    lending = lend_ownership(project, FALLBACK_UID, FALLBACK_UID, sitegen_home)
    lending.__enter__()  # and never exits: the process died
    assert project.stat().st_uid == FALLBACK_UID
    restore_lent(project, sitegen_home)
    assert project.stat().st_uid == 0 and (project / "app" / "page.tsx").stat().st_uid == 0
    assert not lent_marker(sitegen_home, project).exists()
