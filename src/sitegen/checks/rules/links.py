"""Rules for internal links: a link to a route no page renders points at the nearest existing page
or a section anchor on the home page instead."""

from __future__ import annotations

import difflib
import re

from sitegen.checks.rules.base import FixContext, Rule

HREF_RE = re.compile(r"""(\bhref\s*=\s*\{?\s*|\bhref\s*:\s*)(["'`])(/[^"'`\s]*)\2""")


def _matches(route: str, routes: set[str]) -> bool:
    if route in routes:
        return True
    segs = route.strip("/").split("/")
    for r in routes:
        rs = r.strip("/").split("/")
        if len(rs) == len(segs) and all(a.startswith("[") or a == b for a, b in zip(rs, segs, strict=True)):
            return True
    return False


def nearest_target(route: str, routes: set[str], home_text: str) -> str:
    """The existing page closest to ``route``, else a home-page anchor of the same name, else "/"."""
    names = sorted(r for r in routes if "[" not in r)
    if close := difflib.get_close_matches(route, names, n=1, cutoff=0.6):
        return close[0]
    last = route.rstrip("/").rsplit("/", 1)[-1]
    if last and re.search(rf"""\bid=["'{{`]*{re.escape(last)}["'`}}]""", home_text):
        return f"/#{last}"
    return "/"


def internal_link(path: str, text: str, ctx: FixContext) -> str | None:
    """``href="/pricing"`` (JSX or data) where no page renders /pricing -> the nearest existing page
    (``/prices``), a home-page anchor (``/#pricing``) or ``/``; query and anchor are kept."""
    routes = ctx.routes()
    if "/" not in routes or not HREF_RE.search(text):
        return None
    home = ctx.texts.get("app/page.tsx") or ""

    def repl(m: re.Match[str]) -> str:
        url = m[3]
        if url.startswith("//") or url.startswith("/_next"):
            return m[0]
        route, tail = re.match(r"([^?#]*)(.*)", url).groups()  # type: ignore[union-attr]
        norm = "/" + route.strip("/") if route.strip("/") else "/"
        if "." in norm.rsplit("/", 1)[-1] or _matches(norm, routes):
            return m[0]
        target = nearest_target(norm, routes, home)
        if target.startswith("/#") and tail.startswith("#"):
            tail = ""
        slash = "/" if route.endswith("/") and target != "/" and "#" not in target else ""
        return f"{m[1]}{m[2]}{target}{slash}{tail}{m[2]}"

    new = HREF_RE.sub(repl, text)
    return new if new != text else None


RULES = [Rule("internal-link", internal_link)]
