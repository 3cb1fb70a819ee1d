"""Deterministic fixes tried before any model: they cost no tokens and fix the common mistakes.

- a file that uses hooks or event handlers without ``"use client"`` gets it;
- an unknown lucide-react icon is imported under the nearest valid name (``Nearest as Unknown``);
- an import from a package outside the dependency set is removed or replaced (react-icons and
  heroicons -> lucide-react, framer-motion -> plain elements, clsx -> an inline helper,
  next/font/google -> system fonts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sitegen.checks.static import (
    USE_CLIENT_RE,
    allowed_packages,
    fix_use_client,
    module_allowed,
    package_of,
)

CODE_EXTS = (".tsx", ".ts")
SOURCE_DIRS = ("app", "components", "lib")
IMPORT_RE = re.compile(
    r"""^[ \t]*import\s+(?P<what>type\s+)?(?P<clause>[\w*{}\s,$]+?)\s+from\s+["'](?P<spec>[^"']+)["'];?[ \t]*\n?""",
    re.MULTILINE,
)
ICON_PACKAGE_PREFIXES = ("react-icons", "@heroicons/react", "@radix-ui/react-icons", "lucide")
ICON_PREFIX_RE = re.compile(
    r"^(?:Fa6?|Fi|Md|Hi2?|Bi|Ai|Bs|Io5?|Ri|Si|Gi|Tb|Lu|Pi|Ci|Go|Gr|Im|Lia|Rx|Sl|Tfi|Vsc|Wi|Cg)(?=[A-Z])"
)
MOTION_PROPS = (
    r"(?:initial|animate|exit|transition|variants|whileHover|whileTap|whileInView|whileFocus|viewport|layout"
    r"|layoutId)"
)


@cache
def _valid_icons() -> frozenset[str]:
    try:
        from sitegen.offline.lucide_icons import valid_lucide_icons

        return frozenset(valid_lucide_icons())
    except ImportError:  # pragma: no cover - the offline package ships with sitegen
        return frozenset()


def valid_icons(project_dir: Path | None = None) -> frozenset[str]:
    """Icon names lucide-react exports: the shipped list, else the project's own type definitions."""
    names = _valid_icons()
    if names or project_dir is None:
        return names
    dts = Path(project_dir) / "node_modules/lucide-react/dist/lucide-react.d.ts"
    if not dts.is_file():
        return frozenset()
    text = dts.read_text("utf-8", errors="replace")
    base = set(re.findall(r"^declare const ([A-Z][A-Za-z0-9]*): LucideIcon;", text, re.MULTILINE))
    return frozenset(base | {f"{n}Icon" for n in base} | {f"Lucide{n}" for n in base})


def nearest(name: str, valid: frozenset[str]) -> str:
    try:
        from sitegen.offline.lucide_icons import nearest_icon

        return nearest_icon(name)
    except ImportError:  # pragma: no cover
        return "Sparkles" if "Sparkles" in valid or not valid else sorted(valid)[0]


def _specifiers(clause: str) -> list[tuple[str, str]]:
    """(imported, local) pairs of a named-import clause like "{ A, B as C }"."""
    m = re.search(r"\{([^}]*)\}", clause)
    out = []
    for part in (m[1] if m else "").split(","):
        part = part.strip().removeprefix("type ").strip()
        if not part:
            continue
        imported, _, local = part.partition(" as ")
        out.append((imported.strip(), (local or imported).strip()))
    return out


def _icon_import(pairs: list[tuple[str, str]]) -> str:
    return "import { " + ", ".join(a if a == b else f"{a} as {b}" for a, b in pairs) + ' } from "lucide-react";\n'


def fix_icons(text: str, valid: frozenset[str]) -> str | None:
    """Import unknown lucide icons under the nearest valid name, keeping the local name."""
    if not valid:
        return None
    changed = False

    def repl(m: re.Match[str]) -> str:
        nonlocal changed
        if m["spec"] != "lucide-react" or m["what"] or "{" not in m["clause"]:
            return m[0]
        pairs = _specifiers(m["clause"])
        fixed = [(a if a in valid or a == "LucideIcon" or a == "LucideProps" else nearest(a, valid), b)
                 for a, b in pairs]
        if fixed == pairs:
            return m[0]
        changed = True
        return _icon_import(fixed)

    new = IMPORT_RE.sub(repl, text)
    return new if changed else None


def _strip_motion(text: str, locals_: list[str]) -> str:
    for name in locals_:
        if name in ("motion", "m"):
            text = re.sub(rf"<(/?){name}\.(\w+)", r"<\1\2", text)
        elif name == "AnimatePresence":
            text = re.sub(r"<AnimatePresence\b[^>]*>", "<>", text).replace("</AnimatePresence>", "</>")
    text = re.sub(rf"\s{MOTION_PROPS}=\{{\{{[^{{}}]*\}}\}}", "", text)
    text = re.sub(rf"\s{MOTION_PROPS}=\{{[^{{}}]*\}}", "", text)
    return re.sub(rf'\s{MOTION_PROPS}="[^"]*"', "", text)


def _strip_google_font(text: str, locals_: list[str]) -> str:
    for name in locals_:
        for var in re.findall(rf"(?:const|let|var)\s+(\w+)\s*=\s*{name}\s*\(", text):
            text = re.sub(rf"^[ \t]*(?:const|let|var)\s+{var}\s*=\s*{name}\s*\((?:[^()]|\([^()]*\))*\);?[ \t]*\n?",
                          "", text, flags=re.MULTILINE)
            text = re.sub(rf"\$\{{\s*{var}\.(?:className|variable)\s*\}}", "", text)
            text = re.sub(rf"\{{\s*{var}\.(?:className|variable)\s*\}}", '""', text)
            text = re.sub(rf"\b{var}\.(?:className|variable)\b", '""', text)
    return text


def fix_imports(text: str, packages: set[str], valid: frozenset[str]) -> str | None:
    """Remove or replace imports of modules outside the dependency set."""
    extra_icons: list[tuple[str, str]] = []
    handlers: list[tuple[Callable[[str, list[str]], str], list[str]]] = []
    helpers: list[str] = []
    changed = False

    def repl(m: re.Match[str]) -> str:
        nonlocal changed
        spec, clause = m["spec"], m["clause"]
        if module_allowed(spec, packages):
            return m[0]
        changed = True
        pairs = _specifiers(clause)
        default = clause.split("{")[0].strip().rstrip(",").strip()
        locals_ = [b for _, b in pairs] + ([default] if default and not default.startswith("*") else [])
        if spec.startswith(ICON_PACKAGE_PREFIXES) and valid:
            for imported, local in pairs:
                base = ICON_PREFIX_RE.sub("", imported).removesuffix("Icon").removesuffix("Outline")
                extra_icons.append((nearest(base, valid), local))
        elif package_of(spec) in ("framer-motion", "motion"):
            handlers.append((_strip_motion, locals_))
        elif spec == "next/font/google" or spec.startswith("next/font"):
            handlers.append((_strip_google_font, locals_))
        elif package_of(spec) in ("clsx", "classnames", "tailwind-merge", "cn"):
            helpers.extend([f'const {n} = (...a: unknown[]) => a.filter(Boolean).join(" ");\n' for n in locals_])
        return ""

    new = IMPORT_RE.sub(repl, text)
    if not changed:
        return None
    for handler, locals_ in handlers:
        new = handler(new, locals_)
    added = (_icon_import(extra_icons) if extra_icons else "") + "".join(helpers)
    if added:
        new = _insert_after_imports(new, added)
    return new


def _insert_after_imports(text: str, block: str) -> str:
    last = None
    for m in IMPORT_RE.finditer(text):
        last = m
    if last is not None:
        return text[: last.end()] + block + text[last.end():]
    m = USE_CLIENT_RE.match(text)
    if m:
        end = text.index("\n", m.end()) + 1 if "\n" in text[m.end():] else len(text)
        return text[:end] + block + text[end:]
    return block + text


def fix_text(text: str, packages: set[str], valid: frozenset[str]) -> tuple[str, list[str]]:
    """Apply every deterministic fix to one file; return (new text, names of the fixes applied)."""
    applied: list[str] = []
    for name, fix in (
        ("imports", lambda t: fix_imports(t, packages, valid)),
        ("icons", lambda t: fix_icons(t, valid)),
        ("use-client", fix_use_client),
    ):
        new = fix(text)
        if new is not None and new != text:
            text = new
            applied.append(name)
    return text, applied


def source_files(project_dir: Path) -> list[str]:
    root = Path(project_dir)
    out = []
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else []:
            if path.suffix in CODE_EXTS and path.is_file() and not path.is_symlink():
                out.append(path.relative_to(root).as_posix())
    return out


def autofix_project(project_dir: Path, files: list[str] | None = None) -> dict[str, list[str]]:
    """Fix every source file (or just ``files``) in place; return {path: fixes applied}."""
    from sitegen.safepaths import safe_write

    packages = allowed_packages(project_dir) or frozenset({"react", "react-dom", "next", "lucide-react"})
    valid = valid_icons(project_dir)
    changed: dict[str, str] = {}
    report: dict[str, list[str]] = {}
    for rel in files if files is not None else source_files(project_dir):
        path = Path(project_dir) / rel
        if not rel.endswith(CODE_EXTS) or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        new, applied = fix_text(text, packages, valid)
        if applied:
            changed[rel] = new
            report[rel] = applied
    if changed:
        safe_write(project_dir, changed)
    return report
