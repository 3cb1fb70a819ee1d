"""DEPLOYING: put ``out/`` online with the deployment manager (sitegen/deploy.py), record the URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.deploy import default_timeout, deploy, record_deploy
from sitegen.pipeline import JobContext


def deploying(ctx: JobContext) -> dict[str, Any]:
    target = ctx.options.get("deploy") or "static"
    static_dir = ctx.options.get("static_dir")
    result = deploy(
        ctx.project_dir,
        target,
        ctx.settings,
        bool(ctx.options.get("prod")),
        on_log=lambda line: ctx.log(line + "\n"),
        timeout=float(ctx.options.get("deploy_timeout") or default_timeout()),
        static_dir=Path(static_dir) if static_dir else None,
    )
    record_deploy(ctx.store, ctx.project["id"], result)
    detail = result.to_dict()
    ctx.state.setdefault("result", {}).update(url=result.url, deploy=detail)
    ctx.info(f"live at {result.url}", url=result.url, target=target)
    return detail
