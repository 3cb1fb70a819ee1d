"""The team server's request and response shapes (pydantic), as published at /docs and /openapi.json.

Every error is one shape, ``{"error": {"kind", "message", "hint"}}``: ``kind`` is an ``ErrorKind``
value (the same kinds and hints the CLI shows) or one of the HTTP-only kinds below.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sitegen.plan import MAX_URL_CHARS

MAX_PROMPT_CHARS = 10_000  # the CLI's limit (cli/new.py)
MAX_INSTRUCTION_CHARS = 4_000  # the CLI's limit (cli/edit.py)

# kinds only the server has (HTTP conditions with no CLI counterpart)
HTTP_KINDS = {
    "unauthorized": "Send `Authorization: Bearer <token>`: an API token (`sitegen token create NAME`) "
                    "or a Supabase user JWT.",
    "too_many_requests": "Wait for the time in Retry-After, or for a running job to finish.",
    "too_large": "Send a smaller request body.",
    "conflict": "Wait for the project's running job to finish (`GET /status/{job_id}`).",
    "unavailable": "The server cannot reach a service it needs; try again shortly.",
}


class ErrorDetail(BaseModel):
    kind: str = Field(description="an ErrorKind value (usage, not_found, …) or an HTTP kind (unauthorized, …)")
    message: str
    hint: str = ""


class ErrorOut(BaseModel):
    error: ErrorDetail


class GenerateIn(BaseModel):
    """POST /generate: what `sitegen new` takes."""

    model_config = ConfigDict(extra="forbid")

    prompt: str = Field(min_length=1, max_length=MAX_PROMPT_CHARS, description="One sentence describing the site.")
    name: str | None = Field(default=None, max_length=120)
    url: str | None = Field(default=None, max_length=MAX_URL_CHARS, description="The site's public address.")
    provider: str = Field(default="auto", max_length=40)
    models: list[str] = Field(default_factory=list, max_length=8)
    deploy: str | None = Field(default=None, max_length=40)
    prod: bool = False
    sandbox: str | None = Field(default=None, max_length=40)
    verify: bool | None = None


class EditIn(BaseModel):
    """POST /projects/{id}/edit: what `sitegen edit` takes."""

    model_config = ConfigDict(extra="forbid")

    instruction: str = Field(default="", max_length=MAX_INSTRUCTION_CHARS,
                             description="what to change; may be left out when url is given")
    url: str | None = Field(default=None, max_length=MAX_URL_CHARS,
                            description="the address the site is public at; alone, no provider is asked")
    provider: str = Field(default="auto", max_length=40)
    models: list[str] = Field(default_factory=list, max_length=8)
    sandbox: str | None = Field(default=None, max_length=40)
    deploy: str | None = Field(default=None, max_length=40)
    verify: bool | None = None


class DeployIn(BaseModel):
    """POST /projects/{id}/deploy: what `sitegen deploy` takes (no --dir: the server picks folders)."""

    model_config = ConfigDict(extra="forbid")

    target: str | None = Field(default=None, max_length=40, description="default: the last one used, else static")
    prod: bool = False
    timeout: float | None = Field(default=None, gt=0, le=3600)


class JobAccepted(BaseModel):
    job_id: str
    project_id: str
    status_url: str
    events_url: str


class StageOut(BaseModel):
    stage: str
    status: Literal["running", "done", "failed"]
    seconds: float | None


class Tokens(BaseModel):
    input: int
    output: int


class ResultOut(BaseModel):
    """The original API's result: the site plan and the build logs, plus what the job made."""

    model_config = ConfigDict(extra="allow")

    site_plan: dict[str, Any] | None = None
    build_logs: str = ""
    screenshots: list[str] = Field(default_factory=list, description="names for /projects/{id}/screenshots/{name}")
    version: str | None = None
    changes: list[str] = Field(default_factory=list)


class JobStatus(BaseModel):
    """GET /status/{job_id}: the original fields, and every field `sitegen status JOB --json` prints."""

    job_id: str
    project_id: str
    project: str
    kind: str
    status: str
    stage: str
    created_at: float
    finished_at: float | None
    seconds: float
    stages: list[StageOut]
    deploy_url: str | None
    logs: str
    result: ResultOut
    error: str | None
    error_kind: str | None
    hint: str | None
    tokens: Tokens
    cost: float
    # the CLI's names for the same things (`sitegen new --server --json` prints these)
    path: str
    prompt: str
    provider: str
    url: str | None
    deploy: dict[str, Any] | None
    tokens_in: int
    tokens_out: int
    cost_usd: float
    llm_calls: int
    log_tail: str


class JobSummary(BaseModel):
    job_id: str
    project_id: str
    project: str
    kind: str
    status: str
    stage: str
    created_at: float
    seconds: float
    error: str | None


class JobsOut(BaseModel):
    jobs: list[JobSummary]


class ProjectOut(BaseModel):
    project_id: str
    name: str
    path: str
    exists: bool
    last_status: str | None
    last_job_id: str | None
    url: str | None
    deploy_target: str | None
    deployment_id: str | None
    deployed_at: float | None
    updated_at: float


class ProjectsOut(BaseModel):
    projects: list[ProjectOut]


class VersionOut(BaseModel):
    sha: str
    short: str
    message: str
    at: float
    restores: str = ""


class HistoryOut(BaseModel):
    project_id: str
    name: str
    versions: list[VersionOut]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    runner: str
    queue_depth: int
    workers_seen: int
    store: bool
    broker: bool | None = Field(description="null when jobs run in-process (no broker)")
    auth: Literal["supabase", "tokens"]


class StreamEvent(BaseModel):
    """One Server-Sent Event's data (`id:` is the event row id; `event:` is ``event`` below)."""

    id: int
    job_id: str
    stage: str
    event: str = Field(description="start, end, fail, info, log; and a last `status` event when the job ends")
    at: float
    duration: float | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class ApiError(Exception):
    """An HTTP error the app renders as ``ErrorOut`` (status, kind, message, hint, extra headers)."""

    def __init__(self, status: int, kind: str, message: str, hint: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message
        self.hint = HTTP_KINDS.get(kind, "") if hint is None else hint
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return ErrorOut(error=ErrorDetail(kind=self.kind, message=self.message, hint=self.hint)).model_dump()
