"""CLI commands to iterate on a site: edit, history, undo.

The commands stay thin and print only through the Terminal that ``command`` hands them. ``edit``
and ``undo`` are jobs in the store that run through the pipeline; every finished generation and
edit is a git commit in the project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sitegen.cli import remote
from sitegen.cli.app import (
    DeployOpt,
    JsonOpt,
    ModelOpt,
    ProjectArg,
    ProviderOpt,
    SandboxOpt,
    VerboseOpt,
    VerifyOpt,
    app,
    check_job_options,
    command,
    context,
    run_job,
)
from sitegen.cli.new import CONTROL_RE
from sitegen.cli.remote import ServerOpt
from sitegen.errors import ErrorKind, SitegenError, usage
from sitegen.locks import lock_project

MAX_INSTRUCTION = 4000


def verify_flag(flag: bool | None, settings: Any) -> bool | str:
    from sitegen.config import verify_option  # noqa: PLC0415 — keeps `sitegen --help` fast

    return verify_option(flag, settings)


def project_dir(project: dict[str, Any]) -> Path:
    """The project's folder, or NOT_FOUND when it was moved or deleted."""
    path = Path(project["path"])
    if not path.is_dir():
        raise SitegenError(
            f"the folder of project {project['name']!r} is gone: {path}",
            ErrorKind.NOT_FOUND,
            "Run `sitegen projects` to see where projects are.",
        )
    return path


def _snapshot_before(term: Any, path: Path) -> None:
    """Keep the current files as a version before changing them; warn when git is missing."""
    from sitegen.history import snapshot_before_edit  # noqa: PLC0415

    if (missing := snapshot_before_edit(path)) is not None:
        term.info(f"[yellow]Warning:[/] {missing.message}; this edit cannot be undone. {missing.hint}")


@app.command("edit")
@command
def edit_cmd(
    term: Any,
    project: Annotated[str, typer.Argument(help="Project id, name or folder ('.' for the one here).")],
    instruction: Annotated[str, typer.Argument(help='What to change, e.g. "make it green and add a faq".')] = "",
    url: Annotated[str | None, typer.Option(
        "--url", help="The address the site is public at (canonical links, sitemap, structured data); "
        "alone, no provider is asked.",
    )] = None,
    provider: ProviderOpt = "auto",
    model: ModelOpt = None,
    sandbox: SandboxOpt = None,
    deploy: DeployOpt = None,
    verify: VerifyOpt = None,
    verbose: VerboseOpt = False,
    json_out: JsonOpt = False,
    server: ServerOpt = None,
) -> int:
    """Change a site: plan the change against the current files, apply, check, rebuild, verify."""
    from sitegen.plan import site_address  # noqa: PLC0415

    text = " ".join(instruction.split())
    url = site_address(url) if url is not None else None
    if not text and url is None:
        raise usage("the instruction is empty",
                    'Say what to change: sitegen edit . "make it green" (or set the address: --url https://…).')
    if len(text) > MAX_INSTRUCTION or CONTROL_RE.search(text):
        raise usage(f"the instruction must be plain text under {MAX_INSTRUCTION:,} characters")
    check_job_options(provider, sandbox, deploy)
    if server:  # the edit runs on a team server; same report and exit code
        return remote.edit(term, server, project, text, url=url, provider=provider, models=model or [],
                           sandbox=sandbox, deploy=deploy, verify=verify)
    settings, store = context({"sandbox": sandbox})
    found = store.find_project(None if project in (".", "") else project)
    path = project_dir(found)
    if not (path / ".sitegen" / "plan.json").is_file():
        raise usage(
            f"{path} has no .sitegen/plan.json to edit",
            "Finish the project first (`sitegen resume JOB`), or make a new one with `sitegen new`.",
        )
    from sitegen.jobs import address_options, check_edit, edit_prompt, refuse_unsandboxed_model  # noqa: PLC0415

    check_edit(settings, provider, path, text, sandbox, url=url)
    address = address_options(store, found["id"], text, url)
    if address.get("model_site"):  # a model's code is rebuilt: never bare unless asked
        refuse_unsandboxed_model(settings, "model", sandbox)
    lock_project(settings.home, path)  # a second process on this folder gets exit 2
    _snapshot_before(term, path)
    options = {
        "provider": provider,
        "models": model or [],
        "sandbox": sandbox or settings.sandbox,
        "deploy": deploy,
        "verify": verify_flag(verify, settings),
        **address,
    }
    job_id = store.create_job(found["id"], edit_prompt(text, url), "edit", options)
    return run_job(term, settings, store, job_id, verb="Editing")

@app.command("history")
@command
def history_cmd(term: Any, project: ProjectArg = None, json_out: JsonOpt = False) -> int:
    """Every version of a site, newest first (each generation and edit is one)."""
    from rich.markup import escape

    from sitegen import history
    from sitegen.cli.views import when

    _, store = context()
    found = store.find_project(project)
    path = project_dir(found)
    history.git_path()
    versions = history.log(path)
    if json_out:
        term.emit_json(
            {
                "project_id": found["id"],
                "name": found["name"],
                "path": str(path),
                "versions": [v.to_dict() for v in versions],
            }
        )
        return 0
    if not versions:
        term.info(f"No versions yet in {path}.")
        return 0
    rows = []
    for i, v in enumerate(versions):
        mark = "current" if i == 0 else ""
        rows.append([v.short, when(v.at), v.message, mark])
    term.table(["version", "when", "change", ""], rows, title=f"{escape(found['name'])} · {escape(str(path))}")
    term.info("[dim]Undo the latest change with: sitegen undo " + escape(found["id"]) + "[/]")
    return 0


@app.command("undo")
@command
def undo_cmd(
    term: Any,
    project: ProjectArg = None,
    sandbox: SandboxOpt = None,
    verify: VerifyOpt = None,
    verbose: VerboseOpt = False,
    json_out: JsonOpt = False,
) -> int:
    """Bring back the previous version as a new version (nothing is lost), with its build."""
    from sitegen import history

    settings, store = context({"sandbox": sandbox})
    found = store.find_project(project)
    path = project_dir(found)
    lock_project(settings.home, path)
    version = history.undo(path)
    restored = history.restore_build(path)
    if not term.json_mode:
        undone = version.message.removeprefix("Undo: ")
        term.info(f"Undid [bold]{undone}[/]: the files of version {version.restores[:7]} are back")
        if restored:
            term.info("Restored its build from .sitegen/builds/; no rebuild needed")
    options = {
        "provider": "auto",
        "models": [],
        "sandbox": sandbox or settings.sandbox,
        "deploy": None,
        "verify": verify_flag(verify, settings),
    }
    job_id = store.create_job(found["id"], version.message, "undo", options)
    extra = {"undo": {**version.to_dict(), "build_restored": restored}}
    return run_job(
        term,
        settings,
        store,
        job_id,
        verb="Checking" if restored else "Rebuilding",
        start_after="BUILDING" if restored else "GENERATING",
        extra=extra,
    )
