"""The deployment manager: put a built site (its ``out/`` folder) online.

Targets: ``vercel`` (Vercel CLI), ``netlify`` (netlify-cli), ``cloudflare`` (wrangler, Pages) and
``static`` (a plain folder). CLIs are pinned and installed on first use under SITEGEN_HOME/tools.
Tokens reach a CLI only through its environment and never appear in a log line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitegen.config import Settings
from sitegen.deployers import TARGETS
from sitegen.deployers.targets import (
    DeployResult,
    check_static_dir,
    deploy_cloudflare,
    deploy_netlify,
    deploy_static,
    deploy_vercel,
    fail,
)
from sitegen.deployers.tools import TOOLS
from sitegen.errors import SitegenError
from sitegen.secrets import scrub

DEFAULT_TIMEOUT = 600.0

__all__ = ["TARGETS", "TOOLS", "DeployResult", "check_static_dir", "check_target_config", "deploy", "record_deploy"]

# target -> the settings it cannot work without: (settings field, variable)
REQUIRED: dict[str, tuple[tuple[str, str], ...]] = {
    "vercel": (("vercel_token", "VERCEL_TOKEN"),),
    "netlify": (("netlify_token", "NETLIFY_AUTH_TOKEN"), ("netlify_site_id", "NETLIFY_SITE_ID")),
    "cloudflare": (("cloudflare_token", "CLOUDFLARE_API_TOKEN"),),
    "static": (),
}


def check_target_config(settings: Settings, target: str) -> None:
    """Before any work: a target whose token or site id is missing is a CONFIG error (exit 2)."""
    from sitegen.errors import ErrorKind  # noqa: PLC0415

    missing = [var for field, var in REQUIRED.get(target, ()) if not getattr(settings, field)]
    if missing:
        raise SitegenError(
            f"--deploy {target} needs {' and '.join(missing)}",
            ErrorKind.CONFIG,
            f"Export {', '.join(missing)} (environment, .env or config.toml), or use --deploy static.",
        )


def default_timeout() -> float:
    """SITEGEN_DEPLOY_TIMEOUT seconds, else 600."""
    try:
        return float(os.environ.get("SITEGEN_DEPLOY_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT


def deploy(
    project_dir: Path,
    target: str,
    settings: Settings,
    prod: bool,
    on_log: Callable[[str], None],
    timeout: float = DEFAULT_TIMEOUT,
    static_dir: Path | None = None,
) -> DeployResult:
    """Deploy ``project_dir/out`` to ``target``; raise SitegenError(DEPLOY) when it fails."""
    secrets = settings.secrets()

    def log(line: str) -> None:
        on_log(scrub(line, secrets))

    if target not in TARGETS:
        raise fail(f"unknown deploy target {target!r}", f"Use one of: {', '.join(TARGETS)}.")
    out = Path(project_dir).resolve() / "out"
    if not (out / "index.html").is_file():
        raise fail(f"there is no built site in {out}",
                   "Build it first: `sitegen resume JOB` (or `sitegen new`), then deploy.")
    try:
        if target == "static":
            return deploy_static(out, static_dir, log, settings.home)
        runner = {"vercel": deploy_vercel, "netlify": deploy_netlify, "cloudflare": deploy_cloudflare}[target]
        return runner(out, settings, prod, log, timeout)
    except SitegenError as exc:
        exc.message = scrub(exc.message, secrets)
        raise


def record_deploy(store: Any, project_id: str, result: DeployResult) -> None:
    """Store where the project went live."""
    store.update_project(
        project_id,
        deploy_url=result.url,
        deploy_target=result.target,
        deployment_id=result.deployment_id,
        deployed_at=result.at,
    )
