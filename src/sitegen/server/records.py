"""Store rows turned into the API's shapes, and files read from project folders without following links.

The JSON of ``GET /status/{id}`` holds every field ``sitegen status JOB --json`` prints (so the CLI as a
client prints the same object) plus the original API's names (deploy_url, logs, result.site_plan,
result.build_logs, tokens, cost).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from sitegen.hostio import UnsafePath, read_file
from sitegen.server.models import JobStatus, JobSummary, ProjectOut, ResultOut, StageOut, Tokens

SCREENSHOTS = ".sitegen/screenshots"
PLAN = ".sitegen/plan.json"
MAX_PLAN_BYTES = 2_000_000


def job_summary(job: dict[str, Any], project: dict[str, Any]) -> JobSummary:
    end = job["finished_at"] or (time.time() if job["status"] == "running" else job["updated_at"])
    return JobSummary(
        job_id=job["id"], project_id=project["id"], project=project["name"], kind=job["kind"],
        status=job["status"], stage=job["stage"], created_at=job["created_at"],
        seconds=round(end - job["created_at"], 3), error=job["error"],
    )


def project_out(project: dict[str, Any]) -> ProjectOut:
    return ProjectOut(
        project_id=project["id"], name=project["name"], path=project["path"],
        exists=Path(project["path"]).is_dir(), last_status=project["last_status"],
        last_job_id=project["last_job_id"], url=project.get("deploy_url"),
        deploy_target=project.get("deploy_target"), deployment_id=project.get("deployment_id"),
        deployed_at=project.get("deployed_at"), updated_at=project["updated_at"],
    )


_plans: dict[str, tuple[tuple[int, int, int], dict[str, Any]]] = {}


def read_plan(folder: Path) -> dict[str, Any] | None:
    """The project's .sitegen/plan.json, or None when missing, a link, too big or not JSON.

    Parsed once per version of the file (same inode, size and mtime), since GET /status is polled."""
    try:
        st = os.stat(folder / PLAN, follow_symlinks=False)
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        cached = _plans.get(str(folder))
        if cached and cached[0] == key:
            return cached[1]
        data = json.loads(read_file(folder, PLAN, MAX_PLAN_BYTES + 1))
    except (OSError, UnsafePath, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if len(_plans) > 512:
        _plans.clear()
    _plans[str(folder)] = (key, data)
    return data


def screenshot_names(folder: Path) -> list[str]:
    """Plain .png files in the project's screenshot folder (links left out)."""
    try:
        with os.scandir(folder / SCREENSHOTS) as it:
            return sorted(e.name for e in it if e.name.endswith(".png") and e.is_file(follow_symlinks=False))
    except OSError:
        return []


def job_status(store: Any, job: dict[str, Any]) -> JobStatus:
    """Everything about one job (GET /status/{job_id})."""
    project = store.get_project(job["project_id"])
    usage = store.usage(job["id"])
    folder = Path(project["path"])
    raw = dict(job.get("result") or {})
    for key in ("site_plan", "build_logs", "screenshots"):
        raw.pop(key, None)
    result = ResultOut(
        site_plan=read_plan(folder), build_logs=job["log_tail"], screenshots=screenshot_names(folder),
        version=raw.pop("version", None), changes=[str(c) for c in raw.pop("changes", None) or []], **raw,
    )
    deploy = None
    if job["kind"] == "deploy" and job["status"] == "done":
        deploy = {"url": project.get("deploy_url"), "target": project.get("deploy_target"),
                  "deployment_id": project.get("deployment_id"), "deployed_at": project.get("deployed_at")}
    log_tail = job["log_tail"][-4000:]
    return JobStatus(
        **job_summary(job, project).model_dump(),
        finished_at=job["finished_at"],
        stages=[StageOut(stage=s["stage"], status=s["status"], seconds=s["seconds"])
                for s in store.stage_durations(job["id"])],
        deploy_url=project.get("deploy_url"), logs=log_tail, result=result,
        error_kind=job["error_kind"], hint=job["hint"],
        tokens=Tokens(input=usage["tokens_in"], output=usage["tokens_out"]), cost=usage["cost_usd"],
        path=project["path"], prompt=job["prompt"], provider=project["provider"], url=project.get("deploy_url"),
        deploy=deploy, tokens_in=usage["tokens_in"], tokens_out=usage["tokens_out"], cost_usd=usage["cost_usd"],
        llm_calls=usage["calls"], log_tail=log_tail,
    )

