"""Running one recorded job headless (no Terminal): the path every server runner and worker takes.

A new job runs from the start; a job that already finished stages continues after the last one
(the later of ``last_done_stage`` and the last stage with a recorded end), so a stage is never
completed twice. ``Store.claim_delivery`` decides first, in one transaction, whether this process
runs the job at all: a finished job returns as it is, a job a live worker runs is left alone, a
job whose workers died mid-stage ``MAX_DELIVERIES`` times is FAILED with the reason.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from sitegen.config import Settings
from sitegen.jobs import make_pipeline
from sitegen.pipeline import Event, EventSink, HandlersFor, StageFn, planned_stages
from sitegen.store import Store, open_store

HEARTBEAT_EVERY = 10.0
MAX_HOLD_SECONDS = 600.0

_stores: dict[tuple[int, str], Store] = {}
_stores_lock = threading.Lock()


def shared_store(settings: Settings) -> Store:
    """One store per process and database (a forked worker opens its own)."""
    key = (os.getpid(), settings.database_url or str(settings.db_path))
    with _stores_lock:
        if key not in _stores:
            _stores[key] = open_store(settings)
        return _stores[key]


def resume_point(store: Store, job: dict[str, Any]) -> str | None:
    """The stage to continue after: the furthest of ``last_done_stage`` and every stage with an end."""
    stages = planned_stages(job["options"])
    ended = {e["stage"] for e in store.events(job["id"]) if e["event"] == "end"}
    if job.get("last_done_stage"):
        ended.add(job["last_done_stage"])
    done = [s for s in stages if s in ended]
    return done[-1] if done else None


class Heartbeat:
    """While open, records every ``every`` seconds that this process still runs the job."""

    def __init__(self, store: Store, job_id: str, every: float = HEARTBEAT_EVERY):
        self.store, self.job_id, self.every = store, job_id, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.store.heartbeat(self.job_id)
            except Exception:  # noqa: BLE001 — a missed beat only makes the job look older
                pass

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def with_hold(handlers: HandlersFor, hold: dict[str, Any]) -> HandlersFor:
    """Handlers that pause ``hold["seconds"]`` at the start of ``hold["stage"]`` (a testing aid for
    killing a worker mid-stage, on the job's first ``hold["deliveries"]`` deliveries (default 1); the API
    never sets it)."""
    stage = str(hold.get("stage") or "")
    seconds = min(float(hold.get("seconds") or 0), MAX_HOLD_SECONDS)

    def table(kind: str) -> dict[str, StageFn]:
        out = dict(handlers(kind))
        inner = out.get(stage)
        if inner is not None and seconds > 0:
            def held(ctx: Any, inner: StageFn = inner) -> dict[str, Any] | None:
                time.sleep(seconds)
                return inner(ctx)
            out[stage] = held
        return out

    return table


def _ignore(_event: Event) -> None:
    return None


def execute_job(
    settings: Settings, job_id: str, emit: EventSink | None = None, *, requeue_on_loss: bool = False
) -> dict[str, Any]:
    """Run (or continue) the recorded job in this process; return its final row. A job this
    process must not run (finished, failed for good, or running elsewhere) is returned as it is.
    ``requeue_on_loss``: a broker delivers the job again if this process dies (a Celery task)."""
    store = shared_store(settings)
    verdict, job = store.claim_delivery(job_id, requeue_on_loss=requeue_on_loss)
    if verdict != "run":
        return job
    start_after = resume_point(store, job)
    if start_after and job["attempts"] > 1:
        store.add_event(job_id, job["stage"], "info",
                        detail={"message": f"delivery {job['attempts']}: continuing after {start_after}"})
    try:
        with Heartbeat(store, job_id):
            pipeline = make_pipeline(settings, store, emit or _ignore)
            hold = job["options"].get("hold")
            if isinstance(hold, dict) and job["attempts"] <= int(hold.get("deliveries") or 1):
                pipeline.handlers = with_hold(pipeline.handlers, job["options"]["hold"])
            return pipeline.run(job_id, start_after=start_after)
    except Exception as exc:  # outside any stage (the pipeline records stage failures itself)
        store.update_job(job_id, status="failed", error=f"{type(exc).__name__}: {exc}"[:500],
                         error_kind="internal", finished_at=time.time())
        raise

__all__ = ["Heartbeat", "execute_job", "resume_point", "shared_store", "with_hold"]
