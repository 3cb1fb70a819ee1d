"""Rules for HTML written as JSX: attribute names, style strings, HTML comments, unclosed void tags."""

from __future__ import annotations

import re
from functools import lru_cache

from sitegen.checks.rules import jsx
from sitegen.checks.rules.base import FixContext, Rule

ATTRS = {
    "class": "className", "for": "htmlFor", "tabindex": "tabIndex", "readonly": "readOnly",
    "maxlength": "maxLength", "minlength": "minLength", "autocomplete": "autoComplete", "autofocus": "autoFocus",
    "colspan": "colSpan", "rowspan": "rowSpan", "srcset": "srcSet", "crossorigin": "crossOrigin",
    "frameborder": "frameBorder", "allowfullscreen": "allowFullScreen", "charset": "charSet", "enctype": "encType",
    "novalidate": "noValidate", "contenteditable": "contentEditable", "spellcheck": "spellCheck",
    "datetime": "dateTime", "accesskey": "accessKey", "inputmode": "inputMode", "enterkeyhint": "enterKeyHint",
    "onclick": "onClick", "onchange": "onChange", "onsubmit": "onSubmit", "oninput": "onInput",
    "stroke-width": "strokeWidth", "stroke-linecap": "strokeLinecap", "stroke-linejoin": "strokeLinejoin",
    "stroke-dasharray": "strokeDasharray", "stroke-dashoffset": "strokeDashoffset",
    "stroke-miterlimit": "strokeMiterlimit", "stroke-opacity": "strokeOpacity", "fill-rule": "fillRule",
    "fill-opacity": "fillOpacity", "clip-rule": "clipRule", "clip-path": "clipPath", "stop-color": "stopColor",
    "stop-opacity": "stopOpacity", "font-size": "fontSize", "font-family": "fontFamily",
    "font-weight": "fontWeight", "text-anchor": "textAnchor", "dominant-baseline": "dominantBaseline",
    "xlink:href": "xlinkHref", "xmlns:xlink": "xmlnsXlink", "xml:space": "xmlSpace", "viewbox": "viewBox",
    "color-interpolation-filters": "colorInterpolationFilters", "flood-color": "floodColor",
    "flood-opacity": "floodOpacity", "marker-end": "markerEnd", "vector-effect": "vectorEffect",
}
ATTR_RE = re.compile(r"(?<=\s)(" + "|".join(re.escape(a) for a in sorted(ATTRS, key=len, reverse=True))
                     + r")(?==[\"'{])")
NUMERIC_RE = re.compile(r"(?<=\s)(tabIndex|colSpan|rowSpan|maxLength|minLength|rows|cols|size|span)=[\"'](-?\d+)[\"']")
TAG_RE = re.compile(r"<([a-zA-Z][\w.:-]*)(?=[\s/>])")
TYPE_WORDS = {"string", "number", "boolean", "any", "unknown", "never", "object", "void", "null", "undefined",
              "bigint", "symbol", "typeof", "keyof", "readonly"}
VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")


@lru_cache(maxsize=32)
def _tags(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of every JSX opening tag (end is the index of its ``>``)."""
    out = []
    for m in TAG_RE.finditer(text):
        before = text[max(0, m.start() - 1):m.start()]
        if (before.isalnum() or before == "_") and (m[1][0].isupper() or m[1] in TYPE_WORDS):
            continue  # a generic like Array<string> or useState<Item[]>, not "12<br>" in JSX text
        end = jsx.tag_end(text, m.start())
        if end > 0:
            out.append((m.start(), end, m[1]))
    return tuple(out)


def jsx_attributes(path: str, text: str, ctx: FixContext) -> str | None:
    """HTML attribute names in JSX tags (``class``, ``for``, ``tabindex``, ``stroke-width``,
    ``onclick``...) -> their React names (``className``, ``htmlFor``, ``tabIndex``, ``strokeWidth``)."""
    if not path.endswith(".tsx"):
        return None
    pieces: list[str] = []
    last = 0
    changed = False
    for start, end, _name in _tags(text):
        tag = text[start:end]
        new = ATTR_RE.sub(lambda m: ATTRS[m[1]], tag)
        new = NUMERIC_RE.sub(r"\1={\2}", new)
        if new != tag:
            pieces += [text[last:start], new]
            last = end
            changed = True
    return "".join(pieces) + text[last:] if changed else None


def _style_object(css: str) -> str:
    parts = []
    for decl in css.split(";"):
        prop, sep, value = decl.partition(":")
        if not sep or not prop.strip():
            continue
        prop = prop.strip()
        key = prop if prop.startswith("--") else re.sub(r"-([a-z])", lambda m: m[1].upper(), prop.lower())
        key = f'"{key}"' if not re.fullmatch(r"[A-Za-z_$][\w$]*", key) else key
        value = value.strip().replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f'{key}: "{value}"')
    return "{{ " + ", ".join(parts) + " }}"


def jsx_style_string(path: str, text: str, ctx: FixContext) -> str | None:
    """``style="color: red; font-size: 12px"`` in JSX -> ``style={{ color: "red", fontSize: "12px" }}``."""
    if not path.endswith(".tsx"):
        return None
    new = re.sub(r"(?<=\s)style=\"([^\"]*)\"", lambda m: "style=" + _style_object(m[1]), text)
    new = re.sub(r"(?<=\s)style='([^']*)'", lambda m: "style=" + _style_object(m[1]), new)
    return new if new != text else None


def jsx_html_comment(path: str, text: str, ctx: FixContext) -> str | None:
    """``<!-- note -->`` inside JSX -> ``{/* note */}``."""
    if not path.endswith(".tsx") or "<!--" not in text:
        return None
    return re.sub(r"<!--(.*?)-->", lambda m: "{/*" + m[1].replace("*/", "* /") + "*/}", text, flags=re.DOTALL)


def jsx_void_close(path: str, text: str, ctx: FixContext) -> str | None:
    """Void elements left open as in HTML (``<br>``, ``<img src=...>``, ``<input ...>``) -> self-closed
    (``<br />``); a stray ``</br>`` / ``</img>`` closing tag is dropped."""
    if not path.endswith(".tsx"):
        return None
    edits = []
    for _start, end, name in _tags(text):
        if name in VOID and text[end - 1] != "/":
            if text.startswith(f"</{name}>", end + 1):
                continue
            edits.append(end)
    new = text
    for end in reversed(edits):
        new = new[:end].rstrip() + " />" + new[end + 1:]
    return new if new != text else None


RULES = [
    Rule("jsx-html-comment", jsx_html_comment),
    Rule("jsx-attributes", jsx_attributes),
    Rule("jsx-style-string", jsx_style_string),
    Rule("jsx-void-close", jsx_void_close),
]
