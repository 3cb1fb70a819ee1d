"""Palettes: a few curated ones per kind, tone tweaks, colour-word overrides, and WCAG contrast fixes.

Every palette :func:`build_palette` returns passes these checks (WCAG 2.x contrast ratios):
text and muted on background and on surface >= 4.5, primary_foreground on primary >= 4.5,
primary on background >= 3 (buttons, icons and links must stand out).
"""

from __future__ import annotations

import colorsys
import random

from sitegen.plan import Palette

# kind -> curated light palettes: (primary, accent, background, surface, text, muted)
BASE: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "cafe": [
        ("#6f4e37", "#d4a373", "#fbf7f2", "#f1e8dd", "#2b1d14", "#6b5545"),
        ("#9c4a1a", "#e9c46a", "#fffaf3", "#f5ead9", "#2a1a10", "#6e5848"),
        ("#3d5a40", "#d9a05b", "#f8f6f0", "#ece6d8", "#1f2a20", "#5a6355"),
    ],
    "restaurant": [
        ("#8c1c13", "#d6a756", "#fcf8f3", "#f3e9dc", "#231815", "#6b5b52"),
        ("#1f3a2e", "#c8963e", "#f9f7f1", "#ede8da", "#18201b", "#5c6259"),
        ("#b23a1e", "#2f4858", "#fffaf5", "#f6ebe1", "#2b1a14", "#6e5a50"),
    ],
    "bakery": [
        ("#c0587e", "#f2b880", "#fff8f6", "#fbe9e4", "#3a2228", "#7a5c63"),
        ("#b5702f", "#f6d6ad", "#fffaf2", "#f8ecd9", "#3b2614", "#74604c"),
        ("#a0522d", "#e7a977", "#fdf8f3", "#f4e7da", "#2f1f15", "#6f5c50"),
    ],
    "saas": [
        ("#4f46e5", "#06b6d4", "#ffffff", "#f5f7fb", "#0f172a", "#475569"),
        ("#0f62fe", "#a855f7", "#ffffff", "#f4f6fa", "#0b1220", "#4a5568"),
        ("#059669", "#6366f1", "#fcfdfc", "#f1f6f3", "#0c1a14", "#4b5a52"),
    ],
    "portfolio": [
        ("#111111", "#ff5a36", "#fafaf9", "#f0efed", "#111111", "#57534e"),
        ("#2d3a8c", "#f4b942", "#fbfbfd", "#eff0f6", "#14162b", "#535672"),
        ("#7a3e9d", "#2ec4b6", "#fdfcff", "#f2eef8", "#1e1428", "#5e5469"),
    ],
    "agency": [
        ("#ff4f00", "#1b1b1b", "#fffdf9", "#f6f1ea", "#141414", "#5c5750"),
        ("#5b21b6", "#f59e0b", "#fdfcff", "#f3effb", "#160f29", "#5b5470"),
        ("#0a7e8c", "#ff6b6b", "#fbfefe", "#ebf5f6", "#0c2226", "#4d6366"),
    ],
    "gym": [
        ("#e11d48", "#111827", "#ffffff", "#f4f4f5", "#0a0a0a", "#52525b"),
        ("#16a34a", "#0f172a", "#fbfdfb", "#eef5ef", "#0b140e", "#4d5b51"),
        ("#ea580c", "#1c1917", "#fffbf7", "#f6ede6", "#1c1917", "#57534e"),
    ],
    "salon": [
        ("#9d4b6b", "#e6c2a8", "#fdf9f8", "#f6ebe8", "#2e1c22", "#6f5a61"),
        ("#1f1f1f", "#c6a15b", "#faf8f5", "#efebe4", "#171717", "#5a554e"),
        ("#5e7d6f", "#e8b7a8", "#f9fbfa", "#eaf1ee", "#1b2622", "#56625c"),
    ],
    "clinic": [
        ("#0e7490", "#34d399", "#fbfeff", "#eef7f9", "#0b2530", "#48606a"),
        ("#2563eb", "#22c55e", "#ffffff", "#f1f5fb", "#0f1c33", "#4a5a70"),
        ("#0f766e", "#60a5fa", "#fbfefd", "#edf6f4", "#0d2421", "#4a605c"),
    ],
    "law": [
        ("#1e2a4a", "#b08d57", "#fbfaf7", "#f1eee6", "#141a2b", "#585e6e"),
        ("#3b1f2b", "#a8885a", "#fbf9f7", "#f0ebe7", "#1f1418", "#625a5c"),
        ("#23423a", "#b59a62", "#fafaf7", "#eeeee6", "#16231f", "#56615c"),
    ],
    "event": [
        ("#db2777", "#0ea5e9", "#fffbfd", "#fbecf3", "#2a0f1c", "#6b5260"),
        ("#6d28d9", "#f97316", "#fdfcff", "#f2eefc", "#1a1033", "#5b5472"),
        ("#0f4c5c", "#e36414", "#fbfdfd", "#eaf2f3", "#0d2329", "#4f6468"),
    ],
    "nonprofit": [
        ("#15803d", "#f59e0b", "#fcfdf9", "#eff5ea", "#122016", "#505e52"),
        ("#c2410c", "#0e7490", "#fffbf8", "#f8ede4", "#2b170d", "#6a5a50"),
        ("#1d4ed8", "#facc15", "#fdfdff", "#eef2fc", "#0f1a36", "#4d5773"),
    ],
    "real_estate": [
        ("#1f4e5f", "#d4a373", "#fbfcfc", "#edf2f3", "#122a33", "#51646b"),
        ("#2f2f2f", "#b8874b", "#fafaf8", "#efede8", "#1a1a1a", "#5b5852"),
        ("#234e3c", "#c9a227", "#fbfcfa", "#edf3ef", "#142720", "#52635a"),
    ],
    "school": [
        ("#1d4ed8", "#f59e0b", "#ffffff", "#f2f5fd", "#0f1b3d", "#4b5675"),
        ("#7c2d12", "#0d9488", "#fffcf8", "#f7efe6", "#2a150b", "#6a5a50"),
        ("#6d28d9", "#10b981", "#fdfcff", "#f3effc", "#1a1233", "#5a5470"),
    ],
    # flavour palettes
    "barber": [
        ("#1c2b3a", "#c0392b", "#f7f5f2", "#ebe7e1", "#15181c", "#575a5e"),
        ("#2b2b2b", "#b08d57", "#faf8f5", "#eeeae3", "#141414", "#5a564f"),
    ],
    "yoga": [
        ("#7c6a9c", "#e8b4a0", "#fbf9fc", "#f1ecf3", "#231c2b", "#625a6b"),
        ("#6b8f71", "#e6c9a8", "#f8faf7", "#ebf1ea", "#1c261e", "#56625a"),
    ],
    "spa": [
        ("#5e7d6f", "#d9b8a0", "#f8faf9", "#e9f0ec", "#1b2622", "#56625c"),
        ("#8a6f5c", "#c9d6cf", "#fbf8f5", "#f1ebe4", "#2a2019", "#675b52"),
    ],
    "wedding": [
        ("#9a6b6b", "#c9a96e", "#fdfaf7", "#f5eee8", "#2d2020", "#6b5d5a"),
        ("#5d6b53", "#d8b4a0", "#fafaf6", "#eef0e8", "#1f2419", "#5b6153"),
    ],
    "general": [
        ("#2f5d62", "#dfa06e", "#fbfcfb", "#eef3f2", "#172a2c", "#51615f"),
        ("#3f3d56", "#f28f3b", "#fcfcfd", "#f0f0f4", "#1b1a26", "#57566a"),
        ("#8a4f7d", "#86bbd8", "#fefcfd", "#f5eef3", "#2a1726", "#645763"),
    ],
}

WHITE, BLACK = "#ffffff", "#000000"


def _rgb(hex_: str) -> tuple[float, float, float]:
    h = hex_.lstrip("#")
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c * 255))):02x}" for c in rgb)


def luminance(hex_: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _rgb(hex_))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1.0 to 21.0)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """``a`` moved a fraction ``t`` of the way towards ``b``."""
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


def shift_hue(hex_: str, degrees: float, sat: float = 1.0, light: float = 1.0) -> str:
    """Rotate a colour's hue; scale saturation and lightness."""
    h, lum, s = colorsys.rgb_to_hls(*_rgb(hex_))
    return _hex(colorsys.hls_to_rgb((h + degrees / 360) % 1, min(1, lum * light), min(1, s * sat)))


def ensure_contrast(fg: str, bg: str, ratio: float) -> str:
    """``fg`` moved towards black or white (whichever gains contrast) until it reaches ``ratio``."""
    if contrast(fg, bg) >= ratio:
        return fg
    target = BLACK if contrast(BLACK, bg) >= contrast(WHITE, bg) else WHITE
    for step in range(1, 21):
        cand = mix(fg, target, step / 20)
        if contrast(cand, bg) >= ratio:
            return cand
    return target


def foreground_for(bg: str) -> str:
    """White, a soft near-black, or black: the first readable (>= 4.5) choice on ``bg``."""
    for cand in (WHITE, "#111111", BLACK):
        if contrast(cand, bg) >= 4.5:
            return cand
    return WHITE if contrast(WHITE, bg) > contrast(BLACK, bg) else BLACK


def tint(primary: str, dark: bool) -> tuple[str, str, str, str]:
    """Background, surface, text and muted colours tinted by ``primary``."""
    if dark:
        bg = mix(primary, "#0b0b0d", 0.9)
        return bg, mix(bg, WHITE, 0.07), mix(primary, "#fafafa", 0.93), mix(primary, "#d4d4d8", 0.8)
    return (mix(primary, WHITE, 0.96), mix(primary, WHITE, 0.9), mix(primary, "#0a0a0a", 0.82),
            mix(primary, "#3f3f46", 0.75))


# subject domains (see widgets.domain_for) -> (primary, accent) pairs; the rest is tinted from the primary
DOMAIN_COLOURS: dict[str, list[tuple[str, str]]] = {
    "sports": [("#c2410c", "#1d4ed8"), ("#1e3a8a", "#f59e0b"), ("#0f766e", "#e11d48")],
    "jobs": [("#1d4e89", "#f2a541"), ("#374151", "#f59e0b"), ("#9a3412", "#0e7490")],
    "food": [("#b23a1e", "#6b8e23"), ("#7c2d12", "#d4a017"), ("#3f6212", "#ea580c")],
    "books": [("#7f1d1d", "#b08d57"), ("#1f3a5f", "#c9a227"), ("#3b3b58", "#d97757")],
    "learning": [("#4338ca", "#f59e0b"), ("#0369a1", "#22c55e"), ("#6d28d9", "#06b6d4")],
    "travel": [("#0e7490", "#f97316"), ("#155e75", "#eab308"), ("#1d4ed8", "#fb7185")],
    "shop": [("#9d174d", "#c9a24a"), ("#44403c", "#d97706"), ("#7c3aed", "#f472b6")],
    "fitness": [("#15803d", "#111827"), ("#dc2626", "#0f172a"), ("#0891b2", "#a3e635")],
    "property": [("#14532d", "#b8874b"), ("#1e3a5f", "#d4a373"), ("#334155", "#0d9488")],
    "finance": [("#065f46", "#1e3a8a"), ("#0f172a", "#10b981"), ("#1d4ed8", "#f59e0b")],
    "media": [("#6d28d9", "#ec4899"), ("#be123c", "#0ea5e9"), ("#111827", "#f43f5e")],
    "pets": [("#c2410c", "#0d9488"), ("#a16207", "#2563eb"), ("#0f766e", "#f97316")],
    "events": [("#be185d", "#7c3aed"), ("#0f4c5c", "#e36414"), ("#6d28d9", "#f59e0b")],
}
for _domain, _pairs in DOMAIN_COLOURS.items():
    BASE["d_" + _domain] = [(p, a, *tint(p, False)) for p, a in _pairs]


def build_palette(kind: str, tone: str, colours: list[str], moods: list[str], colour_hex: dict[str, str],
                  rng: random.Random) -> Palette:
    """A readable palette for a kind, tweaked by tone, colour words and moods (dark, pastel, light)."""
    primary, accent, bg, surface, text, muted = rng.choice(BASE.get(kind, BASE["general"]))
    dark = "dark" in moods or "dark mode" in moods or "night" in moods
    names = [c for c in colours if c in colour_hex]
    mono = "monochrome" in moods or "black and white" in moods or set(names) == {"black", "white"}
    if "black" in names and len(names) > 1 and not mono and "light" not in moods:
        dark = True  # "black and gold"
    chromatic = [c for c in names if c not in {"black", "white", "charcoal", "grey", "gray", "silver"}]
    if mono:
        primary, accent = "#111111", "#6b7280"
        bg, surface, text, muted = WHITE, "#f4f4f5", "#111111", "#52525b"
    elif chromatic:
        primary = colour_hex[chromatic[0]]
        accent = colour_hex[chromatic[1]] if len(chromatic) > 1 else shift_hue(primary, 35, 0.9, 1.1)
        bg, surface, text, muted = tint(primary, False)
    elif names and names[0] in {"charcoal", "grey", "gray", "silver"}:
        primary = colour_hex[names[0]]
        bg, surface, text, muted = tint(primary, False)
    elif names == ["black"]:
        dark = True
    # tone tweaks
    if tone == "luxury" and not chromatic:
        bg, surface = "#faf7f2", "#f0ebe3"
        accent = "#b8955a" if not dark else "#d4b27a"
    elif tone == "minimal":
        bg, surface = (WHITE, "#f4f4f5") if not dark else (bg, surface)
        accent = mix(accent, primary, 0.5)
    elif tone == "playful" and not chromatic:
        accent = shift_hue(accent, 0, 1.3, 1.05)
    elif tone == "bold" and not chromatic:
        primary = shift_hue(primary, 0, 1.25, 0.95)
    if "pastel" in moods:
        primary = mix(primary, WHITE, 0.3)
        accent = mix(accent, WHITE, 0.35)
        bg, surface = mix(primary, WHITE, 0.93), mix(primary, WHITE, 0.82)
    if "neon" in moods:
        dark = True
        primary = shift_hue(primary, 0, 1.6, 1.25)
    if dark:
        gold = colour_hex.get(chromatic[0], primary) if chromatic else primary
        primary = gold
        bg, surface, text, muted = tint(primary, True)
        if "black" in names:
            bg, surface = "#0b0b0b", "#1a1a1a"
            text, muted = "#f5f5f4", "#b4b0aa"
    return finalize(Palette(primary=primary, accent=accent, background=bg, surface=surface, text=text,
                            muted=muted, dark=dark))


def finalize(p: Palette) -> Palette:
    """Fix every pair that is not readable enough (see the module docstring for the thresholds)."""
    text = ensure_contrast(ensure_contrast(p.text, p.background, 7.0), p.surface, 4.5)
    muted = ensure_contrast(ensure_contrast(p.muted, p.background, 4.6), p.surface, 4.5)
    primary = ensure_contrast(p.primary, p.background, 3.0)
    primary = ensure_contrast(primary, p.surface, 3.0) if contrast(primary, p.surface) < 2.5 else primary
    accent = ensure_contrast(p.accent, p.background, 2.0)
    return Palette(primary=primary, primary_foreground=foreground_for(primary), accent=accent,
                   background=p.background, surface=p.surface, text=text, muted=muted, dark=p.dark)


def palette_problems(p: Palette) -> list[str]:
    """Readability problems of a palette; empty when every check passes."""
    checks = [
        ("text/background", p.text, p.background, 4.5), ("text/surface", p.text, p.surface, 4.5),
        ("muted/background", p.muted, p.background, 4.5), ("muted/surface", p.muted, p.surface, 4.5),
        ("primary_foreground/primary", p.primary_foreground, p.primary, 4.5),
        ("primary/background", p.primary, p.background, 3.0),
    ]
    return [f"{name} {contrast(a, b):.2f} < {r}" for name, a, b, r in checks if contrast(a, b) < r]


def text_problems(p: Palette) -> list[str]:
    """Readability problems of the text colours only (what must hold even with colours the user chose)."""
    return [x for x in palette_problems(p) if not x.startswith("primary/")]


MOOD_BASES: dict[str, tuple[str, str]] = {  # mood -> (primary, accent) when no colour is named
    "earthy": ("#8a5a3b", "#6b7d4f"), "cool": ("#1f6f8b", "#5b8def"), "warm": ("#c2562b", "#e0a040"),
    "jewel": ("#0f5e6e", "#8e2c6f"),
}


def mood_tweaks(p: Palette, moods: list[str], named: bool) -> Palette:
    """Earthy, cool, warm, jewel, muted and vibrant moods applied to a palette (before any exact colour)."""
    primary, accent, bg, surface, text, muted = p.primary, p.accent, p.background, p.surface, p.text, p.muted
    for mood in moods:
        if mood in MOOD_BASES and not named:
            primary, accent = MOOD_BASES[mood]
            bg, surface, text, muted = tint(primary, p.dark)
            if mood == "earthy" and not p.dark:
                bg, surface = "#f7f2ea", "#ece3d4"
    if "muted" in moods:
        primary, accent = shift_hue(primary, 0, 0.55), shift_hue(accent, 0, 0.55)
    if "vibrant" in moods:
        primary, accent = shift_hue(primary, 0, 1.4), shift_hue(accent, 0, 1.4)
    return finalize(Palette(primary=primary, accent=accent, background=bg, surface=surface, text=text,
                            muted=muted, dark=p.dark))


def with_requested(base: Palette, roles: dict[str, str], free: list[str]) -> Palette:
    """``base`` with the user's exact colours in place; only text colours move to stay readable (WCAG AA).

    ``roles`` maps background/primary/accent/surface/text to a colour the prompt gave that role;
    ``free`` are exact colours given without a role, in prompt order: a very light or very dark one
    becomes the background when none was given, the others fill primary, then accent.
    """
    roles = dict(roles)
    for hex_ in free:
        lum = luminance(hex_)
        if "background" not in roles and (lum > 0.75 or lum < 0.012) and (roles or len(free) > 1):
            roles["background"] = hex_
        elif "primary" not in roles:
            roles["primary"] = hex_
        elif "accent" not in roles:
            roles["accent"] = hex_
    if not roles:
        return base
    primary = roles.get("primary") or (roles["accent"] if "accent" in roles and "background" in roles else base.primary)
    accent = roles.get("accent", base.accent if "primary" not in roles else shift_hue(primary, 35, 0.9, 1.1))
    if "background" in roles:
        bg = roles["background"]
        dark = luminance(bg) < 0.2
        surface = mix(bg, WHITE, 0.07) if dark else mix(bg, primary, 0.07)
        text = mix(primary, "#fafafa", 0.93) if dark else mix(primary, "#0a0a0a", 0.85)
        muted = mix(primary, "#d4d4d8", 0.8) if dark else mix(primary, "#3f3f46", 0.75)
    elif "primary" in roles:
        dark = base.dark
        bg, surface, text, muted = tint(primary, dark)
    else:
        dark, bg, surface, text, muted = base.dark, base.background, base.surface, base.text, base.muted
    surface = roles.get("surface", surface)
    text = roles.get("text", text)
    text = ensure_contrast(ensure_contrast(text, bg, 7.0 if "text" not in roles else 4.5), surface, 4.5)
    muted = ensure_contrast(ensure_contrast(muted, bg, 4.6), surface, 4.5)
    if "primary" not in roles:
        primary = ensure_contrast(primary, bg, 3.0)
    if "accent" not in roles:
        accent = ensure_contrast(accent, bg, 2.0)
    return Palette(primary=primary, primary_foreground=foreground_for(primary), accent=accent, background=bg,
                   surface=surface, text=text, muted=muted, dark=dark)
