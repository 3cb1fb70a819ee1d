"""Turn a SitePlan into the plain data the TSX components read (lib/content.ts).

Everything a component shows comes from here, so links, anchors, icon names, variants and the
language are settled once, in Python: hrefs point at real routes or anchors, icons exist in
lucide-react, and each variant is one the components implement.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from sitegen.offline.lucide_icons import nearest_icon
from sitegen.offline.render_seo import json_ld, site_url
from sitegen.offline.render_widgets import WIDGETS, form_variant, settle_widget
from sitegen.plan import Page, Section, SitePlan

# kind -> the variants its component implements; the first is the default (names follow
# VARIANTS.md, the offline planner's contract; kinds not listed have one design)
VARIANTS: dict[str, tuple[str, ...]] = {
    "hero": ("centered", "split", "image-left"),
    "features": ("grid", "list"),
    "testimonials": ("grid", "quote"),
    "menu": ("list", "cards"),
    "services": ("grid", "list"),
    "stats": ("band", "inline"),
    "faq": ("accordion", "two-column"),
    "cta": ("banner", "split"),
}

# other names a planner or a model might use for the same design
VARIANT_ALIASES: dict[str, dict[str, str]] = {
    "hero": {
        "center": "centered",
        "centred": "centered",
        "gradient": "centered",
        "minimal": "centered",
        "image-right": "split",
        "illustration": "split",
        "bold": "split",
        "left": "split",
        "image": "split",
        "reverse": "image-left",
        "split-reverse": "image-left",
        "right": "image-left",
    },
    "features": {
        "cards": "grid",
        "columns": "grid",
        "rows": "list",
        "stacked": "list",
        "side": "list",
        "alternating": "list",
    },
    "testimonials": {
        "cards": "grid",
        "spotlight": "quote",
        "single": "quote",
        "featured": "quote",
        "large": "quote",
    },
    "menu": {"grid": "cards", "card": "cards", "simple": "list", "columns": "list"},
    "services": {"cards": "grid", "rows": "list", "stacked": "list"},
    "stats": {"row": "inline", "plain": "inline", "bar": "band"},
    "faq": {"split": "two-column", "side": "two-column", "list": "accordion", "simple": "accordion"},
    "cta": {"centered": "banner", "band": "banner", "side": "split"},
}

# kinds whose component paints its own background (they do not take part in the alternation)
OWN_BACKGROUND = {"hero", "stats", "cta"}

KIND_LABELS: dict[str, str] = {
    "features": "Features",
    "about": "About",
    "menu": "Menu",
    "services": "Services",
    "pricing": "Pricing",
    "testimonials": "Reviews",
    "gallery": "Gallery",
    "team": "Team",
    "faq": "FAQ",
    "contact": "Contact",
    "hours": "Hours",
    "schedule": "Schedule",
    "process": "How it works",
    "search": "Search",
    "form": "Sign up",
    "quiz": "Quiz",
    "calculator": "Calculator",
    "table": "Data",
    "chart": "Charts",
    "dashboard": "Dashboard",
    "favorites": "Saved",
}

FORM_NAV = {"contact": "Contact", "booking": "Book", "registration": "Register", "application": "Apply",
            "lead": "Get in touch"}

EXTERNAL = ("http://", "https://", "mailto:", "tel:")

# business kind -> the icon drawn large in the hero and about illustrations
KIND_MOTIFS: dict[str, str] = {
    "cafe": "Coffee",
    "restaurant": "UtensilsCrossed",
    "bakery": "Croissant",
    "saas": "ChartNoAxesCombined",
    "portfolio": "PenTool",
    "agency": "Palette",
    "gym": "Dumbbell",
    "salon": "Scissors",
    "clinic": "Stethoscope",
    "law": "Scale",
    "event": "PartyPopper",
    "nonprofit": "HeartHandshake",
    "real_estate": "House",
    "school": "GraduationCap",
}


def normalise_variant(kind: str, variant: str) -> str:
    """The variant the component for ``kind`` will draw: known names, aliases, else the default."""
    known = VARIANTS.get(kind, ("default",))
    v = (variant or "").strip().lower()
    if v in known:
        return v
    return VARIANT_ALIASES.get(kind, {}).get(v, known[0])


def detect_language(plan: SitePlan) -> tuple[str, str]:
    """A BCP 47 language tag and text direction guessed from the script of the site's text."""
    text = " ".join([plan.name, plan.tagline, plan.description] + [p.title for p in plan.pages])
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ")[0]
        if script == "CJK":
            script = "CJK"
        counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values()) or 1
    table = [
        ("ARABIC", "ar", "rtl"),
        ("HEBREW", "he", "rtl"),
        ("HIRAGANA", "ja", "ltr"),
        ("KATAKANA", "ja", "ltr"),
        ("HANGUL", "ko", "ltr"),
        ("CJK", "zh", "ltr"),
        ("GREEK", "el", "ltr"),
        ("THAI", "th", "ltr"),
        ("DEVANAGARI", "hi", "ltr"),
    ]
    for script, lang, direction in table:
        share = counts.get(script, 0) / total
        if script in ("HIRAGANA", "KATAKANA") and share > 0.05:
            return lang, direction
        if share > 0.5:
            return lang, direction
    return "en", "ltr"


def site_language(plan: SitePlan) -> tuple[str, str]:
    """The page language and direction: the plan's own ``lang`` when it names one, else the script's."""
    detected, direction = detect_language(plan)
    lang = plan.lang.strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) or (lang == "en" and detected != "en"):
        return detected, direction
    rtl = lang.split("-")[0].lower() in ("ar", "he", "fa", "ur")
    return lang, "rtl" if rtl else "ltr"


def section_ids(page: Page) -> list[str]:
    """Unique anchor ids for a page's sections: the kind, then kind-2, kind-3…"""
    seen: dict[str, int] = {}
    ids = []
    for section in page.sections:
        seen[section.kind] = seen.get(section.kind, 0) + 1
        n = seen[section.kind]
        ids.append(section.kind if n == 1 else f"{section.kind}-{n}")
    return ids


class Links:
    """Resolves the hrefs a plan writes into routes and anchors that exist in the site."""

    def __init__(self, plan: SitePlan) -> None:
        self.plan = plan
        self.routes = {p.slug: p.route for p in plan.pages}
        self.ids = {p.slug: section_ids(p) for p in plan.pages}
        self.contact = self._contact_href()

    def _find_anchor(self, anchor: str, here: str) -> str | None:
        if anchor in self.ids.get(here, []):
            return f"#{anchor}"
        if anchor in self.routes and anchor:
            return self.routes[anchor]
        for slug, ids in self.ids.items():
            if anchor in ids:
                return f"{self.routes[slug]}#{anchor}"
        return None

    def _contact_href(self) -> str:
        if "contact" in self.routes:
            return self.routes["contact"]
        for kind in ("contact", "hours"):
            for page in self.plan.pages:
                ids = self.ids[page.slug]
                for sid, section in zip(ids, page.sections, strict=True):
                    if section.kind == kind:
                        return f"{page.route}#{sid}"
        if self.plan.contact.email:
            return f"mailto:{self.plan.contact.email}"
        return "/"

    def resolve(self, href: str, here: str = "") -> str:
        """A working href for ``href`` as seen from the page with slug ``here``."""
        href = (href or "").strip()
        if not href:
            return self.contact if here != "contact" else "#top"
        low = href.lower()
        if low.startswith(EXTERNAL):
            return href if not re.search(r"[\s<>\"']", href) else self.contact
        if href.startswith("#"):
            anchor = href[1:].strip().lower()
            if anchor in ("", "top"):
                return "#top"
            found = self._find_anchor(anchor, here)
            if found:
                return found
            return self.contact if anchor.startswith("contact") else "#top"
        path, _, fragment = href.partition("#")
        slug = path.strip("/").lower()
        if slug not in self.routes:
            return "/"
        route = self.routes[slug]
        if fragment and fragment.lower() in self.ids.get(slug, []):
            return f"{route}#{fragment.lower()}"
        return route

    def absolute(self, href: str, here: str = "") -> str:
        """Like :meth:`resolve`, but usable from any page (in-page anchors get their route)."""
        resolved = self.resolve(href, here)
        if resolved.startswith("#"):
            route = self.routes.get(here, "/")
            return route if resolved == "#top" else f"{route}{resolved}"
        return resolved


def _link(label: str, href: str, links: Links, here: str) -> dict[str, str] | None:
    label = label.strip()
    if not label:
        return None
    return {"label": label, "href": links.resolve(href, here)}


def _item(item: Any) -> dict[str, Any]:
    return {
        "title": item.title,
        "text": item.text,
        "icon": nearest_icon(item.icon) if item.icon.strip() else "",
        "meta": item.meta,
        "tags": [t for t in item.tags if t.strip()],
        "highlight": item.highlight,
    }


def _section(section: Section, sid: str, tinted: bool, links: Links, here: str) -> dict[str, Any]:
    widget = section.kind in WIDGETS
    data = {
        "id": sid,
        "kind": section.kind,
        "variant": section.variant if widget else normalise_variant(section.kind, section.variant),
        "tinted": tinted,
        "eyebrow": section.eyebrow,
        "heading": section.heading,
        "subheading": section.subheading,
        "body": section.body,
        "items": [_item(i) for i in section.items],
        "cta": None if widget else _link(section.cta_label, section.cta_href, links, here),
        "secondary": None if widget else _link(section.secondary_label, section.secondary_href, links, here),
        "columns": [c for c in section.columns if c.strip()],
        "action": section.cta_label.strip() if widget else "",
        "success": "",
        "unit": "",
    }
    return settle_widget(data)


def _page(page: Page, links: Links) -> dict[str, Any]:
    sections = []
    tinted = True
    for sid, section in zip(section_ids(page), page.sections, strict=True):
        variant = normalise_variant(section.kind, section.variant)
        band = section.kind not in OWN_BACKGROUND or (section.kind, variant) == ("stats", "inline")
        sections.append(_section(section, sid, tinted and band, links, page.slug))
        if band:
            tinted = not tinted
    return {
        "slug": page.slug,
        "route": page.route,
        "title": page.title,
        "navLabel": page.nav_label,
        "description": page.description,
        "sections": sections,
    }


def _nav(plan: SitePlan, lang: str) -> list[dict[str, str]]:
    if len(plan.pages) > 1:
        return [{"label": p.nav_label or p.title, "href": p.route} for p in plan.pages]
    home = plan.home
    nav: list[dict[str, str]] = []
    for sid, section in zip(section_ids(home), home.sections, strict=True):
        if section.kind not in KIND_LABELS or "-" in sid:
            continue
        label = KIND_LABELS[section.kind]
        if section.kind == "form":
            label = FORM_NAV[form_variant(section.variant)]
        if lang != "en":
            for candidate in (section.eyebrow, section.heading):
                if 0 < len(candidate) <= 18:
                    label = candidate
                    break
        nav.append({"label": label, "href": f"/#{sid}", "kind": section.kind})
    # at most five links: drop generic ones first, and keep contact (last) when there is one
    for kind in ("features", "process", "faq", "gallery", "hours"):
        if len(nav) > 5:
            nav = [n for n in nav if n["kind"] != kind]
    if len(nav) > 5:
        contact = [n for n in nav if n["kind"] == "contact"]
        nav = [n for n in nav if n["kind"] != "contact"][: 5 - len(contact)] + contact
    return [{"label": n["label"], "href": n["href"]} for n in nav]


def _action(plan: SitePlan, links: Links) -> dict[str, str] | None:
    home = plan.home
    for section in home.sections:
        if section.kind == "hero" and section.cta_label.strip():
            return {"label": section.cta_label.strip(), "href": links.absolute(section.cta_href, "")}
    for page in plan.pages:
        if page.slug == "contact":
            return {"label": page.nav_label or page.title, "href": page.route}
    return None


def motif_icon(plan: SitePlan) -> str:
    """The icon that stands for the whole site: by business kind, else the first icon used."""
    if plan.kind in KIND_MOTIFS:
        return KIND_MOTIFS[plan.kind]
    for page in sorted(plan.pages, key=lambda p: p.slug != ""):
        for section in page.sections:
            for item in section.items:
                if item.icon.strip():
                    return nearest_icon(item.icon)
    return "Sparkles"


def site_data(plan: SitePlan) -> dict[str, Any]:
    """The whole site as JSON-able data matching lib/types.ts ``SiteData``."""
    links = Links(plan)
    lang, direction = site_language(plan)
    home_first = sorted(plan.pages, key=lambda p: p.slug != "")
    c = plan.contact
    return {
        "name": plan.name,
        "tagline": plan.tagline,
        "description": plan.description,
        "kind": plan.kind,
        "location": plan.location,
        "lang": lang,
        "dir": direction,
        "dark": plan.palette.dark,
        "motif": motif_icon(plan),
        "nav": _nav(plan, lang),
        "action": _action(plan, links),
        "contactHref": links.contact,
        "contact": {
            "email": c.email.strip(),
            "phone": c.phone.strip(),
            "address": c.address,
            "hours": [h for h in c.hours if h.strip()],
            "socials": [s for s in c.socials if s.strip()],
        },
        "footerNote": plan.footer_note,
        "url": site_url(plan),
        "jsonLd": json_ld(plan, lang),
        "pages": [_page(p, links) for p in home_first],
    }


def ts_literal(value: Any) -> str:
    """A TypeScript literal for JSON-able data; every string is a JSON string literal.

    JSON strings are valid TS string literals whatever they contain (quotes, backticks, ``${``,
    braces, angle brackets, emoji, any script); U+2028/U+2029 are escaped as well for old parsers.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
