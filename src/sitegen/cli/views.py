"""How jobs and projects are summarised for `status`, `projects` and the end of `new`."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.markup import escape as escape_markup

from sitegen.cli.terminal import STAGE_LABELS, Terminal, clean, fmt_seconds
from sitegen.errors import SitegenError, not_found
from sitegen.store import Store

FINAL = {"done", "failed", "interrupted"}


def escape(text: str) -> str:
    """Text from records (names, paths, errors, log lines) safe inside markup and for the terminal."""
    return escape_markup(clean(text))


def when(ts: float | None) -> str:
    if not ts:
        return ""
    moment = datetime.fromtimestamp(ts)
    same_day = moment.date() == datetime.now().date()
    return moment.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M")


def resolve_job(store: Store, ref: str) -> dict[str, Any]:
    """A job id, or the last job of a project given by id, name or folder."""
    try:
        return store.get_job(ref)
    except SitegenError:
        pass
    try:
        project = store.find_project(ref)
    except SitegenError:
        raise not_found(f"no job or project matches {ref!r}", "Run `sitegen status` to list recent jobs.") from None
    jobs = store.list_jobs(1, project_id=project["id"])
    if not jobs:
        raise not_found(f"project {project['name']!r} has no jobs yet")
    return jobs[0]


def job_summary(store: Store, job: dict[str, Any], project: dict[str, Any] | None = None) -> dict[str, Any]:
    project = project or store.get_project(job["project_id"])
    end = job["finished_at"] or (time.time() if job["status"] == "running" else job["updated_at"])
    return {
        "job_id": job["id"],
        "project_id": project["id"],
        "project": project["name"],
        "kind": job["kind"],
        "status": job["status"],
        "stage": job["stage"],
        "created_at": job["created_at"],
        "seconds": round(end - job["created_at"], 3),
        "error": job["error"],
    }


def job_detail(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    """Everything about one job, as printed by `status JOB --json` and `new --json`."""
    project = store.get_project(job["project_id"])
    usage = store.usage(job["id"])
    result = job.get("result") or {}
    return {
        **job_summary(store, job, project),
        "path": project["path"],
        "prompt": job["prompt"],
        "provider": project["provider"],
        "stages": [
            {"stage": s["stage"], "status": s["status"], "seconds": s["seconds"]}
            for s in store.stage_durations(job["id"])
        ],
        "error_kind": job["error_kind"],
        "hint": job["hint"],
        "result": result,
        "fixes": result.get("fixes", []),
        "url": project.get("deploy_url"),
        "deploy": deploy_info(project) if job["kind"] == "deploy" and job["status"] == "done" else None,
        "tokens_in": usage["tokens_in"],
        "tokens_out": usage["tokens_out"],
        "cost_usd": usage["cost_usd"],
        "llm_calls": usage["calls"],
        "log_tail": job["log_tail"][-4000:],
        "finished_at": job["finished_at"],
    }


def deploy_info(project: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": project.get("deploy_url"),
        "target": project.get("deploy_target"),
        "deployment_id": project.get("deployment_id"),
        "deployed_at": project.get("deployed_at"),
    }


def project_summary(project: dict[str, Any]) -> dict[str, Any]:
    return {
        "project_id": project["id"],
        "name": project["name"],
        "path": project["path"],
        "exists": Path(project["path"]).is_dir(),
        "last_status": project["last_status"],
        "last_job_id": project["last_job_id"],
        "url": project.get("deploy_url"),
        "deploy_target": project.get("deploy_target"),
        "deployment_id": project.get("deployment_id"),
        "deployed_at": project.get("deployed_at"),
        "updated_at": project["updated_at"],
    }


STATUS_STYLE = {"done": "green", "failed": "red", "interrupted": "yellow", "running": "cyan", "queued": "cyan"}


def styled(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, 'white')}]{status}[/]"


def print_jobs(term: Terminal, jobs: list[dict[str, Any]]) -> None:
    if not jobs:
        term.info('No jobs yet. Start one with: sitegen new "coffee shop landing page"')
        return
    from rich.table import Table  # noqa: PLC0415

    table = Table(show_edge=False, header_style="bold")
    for col in ("job", "project", "status", "stage", "started", "took"):
        table.add_column(col)
    for j in jobs:
        table.add_row(j["job_id"], escape(j["project"]), styled(j["status"]), j["stage"],
                      when(j["created_at"]), fmt_seconds(j["seconds"]))
    term.print(table)


def print_job(term: Terminal, d: dict[str, Any]) -> None:
    where = "" if d["status"] == "done" else f" at {d['stage']}"
    term.print(f"[bold]Job {d['job_id']}[/] · {escape(d['project'])} · {styled(d['status'])}{where}")
    term.print(f"  folder   {escape(d['path'])}")
    term.print(f"  prompt   {escape(d['prompt'][:200])}")
    term.print(f"  provider {escape(d['provider'] or '—')}   started {when(d['created_at'])}")
    if builder := (d.get("result") or {}).get("builder"):
        term.print(f"  sandbox  {escape(str(builder))}")
    for s in d["stages"]:
        mark = {"done": "[green]✓[/]", "failed": "[red]✗[/]"}.get(s["status"], "[cyan]…[/]")
        label = STAGE_LABELS.get(s["stage"], s["stage"])
        term.print(f"  {mark} {s['stage']:<11} {label:<26} {fmt_seconds(s['seconds']):>8}")
    term.print(f"  tokens   {d['tokens_in']:,} in / {d['tokens_out']:,} out · {d['llm_calls']} call(s)"
               f" · ${d['cost_usd']:.4f}")
    if d.get("url"):
        term.print(f"  url      {escape(d['url'])}")
    if d["error"]:
        term.print(f"  [red]error[/]    {escape(d['error'])}")
        if d["hint"]:
            term.print(f"  [dim]hint     {escape(d['hint'])}[/]")
    if d["log_tail"].strip() and d["status"] != "done":
        term.print("  [dim]log tail:[/]")
        for line in d["log_tail"].strip().splitlines()[-25:]:
            term.print(f"  [dim]│ {escape(line)}[/]")


def print_projects(term: Terminal, rows: list[dict[str, Any]]) -> None:
    if not rows:
        term.info('No projects yet. Start one with: sitegen new "coffee shop landing page"')
        return
    from rich.table import Table  # noqa: PLC0415

    table = Table(show_edge=False, header_style="bold")
    for col in ("id", "name", "status", "path", "url"):
        table.add_column(col)
    for p in rows:
        path = escape(p["path"]) + ("" if p["exists"] else " [red](missing)[/]")
        table.add_row(p["project_id"], escape(p["name"]), styled(p["last_status"] or "—"), path,
                      escape(p["url"] or ""))
    term.print(table)


def print_outcome(term: Terminal, d: dict[str, Any]) -> None:
    """The end of `new`, `resume` and `edit`: where things are and what it cost."""
    total = sum(s["seconds"] or 0 for s in d["stages"])
    if d["status"] == "done":
        term.info(f"\n[bold green]Done[/] in {fmt_seconds(total)} · job {d['job_id']}")
    else:
        term.info(f"\n[bold red]{d['status'].capitalize()}[/] at {d['stage']} · job {d['job_id']}")
    term.info(f"  folder      {escape(d['path'])}")
    out = Path(d["path"]) / "out" / "index.html"
    if out.exists() and d["status"] == "done":
        term.info(f"  site        {escape(str(out))}")
        term.info(f"  preview     sitegen preview {escape(d['project_id'])}")
    for change in d["result"].get("changes") or []:  # an edit: what it changed
        term.info(f"  change      {escape(str(change))}")
    if d["result"].get("version"):
        term.info(f"  version     {escape(str(d['result']['version'])[:7])}  (sitegen history / sitegen undo)")
    for shot in (d["result"].get("screenshots") or [])[:4]:
        term.info(f"  screenshot  {escape(str(shot))}")
    if d.get("url"):
        term.info(f"  url         {escape(d['url'])}")
    term.info(f"  tokens      {d['tokens_in']:,} in / {d['tokens_out']:,} out · cost ${d['cost_usd']:.4f}")
    if d["error"]:
        term.info(f"  [red]error[/]       {escape(d['error'])}")
        if d["hint"]:
            term.info(f"  [dim]hint        {escape(d['hint'])}[/]")


def watch(term: Terminal, store: Store, ref: str | None, interval: float = 1.0) -> int:
    """Redraw status until the job (or every listed job) has finished; Ctrl-C stops watching."""
    from rich.live import Live  # noqa: PLC0415

    def snapshot() -> tuple[Any, bool]:
        if ref:
            d = job_detail(store, resolve_job(store, ref))
            text = "\n".join(
                f"{s['stage']:<11} {s['status']:<8} {fmt_seconds(s['seconds'])}" for s in d["stages"]
            )
            return f"Job {d['job_id']} · {d['status']} at {d['stage']}\n{text}", d["status"] in FINAL
        jobs = [job_summary(store, j) for j in store.list_jobs(10)]
        lines = [f"{j['job_id']}  {j['status']:<11} {j['stage']:<11} {j['project']}" for j in jobs]
        return "\n".join(lines) or "No jobs yet.", all(j["status"] in FINAL for j in jobs)

    try:
        renderable, finished = snapshot()
        if term.json_mode or not term.out.is_terminal:
            while not finished:
                time.sleep(interval)
                renderable, finished = snapshot()
            if term.json_mode:
                if ref:
                    term.emit_json(job_detail(store, resolve_job(store, ref)))
                else:
                    term.emit_json({"jobs": [job_summary(store, j) for j in store.list_jobs(10)]})
            else:
                term.print(renderable)
            return 0
        with Live(renderable, console=term.out, refresh_per_second=4) as live:
            while not finished:
                time.sleep(interval)
                renderable, finished = snapshot()
                live.update(renderable)
    except KeyboardInterrupt:
        return 0
    return 0


def print_checks(term: Terminal, checks: list[Any]) -> None:
    """`sitegen doctor`'s report: a mark, name and detail per check, and the fix when one failed."""
    from sitegen.doctor import can_build  # noqa: PLC0415

    for c in checks:
        mark = "[green]✓[/]" if c.ok else ("[red]✗[/]" if c.required else "[yellow]–[/]")
        term.print(f"{mark} {c.name:<18} {escape(c.detail)}")
        if not c.ok and c.fix:
            term.print(f"  [dim]{escape(c.fix)}[/]")
    verdict = "can build sites" if can_build(checks) else "cannot build: install Node.js 20+ or start Docker"
    term.print(f"\n{verdict}")
