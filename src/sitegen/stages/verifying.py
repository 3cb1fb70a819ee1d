"""The VERIFYING stage of the pipeline: check the build in Chromium, hand problems to the fix loop.

Console errors, uncaught exceptions, broken internal links and blank pages are problems: with a
provider that can repair code they go to the fix loop like build errors (then the site is rebuilt
and checked again); when they remain, the stage fails with a VERIFY error. Accessibility findings
are reported with counts by severity and never fail a job. The full report is saved as
``.sitegen/verify.json``; screenshots go to ``.sitegen/screenshots/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitegen.build import LocalBuilder
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext
from sitegen.sandbox.choice import select_builder
from sitegen.stages.building import building, run_build
from sitegen.stages.common import provider_for, save_json
from sitegen.verify.browser import find_chromium, routes_from_out, verify_site
from sitegen.verify.report import VerifyReport
from sitegen.verify.warm import WarmBrowser

MAX_FIX_ROUNDS = 2


def plan_routes(meta_dir: Path) -> list[str]:
    """The routes the plan promises ('/' first), or [] when there is no readable plan."""
    path = meta_dir / "plan.json"
    try:
        pages = json.loads(path.read_text(encoding="utf-8")).get("pages", [])
    except (OSError, ValueError, AttributeError):
        return []
    return ["/" if not p.get("slug") else f"/{p['slug']}/" for p in pages if isinstance(p, dict)]


def building_then_verify(ctx: JobContext) -> dict[str, Any]:
    """BUILDING, with Chromium starting for VERIFYING while the site builds (when VERIFYING follows
    and Chromium is there). The browser waits in ``ctx.state``; a failed build closes it."""
    warm = None
    if ctx.options.get("verify") and ctx.options.get("sandbox") != "none":
        try:
            find_chromium()
            warm = WarmBrowser(ttl=float(ctx.settings.build_timeout) + 600)
        except SitegenError:
            warm = None
    ctx.state["warm_browser"] = warm
    try:
        return building(ctx)
    except BaseException:
        if warm is not None:
            ctx.state.pop("warm_browser", None)
            warm.close()
        raise


def verifying(ctx: JobContext) -> dict[str, Any]:
    """Run the browser checks; without Chromium, skip them with a note unless they were asked for."""
    if ctx.options.get("verify") == "auto":
        try:
            find_chromium()
        except SitegenError as exc:  # not asked for explicitly: say so and go on
            ctx.info(f"browser checks skipped: {exc.message}. {exc.hint}", skipped=True)
            return {"skipped": True}
    return verify_stage(ctx)


def verify_stage(ctx: JobContext) -> dict[str, Any]:
    """Run the browser checks for a pipeline job."""
    out = ctx.project_dir / "out"
    routes = list(dict.fromkeys(plan_routes(ctx.meta_dir) + routes_from_out(out)))
    shots = ctx.meta_dir / "screenshots"

    def log(message: str) -> None:
        ctx.log(message + "\n")

    report = verify_site(out, routes, shots, log, warm=ctx.state.pop("warm_browser", None))
    rounds = 0
    while not report.ok and rounds < MAX_FIX_ROUNDS and _can_fix(ctx):
        rounds += 1
        items = report.as_fix_errors(ctx.project_dir)
        ctx.info(
            f"the browser found {len(items)} problem(s); handing them to the fixer (round {rounds})",
            problems=[str(i) for i in items[:20]],
        )
        _fix_and_rebuild(ctx, items)
        report = verify_site(out, routes, shots, log)
    record(ctx, report, rounds)
    if not report.ok:
        items = report.as_fix_errors(ctx.project_dir)
        for item in items:
            ctx.log(f"verify: {item}\n")
        raise SitegenError(
            f"{len(items)} problem(s) in the browser; first: {items[0] if items else report.summary()}",
            ErrorKind.VERIFY,
            f"See {ctx.meta_dir / 'verify.json'} and the screenshots in {shots}; fix the files and run "
            "`sitegen resume JOB`, or set SITEGEN_VERIFY=0 to skip browser checks.",
        )
    return {
        "pages": len(report.pages),
        "a11y": report.a11y_counts,
        "screenshots": len(report.screenshots),
        "fix_rounds": rounds,
        "verify_seconds": round(report.seconds, 3),
    }


def record(ctx: JobContext, report: VerifyReport, rounds: int = 0) -> None:
    """Save the report in the project and its summary in the job result (also when it failed)."""
    path = ctx.meta_dir / "verify.json"
    save_json(path, report.to_dict())  # never through a link a build left in .sitegen/
    result = ctx.state.setdefault("result", {})
    result["screenshots"] = report.screenshots
    result["verify"] = {
        "ok": report.ok,
        "counts": report.counts(),
        "a11y": report.a11y_counts,
        "seo": {p.route: p.seo.problems() for p in report.pages},  # advisory, per page
        "fix_rounds": rounds,
        "report": str(path),
        "problems": [str(i) for i in report.as_fix_errors(ctx.project_dir)[:20]],
    }
    ctx.info(report.summary(), ok=report.ok, a11y=report.a11y_counts)


def _can_fix(ctx: JobContext) -> bool:
    """Only a provider that can write code repairs browser problems (not the offline one)."""
    try:
        return not provider_for(ctx).offline
    except SitegenError:
        return False


def _fix_and_rebuild(ctx: JobContext, items: list[Any]) -> None:
    """Give the problems to the fix loop as first-attempt findings; it fixes and rebuilds."""
    used = (ctx.state.get("result") or {}).get("builder")
    builder, _ = select_builder(ctx.settings, ctx.options.get("sandbox"))
    if used == "local" and getattr(builder, "name", "") != "local":
        builder = LocalBuilder(ctx.settings)
    saved = ctx.state.get("check_findings")
    ctx.state["check_findings"] = items
    try:
        result = run_build(ctx, builder)
    finally:
        ctx.state["check_findings"] = saved
    if not result.ok:
        raise SitegenError(result.error or "the rebuild after browser fixes failed", ErrorKind.BUILD)
