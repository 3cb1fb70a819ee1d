"""VERIFYING: open every page of a built export in headless Chromium and report what a person would see.

``verify_site`` serves ``out/`` on 127.0.0.1 (see preview.py), drives the system Chromium through
Playwright for Python, and collects per page: console errors, uncaught exceptions, failed requests,
broken internal links, blank pages, accessibility violations (axe-core, shipped with sitegen, so it
works offline) and a desktop (1280×800, full page) and a phone (390×844) screenshot.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
import time
import urllib.parse
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from sitegen import hostio
from sitegen.errors import ErrorKind, SitegenError
from sitegen.verify.page import AXE_KEEP, DESKTOP, VIEWPORTS, PageChecker, Viewport, first_line
from sitegen.verify.preview import serve
from sitegen.verify.report import (
    FixItem,
    PageReport,
    VerifyReport,
)

__all__ = [
    "AXE_VERSION",
    "FixItem",
    "PageReport",
    "VerifyReport",
    "averify_site",
    "find_chromium",
    "routes_from_out",
    "verify_site",
]

AXE_VERSION = "4.14.1"  # the axe-core release shipped in verify/assets/axe.min.js

CHROMIUM_ARGS = [  # no --no-sandbox: Chromium keeps its sandbox unless we run as root (chromium_sandbox())
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    # the site must work offline: every host but loopback fails at once instead of timing out
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

CHROMIUM_HINT = (
    "Install Chromium (Debian/Ubuntu: `apt-get install -y chromium`) or point SITEGEN_CHROMIUM at a "
    "Chrome/Chromium binary; or set SITEGEN_VERIFY=0 to skip the browser checks."
)

LogFn = Callable[[str], None]


def find_chromium() -> str:
    """The Chromium binary to drive: $SITEGEN_CHROMIUM, else the first one on PATH."""
    env = os.environ.get("SITEGEN_CHROMIUM", "").strip()
    if env:
        path = shutil.which(env) or (env if Path(env).is_file() else None)
        if not path:
            raise SitegenError(f"SITEGEN_CHROMIUM={env} is not an executable", ErrorKind.VERIFY, CHROMIUM_HINT)
        return path
    for name in CHROMIUM_CANDIDATES:
        if path := shutil.which(name):
            return path
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    raise SitegenError(
        "Chromium is not installed, so the built pages cannot be checked", ErrorKind.VERIFY, CHROMIUM_HINT
    )


def load_axe() -> str:
    """The shipped axe-core script (package data)."""
    return resources.files("sitegen.verify").joinpath("assets/axe.min.js").read_text(encoding="utf-8")


def routes_from_out(out_dir: Path) -> list[str]:
    """Every page route in an export: each folder holding an index.html ('/', '/menu/', …)."""
    out_dir = Path(out_dir)
    routes: list[str] = []
    for index in sorted(out_dir.rglob("index.html")):
        rel = index.parent.relative_to(out_dir).parts
        if rel and (rel[0].startswith("_") or rel[0] == "404"):
            continue
        routes.append("/" + "".join(f"{p}/" for p in rel))
    return sorted(routes, key=lambda r: (r != "/", r))


def verify_site(
    out_dir: Path,
    routes: list[str] | None,
    shots_dir: Path,
    on_log: LogFn | None = None,
    *,
    a11y: bool = True,
    timeout: float = 30.0,
    concurrency: int = 3,
    warm: Any = None,
) -> VerifyReport:
    """Check every route of ``out_dir`` in headless Chromium; safe to call from inside an event loop.

    ``warm`` (verify/warm.py) is a Chromium started earlier, e.g. while the site was built: it is
    used when it came up, and closed either way (in the background once the pages are checked)."""
    coro_args = (out_dir, routes, shots_dir, on_log)
    kwargs = {"a11y": a11y, "timeout": timeout, "concurrency": concurrency}
    if warm is not None:
        try:
            if (browser := warm.ready()) is not None:
                context = warm.take_context()
                return warm.run(lambda: averify_site(*coro_args, **kwargs, browser=browser, context=context))
        finally:
            warm.close(wait=False)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(averify_site(*coro_args, **kwargs))
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="sitegen-verify") as pool:
        return pool.submit(lambda: asyncio.run(averify_site(*coro_args, **kwargs))).result()


async def averify_site(
    out_dir: Path,
    routes: list[str] | None,
    shots_dir: Path,
    on_log: LogFn | None = None,
    *,
    a11y: bool = True,
    timeout: float = 30.0,
    concurrency: int = 3,
    browser: Any = None,
    context: Any = None,
) -> VerifyReport:
    """The async form of ``verify_site``; pages are checked ``concurrency`` at a time in one browser
    (``browser``, already running in this event loop, or one launched here and closed after), in
    ``context`` when one was opened ahead (``new_context(browser, DESKTOP)``; closed after)."""
    log = on_log or (lambda _msg: None)
    started = time.monotonic()
    out_dir = Path(out_dir).resolve()
    shots_dir = Path(shots_dir)
    routes = list(dict.fromkeys(routes or routes_from_out(out_dir))) or ["/"]
    executable = find_chromium()
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise SitegenError(
            "the playwright package is not installed",
            ErrorKind.VERIFY,
            "pip install playwright (no browser download needed), or set SITEGEN_VERIFY=0.",
        ) from exc
    axe_js = load_axe() if a11y else ""
    _clear_old_shots(shots_dir)
    _make_shots_dir(shots_dir)  # no link on the way is followed
    report = VerifyReport(axe_version=AXE_VERSION if a11y else "", project_dir=str(out_dir.parent))
    with serve(out_dir) as server:
        log(f"serving {out_dir} at {server.url}")
        if browser is not None:
            report.browser = f"chromium {browser.version}"
            report.pages = await _check_pages(browser, server.url, out_dir, shots_dir, axe_js, timeout, log,
                                              routes, concurrency, context)
        else:
            async with async_playwright() as pw:
                browser = await launch_chromium(pw, executable, timeout)
                report.browser = f"chromium {browser.version}"
                try:
                    report.pages = await _check_pages(browser, server.url, out_dir, shots_dir, axe_js, timeout,
                                                      log, routes, concurrency)
                finally:
                    await browser.close()
    report.seconds = time.monotonic() - started
    log(report.summary())
    return report


async def launch_chromium(pw: Any, executable: str, timeout: float) -> Any:
    """Start headless Chromium through Playwright, or raise a VERIFY error that says why not."""
    try:
        return await pw.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS, timeout=timeout * 1000,
            chromium_sandbox=chromium_sandbox(),
        )
    except Exception as exc:  # noqa: BLE001 - any launch failure is the same user problem
        raise SitegenError(
            f"Chromium ({executable}) did not start: {first_line(exc)}", ErrorKind.VERIFY, CHROMIUM_HINT
        ) from exc


async def _check_pages(browser: Any, base_url: str, out_dir: Path, shots_dir: Path, axe_js: str, timeout: float,
                       log: LogFn, routes: list[str], concurrency: int, context: Any = None) -> list[PageReport]:
    """Every route in one browser context, at most ``concurrency`` pages open at once."""
    context = context or await new_context(browser, DESKTOP)
    await only_origin(context, base_url)
    if axe_js:  # parsed while each page loads, instead of injected after (about 0.2 s a page)
        await context.add_init_script(script=axe_js + AXE_KEEP)
    checker = PageChecker(base_url, out_dir, shots_dir, context, axe_js, timeout, log)
    sem = asyncio.Semaphore(max(1, concurrency))

    async def one(route: str) -> PageReport:
        async with sem:
            return await checker.check(route)

    try:
        return list(await asyncio.gather(*(one(r) for r in routes)))
    finally:
        await context.close()


def chromium_sandbox() -> bool:
    """Chromium's own sandbox stays on unless we run as root (where Chromium refuses to start with it)."""
    return not (hasattr(os, "geteuid") and os.geteuid() == 0)


async def only_origin(context: Any, base_url: str) -> None:
    """Page requests may reach the preview server's own origin and nothing else (not even another
    port on 127.0.0.1): everything else is aborted before it leaves the browser."""
    origin = urllib.parse.urlsplit(base_url)
    allowed = (origin.scheme, origin.netloc)

    async def gate(route: Any) -> None:
        url = urllib.parse.urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or (url.scheme, url.netloc) == allowed:
            await route.continue_()
        else:
            await route.abort("blockedbyclient")

    async def no_socket(ws: Any) -> None:
        await ws.close()

    await context.route("**/*", gate)
    if hasattr(context, "route_web_socket"):
        await context.route_web_socket("**/*", no_socket)


def _make_shots_dir(shots_dir: Path) -> None:
    root, rel = hostio.split_meta(shots_dir / "x.png")
    if str(rel.parent) == ".":  # not in a project's .sitegen folder: a folder the caller chose
        shots_dir.mkdir(parents=True, exist_ok=True)
    else:
        hostio.open_dir_close(root, rel.parent)


async def new_context(browser: Any, vp: Viewport) -> Any:
    """A browser context as every check uses: ``vp``'s size, no service workers, reduced motion."""
    return await browser.new_context(
        viewport={"width": vp.width, "height": vp.height},
        device_scale_factor=1,
        is_mobile=vp.mobile,
        has_touch=vp.mobile,
        service_workers="block",
        reduced_motion="reduce",
    )


def _clear_old_shots(shots_dir: Path) -> None:
    """Drop screenshots of an earlier run so removed pages leave none behind. The folder is reached
    without following links (a build may have pointed .sitegen/screenshots at your pictures)."""
    root, rel = hostio.split_meta(shots_dir / "x.png")
    try:
        fd = hostio.open_dir(root, rel.parent)
    except OSError:
        return
    try:
        for name in os.listdir(fd):
            if name.endswith(tuple(f"-{vp.name}.png" for vp in VIEWPORTS)) and hostio.kind_at(fd, name) != "dir":
                os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)


