"""Widget sections (search, form, quiz, calculator, table, chart, dashboard, favorites) as data.

The plan says what a widget holds (see ``sitegen.plan.WIDGET_KINDS``); this module settles it into
what the client components can use without guessing: form fields get a known input type and a
label, quiz questions keep only answerable ones, tables get as many headers as cells, dashboards get
a trend per figure, and every widget has its button label. When a plan gives too little, sensible
defaults fill in, so a widget always works.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

WIDGETS = ("search", "form", "quiz", "calculator", "table", "chart", "dashboard", "favorites")

FIELD_TYPES = ("text", "email", "tel", "date", "time", "number", "select", "textarea")
FIELD_ALIASES = {
    "phone": "tel", "telephone": "tel", "mail": "email", "e-mail": "email", "message": "textarea",
    "long": "textarea", "multiline": "textarea", "choice": "select", "dropdown": "select",
    "options": "select", "integer": "number", "url": "text", "string": "text", "datetime": "date",
}

FORM_VARIANTS = ("contact", "registration", "booking", "application", "lead")
CALC_VARIANTS = ("sum", "product", "loan", "split")
CHART_VARIANTS = ("bar", "line", "donut")

# variant -> (label, type, help text, required, options)
FieldSpec = tuple[str, str, str, bool, tuple[str, ...]]
DEFAULT_FIELDS: dict[str, list[FieldSpec]] = {
    "contact": [
        ("Your name", "text", "", True, ()),
        ("Email", "email", "We reply within one working day.", True, ()),
        ("Message", "textarea", "", True, ()),
    ],
    "registration": [
        ("Full name", "text", "", True, ()),
        ("Email", "email", "", True, ()),
        ("Phone", "tel", "", False, ()),
        ("How did you hear about us?", "select", "Choose one", False, ("A friend", "Search", "Social media", "Other")),
    ],
    "booking": [
        ("Your name", "text", "", True, ()),
        ("Email", "email", "", True, ()),
        ("Date", "date", "", True, ()),
        ("Time", "time", "", True, ()),
        ("Number of people", "number", "", False, ()),
        ("Anything we should know?", "textarea", "", False, ()),
    ],
    "application": [
        ("Full name", "text", "", True, ()),
        ("Email", "email", "", True, ()),
        ("Phone", "tel", "", True, ()),
        ("Why are you a good fit?", "textarea", "A few sentences are plenty.", True, ()),
    ],
    "lead": [
        ("Your name", "text", "", True, ()),
        ("Work email", "email", "", True, ()),
        ("Company", "text", "", False, ()),
    ],
}

FORM_ACTIONS = {
    "contact": "Send message", "registration": "Register", "booking": "Request booking",
    "application": "Submit application", "lead": "Get in touch",
}
FORM_SUCCESS = {
    "contact": "Thanks, your message is ready for us!", "registration": "You are registered!",
    "booking": "Your booking request is in!", "application": "Application received!",
    "lead": "Thanks, we will be in touch!",
}

# variant -> default inputs (label, default, unit) and result label
CALC_DEFAULTS: dict[str, tuple[list[tuple[str, str, str]], str]] = {
    "sum": ([("First amount", "120", ""), ("Second amount", "80", "")], "Total"),
    "product": ([("Quantity", "3", ""), ("Price each", "25", "")], "Total"),
    "loan": ([("Loan amount", "250000", ""), ("Interest rate", "5", "% per year"), ("Term", "25", "years")],
             "Monthly payment"),
    "split": ([("Bill total", "120", ""), ("Tip", "15", "%"), ("People", "4", "")], "Each person pays"),
}
CALC_ACTIONS = {"sum": "Total", "product": "Total", "loan": "Monthly payment", "split": "Each person pays"}

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
CURRENCY = re.compile(r"^\s*([$€£¥₹]|[A-Z]{3}\s)")


def number(text: str) -> float | None:
    """The first number in ``text`` ("$1,250" -> 1250.0), or None."""
    match = NUMBER.search(re.sub(r"(?<=\d)[,\s](?=\d{3}\b)", "", text or ""))
    return float(match.group()) if match else None


def _pick(variant: str, known: tuple[str, ...], aliases: dict[str, str] | None = None) -> str:
    v = (variant or "").strip().lower()
    v = (aliases or {}).get(v, v)
    return v if v in known else known[0]


def _blank_item(title: str, text: str = "", meta: str = "", tags: list[str] | None = None,
                highlight: bool = False) -> dict[str, Any]:
    return {"title": title, "text": text, "icon": "", "meta": meta, "tags": tags or [], "highlight": highlight}


FORM_ALIASES = {
    "book": "booking", "reservation": "booking", "register": "registration", "signup": "registration",
    "sign-up": "registration", "apply": "application", "quote": "lead", "newsletter": "lead",
}


def form_variant(variant: str) -> str:
    """The form variant a plan's ``variant`` names (contact when unknown)."""
    return _pick(variant, FORM_VARIANTS, FORM_ALIASES)


def _form(data: dict[str, Any]) -> None:
    variant = form_variant(data["variant"])
    data["variant"] = variant
    fields = []
    for item in data["items"]:
        if not item["title"].strip():
            continue
        kind = item["meta"].strip().lower()
        kind = FIELD_ALIASES.get(kind, kind)
        if kind not in FIELD_TYPES:
            kind = "email" if "mail" in item["title"].lower() else "text"
        if kind == "select" and len(item["tags"]) < 2:
            kind = "text"
        fields.append({**item, "meta": kind})
    if len(fields) < 2:
        fields = [_blank_item(label, help_, kind, list(opts), req)
                  for label, kind, help_, req, opts in DEFAULT_FIELDS[variant]]
    if not any(f["highlight"] for f in fields):
        fields[0]["highlight"] = True
    data["items"] = fields[:10]
    data["action"] = data["action"] or FORM_ACTIONS[variant]
    data["success"] = data["body"].strip() or FORM_SUCCESS[variant]  # a form's body is its thank-you
    data["body"] = ""


def _quiz(data: dict[str, Any]) -> None:
    questions = []
    for item in data["items"]:
        options = list(dict.fromkeys(t.strip() for t in item["tags"] if t.strip()))
        answer = item["meta"].strip()
        if len(options) < 2:
            continue
        match = next((o for o in options if o.lower() == answer.lower()), None)
        if match is None and re.fullmatch(r"[A-Za-z]", answer) and ord(answer.upper()) - 65 < len(options):
            match = options[ord(answer.upper()) - 65]
        if match is None and answer.isdigit() and 1 <= int(answer) <= len(options):
            match = options[int(answer) - 1]
        if match is not None:
            questions.append({**item, "tags": options, "meta": match})
    data["items"] = questions
    data["action"] = data["action"] or "Check my answers"


def _calculator(data: dict[str, Any]) -> None:
    variant = _pick(data["variant"], CALC_VARIANTS, {"mortgage": "loan", "add": "sum", "total": "sum",
                                                     "multiply": "product", "bill": "split", "tip": "split"})
    data["variant"] = variant
    inputs = [i for i in data["items"] if i["title"].strip()]
    if len(inputs) < 2:
        defaults, _ = CALC_DEFAULTS[variant]
        inputs = [_blank_item(label, unit, value) for label, value, unit in defaults]
    for item in inputs:
        value = number(item["meta"])
        item["meta"] = "0" if value is None else f"{value:g}"
    data["items"] = inputs[:6]
    data["action"] = data["action"] or CALC_ACTIONS[variant]
    if not data["unit"]:
        money = next((m.group(1).strip() for i in inputs if (m := CURRENCY.match(i["text"]))), "")
        data["unit"] = money if variant in ("loan", "split", "sum", "product") else ""


def _table(data: dict[str, Any]) -> None:
    rows = [i for i in data["items"] if i["title"].strip()]
    width = max([len(data["columns"])] + [1 + len(r["tags"]) for r in rows] + [1])
    columns = [c for c in data["columns"] if c.strip()]
    columns += ["Name" if n == 0 else f"Column {n + 1}" for n in range(len(columns), width)]
    data["columns"] = columns[:8]
    data["items"] = [{**r, "tags": (r["tags"] + [""] * width)[: len(data["columns"]) - 1]} for r in rows]


def _chart(data: dict[str, Any]) -> None:
    data["variant"] = _pick(data["variant"], CHART_VARIANTS, {"bars": "bar", "column": "bar", "pie": "donut",
                                                              "area": "line", "trend": "line"})
    data["items"] = [i for i in data["items"] if number(i["meta"]) is not None][:12]


def _trend(title: str, value: float, n: int = 8) -> list[str]:
    """A believable, deterministic run of ``n`` values ending at ``value``."""
    seed = zlib.crc32(title.encode("utf-8"))
    out = []
    for k in range(n):
        wiggle = (((seed >> (k * 3)) & 7) - 3.5) / 40
        factor = 0.72 + 0.28 * k / (n - 1) + (wiggle if k < n - 1 else 0)
        v = value * factor
        out.append(f"{v:.0f}" if abs(value) >= 20 else f"{v:.1f}")
    return out


def _dashboard(data: dict[str, Any]) -> None:
    stats = [i for i in data["items"] if i["title"].strip() and number(i["meta"]) is not None][:8]
    for item in stats:
        values = [t for t in item["tags"] if number(t) is not None]
        item["tags"] = values if len(values) >= 2 else _trend(item["title"], number(item["meta"]) or 0)
    data["items"] = stats
    longest = max((len(i["tags"]) for i in stats), default=0)
    if len(data["columns"]) < longest:
        data["columns"] = [f"Week {k + 1}" for k in range(longest)]


def _search(data: dict[str, Any]) -> None:
    data["action"] = data["action"] or "Search"


def _favorites(data: dict[str, Any]) -> None:
    data["action"] = data["action"] or "Saved"


SETTLE = {
    "form": _form, "quiz": _quiz, "calculator": _calculator, "table": _table, "chart": _chart,
    "dashboard": _dashboard, "search": _search, "favorites": _favorites,
}


def settle_widget(data: dict[str, Any]) -> dict[str, Any]:
    """Normalise a widget section's data in place (and return it); other kinds pass through."""
    handler = SETTLE.get(data["kind"])
    if handler:
        handler(data)
    return data
