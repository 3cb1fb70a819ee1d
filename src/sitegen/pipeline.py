"""The job pipeline: ordered stages, each persisted when it starts and ends, resumable.

CREATED → PLANNING → GENERATING → CHECKING → BUILDING → VERIFYING → DEPLOYING → DONE (or FAILED).
The runner is given its stage handlers (``sitegen.stages.handlers``); it imports none. It never
prints: it emits ``Event``s to a callback and records everything in the store.
A failure records the stage, the error and the log tail, and keeps every file already made.
"""

from __future__ import annotations

import errno
import os
import stat
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.secrets import scrub
from sitegen.store import Store

META_DIR = ".sitegen"


@dataclass
class Event:
    """Something the user may want to see. kinds: stage_start, stage_end, stage_fail, log, info, progress."""

    kind: str
    stage: str = ""
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)


EventSink = Callable[[Event], None]


@dataclass
class JobContext:
    """What a stage gets: settings, store, the job and project rows, and ways to report."""

    settings: Settings
    store: Store
    job: dict[str, Any]
    project: dict[str, Any]
    emit: EventSink
    stage: str = ""
    state: dict[str, Any] = field(default_factory=dict)  # passed between stages within one run

    @property
    def job_id(self) -> str:
        return self.job["id"]

    @property
    def project_dir(self) -> Path:
        return Path(self.project["path"])

    @property
    def options(self) -> dict[str, Any]:
        return self.job["options"]

    @property
    def meta_dir(self) -> Path:
        return self.project_dir / META_DIR

    def scrub(self, text: str) -> str:
        return scrub(text, self.settings.secrets())

    def log(self, text: str) -> None:
        """Append build or tool output to the job's log (file and record) and show it live."""
        text = self.scrub(text)
        self.store.append_log(self.job_id, text)
        try:
            append_log_file(self.settings.home, self.job_id, text)
        except OSError:  # a planted link or a full disk: the store keeps the log (status reads it)
            pass
        self.emit(Event("log", self.stage, text))

    def info(self, message: str, **data: Any) -> None:
        message = self.scrub(message)
        self.store.add_event(self.job_id, self.stage, "info", detail={"message": message, **data})
        self.emit(Event("info", self.stage, message, data))

    def record_call(self, record: Any) -> None:
        self.store.add_llm_call(self.job_id, record)


def log_path(home: Path, job_id: str) -> Path:
    """Where a job's full log is kept: SITEGEN_HOME/logs/<job>.log (never in the project folder,
    which the build's code can write)."""
    return Path(home) / "logs" / f"{job_id}.log"


def append_log_file(home: Path, job_id: str, text: str) -> None:
    """Append to the job's log file; a link (or anything not a plain file) there is never followed."""
    path = log_path(home, job_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent.is_symlink():
        raise OSError(f"{path.parent} is a link; the log is kept in the store only")
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    fd = os.open(path, flags, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a plain file; the log is kept in the store only")
        os.write(fd, text.encode("utf-8", "replace"))
    finally:
        os.close(fd)


StageFn = Callable[[JobContext], dict[str, Any] | None]
HandlersFor = Callable[[str], dict[str, StageFn]]  # job kind -> stage name -> handler


def planned_stages(options: dict[str, Any]) -> list[str]:
    """The stages this job runs, given its options."""
    out = ["PLANNING", "GENERATING", "CHECKING"]
    if options.get("sandbox") != "none":
        out.append("BUILDING")
        if options.get("verify"):
            out.append("VERIFYING")
        if options.get("deploy"):
            out.append("DEPLOYING")
    return out


class Pipeline:
    def __init__(self, settings: Settings, store: Store, handlers: HandlersFor, emit: EventSink | None = None):
        self.settings = settings
        self.handlers = handlers
        self.store = store
        self.emit: EventSink = emit or (lambda _e: None)
        self._listeners: list[Callable[[str, str], None]] = []

    def on_change(self, listener: Callable[[str, str], None]) -> None:
        """Call listener(job_id, stage) after every persisted stage change (used by sync)."""
        self._listeners.append(listener)

    def _changed(self, job_id: str, stage: str) -> None:
        for listener in self._listeners:
            try:
                listener(job_id, stage)
            except Exception:  # noqa: BLE001 — a mirror must never break a job
                pass

    def run(self, job_id: str, start_after: str | None = None) -> dict[str, Any]:
        """Run the job's remaining stages; return the final job row. Never raises SitegenError."""
        job = self.store.get_job(job_id)
        project = self.store.get_project(job["project_id"])
        ctx = JobContext(self.settings, self.store, job, project, self.emit)
        stages = planned_stages(job["options"])
        if start_after in stages:
            stages = stages[stages.index(start_after) + 1 :]
        handlers = self.handlers(job["kind"])
        for stage in stages:
            ctx.stage = stage
            started = time.monotonic()
            self.store.update_job(job_id, stage=stage)
            self.store.add_event(job_id, stage, "start")
            self._changed(job_id, stage)
            self.emit(Event("stage_start", stage))
            try:
                detail = handlers[stage](ctx) or {}
            except BaseException as exc:  # noqa: BLE001 — recorded, then re-raised if not ours
                self._fail(ctx, stage, exc, time.monotonic() - started)
                if isinstance(exc, KeyboardInterrupt | SystemExit):
                    raise
                return self.store.get_job(job_id)
            seconds = time.monotonic() - started
            self.store.add_event(job_id, stage, "end", seconds, detail)
            self.store.update_job(job_id, last_done_stage=stage)
            self._changed(job_id, stage)
            self.emit(Event("stage_end", stage, "", {"seconds": seconds, **detail}))
        record_version(ctx)
        result = {**ctx.state.get("result", {}), "path": str(ctx.project_dir)}
        self.store.update_job(job_id, status="done", stage="DONE", result=result, finished_at=time.time())
        self.store.add_event(job_id, "DONE", "end")
        self._changed(job_id, "DONE")
        return self.store.get_job(job_id)

    def _fail(self, ctx: JobContext, stage: str, exc: BaseException, seconds: float) -> None:
        if isinstance(exc, SitegenError):
            err = exc
        elif isinstance(exc, KeyboardInterrupt):
            err = SitegenError(f"interrupted during {stage}", ErrorKind.INTERRUPTED)
        elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            err = SitegenError(f"the disk is full (writing {exc.filename or 'a file'})", ErrorKind.CONFIG,
                               "Free some space, then `sitegen resume JOB` continues from this stage.")
        else:
            err = SitegenError(f"{type(exc).__name__}: {exc}", ErrorKind.INTERNAL)
            ctx.log(traceback.format_exc())
        message = ctx.scrub(err.message)
        status = "interrupted" if err.kind == ErrorKind.INTERRUPTED else "failed"
        self.store.add_event(ctx.job_id, stage, "fail", seconds, {"error": message, "kind": err.kind.value})
        result = {**ctx.state.get("result", {}), "path": str(ctx.project_dir)}
        self.store.update_job(
            ctx.job_id,
            status=status,
            stage=stage,
            error=message,
            error_kind=err.kind.value,
            hint=err.hint,
            result=result,
            finished_at=time.time(),
        )
        self._changed(ctx.job_id, stage)
        self.emit(Event("stage_fail", stage, message, {"kind": err.kind.value, "hint": err.hint}))

    def resume(self, job_id: str) -> dict[str, Any]:
        """Continue a failed or interrupted job from its last finished stage."""
        job = self.store.get_job(job_id)
        if job["status"] == "running":
            raise SitegenError(f"job {job['id']} is still running (pid {job['pid']})", ErrorKind.USAGE,
                               "Wait for it, or stop that process first.")
        if job["status"] == "done":
            raise SitegenError(f"job {job['id']} already finished", ErrorKind.USAGE,
                               "Nothing to resume; use `sitegen edit` to change the site.")
        self.store.claim_job(job["id"])
        self.store.add_event(job["id"], job["stage"], "info", detail={"message": "resumed"})
        return self.run(job["id"], start_after=job["last_done_stage"])


def record_version(ctx: JobContext) -> None:
    """Every finished generation and edit is a git commit in the project folder (see history.py)."""
    from sitegen.history import record_job  # noqa: PLC0415

    try:
        sha = record_job(ctx.project_dir, ctx.job)
    except SitegenError as exc:  # no git: the site is fine, only the version is not kept
        ctx.info(f"version not recorded: {exc.message}", hint=exc.hint)
        return
    except Exception as exc:  # noqa: BLE001 — a finished site must not fail over its version record
        ctx.info(f"version not recorded: {type(exc).__name__}: {exc}")
        return
    if sha:
        ctx.state.setdefault("result", {})["version"] = sha
