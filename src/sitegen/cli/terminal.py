"""The one terminal object: progress and messages on stderr, one JSON object on stdout.

Commands never print directly; they call Terminal. With ``--json`` nothing but the final JSON
object reaches stdout, and progress goes to stderr as plain lines (or nothing when quiet).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from typing import Any

from rich.console import Console
from rich.errors import MarkupError
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


# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that reorder a line
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` safe to show: escape sequences and other control characters become visible
    (``ESC`` → ``^[``), so a prompt or a build log can never drive the terminal."""
    return CONTROL_RE.sub(_visible, str(text))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"^{chr(code + 64)}" if code < 32 else "^?" if code == 127 else f"<U+{code:04X}>"


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
        self._show(self.err, message)

    def print(self, renderable: Any) -> None:
        self._show(self.out, renderable)

    def notice(self, message: str) -> None:
        """A note the user must see (where a risky setting came from); stderr, also with --json."""
        self._show(self.err, f"[yellow]Note:[/] {escape(message)}")

    @staticmethod
    def _show(console: Console, renderable: Any) -> None:
        """Print markup with control characters made visible; text whose markup does not parse
        (a name like "Crumb [/]" pasted into it) is printed as it is instead of crashing."""
        if not isinstance(renderable, str):
            console.print(renderable)
            return
        text = clean(renderable)
        try:
            console.print(text)
        except MarkupError:
            console.print(text, markup=False)

    def emit_json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, default=str, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def error(self, exc: SitegenError) -> None:
        self._stop_status()
        self._show(self.err, f"[bold red]Error:[/] {escape(exc.message)}")
        if exc.hint:
            self._show(self.err, f"[dim]Hint: {escape(exc.hint)}[/]")

    # -- pipeline events ------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        label = STAGE_LABELS.get(event.stage, event.stage.title())
        if event.kind == "stage_start":
            self._stage_started = time.monotonic()
            if self.interactive:
                self._status = self.err.status(f"{label}…")
                self._status.start()
            else:
                self._show(self.err, f"… {label}")
        elif event.kind == "stage_end":
            self._stop_status()
            extra = _stage_summary(event)
            self._show(self.err, f"[green]✓[/] {label:<26} {fmt_seconds(event.data.get('seconds')):>8}  "
                                 f"[dim]{escape(extra)}[/]")
        elif event.kind == "stage_fail":
            self._stop_status()
            seconds = time.monotonic() - self._stage_started
            self._show(self.err, f"[red]✗[/] {label:<26} {fmt_seconds(seconds):>8}  [red]{escape(event.message)}[/]")
        elif event.kind == "progress":  # e.g. pulling the build image
            done, total = event.data.get("done", 0), event.data.get("total", 0)
            if self._status is not None and total:
                self._status.update(clean(f"{label}… {escape(event.message)} {done / total:.0%} "
                                          f"({done / 1e6:.0f}/{total / 1e6:.0f} MB)"))
        elif event.kind == "info":  # few and worth keeping: provider, builder, fix attempts
            self._show(self.err, f"  [dim]{escape(event.message)}[/]")
        elif event.kind == "log":
            line = event.message.rstrip()
            if self.verbose:
                self._show(self.err, f"  [dim]│ {escape(line)}[/]")
            elif self._status is not None and line.strip():
                self._status.update(clean(f"{label}… [dim]{escape(line.strip()[:90])}[/]"))

    def _stop_status(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None

    # -- tables ---------------------------------------------------------------------------
    def table(self, columns: list[str], rows: list[list[str]], title: str | None = None) -> None:
        table = Table(title=clean(title) if title else None, show_edge=False, header_style="bold")
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*[escape(clean(str(c))) for c in row])
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
