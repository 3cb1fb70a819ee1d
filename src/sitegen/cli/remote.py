"""The CLI as a client of a team server: `new`, `status`, `projects`, `edit` and `deploy` with `--server URL`.

Same output, same exit codes, same ``--json`` object as the local commands: the server's
GET /status holds every field of the local job report, progress is drawn from the job's
Server-Sent Events by the same Terminal, and errors arrive with the CLI's kinds and hints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitegen.errors import usage

if TYPE_CHECKING:
    from sitegen.pipeline import Event

ServerOpt = Annotated[str | None, typer.Option(
    "--server", envvar="SITEGEN_SERVER", help="Run on a team server (`sitegen serve`) at this URL; "
    "the token comes from SITEGEN_TOKEN.", show_envvar=True)]

# the keys `sitegen status JOB --json` prints (cli/views.job_detail), in its order
DETAIL_KEYS = (
    "job_id", "project_id", "project", "kind", "status", "stage", "created_at", "seconds", "error", "path",
    "prompt", "provider", "stages", "error_kind", "hint", "result", "fixes", "url", "deploy", "tokens_in", "tokens_out",
    "cost_usd", "llm_calls", "log_tail", "finished_at",
)
SUMMARY_KEYS = ("job_id", "project_id", "project", "kind", "status", "stage", "created_at", "seconds", "error")


def client(server: str) -> Any:
    from sitegen.server.client import client_from_env  # noqa: PLC0415 — httpx only when asked for

    return client_from_env(server)


def cli_detail(status: dict[str, Any]) -> dict[str, Any]:
    """GET /status's object cut to the local report's keys."""
    result = {k: v for k, v in (status.get("result") or {}).items() if k not in ("site_plan", "build_logs")}
    return {**{k: status.get(k) for k in DETAIL_KEYS}, "result": result, "fixes": result.get("fixes", [])}


def to_event(raw: dict[str, Any]) -> Event | None:
    """A server event as the pipeline's Event, for the Terminal (CREATED and DONE are not drawn locally)."""
    from sitegen.pipeline import Event  # noqa: PLC0415 — keeps `sitegen --help` fast

    stage, kind, detail = raw.get("stage", ""), raw.get("event"), raw.get("detail") or {}
    if stage in ("CREATED", "DONE"):
        return None
    if kind == "start":
        return Event("stage_start", stage)
    if kind == "end":
        return Event("stage_end", stage, "", {**detail, "seconds": raw.get("duration")})
    if kind == "fail":
        return Event("stage_fail", stage, str(detail.get("error", "")), detail)
    if kind == "log":
        return Event("log", stage, str(detail.get("text", "")))
    if kind == "info":
        return Event("info", stage, str(detail.get("message", "")), detail)
    return None


def follow(term: Any, api: Any, job_id: str, verb: str) -> int:
    """Draw the job's progress as it runs, then report it like the local command; the exit code."""
    from sitegen.cli import views  # noqa: PLC0415

    if not term.json_mode:
        term.info(f"[bold]{verb}[/] on {api.url}  [dim](job {job_id})[/]")
    try:
        for raw in api.events(job_id):
            event = to_event(raw)
            if event is not None:
                term.on_event(event)
    except KeyboardInterrupt:  # stop watching; the job goes on on the server
        term.info(f"[yellow]Stopped watching[/]; the job goes on. Follow it with: sitegen status {job_id} --watch")
        return 130
    detail = cli_detail(api.status(job_id))
    if term.json_mode:
        term.emit_json(detail)
    else:
        views.print_outcome(term, detail)
    return 0 if detail["status"] == "done" else 1


def new(term: Any, server: str, prompt: str, *, name: str | None, url: str | None, out: Any, provider: str,
        models: list[str], sandbox: str | None, deploy: str | None, prod: bool, verify: bool | None) -> int:
    if out is not None:
        raise usage("--out does not apply with --server: the server keeps the project folder",
                    "Leave out --out; download the source with GET /projects/{id}/download.")
    api = client(server)
    body = {"prompt": prompt, "name": name, "url": url, "provider": provider, "models": models, "sandbox": sandbox,
            "deploy": deploy, "prod": prod, "verify": verify}
    job = api.generate({k: v for k, v in body.items() if v is not None})
    return follow(term, api, job["job_id"], "Creating")


def status(term: Any, server: str, ref: str | None, watch: bool, limit: int, json_out: bool) -> int:
    from sitegen.cli import views  # noqa: PLC0415

    api = client(server)
    if ref is None:
        jobs = [{k: j.get(k) for k in SUMMARY_KEYS} for j in api.jobs(limit)]
        if json_out:
            term.emit_json({"jobs": jobs})
        else:
            views.print_jobs(term, jobs)
        return 0
    found = api.resolve_job(ref)
    if watch and found["status"] in ("running", "queued"):  # queued: not started, or waiting for redelivery
        for _ in api.events(found["job_id"]):
            pass
        found = api.status(found["job_id"])
    detail = cli_detail(found)
    if json_out:
        term.emit_json(detail)
    else:
        views.print_job(term, detail)
    return 0


def projects(term: Any, server: str, json_out: bool) -> int:
    from sitegen.cli import views  # noqa: PLC0415

    rows = client(server).projects()
    if json_out:
        term.emit_json({"projects": rows})
    else:
        views.print_projects(term, rows)
    return 0


def edit(term: Any, server: str, project: str, text: str, *, url: str | None, provider: str, models: list[str],
         sandbox: str | None, deploy: str | None, verify: bool | None) -> int:
    api = client(server)
    found = api.find_project(project)
    body = {"instruction": text, "url": url, "provider": provider, "models": models, "sandbox": sandbox,
            "deploy": deploy, "verify": verify}
    job = api.edit(found["project_id"], {k: v for k, v in body.items() if v is not None})
    return follow(term, api, job["job_id"], "Editing")


def deploy(term: Any, server: str, project: str | None, *, target: str | None, prod: bool,
           timeout: float | None, static_dir: Any) -> int:
    if static_dir is not None:
        raise usage("--dir does not apply with --server: the server chooses its folders")
    api = client(server)
    found = api.find_project(project)
    body = {"target": target, "prod": prod, "timeout": timeout}
    job = api.deploy(found["project_id"], {k: v for k, v in body.items() if v is not None})
    return follow(term, api, job["job_id"], f"Deploying to {target or found.get('deploy_target') or 'static'}")
