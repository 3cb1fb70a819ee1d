"""Widget sections as data: what render_data/render_widgets hand the client components, and which
component files a site ships. (The widgets used in a real browser: tests/test_widgets_e2e.py.)"""

from __future__ import annotations

import json
import re

import pytest

from sitegen.offline.render import COMPONENTS, render_site
from sitegen.offline.render_data import site_data
from sitegen.offline.render_widgets import DEFAULT_FIELDS, WIDGETS, number, settle_widget
from sitegen.plan import WIDGET_KINDS, Item, Page, Palette, Section, SitePlan
from tests.fixtures_plans import widgets_plan


def _item(title: str = "", text: str = "", meta: str = "", tags: list[str] | None = None,
          highlight: bool = False) -> dict:
    return {"title": title, "text": text, "icon": "", "meta": meta, "tags": tags or [], "highlight": highlight}


def _section(kind: str, items: list[dict], variant: str = "default", columns: list[str] | None = None,
             action: str = "") -> dict:
    return settle_widget({"kind": kind, "variant": variant, "items": items, "columns": columns or [],
                          "action": action, "success": "", "unit": "", "body": ""})


def _plan_with(*sections: Section) -> SitePlan:
    return SitePlan(name="Test Site", tagline="t", description="d",
                    palette=Palette(primary="#0f766e", accent="#f59e0b"),
                    pages=[Page(title="Home", nav_label="Home", sections=list(sections))])


def test_every_widget_kind_in_the_plan_has_a_component() -> None:
    assert set(WIDGETS) == set(WIDGET_KINDS)
    for kind in WIDGETS:
        assert kind in COMPONENTS


@pytest.mark.parametrize("text, expected", [("$1,250", 1250.0), ("62%", 62.0), ("-3.5", -3.5), ("4.9 ★", 4.9),
                                            ("1 200 km", 1200.0), ("none", None), ("", None)])
def test_numbers_are_read_from_labels(text: str, expected: float | None) -> None:
    assert number(text) == expected


@pytest.mark.parametrize("variant, expected", [("booking", "booking"), ("reservation", "booking"),
                                               ("Sign-Up", "registration"), ("apply", "application"),
                                               ("lead", "lead"), ("whatever", "contact"), ("", "contact")])
def test_form_variant_defaults_fill_a_thin_form(variant: str, expected: str) -> None:
    data = _section("form", [_item("Only one")], variant)
    assert data["variant"] == expected
    assert [f["title"] for f in data["items"]] == [spec[0] for spec in DEFAULT_FIELDS[expected]]
    assert data["action"] and data["success"]
    if expected == "booking":
        assert {"date", "time"} <= {f["meta"] for f in data["items"]}


def test_form_fields_get_known_types_and_a_required_one() -> None:
    data = _section("form", [_item("Phone", meta="Phone"), _item("Your e-mail", meta="weird"),
                             _item("Team", meta="select", tags=["Only one"]), _item("Notes", meta="message")],
                    "registration", action="Join now")
    assert [f["meta"] for f in data["items"]] == ["tel", "email", "text", "textarea"]
    assert data["items"][0]["highlight"] is True  # nothing was required: the first field is
    assert data["action"] == "Join now"


def test_quiz_keeps_only_answerable_questions_and_resolves_letters_and_numbers() -> None:
    data = _section("quiz", [
        _item("Q1", meta="Paris", tags=["Lyon", "paris", "Nice"]),
        _item("Q2", meta="b", tags=["One", "Two"]),
        _item("Q3", meta="3", tags=["A", "B", "C"]),
        _item("Q4", meta="Rome", tags=["Oslo", "Bern"]),  # the answer is not an option: dropped
        _item("Q5", meta="Yes", tags=["Yes"]),  # one option is not a question: dropped
    ])
    assert [(q["title"], q["meta"]) for q in data["items"]] == [("Q1", "paris"), ("Q2", "Two"), ("Q3", "C")]
    assert data["action"] == "Check my answers"


@pytest.mark.parametrize("variant, expected, labels", [
    ("loan", "loan", ["Loan amount", "Interest rate", "Term"]),
    ("mortgage", "loan", ["Loan amount", "Interest rate", "Term"]),
    ("tip", "split", ["Bill total", "Tip", "People"]),
    ("nonsense", "sum", ["First amount", "Second amount"]),
])
def test_calculator_defaults_by_variant(variant: str, expected: str, labels: list[str]) -> None:
    data = _section("calculator", [], variant)
    assert data["variant"] == expected and [i["title"] for i in data["items"]] == labels
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", i["meta"]) for i in data["items"])


def test_calculator_reads_defaults_and_a_currency() -> None:
    data = _section("calculator", [_item("Price", "€", "€1,200"), _item("Quantity", "", "three")], "product")
    assert [i["meta"] for i in data["items"]] == ["1200", "0"]
    assert data["unit"] == "€" and data["action"] == "Total"


def test_table_gets_a_header_per_cell_and_rows_padded() -> None:
    data = _section("table", [_item("Hawks", tags=["41", "12"]), _item("Owls", tags=["22"])], columns=["Team"])
    assert data["columns"] == ["Team", "Column 2", "Column 3"]
    assert [r["tags"] for r in data["items"]] == [["41", "12"], ["22", ""]]
    assert _section("table", [_item("A", tags=["1"])])["columns"] == ["Name", "Column 2"]


def test_chart_keeps_numeric_points_and_a_known_variant() -> None:
    data = _section("chart", [_item("Jan", meta="$1,200"), _item("Feb", meta="n/a"), _item("Mar", meta="900")], "pie")
    assert data["variant"] == "donut" and [p["title"] for p in data["items"]] == ["Jan", "Mar"]
    assert _section("chart", [], "area")["variant"] == "line"
    assert _section("chart", [], "")["variant"] == "bar"


def test_dashboard_gets_a_deterministic_trend_ending_near_the_figure() -> None:
    items = [_item("Win rate", meta="62%"), _item("Profit", meta="$1,240", tags=["400", "900", "1240"]),
             _item("Mood", meta="great")]
    data = _section("dashboard", items)
    assert [i["title"] for i in data["items"]] == ["Win rate", "Profit"]  # no number, no card
    trend = data["items"][0]["tags"]
    assert len(trend) == 8 and float(trend[-1]) == pytest.approx(62, abs=0.5)
    assert data["items"][1]["tags"] == ["400", "900", "1240"]
    assert data["columns"] == [f"Week {k}" for k in range(1, 9)]
    again = _section("dashboard", [_item("Win rate", meta="62%")])
    assert again["items"][0]["tags"] == trend


def test_widget_sections_carry_no_links_and_their_label() -> None:
    plan = _plan_with(Section(kind="hero", heading="Hi"),
                      Section(kind="search", heading="Find", cta_label="Search recipes", cta_href="/nowhere",
                              items=[Item(title="Soup", tags=["Vegan"])]))
    section = site_data(plan)["pages"][0]["sections"][1]
    assert section["cta"] is None and section["action"] == "Search recipes"


def test_widget_components_ship_with_their_helpers_and_get_only_their_section() -> None:
    files = render_site(widgets_plan())
    for name in ("Search", "Form", "Quiz", "Calculator", "Table", "Chart", "Dashboard", "Favorites", "widgetkit"):
        assert f"components/{name}.tsx" in files
    for name in ("Search", "Form", "Quiz", "Calculator", "Table", "Dashboard", "Favorites"):
        assert files[f"components/{name}.tsx"].startswith('"use client";'), name
    page = files["app/page.tsx"]
    assert re.search(r"<Search section=\{page\.sections\[1\]\} />", page)
    assert "<Hero section={page.sections[0]} site={site} />" in page
    only_dash = render_site(_plan_with(Section(kind="hero", heading="Hi"),
                                       Section(kind="dashboard", heading="Stats", items=[Item(title="A", meta="3")])))
    assert "components/Chart.tsx" in only_dash and "components/widgetkit.tsx" in only_dash
    plain = render_site(_plan_with(Section(kind="hero", heading="Hi")))
    assert "components/widgetkit.tsx" not in plain


def test_widget_text_stays_in_the_data_file() -> None:
    hostile = "</script><script>alert(1)</script> {x} `${y}`"
    quiz = Section(kind="quiz", heading=hostile, items=[Item(title=hostile, tags=[hostile, "b"], meta="b")])
    form = Section(kind="form", heading="F", items=[Item(title=hostile, meta="select", tags=[hostile, "x"])])
    plan = _plan_with(Section(kind="hero", heading="Hi"), quiz, form)
    files = render_site(plan)
    for path, text in files.items():
        if path != "lib/content.ts":
            assert "alert(1)" not in text, path
    assert json.dumps(hostile) in files["lib/content.ts"]


def test_single_page_nav_names_the_form_by_what_it_does() -> None:
    plan = _plan_with(Section(kind="hero", heading="Hi"), Section(kind="form", variant="booking", heading="Book"),
                      Section(kind="search", heading="Find"))
    nav = site_data(plan)["nav"]
    assert [n["label"] for n in nav] == ["Book", "Search"]


def test_a_forms_body_is_its_thank_you_not_an_intro() -> None:
    data = settle_widget({"kind": "form", "variant": "lead", "items": [], "columns": [], "action": "",
                          "success": "", "unit": "", "body": "Thanks! Expect a quote within 24 hours."})
    assert data["success"] == "Thanks! Expect a quote within 24 hours." and data["body"] == ""
    assert _section("form", [], "lead")["success"] == "Thanks, we will be in touch!"

