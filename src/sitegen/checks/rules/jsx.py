"""Small, forgiving scanners for TSX text: imports, balanced brackets, JSX tags, component declarations.

Not a parser: they skip strings, template literals and comments, and treat a quote after a letter
as an apostrophe in JSX text (``We're open``), which is what model-written pages need.
"""

from __future__ import annotations

import re

IMPORT_RE = re.compile(
    r"""^[ \t]*import\s+(?P<what>type\s+)?(?P<clause>[\w*{}\s,$]+?)\s+from\s+["'](?P<spec>[^"']+)["'];?[ \t]*\n?""",
    re.MULTILINE,
)
SIDE_IMPORT_RE = re.compile(r"""^[ \t]*import\s+["'](?P<spec>[^"']+)["'];?[ \t]*\n?""", re.MULTILINE)
USE_CLIENT_LINE_RE = re.compile(r"""^\s*(?:/\*.*?\*/\s*|//[^\n]*\n\s*)*["']use client["'];?[ \t]*\n?""", re.DOTALL)
OPEN = {"{": "}", "(": ")", "[": "]"}


def specifiers(clause: str) -> list[tuple[str, str]]:
    """(imported, local) pairs of the named part of an import clause like "D, { A, B as C }"."""
    m = re.search(r"\{([^}]*)\}", clause)
    out = []
    for part in (m[1] if m else "").split(","):
        part = part.strip().removeprefix("type ").strip()
        if part:
            imported, _, local = part.partition(" as ")
            out.append((imported.strip(), (local or imported).strip()))
    return out


def default_name(clause: str) -> str:
    """The default-import name of a clause ("" when none; "* as X" gives "")."""
    head = clause.split("{")[0].strip().rstrip(",").strip()
    return "" if not head or head.startswith("*") else head


def namespace_name(clause: str) -> str:
    m = re.search(r"\*\s+as\s+(\w+)", clause)
    return m[1] if m else ""


def local_names(clause: str) -> list[str]:
    names = [b for _, b in specifiers(clause)]
    return names + [n for n in (default_name(clause), namespace_name(clause)) if n]


def import_line(names: list[tuple[str, str]], spec: str, default: str = "") -> str:
    parts = ", ".join(a if a == b else f"{a} as {b}" for a, b in names)
    clause = ", ".join(x for x in (default, "{ " + parts + " }" if parts else "") if x)
    return f'import {clause} from "{spec}";\n'


def insert_after_imports(text: str, block: str) -> str:
    """Insert ``block`` after the last import (or after "use client", or at the top)."""
    last = None
    for m in IMPORT_RE.finditer(text):
        last = m
    for m in SIDE_IMPORT_RE.finditer(text):
        if last is None or m.end() > last.end():
            last = m
    if last is not None:
        end = last.end() if text[last.end() - 1:last.end()] == "\n" else last.end()
        sep = "" if text[end - 1:end] == "\n" else "\n"
        return text[:end] + sep + block + text[end:]
    if m := USE_CLIENT_LINE_RE.match(text):
        return text[: m.end()] + block + text[m.end():]
    return block + text


def add_import(text: str, names: list[str], spec: str) -> str:
    """Import ``names`` from ``spec`` (merged into an existing named import of it)."""
    for m in IMPORT_RE.finditer(text):
        if m["spec"] == spec and not m["what"] and "{" in m["clause"]:
            have = specifiers(m["clause"])
            missing = [(n, n) for n in names if n not in {b for _, b in have}]
            if not missing:
                return text
            return text[: m.start()] + import_line(have + missing, spec, default_name(m["clause"])) + text[m.end():]
    return insert_after_imports(text, import_line([(n, n) for n in names], spec))


STRING_RES = {q: re.compile(q + (r"(?:[^`\\]|\\.)*`?" if q == "`" else rf"(?:[^{q}\\\n]|\\.)*[{q}\n]?"), re.DOTALL)
              for q in "\"'`"}


def skip_string(text: str, i: int) -> int:
    """Index just past the string or template literal starting at ``i``."""
    m = STRING_RES[text[i]].match(text, i)
    return m.end() if m else len(text)


def is_string_start(text: str, i: int) -> bool:
    c = text[i]
    if c == "`":
        return True
    if c not in "'\"":
        return False
    prev = text[i - 1] if i else " "
    return not (prev.isalnum() or prev == "_")


def skip_comment(text: str, i: int) -> int:
    """Index past a comment starting at ``i`` (``i`` itself when there is none)."""
    if text.startswith("//", i) and (i == 0 or text[i - 1] != ":"):
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return len(text) if end < 0 else end + 2
    return i


def match_bracket(text: str, i: int) -> int:
    """Index of the bracket closing the one at ``i`` (-1 when unbalanced)."""
    stack = [OPEN[text[i]]]
    j = i + 1
    while j < len(text):
        c = text[j]
        if is_string_start(text, j):
            j = skip_string(text, j)
            continue
        if (k := skip_comment(text, j)) != j:
            j = k
            continue
        if c in OPEN:
            stack.append(OPEN[c])
        elif c in ")]}":
            if c != stack[-1]:
                return -1
            stack.pop()
            if not stack:
                return j
        j += 1
    return -1


def tag_end(text: str, i: int) -> int:
    """Index of the ``>`` ending the JSX opening tag that starts at ``i`` ("<name ...")."""
    j = i + 1
    while j < len(text):
        c = text[j]
        if c in "\"'":
            j = skip_string(text, j)
            continue
        if c == "{":
            k = match_bracket(text, j)
            if k < 0:
                return -1
            j = k + 1
            continue
        if c == ">":
            return j
        if c == "<":
            return -1
        j += 1
    return -1


def attr_value(tag: str, name: str) -> str | None:
    """The raw value of a JSX attribute in an opening tag: '"text"', '{expr}', or None."""
    m = re.search(rf"\s{re.escape(name)}\s*=\s*", tag)
    if not m:
        return None
    j = m.end()
    if j < len(tag) and tag[j] in "\"'":
        return tag[j:skip_string(tag, j)]
    if j < len(tag) and tag[j] == "{":
        k = match_bracket(tag, j)
        return tag[j:k + 1] if k > 0 else None
    return None


def string_attr(tag: str, name: str) -> str | None:
    """A string-valued attribute ("x" or {"x"} or {`x`}), without quotes."""
    raw = attr_value(tag, name)
    if raw is None:
        return None
    raw = raw[1:-1].strip() if raw.startswith("{") else raw
    if len(raw) >= 2 and raw[0] in "\"'`" and raw[-1] == raw[0] and "${" not in raw:
        return raw[1:-1]
    return None


DECL_RE = re.compile(
    r"^(?P<export>export\s+(?:default\s+)?)?(?:async\s+)?function\s+(?P<name>[A-Z]\w*)\s*(?=[(<])"
    r"|^(?P<cexport>export\s+)?const\s+(?P<cname>[A-Z]\w*)\s*(?::[^=\n]+)?=\s*(?:async\s*)?(?=\(|\w+\s*=>|function)",
    re.MULTILINE,
)


def declarations(text: str) -> list[re.Match[str]]:
    """Top-level component declarations (function Name(...) / const Name = (...) =>), in order."""
    return list(DECL_RE.finditer(text))


def decl_name(m: re.Match[str]) -> str:
    return m["name"] or m["cname"]


def enclosing_decl(text: str, pos: int) -> re.Match[str] | None:
    found = None
    for m in declarations(text):
        if m.start() < pos:
            found = m
    return found


def default_export_name(text: str) -> str | None:
    if m := re.search(r"^export\s+default\s+(?:async\s+)?function\s+(\w+)", text, re.MULTILINE):
        return m[1]
    if m := re.search(r"^export\s+default\s+([A-Z]\w*)\s*;?\s*$", text, re.MULTILINE):
        return m[1]
    return None


def has_default_export(text: str) -> bool:
    return bool(re.search(r"^export\s+default\b|^export\s*\{[^}]*\bas\s+default\b", text, re.MULTILINE))


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1
