"""Rules that keep a site working offline: remote images become inline SVG gradients of the same size
(alt text kept), remote CSS backgrounds become gradients, remote fonts and scripts are removed."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from sitegen.checks.rules import jsx
from sitegen.checks.rules.base import FixContext, Rule

IMAGE_HOSTS = ("images.unsplash.com", "source.unsplash.com", "plus.unsplash.com", "picsum.photos",
               "images.pexels.com", "placehold.co", "via.placeholder.com", "placekitten.com", "res.cloudinary.com",
               "i.imgur.com", "randomuser.me", "ui-avatars.com", "lh3.googleusercontent.com", "cdn.pixabay.com",
               "dummyimage.com", "loremflickr.com", "i.pravatar.cc", "images.ctfassets.net", "cdn.sanity.io")
IMAGE_EXT = r"\.(?:png|jpe?g|gif|webp|avif|svg|ico)(?:[?#][^\"'`\s]*)?"
URL = r"(?:https?:)?//(?!www\.w3\.org/)[^\s\"'`)]+"
REMOTE_IMAGE_RE = re.compile(rf"(?:https?:)?//(?:(?:{'|'.join(re.escape(h) for h in IMAGE_HOSTS)})/[^\s\"'`)]*"
                             rf"|(?!www\.w3\.org/)[^\s\"'`)]+{IMAGE_EXT})")
LITERAL_RE = re.compile(r"""(["'`])((?:https?:)?//[^"'`\s]+)\1""")
GRADIENTS = [("#fde68a", "#f97316"), ("#bae6fd", "#6366f1"), ("#bbf7d0", "#0d9488"), ("#fbcfe8", "#a855f7"),
             ("#e7e5e4", "#78716c"), ("#fecaca", "#e11d48"), ("#ddd6fe", "#4f46e5"), ("#fef3c7", "#b45309")]


def placeholder(seed: str, width: int = 1200, height: int = 800, label: str = "") -> str:
    """An inline SVG gradient as a data URL (no "http" in it, so it never looks remote)."""
    a, b = GRADIENTS[int(hashlib.sha1(seed.encode()).hexdigest(), 16) % len(GRADIENTS)]
    title = f"<title>{label.replace('<', '').replace('&', 'and')}</title>" if label else ""
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"
           f"{title}<defs><linearGradient id='g' x1='0' y1='0' x2='1' y2='1'><stop offset='0' stop-color='{a}'/>"
           f"<stop offset='1' stop-color='{b}'/></linearGradient></defs>"
           "<rect width='100%' height='100%' fill='url(#g)'/></svg>")
    return "data:image/svg+xml," + quote(svg, safe="")


def _size(tag: str, name: str, default: int) -> int:
    raw = jsx.attr_value(tag, name) or ""
    m = re.search(r"\d+", raw)
    return int(m[0]) if m else default


def remote_image(path: str, text: str, ctx: FixContext) -> str | None:
    """``<img>`` / next/image ``<Image>`` with an http(s) ``src``, or a remote image URL in data
    (``image: "https://images.unsplash.com/..."``) -> an inline SVG gradient of the same width and
    height, with the alt text as its title."""
    out: list[str] = []
    last = 0
    for m in re.finditer(r"<(img|Image)\b", text):
        end = jsx.tag_end(text, m.start())
        if end < 0:
            continue
        tag = text[m.start():end]
        src = jsx.string_attr(tag, "src")
        if not src or not re.match(r"(?:https?:)?//", src):
            continue
        w, h = _size(tag, "width", 1200), _size(tag, "height", 800)
        data = placeholder(src, w, h, jsx.string_attr(tag, "alt") or "")
        raw = jsx.attr_value(tag, "src") or ""
        new_tag = tag.replace(raw, '"' + data + '"', 1)
        out += [text[last:m.start()], new_tag]
        last = end
    new = "".join(out) + text[last:]
    new = LITERAL_RE.sub(lambda m: m[1] + placeholder(m[2]) + m[1] if REMOTE_IMAGE_RE.fullmatch(m[2]) else m[0], new)
    return new if new != text else None


CSS_URL_RE = re.compile(rf"""url\(\s*(["']?)({URL})\1\s*\)""")


def remote_css_url(path: str, text: str, ctx: FixContext) -> str | None:
    """``url(https://...)`` in CSS, a style object or a Tailwind ``bg-[url(...)]`` class -> an inline
    SVG gradient (CSS) or ``bg-linear-to-br`` gradient classes (Tailwind)."""
    new = re.sub(rf"""bg-\[url\((['"]?){URL}\1\)\]""", "bg-linear-to-br from-stone-200 to-stone-500", text)
    new = re.sub(r"@import\s+url\(", "@import url(", new)
    new = CSS_URL_RE.sub(lambda m: f"url({placeholder(m[2])})" if not _font_import(new, m.start()) else m[0], new)
    return new if new != text else None


def _font_import(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos].lstrip().startswith("@import")


def remote_font(path: str, text: str, ctx: FixContext) -> str | None:
    """Remote stylesheets and fonts (``@import url(https://fonts.googleapis.com/...)`` in CSS,
    ``<link href="https://...">`` in a layout) -> removed; the font stack falls back to the local one."""
    new = re.sub(rf"""^[ \t]*@import\s+(?:url\()?\s*["']?{URL}["']?\s*\)?[^;\n]*;?[ \t]*\n?""", "", text,
                 flags=re.MULTILINE)
    new = re.sub(rf"""^[ \t]*@font-face\s*\{{[^{{}}]*url\(\s*["']?{URL}[^{{}}]*\}}[ \t]*\n?""", "", new,
                 flags=re.MULTILINE)
    if path.endswith(".tsx"):
        edits = []
        for m in re.finditer(r"<link\b", new):
            end = jsx.tag_end(new, m.start())
            href = jsx.string_attr(new[m.start():end], "href") if end > 0 else None
            if href and re.match(r"(?:https?:)?//", href):
                stop = end + 1
                if new.startswith("</link>", stop):
                    stop += len("</link>")
                edits.append((m.start(), stop))
        for a, b in reversed(edits):
            a2 = new.rfind("\n", 0, a) + 1 if not new[new.rfind("\n", 0, a) + 1:a].strip() else a
            b2 = b + 1 if new[b:b + 1] == "\n" and a2 != a else b
            new = new[:a2] + new[b2:]
    return new if new != text else None


def remote_script(path: str, text: str, ctx: FixContext) -> str | None:
    """``<script src="https://...">`` / next/script ``<Script src="https://...">`` -> removed (the site
    must not load code from elsewhere); an unused next/script import goes too."""
    if not path.endswith(".tsx"):
        return None
    edits = []
    for m in re.finditer(r"<(script|Script)\b", text):
        end = jsx.tag_end(text, m.start())
        src = jsx.string_attr(text[m.start():end], "src") if end > 0 else None
        if not src or not re.match(r"(?:https?:)?//", src):
            continue
        stop = end + 1
        close = f"</{m[1]}>"
        if text[end - 1] != "/" and (k := text.find(close, end)) >= 0:
            stop = k + len(close)
        edits.append((m.start(), stop))
    new = text
    for a, b in reversed(edits):
        line_a = new.rfind("\n", 0, a) + 1
        if not new[line_a:a].strip() and new[b:b + 1] == "\n":
            a, b = line_a, b + 1
        new = new[:a] + new[b:]
    if new != text and "<Script" not in new:
        new = re.sub(r"""^[ \t]*import\s+Script\s+from\s+["']next/script["'];?[ \t]*\n""", "", new, flags=re.MULTILINE)
    return new if new != text else None


RULES = [
    Rule("remote-font", remote_font, exts=(".tsx", ".css")),
    Rule("remote-script", remote_script),
    Rule("remote-css-url", remote_css_url, exts=(".tsx", ".ts", ".css")),
    Rule("remote-image", remote_image),
]
