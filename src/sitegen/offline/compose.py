"""Glue between reading the request and the planner: kind choice, requested colours, widget placement."""

from __future__ import annotations

import random
import re
import unicodedata

from sitegen.offline.colours import EXTRA_WORDS, LOOSE_HUES, ColourRequest, read_colours
from sitegen.offline.detect import SECTION_WORDS, Detection, detect_kind
from sitegen.offline.palettes import build_palette, mood_tweaks, with_requested
from sitegen.offline.request import Request, feature_title
from sitegen.offline.widgets import Widget, widget_section
from sitegen.plan import Page, Palette, Section

OLD_MOODS = {"dark", "light", "pastel", "monochrome", "neon"}


def choose_kind(det: Detection, req: Request) -> str:
    """The business kind: from the subject when it names one; "general" (a subject site) when the
    prompt only mentions a kind's words in passing ("analytics" in a basketball betting site)."""
    subject = req.subject or det.subject
    if not subject:
        return det.kind
    if re.search(r"(?:crypto|stock|investment|financial|asset|trading)\s+portfolio", subject, re.I):
        return "general"  # a portfolio tracker, not a designer's portfolio
    for words in (subject, req.span):
        kind, scores = detect_kind(words)
        if kind != "general" and scores[kind] >= 3:
            return kind
    strong = det.kind_scores.get(det.kind, 0) >= 6 and not req.functional
    if det.kind != "general" and not strong and req.subject:
        return "general"
    return det.kind


def requested_palette(text: str, kind_palette: str, tone: str, rng: random.Random) -> tuple[Palette, ColourRequest]:
    """The site palette with every colour the prompt asks for, exactly, in the role it gives it."""
    req = read_colours(text)
    loose = [a.name for a in req.asks if a.loose]
    base = build_palette(kind_palette, tone, loose, [m for m in req.moods if m in OLD_MOODS],
                         {**LOOSE_HUES, **EXTRA_WORDS}, rng)
    if set(req.moods) - OLD_MOODS:
        base = mood_tweaks(base, req.moods, named=bool(loose))
    roles: dict[str, str] = {}
    free: list[str] = []
    for ask in req.asks:
        if ask.loose:
            continue
        if ask.role and ask.role not in roles:
            roles[ask.role] = ask.hex
        elif not ask.role and ask.hex not in free:
            free.append(ask.hex)
    return with_requested(base, roles, free), req


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:28].strip("-")


def _insert_at(sections: list[Section]) -> int:
    """Where widgets go on the home page: after hero and features, before the rest."""
    kinds = [s.kind for s in sections]
    for anchor in ("features", "hero"):
        if anchor in kinds:
            return kinds.index(anchor) + 1
    return 1


def _asked_page(widget: Widget, asked: list[str]) -> str:
    """The page the prompt named for this widget ("team rankings" for "view team rankings"), or ""."""
    for phrase in asked:
        words = {w for w in re.findall(r"[a-z]{3,}", phrase.lower())}
        for f in widget.features:
            if words and words <= set(re.findall(r"[a-z]{3,}", f"{f.verb} {f.obj}".lower())):
                return phrase
    return ""


def place_widgets(pages: list[Page], widgets: list[Widget], domain: str, subject: str,
                  asked: list[str] | None = None) -> None:
    """Put the widgets on the site: up to three on the home page, the rest (and any the prompt asked a
    page for) on pages of their own."""
    if not widgets:
        return
    home = pages[0]
    own = {id(w): p for w in widgets if (p := _asked_page(w, asked or []))}
    rest = [w for w in widgets if id(w) not in own]
    on_home = rest if len(rest) <= 3 else rest[:2]
    at = _insert_at(home.sections)
    forms = [w for w in on_home if w.kind == "form"]
    for w in [w for w in on_home if w.kind != "form"]:
        home.sections.insert(at, widget_section(w, domain, subject))
        at += 1
    kinds = [s.kind for s in home.sections]
    before = kinds.index("cta") if "cta" in kinds else kinds.index("contact") if "contact" in kinds else len(kinds)
    for w in forms:
        home.sections.insert(before, widget_section(w, domain, subject))
        before += 1
    used = {p.slug for p in pages}
    for w in [w for w in widgets if w not in on_home]:
        section = widget_section(w, domain, subject)
        title = own.get(id(w)) or (feature_title(w.features[0]) if w.features else section.heading)
        title = title[:1].upper() + title[1:]
        slug = _slug(title) or w.kind
        if slug in used:
            slug = f"{slug}-{w.kind}"
        if slug in used:
            continue
        used.add(slug)
        nav = title if len(title) <= 18 else section.eyebrow or w.kind.title()
        pages.append(Page(slug=slug, title=title, nav_label=nav, description=f"{title}: {section.subheading}"[:150],
                          sections=[section]))


def drop_feature_sections(det: Detection, req: Request) -> None:
    """Forget section words that were part of a listed functionality ("team rankings" asks for no team)."""
    text = " ".join(f.phrase for f in req.features).lower()
    if not text:
        return
    inside = {kind for word, kind in SECTION_WORDS.items() if re.search(rf"\b{re.escape(word)}", text)}
    det.sections = [k for k in det.sections if k not in inside]


def names_more_than(subject: str, kind: str) -> bool:
    """True when the subject has words the kind's keywords do not ("vegan" in "vegan restaurant")."""
    from sitegen.offline.detect import KIND_KEYWORDS  # noqa: PLC0415 - same package, plain data

    words = " ".join(KIND_KEYWORDS.get(kind, {})).lower()
    return any(w.lower() not in words for w in re.findall(r"[^\W\d_]{3,}", subject)
               if w.lower() not in {"website", "site", "page", "landing", "business", "local", "online", "the"})
