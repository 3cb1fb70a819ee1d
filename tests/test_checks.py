"""Static checks: paths, imports, remote resources and 'use client'."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.checks import static as checks
from sitegen.stages.common import template_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copyfile(template_dir() / "package.json", tmp_path / "package.json")
    (tmp_path / "app").mkdir()
    (tmp_path / "components").mkdir()
    return tmp_path


def write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    ["../../x.tsx", "/etc/x.tsx", "app/../../x.tsx", "app\\page.tsx", "C:/x.tsx", "scripts/x.tsx",
     "app/.env.ts", "app/page.sh", "", "app//page.tsx", "./app/page.tsx"],
)
def test_bad_paths_are_refused(path: str) -> None:
    assert checks.path_problem(path) is not None


@pytest.mark.parametrize("path", ["app/page.tsx", "app/menu/page.tsx", "components/Hero.tsx", "lib/content.ts",
                                  "app/globals.css", "public/logo.svg"])
def test_good_paths_pass(path: str) -> None:
    assert checks.path_problem(path) is None


def test_clean_project_has_no_findings(project: Path) -> None:
    write(project, "components/Hero.tsx",
          'import { Coffee } from "lucide-react";\nimport Link from "next/link";\n'
          'export function Hero() { return <Link href="/"><Coffee /></Link>; }\n')
    write(project, "app/page.tsx", 'import { Hero } from "@/components/Hero";\n'
          'import "@fontsource-variable/inter";\nexport default function P() { return <Hero />; }\n')
    assert checks.check_project(project) == []


def test_unknown_package_and_unresolved_import_carry_file_and_line(project: Path) -> None:
    write(project, "app/page.tsx", '\n\nimport axios from "axios";\nimport { X } from "../components/Nope";\n'
          "export default function P() { return null; }\n")
    found = {(f.file, f.line, f.code) for f in checks.check_project(project)}
    assert ("app/page.tsx", 3, "import") in found
    assert ("app/page.tsx", 4, "import") in found


def test_google_fonts_and_remote_images_are_refused(project: Path) -> None:
    write(project, "app/layout.tsx", 'import { Inter } from "next/font/google";\n'
          'export default function L() { return <img src="https://example.com/a.png" alt="" />; }\n')
    codes = sorted(f.code for f in checks.check_project(project))
    assert codes == ["import", "remote"]


def test_missing_use_client_is_found_and_fixed(project: Path) -> None:
    write(project, "components/Menu.tsx", 'import { useState } from "react";\n'
          "export function Menu() { const [o, s] = useState(false); return <button onClick={() => s(!o)} />; }\n")
    findings = checks.check_project(project)
    assert [f.code for f in findings] == ["use-client"]
    assert checks.add_use_client(project, findings) == ["components/Menu.tsx"]
    assert checks.check_project(project) == []
    assert (project / "components/Menu.tsx").read_text().startswith('"use client";')


def test_symlink_out_of_project_is_refused(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.ts"
    outside.write_text("export const x = 1;\n")
    (project / "lib").mkdir()
    (project / "lib" / "x.ts").symlink_to(outside)
    assert [f.code for f in checks.check_project(project)] == ["path"]


def test_stray_folder_is_reported(project: Path) -> None:
    write(project, "scripts/evil.ts", "export {}\n")
    assert [f.code for f in checks.check_project(project)] == ["path"]


def test_the_walk_lists_links_and_stray_files_and_never_enters_the_skipped_folders(
        project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    elsewhere = tmp_path_factory.mktemp("elsewhere")  # the project is tmp_path itself

    write(project, "app/page.tsx", "export default function Page() { return null; }\n")
    write(project, "components/deep/nested/Card.tsx", "export const Card = 1;\n")
    write(project, "stray/notes.md", "hi\n")
    outside = elsewhere / "outside"
    (outside / "inner").mkdir(parents=True)
    (outside / "inner" / "secret.ts").write_text("export const s = 1;\n")
    (project / "components" / "linked").symlink_to(outside, target_is_directory=True)  # listed, not entered
    (project / "app" / "gone.tsx").symlink_to(elsewhere / "missing.tsx")  # a dangling link is listed too
    os.mkfifo(project / "app" / "pipe")  # not a file: left out
    for skipped in ("node_modules/next", ".next/cache", "out", ".sitegen", ".git"):
        write(project, f"{skipped}/x.ts", "export {};\n")
    walked: list[str] = []
    real_scandir = os.scandir

    def spy(path: object = ".") -> object:  # every folder listed, by any walk
        walked.append(os.fspath(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", spy)
    rels = [p.relative_to(project).as_posix() for p in checks.source_files(project)]
    assert rels == sorted(rels)
    assert {"app/page.tsx", "components/deep/nested/Card.tsx", "stray/notes.md", "components/linked",
            "app/gone.tsx"} <= set(rels)
    assert not [r for r in rels if r.startswith(("node_modules", ".next", "out/", ".sitegen", ".git", "app/pipe"))]
    assert "package.json" not in rels and not [r for r in rels if "secret" in r]
    assert not [w for w in walked if any(part in w for part in ("node_modules", ".next", "/out", ".git"))]
