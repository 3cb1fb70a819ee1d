"""CHECKING: static checks on the written files, with the deterministic fixes they allow."""

from __future__ import annotations

from typing import Any

from sitegen.checks import static as checks
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext
from sitegen.stages.common import provider_for


def checking(ctx: JobContext) -> dict[str, Any]:
    findings = checks.check_project(ctx.project_dir)
    fixed = checks.add_use_client(ctx.project_dir, findings)
    if fixed:
        ctx.info(f"added 'use client' to {len(fixed)} file(s)", files=fixed)
        findings = checks.check_project(ctx.project_dir)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        for f in errors:
            ctx.log(f"check: {f}\n")
        if provider_for(ctx).offline:
            raise SitegenError(f"{len(errors)} check finding(s), first: {errors[0]}", ErrorKind.BUILD,
                               "Fix the files named in `sitegen status JOB`, then `sitegen resume JOB`.")
        ctx.state["check_findings"] = errors  # handed to the fix loop in BUILDING
    return {"findings": len(errors), "fixed": len(fixed)}
