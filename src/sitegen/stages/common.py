"""What several stages share: the job's provider, its saved plan, the project template, JSON files,
and warming up the sandbox while the job plans."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from sitegen import hostio
from sitegen.errors import ErrorKind, SitegenError
from sitegen.pipeline import JobContext, planned_stages
from sitegen.plan import SitePlan
from sitegen.sandbox.engine import import_sdk_soon

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
        from sitegen.providers.registry import get_provider  # noqa: PLC0415 — heavy SDKs load lazily

        provider, why = get_provider(ctx.settings, ctx.options.get("provider") or "auto",
                                     ctx.options.get("models") or None)
        ctx.state["provider"] = provider
        if ctx.options.get("address_only"):  # `edit --url` alone asks no provider: the record stays
            return provider
        ctx.info(f"provider: {provider.name} ({why})", provider=provider.name)
        ctx.store.update_project(ctx.project["id"], provider=provider.name)
    return ctx.state["provider"]


def warm_up_sandbox(ctx: JobContext) -> None:
    """Start loading the Docker SDK while the job plans, when this job may build in Docker."""
    if "BUILDING" in planned_stages(ctx.options) and (
        (ctx.options.get("sandbox") or ctx.settings.sandbox or "auto").lower() in ("auto", "docker")
    ):
        import_sdk_soon()


def load_plan(ctx: JobContext) -> SitePlan:
    if "plan" not in ctx.state:
        path = ctx.meta_dir / "plan.json"
        if not path.exists():
            raise SitegenError(f"{path} is missing", ErrorKind.USAGE, "Start a new job with `sitegen new`.")
        try:
            text = hostio.read_meta(path)
        except hostio.UnsafePath as exc:
            raise SitegenError(f"refusing to read {path}: {exc}", ErrorKind.USAGE,
                               "Remove the link from the project's .sitegen folder.") from exc
        ctx.state["plan"] = SitePlan.model_validate_json(text)
    return ctx.state["plan"]


def copy_template(project_dir: Path) -> None:
    """Put the template's files in the project; a link planted in their place is replaced, never followed."""
    source = template_dir()
    for src_name, dest_name in TEMPLATE_FILES.items():
        data = (source / src_name).read_bytes()
        try:
            hostio.write_file(Path(project_dir), dest_name, data, replace_link=True)
        except hostio.UnsafePath as exc:
            raise SitegenError(f"refusing to write the template: {exc}", ErrorKind.USAGE,
                               "Remove that entry from the project folder and run the job again.") from exc


def save_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON, atomically (a temporary file, then a rename), following no link."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        hostio.write_meta(path, text.encode("utf-8"))
    except hostio.UnsafePath as exc:
        raise SitegenError(f"refusing to write {path}: {exc}", ErrorKind.USAGE,
                           "Remove the link from the project's .sitegen folder and run the job again.") from exc
