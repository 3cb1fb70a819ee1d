"""Canned model answers for the fake Gemini and OpenAI servers: a plan, a layout, pages and fixes.

A request is recognised by the schema it asks for (SitePlan, LayoutOutput, PageOutput, FixOutput,
and the editor's EditOutput);
the answers are valid for a real ``next build``. A test can override any answer per kind, or
script a queue of raw responses (errors, invalid JSON, truncation) that are served first.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from typing import Any

from tests.fakes.local_server import LocalServer

KINDS = ("SitePlan", "LayoutOutput", "PageOutput", "FixOutput", "EditOutput")
PAGE_SLUGS = ["", "menu", "about", "visit", "events", "journal", "team", "faq"]


def plan_json(pages: int = 1) -> dict[str, Any]:
    """A valid SitePlan (as JSON data) with ``pages`` pages."""
    out_pages = []
    for slug in PAGE_SLUGS[:pages]:
        title = slug.title() or "Home"
        sections = [
            {"kind": "hero" if not slug else "features", "heading": f"{title} at Lumen Coffee",
             "subheading": "Small-batch roasts, slow mornings.", "cta_label": "Visit us", "cta_href": "/#visit",
             "items": [{"title": "Single origin", "text": "Roasted weekly.", "icon": "Coffee"},
                       {"title": "Fresh bakes", "text": "From our oven at six.", "icon": "Croissant"}]},
            {"kind": "cta", "heading": "Come by today", "body": "Open every day from 7am."},
        ]
        out_pages.append({"slug": slug, "title": title, "nav_label": title, "sections": sections})
    return {
        "name": "Lumen Coffee", "tagline": "Coffee worth waking up for",
        "description": "A small coffee roaster and café in Lisbon.", "kind": "cafe", "tone": "warm",
        "location": "Lisbon", "palette": {"primary": "#7c2d12", "accent": "#f59e0b"},
        "fonts": {"heading": "Fraunces", "body": "Inter"}, "pages": out_pages,
        "contact": {"email": "hello@lumen.example", "hours": ["Mon-Sun 7:00-18:00"]},
    }


LAYOUT_TSX = """import type { Metadata } from "next";
import "@fontsource-variable/inter";
import "./globals.css";
import { Header } from "@/components/Header";
import { Footer } from "@/components/Footer";

export const metadata: Metadata = { title: "Lumen Coffee", description: "Coffee worth waking up for" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-background text-foreground font-sans">
        <Header />
        <main>{children}</main>
        <Footer />
      </body>
    </html>
  );
}
"""
GLOBALS_CSS = """@import "tailwindcss";

@theme {
  --color-primary: #7c2d12;
  --color-primary-foreground: #ffffff;
  --color-background: #fffbf5;
  --color-foreground: #1c1917;
  --font-sans: "Inter Variable", ui-sans-serif, system-ui, sans-serif;
}
"""
HEADER_TSX = """import Link from "next/link";
import { Coffee } from "lucide-react";

export function Header() {
  return (
    <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
      <Link href="/" className="flex items-center gap-2 font-semibold"><Coffee /> Lumen Coffee</Link>
    </header>
  );
}
"""
FOOTER_TSX = """export function Footer() {
  return <footer className="mx-auto max-w-6xl px-6 py-10 text-sm">Lumen Coffee, Lisbon</footer>;
}
"""


def layout_json() -> dict[str, Any]:
    files = {"app/layout.tsx": LAYOUT_TSX, "app/globals.css": GLOBALS_CSS,
             "components/Header.tsx": HEADER_TSX, "components/Footer.tsx": FOOTER_TSX}
    return {"notes": "Use bg-primary text-primary-foreground; container mx-auto max-w-6xl px-6.",
            "files": [{"path": p, "content": c} for p, c in files.items()]}


def page_tsx(title: str) -> str:
    return f"""import type {{ Metadata }} from "next";
import {{ Coffee }} from "lucide-react";

export const metadata: Metadata = {{ title: "{title} | Lumen Coffee" }};

export default function Page() {{
  return (
    <section className="mx-auto max-w-6xl px-6 py-20">
      <h1 className="text-4xl font-bold">{title}</h1>
      <p className="mt-4 flex items-center gap-2"><Coffee /> Small-batch roasts, slow mornings.</p>
    </section>
  );
}}
"""


def page_json(request_text: str) -> dict[str, Any]:
    m = re.search(r"Page file: (\S+)", request_text)
    path = m[1] if m else "app/page.tsx"
    title = path.split("/")[-2].title() if path.count("/") > 1 else "Home"
    return {"files": [{"path": path, "content": page_tsx(title)}]}


def fix_json(request_text: str, fixes: dict[str, str]) -> dict[str, Any]:
    """Return the configured good version of every file named in the fixer request."""
    named = re.findall(r"^=== (\S+) ===$", request_text, re.MULTILINE)
    return {"files": [{"path": p, "content": fixes[p]} for p in named if p in fixes]}


PRICING_SECTION = """
      <section id="pricing" className="mt-16">
        <h2 className="text-3xl font-bold">Pricing</h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          <li className="rounded-lg border p-4">Espresso: 1.20 EUR</li>
          <li className="rounded-lg border p-4">Bag of beans (250 g): 9.50 EUR</li>
          <li className="rounded-lg border p-4">Monthly subscription: 32 EUR</li>
        </ul>
      </section>
"""


def edit_json(request_text: str) -> dict[str, Any]:
    """The editor's answer: the current app/page.tsx (as quoted in the request) with a pricing
    section added before its closing tag; a files-mode edit."""
    m = re.search(r"^--- app/page\.tsx\n(.*?)(?=^--- \S+$|\Z)", request_text, re.MULTILINE | re.DOTALL)
    current = m[1].rstrip() + "\n" if m else page_tsx("Home")
    head, sep, tail = current.rpartition("</section>")
    page = head.rstrip(" ") + PRICING_SECTION.lstrip("\n") + "    " + sep + tail if sep else current
    return {"summary": ["Added a pricing section to the home page"], "plan": None,
            "files": [{"path": "app/page.tsx", "content": page}], "delete": []}


def kind_of(schema_title: str | None, text: str) -> str:
    """The kind of request, from the response schema's title or the schema quoted in the prompt."""
    if schema_title in KINDS:
        return schema_title
    compact = text.replace(" ", "")
    # EditOutput first: its schema quotes SitePlan's (a nested "title":"SitePlan") too
    order = ("EditOutput", *(k for k in KINDS if k != "EditOutput"))
    return next((k for k in order if f'"title":"{k}"' in compact), "text")


class Scenario:
    """What the fake servers answer. Thread-safe; shared by the Gemini and OpenAI fakes.

    ``script``: a list of (status, body-or-None) or ``("text", str, finish)`` items served first, in
    order, to matching requests (``kinds`` restricts which requests consume the script).
    """

    def __init__(self, pages: int = 1) -> None:
        self.pages = pages
        self.lock = threading.Lock()
        self.script: list[tuple[Any, ...]] = []
        self.script_kinds: set[str] | None = None
        self.per_model: dict[str, Callable[[str, str], tuple[Any, ...] | None]] = {}
        self.fixes: dict[str, str] = {}
        self.overrides: dict[str, Callable[[str], Any]] = {}
        self.calls: list[dict[str, Any]] = []

    def answer(self, model: str, kind: str, text: str) -> tuple[Any, ...]:
        """("ok", json-text, finish) or ("error", status, status_text, message, extra)."""
        with self.lock:
            self.calls.append({"model": model, "kind": kind})
            if model in self.per_model and (scripted := self.per_model[model](kind, text)) is not None:
                return scripted
            if self.script and (self.script_kinds is None or kind in self.script_kinds):
                return self.script.pop(0)
        if kind in self.overrides:
            return ("ok", json.dumps(self.overrides[kind](text)), "STOP")
        if kind == "SitePlan":
            data: Any = plan_json(self.pages)
        elif kind == "LayoutOutput":
            data = layout_json()
        elif kind == "PageOutput":
            data = page_json(text)
        elif kind == "FixOutput":
            data = fix_json(text, self.fixes)
        elif kind == "EditOutput":
            data = edit_json(text)
        else:
            return ("ok", "plain text answer", "STOP")
        return ("ok", json.dumps(data), "STOP")

    def kinds_called(self) -> list[str]:
        return [c["kind"] for c in self.calls]


class ScenarioServer(LocalServer):
    """The part the fake Gemini and OpenAI servers share: a ``Scenario``, a delay, the API key
    they accept, and the requests they were sent (append under ``_lock``)."""

    def __init__(self, scenario: Scenario | None, delay: float, api_key: str) -> None:
        self.scenario = scenario or Scenario()
        self.delay = delay
        self.api_key = api_key
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        super().__init__()

    def models_called(self) -> list[str]:
        return [r["model"] for r in self.requests]


def rate_limited(retry_delay: str | None = "0.05s") -> tuple[Any, ...]:
    return ("error", 429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", retry_delay)


def server_error(status: int = 503) -> tuple[Any, ...]:
    return ("error", status, "UNAVAILABLE", "The model is overloaded.", None)
