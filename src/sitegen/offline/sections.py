"""New sections for an existing plan (offline edits): copy suited to the site's kind, from the copy library."""

from __future__ import annotations

import json
import re
import zlib
from typing import Any

from sitegen.offline import copy_business, copy_community, copy_food, copy_personal, copy_services
from sitegen.offline.copy_common import CITY_INFO, GENERIC, PEOPLE
from sitegen.plan import Item, Section

FOOD_PRICING: dict[str, Any] = {
    "eyebrow": ["Beyond the counter"],
    "heading": ["Subscriptions and catering"],
    "sub": ["Take {name} home, to the office, or to your next party."],
    "items": [
        {
            "title": "At home",
            "text": "A weekly box of our favourites, delivered fresh.",
            "meta": "{cur}15 / week",
            "tags": ["Delivered every Friday", "Skip or pause any week"],
        },
        {
            "title": "At the office",
            "text": "Everything your team needs for a good morning.",
            "meta": "{cur}90 / month",
            "tags": ["Weekly delivery", "Free tasting session", "Flexible quantities"],
            "highlight": True,
        },
        {
            "title": "Events",
            "text": "Catering for birthdays, launches and weddings.",
            "meta": "from {cur}250",
            "tags": ["Menus made with you", "Set-up and service"],
        },
    ],
    "cta": [("Ask about catering", "#contact")],
}
KIND_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("cafe", "pricing"): FOOD_PRICING,
    ("bakery", "pricing"): FOOD_PRICING,
    ("restaurant", "pricing"): FOOD_PRICING,
}


def default_section(data: dict[str, Any], kind: str) -> Section:
    """A section of ``kind`` with copy suited to the plan's kind (from the offline copy library)."""
    spec = _copy_spec(data.get("kind", "general"), kind)
    values = _template_values(data)
    seed = zlib.crc32(f"{data['name']}:{kind}".encode())

    def pick(key: str) -> str:
        options = spec.get(key) or [""]
        return _fill(options[seed % len(options)], values)

    items_raw = list(spec.get("items") or [])
    if spec.get("pick"):
        items_raw = items_raw[: int(spec["pick"])]
    metas = spec.get("metas") or []
    people = _people()
    items: list[Item] = []
    for i, raw in enumerate(items_raw):
        item = json.loads(_fill(json.dumps(raw), values, json_safe=True))
        if kind in ("testimonials", "team") and not item.get("title") and people:
            item["title"] = people[(seed + i) % len(people)]
        if kind == "testimonials" and not item.get("meta") and metas:
            item["meta"] = _fill(metas[i % len(metas)], values)
        items.append(Item.model_validate(item))
    cta = (spec.get("cta") or [("", "")])[0]
    secondary = (spec.get("secondary") or [("", "")])[0]
    return Section(
        kind=kind,
        eyebrow=pick("eyebrow"),
        heading=pick("heading") or kind.title(),
        subheading=pick("sub"),
        body=pick("body"),
        items=items,
        cta_label=_fill(cta[0], values),
        cta_href=cta[1],
        secondary_label=_fill(secondary[0], values),
        secondary_href=secondary[1],
    )


def _copy_spec(site_kind: str, kind: str) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {}
    for module in (copy_food, copy_business, copy_services, copy_community, copy_personal):
        kinds.update(getattr(module, "KINDS", {}))
    own = (kinds.get(site_kind) or {}).get("sections", {}).get(kind) or KIND_OVERRIDES.get((site_kind, kind))
    if own:
        return own
    return GENERIC.get(kind) or {"heading": [kind.replace("_", " ").title()]}


def _people() -> list[str]:
    return list(PEOPLE)


def _template_values(data: dict[str, Any]) -> dict[str, str]:
    place = data.get("location") or ""
    cur = CITY_INFO.get(place.lower().split(",")[0].strip(), ("$", ""))[0]
    return {
        "name": data["name"],
        "place": place or "town",
        "in_place": f" in {place}" if place else "",
        "label": data.get("kind", "business").replace("_", " "),
        "cur": cur,
        "year": str(2008 + zlib.crc32(data["name"].encode()) % 12),
    }


def _fill(template: str, values: dict[str, str], json_safe: bool = False) -> str:
    def sub(m: re.Match[str]) -> str:
        value = values.get(m.group(1), m.group(0))
        return json.dumps(value)[1:-1] if json_safe else value

    return re.sub(r"\{(\w+)\}", sub, template or "")
