"""The working widgets, used as a person would, on one real `next build` in real Chromium.

One site (tests.fixtures_plans.widgets_plan: every widget kind on the home page, a booking form on
/book/) is rendered and built once for this module; each test opens it in headless Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from sitegen.errors import SitegenError
from sitegen.offline.render import render_site
from sitegen.verify.browser import CHROMIUM_ARGS, find_chromium, load_axe
from sitegen.verify.preview import serve
from tests.conftest import has_node, need
from tests.fixtures_plans import widgets_plan

pytestmark = [pytest.mark.e2e, pytest.mark.chromium]


def _chromium() -> str:
    try:
        return find_chromium()
    except SitegenError as exc:
        need(False, f"no Chromium: {exc}")
        raise


@pytest.fixture(scope="module")
def built(template_deps: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The widgets site, rendered and built for real; returns its out/ folder."""
    need(has_node(), "node is not installed")
    site = tmp_path_factory.mktemp("widgets") / "site"
    shutil.copytree(Path(str(resources.files("sitegen").joinpath("template"))), site)
    if subprocess.run(["cp", "-al", str(template_deps), str(site / "node_modules")],
                      capture_output=True).returncode != 0:
        shutil.copytree(template_deps, site / "node_modules", symlinks=True)
    for rel, text in render_site(widgets_plan()).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    env = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1"}
    result = subprocess.run(["npx", "next", "build"], cwd=site, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return site / "out"


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[str]:
    with serve(built) as running:
        yield running.url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.goto(server, wait_until="networkidle")
    tab.errors = errors
    yield tab
    context.close()
    assert not errors, errors  # no hydration mismatch, no exception, nothing failed to load


def test_search_filters_as_you_type_and_shows_an_empty_state(page: Any) -> None:
    section = page.locator("#search")
    cards = section.locator("ul[id] > li")
    assert cards.count() == 5
    box = section.get_by_role("searchbox")
    box.press_sequentially("hawks", delay=20)
    assert cards.count() == 1 and "Hawks vs Lynx" in cards.first.inner_text()
    box.fill("")
    assert cards.count() == 5
    section.get_by_role("button", name="Totals").click()
    assert section.get_by_role("button", name="Totals").get_attribute("aria-pressed") == "true"
    assert cards.count() == 2 and all("Totals" in t for t in cards.all_inner_texts())
    box.fill("wolves")
    assert cards.count() == 1
    box.fill("curling")
    assert cards.count() == 0
    assert "No matches" in section.inner_text()
    assert "0 of 5 shown" in section.locator("[aria-live]").inner_text()
    section.get_by_role("button", name="Show everything").click()
    assert cards.count() == 5 and box.input_value() == ""


def test_form_shows_errors_when_empty_then_success_when_valid(page: Any) -> None:
    form = page.locator("#form")
    submit = form.get_by_role("button", name="Register")
    submit.click()
    name, email = form.get_by_label("Full name"), form.get_by_label("Email")
    assert name.get_attribute("aria-invalid") == "true" and email.get_attribute("aria-invalid") == "true"
    assert "2 fields need your attention" in form.get_by_role("status").inner_text()
    assert "Please fill in full name." in form.inner_text()
    assert page.evaluate("document.activeElement.id") == name.get_attribute("id")  # focus moved to it
    error_id = name.get_attribute("aria-describedby")
    assert error_id and page.locator(f'[id="{error_id}"]').inner_text().startswith("Please fill in")
    name.fill("Jordan Lee")
    email.fill("not-an-email")
    submit.click()
    assert "email address like" in form.inner_text()
    assert name.get_attribute("aria-invalid") is None
    email.fill("jordan@example.com")
    form.get_by_label("Favourite team").select_option("Kings")
    submit.click()
    status = form.get_by_role("status")
    assert "You are registered!" in status.inner_text()
    assert "Jordan Lee" in status.inner_text() and "Kings" in status.inner_text()
    assert form.locator("form").count() == 0
    form.get_by_role("button", name="Send another").click()
    assert form.get_by_label("Full name").input_value() == ""


def field(form: Any, label: str) -> Any:
    """The control labelled ``label`` (a required field's label ends with a hidden "*")."""
    return form.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def test_booking_form_needs_a_date_and_a_time(page: Any, server: str) -> None:
    page.goto(server + "book/", wait_until="networkidle")
    form = page.locator("#form")
    form.get_by_role("button", name="Request booking").click()
    for label in ("Your name", "Email", "Date", "Time"):
        assert field(form, label).get_attribute("aria-invalid") == "true", label
    assert form.get_by_label("Number of people (optional)").get_attribute("aria-invalid") is None
    assert field(form, "Date").get_attribute("type") == "date"
    assert field(form, "Time").get_attribute("type") == "time"
    field(form, "Your name").fill("Sam Ortiz")
    field(form, "Email").fill("sam@example.com")
    field(form, "Date").fill("2001-01-01")
    field(form, "Time").fill("18:30")
    form.get_by_role("button", name="Request booking").click()
    assert "from today on" in form.inner_text()
    field(form, "Date").fill(page.evaluate("new Date(Date.now() + 864e5 * 3).toISOString()"
                                                              ".slice(0, 10)"))
    form.get_by_role("button", name="Request booking").click()
    assert "Booked! An analyst will confirm by email." in form.get_by_role("status").inner_text()
    assert "18:30" in form.get_by_role("status").inner_text()


def test_quiz_scores_the_answers_and_can_be_retried(page: Any) -> None:
    quiz = page.locator("#quiz")
    check = quiz.get_by_role("button", name="Check my answers")
    assert check.is_disabled()
    quiz.get_by_label("Win by 7 or more").check()  # right
    quiz.get_by_label("$20 profit").check()  # wrong: the answer is option A, "$10 profit"
    quiz.get_by_label("The total is above the line").check()  # right (answer given as "1")
    check.click()
    assert "You scored 2 of 3" in quiz.get_by_role("status").inner_text()
    assert "the answer is $10 profit" in quiz.inner_text()
    quiz.get_by_role("button", name="Try again").click()
    assert "0 of 3 answered" in quiz.get_by_role("status").inner_text()
    for option in ("Win by 7 or more", "$10 profit", "The total is above the line"):
        quiz.get_by_label(option).check()
    quiz.get_by_role("button", name="Check my answers").click()
    assert "You scored 3 of 3 — perfect!" in quiz.get_by_role("status").inner_text()


def test_table_sorts_by_a_clicked_header(page: Any) -> None:
    table = page.locator("#table table")

    def first_column() -> list[str]:
        return table.locator("tbody th").all_inner_texts()

    assert first_column() == ["Hawks", "Lynx", "Owls", "Kings"]
    wins = table.get_by_role("button", name="Wins")
    wins.click()
    assert first_column() == ["Owls", "Lynx", "Hawks", "Kings"]  # numeric, ascending
    assert table.locator("th[aria-sort='ascending']").inner_text().startswith("Wins")
    wins.click()
    assert first_column() == ["Kings", "Hawks", "Lynx", "Owls"]
    assert table.locator("th[aria-sort='descending']").count() == 1
    table.get_by_role("button", name="Team").click()
    assert first_column() == ["Hawks", "Kings", "Lynx", "Owls"]
    assert table.locator("th[aria-sort='none']").count() == 3


def test_charts_are_inline_svg_with_a_text_alternative(page: Any) -> None:
    bar = page.locator("#chart svg[role='img']:visible")  # one drawing for wide screens, one for phones
    assert bar.locator("rect").count() == 4
    assert "Hawks: 118.2" in bar.locator("desc").text_content()
    donut = page.locator("#chart-2 svg[role='img']:visible")
    assert donut.locator("circle").count() == 4  # the track and three slices
    assert "Spread: 46%" in donut.locator("desc").text_content()
    page.locator("#chart summary").click()
    assert page.locator("#chart table").is_visible()
    dash = page.locator("#dashboard")
    line = dash.locator("svg[role='img']:visible path.stroke-primary")
    first = line.get_attribute("d")
    dash.get_by_role("button", name=re.compile("^Profit")).click()
    assert dash.get_by_role("button", name=re.compile("^Profit")).get_attribute("aria-pressed") == "true"
    assert line.get_attribute("d") != first and "$1,240" in dash.locator("svg[role='img']:visible desc").text_content()


def test_calculator_result_updates_as_you_type(page: Any) -> None:
    calc = page.locator("#calculator")
    result = calc.locator("output")
    assert result.inner_text() == "$95.50"  # 100 stake x 1.91 / 2 friends
    calc.get_by_label(re.compile("^Friends sharing")).fill("4")
    assert result.inner_text() == "$47.75"
    calc.get_by_label(re.compile("^Stake")).fill("")
    assert result.inner_text() == "$0"


def test_favourites_survive_a_reload(page: Any) -> None:
    fav = page.locator("#favorites")
    count = fav.locator("[data-testid=saved-count]")
    assert count.inner_text() == "0"
    fav.get_by_role("button", name="Save Hawks vs Lynx").click()
    fav.get_by_role("button", name="Save Foxes vs Wolves").click()
    assert count.inner_text() == "2" and "$40" in fav.locator("aside").inner_text()
    stored = json.loads(page.evaluate("localStorage.getItem('sitegen:saved:favorites')"))
    assert stored == ["Hawks vs Lynx", "Foxes vs Wolves"]
    page.reload(wait_until="networkidle")
    fav = page.locator("#favorites")
    assert fav.locator("[data-testid=saved-count]").inner_text() == "2"
    assert fav.get_by_role("button", name="Save Hawks vs Lynx").get_attribute("aria-pressed") == "true"
    fav.get_by_role("button", name="Remove Hawks vs Lynx").click()
    assert fav.locator("[data-testid=saved-count]").inner_text() == "1"
    page.reload(wait_until="networkidle")
    assert page.locator("#favorites [data-testid=saved-count]").inner_text() == "1"


@pytest.mark.parametrize("route", ["", "book/"])
def test_no_serious_or_critical_accessibility_violations(page: Any, server: str, route: str) -> None:
    page.goto(server + route, wait_until="networkidle")
    page.add_script_tag(content=load_axe())
    result = page.evaluate("async () => (await axe.run(document)).violations.map(v => ({id: v.id, "
                           "impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert bad == [], bad


def test_publish_ready_files_are_in_the_export(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://courtside.example.com/</loc>" in sitemap
    assert "<loc>https://courtside.example.com/book/</loc>" in sitemap
    robots = (built / "robots.txt").read_text("utf-8")
    assert "Allow: /" in robots and "Sitemap: https://courtside.example.com/sitemap.xml" in robots
    icon = (built / "icon.svg").read_text("utf-8")
    assert icon.startswith("<svg") and ">C</text>" in icon and "#1d4ed8" in icon
    for route, title in (("index.html", "Courtside Edge — basketball betting analytics"),
                         ("book/index.html", "Book a strategy session · Courtside Edge")):
        html = (built / route).read_text("utf-8")
        assert f"<title>{title}</title>" in html
        assert '<html lang="en"' in html
        assert re.search(r'<link rel="icon" href="/icon\.svg[^"]*" [^>]*type="image/svg\+xml"', html)
        for tag in ("og:title", "og:description", "og:url", "og:site_name", "og:type"):
            assert f'property="{tag}"' in html, tag
        for tag in ("twitter:card", "twitter:title", "twitter:description", "description"):
            assert f'name="{tag}"' in html, tag
        url = "https://courtside.example.com/" + route.removesuffix("index.html")
        assert f'<link rel="canonical" href="{url}"/>' in html
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert found, route
        data = json.loads(found.group(1))
        types = {node["@type"] for node in data["@graph"]}
        assert types == {"WebSite", "Organization"} and data["@context"] == "https://schema.org"


def test_charts_switch_to_a_phone_drawing_with_readable_labels(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    shown = page.locator("#chart svg[role='img']:visible")
    assert shown.count() == 1 and shown.get_attribute("viewBox") == "0 0 360 260"
    assert shown.bounding_box()["width"] <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator("#chart svg[role='img']:visible").get_attribute("viewBox") == "0 0 480 260"
    assert page.locator("#dashboard svg[role='img']:visible").get_attribute("viewBox") == "0 0 800 260"
