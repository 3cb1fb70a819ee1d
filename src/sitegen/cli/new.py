"""Making sites and looking at them: new, resume, status, projects."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from sitegen.cli import remote
from sitegen.cli.app import (
    DeployOpt,
    JsonOpt,
    ModelOpt,
    ProviderOpt,
    SandboxOpt,
    VerboseOpt,
    VerifyOpt,
    app,
    check_job_options,
    command,
    context,
    run_job,
    sigterm_as_interrupt,
)
from sitegen.cli.remote import ServerOpt
from sitegen.errors import usage

MAX_PROMPT_CHARS = 10_000
MAX_NAME_CHARS = 80
# control characters a prompt never needs (tab, newline and carriage return are fine)
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# --------------------------------------------------------------------------- new
@app.command("new")
@command
def new_cmd(
    term: Any,
    prompt: Annotated[str, typer.Argument(help="One sentence describing the site.")],
    name: Annotated[str | None, typer.Option("--name", "-n", help="Site name (default: from the prompt).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Project folder (default ./<slug>).")] = None,
    url: Annotated[str | None, typer.Option(
        "--url", help="The address the site will be public at (canonical links, sitemap, structured data)."
    )] = None,
    provider: ProviderOpt = "auto",
    model: ModelOpt = None,
    sandbox: SandboxOpt = None,
    deploy: DeployOpt = None,
    prod: Annotated[bool, typer.Option("--prod", help="With --deploy: a production deployment.")] = False,
    verify: VerifyOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty --out folder.")] = False,
    verbose: VerboseOpt = False,
    json_out: JsonOpt = False,
    server: ServerOpt = None,
) -> int:
    """Plan, write, check and build a site from one sentence."""
    from sitegen.config import verify_option  # noqa: PLC0415
    from sitegen.jobs import prepare_new_job, refuse_unsandboxed_model  # noqa: PLC0415
    from sitegen.plan import site_address  # noqa: PLC0415

    prompt = validate_prompt(prompt)
    name = validate_name(name)
    url = site_address(url) if url is not None else None
    check_job_options(provider, sandbox, deploy)
    if server:  # the job runs on a team server; same report and exit code
        return remote.new(term, server, prompt, name=name, url=url, out=out, provider=provider,
                          models=model or [], sandbox=sandbox, deploy=deploy, prod=prod, verify=verify)
    settings, store = context({"sandbox": sandbox})
    from sitegen.providers.registry import choose, require_keys  # noqa: PLC0415

    chosen = choose(settings, provider)[0]
    require_keys(settings, chosen)  # bad usage: before anything is written
    refuse_unsandboxed_model(settings, chosen, sandbox)  # before a paid call: model code needs a sandbox
    if deploy:
        from sitegen.deploy import check_target_config  # noqa: PLC0415

        check_target_config(settings, deploy)
    job_id = prepare_new_job(
        settings, store, prompt, name=name, url=url, out=out, provider=provider, models=model or [],
        sandbox=sandbox or settings.sandbox, deploy=deploy, prod=prod,
        verify=verify_option(verify, settings), force=force,
    )
    sigterm_as_interrupt()
    return run_job(term, settings, store, job_id)


def validate_prompt(prompt: str) -> str:
    text = prompt.strip()
    if not text:
        raise usage("the prompt is empty", 'Describe the site in one sentence: sitegen new "coffee shop in Porto".')
    if len(text) > MAX_PROMPT_CHARS:
        raise usage(f"the prompt is {len(text):,} characters; the limit is {MAX_PROMPT_CHARS:,}",
                    "Describe the site in a few sentences; details can come later with `sitegen edit`.")
    if CONTROL_RE.search(text):
        raise usage("the prompt contains control characters (escape sequences or similar)",
                    "Pass plain text: words, punctuation and line breaks.")
    return text


def validate_name(name: str | None) -> str | None:
    """--name: plain text, not blank, at most MAX_NAME_CHARS characters (None when not given)."""
    if name is None:
        return None
    text = " ".join(name.split())
    if not text:
        raise usage("--name is blank", 'Give the site a name, e.g. --name "Crumb Bakery", or leave it out.')
    if len(text) > MAX_NAME_CHARS:
        raise usage(f"--name is {len(text):,} characters; the limit is {MAX_NAME_CHARS}", "Use a shorter name.")
    if CONTROL_RE.search(text):
        raise usage("--name contains control characters", "Pass plain text.")
    return text


# --------------------------------------------------------------------------- resume
@app.command("resume")
@command
def resume_cmd(
    term: Any,
    job: Annotated[str, typer.Argument(help="Job id (or a unique prefix).")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
    json_out: JsonOpt = False,
) -> int:
    """Continue an interrupted or failed job from its last finished stage."""
    settings, store = context()
    found = store.get_job(job)
    sigterm_as_interrupt()
    return run_job(term, settings, store, found["id"], resume=True)


# --------------------------------------------------------------------------- status
@app.command("status")
@command
def status_cmd(
    term: Any,
    ref: Annotated[str | None, typer.Argument(help="Job id, or a project id, name or folder.")] = None,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Refresh until the job ends.")] = False,
    limit: Annotated[int, typer.Option(help="How many recent jobs to list.")] = 20,
    json_out: JsonOpt = False,
    server: ServerOpt = None,
) -> int:
    """Recent jobs, or one job in full: stages, durations, log tail, result, tokens, cost."""
    from sitegen.cli import views  # noqa: PLC0415

    if server:
        return remote.status(term, server, ref, watch, limit, json_out)
    _, store = context()
    if watch:
        return views.watch(term, store, ref)
    if ref is None:
        jobs = [views.job_summary(store, j) for j in store.list_jobs(limit)]
        if json_out:
            term.emit_json({"jobs": jobs})
        else:
            views.print_jobs(term, jobs)
        return 0
    job = views.resolve_job(store, ref)
    detail = views.job_detail(store, job)
    if json_out:
        term.emit_json(detail)
    else:
        views.print_job(term, detail)
    return 0


# --------------------------------------------------------------------------- projects
@app.command("projects")
@command
def projects_cmd(term: Any, json_out: JsonOpt = False, server: ServerOpt = None) -> int:
    """Every project: name, path, last status, URL."""
    from sitegen.cli import views  # noqa: PLC0415

    if server:
        return remote.projects(term, server, json_out)
    _, store = context()
    rows = [views.project_summary(p) for p in store.list_projects()]
    if json_out:
        term.emit_json({"projects": rows})
    else:
        views.print_projects(term, rows)
    return 0
