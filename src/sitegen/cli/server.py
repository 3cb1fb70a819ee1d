"""The team server's commands: `serve`, `token create|list|revoke` (and `worker`, for a fleet).

`sitegen serve` is the HTTP API (server/app.py) on uvicorn. Jobs run in-process on a bounded pool
by default (one command, no broker); with SITEGEN_BROKER_URL they go to Celery workers.
"""

from __future__ import annotations

import signal
from typing import Annotated, Any

import typer

from sitegen.cli.app import JsonOpt, app, command, context
from sitegen.errors import not_found, usage


# --------------------------------------------------------------------------- serve
@app.command("serve")
@command
def serve_cmd(
    term: Any,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int | None, typer.Option(
        help="Jobs run at once in this process (default: one per CPU); ignored with SITEGEN_BROKER_URL.",
        min=1, max=64)] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "info",
) -> int:
    """Serve the HTTP API (POST /generate, GET /status/{id}, …; docs at /docs)."""
    try:
        import uvicorn  # noqa: PLC0415
    except ImportError:
        raise usage("sitegen serve needs the server extra", "Install it: pip install 'sitegen[server]'") from None

    from sitegen.server.actions import Limits  # noqa: PLC0415
    from sitegen.server.app import create_app  # noqa: PLC0415
    from sitegen.server.execute import shared_store  # noqa: PLC0415
    from sitegen.server.runner import make_runner  # noqa: PLC0415

    settings, _ = context()
    store = shared_store(settings)  # the one the in-process jobs use too
    limits = Limits.from_env()
    runner = make_runner(settings, workers)
    api = create_app(settings, store, runner, limits)
    auth = api.state.sitegen.auth.mode
    term.info(f"[bold]sitegen serve[/] on http://{host}:{port}  ·  jobs: {type(runner).__name__}"
              f" ({runner.workers_seen()} worker(s))  ·  auth: {auth}  ·  docs: http://{host}:{port}/docs")
    if auth == "tokens":
        term.info("[dim]Make a token for each user with: sitegen token create NAME[/]")
    requeued = pick_up_queued(store, runner)
    if requeued:
        term.info(f"Picked up {requeued} job(s) left queued by the last run")
    # uvicorn stops on SIGTERM/SIGINT and then re-raises the signal: let that end here instead, so
    # running jobs finish (runner.close waits for them) and queued ones wait for the next run
    signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        uvicorn.run(api, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=10)
    except KeyboardInterrupt:
        pass
    finally:
        term.info("Stopped taking jobs; running jobs finish, queued ones run on the next `sitegen serve`")
        runner.close()
    return 0


def pick_up_queued(store: Any, runner: Any) -> int:
    """Jobs an in-process server recorded but never started (it stopped first) run now."""
    from sitegen.server.inprocess import InProcessRunner  # noqa: PLC0415

    if not isinstance(runner, InProcessRunner):
        return 0  # Celery keeps its own queue
    waiting = [j for j in reversed(store.list_jobs(100_000)) if j["status"] == "queued"]
    for job in waiting:
        runner.submit(job["id"])
    return len(waiting)


def token_store() -> Any:
    """The store the server uses (SITEGEN_DATABASE_URL when set), where its tokens live."""
    from sitegen.store import open_store  # noqa: PLC0415

    settings, _ = context()
    return open_store(settings)


# --------------------------------------------------------------------------- token
token_app = typer.Typer(help="API tokens for `sitegen serve` (used when Supabase is not configured).",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
@command
def token_create_cmd(
    term: Any,
    name: Annotated[str, typer.Argument(help="A name for the token (who or what uses it).")],
    owner: Annotated[str | None, typer.Option(help="Whose jobs and projects it acts on (default: NAME).")] = None,
    json_out: JsonOpt = False,
) -> int:
    """Make an API token; it is printed once (only its SHA-256 hash is kept)."""
    from sitegen.server.auth import new_token  # noqa: PLC0415

    name, owner = name.strip(), (owner or name).strip()
    for what, value in (("name", name), ("owner", owner)):
        if not value or len(value) > 120 or not value.isprintable():
            raise usage(f"the token {what} must be 1–120 printable characters")
    store = token_store()
    token, digest = new_token()
    row = store.create_token(name, owner, digest)
    if json_out:
        term.emit_json({"id": row["id"], "name": name, "owner": owner, "token": token})
    else:
        term.info(f"Token [bold]{name}[/] for owner [bold]{owner}[/] (shown once; keep it in SITEGEN_TOKEN):")
        term.print(token)
    return 0


@token_app.command("list")
@command
def token_list_cmd(term: Any, json_out: JsonOpt = False) -> int:
    """Every API token: id, name, owner, when made, last used, revoked (never the token)."""
    store = token_store()
    keys = ("id", "name", "owner", "created_at", "last_used_at", "revoked_at")
    rows = [{k: r.get(k) for k in keys} for r in store.list_tokens()]
    if json_out:
        term.emit_json({"tokens": rows})
        return 0
    if not rows:
        term.info("No API tokens yet. Make one with: sitegen token create NAME")
        return 0
    from sitegen.cli.views import when  # noqa: PLC0415

    term.table(["id", "name", "owner", "created", "last used", "revoked"],
               [[str(r["id"]), r["name"], r["owner"], when(r["created_at"]), when(r["last_used_at"]),
                 when(r["revoked_at"])] for r in rows])
    return 0


@token_app.command("revoke")
@command
def token_revoke_cmd(
    term: Any,
    token: Annotated[str, typer.Argument(help="The token's id or name.")],
    json_out: JsonOpt = False,
) -> int:
    """Revoke an API token: requests with it get 401 from then on."""
    store = token_store()
    if not store.revoke_token(token):
        raise not_found(f"no active token {token!r}", "Run `sitegen token list` to see them.")
    if json_out:
        term.emit_json({"revoked": token})
    else:
        term.info(f"Revoked {token}")
    return 0


# --------------------------------------------------------------------------- worker (fleet)
@app.command("worker")
@command
def worker_cmd(
    term: Any,
    concurrency: Annotated[int | None, typer.Option(
        "--concurrency", "-c", help="Jobs run at once (default: one per CPU).", min=1, max=64)] = None,
    log_level: Annotated[str, typer.Option(help="Celery's log level.")] = "INFO",
) -> int:
    """Run jobs from the team server's queue (Celery on SITEGEN_BROKER_URL) until stopped.

    SIGTERM is a warm shutdown: running jobs finish; a worker killed outright has its jobs
    redelivered, and they continue from their last finished stage."""
    from sitegen.config import load_settings  # noqa: PLC0415
    from sitegen.server.tasks import default_concurrency, run_worker  # noqa: PLC0415

    settings = load_settings()
    if not settings.broker_url:
        raise usage("sitegen worker needs a broker", "Set SITEGEN_BROKER_URL=redis://host:6379/0 (and "
                    "SITEGEN_DATABASE_URL=postgresql://… so the server and every worker share one store).")
    n = concurrency or default_concurrency()
    where = settings.database_url.split("@")[-1] if settings.database_url else settings.db_path
    term.info(f"[bold]sitegen worker[/]: {n} job(s) at once · broker {settings.broker_url.split('@')[-1]}"
              f" · store {where}")
    run_worker(settings, n, log_level.upper())
    return 0
