"""CLI commands for deploying and for the Supabase mirror: deploy, sync, supabase-schema.

The commands stay thin and print only through the Terminal that ``command`` hands them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sitegen.cli import remote
from sitegen.cli.app import ProjectArg, app, check_choice, command, context, run_job
from sitegen.cli.remote import ServerOpt
from sitegen.deployers import TARGETS
from sitegen.errors import usage

TargetOpt = Annotated[
    str | None,
    typer.Option("--target", "-t", help=f"{', '.join(TARGETS)} (default: the last one used)."),
]


def run_deploy_job(term: Any, settings: Any, store: Any, project: dict[str, Any], options: dict[str, Any]) -> int:
    """Record a deploy job for an already built project and run its DEPLOYING stage."""
    job_id = store.create_job(project["id"], project["prompt"], "deploy",
                              {"sandbox": "auto", "verify": False, **options})
    # `sitegen resume` retries only the deploy
    return run_job(term, settings, store, job_id, verb=f"Deploying to {options['deploy']}", start_after="BUILDING")


@app.command("deploy")
@command
def deploy_cmd(
    term: Any,
    project: ProjectArg = None,
    target: TargetOpt = None,
    prod: Annotated[bool, typer.Option("--prod", help="Deploy to production, not a preview.")] = False,
    static_dir: Annotated[Path | None, typer.Option(
        "--dir", help="For --target static: the folder to copy the site to.")] = None,
    timeout: Annotated[float | None, typer.Option(help="Give up after this many seconds.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")] = False,
    server: ServerOpt = None,
) -> int:
    """Deploy an already built project (its out/ folder)."""
    if server:  # deploy a project of the team server; same report and exit code
        check_choice(target, TARGETS, "--target", "deploy target")
        return remote.deploy(term, server, project, target=target, prod=prod, timeout=timeout,
                             static_dir=static_dir)
    settings, store = context()
    found = store.find_project(project)
    target = target or found.get("deploy_target") or "static"
    check_choice(target, TARGETS, "--target", "deploy target")
    if static_dir and target != "static":
        raise usage("--dir only applies to --target static")
    if timeout is not None and timeout <= 0:
        raise usage("--timeout must be positive")
    if not (Path(found["path"]) / "out" / "index.html").is_file():
        raise usage(f"project {found['name']!r} has no built site ({found['path']}/out/index.html is missing)",
                    "Build it first (`sitegen new` with a sandbox, or `sitegen resume JOB` for a failed build).")
    from sitegen.deploy import check_target_config  # noqa: PLC0415

    check_target_config(settings, target)
    options: dict[str, Any] = {"deploy": target, "prod": prod}
    if static_dir:  # never a folder of someone's files, the project, SITEGEN_HOME, / or $HOME
        from sitegen.deploy import check_static_dir  # noqa: PLC0415

        options["static_dir"] = str(check_static_dir(static_dir, Path(found["path"]), settings.home))
    if timeout:
        options["deploy_timeout"] = timeout
    return run_deploy_job(term, settings, store, found, options)

@app.command("sync")
@command
def sync_cmd(
    term: Any,
    everything: Annotated[bool, typer.Option("--all", help="Queue every local record first.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")] = False,
) -> int:
    """Send every waiting project and job record to Supabase."""
    from sitegen.sync import sync_now  # noqa: PLC0415

    settings, store = context()
    report = sync_now(settings, store, everything=everything)
    if json_out:
        term.emit_json(report)
    elif not report["configured"]:
        term.info("Supabase is not configured: set SUPABASE_URL with SUPABASE_ANON_KEY and your session's "
                  "SUPABASE_ACCESS_TOKEN (per user), or SUPABASE_SERVICE_ROLE_KEY (one owner).")
    else:
        term.info(f"sent {report['sent']} records · {report['waiting']} waiting")
        if report["error"]:
            term.info(f"[yellow]Supabase:[/] {report['error']}")
    return 0 if not report["error"] else 1

@app.command("supabase-schema")
@command
def schema_cmd(term: Any) -> int:
    """Print the SQL that creates sitegen's tables and policies in Supabase."""
    from sitegen.sync import schema_sql  # noqa: PLC0415

    sys.stdout.write(schema_sql())
    sys.stdout.flush()
    return 0
