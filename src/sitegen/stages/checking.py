"""CHECKING: the deterministic fixes over every written file, then the static checks on the result."""

from __future__ import annotations

from typing import Any

from sitegen.checks import static as checks
from sitegen.checks.rules import fix_project
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext
from sitegen.stages.common import provider_for


def record_fixes(ctx: JobContext, fixes: list[dict[str, str]]) -> None:
    """Keep the fixes made in the job: one event listing them, and ``result["fixes"]``."""
    if not fixes:
        return
    rules = sorted({f["rule"] for f in fixes})
    ctx.info(f"fixed {len(fixes)} thing(s) without a model: {', '.join(rules)}", kind="autofix", fixes=fixes)
    ctx.state.setdefault("result", {}).setdefault("fixes", []).extend(fixes)


def checking(ctx: JobContext) -> dict[str, Any]:
    fixes = fix_project(ctx.project_dir)
    record_fixes(ctx, fixes)
    findings = checks.check_project(ctx.project_dir)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        for f in errors:
            ctx.log(f"check: {f}\n")
        if provider_for(ctx).offline:
            raise SitegenError(f"{len(errors)} check finding(s), first: {errors[0]}", ErrorKind.BUILD,
                               "Fix the files named in `sitegen status JOB`, then `sitegen resume JOB`.")
        ctx.state["check_findings"] = errors  # handed to the fix loop in BUILDING
    return {"findings": len(errors), "fixed": len(fixes)}
