"""Offline edits: what the no-model provider can change in a SitePlan, and what it refuses."""

from __future__ import annotations

import re

import pytest
from fixtures_plans import cafe_plan, saas_plan

from sitegen.errors import ErrorKind, SitegenError
from sitegen.offline.edit import apply_edit_offline
from sitegen.offline.palettes import palette_problems
from sitegen.offline.render import render_site
from sitegen.plan import SitePlan


def kinds(plan: SitePlan, slug: str = "") -> list[str]:
    return [s.kind for s in next(p for p in plan.pages if p.slug == slug).sections]


def test_the_issue_example_darker_hero_and_pricing() -> None:
    plan = cafe_plan()
    new, changes = apply_edit_offline(plan, "make the hero darker and add a pricing section")
    assert len(changes) == 2
    assert "darker" in changes[0] and "pricing" in changes[1]
    assert new.palette.primary != plan.palette.primary
    assert sum(int(new.palette.primary[i : i + 2], 16) for i in (1, 3, 5)) < sum(
        int(plan.palette.primary[i : i + 2], 16) for i in (1, 3, 5)
    )
    home = kinds(new)
    assert "pricing" in home and home.index("pricing") < home.index("cta")  # before the closing sections
    pricing = next(s for s in new.home.sections if s.kind == "pricing")
    assert pricing.heading and len(pricing.items) >= 2 and all(i.meta for i in pricing.items)
    assert not re.search(r"\{\w+\}", pricing.model_dump_json())  # every template was filled
    assert plan.palette.primary == cafe_plan().palette.primary  # the input plan is not changed


@pytest.mark.parametrize("instruction", ["make it green", "use a green colour scheme", "green please"])
def test_colour_words(instruction: str) -> None:
    new, changes = apply_edit_offline(cafe_plan(), instruction)
    assert new.palette.primary == "#2f7d4f" and "green" in changes[0]
    assert palette_problems(new.palette) == []


def test_hex_colour_and_accent() -> None:
    new, _ = apply_edit_offline(saas_plan(), "primary #0f766e")
    assert new.palette.primary == "#0f766e"
    accent, changes = apply_edit_offline(saas_plan(), "make the accent gold")
    assert accent.palette.accent != saas_plan().palette.accent and "accent" in changes[0]
    assert accent.palette.primary == saas_plan().palette.primary


def test_dark_mode_and_back() -> None:
    dark, changes = apply_edit_offline(cafe_plan(), "dark mode")
    assert dark.palette.dark and "dark" in changes[0]
    assert palette_problems(dark.palette) == []
    light, _ = apply_edit_offline(dark, "light mode")
    assert not light.palette.dark and palette_problems(light.palette) == []
    assert 'colorScheme: "dark",' in render_site(dark)["lib/theme.ts"]
    assert 'colorScheme: "light",' in render_site(light)["lib/theme.ts"]


@pytest.mark.parametrize("instruction", ["rename to Night Owl", "call it 'Night Owl'", "rename it to Night Owl."])
def test_rename_changes_name_and_mentions(instruction: str) -> None:
    plan = cafe_plan()
    new, changes = apply_edit_offline(plan, instruction)
    assert new.name == "Night Owl"
    assert plan.name not in new.model_dump_json()
    assert "Night Owl" in changes[0]
    assert "Night Owl" in render_site(new)["lib/content.ts"]


def test_tagline_and_headline() -> None:
    new, changes = apply_edit_offline(cafe_plan(), "tagline: Coffee for night owls; headline: Open till 2am")
    assert new.tagline == "Coffee for night owls"
    assert new.home.sections[0].kind == "hero" and new.home.sections[0].heading == "Open till 2am"
    assert len(changes) == 2


def test_add_section_to_a_named_page_and_synonyms() -> None:
    new, changes = apply_edit_offline(cafe_plan(), "add reviews to the menu page")
    assert "testimonials" in kinds(new, "menu") and "Menu" in changes[0]
    again, changes = apply_edit_offline(new, "add testimonials to the menu page")
    assert kinds(again, "menu") == kinds(new, "menu") and "already has" in changes[0]
    team, _ = apply_edit_offline(saas_plan(), "add a team section")
    members = next(s for s in team.home.sections if s.kind == "team").items
    assert members and all(m.title for m in members)


def test_remove_section_and_page() -> None:
    plan = cafe_plan()
    new, changes = apply_edit_offline(plan, "remove the faq")
    assert "faq" not in [k for p in new.pages for k in kinds(new, p.slug)]
    assert "faq" in changes[0]
    nothing, changes = apply_edit_offline(new, "remove the faq")
    assert "no faq section" in changes[0]
    fewer, changes = apply_edit_offline(plan, "remove the menu page")
    assert [p.slug for p in fewer.pages] == ["", "visit"]
    render_site(fewer)  # still renders


def test_several_clauses_with_commas() -> None:
    new, changes = apply_edit_offline(cafe_plan(), "add a team section, remove the gallery, then make it blue")
    assert len(changes) == 3
    assert "team" in kinds(new) and new.palette.primary == "#2563eb"


@pytest.mark.parametrize("instruction", ["translate the site into French", "add a blog", "", "   "])
def test_what_offline_cannot_do_is_a_usage_error(instruction: str) -> None:
    with pytest.raises(SitegenError) as info:
        apply_edit_offline(cafe_plan(), instruction)
    assert info.value.kind == ErrorKind.USAGE and info.value.exit_code == 2
    assert "Offline edits can" in info.value.hint and "model provider" in info.value.hint


def test_refusals_that_would_break_the_site() -> None:
    with pytest.raises(SitegenError, match="home page cannot be removed"):
        apply_edit_offline(cafe_plan(), "remove the home page")
    with pytest.raises(SitegenError, match="no 'about' page"):
        apply_edit_offline(cafe_plan(), "add a faq to the about page")
