"""Rules for things a page needs that were never written: shadcn/ui components, project components,
UI-kit stand-ins, and a page file's default export."""

from __future__ import annotations

import re

from sitegen.checks.rules import jsx
from sitegen.checks.rules.base import FixContext, Rule
from sitegen.checks.rules.ui_kit import UI, generic_component

KIT_PATH = "components/ui/kit.tsx"


def _resolves(ctx: FixContext, path: str, spec: str) -> bool:
    if spec.startswith("@/"):
        rel = spec[2:]
    else:
        parts = path.split("/")[:-1]
        for seg in spec.split("/"):
            parts = parts[:-1] if seg == ".." else parts if seg == "." else [*parts, seg]
        rel = "/".join(parts)
    return any(ctx.exists(rel + e) for e in ("", ".tsx", ".ts", "/index.tsx", "/index.ts", ".css"))


def shadcn_ui(path: str, text: str, ctx: FixContext) -> str | None:
    """An import of ``@/components/ui/<button|card|badge|input|label|textarea|separator|avatar|tabs|
    accordion>`` that does not exist -> a small local component file with the props models use
    (variant, size, className, asChild). The importing file is left as it is."""
    for m in jsx.IMPORT_RE.finditer(text):
        spec = m["spec"]
        name = spec.removeprefix("@/components/ui/").lower()
        if spec.startswith("@/components/ui/") and name in UI and not _resolves(ctx, path, spec):
            ctx.add_file(f"{spec[2:]}.tsx", UI[name])
    return None


def missing_component(path: str, text: str, ctx: FixContext) -> str | None:
    """An import of a project component that was never written (``@/components/Testimonials``) ->
    that file, with a minimal typed, styled component for every imported capitalised name."""
    for m in jsx.IMPORT_RE.finditer(text):
        spec = m["spec"]
        if not spec.startswith(("@/components/", "./", "../")) or m["what"] or _resolves(ctx, path, spec):
            continue
        names = [a for a, _ in jsx.specifiers(m["clause"])]
        default = jsx.default_name(m["clause"])
        if not (names or default) or not all(n[:1].isupper() for n in names + ([default] if default else [])):
            continue
        body = "".join(generic_component(n) + "\n" for n in names)
        if default:
            body += generic_component(default, default=True)
        rel = spec[2:] if spec.startswith("@/") else None
        if rel is None:
            parts = path.split("/")[:-1]
            for seg in spec.split("/"):
                parts = parts[:-1] if seg == ".." else parts if seg == "." else [*parts, seg]
            rel = "/".join(parts)
        ctx.add_file(rel + ".tsx", 'import * as React from "react";\n\n' + body.rstrip() + "\n")
    return None


def ensure_kit(ctx: FixContext, names: list[str]) -> None:
    """Make ``components/ui/kit.tsx`` export ``names`` (generic stand-ins) as well."""
    text = ctx.created.get(KIT_PATH) or ctx.texts.get(KIT_PATH) or 'import * as React from "react";\n'
    for name in names:
        if name[:1].isupper() and not re.search(rf"function {name}\b", text):
            text = text.rstrip() + "\n\n" + generic_component(name)
    if KIT_PATH in ctx.texts:
        ctx.texts[KIT_PATH] = text
    else:
        ctx.created[KIT_PATH] = text
        ctx.origin.setdefault(KIT_PATH, ctx.rule)


def page_default_export(path: str, text: str, ctx: FixContext) -> str | None:
    """A ``page.tsx`` / ``layout.tsx`` without a default export -> its (first) component becomes the
    default export (``export default Name;``)."""
    if not re.search(r"(?:^|/)(?:page|layout)\.tsx$", path) or jsx.has_default_export(text):
        return None
    decls = jsx.declarations(text)
    if not decls:
        return None
    preferred = [d for d in decls if re.search(r"Page$|Layout$|^Home$", jsx.decl_name(d))] or decls
    return text.rstrip("\n") + f"\n\nexport default {jsx.decl_name(preferred[0])};\n"


RULES = [
    Rule("shadcn-ui", shadcn_ui),
    Rule("missing-component", missing_component),
    Rule("page-default-export", page_default_export),
]
