"""Deterministic fixes as small named rules, and the one pass that runs them over a project.

Every rule has an id, a docstring saying what it matches and what it changes, and
``apply(path, text, context) -> str | None``. ``RULES`` is the one registry, in the order the
pass applies them; ``fix_project`` runs them over the project's source files (or some of them),
writes what changed and returns one ``{"rule": id, "file": path}`` per fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitegen.checks.rules import boundary, htmlisms, imports, links, missing, offline
from sitegen.checks.rules.base import FixContext, Rule
from sitegen.checks.static import allowed_packages, source_files
from sitegen.safepaths import path_problem, safe_write

RULES: list[Rule] = [
    *htmlisms.RULES,
    *imports.RULES,
    *missing.RULES,
    *offline.RULES,
    *links.RULES,
    *boundary.RULES,
]
BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
LEGACY_IDS = tuple(r.id for r in RULES if r.legacy)
FIX_EXTS = (".tsx", ".ts", ".css")
FALLBACK_PACKAGES = frozenset({"react", "react-dom", "next", "lucide-react"})
MAX_PASSES = 3

__all__ = ["BY_ID", "LEGACY_IDS", "RULES", "FixContext", "Rule", "fix_project", "fix_text", "make_context"]


def valid_icons() -> frozenset[str]:
    from sitegen.offline.lucide_icons import valid_lucide_icons

    return frozenset(valid_lucide_icons())


def make_context(project_dir: Path, standalone: bool = False) -> FixContext:
    project_dir = Path(project_dir)
    packages = allowed_packages(project_dir) or FALLBACK_PACKAGES
    return FixContext(project_dir, packages, valid_icons(), standalone=standalone)


def fix_text(path: str, text: str, ctx: FixContext, rules: Iterable[Rule] = RULES) -> tuple[str, list[str]]:
    """Apply ``rules`` to one file's text until nothing changes; return (new text, ids of the rules that fired)."""
    fired: list[str] = []
    rules = [r for r in rules if r.wants(path)]
    for _ in range(MAX_PASSES):
        before = text
        for rule in rules:
            ctx.rule = rule.id
            new = rule.apply(path, text, ctx)
            if new is not None and new != text:
                text = new
                ctx.texts[path] = text
                if rule.id not in fired:
                    fired.append(rule.id)
        if text == before:
            break
    return text, fired


def _sources(project_dir: Path) -> list[str]:
    out = []
    for p in source_files(project_dir):
        rel = p.relative_to(project_dir).as_posix()
        if rel.endswith(FIX_EXTS) and not path_problem(rel) and p.is_file() and not p.is_symlink():
            out.append(rel)
    return out


def fix_project(project_dir: Path, files: Iterable[str] | None = None,
                rule_ids: Iterable[str] | None = None) -> list[dict[str, str]]:
    """Run the rules over the project's source files (or only ``files``), write the changed and
    added files, and return one ``{"rule": id, "file": path}`` per fix made."""
    project_dir = Path(project_dir)
    rules = [BY_ID[i] for i in rule_ids] if rule_ids is not None else RULES
    ctx = make_context(project_dir)
    every = _sources(project_dir)
    for rel in every:
        ctx.texts[rel] = (project_dir / rel).read_text("utf-8", errors="replace")
    originals = dict(ctx.texts)
    todo = [f for f in (files if files is not None else every) if f in ctx.texts]
    fixes: list[dict[str, str]] = []
    seen: set[str] = set()
    for _ in range(MAX_PASSES + 1):
        for rel in todo:
            text, fired = fix_text(rel, ctx.texts[rel], ctx, rules)
            ctx.texts[rel] = text
            fixes += [{"rule": r, "file": rel} for r in fired]
        fresh = [c for c in ctx.created if c not in seen]
        if not fresh:
            break
        for rel in fresh:
            seen.add(rel)
            fixes.append({"rule": ctx.origin.get(rel, "created"), "file": rel})
            ctx.texts[rel] = ctx.created[rel]
        todo = fresh
    changed = {rel: t for rel, t in ctx.texts.items() if originals.get(rel) != t}
    if changed:
        safe_write(project_dir, changed)
    return _dedupe(fixes)


def _dedupe(fixes: list[dict[str, str]]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for f in fixes:
        if f not in out:
            out.append(f)
    return out
