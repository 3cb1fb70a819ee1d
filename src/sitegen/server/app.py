"""The team server's HTTP API (FastAPI): the original endpoints and what a client of a site generator needs.

POST /generate, GET /status/{job_id}, GET /projects and GET / (health) keep the original backend's
names and shapes; GET /jobs, GET /jobs/{id}/events (Server-Sent Events), POST /jobs/{id}/resume and the
/projects/{id}/… endpoints (edit, deploy, screenshots, download, history) come with them. Every
endpoint but the health check needs `Authorization: Bearer` (see auth.py); each owner sees only their
own jobs and projects. Errors are one JSON shape, ``{"error": {"kind", "message", "hint"}}``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitegen import __version__
from sitegen.errors import ErrorKind, SitegenError
from sitegen.server import actions, events, files, records, web
from sitegen.server.auth import Authenticator
from sitegen.server.inprocess import InProcessRunner
from sitegen.server.models import (
    ApiError,
    DeployIn,
    EditIn,
    ErrorOut,
    GenerateIn,
    Health,
    HistoryOut,
    JobAccepted,
    JobsOut,
    JobStatus,
    ProjectsOut,
    VersionOut,
)

STATUS_FOR_KIND = {ErrorKind.USAGE: 422, ErrorKind.CONFIG: 422, ErrorKind.NOT_FOUND: 404}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in ((401, "no, bad or expired token"), (404, "no such id for this owner"),
                       (422, "bad input (kind usage)"))
}
POST_ERRORS = {**ERRORS, **{code: {"model": ErrorOut, "description": text} for code, text in (
    (409, "the project or job is busy"), (413, "request body too large"),
    (429, "a per-owner limit was reached (see Retry-After)"), (503, "the job could not be queued"))}}


@dataclass
class ServerState:
    settings: Any
    store: Any
    runner: Any
    auth: Authenticator
    gate: actions.Gate


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is refused with 413, whether declared in
    Content-Length or streamed in chunks (the body is read, bounded, before the app sees it)."""

    def __init__(self, app: Any, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await too_large(self.limit)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left before sending it all
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await too_large(self.limit)(scope, receive, send)
                return
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()  # then only http.disconnect

        await self.app(scope, replay, send)


def too_large(limit: int) -> JSONResponse:
    err = ApiError(413, "too_large", f"the request body is over {limit:,} bytes")
    return JSONResponse(err.body(), status_code=413)


def error_response(exc: Exception) -> JSONResponse:
    if isinstance(exc, ApiError):
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)
    if isinstance(exc, SitegenError):
        body = ErrorOut.model_validate({"error": {"kind": exc.kind.value, "message": exc.message, "hint": exc.hint}})
        return JSONResponse(body.model_dump(), status_code=STATUS_FOR_KIND.get(exc.kind, 500))
    return error_response(SitegenError(f"internal error: {type(exc).__name__}", ErrorKind.INTERNAL))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_r: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(SitegenError)
    async def _sitegen(_r: Request, exc: SitegenError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        first = (exc.errors() or [{}])[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        err = SitegenError(f"{where}: {first.get('msg', 'invalid')}", ErrorKind.USAGE,
                           "See the request shapes at /docs.")
        return error_response(err)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = "not_found" if exc.status_code == 404 else "usage"
        status = 422 if exc.status_code == 400 else exc.status_code  # a body that does not parse is bad input
        return error_response(ApiError(status, kind, str(exc.detail), "See the endpoints at /docs."))

    @app.exception_handler(Exception)
    async def _bug(_r: Request, exc: Exception) -> JSONResponse:
        return error_response(exc)


bearer = HTTPBearer(auto_error=False, description="An API token (sgt_…) or a Supabase user JWT.")


async def state(request: Request) -> ServerState:
    """The server's parts (async: no thread hop for a dependency that does no I/O)."""
    return request.app.state.sitegen


def owner(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    header = f"Bearer {credentials.credentials}" if credentials else None
    return request.app.state.sitegen.auth.owner(header)


Owner = Annotated[str, Depends(owner)]
State = Annotated[ServerState, Depends(state)]


def hand_over(s: ServerState, job_id: str) -> None:
    """Give the recorded job to the runner; when it cannot take it (the broker is down) the job is
    FAILED with the reason (resumable later) and the caller gets 503."""
    try:
        s.runner.submit(job_id)
    except Exception as exc:  # noqa: BLE001 — any runner failure means the same to the caller
        message = f"could not queue the job: {type(exc).__name__}: {exc}"[:300]
        s.store.update_job(job_id, status="failed", error=message, error_kind="internal",
                           hint="Check the broker (GET / shows it), then POST /jobs/{id}/resume.",
                           finished_at=time.time())
        raise ApiError(503, "unavailable", message) from None


def accepted(job_id: str, project_id: str) -> JobAccepted:
    return JobAccepted(job_id=job_id, project_id=project_id, status_url=f"/status/{job_id}",
                       events_url=f"/jobs/{job_id}/events")


def start_project_job(s: Any, who: str, project_id: str, make_job: Callable[[dict[str, Any]], str]) -> JobAccepted:
    """Start a job on one of the caller's projects (edit, deploy, undo): 404 for another owner's, one
    job per project at a time, within the caller's limits; ``make_job(project)`` records it."""
    project = actions.owned_project(s.store, who, project_id)
    with s.gate.lock:
        actions.busy(project)
        s.gate.check(s.store, who)
        job_id = make_job(project)
    hand_over(s, job_id)
    return accepted(job_id, project_id)


def create_app(settings: Any, store: Any, runner: Any, limits: actions.Limits | None = None,
               auth: Authenticator | None = None) -> FastAPI:
    """The app, serving ``store``'s jobs and handing new ones to ``runner``."""
    limits = limits or actions.Limits()
    app = FastAPI(title="sitegen", version=__version__, summary="Turn one sentence into a built website.",
                  description=__doc__)
    app.state.sitegen = ServerState(settings, store, runner, auth or Authenticator.from_settings(settings, store),
                                    actions.Gate(limits))
    app.add_middleware(BodyLimit, limit=limits.body_bytes)
    install_error_handlers(app)
    add_job_routes(app)
    add_project_routes(app)
    web.install(app, start_project_job, POST_ERRORS)  # /app, /sites/{id}/, undo
    return app


def add_job_routes(app: FastAPI) -> None:
    @app.get("/", response_model=Health, tags=["server"])
    def health(s: State) -> Health:
        """Is the server well: version, queue depth, workers seen, store and broker reachable (no token)."""
        try:
            s.store.list_jobs(1)
            store_ok = True
        except Exception:  # noqa: BLE001 — reported, not raised
            store_ok = False
        in_process = isinstance(s.runner, InProcessRunner)  # no broker to reach
        try:
            depth, seen = s.runner.queue_depth(), s.runner.workers_seen()  # both ask the broker on a fleet
            broker = None if in_process else True
        except Exception:  # noqa: BLE001 — the broker is down: reported, not raised
            depth, seen, broker = 0, 0, None if in_process else False
        ok = store_ok and broker is not False
        return Health(status="ok" if ok else "degraded", version=__version__, runner=type(s.runner).__name__,
                      queue_depth=depth, workers_seen=seen, store=store_ok, broker=broker, auth=s.auth.mode)

    @app.post("/generate", status_code=202, response_model=JobAccepted, responses=POST_ERRORS, tags=["jobs"])
    def generate(body: GenerateIn, who: Owner, s: State) -> JobAccepted:
        """Start a job that plans, writes, checks and builds a site (what `sitegen new` does)."""
        with s.gate.lock:
            s.gate.check(s.store, who)
            job_id, project_id = actions.new_job(s.settings, s.store, who, body)
        hand_over(s, job_id)
        return accepted(job_id, project_id)

    @app.get("/status/{job_id}", response_model=JobStatus, responses=ERRORS, tags=["jobs"])
    def status(job_id: str, who: Owner, s: State) -> JobStatus:
        """One job in full: stages with durations, logs, result, error and hint, tokens, cost."""
        return records.job_status(s.store, actions.owned_job(s.store, who, job_id))

    @app.get("/jobs", response_model=JobsOut, responses=ERRORS, tags=["jobs"])
    def jobs(who: Owner, s: State, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> JobsOut:
        """Your recent jobs, newest first."""
        rows = s.store.list_jobs(limit, owner=who)
        return JobsOut(jobs=[records.job_summary(j, s.store.get_project(j["project_id"])) for j in rows])

    @app.get("/jobs/{job_id}/events", responses={**ERRORS, 200: {
        "description": "text/event-stream: `id:` the event row id, `event:` start|end|fail|info|log|status, "
                       "`data:` a StreamEvent", "content": {"text/event-stream": {}}}}, tags=["jobs"])
    async def job_events(
        job_id: str, request: Request, who: Owner,
        last_event_id: Annotated[str | None, Header()] = None,
        after: Annotated[int | None, Query(ge=0, description="like Last-Event-ID")] = None,
    ) -> StreamingResponse:
        """Server-Sent Events of the job's stage changes and log lines; resumable with Last-Event-ID."""
        s: ServerState = request.app.state.sitegen
        await run_in_threadpool(actions.owned_job, s.store, who, job_id)
        start = events.parse_last_event_id(last_event_id, after)
        stream = events.job_stream(s.store, job_id, start, request.is_disconnected)
        return StreamingResponse(stream, media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.post("/jobs/{job_id}/resume", status_code=202, response_model=JobAccepted, responses=POST_ERRORS,
              tags=["jobs"])
    def resume(job_id: str, who: Owner, s: State) -> JobAccepted:
        """Continue a failed or interrupted job from its last finished stage."""
        job = actions.owned_job(s.store, who, job_id)
        with s.gate.lock:
            actions.check_resumable(job)
            s.gate.check(s.store, who)
            s.store.requeue_job(job_id)  # deliveries count from zero; it continues after its last stage
        hand_over(s, job_id)
        return accepted(job_id, job["project_id"])


def add_project_routes(app: FastAPI) -> None:
    @app.get("/projects", response_model=ProjectsOut, responses=ERRORS, tags=["projects"])
    def projects(who: Owner, s: State) -> ProjectsOut:
        """Your projects: name, folder, last status, URL."""
        return ProjectsOut(projects=[records.project_out(p) for p in s.store.list_projects(owner=who)])

    @app.post("/projects/{project_id}/edit", status_code=202, response_model=JobAccepted,
              responses=POST_ERRORS, tags=["projects"])
    def edit(project_id: str, body: EditIn, who: Owner, s: State) -> JobAccepted:
        """Change a site (what `sitegen edit` does): plan the change, apply, check, rebuild, verify."""
        return start_project_job(s, who, project_id,
                                 lambda project: actions.edit_job(s.settings, s.store, who, project, body))

    @app.post("/projects/{project_id}/deploy", status_code=202, response_model=JobAccepted,
              responses=POST_ERRORS, tags=["projects"])
    def deploy(project_id: str, body: DeployIn, who: Owner, s: State) -> JobAccepted:
        """Deploy an already built project (what `sitegen deploy` does)."""
        return start_project_job(s, who, project_id,
                                 lambda project: actions.deploy_job(s.settings, s.store, who, project, body))

    @app.get("/projects/{project_id}/screenshots/{name}", response_class=Response, tags=["projects"],
             responses={**ERRORS, 200: {"content": {"image/png": {}}, "description": "a PNG"}})
    def screenshot(project_id: str, name: str, who: Owner, s: State) -> Response:
        """One screenshot the browser checks took (names are in /status's result.screenshots)."""
        folder = actions.project_folder(actions.owned_project(s.store, who, project_id))
        return Response(files.screenshot(folder, name), media_type="image/png",
                        headers={"Cache-Control": "private, max-age=60"})

    @app.get("/projects/{project_id}/download", response_class=StreamingResponse, tags=["projects"],
             responses={**ERRORS, 200: {"content": {"application/zip": {}}, "description": "a zip"}})
    def download(project_id: str, who: Owner, s: State) -> StreamingResponse:
        """A zip of the site's source (no node_modules, .next, out or .git; links left out)."""
        project = actions.owned_project(s.store, who, project_id)
        folder = actions.project_folder(project)
        name = project["slug"] or project_id
        return StreamingResponse(files.chunks(files.zip_source(folder, name)), media_type="application/zip",
                                 headers={"Content-Disposition": f'attachment; filename="{name}.zip"'})

    @app.get("/projects/{project_id}/history", response_model=HistoryOut, responses=ERRORS, tags=["projects"])
    def history(project_id: str, who: Owner, s: State) -> HistoryOut:
        """Every version of the site, newest first (each generation and edit is one)."""
        from sitegen import history as git_history  # noqa: PLC0415

        project = actions.owned_project(s.store, who, project_id)
        versions = git_history.log(actions.project_folder(project))
        return HistoryOut(project_id=project_id, name=project["name"],
                          versions=[VersionOut.model_validate(v.to_dict()) for v in versions])
