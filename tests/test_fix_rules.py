"""The rules registry, and the deterministic pass leaving good code alone: sites the offline renderer
writes and the fake model's pages come out unchanged (no rule fires on code that builds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.checks import autofix
from sitegen.checks.rules import BY_ID, LEGACY_IDS, RULES, fix_project
from sitegen.offline.planner import plan_offline
from sitegen.offline.render import render_site
from sitegen.safepaths import safe_write
from tests.fakes.scenario import layout_json, page_tsx

TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "sitegen" / "template"


def test_every_rule_has_a_unique_id_and_says_what_it_matches_and_changes() -> None:
    assert len(BY_ID) == len(RULES) >= 20
    for rule in RULES:
        assert rule.id and rule.id == rule.id.lower() and " " not in rule.id
        assert "->" in rule.doc, rule.id  # "what it matches -> what it changes"
    assert set(LEGACY_IDS) <= set(BY_ID) and len(LEGACY_IDS) < len(RULES)


def test_autofix_has_no_source_file_list_of_its_own() -> None:
    assert not hasattr(autofix, "source_files") and not hasattr(autofix, "SOURCE_DIRS")


@pytest.mark.parametrize("prompt", ["a bakery in Ghent with menu, about, catering, events and contact pages",
                                    "a law firm in Boston with team and services pages",
                                    "wedding photographer in Porto: gallery, pricing, faq"])
def test_offline_sites_are_left_alone(prompt: str, tmp_path: Path) -> None:
    shutil.copyfile(TEMPLATE / "package.json", tmp_path / "package.json")
    files = render_site(plan_offline(prompt))
    safe_write(tmp_path, files)
    assert fix_project(tmp_path) == []
    assert {p: (tmp_path / p).read_text() for p in files} == files


def test_the_fake_models_pages_are_left_alone(tmp_path: Path) -> None:
    shutil.copyfile(TEMPLATE / "package.json", tmp_path / "package.json")
    files = {f["path"]: f["content"] for f in layout_json()["files"]}
    files |= {"app/page.tsx": page_tsx("Home"), "app/menu/page.tsx": page_tsx("Menu")}
    safe_write(tmp_path, files)
    assert fix_project(tmp_path) == []


def test_only_the_files_asked_for_are_fixed(tmp_path: Path) -> None:
    shutil.copyfile(TEMPLATE / "package.json", tmp_path / "package.json")
    bad = '<div class="p-4">Open daily<br></div>'
    safe_write(tmp_path, {"app/page.tsx": f"export default function P() {{ return {bad}; }}\n",
                          "components/A.tsx": f"export function A() {{ return {bad}; }}\n"})
    fixes = fix_project(tmp_path, ["components/A.tsx"])
    assert {f["file"] for f in fixes} == {"components/A.tsx"}
    assert 'class="p-4"' in (tmp_path / "app/page.tsx").read_text()
    assert 'className="p-4"' in (tmp_path / "components/A.tsx").read_text()
