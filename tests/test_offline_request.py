"""The offline planner reads the request: subject, functionalities, widgets, colours and language.

Every case of ``tests/data/prompts.py`` is planned for real; the plan must be about what was asked.
"""

from __future__ import annotations

import re

import pytest

from sitegen.offline.colours import CSS_NAMES, read_colours
from sitegen.offline.palettes import contrast, text_problems
from sitegen.offline.planner import VARIANTS, WIDGETS, describe_detection, plan_offline
from sitegen.offline.request import read_features, read_language, read_subject
from sitegen.plan import Section, SitePlan
from tests.data.prompts import CASES, FOREIGN

STOP = {"a", "an", "the", "their", "for", "by", "to", "and", "with", "of", "your"}


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|es|s|e)$", "", word)[:5]


def _sections(plan: SitePlan) -> list[Section]:
    return [s for page in plan.pages for s in page.sections]


def _widgets(plan: SitePlan) -> list[str]:
    return [f"form:{s.variant}" if s.kind == "form" else s.kind for s in _sections(plan) if s.kind in WIDGETS]


def _headline_text(plan: SitePlan) -> str:
    hero = plan.home.sections[0]
    features = [i.title + " " + i.text for s in plan.home.sections if s.kind == "features" for i in s.items]
    return " ".join([plan.name, plan.tagline, plan.description, hero.eyebrow, hero.heading, hero.subheading,
                     *features]).lower()


def _feature_text(plan: SitePlan) -> str:
    return " ".join(i.title + " " + i.text for s in plan.home.sections if s.kind == "features"
                    for i in s.items).lower()


def test_the_corpus_is_big_and_varied() -> None:
    assert len(CASES) >= 60
    assert sum(bool(c.get("widgets")) for c in CASES) >= 30
    assert sum(bool(c.get("none")) for c in CASES) >= 8
    assert sum(bool(c.get("colours")) for c in CASES) >= 20
    kinds = {plan_offline(c["prompt"]).kind for c in CASES}
    assert "general" in kinds and len(kinds) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c["prompt"][:48] for c in CASES])
def test_each_plan_is_about_what_was_asked(case: dict) -> None:
    plan = plan_offline(case["prompt"])
    SitePlan.model_validate(plan.model_dump())
    text = _headline_text(plan)
    for word in case["about"]:
        assert word.lower() in text, (word, text[:400])
    features = _feature_text(plan)
    for phrase in case["features"]:  # the user's own words, whatever the verb form ("searching" → "search")
        for word in re.findall(r"[\w-]+", phrase.lower()):
            if word not in STOP:
                assert _stem(word) in features, (phrase, word, features)
    if case.get("kind"):
        assert plan.kind == case["kind"]
    assert plan.lang == "en"


@pytest.mark.parametrize("case", [c for c in CASES if c.get("colours") or c.get("dark")],
                         ids=lambda c: c["prompt"][:48])
def test_requested_colours_are_in_the_palette_exactly(case: dict) -> None:
    plan = plan_offline(case["prompt"])
    for field, hex_ in case.get("colours", {}).items():
        assert getattr(plan.palette, field) == hex_, (field, plan.palette)
    if "dark" in case:
        assert plan.palette.dark is case["dark"]
    assert text_problems(plan.palette) == [], plan.palette


@pytest.mark.parametrize("case", CASES, ids=[c["prompt"][:48] for c in CASES])
def test_widgets_match_the_actions(case: dict) -> None:
    plan = plan_offline(case["prompt"])
    found = _widgets(plan)
    for widget in case.get("widgets", []):
        assert widget in found, (widget, found)
    if case.get("none"):
        assert found == []
    for s in _sections(plan):
        assert s.variant in VARIANTS[s.kind], (s.kind, s.variant)


def _check_widget(s: Section) -> None:
    assert s.heading and s.items, s.kind
    if s.kind == "form":
        labels = {i.meta for i in s.items}
        assert "email" in labels and any(i.highlight for i in s.items) and s.cta_label and s.body
        if s.variant == "booking":
            assert {"date", "time"} <= labels
        assert labels <= {"text", "email", "tel", "date", "time", "number", "select", "textarea"}
        assert all(i.tags for i in s.items if i.meta == "select")
    elif s.kind == "quiz":
        assert len(s.items) >= 3 and all(i.meta in i.tags and len(i.tags) >= 2 for i in s.items)
    elif s.kind == "table":
        assert len(s.columns) >= 3 and all(len(i.tags) == len(s.columns) - 1 for i in s.items)
    elif s.kind in {"chart"}:
        assert s.variant in {"line", "bar", "donut"} and all(re.fullmatch(r"\d+", i.meta) for i in s.items)
    elif s.kind == "calculator":
        assert s.body and all(re.fullmatch(r"[\d.]+", i.meta) for i in s.items)
    elif s.kind in {"search", "favorites"}:
        assert len(s.items) >= 5 and all(i.title and i.text for i in s.items)
        if s.kind == "search":
            assert len({t for i in s.items for t in i.tags}) >= 3  # filter chips
    elif s.kind == "dashboard":
        assert len(s.items) == 4 and all(i.meta for i in s.items)
    text = s.model_dump_json()
    assert "{" not in s.heading + s.subheading and "{S}" not in text and "{s}" not in text


def test_widgets_carry_realistic_data() -> None:
    seen: set[str] = set()
    for case in CASES:
        for s in _sections(plan_offline(case["prompt"])):
            if s.kind in WIDGETS:
                _check_widget(s)
                seen.add(f"form:{s.variant}" if s.kind == "form" else s.kind)
    assert seen >= {"search", "quiz", "calculator", "table", "chart", "dashboard", "favorites", "form:booking",
                    "form:registration", "form:application", "form:contact", "form:lead"}


def test_sports_data_for_a_sports_subject_and_jobs_for_jobs() -> None:
    sports = plan_offline(CASES[0]["prompt"])
    table = next(s for s in _sections(sports) if s.kind == "table")
    assert "Team" in table.columns[0] and any("Kings" in i.title for i in table.items)
    jobs = plan_offline(CASES[2]["prompt"])
    search = next(s for s in _sections(jobs) if s.kind == "search")
    assert any("Electrician" in i.title for i in search.items)
    assert "bettors" in sports.audience.lower() or "bettors" in _headline_text(sports)


def test_many_widgets_spread_over_pages() -> None:
    plan = plan_offline("Please implement a student portal. Students should be able to search courses, book "
                        "advising sessions, take practice quizzes, calculate their GPA, compare course ratings and "
                        "track their grades.")
    assert len(_widgets(plan)) == 6
    assert len(plan.pages) >= 3
    home_widgets = [s for s in plan.home.sections if s.kind in WIDGETS]
    assert 1 <= len(home_widgets) <= 3
    assert plan.home.sections[0].kind == "hero" and plan.home.sections[-1].kind == "contact"


def test_brochure_prompts_stay_brochures() -> None:
    for prompt in ["coffee shop landing page", "a law firm in Leeds", "a florist called Blue Fern",
                   "portfolio for a photographer", "a yoga studio in Bristol"]:
        assert _widgets(plan_offline(prompt)) == [], prompt


@pytest.mark.parametrize("case", FOREIGN, ids=[c["lang"] for c in FOREIGN])
def test_other_languages_keep_the_users_words(case: dict) -> None:
    plan = plan_offline(case["prompt"])
    assert plan.lang == case["lang"]
    assert read_language(case["prompt"]) == case["lang"]
    assert plan.name == case["name"]
    if case.get("place"):
        assert plan.location == case["place"] and plan.contact.phone.startswith(("+33", "+34", "+49"))
    dump = plan.model_dump_json()
    for word in case["words"]:
        assert word in dump or word.lower() in dump.lower(), word
    assert text_problems(plan.palette) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [("slate gray", "slategray"), ("SlateGray", "slategray"), ("slategrey", "slategrey"), ("Slate-Grey", "slategrey"),
     ("DARK GOLDENROD", "darkgoldenrod"), ("light goldenrod yellow", "lightgoldenrodyellow"),
     ("rebecca purple", "rebeccapurple"), ("Medium Spring Green", "mediumspringgreen")],
)
def test_css_names_in_any_spacing_and_case(text: str, key: str) -> None:
    asks = read_colours(f"buttons in {text}").asks
    assert [a.hex for a in asks] == [CSS_NAMES[key]]
    assert asks[0].role == "primary"


def test_all_css_named_colours_are_read() -> None:
    assert len(CSS_NAMES) == 148  # 140 + rebeccapurple + the 7 "grey" spellings: every CSS named colour
    for key in CSS_NAMES:
        asks = read_colours(f"Define the background as {key} please").asks
        assert asks and asks[0].hex == CSS_NAMES[key] and asks[0].role == "background", key


def test_roles_and_everyday_words() -> None:
    req = read_colours("Define the background as ghost white and components as slate gray.")
    assert [(a.hex, a.role) for a in req.asks] == [("#f8f8ff", "background"), ("#708090", "primary")]
    assert read_colours("a blue-collar job site").asks == []
    assert read_colours("a tomato soup kitchen with orange juice").asks == []
    assert read_colours("a wine bar with chocolate cake").asks == []
    assert [a.hex for a in read_colours("#abc and #A1B2C3 and rgb(1 2 3)").asks] == ["#aabbcc", "#a1b2c3", "#010203"]
    assert read_colours("dark theme, pastel and earthy").moods == ["dark", "pastel", "earthy"]
    assert read_colours("dark goldenrod buttons").moods == []


def test_user_colours_are_kept_and_only_text_moves() -> None:
    plan = plan_offline("a gallery site, background as yellow and components as gold")
    assert plan.palette.background == "#ffff00" and plan.palette.primary == "#ffd700"
    assert contrast(plan.palette.text, plan.palette.background) >= 4.5
    assert contrast(plan.palette.primary_foreground, plan.palette.primary) >= 4.5
    dark = plan_offline("a club site with a black background and white text")
    assert dark.palette.background == "#000000" and dark.palette.text == "#ffffff" and dark.palette.dark


def test_moods_change_palettes() -> None:
    base = plan_offline("a pottery studio").palette
    assert plan_offline("a pottery studio, earthy").palette.primary != base.primary
    assert plan_offline("a pottery studio, dark theme").palette.dark


def test_reading_features_and_subjects() -> None:
    feats = read_features("The website should have functionalities for viewing match history, team rankings, and "
                          "betting odds. Users should be able to search games and track their bets.")
    assert [(f.verb, f.obj) for f in feats] == [("view", "match history"), ("view", "team rankings"),
                                                ("view", "betting odds"), ("search", "games"), ("track", "your bets")]
    assert read_subject("Please implement a sports analytics website for basketball betting data.")[0] == \
        "basketball betting analytics"
    assert read_subject("a baseball simulation website")[0] == "baseball simulation"
    assert read_subject("an online marketplace for handmade jewelry")[0] == "handmade jewelry"
    assert read_subject("a recipe platform for home cooks")[2] == "home cooks"


def test_describe_detection_reports_the_request() -> None:
    info = describe_detection(CASES[0]["prompt"])
    assert info["subject"] == "basketball betting analytics" and info["audience"] == "bettors"
    assert "view match history" in info["features"] and {"table", "search", "dashboard"} <= set(info["widgets"])
    assert info["colour_roles"] == {"ghostwhite": "background", "slategray": "primary"}
    assert info["lang"] == "en"


def test_different_prompts_give_different_sites() -> None:
    plans = [plan_offline(c["prompt"]) for c in CASES[:30]]
    assert len({p.name for p in plans}) >= 28
    assert len({p.palette.primary for p in plans}) >= 15
    assert len({tuple(s.kind for s in p.home.sections) for p in plans}) >= 12
    assert len({p.home.sections[0].heading for p in plans}) >= 28


def test_prompt_text_in_features_is_kept_verbatim_never_formatted() -> None:
    plan = plan_offline("Please implement a {place} website for {name} fans. Users should be able to search {things}, "
                        "book {year} tours and track <b>bets</b>.")
    features = [i.title for s in plan.home.sections if s.kind == "features" for i in s.items]
    assert "Search {things}" in features and any("{year}" in t for t in features)
    assert any("<b>bets</b>" in t for t in features)
    dump = plan.model_dump_json()
    assert "{{" not in dump and "{S}" not in dump


@pytest.mark.parametrize("prompt", [
    "users should be able to", "The website should have functionalities for , , and .", "features: ",
    "Please implement a website. Users should be able to " + ", ".join(f"search thing{i}" for i in range(60)),
    "a " + "very " * 500 + "long website for " + "x " * 500, "🍕 website for 🍕 where 🍕 can 🍕",
])
def test_odd_requests_still_plan(prompt: str) -> None:
    plan = plan_offline(prompt)
    SitePlan.model_validate(plan.model_dump())
    assert plan.home.sections[0].kind == "hero" and plan.name.strip()
    assert len(_widgets(plan)) <= 6 and text_problems(plan.palette) == []


def test_a_page_asked_for_by_name_gets_its_widget() -> None:
    plan = plan_offline("Please implement a sports analytics website for basketball betting data with a team rankings "
                        "page. Users should be able to view match history, team rankings and betting odds, and "
                        "search games.")
    page = next(p for p in plan.pages if p.slug == "team-rankings")
    assert page.title == "Team rankings" and page.sections[0].kind == "table"
    assert "table" not in [s.kind for s in plan.home.sections]
    assert [p.slug for p in plan_offline("a landing page for my app").pages] == [""]


def test_every_corpus_site_renders_and_needs_no_fixes(tmp_path) -> None:
    import shutil
    from pathlib import Path

    from sitegen.checks.rules import fix_project
    from sitegen.offline.render import render_site
    from sitegen.safepaths import safe_write

    template = Path(__file__).resolve().parents[1] / "src" / "sitegen" / "template"
    for i, case in enumerate(CASES + FOREIGN):
        project = tmp_path / f"p{i}"
        project.mkdir()
        shutil.copyfile(template / "package.json", project / "package.json")
        files = render_site(plan_offline(case["prompt"]))
        safe_write(project, files)
        assert fix_project(project) == [], case["prompt"]
        html_lang = plan_offline(case["prompt"]).lang
        assert html_lang == case.get("lang", "en")
