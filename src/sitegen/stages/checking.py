"""CHECKING: the deterministic fixes over every written file, then the static checks on the result."""

from __future__ import annotations

import asyncio
from typing import Any

from sitegen.checks import static as checks
from sitegen.checks.rules import fix_project
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext
from sitegen.stages.common import provider_for
from sitegen.stages.fixloop import FixLoop, findings_to_errors


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
    errors = [f for f in checks.check_project(ctx.project_dir) if f.severity == "error"]
    fixer_changed: list[str] = []
    provider = provider_for(ctx)
    if errors and not provider.offline:  # the fix step: the fixer agent sees the findings once
        fixer_changed = fix_with_model(ctx, provider, errors)
        errors = [f for f in checks.check_project(ctx.project_dir) if f.severity == "error"]
    block_on(ctx, errors, provider.offline)
    return {"findings": 0, "fixed": len(fixes) + len(fixer_changed)}


def block_on(ctx: JobContext, errors: list[Any], offline: bool) -> None:
    """A static-check error left after the fix step fails CHECKING, for every provider and every
    sandbox (also --sandbox none): nothing with a finding is ever built or handed on."""
    if not errors:
        return
    for f in errors:
        ctx.log(f"check: {f}\n")
    ctx.state.setdefault("result", {})["findings"] = [f.to_dict() for f in errors[:50]]
    raise SitegenError(
        f"{len(errors)} check finding(s) remain after the fixes, first: {errors[0]}",
        ErrorKind.BUILD if offline else ErrorKind.MODEL_OUTPUT,
        "Fix the files named in `sitegen status JOB`, then `sitegen resume JOB`"
        + ("." if offline else ", or run it again with another --model."),
    )


def fix_with_model(ctx: JobContext, provider: Any, errors: list[Any]) -> list[str]:
    """One repair of the findings: deterministic rules, then the fixer agent, then the rules over
    what it wrote. Returns the files that really changed."""
    def emit(kind: str, message: str, data: dict[str, Any] | None = None) -> None:
        ctx.info(message, kind=kind, **(data or {}))
        if kind == "autofix" and data:  # rules run again over the fixer's files: they count too
            ctx.state.setdefault("result", {}).setdefault("fixes", []).extend(data.get("fixes", []))

    loop = FixLoop(ctx.project_dir, None, provider, ctx.record_call, emit, 1, ctx.log,
                   ctx.state.setdefault("fixer_sent", set()))
    changes = asyncio.run(loop.repair(findings_to_errors(errors), ""))
    if changes:
        ctx.info(f"the fix step changed {len(changes)} file(s) before the build", kind="fix_applied",
                 files=changes)
    return sorted(changes)
