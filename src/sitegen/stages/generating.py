"""GENERATING: the UiAgent writes every page and the layout; the template files come along."""

from __future__ import annotations

import asyncio
from typing import Any

from sitegen import shipped
from sitegen.agents.ui import generate_files
from sitegen.pipeline import JobContext
from sitegen.safepaths import safe_write
from sitegen.stages.common import copy_template, load_plan, provider_for, save_json


def generating(ctx: JobContext) -> dict[str, Any]:
    plan = load_plan(ctx)
    provider = provider_for(ctx)
    files: dict[str, str] = asyncio.run(generate_files(plan, provider, ctx.record_call))
    copy_template(ctx.project_dir)
    if provider.offline:  # sitegen's own code, type-checked in its CI: builds skip tsc (shipped.py)
        shipped.record(ctx.settings.cache_dir, files)
    written = safe_write(ctx.project_dir, files)
    save_json(ctx.meta_dir / "files.json", sorted(files))
    return {"files": len(written)}
