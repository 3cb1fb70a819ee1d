"""The lucide-react icon names the template's pinned version exports, and a safe name mapper.

The list lives in ``lucide_icons.txt`` (generated once from lucide-react 1.77.0's
``dist/lucide-react.d.ts`` with :func:`generate_icon_list`). Every name ``X`` in it is also
importable as ``XIcon`` and ``LucideX``.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources
from pathlib import Path

DEFAULT_ICON = "Sparkles"

# common names models and people use that lucide spells differently (or has no brand icon for)
_SYNONYMS: dict[str, str] = {
    "cafe": "Coffee",
    "coffeecup": "Coffee",
    "espresso": "Coffee",
    "tea": "CupSoda",
    "food": "Utensils",
    "restaurant": "UtensilsCrossed",
    "dining": "UtensilsCrossed",
    "email": "Mail",
    "envelope": "Mail",
    "location": "MapPin",
    "address": "MapPin",
    "map": "Map",
    "pin": "MapPin",
    "time": "Clock",
    "hours": "Clock",
    "money": "DollarSign",
    "price": "Tag",
    "dollar": "DollarSign",
    "euro": "Euro",
    "instagram": "Camera",
    "facebook": "Users",
    "twitter": "AtSign",
    "x": "AtSign",
    "linkedin": "Briefcase",
    "youtube": "Play",
    "tiktok": "Music",
    "github": "Code",
    "gitlab": "Code",
    "dribbble": "Palette",
    "pinterest": "Bookmark",
    "whatsapp": "MessageCircle",
    "chat": "MessageCircle",
    "phonecall": "Phone",
    "telephone": "Phone",
    "person": "User",
    "people": "Users",
    "team": "Users",
    "group": "Users",
    "security": "ShieldCheck",
    "secure": "ShieldCheck",
    "fast": "Zap",
    "speed": "Zap",
    "lightning": "Zap",
    "quality": "BadgeCheck",
    "check": "Check",
    "tick": "Check",
    "success": "CircleCheck",
    "love": "Heart",
    "like": "ThumbsUp",
    "rating": "Star",
    "review": "Star",
    "growth": "TrendingUp",
    "chart": "ChartColumn",
    "analytics": "ChartLine",
    "cloud": "Cloud",
    "ai": "Sparkles",
    "magic": "WandSparkles",
    "gym": "Dumbbell",
    "fitness": "Dumbbell",
    "yoga": "Flower2",
    "spa": "Flower2",
    "hair": "Scissors",
    "salon": "Scissors",
    "barber": "Scissors",
    "car": "Car",
    "delivery": "Truck",
    "shipping": "Truck",
    "shop": "Store",
    "cart": "ShoppingCart",
    "bag": "ShoppingBag",
    "gift": "Gift",
    "calendar": "Calendar",
    "event": "CalendarDays",
    "music": "Music",
    "photo": "Camera",
    "photography": "Camera",
    "image": "Image",
    "pet": "PawPrint",
    "dog": "Dog",
    "cat": "Cat",
    "medical": "Stethoscope",
    "doctor": "Stethoscope",
    "health": "HeartPulse",
    "dentist": "Smile",
    "school": "GraduationCap",
    "education": "GraduationCap",
    "book": "BookOpen",
    "law": "Scale",
    "legal": "Scale",
    "finance": "Landmark",
    "bank": "Landmark",
    "home": "House",
    "house": "House",
    "building": "Building2",
    "tools": "Wrench",
    "tool": "Wrench",
    "repair": "Wrench",
    "settings": "Settings",
    "gear": "Settings",
    "eco": "Leaf",
    "nature": "Leaf",
    "plant": "Sprout",
    "wine": "Wine",
    "beer": "Beer",
    "cake": "CakeSlice",
    "bakery": "Croissant",
    "bread": "Croissant",
    "pizza": "Pizza",
    "world": "Globe",
    "global": "Globe",
    "web": "Globe",
    "support": "LifeBuoy",
    "help": "LifeBuoy",
    "idea": "Lightbulb",
    "rocket": "Rocket",
    "launch": "Rocket",
    "target": "Target",
    "goal": "Target",
    "award": "Award",
    "trophy": "Trophy",
    "lock": "Lock",
    "key": "KeyRound",
}


@cache
def base_names() -> frozenset[str]:
    text = resources.files("sitegen.offline").joinpath("lucide_icons.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def valid_lucide_icons() -> frozenset[str]:
    """Every icon component name lucide-react 1.77.0 exports (``X``, ``XIcon``, ``LucideX``)."""
    base = base_names()
    return frozenset(base | {f"{n}Icon" for n in base} | {f"Lucide{n}" for n in base})


@cache
def _by_key() -> dict[str, str]:
    return {n.lower(): n for n in sorted(base_names())}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def nearest_icon(name: str, default: str = DEFAULT_ICON) -> str:
    """Map any icon name to a name lucide-react exports; ``default`` when nothing is close."""
    name = (name or "").strip()
    if name in base_names():
        return name
    base = base_names()
    if name.endswith("Icon") and name[:-4] in base:
        return name[:-4]
    if name.startswith("Lucide") and name[6:] in base:
        return name[6:]
    key = _key(name)
    if not key:
        return default
    for candidate in (key, key.removesuffix("icon"), key.removeprefix("lucide")):
        if candidate in _by_key():
            return _by_key()[candidate]
        if candidate in _SYNONYMS:
            return _SYNONYMS[candidate]
    close = difflib.get_close_matches(key, sorted(_by_key()), n=1, cutoff=0.85)
    if close:
        return _by_key()[close[0]]
    # a word inside the name that is an icon on its own, e.g. "CoffeeCupHot" -> "Coffee"
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)
    for word in words:
        w = word.lower()
        if w in _SYNONYMS:
            return _SYNONYMS[w]
        if w in _by_key() and len(w) > 2:
            return _by_key()[w]
    return default


def generate_icon_list(dts: Path) -> list[str]:
    """Canonical names and aliases exported by a lucide-react ``dist/lucide-react.d.ts``."""
    src = dts.read_text("utf-8")
    declared = set(re.findall(r"^declare const ([A-Z][A-Za-z0-9]*): LucideIcon;", src, re.M))
    line = next(x for x in src.splitlines() if x.startswith("export {"))
    names: set[str] = set()
    for part in line[len("export {") :].rstrip("};").split(","):
        original, _, alias = part.strip().partition(" as ")
        if original.strip() in declared:
            names.add((alias or original).strip())
    return sorted(
        n
        for n in names
        if not (n.endswith("Icon") and n[:-4] in names)
        and not (n.startswith("Lucide") and n[6:] in names)
    )
