"""SitePlan: what the planner decides and the UI agent renders. Shared by every provider."""

from __future__ import annotations

import re
import urllib.parse
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from sitegen.errors import usage

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
MAX_URL_CHARS = 200
URL_HINT = "Give the address the site will be public at, e.g. --url https://coppercup.example (or leave it out)."


def site_address(text: str, what: str = "--url") -> str:
    """The site's public address (``what``: how the caller names it, --url or the API's url): http(s),
    a host name, an optional port and path; no user, query or fragment. Returned as
    ``scheme://host[:port][/path]`` without a trailing slash."""
    raw = text.strip()
    if not raw:
        raise usage(f"{what} is blank", URL_HINT)
    if len(raw) > MAX_URL_CHARS:
        raise usage(f"{what} is {len(raw):,} characters; the limit is {MAX_URL_CHARS}", URL_HINT)
    if re.search(r"[\s<>\"'`\\{}|^]", raw):
        raise usage(f"{what} {raw!r} has characters an address cannot have", URL_HINT)
    parts = urllib.parse.urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        raise usage(f"{what} {raw!r} has a bad port", URL_HINT) from None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme.lower() not in ("https", "http") or not HOST.match(host):
        raise usage(f"{what} {raw!r} is not an http(s) address with a host name", URL_HINT)
    if parts.username is not None or parts.query or parts.fragment or raw.endswith(("?", "#")):
        raise usage(f"{what} {raw!r} has a user, a query or a fragment; give the site's root address", URL_HINT)
    netloc = host + (f":{port}" if port is not None else "")
    path = urllib.parse.quote(parts.path.rstrip("/"), safe="/%-._~!$&()*+,;=:@")
    return f"{parts.scheme.lower()}://{netloc}{path}"

SectionKind = Literal[
    "hero",
    "features",
    "about",
    "menu",
    "services",
    "pricing",
    "testimonials",
    "gallery",
    "team",
    "stats",
    "faq",
    "cta",
    "contact",
    "hours",
    "schedule",
    "process",
    "logos",
    # working widgets (client components; no network): see WIDGET_KINDS
    "search",
    "form",
    "quiz",
    "calculator",
    "table",
    "chart",
    "dashboard",
    "favorites",
]

# What each widget section does and how it reads its Section fields (items are the data):
WIDGET_KINDS: dict[str, str] = {
    "search": "search box filtering a list as you type; items: title, text, meta, tags (tags = filter chips)",
    "form": "validated form with a success state; variant contact|registration|booking|application|lead; "
            "items are fields: title=label, meta=type (text|email|tel|date|time|number|select|textarea), "
            "text=placeholder or help, tags=options of a select, highlight=required; "
            "body=the thank-you shown after a valid submit",
    "quiz": "practice quiz with a score; items are questions: title=question, tags=options, meta=the right option, "
            "text=explanation",
    "calculator": "live calculator; items are inputs: title=label, meta=default number, text=unit or help; "
                  "body=how the result is worked out (variant sum|product|loan|split)",
    "table": "sortable data table; columns=header cells, items are rows: title=first cell, tags=other cells",
    "chart": "inline SVG chart; variant line|bar|donut; items are points: title=label, meta=number",
    "dashboard": "stat cards and a chart; items: title=label, meta=number, text=change or note",
    "favorites": "save items to a list kept in localStorage (cart/wishlist); items: title, text, meta=price",
}

FontName = Literal[
    "Inter",
    "Playfair Display",
    "Fraunces",
    "Space Grotesk",
    "DM Sans",
    "Lora",
    "Outfit",
    "Manrope",
    "system-sans",
    "system-serif",
]

# font name -> npm package in the template's lockfile (None: a system stack, nothing to import)
FONT_PACKAGES: dict[str, str | None] = {
    "Inter": "@fontsource-variable/inter",
    "Playfair Display": "@fontsource-variable/playfair-display",
    "Fraunces": "@fontsource-variable/fraunces",
    "Space Grotesk": "@fontsource-variable/space-grotesk",
    "DM Sans": "@fontsource-variable/dm-sans",
    "Lora": "@fontsource-variable/lora",
    "Outfit": "@fontsource-variable/outfit",
    "Manrope": "@fontsource-variable/manrope",
    "system-sans": None,
    "system-serif": None,
}


class Palette(BaseModel):
    """Site colours as #rrggbb."""

    primary: str
    primary_foreground: str = "#ffffff"
    accent: str
    background: str = "#ffffff"
    surface: str = "#f5f5f4"
    text: str = "#1c1917"
    muted: str = "#57534e"
    dark: bool = False

    @field_validator(
        "primary", "primary_foreground", "accent", "background", "surface", "text", "muted"
    )
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HEX.match(value):
            raise ValueError(f"not a #rrggbb colour: {value!r}")
        return value.lower()


class Fonts(BaseModel):
    heading: FontName = "Inter"
    body: FontName = "Inter"


class Item(BaseModel):
    """One card, dish, plan, person, quote, question, stat, step or image inside a section."""

    title: str = ""
    text: str = ""
    icon: str = ""  # a lucide-react icon name in PascalCase, e.g. "Coffee"
    meta: str = ""  # price, role, rating, date, figure…
    tags: list[str] = Field(default_factory=list)
    highlight: bool = False


class Section(BaseModel):
    kind: SectionKind
    variant: str = "default"  # design variant within the kind (renderer decides what exists)
    eyebrow: str = ""
    heading: str
    subheading: str = ""
    body: str = ""
    items: list[Item] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)  # table header cells (kind "table")
    cta_label: str = ""
    cta_href: str = ""
    secondary_label: str = ""
    secondary_href: str = ""


class Page(BaseModel):
    slug: str = ""  # "" is the home page; otherwise lowercase letters, digits and dashes
    title: str
    nav_label: str
    description: str = ""
    sections: list[Section]

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if value and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            raise ValueError(f"bad page slug: {value!r}")
        return value

    @property
    def route(self) -> str:
        return "/" if not self.slug else f"/{self.slug}/"


class Contact(BaseModel):
    email: str = ""
    phone: str = ""
    address: str = ""
    hours: list[str] = Field(default_factory=list)
    socials: list[str] = Field(default_factory=list)  # e.g. "Instagram", "LinkedIn"


class SitePlan(BaseModel):
    name: str
    tagline: str
    description: str
    audience: str = ""
    kind: str = "general"  # business kind id, e.g. "cafe", "saas"
    tone: str = "friendly"
    location: str = ""
    palette: Palette
    fonts: Fonts = Field(default_factory=Fonts)
    pages: list[Page]
    contact: Contact = Field(default_factory=Contact)
    footer_note: str = ""
    url: str = ""  # the public address (https://…) when known: canonical URLs, sitemap, JSON-LD
    lang: str = "en"  # the language of the site's words (ISO 639-1), for <html lang>

    @field_validator("pages")
    @classmethod
    def _pages(cls, pages: list[Page]) -> list[Page]:
        if not pages:
            raise ValueError("a site needs at least one page")
        slugs = [p.slug for p in pages]
        if "" not in slugs:
            raise ValueError("a site needs a home page (slug '')")
        if len(set(slugs)) != len(slugs):
            raise ValueError("page slugs must be unique")
        return pages

    @property
    def home(self) -> Page:
        return next(p for p in self.pages if p.slug == "")
