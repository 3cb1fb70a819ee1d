"""PLANNING: the PlannerAgent turns the prompt into a SitePlan, saved as ``.sitegen/plan.json``."""

from __future__ import annotations

import asyncio
from typing import Any

from sitegen.agents.planner import make_plan
from sitegen.pipeline import JobContext
from sitegen.plan import SitePlan
from sitegen.stages.common import provider_for, save_json, warm_up_sandbox


def planning(ctx: JobContext) -> dict[str, Any]:
    warm_up_sandbox(ctx)
    provider = provider_for(ctx)
    name = ctx.options.get("name")
    prompt = ctx.job["prompt"] + (f' (the site is called "{name}")' if name else "")
    plan: SitePlan = asyncio.run(make_plan(prompt, provider, ctx.record_call))
    if name and plan.name != name:  # the copy already uses it; the name itself must be exact
        plan = plan.model_copy(update={"name": name})
    if url := ctx.options.get("url"):  # --url: canonical links, sitemap and structured data use it
        plan = plan.model_copy(update={"url": url})
    save_json(ctx.meta_dir / "plan.json", plan.model_dump(mode="json"))
    ctx.state["plan"] = plan
    ctx.store.update_project(ctx.project["id"], name=plan.name)
    return {"name": plan.name, "kind": plan.kind, "pages": [p.route for p in plan.pages]}
