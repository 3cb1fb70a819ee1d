"""The command line: thin commands over the pipeline and the store.

This is the only module that prints or exits (through ``Terminal``). Exit codes: 0 done,
1 the job failed (the record says why), 2 bad usage or bad input.
"""

from __future__ import annotations

import inspect
import os
import signal
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from sitegen.errors import ErrorKind, SitegenError, usage

app = typer.Typer(
    name="sitegen",
    help="Turn one sentence into a real, built, deployable website.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

MAX_PROMPT_CHARS = 10_000

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout; progress on stderr.")]


def command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command: render SitegenError as one line + hint and exit 1 or 2; no tracebacks."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sitegen.cli.terminal import Terminal, debug_enabled  # noqa: PLC0415

        json_mode = bool(kwargs.get("json_out"))
        term = Terminal(json_mode=json_mode, verbose=bool(kwargs.get("verbose")))
        try:
            code = fn(term, *args, **kwargs)
        except SitegenError as exc:
            term.error(exc)
            if json_mode:
                term.emit_json({"status": "error", "error": exc.message, "error_kind": exc.kind.value,
                                "hint": exc.hint})
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            term.error(SitegenError("interrupted", ErrorKind.INTERRUPTED))
            raise typer.Exit(130) from None
        except typer.Exit:
            raise
        except Exception as exc:  # a bug: one line unless SITEGEN_DEBUG=1
            if debug_enabled():
                raise
            term.error(SitegenError(f"internal error: {type(exc).__name__}: {exc}", ErrorKind.INTERNAL))
            raise typer.Exit(1) from None
        raise typer.Exit(code or 0)

    signature = inspect.signature(fn, eval_str=True)
    wrapper.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    del wrapper.__wrapped__  # type: ignore[attr-defined]
    return wrapper


def context(flags: dict[str, Any] | None = None) -> tuple[Any, Any]:
    """Settings and store, or a CONFIG error."""
    from sitegen.config import load_settings  # noqa: PLC0415
    from sitegen.store import Store  # noqa: PLC0415

    settings = load_settings(flags)
    return settings, Store(settings.db_path)


def _sigterm_as_interrupt() -> None:
    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


# --------------------------------------------------------------------------- new
@app.command("new")
@command
def new_cmd(
    term: Any,
    prompt: Annotated[str, typer.Argument(help="One sentence describing the site.")],
    name: Annotated[str | None, typer.Option("--name", "-n", help="Site name (default: from the prompt).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Project folder (default ./<slug>).")] = None,
    provider: Annotated[str, typer.Option(help="auto, gemini, openai or offline.")] = "auto",
    model: Annotated[list[str] | None, typer.Option("--model", "-m", help="Model to use; repeat for rotation.")] = None,
    sandbox: Annotated[str | None, typer.Option(help="auto, docker, local or none.")] = None,
    deploy: Annotated[str | None, typer.Option(help="Deploy when built: vercel, netlify, cloudflare, static.")] = None,
    prod: Annotated[bool, typer.Option("--prod", help="With --deploy: a production deployment.")] = False,
    verify: Annotated[bool | None, typer.Option("--verify/--no-verify", help="Check pages in Chromium.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty --out folder.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show build output.")] = False,
    json_out: JsonOpt = False,
) -> int:
    """Plan, write, check and build a site from one sentence."""
    from sitegen.config import verify_option  # noqa: PLC0415
    from sitegen.jobs import prepare_new_job, run_job  # noqa: PLC0415

    prompt = validate_prompt(prompt)
    if sandbox and sandbox not in {"auto", "docker", "local", "none"}:
        raise usage(f"unknown sandbox {sandbox!r}", "Use --sandbox auto, docker, local or none.")
    if provider not in {"auto", "gemini", "openai", "offline"}:
        raise usage(f"unknown provider {provider!r}", "Use --provider auto, gemini, openai or offline.")
    if deploy and deploy not in {"vercel", "netlify", "cloudflare", "static"}:
        raise usage(f"unknown deploy target {deploy!r}", "Use --deploy vercel, netlify, cloudflare or static.")
    settings, store = context({"sandbox": sandbox})
    from sitegen.providers.registry import choose, require_keys  # noqa: PLC0415

    require_keys(settings, choose(settings, provider)[0])  # bad usage: before anything is written
    if deploy:
        from sitegen.deploy import check_target_config  # noqa: PLC0415

        check_target_config(settings, deploy)
    job_id = prepare_new_job(
        settings, store, prompt, name=name, out=out, provider=provider, models=model or [],
        sandbox=sandbox or settings.sandbox, deploy=deploy, prod=prod,
        verify=verify_option(verify, settings), force=force,
    )
    _sigterm_as_interrupt()
    return run_job(term, settings, store, job_id)


def validate_prompt(prompt: str) -> str:
    text = prompt.strip()
    if not text:
        raise usage("the prompt is empty", 'Describe the site in one sentence: sitegen new "coffee shop in Porto".')
    if len(text) > MAX_PROMPT_CHARS:
        raise usage(f"the prompt is {len(text):,} characters; the limit is {MAX_PROMPT_CHARS:,}",
                    "Describe the site in a few sentences; details can come later with `sitegen edit`.")
    if "\x00" in text:
        raise usage("the prompt contains a NUL character", "Pass plain text.")
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
    from sitegen.jobs import run_job  # noqa: PLC0415

    settings, store = context()
    found = store.get_job(job)
    _sigterm_as_interrupt()
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
) -> int:
    """Recent jobs, or one job in full: stages, durations, log tail, result, tokens, cost."""
    from sitegen.cli import views  # noqa: PLC0415

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
def projects_cmd(term: Any, json_out: JsonOpt = False) -> int:
    """Every project: name, path, last status, URL."""
    from sitegen.cli import views  # noqa: PLC0415

    _, store = context()
    rows = [views.project_summary(p) for p in store.list_projects()]
    if json_out:
        term.emit_json({"projects": rows})
    else:
        views.print_projects(term, rows)
    return 0


# --------------------------------------------------------------------------- doctor
@app.command("doctor")
@command
def doctor_cmd(
    term: Any,
    clean: Annotated[bool, typer.Option("--clean", help="Remove leftover sitegen build containers.")] = False,
    json_out: JsonOpt = False,
) -> int:
    """Check Docker, the build image, Node, keys, deploy CLIs; say how to fix each."""
    from sitegen import doctor  # noqa: PLC0415
    from sitegen.cli.views import print_checks  # noqa: PLC0415

    settings, _ = context()
    checks = doctor.run_checks(settings, clean=clean)
    if json_out:
        term.emit_json({"checks": [c.to_dict() for c in checks], "ok": doctor.can_build(checks)})
    else:
        print_checks(term, checks)
    return 0 if doctor.can_build(checks) else 1


def _register_extra_commands() -> None:
    """Commands that live in their own modules (deploy, edit, …)."""
    from sitegen.cli import deploy as deploy_cmds  # noqa: PLC0415
    from sitegen.cli import edit as edit_cmds

    for module in (deploy_cmds, edit_cmds):
        module.register(app, command, context)


_register_extra_commands()


def _show_version(value: bool) -> None:
    if value:
        from sitegen import __version__  # noqa: PLC0415

        sys.stdout.write(f"sitegen {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn one sentence into a real, built, deployable website."""


def main() -> None:
    os.environ.setdefault("NEXT_TELEMETRY_DISABLED", "1")
    app()
