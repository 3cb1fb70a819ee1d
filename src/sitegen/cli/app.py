"""The Typer app and what every command shares: the command wrapper, settings and store, running a job.

Commands live one group per module (new.py, edit.py, deploy.py, preview.py, doctor.py) and print only
through the Terminal that ``command`` hands them. Exit codes: 0 done, 1 the job failed (the record
says why), 2 bad usage or bad input.
"""

from __future__ import annotations

import inspect
import signal
import sys
import typing
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sitegen.deployers import TARGETS
from sitegen.errors import ErrorKind, SitegenError, check_choice, usage
from sitegen.providers import PROVIDER_NAMES
from sitegen.sandbox import SANDBOXES

if TYPE_CHECKING:
    from sitegen.config import Settings
    from sitegen.store import Store

app = typer.Typer(
    name="sitegen",
    help="Turn one sentence into a real, built, deployable website.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout; progress on stderr.")]
ProjectArg = Annotated[str | None, typer.Argument(help="Project id, name or folder (default: the one here).")]
ProviderOpt = Annotated[str, typer.Option(help=f"{', '.join(PROVIDER_NAMES)}.")]
ModelOpt = Annotated[list[str] | None, typer.Option("--model", "-m", help="Model to use; repeat for rotation.")]
SandboxOpt = Annotated[str | None, typer.Option(help=f"{', '.join(SANDBOXES)}.")]
DeployOpt = Annotated[str | None, typer.Option(help=f"Deploy when built: {', '.join(TARGETS)}.")]
VerifyOpt = Annotated[bool | None, typer.Option("--verify/--no-verify", help="Check pages in Chromium.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show build output.")]


def check_job_options(provider: str, sandbox: str | None, deploy: str | None) -> None:
    check_choice(provider, PROVIDER_NAMES, "--provider", "provider")
    check_choice(sandbox, SANDBOXES, "--sandbox", "sandbox")
    check_choice(deploy, TARGETS, "--deploy", "deploy target")


def command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command: render SitegenError as one line + hint and exit 1 or 2; no tracebacks."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sitegen.cli.terminal import Terminal, debug_enabled  # noqa: PLC0415

        json_mode = bool(kwargs.get("json_out"))
        term = Terminal(json_mode=json_mode, verbose=bool(kwargs.get("verbose")))

        def fail(exc: SitegenError, code: int) -> typer.Exit:
            term.error(exc)
            if json_mode:  # --json always prints its one object
                term.emit_json({"status": "error", "error": exc.message, "error_kind": exc.kind.value,
                                "hint": exc.hint})
            return typer.Exit(code)

        try:
            check_arguments(kwargs)
            code = fn(term, *args, **kwargs)
        except SitegenError as exc:
            raise fail(exc, exc.exit_code) from None
        except KeyboardInterrupt:
            raise fail(SitegenError("interrupted", ErrorKind.INTERRUPTED), 130) from None
        except typer.Exit:
            raise
        except Exception as exc:  # a bug, a full disk or a damaged store: one line unless SITEGEN_DEBUG=1
            if debug_enabled():
                raise
            known = environment_error(exc)
            raise fail(known or SitegenError(f"internal error: {type(exc).__name__}: {exc}", ErrorKind.INTERNAL),
                       known.exit_code if known else 1) from None
        raise typer.Exit(code or 0)

    signature = inspect.signature(fn, eval_str=True)
    wrapper.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    # resolved here: Typer reads the hints with this module's globals, not the command module's
    hints = typing.get_type_hints(fn, include_extras=True)
    wrapper.__annotations__ = {k: v for k, v in hints.items() if k != next(iter(signature.parameters))}
    del wrapper.__wrapped__  # type: ignore[attr-defined]
    return wrapper


def check_arguments(kwargs: dict[str, Any]) -> None:
    """Arguments that are not valid UTF-8 (the shell passed raw bytes) are bad input (exit 2)."""
    for name, value in kwargs.items():
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, str | Path) and not _utf8(str(item)):
                raise usage(f"the {name.replace('_', ' ')} argument is not valid UTF-8 text",
                            "Pass text in UTF-8 (check the terminal's locale).")


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def environment_error(exc: Exception) -> SitegenError | None:
    """A full disk or a damaged database as a one-line error with a hint (not "internal error")."""
    import errno  # noqa: PLC0415
    import sqlite3  # noqa: PLC0415

    text = str(exc)
    if (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)) or "disk is full" in text \
            or "database or disk is full" in text:
        return SitegenError(f"the disk is full ({text.splitlines()[0] if text else 'no space left'})",
                            ErrorKind.CONFIG, "Free some space (or point SITEGEN_HOME at another disk) and try again.")
    if isinstance(exc, sqlite3.DatabaseError):
        return SitegenError(f"sitegen's database is damaged or unreadable: {text}", ErrorKind.CONFIG,
                            "Move sitegen.db out of SITEGEN_HOME (a new one is made; projects stay in their "
                            "folders), or point SITEGEN_HOME elsewhere.")
    return None


def context(flags: dict[str, Any] | None = None) -> tuple[Any, Any]:
    """Settings and store, or a CONFIG error."""
    from sitegen.config import load_settings  # noqa: PLC0415
    from sitegen.store import open_store  # noqa: PLC0415

    settings = load_settings(flags)
    store = open_store(settings)  # SITEGEN_DATABASE_URL (PostgreSQL) when set, else SQLite in SITEGEN_HOME
    if (Path.cwd() / ".env").exists():  # a .env inside a known project folder is never configuration
        paths = tuple(Path(p["path"]) for p in store.list_projects() if p.get("path"))
        settings = load_settings(flags, project_paths=paths)
    if settings.notices:
        from sitegen.cli.terminal import Terminal  # noqa: PLC0415

        for note in settings.notices:
            Terminal().notice(note)
    return settings, store


def sigterm_as_interrupt() -> None:
    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def run_job(
    term: Any,
    settings: Settings,
    store: Store,
    job_id: str,
    *,
    resume: bool = False,
    verb: str | None = None,
    start_after: str | None = None,
    extra: dict[str, Any] | None = None,
) -> int:
    """Run (or resume) a recorded job, report it like `new` does, and return the exit code.

    ``start_after`` skips the stages up to and including that one (an edit or deploy job);
    ``extra`` adds keys to the final report.
    """
    from sitegen.cli import views  # noqa: PLC0415
    from sitegen.jobs import lock_project, make_pipeline  # noqa: PLC0415

    job = store.get_job(job_id)
    lock_project(settings.home, Path(store.get_project(job["project_id"])["path"]))  # one writer per folder
    pipeline = make_pipeline(settings, store, term.on_event)
    if not term.json_mode:
        project = store.get_project(job["project_id"])
        label = verb or ("Resuming" if resume else "Creating")
        term.info(f"[bold]{label}[/] {project['path']}  [dim](job {job_id})[/]")
    if start_after:
        store.update_job(job_id, last_done_stage=start_after)  # `sitegen resume` continues from here
    try:
        final = pipeline.resume(job_id) if resume else pipeline.run(job_id, start_after=start_after)
    except KeyboardInterrupt:
        final = store.get_job(job_id)
    detail = {**views.job_detail(store, final), **(extra or {})}
    if term.json_mode:
        term.emit_json(detail)
    else:
        views.print_outcome(term, detail)
    return 0 if final["status"] == "done" else 1


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


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn one sentence into a real, built, deployable website."""
