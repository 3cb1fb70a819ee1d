"""Colour requests in a prompt: the 148 CSS named colours, hex, rgb()/hsl(), mood phrases and roles.

"Define the background as ghost white and components as slate gray" gives
``background=#f8f8ff`` and ``primary=#708090``. Names match in any spacing or case ("slate gray",
"SlateGray", "slate-grey"). Plain hue words without a role ("a green bakery") are kept as *loose*
colours: the planner draws a designed shade of that hue; every other request is *exact* and is
used as written. Pure string work, one compiled regex, nothing raises.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field
from functools import cache

# every CSS named colour, words separated by spaces so "slate gray" and "slategray" both match
_CSS = """
alice blue f0f8ff|antique white faebd7|aqua 00ffff|aquamarine 7fffd4|azure f0ffff|beige f5f5dc|bisque ffe4c4
black 000000|blanched almond ffebcd|blue 0000ff|blue violet 8a2be2|brown a52a2a|burly wood deb887
cadet blue 5f9ea0|chartreuse 7fff00|chocolate d2691e|coral ff7f50|cornflower blue 6495ed|cornsilk fff8dc
crimson dc143c|cyan 00ffff|dark blue 00008b|dark cyan 008b8b|dark goldenrod b8860b|dark gray a9a9a9
dark green 006400|dark khaki bdb76b|dark magenta 8b008b|dark olive green 556b2f|dark orange ff8c00
dark orchid 9932cc|dark red 8b0000|dark salmon e9967a|dark sea green 8fbc8f|dark slate blue 483d8b
dark slate gray 2f4f4f|dark turquoise 00ced1|dark violet 9400d3|deep pink ff1493|deep sky blue 00bfff
dim gray 696969|dodger blue 1e90ff|fire brick b22222|floral white fffaf0|forest green 228b22|fuchsia ff00ff
gainsboro dcdcdc|ghost white f8f8ff|gold ffd700|goldenrod daa520|gray 808080|green 008000
green yellow adff2f|honeydew f0fff0|hot pink ff69b4|indian red cd5c5c|indigo 4b0082|ivory fffff0|khaki f0e68c
lavender e6e6fa|lavender blush fff0f5|lawn green 7cfc00|lemon chiffon fffacd|light blue add8e6
light coral f08080|light cyan e0ffff|light goldenrod yellow fafad2|light gray d3d3d3|light green 90ee90
light pink ffb6c1|light salmon ffa07a|light sea green 20b2aa|light sky blue 87cefa|light slate gray 778899
light steel blue b0c4de|light yellow ffffe0|lime 00ff00|lime green 32cd32|linen faf0e6|magenta ff00ff
maroon 800000|medium aquamarine 66cdaa|medium blue 0000cd|medium orchid ba55d3|medium purple 9370db
medium sea green 3cb371|medium slate blue 7b68ee|medium spring green 00fa9a|medium turquoise 48d1cc
medium violet red c71585|midnight blue 191970|mint cream f5fffa|misty rose ffe4e1|moccasin ffe4b5
navajo white ffdead|navy 000080|old lace fdf5e6|olive 808000|olive drab 6b8e23|orange ffa500
orange red ff4500|orchid da70d6|pale goldenrod eee8aa|pale green 98fb98|pale turquoise afeeee
pale violet red db7093|papaya whip ffefd5|peach puff ffdab9|peru cd853f|pink ffc0cb|plum dda0dd
powder blue b0e0e6|purple 800080|rebecca purple 663399|red ff0000|rosy brown bc8f8f|royal blue 4169e1
saddle brown 8b4513|salmon fa8072|sandy brown f4a460|sea green 2e8b57|sea shell fff5ee|sienna a0522d
silver c0c0c0|sky blue 87ceeb|slate blue 6a5acd|slate gray 708090|snow fffafa|spring green 00ff7f
steel blue 4682b4|tan d2b48c|teal 008080|thistle d8bfd8|tomato ff6347|turquoise 40e0d0|violet ee82ee
wheat f5deb3|white ffffff|white smoke f5f5f5|yellow ffff00|yellow green 9acd32
"""
CSS_NAMES: dict[str, str] = {}  # "slategray" -> "#708090" (the CSS keyword, no spaces)
CSS_WORDS: dict[str, tuple[str, ...]] = {}  # "slategray" -> ("slate", "gray")
for _entry in _CSS.replace("\n", "|").split("|"):
    if _entry.strip():
        *_words, _hex = _entry.split()
        CSS_NAMES["".join(_words)] = "#" + _hex
        CSS_WORDS["".join(_words)] = tuple(_words)
for _key in [k for k in CSS_NAMES if "gray" in k]:  # every gray also spelled grey
    CSS_NAMES[_key.replace("gray", "grey")] = CSS_NAMES[_key]
    CSS_WORDS[_key.replace("gray", "grey")] = tuple(w.replace("gray", "grey") for w in CSS_WORDS[_key])

# hue words people use loosely ("a green bakery"): a designed shade unless a role or "exactly" is given
LOOSE_HUES: dict[str, str] = {
    "green": "#2f7d4f", "blue": "#2563eb", "red": "#dc2626", "yellow": "#eab308", "orange": "#ea580c",
    "purple": "#7c3aed", "pink": "#db2777", "brown": "#7c4a2d", "gray": "#4b5563", "grey": "#4b5563",
    "teal": "#0f766e", "navy": "#1e2a5a", "gold": "#c9a24a", "olive": "#6b6b2a", "violet": "#6d28d9",
    "turquoise": "#0e9aa7", "indigo": "#4338ca", "lavender": "#8b7bd8", "beige": "#b59b7c",
    "silver": "#8a8f98", "coral": "#f0644a", "crimson": "#b91c1c", "maroon": "#7a1f2b", "magenta": "#c026d3",
    "cyan": "#0891b2", "lime": "#65a30d", "tan": "#a47c52", "khaki": "#8a7f3f", "plum": "#7e3f74",
    "salmon": "#e0705a", "chocolate": "#5b3420", "ivory": "#b59b7c", "aqua": "#0e9aa7",
    "black": "#111111", "white": "#ffffff",  # "black and gold" is a dark theme, not #000000 buttons
}
# designer colour words that are not CSS names (always loose unless given a role)
EXTRA_WORDS: dict[str, str] = {
    "sage": "#6b8f71", "emerald": "#0f8a5f", "forest": "#1f5135", "mint": "#3fae8c", "sky": "#0284c7",
    "cobalt": "#1d4ed8", "lilac": "#a47dc9", "blush": "#d9778b", "rose": "#e11d48", "burgundy": "#7f1d3a",
    "wine": "#7b2240", "peach": "#f2926b", "terracotta": "#c4603f", "rust": "#b4502a", "amber": "#d97706",
    "mustard": "#c9a227", "golden": "#c9a24a", "caramel": "#b9763a", "cream": "#c8a97e", "sand": "#c2a878",
    "charcoal": "#2b2b2b", "espresso": "#4a2c1d",
}
for _word, _hex in EXTRA_WORDS.items():
    CSS_WORDS.setdefault(_word, (_word,))
# CSS names and colour words that are also everyday words ("tomato soup", "wine bar"): colours only
# next to a colour word, a role or another colour; the plain hues count anywhere ("navy saas")
NEEDS_CONTEXT = {"tomato", "chocolate", "salmon", "olive", "lime", "orange", "linen", "bisque", "wheat",
                 "peru", "plum", "orchid", "thistle", "honeydew", "moccasin", "snow", "azure", "tan",
                 "chartreuse", "khaki", "ivory", "aqua", "fuchsia", "espresso", "wine", "cream", "sand", "rust",
                 "sky", "forest", "peach", "mint", "gainsboro", "cornsilk", "seashell"}

ROLE_WORDS: dict[str, str] = {
    "background": "background", "backgrounds": "background", "backdrop": "background", "bg": "background",
    "canvas": "background",
    "component": "primary", "components": "primary", "button": "primary", "buttons": "primary",
    "primary": "primary", "brand": "primary", "main": "primary", "header": "primary", "headers": "primary",
    "navbar": "primary", "nav": "primary", "navigation": "primary", "ui": "primary", "elements": "primary",
    "accent": "accent", "accents": "accent", "highlight": "accent", "highlights": "accent",
    "secondary": "accent", "links": "accent", "link": "accent", "details": "accent", "icons": "accent",
    "card": "surface", "cards": "surface", "panels": "surface", "panel": "surface", "surface": "surface",
    "surfaces": "surface", "sections": "surface", "boxes": "surface",
    "text": "text", "font": "text", "fonts": "text", "typography": "text", "headings": "text",
}
COLOUR_CONTEXT = re.compile(
    r"\b(?:colou?rs?|palette|theme|scheme|tones?|shades?|hues?|accents?|background|buttons?|components?|"
    r"text|fonts?|brand|primary|secondary|highlights?)\b", re.I)
MOODS: dict[str, str] = {
    "dark theme": "dark", "dark mode": "dark", "dark background": "dark", "night mode": "dark", "dark": "dark",
    "light theme": "light", "light mode": "light", "pastel": "pastel", "pastels": "pastel", "earthy": "earthy",
    "earth tones": "earthy", "earth-toned": "earthy", "muted": "muted", "vibrant": "vibrant", "neon": "neon",
    "monochrome": "monochrome", "black and white": "monochrome", "night": "dark", "light": "light",
    "cool tones": "cool", "cool colours": "cool", "cool colors": "cool", "warm tones": "warm",
    "warm colours": "warm", "warm colors": "warm", "jewel tones": "jewel", "bright": "vibrant",
}
_MOOD_RE = {w: re.compile(r"(?<![\w-])" + r"[\s-]+".join(map(re.escape, w.split())) + r"(?![\w-])", re.I)
            for w in MOODS}


@dataclass
class ColourAsk:
    """One colour the prompt asks for."""

    hex: str  # exactly as asked (#rrggbb)
    name: str  # "slategray", "#ff8800", "rgb(10, 20, 30)"
    role: str = ""  # background | primary | accent | surface | text | "" (not said)
    loose: bool = False  # a plain hue word without a role: a designed shade may stand in
    start: int = 0


@dataclass
class ColourRequest:
    """Every colour request in the prompt, in prompt order, and the mood words."""

    asks: list[ColourAsk] = field(default_factory=list)
    moods: list[str] = field(default_factory=list)

    def role(self, role: str) -> str:
        """The exact colour asked for ``role``; "" when none."""
        return next((a.hex for a in self.asks if a.role == role), "")


@cache
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = [r"[\s_-]*".join(re.escape(w) for w in CSS_WORDS[k]) for k in sorted(names, key=lambda k: -len(k))]
    return re.compile(r"(?<![\w#-])(" + "|".join(parts or ["(?!)"]) + r")(?![\w])", re.I)


def _name_regex(text: str = "") -> re.Pattern[str]:
    """A regex for the colour names that can occur in ``text`` (all of them when ``text`` is "")."""
    low = text.lower()
    return _names_regex(tuple(k for k in CSS_WORDS if not low or CSS_WORDS[k][0] in low))


_HEX = re.compile(r"(?<![\w&])#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z])")
_RGB = re.compile(r"\brgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/][^)]*)?\)", re.I)
_HSL = re.compile(r"\bhsla?\(\s*(\d{1,3})(?:deg)?\s*[, ]\s*(\d{1,3})%\s*[, ]\s*(\d{1,3})%\s*(?:[,/][^)]*)?\)",
                  re.I)


def _key(raw: str) -> str:
    return re.sub(r"[\s_-]+", "", raw.lower())


def _role_near(text: str, start: int, end: int) -> str:
    """The role a colour at text[start:end] is given: words right after it, else the nearest before it."""
    after = re.match(r"[\s-]*(?:colou?r(?:ed)?\s+)?(?:(?:for|as|on)\s+(?:the\s+|all\s+|its\s+|a\s+)?)?([a-z]+)",
                     text[end:end + 40], re.I)
    if after and after.group(1).lower() in ROLE_WORDS:
        return ROLE_WORDS[after.group(1).lower()]
    before = text[max(0, start - 70):start]
    before = re.split(r"[.;!?\n]|\band\b(?=[^.;]*\b(?:as|in|to|be|is)\b\s*$)|,\s*(?=\w+\s)", before)[-1]
    words = re.findall(r"[a-z]+", before.lower())
    for word in reversed(words[-8:]):
        if word in ROLE_WORDS:
            return ROLE_WORDS[word]
    return ""


def _in_context(text: str, start: int, end: int) -> bool:
    """True when a word like "cream" or "olive" is used as a colour here (a colour word or colour nearby)."""
    window = text[max(0, start - 60):end + 60]
    if COLOUR_CONTEXT.search(window):
        return True
    before = re.search(r"((?:[\w-]+\s+){1,3})(?:and|&|or|,)\s*$", text[max(0, start - 40):start], re.I)
    after = re.match(r"\s*(?:and|&|or|,)\s*((?:[\w-]+\s*){1,3})", text[end:end + 40], re.I)
    return any(m and _plain_colour(m.group(1)) for m in (before, after))


def _plain_colour(words: str) -> bool:
    m = _name_regex(words).search(words)
    return bool(m and _key(m.group(1)) not in NEEDS_CONTEXT)


def _hsl_hex(h: int, s: int, lum: int) -> str:
    r, g, b = colorsys.hls_to_rgb(h % 360 / 360, min(lum, 100) / 100, min(s, 100) / 100)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


def read_colours(text: str) -> ColourRequest:
    """Every colour asked for in ``text`` (names, hex, rgb, hsl) with its role, and mood words."""
    text = text or ""
    found: list[ColourAsk] = []
    for m in _HEX.finditer(text):
        h = m.group(1).lower()
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        found.append(ColourAsk(hex="#" + h, name="#" + m.group(1), start=m.start()))
    for m in _RGB.finditer(text):
        r, g, b = (min(255, int(x)) for x in m.groups())
        found.append(ColourAsk(hex=f"#{r:02x}{g:02x}{b:02x}", name=m.group(0), start=m.start()))
    for m in _HSL.finditer(text):
        found.append(ColourAsk(hex=_hsl_hex(*(int(x) for x in m.groups())), name=m.group(0), start=m.start()))
    names = _name_regex(text)
    for m in names.finditer(text):
        key = _key(m.group(1))
        tail = text[m.end():m.end() + 12].lower()
        if re.match(r"[\s-]*(?:collar|house|friday|belt|chip|print|paper|board|pages|list|hat|box\b|cross)",
                    tail):
            continue  # "blue-collar", "White House", "Black Friday", "green belt", "blue chip"
        if key in NEEDS_CONTEXT and not _in_context(text, m.start(), m.end()):
            continue
        hex_ = CSS_NAMES.get(key) or EXTRA_WORDS[key]
        found.append(ColourAsk(hex=hex_, name=key, start=m.start()))
    for ask in found:
        end = ask.start + len(ask.name) if ask.name.startswith(("#", "rgb", "hsl")) else \
            names.match(text, ask.start).end()  # type: ignore[union-attr]
        ask.role = _role_near(text, ask.start, end)
        ask.loose = not ask.role and (ask.name in LOOSE_HUES or ask.name in EXTRA_WORDS) and not re.search(
            r"\bexact(?:ly)?\b|\bcss\b|\bnamed colou?r", text[max(0, ask.start - 30):end + 30], re.I)
    found.sort(key=lambda a: a.start)
    moods: list[str] = []
    for word, mood in MOODS.items():
        if _MOOD_RE[word].search(text) and mood not in moods:
            if word in ("dark", "light", "bright") and not _mood_word_is_colour(text, word):
                continue
            moods.append(mood)
    return ColourRequest(asks=found, moods=moods)


def _mood_word_is_colour(text: str, word: str) -> bool:
    """"dark"/"light"/"bright" alone count only when not part of a colour name or another phrase."""
    for m in _MOOD_RE[word].finditer(text):
        nxt = text[m.end():m.end() + 24]
        if _name_regex(nxt).match(nxt.lstrip(" -")) and not re.match(r"\s*(?:and|or|,)", nxt):
            continue  # "dark goldenrod", "light blue": a colour name, not a mood
        if word == "light" and re.match(r"\s*(?:weight|meals?|bites|lunch|snacks?|rail|house|bulbs?|ing)", nxt,
                                        re.I):
            continue
        return True
    return False
