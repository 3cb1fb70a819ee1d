"""What each pipeline stage does. Every handler takes a JobContext and returns stage details.

State that a later stage needs is kept on disk in the project (``.sitegen/plan.json``, the files
themselves, ``out/``), so a resumed job can start at any stage.
"""

from __future__ import annotations

import asyncio
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from sitegen.checks import static as checks
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext, save_json
from sitegen.plan import SitePlan

TEMPLATE_FILES = {
    "package.json": "package.json",
    "package-lock.json": "package-lock.json",
    "next.config.ts": "next.config.ts",
    "postcss.config.mjs": "postcss.config.mjs",
    "tsconfig.json": "tsconfig.json",
    "gitignore": ".gitignore",
}


def template_dir() -> Path:
    return Path(str(resources.files("sitegen") / "template"))


def provider_for(ctx: JobContext) -> Any:
    """The provider the job asked for (resolved once per run and cached on the context)."""
    if "provider" not in ctx.state:
        from sitegen.providers.registry import get_provider  # noqa: PLC0415

        provider, why = get_provider(ctx.settings, ctx.options.get("provider") or "auto",
                                     ctx.options.get("models") or None)
        ctx.state["provider"] = provider
        ctx.info(f"provider: {provider.name} ({why})", provider=provider.name)
        ctx.store.update_project(ctx.project["id"], provider=provider.name)
    return ctx.state["provider"]


def load_plan(ctx: JobContext) -> SitePlan:
    if "plan" not in ctx.state:
        path = ctx.meta_dir / "plan.json"
        if not path.exists():
            raise SitegenError(f"{path} is missing", ErrorKind.USAGE, "Start a new job with `sitegen new`.")
        ctx.state["plan"] = SitePlan.model_validate_json(path.read_text(encoding="utf-8"))
    return ctx.state["plan"]


def planning(ctx: JobContext) -> dict[str, Any]:
    if ctx.job["kind"] == "edit":  # plan a change against the current site (agents/editor.py)
        from sitegen.agents.editor import edit_planning  # noqa: PLC0415

        return edit_planning(ctx)
    from sitegen.agents.planner import make_plan  # noqa: PLC0415

    provider = provider_for(ctx)
    name = ctx.options.get("name")
    prompt = ctx.job["prompt"] + (f' (the site is called "{name}")' if name else "")
    plan: SitePlan = asyncio.run(make_plan(prompt, provider, ctx.record_call))
    if name and plan.name != name:  # the copy already uses it; the name itself must be exact
        plan = plan.model_copy(update={"name": name})
    save_json(ctx.meta_dir / "plan.json", plan.model_dump(mode="json"))
    ctx.state["plan"] = plan
    ctx.store.update_project(ctx.project["id"], name=plan.name)
    return {"name": plan.name, "kind": plan.kind, "pages": [p.route for p in plan.pages]}


def copy_template(project_dir: Path) -> None:
    source = template_dir()
    for src_name, dest_name in TEMPLATE_FILES.items():
        shutil.copyfile(source / src_name, project_dir / dest_name)


def generating(ctx: JobContext) -> dict[str, Any]:
    if ctx.job["kind"] == "edit":
        from sitegen.agents.editor import edit_generating  # noqa: PLC0415

        return edit_generating(ctx)
    from sitegen.agents.ui import generate_files  # noqa: PLC0415
    from sitegen.safepaths import safe_write  # noqa: PLC0415

    plan = load_plan(ctx)
    provider = provider_for(ctx)
    files: dict[str, str] = asyncio.run(generate_files(plan, provider, ctx.record_call))
    copy_template(ctx.project_dir)
    written = safe_write(ctx.project_dir, files)
    save_json(ctx.meta_dir / "files.json", sorted(files))
    return {"files": len(written)}


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
        if getattr(provider_for(ctx), "offline", True):
            raise SitegenError(f"{len(errors)} check finding(s), first: {errors[0]}", ErrorKind.BUILD,
                               "Fix the files named in `sitegen status JOB`, then `sitegen resume JOB`.")
        ctx.state["check_findings"] = errors  # handed to the fix loop in BUILDING
    return {"findings": len(errors), "fixed": len(fixed)}


def building(ctx: JobContext) -> dict[str, Any]:
    from sitegen.build import select_builder  # noqa: PLC0415

    builder, why = select_builder(ctx.settings, ctx.options.get("sandbox"))
    assert builder is not None  # "none" never plans a BUILDING stage
    ctx.info(f"builder: {builder.name} ({why})", builder=builder.name)
    if hasattr(builder, "job_id"):
        builder.job_id = ctx.job_id  # labels the build containers with the real job
    try:
        result = run_build(ctx, builder)
    except SitegenError as exc:
        fallback = fallback_builder(ctx, builder, exc)
        if fallback is None:
            raise
        builder = fallback
        result = run_build(ctx, builder)
    ctx.state.setdefault("result", {}).update(builder=builder.name, out=str(ctx.project_dir / "out"))
    if not result.ok:
        raise SitegenError(result.error or "the build failed", ErrorKind.BUILD)
    return {"builder": builder.name, "build_seconds": round(result.seconds, 3),
            "install_seconds": round(result.install_seconds, 3), "installed": result.installed}


def fallback_builder(ctx: JobContext, builder: Any, exc: SitegenError) -> Any:
    """With --sandbox auto, a Docker that cannot build (no image, no pull) falls back to local Node."""
    from sitegen.build import LocalBuilder, find_node  # noqa: PLC0415

    sandbox = ctx.options.get("sandbox") or ctx.settings.sandbox
    if sandbox != "auto" or builder.name != "docker" or exc.kind != ErrorKind.SANDBOX or not find_node():
        return None
    ctx.info(f"Docker could not build ({exc.message}); building with local Node instead", builder="local")
    return LocalBuilder(ctx.settings)


def run_build(ctx: JobContext, builder: Any) -> Any:
    """Build through the fix loop (deterministic fixes; the fixer too when the provider can repair code)."""
    from sitegen.stages.fixloop import build_with_fixes  # noqa: PLC0415

    provider = provider_for(ctx)

    def emit(kind: str, message: str, data: dict[str, Any] | None = None) -> None:
        ctx.info(message, kind=kind, **(data or {}))

    return asyncio.run(
        build_with_fixes(ctx.project_dir, builder, provider, ctx.record_call, emit,
                         max_attempts=ctx.settings.fix_attempts, on_log=ctx.log,
                         findings=ctx.state.get("check_findings"))
    )


def verifying(ctx: JobContext) -> dict[str, Any]:
    from sitegen.stages.verifying import verify_stage  # noqa: PLC0415
    from sitegen.verify.browser import find_chromium  # noqa: PLC0415

    if ctx.options.get("verify") == "auto":
        try:
            find_chromium()
        except SitegenError as exc:  # not asked for explicitly: say so and go on
            ctx.info(f"browser checks skipped: {exc.message}. {exc.hint}", skipped=True)
            return {"skipped": True}

    return verify_stage(ctx) or {}


def deploying(ctx: JobContext) -> dict[str, Any]:
    from sitegen.deploy import deploy_stage  # noqa: PLC0415

    return deploy_stage(ctx) or {}


HANDLERS = {
    "PLANNING": planning,
    "GENERATING": generating,
    "CHECKING": checking,
    "BUILDING": building,
    "VERIFYING": verifying,
    "DEPLOYING": deploying,
}
