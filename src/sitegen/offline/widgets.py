"""Pick working widgets from what the request asks users to do, and fill them with subject data.

"search games" → a search section over games; "book a table" → a booking form with date and time;
"compare teams" → a sortable table; "track bets" → a dashboard. Data comes from the subject's
domain (:mod:`widget_data`, :mod:`widget_data_more`). See ``sitegen.plan.WIDGET_KINDS`` for how each
widget reads its Section fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitegen.offline.request import Feature, Request, feature_title
from sitegen.offline.widget_data import DOMAINS
from sitegen.offline.widget_data_more import MORE_DOMAINS
from sitegen.plan import Item, Section

ALL_DOMAINS: dict[str, dict[str, Any]] = {**DOMAINS, **MORE_DOMAINS}

# verb -> (widget kind, variant): what a listed action needs
VERB_WIDGETS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("practice", "practise", "test", "quiz", "study"), ("quiz", "default")),
    **dict.fromkeys(("calculate", "estimate", "convert"), ("calculator", "default")),
    **dict.fromkeys(("book", "reserve", "schedule", "rsvp", "rent", "hire"), ("form", "booking")),
    **dict.fromkeys(("apply", "submit", "upload", "post", "list", "sell", "donate", "volunteer", "report", "offer",
                     "enter"), ("form", "application")),
    **dict.fromkeys(("register", "sign up", "join", "enroll", "enrol", "subscribe", "log in", "sign-up", "signup"),
                    ("form", "registration")),
    **dict.fromkeys(("contact", "message", "ask", "send", "leave", "write"), ("form", "contact")),
    **dict.fromkeys(("save", "favorite", "favourite", "bookmark", "buy", "order", "purchase", "add", "keep",
                     "shortlist", "shop"), ("favorites", "default")),
    **dict.fromkeys(("visualize", "visualise", "analyze", "analyse", "graph"), ("chart", "default")),
    **dict.fromkeys(("track", "monitor", "manage", "log"), ("dashboard", "default")),
    **dict.fromkeys(("compare", "rank"), ("table", "default")),
    **dict.fromkeys(("search", "find", "browse", "filter", "sort", "explore", "discover", "look up", "borrow",
                     "locate"), ("search", "default")),
}
# (pattern over the object, widget kind, variant) when the verb says little ("view", "see", none)
RULES: tuple[tuple[str, str, str], ...] = (
    (r"quiz|practice|flashcard|trivia|mock exam|self-assess|puzzle", "quiz", "default"),
    (r"calculat|estimat|converter|cost split", "calculator", "default"),
    (r"appointment|reservation|booking|rsvp", "form", "booking"),
    (r"application|submission", "form", "application"),
    (r"registration|sign[ -]?up|account|membership|newsletter", "form", "registration"),
    (r"quote|test drive|consultation|demo", "form", "lead"),
    (r"contact|feedback|enquir|inquir", "form", "contact"),
    (r"wish ?list|watch ?list|reading list|cart|favou?rite|bookmark|shortlist|tickets", "favorites", "default"),
    (r"chart|graph|trend|statistic|\bstats\b|analytic|visuali[sz]|performance|over time|insights", "chart", "default"),
    (r"dashboard|progress|overview|portfolio|reminder", "dashboard", "default"),
    (r"compar|ranking|standing|leaderboard|\btable\b|\bodds\b|history|fixtures|results|scores|price list|"
     r"timetable|rates|schedule", "table", "default"),
    (r"search|filter|categor|directory|catalog|listing|map\b", "search", "default"),
)
# explicit widget nouns anywhere in the prompt (no verb needed)
NOUN_RULES: tuple[tuple[str, str, str], ...] = (
    (r"search (?:bar|box|function|feature|engine)", "search", "default"),
    (r"booking (?:form|system|page|calendar)|online booking", "form", "booking"),
    (r"registration form|sign[ -]?up form", "form", "registration"),
    (r"\bquiz(?:zes)?\b", "quiz", "default"), (r"\bcalculators?\b", "calculator", "default"),
    (r"\bdashboards?\b", "dashboard", "default"), (r"\bcharts?\b|\bgraphs?\b", "chart", "default"),
    (r"wish ?list|shopping cart|favou?rites list", "favorites", "default"),
    (r"leaderboard|league table|comparison table|standings", "table", "default"),
)
CTA = {"booking": "Book now", "registration": "Create account", "application": "Send application",
       "contact": "Send message", "lead": "Request a quote"}
SUCCESS = {"booking": "Thanks! Your booking request is in; we will confirm by email shortly.",
           "registration": "Welcome aboard! Check your inbox to confirm your account.",
           "application": "Thanks! We have received it and will be in touch within two working days.",
           "contact": "Thanks for your message! We reply within one working day.",
           "lead": "Thanks! Expect a tailored quote in your inbox within 24 hours."}
EYEBROW = {"search": "Search", "quiz": "Practice", "calculator": "Calculator", "table": "Compare",
           "chart": "Trends", "dashboard": "Overview", "favorites": "Your list"}


@dataclass
class Widget:
    """A widget chosen for the site and the features (in the user's words) it serves."""

    kind: str
    variant: str
    features: list[Feature] = field(default_factory=list)


def _text(f: Feature) -> str:
    return f"{f.verb} {f.obj}".strip().lower()


def choose_widgets(req: Request, prompt: str, limit: int = 6) -> list[Widget]:
    """Widgets for the request's features, in order, one per kind (forms: one per variant)."""
    chosen: dict[tuple[str, str], Widget] = {}
    for feat in req.features:
        found = VERB_WIDGETS.get(feat.verb.lower())
        lead = re.search(r"quote|test drive|demo|consult", feat.obj, re.I)
        if feat.verb.lower() in {"request", "get", "ask", "book"} and lead:
            found = ("form", "lead")
        if found and found[0] == "dashboard" and re.search(r"statistic|\bstats\b|trend|chart|graph", feat.obj, re.I):
            found = ("chart", "default")  # "track listener statistics" is a chart
        if found is None:
            text = _text(feat)
            found = next(((k, v) for pattern, k, v in RULES if re.search(pattern, text)), None)
        if found:
            key = (found[0], found[1] if found[0] == "form" else "")
            chosen.setdefault(key, Widget(*found)).features.append(feat)
    low = prompt[:4000].lower()
    for pattern, kind, variant in NOUN_RULES:
        if re.search(pattern, low):
            chosen.setdefault((kind, variant if kind == "form" else ""), Widget(kind, variant))
    forms = [k for k in chosen if k[0] == "form"]
    for extra in forms[2:]:  # two forms at most: the first two asked for
        chosen.pop(extra)
    return list(chosen.values())[:limit]


def _count(pattern: str, low: str) -> int:
    """Matches of a domain pattern in lowercase text; alternatives whose letters are absent are skipped."""
    total = 0
    for alt in pattern.split("|"):
        core = re.sub(r"\\b|\(\?:[^)]*\)|[?()\[\]\\^$*+.]|s\?$", "", alt)
        if core[:4] in low:
            total += len(re.findall(alt, low))
    return total


def domain_for(subject: str, prompt: str) -> str:
    """The data domain for a subject ("basketball betting analytics" → "sports"); "generic" when none fits."""
    for text in (subject, prompt[:600]):
        if not text:
            continue
        low = text.lower()
        hits = [(_count(d["match"], low), -i, name) for i, (name, d) in enumerate(ALL_DOMAINS.items())]
        best = max(hits)
        if best[0]:
            return best[2]
    return "generic"


def _fill(value: str, subject: str) -> str:
    s = subject or "the topic"
    return value.replace("{S}", s[:1].upper() + s[1:]).replace("{s}", s)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _heading(widget: Widget, data: dict[str, Any], subject: str) -> tuple[str, str]:
    """(heading, subheading) in the user's words when a feature asked for the widget."""
    feats = widget.features
    if widget.kind == "table":  # the feature that names a ranking or a comparison leads
        feats = sorted(feats, key=lambda f: not re.search(r"rank|standing|leader|compar|table", f.obj + f.verb, re.I))
    if feats:
        head = feature_title(feats[0])
        rest = [f.phrase for f in feats[1:3]]
        sub = f"Also here: {', '.join(rest)}." if rest else ""
        return head, sub
    noun = data["noun"]
    defaults = {"search": f"Find {noun}", "quiz": "Test yourself", "calculator": "Work it out",
                "table": f"Compare {noun}", "chart": _fill(data["chart"][0], subject),
                "dashboard": "At a glance", "favorites": f"Save your favourite {noun}",
                "form": "Get in touch"}
    return defaults[widget.kind], ""


def _form_items(variant: str, data: dict[str, Any], subject: str) -> list[Item]:
    items = [Item(title="Full name", meta="text", text="Your name", highlight=True),
             Item(title="Email", meta="email", text="you@example.com", highlight=True)]
    if variant == "booking":
        items += [Item(title="Date", meta="date", highlight=True), Item(title="Time", meta="time", highlight=True),
                  Item(title="Number of people", meta="number", text="1–12"),
                  Item(title="Notes", meta="textarea", text="Anything we should know?")]
        return items
    if variant in {"registration", "application", "lead"}:
        items.append(Item(title="Phone", meta="tel", text="Optional"))
        for label, type_, help_, options in data.get("fields", [])[:2]:
            items.append(Item(title=_fill(label, subject), meta=type_, text=help_, tags=list(options)))
    if variant == "application":
        items.append(Item(title="Details", meta="textarea", text="Tell us about yourself or what you are submitting",
                          highlight=True))
    elif variant == "lead":
        items.append(Item(title="What do you need?", meta="textarea", text="A few lines are enough",
                          highlight=True))
    elif variant == "contact":
        items.append(Item(title="Message", meta="textarea", text="How can we help?", highlight=True))
    return items


def _widget_items(kind: str, data: dict[str, Any], subject: str, icon: str) -> tuple[list[Item], list[str], str]:
    """(items, columns, body) for a non-form widget."""
    f = lambda v: _fill(v, subject)  # noqa: E731
    if kind in {"search", "favorites"}:
        return [Item(title=f(t), text=f(x), meta=m, tags=list(g), icon=icon) for t, x, m, g in data["items"]], [], ""
    if kind == "table":
        cols, rows = data["table"]
        return [Item(title=f(r[0]), tags=[f(c) for c in r[1:]]) for r in rows], list(cols), ""
    if kind == "chart":
        return [Item(title=label, meta=str(value)) for label, value in data["chart"][2]], [], ""
    if kind == "dashboard":
        return [Item(title=label, meta=fig, text=note, icon=icon) for label, fig, note in data["stats"]], [], ""
    if kind == "quiz":
        return [Item(title=f(q), tags=[f(o) for o in opts], meta=f(ans), text=f(why))
                for q, opts, ans, why in data["quiz"]], [], ""
    variant, body, inputs = data["calc"]
    return [Item(title=label, meta=default, text=unit) for label, default, unit in inputs], [], body


ICONS = {"search": "Search", "favorites": "Heart", "dashboard": "ChartColumn", "table": "Table",
         "chart": "ChartLine", "quiz": "CircleHelp", "calculator": "Calculator"}


def widget_section(widget: Widget, domain: str, subject: str) -> Section:
    """A filled widget section for ``widget`` with data from ``domain``."""
    data = ALL_DOMAINS.get(domain, ALL_DOMAINS["generic"])
    heading, sub = _heading(widget, data, subject)
    if widget.kind == "form":
        return Section(kind="form", variant=widget.variant, eyebrow=_cap(widget.variant.replace("lead", "quote")),
                       heading=heading, subheading=sub or "It takes less than a minute.",
                       items=_form_items(widget.variant, data, subject), cta_label=CTA[widget.variant],
                       body=SUCCESS[widget.variant])
    items, columns, body = _widget_items(widget.kind, data, subject, ICONS.get(widget.kind, ""))
    variant = "default"
    if widget.kind == "chart":
        variant = data["chart"][1]
    elif widget.kind == "calculator":
        variant = data["calc"][0]
    if not sub:
        sub = {"search": "Results update as you type; tap a tag to filter.",
               "table": "Click a column heading to sort.", "quiz": "Pick an answer for each question, then check your "
               "score.", "favorites": "Tap the heart to keep an item; your list stays on this device.",
               "calculator": "Change any number and the result updates.",
               "dashboard": "The numbers that matter, updated as things change.",
               "chart": _fill(data["chart"][0], subject)}.get(widget.kind, "")
    return Section(kind=widget.kind, variant=variant, eyebrow=EYEBROW.get(widget.kind, ""), heading=heading,
                   subheading=sub, body=body, items=items, columns=columns)
