"""Chromium started ahead of VERIFYING (while the site builds), in a thread with its own event loop.

Starting Playwright's driver and Chromium takes about a second, and opening the first tab (a
renderer process) about 0.2 s more; BUILDING leaves a core idle (the Docker build is held to one
CPU), so the browser and a blank desktop tab start then and ``verify_site(warm=...)`` finds them
ready. A warm browser is used once and always closed: by ``verify_site``, by whoever gives up
on it (a failed build), or by itself when nobody took it within ``ttl`` seconds.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, TypeVar

from sitegen.verify.browser import find_chromium, launch_chromium, new_context
from sitegen.verify.page import DESKTOP

T = TypeVar("T")
CLOSING_THREAD = "sitegen-warm-browser-close"


class WarmBrowser:
    """Playwright plus one headless Chromium, launching in the background from construction on."""

    def __init__(self, timeout: float = 30.0, ttl: float = 1800.0):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="sitegen-warm-browser", daemon=True)
        self.thread.start()
        self._pw: Any = None
        self._browser: Any = None
        self._context: Any = None
        self._closed = False
        self._lock = threading.Lock()
        self.started = asyncio.run_coroutine_threadsafe(self._start(timeout), self.loop)
        self._expiry = threading.Timer(ttl, self.close)
        self._expiry.daemon = True
        self._expiry.start()

    async def _start(self, timeout: float) -> Any:
        from playwright.async_api import async_playwright  # noqa: PLC0415 — heavy; only when verifying

        self._pw = await async_playwright().start()
        self._browser = await launch_chromium(self._pw, find_chromium(), timeout)
        with suppress(Exception):  # a tab opened ahead only saves time; the check opens its own
            context = await new_context(self._browser, DESKTOP)
            await context.new_page()
            self._context = context
        return self._browser

    def take_context(self) -> Any:
        """The desktop context opened ahead with one blank tab, once (None when there is none); the
        taker closes it."""
        with self._lock:
            context, self._context = self._context, None
        return context

    def ready(self, wait: float = 60.0) -> Any:
        """The running browser (waiting for it to come up), or None when it did not start."""
        try:
            return self.started.result(wait)
        except (Exception, concurrent.futures.TimeoutError):  # noqa: BLE001 — the caller launches its own
            return None

    def run(self, make: Callable[[], Awaitable[T]]) -> T:
        """Run ``make()`` in the browser's event loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(make(), self.loop).result()  # type: ignore[arg-type]

    def close(self, wait: bool = True) -> None:
        """Close Chromium and Playwright and stop the thread (any thread may call it; idempotent).

        ``wait=False`` returns at once and closes in a thread of its own (about 0.15 s, while the job
        records its version and reports); the interpreter waits for that thread before it exits."""
        if not wait:
            threading.Thread(target=self.close, name=CLOSING_THREAD).start()
            return
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._expiry.cancel()

        async def stop() -> None:
            with suppress(Exception):
                await asyncio.wrap_future(self.started)
            if self._browser is not None:
                with suppress(Exception):
                    await self._browser.close()
            if self._pw is not None:
                with suppress(Exception):
                    await self._pw.stop()

        with suppress(Exception):
            asyncio.run_coroutine_threadsafe(stop(), self.loop).result(60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        if threading.current_thread() is not self.thread:
            self.thread.join(10)
            if not self.thread.is_alive():
                self.loop.close()
