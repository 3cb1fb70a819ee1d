"""Colours and fonts of a rendered site: contrast-safe palette maths and app/globals.css."""

from __future__ import annotations

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
    color-scheme: __SCHEME__;
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


# Tailwind reads class names from the code, not from lib/content.ts (the site's words): the CSS no
# longer picks up stray "table" or "fixed" from the copy, and an edit of the words alone does not
# run Tailwind again in the build (Turbopack keeps the CSS it made; about 1 s of a rebuild).
TAILWIND_SOURCES = """@import "tailwindcss" source(none);
/* Tailwind reads class names from these folders (lib/content.ts holds words, not classes). Put
   classes elsewhere? Add that folder here, e.g. @source "../src"; */
@source "../app";
@source "../components";
@source "../lib/**/*.tsx";"""


def globals_css(plan: SitePlan) -> str:
    """app/globals.css: Tailwind v4 import and its sources, the @theme tokens, patterns and base styles."""
    lines = [TAILWIND_SOURCES, "", "@theme {"]
    for name, value in theme_colours(plan.palette).items():
        lines.append(f"  --color-{name}: {value};")
    heading, body = font_stack(plan.fonts.heading), font_stack(plan.fonts.body)
    lines.append(f"  --font-heading: {heading};")
    lines.append(f"  --font-body: {body};")
    lines.append(f"  --font-sans: {body};")
    scheme = "dark" if plan.palette.dark else "light"
    return "\n".join(lines) + _CSS_TAIL.replace("__SCHEME__", scheme)
