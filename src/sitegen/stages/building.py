"""BUILDING: pick the sandbox, build through the fix loop (stages/fixloop.py), fall back when allowed."""

from __future__ import annotations

import asyncio
from typing import Any

from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import Event, JobContext
from sitegen.sandbox.choice import UNSANDBOXED_WARNING, is_unsandboxed, local_builder, select_builder
from sitegen.stages.common import provider_for
from sitegen.stages.fixloop import build_with_fixes


def building(ctx: JobContext) -> dict[str, Any]:
    builder, why = select_builder(ctx.settings, ctx.options.get("sandbox"), offline=own_code(ctx))
    assert builder is not None  # "none" never plans a BUILDING stage
    ctx.info(f"builder: {builder.name} ({why})", builder=builder.name)
    warn_unsandboxed(ctx, builder, why)
    ctx.state.setdefault("result", {})["builder"] = builder.name  # shown by status, even if the build fails
    if hasattr(builder, "job_id"):
        builder.job_id = ctx.job_id  # labels the build containers with the real job
    if hasattr(builder, "on_progress"):
        builder.on_progress = lambda done, total: ctx.emit(
            Event("progress", ctx.stage, "pulling the build image", {"done": done, "total": total}))
    try:
        result = run_build(ctx, builder)
    except SitegenError as exc:
        fallback = fallback_builder(ctx, builder, exc)
        if fallback is None:
            raise
        builder = fallback
        ctx.state["result"]["builder"] = builder.name
        result = run_build(ctx, builder)
    ctx.state.setdefault("result", {}).update(builder=builder.name, out=str(ctx.project_dir / "out"))
    if not result.ok:
        raise SitegenError(result.error or "the build failed", ErrorKind.BUILD)
    return {"builder": builder.name, "build_seconds": round(result.seconds, 3),
            "install_seconds": round(result.install_seconds, 3), "installed": result.installed,
            "timings": getattr(result, "timings", {})}  # seconds per build step and next build phase


def own_code(ctx: JobContext) -> bool:
    """True when every line of the site's code is sitegen's own: the offline provider wrote it and no
    model provider wrote this project before (the store's record, not a file a build could change).
    An edit that only set the address of a model's site (``model_site``) kept the model's code."""
    provider = provider_for(ctx)
    if not provider.offline or ctx.options.get("model_site"):
        return False
    return ctx.job.get("kind") == "new" or ctx.project.get("provider") in (None, "", "auto", provider.name)


def warn_unsandboxed(ctx: JobContext, builder: Any, why: str) -> None:
    """Say so, loudly, before the site's code runs on the host without a sandbox."""
    if is_unsandboxed(builder):
        ctx.info(UNSANDBOXED_WARNING.format(why=why), warning="unsandboxed", builder=builder.name)


def fallback_builder(ctx: JobContext, builder: Any, exc: SitegenError) -> Any:
    """With --sandbox auto, a Docker that cannot build (no image, no pull) falls back to local Node under
    bubblewrap; bare local Node only for sitegen's own code (model code is refused: raises)."""
    sandbox = ctx.options.get("sandbox") or ctx.settings.sandbox
    if sandbox != "auto" or builder.name != "docker" or exc.kind != ErrorKind.SANDBOX:
        return None
    fallback, why = local_builder(ctx.settings, f"Docker could not build ({exc.message})",
                                  offline=own_code(ctx), explicit=False)
    ctx.info(f"builder: {fallback.name} ({why})", builder=fallback.name)
    warn_unsandboxed(ctx, fallback, why)
    return fallback


def run_build(ctx: JobContext, builder: Any) -> Any:
    """Build through the fix loop (deterministic fixes; the fixer too when the provider can repair code)."""
    provider = provider_for(ctx)

    def emit(kind: str, message: str, data: dict[str, Any] | None = None) -> None:
        ctx.info(message, kind=kind, **(data or {}))
        if kind == "autofix" and data:  # deterministic fixes count in the job's result too
            ctx.state.setdefault("result", {}).setdefault("fixes", []).extend(data.get("fixes", []))

    return asyncio.run(
        build_with_fixes(ctx.project_dir, builder, provider, ctx.record_call, emit,
                         max_attempts=ctx.settings.fix_attempts, on_log=ctx.log,
                         findings=ctx.state.get("check_findings"))
    )
