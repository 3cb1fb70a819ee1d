"""Offline edits: change a SitePlan from a plain-English instruction, with no model.

Understands colours ("make it green", "darker hero", "dark mode", "primary #0f766e"), the name
("rename to X", "call it X"), the tagline ("tagline: …"), the hero headline ("headline: …"),
adding a section with copy that suits the site's kind ("add a pricing section", "add testimonials
to the about page") and removing one ("remove the faq"). Several can be joined with "and", commas
or semicolons. Anything else is a USAGE error that says what offline edits can do.
"""

from __future__ import annotations

import re
from typing import Any

from sitegen.errors import ErrorKind, SitegenError
from sitegen.offline.detect import COLOUR_WORDS
from sitegen.offline.palettes import finalize, mix, shift_hue, tint
from sitegen.offline.sections import default_section
from sitegen.plan import Palette, SitePlan

CAPABILITIES = (
    "Offline edits can: change colours ('make it green', 'darker hero', 'dark mode', 'primary #0f766e'), "
    "rename the site ('rename to Bean There'), set the tagline ('tagline: Coffee for night owls') or the "
    "headline ('headline: …'), add a section ('add a pricing section', 'add testimonials to the about page') "
    "or remove one ('remove the faq'). Set GEMINI_API_KEY or OPENAI_API_KEY (or use --provider) for any "
    "other change: a model provider can make free-form edits."
)

# words a person uses -> section kind
SECTION_WORDS: dict[str, str] = {
    "pricing": "pricing",
    "prices": "pricing",
    "price list": "pricing",
    "plans": "pricing",
    "packages": "pricing",
    "testimonials": "testimonials",
    "testimonial": "testimonials",
    "reviews": "testimonials",
    "review": "testimonials",
    "quotes": "testimonials",
    "faq": "faq",
    "faqs": "faq",
    "questions": "faq",
    "q&a": "faq",
    "team": "team",
    "staff": "team",
    "people": "team",
    "gallery": "gallery",
    "photos": "gallery",
    "pictures": "gallery",
    "images": "gallery",
    "portfolio": "gallery",
    "stats": "stats",
    "numbers": "stats",
    "figures": "stats",
    "features": "features",
    "benefits": "features",
    "highlights": "features",
    "about": "about",
    "story": "about",
    "our story": "about",
    "about us": "about",
    "menu": "menu",
    "services": "services",
    "service": "services",
    "contact": "contact",
    "contact form": "contact",
    "hours": "hours",
    "opening hours": "hours",
    "opening times": "hours",
    "schedule": "schedule",
    "timetable": "schedule",
    "classes": "schedule",
    "process": "process",
    "how it works": "process",
    "steps": "process",
    "logos": "logos",
    "clients": "logos",
    "partners": "logos",
    "cta": "cta",
    "call to action": "cta",
    "hero": "hero",
    "banner": "hero",
}
# copy for kinds whose library has none of its own for a section (the generic one would not suit)
# sections that end a page: new ones go before them
CLOSING = ("cta", "contact", "hours")


_SPLIT = re.compile(
    r"\s*(?:;|,?\s+and then\s+|,?\s+then\s+|,\s*and\s+|\s+and\s+(?=(?:make|add|remove|delete|"
    r"drop|rename|call|name|change|set|use|switch|turn|give|put|include|hide|get rid)\b)|,\s*"
    r"(?=(?:make|add|remove|delete|drop|rename|call|name|change|set|use|switch|turn|give|put|"
    r"include|hide|get rid)\b))\s*",
    re.I,
)
_QUOTES = "\"'“”‘’«»`"


def apply_edit_offline(plan: SitePlan, instruction: str) -> tuple[SitePlan, list[str]]:
    """Apply ``instruction`` to a copy of ``plan``; return it and one line per change made."""
    text = " ".join((instruction or "").split())
    if not text:
        raise SitegenError("the edit instruction is empty", ErrorKind.USAGE, CAPABILITIES)
    data = plan.model_dump(mode="json")
    changes: list[str] = []
    for clause in _clauses(text):
        handled = _apply_clause(data, clause)
        if handled is None:
            raise SitegenError(f"the offline provider cannot do this edit: {clause!r}", ErrorKind.USAGE, CAPABILITIES)
        changes.extend(handled)
    new_plan = SitePlan.model_validate(data)
    return new_plan, changes


def _clauses(text: str) -> list[str]:
    parts = [p.strip(" .!") for p in _SPLIT.split(text)]
    return [p for p in parts if p]


def _apply_clause(data: dict[str, Any], clause: str) -> list[str] | None:
    low = clause.lower()
    for handler in (_rename, _tagline, _headline, _remove, _add, _colours):
        result = handler(data, clause, low)
        if result is not None:
            return result
    return None


# -- text -----------------------------------------------------------------------------------------
def _value(raw: str) -> str:
    value = raw.strip().strip(_QUOTES).strip()
    value = re.sub(r"\s+instead$", "", value, flags=re.I)
    return value.rstrip(".!").strip().strip(_QUOTES).strip()


def _rename(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    m = re.match(
        r"(?:please\s+)?(?:rename(?:\s+(?:it|the\s+(?:site|business|shop|company|brand)))?\s+(?:to|as)"
        r"|call\s+(?:it|the\s+site)|name\s+(?:it|the\s+site)|change\s+the\s+name\s+to"
        r"|the\s+name\s+(?:is|should\s+be)|set\s+the\s+name\s+to)\s+(.+)$",
        clause,
        re.I,
    )
    if not m:
        return None
    new = _value(m.group(1))[:80]
    if not new:
        return None
    old = data["name"]
    if new == old:
        return [f"the site is already called {new!r}"]
    count = _replace_text(data, old, new) if len(old) >= 3 else 0
    data["name"] = new
    more = f" (and {count} mention(s) in the copy)" if count else ""
    return [f"renamed the site from {old!r} to {new!r}{more}"]


def _replace_text(node: Any, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in every string of a plan dict, in place; count replacements."""
    count = 0
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in list(items):
        if isinstance(value, str) and old in value and key not in ("kind", "variant", "slug", "icon"):
            count += value.count(old)
            node[key] = value.replace(old, new)
        elif isinstance(value, dict | list):
            count += _replace_text(value, old, new)
    return count


def _tagline(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    m = re.match(
        r"(?:(?:set|change|make|update)\s+the\s+)?(?:tagline|slogan|strapline)"
        r"(?:\s+(?:to|as|should\s+be|is))?\s*[:=]?\s+(.+)$",
        clause,
        re.I,
    )
    if not m:
        return None
    new = _value(m.group(1))[:160]
    if not new:
        return None
    data["tagline"] = new
    return [f"set the tagline to {new!r}"]


def _headline(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    m = re.match(
        r"(?:(?:set|change|make|update)\s+the\s+)?(?:hero\s+)?(?:headline|heading|title)"
        r"(?:\s+(?:to|as|should\s+be|is))?\s*[:=]?\s+(.+)$",
        clause,
        re.I,
    )
    if not m:
        return None
    new = _value(m.group(1))[:120]
    home = next(p for p in data["pages"] if p["slug"] == "")
    hero = next((s for s in home["sections"] if s["kind"] == "hero"), None)
    if not new or hero is None:
        return None
    hero["heading"] = new
    return [f"set the home page headline to {new!r}"]


# -- sections ---------------------------------------------------------------------------------------
def _section_kind(words: str) -> str | None:
    words = re.sub(
        r"\b(?:a|an|the|some|new|our|my|short|small|simple|nice|section|sections|block|part|area|"
        r"page|with|of)\b",
        " ",
        words.lower(),
    )
    words = " ".join(words.split())
    if words in SECTION_WORDS:
        return SECTION_WORDS[words]
    for phrase in sorted(SECTION_WORDS, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", words):
            return SECTION_WORDS[phrase]
    return None


def _target_page(data: dict[str, Any], where: str | None) -> dict[str, Any] | None:
    """The page named in '… to/on the about page'; the home page when none is named."""
    home = next(p for p in data["pages"] if p["slug"] == "")
    if not where:
        return home
    name = re.sub(r"\b(?:the|page)\b", " ", where.lower()).strip()
    if name in ("home", "homepage", "home page", "landing", "front", "main", "index"):
        return home
    for page in data["pages"]:
        if name in (page["slug"], page["nav_label"].lower(), page["title"].lower()):
            return page
    return None


def _add(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    m = re.match(
        r"(?:please\s+)?(?:add|include|put|insert|give\s+(?:it|me|us))\s+(.+?)"
        r"(?:\s+(?:to|on|in|onto)\s+(?:the\s+)?([\w -]+?)\s*page)?$",
        clause,
        re.I,
    )
    if not m:
        return None
    kind = _section_kind(m.group(1))
    if kind is None:
        return None
    page = _target_page(data, m.group(2))
    if page is None:
        raise SitegenError(
            f"there is no {m.group(2)!r} page",
            ErrorKind.USAGE,
            "Pages: " + ", ".join(p["nav_label"] for p in data["pages"]),
        )
    if any(s["kind"] == kind for s in page["sections"]):
        return [f"the {page['nav_label']} page already has a {kind} section"]
    section = default_section(data, kind)
    sections = page["sections"]
    at = len(sections)
    while at > 0 and sections[at - 1]["kind"] in CLOSING and kind not in CLOSING:
        at -= 1
    if kind == "hero":
        at = 0
    sections.insert(at, section.model_dump(mode="json"))
    return [f"added a {kind} section to the {page['nav_label']} page ({section.heading!r})"]


def _remove(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    m = re.match(
        r"(?:please\s+)?(?:remove|delete|drop|hide|get\s+rid\s+of|take\s+out|lose)\s+(.+?)"
        r"(?:\s+(?:from|on)\s+(?:the\s+)?([\w -]+?)\s*page)?$",
        clause,
        re.I,
    )
    if not m:
        return None
    what = m.group(1)
    page_only = re.fullmatch(r"(?:the\s+)?([\w -]+?)\s+page", what.strip(), re.I)
    if page_only and not m.group(2):
        return _remove_page(data, page_only.group(1))
    kind = _section_kind(what)
    if kind is None:
        return None
    pages = [_target_page(data, m.group(2))] if m.group(2) else data["pages"]
    if pages == [None]:
        raise SitegenError(f"there is no {m.group(2)!r} page", ErrorKind.USAGE)
    removed: list[str] = []
    for page in pages:
        keep = [s for s in page["sections"] if s["kind"] != kind]
        if len(keep) == len(page["sections"]):
            continue
        if not keep:
            raise SitegenError(
                f"removing the {kind} section would leave the {page['nav_label']} page empty",
                ErrorKind.USAGE,
                "Remove the page instead: 'remove the … page'.",
            )
        page["sections"] = keep
        removed.append(page["nav_label"])
    if not removed:
        return [f"there was no {kind} section to remove"]
    return [f"removed the {kind} section from the {', '.join(removed)} page(s)"]


def _remove_page(data: dict[str, Any], name: str) -> list[str] | None:
    page = _target_page(data, name)
    if page is None:
        return None
    if page["slug"] == "":
        raise SitegenError("the home page cannot be removed", ErrorKind.USAGE)
    data["pages"] = [p for p in data["pages"] if p is not page]
    return [f"removed the {page['nav_label']} page"]


# -- colours ----------------------------------------------------------------------------------------
def _colours(data: dict[str, Any], clause: str, low: str) -> list[str] | None:
    pal = Palette.model_validate(data["palette"])
    hex_m = re.search(r"#[0-9a-f]{6}\b", low)
    colour = next(
        (w for w in sorted(COLOUR_WORDS, key=len, reverse=True) if re.search(rf"\b{re.escape(w)}\b", low)), None
    )
    colour_hex = hex_m.group(0) if hex_m else (COLOUR_WORDS.get(colour) if colour else None)
    wants_dark = bool(
        re.search(
            r"\bdark\s*(?:mode|theme|background|version|site)\b|\bmake\s+it\s+dark\b"
            r"|\bnight\s*mode\b",
            low,
        )
    )
    wants_light = bool(re.search(r"\blight\s*(?:mode|theme|background|version|site)\b|\bmake\s+it\s+light\b", low))
    darker = re.search(r"\b(?:darker|deeper|richer|more\s+dark)\b", low)
    lighter = re.search(r"\b(?:lighter|brighter|softer|paler)\b", low)
    accent_only = re.search(r"\baccent\b", low)
    if not any((colour_hex, wants_dark, wants_light, darker, lighter)):
        return None
    changes: list[str] = []
    primary, accent, dark = pal.primary, pal.accent, pal.dark
    if colour_hex and colour_hex not in ("#ffffff",):
        label = colour or colour_hex
        if accent_only:
            accent = colour_hex
            changes.append(f"changed the accent colour to {label} ({colour_hex})")
        else:
            primary = colour_hex
            accent = shift_hue(colour_hex, 35, 0.9, 1.1)
            changes.append(f"changed the main colour to {label} ({colour_hex})")
    if wants_dark:
        dark = True
        changes.append("switched to a dark colour scheme")
    elif wants_light:
        dark = False
        changes.append("switched to a light colour scheme")
    if darker:
        primary, accent = mix(primary, "#000000", 0.3), mix(accent, "#000000", 0.2)
        target = "hero and buttons" if "hero" in low or "button" in low else "main colours"
        changes.append(f"made the {target} darker ({pal.primary} -> {primary})")
    elif lighter:
        primary, accent = mix(primary, "#ffffff", 0.25), mix(accent, "#ffffff", 0.2)
        changes.append(f"made the main colours lighter ({pal.primary} -> {primary})")
    background, surface, text, muted = pal.background, pal.surface, pal.text, pal.muted
    if dark != pal.dark or (colour_hex and not accent_only):
        background, surface, text, muted = tint(primary, dark)
    new = finalize(
        Palette(
            primary=primary, accent=accent, background=background, surface=surface, text=text, muted=muted, dark=dark
        )
    )
    data["palette"] = new.model_dump(mode="json")
    return changes
