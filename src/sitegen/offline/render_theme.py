"""Colours and fonts of a rendered site: contrast-safe palette maths, lib/theme.ts and app/globals.css.

A site's own colours and fonts are CSS variables in ``lib/theme.ts``, set on ``<html>`` by
app/layout.tsx. app/globals.css is the same for every offline site: Tailwind's import, its sources,
fallback values for the same variables (the names the classes use: ``bg-primary``, ``font-heading``)
and the base styles. So the CSS Tailwind makes depends only on the classes in the code: a new site
whose code matches a site built before, or an edit of its colours, gets the CSS Turbopack already
has (measured by hand in Docker: next build of a café seeded from another café, 6.7 -> 5.7 s).
"""

from __future__ import annotations

import json

from sitegen.plan import Palette, SitePlan

SANS_FALLBACK = (
    'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"'
)
SERIF_FALLBACK = 'ui-serif, Georgia, Cambria, "Times New Roman", Times, "Noto Serif", serif'
SERIF_FONTS = {"Playfair Display", "Fraunces", "Lora", "system-serif"}

INK_DARK = "#111114"
INK_LIGHT = "#fafaf9"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1..21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """Blend ``a`` towards ``b`` by ``t`` (0 = a, 1 = b)."""
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


def best_on(background: str) -> str:
    """Near-white or near-black, whichever reads better on ``background``."""
    return INK_LIGHT if contrast(INK_LIGHT, background) >= contrast(INK_DARK, background) else INK_DARK


def readable(colour: str, backgrounds: list[str], towards: str, minimum: float = 4.5) -> str:
    """``colour`` nudged towards ``towards`` until it reaches ``minimum`` contrast on all backgrounds."""
    for step in range(21):
        candidate = mix(colour, towards, step / 20)
        if all(contrast(candidate, bg) >= minimum for bg in backgrounds):
            return candidate
    return towards


def theme_colours(palette: Palette) -> dict[str, str]:
    """The CSS colour tokens of a site, adjusted so text stays readable (WCAG AA)."""
    bg, surface = palette.background, palette.surface
    fg = palette.text
    if contrast(fg, bg) < 7:
        fg = readable(fg, [bg, surface], best_on(bg), 7)
    muted = readable(palette.muted, [bg, surface], fg)
    primary_fg = palette.primary_foreground
    if contrast(primary_fg, palette.primary) < 4.5:
        primary_fg = best_on(palette.primary)
    return {
        "background": bg,
        "surface": surface,
        "foreground": fg,
        "muted": muted,
        "primary": palette.primary,
        "primary-foreground": primary_fg,
        "primary-ink": readable(palette.primary, [bg, surface], fg),
        "accent": palette.accent,
        "accent-foreground": best_on(palette.accent),
        "accent-ink": readable(palette.accent, [bg, surface], fg),
        "danger": readable("#dc2626", [bg, surface], fg),
        "success": readable("#15803d", [bg, surface], fg),
    }


def font_stack(name: str) -> str:
    """CSS font-family value for a plan font name, with system fallbacks."""
    fallback = SERIF_FALLBACK if name in SERIF_FONTS else SANS_FALLBACK
    if name.startswith("system-"):
        return fallback
    return f'"{name} Variable", {fallback}'


_CSS_TAIL = """
  --color-border: color-mix(in oklab, var(--color-foreground) 13%, transparent);
}

@utility bg-dots {
  background-image: radial-gradient(currentColor 1.2px, transparent 1.4px);
  background-size: 18px 18px;
}

@utility bg-grid {
  background-image:
    linear-gradient(to right, color-mix(in oklab, currentColor 9%, transparent) 1px, transparent 1px),
    linear-gradient(to bottom, color-mix(in oklab, currentColor 9%, transparent) 1px, transparent 1px);
  background-size: 44px 44px;
}

@utility bg-stripes {
  background-image: repeating-linear-gradient(
    135deg,
    color-mix(in oklab, currentColor 22%, transparent) 0 2px,
    transparent 2px 14px
  );
}

@utility hero-glow {
  background:
    radial-gradient(55% 60% at 12% 0%, color-mix(in oklab, var(--color-primary) 24%, transparent), transparent 70%),
    radial-gradient(45% 55% at 92% 8%, color-mix(in oklab, var(--color-accent) 26%, transparent), transparent 70%),
    radial-gradient(60% 50% at 50% 100%, color-mix(in oklab, var(--color-primary) 10%, transparent), transparent 70%);
}

@layer base {
  html {
    scroll-behavior: smooth;
    color-scheme: light; /* the site's own is set on <html> (lib/theme.ts) */
    -webkit-text-size-adjust: 100%;
  }

  body {
    background-color: var(--color-background);
    color: var(--color-foreground);
    font-family: var(--font-body);
    -webkit-font-smoothing: antialiased;
    -moz-osx-font-smoothing: grayscale;
  }

  h1,
  h2,
  h3,
  h4 {
    font-family: var(--font-heading);
    text-wrap: balance;
  }

  [id] {
    scroll-margin-top: 5.5rem;
  }

  :focus-visible {
    outline: 3px solid var(--color-primary-ink);
    outline-offset: 3px;
    border-radius: 6px;
  }

  ::selection {
    background-color: color-mix(in oklab, var(--color-primary) 30%, transparent);
  }

  @media (prefers-reduced-motion: reduce) {
    html {
      scroll-behavior: auto;
    }

    *,
    ::before,
    ::after {
      transition-duration: 0.01ms !important;
      animation-duration: 0.01ms !important;
    }
  }
}
"""


# Tailwind reads class names from the code, not from lib/content.ts (the site's words) or lib/theme.ts
# (its colours), nor from app/'s icon and images: the CSS no longer picks up stray "table" or "fixed"
# from the copy, and a change to those files alone does not change the CSS Tailwind makes.
TAILWIND_SOURCES = """@import "tailwindcss" source(none);
/* Tailwind reads class names from these files (not lib/content.ts, the words, nor lib/theme.ts, the
   colours). Put classes elsewhere? Add that folder here, e.g. @source "../src"; */
@source "../app/**/*.{js,jsx,ts,tsx,mdx}";
@source "../components";
@source "../lib/**/*.tsx";"""

# app/globals.css's own values for the theme variables: what a page shows where lib/theme.ts's are
# not set (the site's own are set on <html>)
FALLBACK_PALETTE = Palette(primary="#44403c", accent="#a8a29e")
FALLBACK_FONT = "system-sans"


def theme_tokens(palette: Palette, heading: str, body: str) -> dict[str, str]:
    """The theme's CSS variables: colours (contrast-safe) and font stacks."""
    tokens = {f"--color-{name}": value for name, value in theme_colours(palette).items()}
    tokens["--font-heading"] = font_stack(heading)
    tokens["--font-body"] = tokens["--font-sans"] = font_stack(body)
    return tokens


def theme_ts(plan: SitePlan) -> str:
    """lib/theme.ts: the site's colours, fonts and colour scheme, set on <html> by app/layout.tsx."""
    tokens = theme_tokens(plan.palette, plan.fonts.heading, plan.fonts.body)
    scheme = "dark" if plan.palette.dark else "light"
    entries = "".join(f"  {json.dumps(name)}: {json.dumps(value)},\n" for name, value in tokens.items())
    return (
        "// The site's colours and fonts. Generated by sitegen from the plan; edit freely.\n"
        "// app/layout.tsx sets them on <html>, and the Tailwind classes read them (bg-primary, text-muted,\n"
        "// font-heading, ...): app/globals.css holds only fallbacks, so its CSS stays the same.\n"
        'import type { CSSProperties } from "react";\n\n'
        "/** The browser's UI colour (address bar on phones). */\n"
        f"export const themeColor = {json.dumps(tokens['--color-background'])};\n\n"
        "export const theme = {\n"
        f"  colorScheme: {json.dumps(scheme)},\n"
        f"{entries}"
        "} as CSSProperties;\n"
    )


def globals_css() -> str:
    """app/globals.css, the same for every offline site: Tailwind's import and sources, the theme
    variables' fallbacks (lib/theme.ts has the site's own), patterns and base styles."""
    lines = [TAILWIND_SOURCES, "",
             "/* The site's own values are in lib/theme.ts (set on <html>); these are fallbacks. */",
             "@theme {"]
    for name, value in theme_tokens(FALLBACK_PALETTE, FALLBACK_FONT, FALLBACK_FONT).items():
        lines.append(f"  {name}: {value};")
    return "\n".join(lines) + _CSS_TAIL
