"""The deterministic fixer's entry points, on top of the rules in ``checks/rules``.

``autofix_project`` runs every rule over a project (the same pass CHECKING makes); ``fix_icons``
and ``fix_imports`` apply the import rules to one text without a project (helpers go inline).
"""

from __future__ import annotations

from pathlib import Path

from sitegen.checks.rules import BY_ID, fix_project, fix_text, make_context
from sitegen.checks.rules import valid_icons as _shipped_icons
from sitegen.checks.static import fix_use_client

__all__ = ["autofix_project", "fix_icons", "fix_imports", "fix_use_client", "valid_icons"]

IMPORT_RULES = ("icon-pack", "motion", "google-font", "class-utils", "date-lib", "ui-kit", "unknown-package")
SCRATCH = "components/__text__.tsx"


def valid_icons(project_dir: Path | None = None) -> frozenset[str]:
    """Icon names lucide-react exports (the shipped list for the pinned version)."""
    return _shipped_icons()


def _apply(text: str, ids: tuple[str, ...], packages: set[str] | frozenset[str], valid: frozenset[str]) -> str | None:
    ctx = make_context(Path("/nonexistent-sitegen-project"), standalone=True)
    ctx.packages = frozenset(packages)
    ctx.icons = frozenset(valid)
    new, fired = fix_text(SCRATCH, text, ctx, [BY_ID[i] for i in ids])
    return new if fired else None


def fix_icons(text: str, valid: frozenset[str]) -> str | None:
    """Import unknown lucide icons under the nearest valid name, keeping the local name."""
    return _apply(text, ("lucide-icon",), {"lucide-react"}, valid)


def fix_imports(text: str, packages: set[str], valid: frozenset[str]) -> str | None:
    """Remove or replace imports of modules outside the dependency set."""
    return _apply(text, IMPORT_RULES, packages, valid)


def autofix_project(project_dir: Path, files: list[str] | None = None) -> dict[str, list[str]]:
    """Fix every source file (or just ``files``) in place; return {path: ids of the rules that fired}."""
    report: dict[str, list[str]] = {}
    for fix in fix_project(project_dir, files):
        report.setdefault(fix["file"], []).append(fix["rule"])
    return report
