"""One page of a built site in Chromium: load it, check it, shoot it (used by verify/browser.py).

``PageChecker.check(route)`` opens the route once at desktop size, collects console errors,
uncaught exceptions, failed requests, broken internal links and anchors, a blank page, SEO facts
and axe-core's accessibility violations, then takes a screenshot in every viewport.
"""

from __future__ import annotations

import base64
import os
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen import hostio
from sitegen.verify.preview import resolve_path
from sitegen.verify.report import SEVERITIES, A11yViolation, LinkFinding, PageReport, route_name
from sitegen.verify.seo import SEO_JS, SeoFindings

LogFn = Callable[[str], None]

MAX_SHOT_HEIGHT = 16_000  # px; Chromium cannot capture much taller pages in one image

SKIP_SCHEMES = ("mailto:", "tel:", "sms:", "javascript:", "data:", "blob:")

@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    full_page: bool
    mobile: bool = False


DESKTOP = Viewport("desktop", 1280, 800, full_page=True)
PHONE = Viewport("phone", 390, 844, full_page=False, mobile=True)
VIEWPORTS = (DESKTOP, PHONE)

_LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]')).map(a => ({
  href: a.getAttribute('href') || '',
  abs: a.href,
  text: ((a.innerText || a.getAttribute('aria-label') || '').trim()).slice(0, 60),
}))"""

_BLANK_JS = """() => {
  const b = document.body;
  if (!b) return true;
  const text = (b.innerText || '').trim().length;
  const media = b.querySelectorAll('img,svg,canvas,video,picture').length;
  return (text === 0 && media === 0) || b.scrollHeight < 8;
}"""

_SETTLE_JS = """async () => {
  try { if (document.fonts && document.fonts.ready) await document.fonts.ready; } catch (e) {}
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""

# axe-core comes with every page of the context (an init script, before the site's own scripts) and
# is kept under a name the site cannot take over: a site that sets or deletes its own `axe` changes
# nothing. A page without it (the init script did not run) gets axe injected the old way.
AXE_KEY = "__sitegen_axe"
AXE_KEEP = f";Object.defineProperty(window, {AXE_KEY!r}, {{ value: window.axe, writable: false }});"
_HAS_AXE_JS = f"() => typeof window[{AXE_KEY!r}] === 'object'"

_AXE_JS = """async () => {
  const axe = window.AXE_KEY || window.axe;
  const r = await axe.run(document, { resultTypes: ['violations'] });
  return { version: axe.version, violations: r.violations.map(v => ({
    id: v.id, impact: v.impact || 'minor', help: v.help, help_url: v.helpUrl, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => [].concat(n.target).join(' ')),
  })) };
}""".replace("AXE_KEY", AXE_KEY)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class PageChecker:
    """Opens one route, checks it, shoots it in every viewport and fills a PageReport."""

    def __init__(
        self, base_url: str, out_dir: Path, shots_dir: Path, context: Any, axe_js: str, timeout: float, log: LogFn
    ):
        self.base_url = base_url
        self.netloc = urllib.parse.urlsplit(base_url).netloc
        self.out_dir = out_dir
        self.shots_dir = shots_dir
        self.context = context
        self.axe_js = axe_js
        self.timeout_ms = timeout * 1000
        self.log = log
        self._html: dict[Path, str] = {}
        self._blank = list(context.pages)  # tabs opened ahead (verify/warm.py), used before new ones

    async def check(self, route: str) -> PageReport:
        started = time.monotonic()
        rep = PageReport(route=route, url=self.base_url + route.lstrip("/"))
        await self._visit(rep)
        rep.console_errors = list(dict.fromkeys(rep.console_errors))
        rep.page_errors = list(dict.fromkeys(rep.page_errors))
        rep.failed_requests = list(dict.fromkeys(rep.failed_requests))
        rep.seconds = time.monotonic() - started
        self.log(f"checked {route}: {'ok' if rep.ok else 'problems'} ({rep.seconds:.1f}s)")
        return rep

    async def _visit(self, rep: PageReport) -> None:
        """Load the page once at desktop size; check it; then resize to each other viewport and shoot.

        Resizing instead of reloading halves the work; CSS media queries and resize listeners see
        the phone width just as a fresh phone load would.
        """
        page = self._blank.pop() if self._blank else await self.context.new_page()
        page.set_default_timeout(self.timeout_ms)
        page.on("console", lambda msg: _on_console(rep, msg))
        page.on("pageerror", lambda err: rep.page_errors.append(_error_text(err)))
        page.on("requestfailed", lambda req: _on_failed(rep, req))
        page.on("response", lambda resp: _on_response(rep, resp))
        try:
            try:
                response = await page.goto(rep.url, wait_until="load", timeout=self.timeout_ms)
            except Exception as exc:  # noqa: BLE001 - a page that does not load is a finding
                rep.page_errors.append(f"the page did not load: {first_line(exc)}")
                return
            rep.status = response.status if response else 0
            await page.evaluate(_SETTLE_JS)
            await self._links(page, rep)
            rep.blank = bool(await page.evaluate(_BLANK_JS))
            await self._seo(page, rep)
            if self.axe_js:
                await self._axe(page, rep)
            for vp in VIEWPORTS:
                if vp is not DESKTOP:
                    await page.set_viewport_size({"width": vp.width, "height": vp.height})
                    await page.evaluate("() => window.scrollTo(0, 0)")
                    await page.evaluate(_SETTLE_JS)
                path = self.shots_dir / f"{route_name(rep.route)}-{vp.name}.png"
                await self._shoot(page, vp, path)
                rep.screenshots[vp.name] = str(path)
        finally:
            await page.close()

    async def _shoot(self, page: Any, vp: Viewport, path: Path) -> None:
        """A PNG of the viewport, or of the whole page (height capped) for full-page viewports.

        Full pages go through CDP with ``optimizeForSpeed`` (faster PNG encoding: a long page
        encodes in about half the time); Playwright's own screenshot is the fallback.
        """
        if vp.full_page and os.environ.get("SITEGEN_VERIFY_FAST_SHOTS", "1") != "0":
            try:
                cdp = await page.context.new_cdp_session(page)
                try:
                    metrics = await cdp.send("Page.getLayoutMetrics")
                    size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
                    height = int(min(max(size.get("height", vp.height), vp.height), MAX_SHOT_HEIGHT))
                    shot = await cdp.send(
                        "Page.captureScreenshot",
                        {
                            "format": "png",
                            "captureBeyondViewport": True,
                            "optimizeForSpeed": True,
                            "clip": {"x": 0, "y": 0, "width": vp.width, "height": height, "scale": 1},
                        },
                    )
                finally:
                    await cdp.detach()
                hostio.write_meta(path, base64.b64decode(shot["data"]))
                return
            except Exception:  # noqa: BLE001 - fall back to Playwright's screenshot
                pass
        data = await page.screenshot(full_page=vp.full_page, animations="disabled", caret="hide", type="png")
        hostio.write_meta(path, data)  # never through a link the build planted

    async def _links(self, page: Any, rep: PageReport) -> None:
        seen: set[str] = set()
        for link in await page.evaluate(_LINKS_JS):
            href = (link.get("href") or "").strip()
            if not href or href in seen or href.lower().startswith(SKIP_SCHEMES):
                continue
            seen.add(href)
            parts = urllib.parse.urlsplit(link.get("abs") or "")
            if parts.scheme not in ("http", "https") or parts.netloc != self.netloc:
                rep.external_links += 1
                continue
            rep.internal_links += 1
            finding = self._check_link(href, parts, link.get("text", ""), rep.route)
            if finding:
                rep.links.append(finding)

    def _check_link(self, href: str, parts: urllib.parse.SplitResult, text: str, route: str) -> LinkFinding | None:
        path = parts.path or "/"
        file, redirect = resolve_path(self.out_dir, path)
        if redirect:
            file, _ = resolve_path(self.out_dir, redirect)
        if file is None:
            return LinkFinding(href=href, target=urllib.parse.unquote(path), text=text, kind="broken")
        frag = urllib.parse.unquote(parts.fragment)
        if frag and file.suffix == ".html" and not self._has_id(file, frag):
            return LinkFinding(href=href, target=f"{urllib.parse.unquote(path)}#{frag}", text=text, kind="anchor")
        return None

    def _has_id(self, file: Path, frag: str) -> bool:
        if file not in self._html:
            self._html[file] = file.read_text(encoding="utf-8", errors="replace")
        html = self._html[file]
        return bool(re.search(r"""\b(?:id|name)=["']?""" + re.escape(frag) + r"""["'\s>]""", html))

    async def _seo(self, page: Any, rep: PageReport) -> None:
        try:
            found = await page.evaluate(SEO_JS)
        except Exception:  # noqa: BLE001 - SEO findings are advisory
            return
        rep.seo = SeoFindings.from_page(found)

    async def _axe(self, page: Any, rep: PageReport) -> None:
        try:
            if not await page.evaluate(_HAS_AXE_JS):
                await page.add_script_tag(content=self.axe_js)
            result = await page.evaluate(_AXE_JS)
        except Exception as exc:  # noqa: BLE001 - accessibility findings are advisory
            rep.a11y_error = first_line(exc)
            return
        counts = dict.fromkeys(SEVERITIES, 0)
        for v in result.get("violations", []):
            impact = v.get("impact") if v.get("impact") in counts else "minor"
            counts[impact] += 1
            rep.a11y_violations.append(
                A11yViolation(
                    id=v["id"],
                    impact=impact,
                    help=v.get("help", ""),
                    nodes=int(v.get("nodes", 0)),
                    targets=list(v.get("targets", [])),
                    help_url=v.get("help_url", ""),
                )
            )
        rep.a11y = counts


def _on_console(rep: PageReport, msg: Any) -> None:
    if msg.type != "error":
        return
    loc = msg.location or {}
    if urllib.parse.urlsplit(loc.get("url") or "").path == "/favicon.ico":
        return  # the browser asks for /favicon.ico on its own; a missing one is not a page error
    where = ""
    if loc.get("url"):
        where = f" ({urllib.parse.urlsplit(loc['url']).path}:{loc.get('lineNumber', 0) + 1})"
    rep.console_errors.append(f"{msg.text}{where}")


def _error_text(err: Any) -> str:
    name = getattr(err, "name", "") or "Error"
    message = getattr(err, "message", "") or str(err)
    return f"{name}: {message}"


def _on_failed(rep: PageReport, req: Any) -> None:
    failure = req.failure or "failed"
    if "ERR_ABORTED" in failure:  # navigations and prefetches cancelled when a page closes
        return
    rep.failed_requests.append(f"{req.method} {req.url}: {failure}")


def _on_response(rep: PageReport, resp: Any) -> None:
    if resp.status >= 400:
        rep.failed_requests.append(f"{resp.request.method} {resp.url}: HTTP {resp.status}")
