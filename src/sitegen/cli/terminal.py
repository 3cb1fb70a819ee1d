"""The one terminal object: progress and messages on stderr, one JSON object on stdout.

Commands never print directly; they call Terminal. With ``--json`` nothing but the final JSON
object reaches stdout, and progress goes to stderr as plain lines (or nothing when quiet).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sitegen.errors import SitegenError
from sitegen.pipeline import Event

STAGE_LABELS = {
    "PLANNING": "Planning the site",
    "GENERATING": "Writing the files",
    "CHECKING": "Checking the code",
    "BUILDING": "Building",
    "VERIFYING": "Checking it in a browser",
    "DEPLOYING": "Deploying",
}


def fmt_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


class Terminal:
    """Draws events and results; renders errors as one line plus a hint."""

    def __init__(self, json_mode: bool = False, verbose: bool = False):
        self.json_mode = json_mode
        self.verbose = verbose
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = Console(highlight=False, soft_wrap=True)
        self.interactive = self.err.is_terminal and not json_mode
        self._status: Any = None
        self._stage_started = 0.0

    # -- plain output ---------------------------------------------------------------------
    def info(self, message: str) -> None:
        self.err.print(message)

    def print(self, renderable: Any) -> None:
        self.out.print(renderable)

    def emit_json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, default=str, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def error(self, exc: SitegenError) -> None:
        self._stop_status()
        self.err.print(f"[bold red]Error:[/] {escape(exc.message)}")
        if exc.hint:
            self.err.print(f"[dim]Hint: {escape(exc.hint)}[/]")

    # -- pipeline events ------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        label = STAGE_LABELS.get(event.stage, event.stage.title())
        if event.kind == "stage_start":
            self._stage_started = time.monotonic()
            if self.interactive:
                self._status = self.err.status(f"{label}…")
                self._status.start()
            else:
                self.err.print(f"… {label}")
        elif event.kind == "stage_end":
            self._stop_status()
            extra = _stage_summary(event)
            self.err.print(f"[green]✓[/] {label:<26} {fmt_seconds(event.data.get('seconds')):>8}  [dim]{extra}[/]")
        elif event.kind == "stage_fail":
            self._stop_status()
            seconds = time.monotonic() - self._stage_started
            self.err.print(f"[red]✗[/] {label:<26} {fmt_seconds(seconds):>8}  [red]{escape(event.message)}[/]")
        elif event.kind == "progress":  # e.g. pulling the build image
            done, total = event.data.get("done", 0), event.data.get("total", 0)
            if self._status is not None and total:
                self._status.update(f"{label}… {escape(event.message)} {done / total:.0%} "
                                    f"({done / 1e6:.0f}/{total / 1e6:.0f} MB)")
        elif event.kind == "info":  # few and worth keeping: provider, builder, fix attempts
            self.err.print(f"  [dim]{escape(event.message)}[/]")
        elif event.kind == "log":
            line = event.message.rstrip()
            if self.verbose:
                self.err.print(f"  [dim]│ {escape(line)}[/]")
            elif self._status is not None and line.strip():
                self._status.update(f"{label}… [dim]{escape(line.strip()[:90])}[/]")

    def _stop_status(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None

    # -- tables ---------------------------------------------------------------------------
    def table(self, columns: list[str], rows: list[list[str]], title: str | None = None) -> None:
        table = Table(title=title, show_edge=False, header_style="bold")
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*[escape(str(c)) for c in row])
        self.out.print(table)


def _stage_summary(event: Event) -> str:
    d = event.data
    if event.stage == "PLANNING":
        return f"{d.get('name', '')} · {d.get('kind', '')} · {len(d.get('pages', []))} page(s)"
    if event.stage == "GENERATING":
        return f"{d.get('files', 0)} files"
    if event.stage == "CHECKING":
        return "no findings" if not d.get("findings") else f"{d['findings']} finding(s)"
    if event.stage == "BUILDING":
        cache = "installed dependencies" if d.get("installed") else "dependencies from cache"
        return f"{d.get('builder', '')} · {cache}"
    if event.stage == "VERIFYING":
        a11y = ", ".join(f"{n} {sev}" for sev, n in (d.get("a11y") or {}).items() if n) or "none"
        return f"{d.get('pages', 0)} page(s) · {d.get('screenshots', 0)} screenshots · accessibility: {a11y}"
    if event.stage == "DEPLOYING":
        return str(d.get("url", ""))
    return ""


def debug_enabled() -> bool:
    return os.environ.get("SITEGEN_DEBUG", "") not in ("", "0", "false")
