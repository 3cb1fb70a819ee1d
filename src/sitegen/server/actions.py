"""What the API's POST endpoints do before a job runs: owner checks, limits, and the job records.

The checks are the CLI's (same kinds, messages and hints: an unknown provider, a provider or
deploy target without its key, an offline edit it cannot do, a project never built), raised as
SitegenError so the app renders them in the one error shape. Project folders live under the
workspace, one per project. Another owner's job or project is "not found" (404), never "forbidden".
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.deployers import TARGETS
from sitegen.errors import SitegenError, check_choice, not_found, usage
from sitegen.providers import PROVIDER_NAMES
from sitegen.sandbox import SANDBOXES
from sitegen.server.models import ApiError, DeployIn, EditIn, GenerateIn

QUEUED = "queued"  # recorded, waiting for a worker
ACTIVE = {"running", QUEUED}


@dataclass
class Limits:
    """Per-owner limits: jobs running at once, jobs started per hour, request body bytes."""

    running_jobs: int = 2
    jobs_per_hour: int = 30
    body_bytes: int = 64_000

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Limits:
        env = dict(os.environ if env is None else env)
        names = {"running_jobs": "SITEGEN_MAX_RUNNING_JOBS", "jobs_per_hour": "SITEGEN_JOBS_PER_HOUR",
                 "body_bytes": "SITEGEN_MAX_BODY_BYTES"}
        values: dict[str, int] = {}
        for field, var in names.items():
            if env.get(var, "").strip():
                try:
                    values[field] = max(1, int(env[var]))
                except ValueError:
                    raise usage(f"{var} must be a whole number, not {env[var]!r}") from None
        return cls(**values)


def workspace_dir(settings: Any) -> Path:
    """SITEGEN_WORKSPACE, default SITEGEN_HOME/workspace (a shared mount on a fleet)."""
    path = Path(settings.workspace or Path(settings.home) / "workspace")
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- ownership -------------------------------------------------------------------------------
def owned_job(store: Any, owner: str, job_id: str) -> dict[str, Any]:
    """The job with exactly this id when ``owner`` owns it; otherwise NOT_FOUND (no prefix matches)."""
    try:
        job = store.get_job(job_id)
    except SitegenError:
        job = None
    if not job or job["id"] != job_id or job.get("owner", "") != owner:
        raise not_found(f"no job {job_id!r}", "List your jobs with GET /jobs.")
    return job


def owned_project(store: Any, owner: str, project_id: str) -> dict[str, Any]:
    try:
        project = store.get_project(project_id)
    except SitegenError:
        project = None
    if not project or project.get("owner", "") != owner:
        raise not_found(f"no project {project_id!r}", "List your projects with GET /projects.")
    return project


def project_folder(project: dict[str, Any]) -> Path:
    path = Path(project["path"])
    if not path.is_dir() or path.is_symlink():
        raise not_found(f"the folder of project {project['name']!r} is gone")
    return path


# -- limits ----------------------------------------------------------------------------------
class Gate:
    """Checks an owner's limits and records the job under one lock, so two requests cannot both pass."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.lock = threading.Lock()

    def check(self, store: Any, owner: str) -> None:
        lim = self.limits
        jobs = store.list_jobs(lim.jobs_per_hour + lim.running_jobs + 20, owner=owner)
        running = sum(1 for j in jobs if j["status"] in ACTIVE)
        if running >= lim.running_jobs:
            raise ApiError(429, "too_many_requests",
                           f"{running} of your jobs are running; the limit is {lim.running_jobs}",
                           headers={"Retry-After": "30"})
        now = time.time()
        recent = sorted(j["created_at"] for j in jobs if j["created_at"] > now - 3600)
        if len(recent) >= lim.jobs_per_hour:
            wait = int(recent[-lim.jobs_per_hour] + 3600 - now) + 1
            raise ApiError(429, "too_many_requests",
                           f"you started {len(recent)} jobs in the last hour; the limit is {lim.jobs_per_hour}",
                           headers={"Retry-After": str(max(1, wait))})


def busy(project: dict[str, Any]) -> None:
    """One job per project at a time."""
    if project.get("last_status") in ACTIVE:
        raise ApiError(409, "conflict", f"project {project['name']!r} has a running job ({project['last_job_id']})")


# -- the checks `sitegen new/edit/deploy` make --------------------------------------------------
def check_options(settings: Any, provider: str, sandbox: str | None, deploy: str | None) -> None:
    from sitegen.providers.registry import choose, require_keys  # noqa: PLC0415

    check_choice(provider, tuple(PROVIDER_NAMES), "provider", "provider")
    check_choice(sandbox, tuple(SANDBOXES), "sandbox", "sandbox")
    check_choice(deploy, tuple(TARGETS), "deploy", "deploy target")
    require_keys(settings, choose(settings, provider)[0])
    if deploy:
        from sitegen.deploy import check_target_config  # noqa: PLC0415

        check_target_config(settings, deploy)


def new_job(settings: Any, store: Any, owner: str, body: GenerateIn) -> tuple[str, str]:
    """Records for POST /generate: a new folder in the workspace, the project and the job."""
    from sitegen.config import verify_option  # noqa: PLC0415
    from sitegen.jobs import check_out_dir, default_slug  # noqa: PLC0415
    from sitegen.plan import site_address  # noqa: PLC0415

    prompt = body.prompt.strip()
    if not prompt or "\x00" in prompt:
        raise usage("the prompt is empty or not plain text", 'Describe the site in one sentence.')
    check_options(settings, body.provider, body.sandbox, body.deploy)
    url = site_address(body.url, "url") if body.url is not None else None
    slug = default_slug(prompt, body.name)
    # a fresh folder of ours in the workspace (which may sit inside SITEGEN_HOME: its default)
    folder = check_out_dir(workspace_dir(settings) / f"{slug}-{secrets.token_hex(3)}", False)
    project = store.create_project(body.name or slug, slug, folder, prompt, body.provider, owner=owner)
    options = {"name": body.name, "url": url, "provider": body.provider, "models": body.models,
               "sandbox": body.sandbox or settings.sandbox, "deploy": body.deploy, "prod": body.prod,
               "verify": verify_option(body.verify, settings)}
    return store.create_job(project["id"], prompt, "new", options, owner=owner, status=QUEUED), project["id"]


def edit_job(settings: Any, store: Any, owner: str, project: dict[str, Any], body: EditIn) -> str:
    """Records for POST /projects/{id}/edit, after the CLI's checks and a snapshot of the files."""
    from sitegen.config import verify_option  # noqa: PLC0415
    from sitegen.history import snapshot_before_edit  # noqa: PLC0415
    from sitegen.jobs import address_options, check_edit, edit_prompt  # noqa: PLC0415
    from sitegen.plan import site_address  # noqa: PLC0415

    text = " ".join(body.instruction.split())
    url = site_address(body.url, "url") if body.url is not None else None
    if (not text and url is None) or "\x00" in text:
        raise usage("the instruction is empty or not plain text",
                    'Say what to change: "make it green" (or give only the site\'s new url).')
    check_options(settings, body.provider, body.sandbox, body.deploy)
    path = project_folder(project)
    if not (path / ".sitegen" / "plan.json").is_file():
        raise usage(f"project {project['name']!r} has no .sitegen/plan.json to edit",
                    "Finish the project first (POST /jobs/{id}/resume), or make a new one.")
    check_edit(settings, body.provider, path, text, check_sandbox=False, url=url)  # workers may build elsewhere
    snapshot_before_edit(path)
    options = {"provider": body.provider, "models": body.models, "sandbox": body.sandbox or settings.sandbox,
               "deploy": body.deploy, "verify": verify_option(body.verify, settings),
               **address_options(store, project["id"], text, url)}
    return store.create_job(project["id"], edit_prompt(text, url), "edit", options, owner=owner,
                            status=QUEUED)


def deploy_job(settings: Any, store: Any, owner: str, project: dict[str, Any], body: DeployIn) -> str:
    """Records for POST /projects/{id}/deploy: a job that runs only DEPLOYING (its build is kept)."""
    target = body.target or project.get("deploy_target") or "static"
    check_choice(target, tuple(TARGETS), "target", "deploy target")
    path = project_folder(project)
    if not (path / "out" / "index.html").is_file():
        raise usage(f"project {project['name']!r} has no built site (out/index.html is missing)",
                    "Build it first: POST /jobs/{id}/resume for a failed build.")
    from sitegen.deploy import check_target_config  # noqa: PLC0415

    check_target_config(settings, target)
    options: dict[str, Any] = {"sandbox": "auto", "verify": False, "deploy": target, "prod": body.prod}
    if body.timeout:
        options["deploy_timeout"] = body.timeout
    job_id = store.create_job(project["id"], project["prompt"], "deploy", options, owner=owner,
                              status=QUEUED)
    store.update_job(job_id, last_done_stage="BUILDING")  # runs (and resumes) only DEPLOYING
    return job_id


def check_resumable(job: dict[str, Any]) -> None:
    if job["status"] in ACTIVE:
        raise ApiError(409, "conflict", f"job {job['id']} is still {job['status']}")
    if job["status"] == "done":
        raise usage(f"job {job['id']} already finished", "Nothing to resume; POST /projects/{id}/edit changes it.")
