"""Server-Sent Events for one job: stage changes and log lines as the store records them.

Each event's ``id:`` is its row id in ``store.job_events``, so a client that reconnects with
``Last-Event-ID`` (or ``?after=``) gets exactly the events it missed, in order. When the job is no
longer running the stream sends one ``status`` event (the final status, error and hint) and ends.
A comment line every ``heartbeat`` seconds keeps proxies from closing an idle stream.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from sitegen.server.models import StreamEvent

ACTIVE = {"running", "queued"}  # the job may still make events


def parse_last_event_id(header: str | None, query: int | None) -> int:
    """The id to continue after: the Last-Event-ID header wins over ?after=; junk means 0."""
    for value in (header, query):
        if value is None:
            continue
        try:
            return max(0, int(str(value).strip()))
        except ValueError:
            continue
    return 0


def frame(event: StreamEvent) -> str:
    data = json.dumps(event.model_dump(), default=str, ensure_ascii=False)
    return f"id: {event.id}\nevent: {event.event}\ndata: {data}\n\n"


def to_event(job_id: str, row: dict[str, Any]) -> StreamEvent:
    detail = row.get("detail") or {}
    if isinstance(detail, str):
        detail = json.loads(detail or "{}")
    return StreamEvent(id=int(row["id"]), job_id=job_id, stage=row["stage"], event=row["event"],
                       at=float(row["at"]), duration=row.get("duration"), detail=detail)


def final_event(job: dict[str, Any], last_id: int) -> StreamEvent:
    detail = {k: job.get(k) for k in ("status", "error", "error_kind", "hint")}
    return StreamEvent(id=last_id, job_id=job["id"], stage=job["stage"], event="status", at=time.time(),
                       detail=detail)


async def job_stream(
    store: Any,
    job_id: str,
    after_id: int,
    disconnected: Callable[[], Awaitable[bool]],
    poll: float = 0.25,
    heartbeat: float = 15.0,
) -> AsyncIterator[str]:
    """Yield SSE frames for the job's events after ``after_id`` until the job ends or the client goes."""
    last = after_id
    quiet_since = time.monotonic()
    yield "retry: 1000\n\n"
    while True:
        rows = await run_in_threadpool(store.job_events, job_id, last)
        for row in rows:
            event = to_event(job_id, row)
            last = event.id
            yield frame(event)
        if rows:
            quiet_since = time.monotonic()
        else:
            job = await run_in_threadpool(store.get_job, job_id)
            if job["status"] not in ACTIVE:
                for row in await run_in_threadpool(store.job_events, job_id, last):  # written just before
                    event = to_event(job_id, row)
                    last = event.id
                    yield frame(event)
                yield frame(final_event(job, last))
                return
            if time.monotonic() - quiet_since >= heartbeat:
                quiet_since = time.monotonic()
                yield ": keep-alive\n\n"
        if await disconnected():
            return
        await asyncio.sleep(poll)
