"""Issue 13, VERIFYING: pages checked concurrently in one browser, and Chromium started while the site
builds (verify/warm.py, stages/verifying.building_then_verify). Real headless Chromium."""

from __future__ import annotations

import importlib
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitegen.errors import ErrorKind, SitegenError
from sitegen.stages import handlers
from sitegen.verify.browser import averify_site, find_chromium, verify_site
from sitegen.verify.warm import CLOSING_THREAD, WarmBrowser
from tests.conftest import need

# the module itself (the package re-exports a function of the same name)
verifying = importlib.import_module("sitegen.stages.verifying")

pytestmark = pytest.mark.chromium

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>{title}</h1><p>Fresh bread at {title}.</p>{links}</main></body></html>"""


def export(root: Path, pages: list[str]) -> Path:
    """A static export with a home page linking to every other page, each linking home."""
    out = root / "out"
    links = " ".join(f'<a href="/{p}/">{p}</a>' for p in pages)
    out.mkdir(parents=True)
    (out / "index.html").write_text(PAGE.format(title="Home", links=links))
    for name in pages:
        (out / name).mkdir()
        (out / name / "index.html").write_text(PAGE.format(title=name.title(), links='<a href="/">Home</a>'))
    return out


def chromium() -> None:
    try:
        find_chromium()
    except SitegenError as exc:
        need(False, f"no Chromium: {exc}")


def threads_named(prefix: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(prefix) and t.is_alive()]


@pytest.mark.parametrize("pages", [["menu"], ["menu", "about", "contact", "hours", "team"]])
def test_a_warm_browser_checks_every_page_and_is_closed_after(tmp_path: Path, pages: list[str]) -> None:
    chromium()
    out = export(tmp_path, pages)
    warm = WarmBrowser()
    assert warm.ready() is not None
    report = verify_site(out, None, tmp_path / "shots", warm=warm)
    assert report.ok, report.summary()
    assert sorted(p.route for p in report.pages) == sorted(["/", *[f"/{p}/" for p in pages]])
    assert all(p.screenshots.get("desktop") and Path(p.screenshots["desktop"]).is_file() for p in report.pages)
    assert report.browser.startswith("chromium ")
    for closing in threads_named(CLOSING_THREAD):  # closed in the background after the check
        closing.join(30)
    assert not warm.thread.is_alive() and not threads_named("sitegen-warm-browser")
    assert not warm.ready().is_connected()  # Chromium is gone too


def test_the_tab_opened_while_the_site_builds_is_the_one_the_check_uses(tmp_path: Path) -> None:
    chromium()
    out = export(tmp_path, [])
    warm = WarmBrowser()
    try:
        browser = warm.ready()
        context = warm.take_context()
        assert browser is not None and context is not None and warm.take_context() is None  # given once
        [blank] = context.pages
        assert blank.url == "about:blank"
        report = warm.run(lambda: averify_site(out, ["/"], tmp_path / "shots", browser=browser, context=context))
        assert report.ok, report.summary()
        assert blank.url.startswith("http://127.0.0.1:")  # it went to the site: no new tab was opened
        assert blank.is_closed() and Path(report.pages[0].screenshots["phone"]).is_file()
    finally:
        warm.close()


@pytest.mark.parametrize(
    "site_js", ["", "window.axe = undefined;", "window.axe = { run: () => ({ violations: [] }) };"]
)
def test_axe_arrives_with_the_page_and_a_page_that_removes_it_is_still_checked(tmp_path: Path, site_js: str) -> None:
    """axe-core comes in through the context's init script, before the site's own scripts, under a
    name the site cannot take: a site that deletes or replaces its `axe` is checked all the same."""
    chromium()
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text(
        PAGE.format(title="Home", links='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
        .replace("</body>", f"<script>{site_js}</script></body>")
    )
    report = verify_site(out, ["/"], tmp_path / "shots")
    [page] = report.pages
    assert page.a11y_error == ""
    found = {v.id for v in page.a11y_violations}
    assert "image-alt" in found, found


def test_a_browser_that_never_came_up_falls_back_to_the_usual_launch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium()
    out = export(tmp_path, ["menu", "about"])
    monkeypatch.setenv("SITEGEN_CHROMIUM", str(tmp_path / "no-such-chromium"))
    warm = WarmBrowser()
    assert warm.ready() is None
    monkeypatch.delenv("SITEGEN_CHROMIUM")
    report = verify_site(out, None, tmp_path / "shots", warm=warm)
    assert report.ok and len(report.pages) == 3
    assert not warm.thread.is_alive()


def test_the_same_problems_are_found_with_a_warm_browser(tmp_path: Path) -> None:
    chromium()
    out = export(tmp_path, ["menu", "about", "hours"])
    (out / "about" / "index.html").write_text(PAGE.format(title="About", links='<a href="/farm/">Our farm</a>'))
    cold = verify_site(out, None, tmp_path / "cold")
    warm = verify_site(out, None, tmp_path / "warm", warm=WarmBrowser())
    assert not cold.ok and not warm.ok
    assert [str(i) for i in cold.as_fix_errors(tmp_path)] == [str(i) for i in warm.as_fix_errors(tmp_path)]


def ctx_for(tmp_path: Path, verify: object) -> SimpleNamespace:
    return SimpleNamespace(options={"verify": verify, "sandbox": "local"}, state={},
                           settings=SimpleNamespace(build_timeout=60))


def test_building_starts_the_browser_and_a_failed_build_closes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium()
    made: list[WarmBrowser] = []

    class Recording(WarmBrowser):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(verifying, "WarmBrowser", Recording)
    monkeypatch.setattr(verifying, "building", lambda ctx: {"built": True})
    ok = ctx_for(tmp_path, "auto")
    assert verifying.building_then_verify(ok) == {"built": True}
    assert ok.state["warm_browser"] is made[0] and made[0].ready() is not None
    made[0].close()

    def broken(ctx: object) -> dict:
        raise SitegenError("next build failed", ErrorKind.BUILD)

    monkeypatch.setattr(verifying, "building", broken)
    failed = ctx_for(tmp_path, True)
    with pytest.raises(SitegenError):
        verifying.building_then_verify(failed)
    assert "warm_browser" not in failed.state and not made[1].thread.is_alive()
    off = ctx_for(tmp_path, False)
    monkeypatch.setattr(verifying, "building", lambda ctx: {})
    verifying.building_then_verify(off)
    assert off.state["warm_browser"] is None and len(made) == 2


def test_the_pipeline_builds_through_the_browser_starting_handler() -> None:
    assert handlers("new")["BUILDING"] is verifying.building_then_verify
    assert handlers("edit")["BUILDING"] is verifying.building_then_verify
