"""The web page in real Chromium (Playwright) against a real `sitegen serve` (offline provider, a real
`next build` with --sandbox local, real browser checks): sign in, make a site and watch every stage
appear live, see its screenshots and the built site, download the zip, edit, undo, and be refused
another user's project. axe runs on every page at desktop and phone widths: no serious or critical
findings. With SITEGEN_WEB_SHOTS=DIR the pages' screenshots are saved there (docs/web/ is made so).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from server_helpers import live_server

from tests.conftest import has_node, need

pytestmark = [pytest.mark.e2e, pytest.mark.chromium]

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parents[1] / "src" / "sitegen" / "verify" / "assets" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SHOTS = os.environ.get("SITEGEN_WEB_SHOTS", "")
STAGES = ["PLANNING", "GENERATING", "CHECKING", "BUILDING", "VERIFYING"]
JOB_TIMEOUT = 600_000  # ms: a real build on a busy 2-core machine

# records every change of a stage row's state (from each mutation record, so a state shown for a moment
# is kept too) and every text its timer showed while running
WATCH_STAGES = """
window.__stages = [];
window.__ticks = {};
new MutationObserver((records) => {
  for (const r of records) {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const li = el && el.closest('.stages li');
    if (!li) continue;
    if (r.type === 'attributes' && r.attributeName === 'class' && r.target === li) {
      window.__stages.push({stage: li.dataset.stage, from: r.oldValue, to: li.className});
    } else if (li.className === 'running') {
      const ticks = window.__ticks[li.dataset.stage] ||= [];
      const text = li.querySelector('.time').textContent;
      if (!ticks.includes(text)) ticks.push(text);
    }
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                      attributeOldValue: true});
"""
AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
}"""


def check_page(page, name: str) -> None:
    """axe (serious/critical: none) and no sideways scrolling at both widths; screenshots when asked."""
    for label, size in WIDTHS.items():
        page.set_viewport_size(size)
        page.wait_for_timeout(150)
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        assert page.evaluate(AXE_RUN) == [], f"axe on {name} at {label}"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {label} ({overflow} px)"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{label}.png"))
    page.set_viewport_size(WIDTHS["desktop"])


def sign_in(page, url: str, token: str) -> None:
    page.goto(f"{url}/app/")
    page.get_by_role("textbox", name="API token").fill(token)
    page.get_by_role("button", name="Sign in with a token").click()
    page.get_by_role("heading", name="Your sites").wait_for()


def wait_job_done(page) -> None:
    page.locator("ol.stages").wait_for()  # the job page, not the page before it
    page.locator("main .badge", has_text=re.compile(r"^(done|failed|interrupted)$")).wait_for(timeout=JOB_TIMEOUT)
    badge = page.locator("main .badge").first.text_content()
    assert badge == "done", page.locator("main").inner_text()


def launch(pw):
    from sitegen.verify.browser import CHROMIUM_ARGS, chromium_sandbox

    return pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                              chromium_sandbox=chromium_sandbox())


def test_the_web_page_makes_shows_edits_and_undoes_a_site(warm_home: Path, tmp_path: Path) -> None:
    need(has_node(), "node is not installed")
    need(Path(CHROMIUM).exists() or bool(shutil.which("chromium")), "chromium is not installed")
    from playwright.sync_api import sync_playwright

    with live_server(workers=1, settings_flags={"sandbox": "local"}) as live, sync_playwright() as pw:
        alice, bob = live.add_user("alice"), live.add_user("bob")
        browser = launch(pw)
        try:
            context = browser.new_context(viewport=WIDTHS["desktop"], bypass_csp=True, accept_downloads=True)
            context.add_init_script(WATCH_STAGES)
            page = context.new_page()
            page.goto(f"{live.url}/app/")
            page.get_by_role("heading", name="Sign in").wait_for()
            check_page(page, "signin")

            # a wrong token is refused with a message; the right one signs in, never in a URL
            page.get_by_role("textbox", name="API token").fill("sgt_not-a-real-token")
            page.get_by_role("button", name="Sign in with a token").click()
            page.get_by_role("alert").filter(has_text="not accepted").wait_for()
            sign_in(page, live.url, alice)
            assert page.evaluate("sessionStorage.getItem('sitegen.token')") == alice
            page.get_by_text("No sites yet").wait_for()

            # a new site with the CLI's options, then every stage appears live
            page.get_by_role("link", name="New site").first.click()
            page.get_by_label("Describe the site").fill("a bakery in Lyon called Mie with a menu and opening hours")
            page.get_by_label("Public address (optional)").fill("https://mie.example/")
            page.get_by_label("Provider").select_option("offline")
            page.get_by_label("Build sandbox").select_option("local")
            page.get_by_label("Check in a browser").select_option("yes")
            check_page(page, "new")
            page.get_by_role("button", name="Make the site").click()
            page.wait_for_url(re.compile(r"#/jobs/j\w+$"))
            job_id = page.url.rsplit("/", 1)[1]
            page.locator('.stages li[data-stage="BUILDING"].running').wait_for(timeout=JOB_TIMEOUT)
            page.wait_for_timeout(1200)
            wait_job_done(page)
            assert live.store.get_job(job_id)["options"]["url"] == "https://mie.example"
            seen = page.evaluate("window.__stages")
            for stage in STAGES:
                changes = [c for c in seen if c["stage"] == stage]
                states = [c["from"] for c in changes] + [changes[-1]["to"]] if changes else []
                states = [x for i, x in enumerate(states) if i == 0 or x != states[i - 1]]
                assert states[:3] == ["waiting", "running", "done"], (stage, states)
            order = [c["stage"] for c in seen if c["from"] == "waiting"]
            assert order == STAGES, order  # each appeared as it started, in pipeline order
            assert len(page.evaluate("window.__ticks")["BUILDING"]) >= 3  # its duration ticked while it ran
            assert re.search(r"\d+(\.\d)? s|min", page.locator('[data-stage="BUILDING"] .time').text_content())
            assert "Job done" in page.locator("#announce").text_content()  # aria-live region
            facts = page.locator("dl.facts").inner_text()
            assert "Tokens" in facts and "Cost" in facts and "$0.0000" in facts
            assert page.locator("pre.log").text_content().strip()
            assert alice not in page.url
            check_page(page, "job")

            # the project: screenshots, counts, history; the built site; the zip
            page.get_by_role("link", name="See the site").click()
            pid = page.url.rsplit("/", 1)[1]
            for alt in ("on a desktop screen", "on a phone"):
                img = page.get_by_role("img", name=re.compile(alt))
                img.wait_for()
                assert img.evaluate("i => i.decode().then(() => i.naturalWidth)") > 100, alt
            assert "Accessibility: critical" in page.locator("table.counts").inner_text()
            page.get_by_text("Generate: a bakery in Lyon").wait_for()
            check_page(page, "project")
            with context.expect_page() as opened:
                page.get_by_role("link", name="Open the built site").click()
            site = opened.value
            site.wait_for_load_state("load")
            assert site.url == f"{live.url}/sites/{pid}/"
            assert "Mie" in site.locator("body").inner_text()
            assert site.evaluate("getComputedStyle(document.body).fontFamily") != ""
            assert site.evaluate("document.styleSheets.length") >= 1  # its CSS came from /sites/{pid}/_next/
            assert site.evaluate("sessionStorage.getItem('sitegen.token')") is None  # noopener: no token copied
            site.close()
            with page.expect_download() as dl:
                page.get_by_role("button", name="Download the source (zip)").click()
            archive = zipfile.ZipFile(io.BytesIO(Path(dl.value.path()).read_bytes()))
            names = archive.namelist()
            assert any(n.endswith("/app/page.tsx") for n in names)
            assert not [n for n in names if "/node_modules/" in n or "/out/" in n or "/.next/" in n]

            # edit, then undo: the built site follows
            page.get_by_label("What should change?").fill("headline: Warm bread until midnight")
            page.get_by_label("New public address").fill("https://bakery-mie.example/")
            page.get_by_label("Provider").select_option("offline")
            page.get_by_role("button", name="Edit the site").click()
            page.wait_for_url(re.compile(r"#/jobs/j\w+$"))
            wait_job_done(page)
            edited = context.request.get(f"{live.url}/sites/{pid}/").text()
            assert "Warm bread until midnight" in edited
            assert 'rel="canonical" href="https://bakery-mie.example/"' in edited
            page.goto(f"{live.url}/app/#/projects/{pid}")
            page.get_by_text("Edit: headline: Warm bread until midnight").wait_for()
            page.get_by_role("button", name="Undo the latest change").click()
            page.wait_for_url(re.compile(r"#/jobs/j\w+$"))
            wait_job_done(page)
            assert "Warm bread until midnight" not in context.request.get(f"{live.url}/sites/{pid}/").text()
            page.goto(f"{live.url}/app/#/projects/{pid}")
            page.get_by_text("Undo: Edit: headline").wait_for()
            page.goto(f"{live.url}/app/#/")
            card = page.locator(".card", has_text="Mie")
            try:
                card.get_by_role("img").wait_for(timeout=15000)
            except Exception:
                raise AssertionError(page.locator("main").inner_html()) from None
            check_page(page, "projects")

            # another user: the project, its job and its built site are not found
            other = browser.new_context(viewport=WIDTHS["desktop"], bypass_csp=True)
            page2 = other.new_page()
            sign_in(page2, live.url, bob)
            page2.get_by_text("No sites yet").wait_for()
            for where in (f"#/projects/{pid}", f"#/jobs/{job_id}"):
                page2.goto(f"{live.url}/app/{where}")
                page2.get_by_role("heading", name="Not found").wait_for()
                assert "Mie" not in page2.locator("main").inner_text()
            check_page(page2, "notfound")
            assert other.request.get(f"{live.url}/sites/{pid}/").status == 404
            assert browser.new_context().request.get(f"{live.url}/sites/{pid}/").status == 401

            # signing out forgets the token
            page.get_by_role("button", name="Sign out").click()
            page.get_by_role("heading", name="Sign in").wait_for()
            assert page.evaluate("sessionStorage.getItem('sitegen.token')") is None
        finally:
            browser.close()
