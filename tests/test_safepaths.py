"""Path checks and the safe writer: hostile paths are refused and nothing lands outside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.errors import ErrorKind, SitegenError
from sitegen.safepaths import check_relative_path, safe_write

HOSTILE = [
    "../../x", "/etc/x", "app/../../x", "app/../x.tsx", "..", "", " ", "app\\page.tsx", "C:/x/app.tsx",
    "c:\\x", "app/page.tsx\x00.txt", "~/x.tsx", "package.json", "next.config.ts", "node_modules/x/index.ts",
    ".env", "app/.env", "app/page.sh", "app/page.py", "app//page.tsx", "./../app/page.tsx", "app/./page.tsx",
    "app/page tsx.tsx", "app/\nx.tsx", "x" * 300 + ".tsx", "app", "app/",
]
GOOD = ["app/page.tsx", "app/about/page.tsx", "components/Header.tsx", "lib/data.ts", "app/globals.css",
        "public/logo.svg", "app/(marketing)/[slug]/page.tsx", "./app/page.tsx"]


@pytest.mark.parametrize("path", HOSTILE)
def test_hostile_paths_are_refused(path: str) -> None:
    with pytest.raises(SitegenError) as info:
        check_relative_path(path)
    assert info.value.kind == ErrorKind.MODEL_OUTPUT


@pytest.mark.parametrize("path", GOOD)
def test_good_paths_pass(path: str) -> None:
    assert check_relative_path(path) == path.removeprefix("./")


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_a_set_with_one_hostile_path_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    before = _tree(tmp_path)
    for bad in ("../../x", "/etc/x", "app/../../x"):
        with pytest.raises(SitegenError):
            safe_write(project, {"app/page.tsx": "ok", bad: "pwned"})
    assert _tree(tmp_path) == before


def test_symlinked_folder_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "components").symlink_to(outside, target_is_directory=True)
    with pytest.raises(SitegenError):
        safe_write(project, {"components/Evil.tsx": "pwned"})
    assert list(outside.iterdir()) == []


def test_symlinked_file_is_not_followed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "app").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (project / "app" / "page.tsx").symlink_to(victim)
    with pytest.raises(SitegenError):
        safe_write(project, {"app/page.tsx": "pwned"})
    assert victim.read_text() == "keep"


def test_writes_replace_files_without_touching_hard_links(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "app").mkdir(parents=True)
    original = tmp_path / "shared.tsx"
    original.write_text("shared")
    os.link(original, project / "app" / "page.tsx")
    written = safe_write(project, {"app/page.tsx": "new", "components/ui/Card.tsx": "card"})
    assert written == ["app/page.tsx", "components/ui/Card.tsx"]
    assert (project / "app" / "page.tsx").read_text() == "new"
    assert original.read_text() == "shared"
    assert (project / "components" / "ui" / "Card.tsx").read_text() == "card"
