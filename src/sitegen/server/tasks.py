"""Celery on Redis: the app made from settings, the ``run_job`` task, the runner the server
submits through and the worker entry point (`sitegen worker`).

Delivery rules: a job's message is acknowledged only after the job ran (``acks_late``); a worker
process that dies hands its message back (``reject_on_worker_lost``; a whole worker that dies is
redelivered after the broker's visibility timeout, longer than the longest build); a worker holds
one job per process at a time (prefetch 1). A redelivered job continues from its last finished
stage (``execute.execute_job``); one a live worker still runs is looked at again later. While a
job waits to be delivered again, readers see it queued (not interrupted), so a waiting client
keeps waiting.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from sitegen.config import Settings
from sitegen.errors import usage

QUEUE = "sitegen"
TASK_NAME = "sitegen.run_job"
BUSY_RETRY_SECONDS = 30.0
PING_CACHE_SECONDS = 5.0


def visibility_timeout(settings: Settings) -> float:
    """Seconds before an unacknowledged job goes back to the queue: SITEGEN_VISIBILITY_TIMEOUT, or
    every build attempt at its timeout plus half an hour."""
    configured = float(os.environ.get("SITEGEN_VISIBILITY_TIMEOUT") or 0)
    if configured > 0:
        return configured
    return (settings.fix_attempts + 1) * settings.build_timeout + 1800.0


def make_app(settings: Settings) -> Any:
    """The Celery app for ``settings.broker_url`` with the ``run_job`` task registered."""
    if not settings.broker_url:
        raise usage("no broker configured", "Set SITEGEN_BROKER_URL=redis://host:6379/0.")
    from celery import Celery  # noqa: PLC0415 — only a fleet loads Celery

    app = Celery("sitegen", broker=settings.broker_url, set_as_current=False)
    # a busy job is looked at again before its retry message could itself be redelivered
    busy_retry = min(BUSY_RETRY_SECONDS, visibility_timeout(settings) / 2)
    app.conf.update(
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        broker_transport_options={"visibility_timeout": visibility_timeout(settings), "unacked_restore_throttle": 1},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
    )

    @app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
    def run_job(task: Any, job_id: str) -> str:
        from sitegen.server.execute import execute_job  # noqa: PLC0415 — loads the stages

        job = execute_job(settings, job_id, requeue_on_loss=True)
        if job["status"] == "running":  # a live worker elsewhere runs it: look again later
            raise task.retry(countdown=busy_retry)
        return str(job["status"])

    return app


class CeleryRunner:
    """Submits jobs to the Celery queue; implements server.runner.JobRunner."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.app = make_app(settings)
        self._lock = threading.Lock()
        self._seen: tuple[float, int] = (0.0, 0)

    def submit(self, job_id: str) -> None:
        self.app.send_task(TASK_NAME, args=[job_id], queue=QUEUE)

    def queue_depth(self) -> int:
        """Messages waiting in the queue (not those a worker holds)."""
        with self.app.connection_for_read() as conn:
            try:
                return int(conn.default_channel.queue_declare(QUEUE, passive=True).message_count)
            except conn.channel_errors:  # no queue yet: nothing was ever sent (Redis drops empty lists)
                return 0

    def workers_seen(self) -> int:
        """Workers answering a ping (cached for a few seconds: a ping waits for replies)."""
        with self._lock:
            at, count = self._seen
            if time.monotonic() - at > PING_CACHE_SECONDS:
                count = len(self.app.control.ping(timeout=0.5) or [])
                self._seen = (time.monotonic(), count)
            return count

    def close(self) -> None:
        self.app.close()


def default_concurrency() -> int:
    """One build per CPU."""
    return max(1, os.cpu_count() or 1)


def run_worker(settings: Settings, concurrency: int | None = None, loglevel: str = "INFO") -> None:
    """Run a Celery worker for sitegen jobs until it is stopped. SIGTERM is a warm shutdown (running
    jobs finish; messages not yet acknowledged go back to the queue)."""
    from sitegen.store import open_store  # noqa: PLC0415

    open_store(settings).close()  # the store is reachable and migrated before taking any job
    app = make_app(settings)
    app.worker_main([
        "worker", f"--concurrency={concurrency or default_concurrency()}", f"--loglevel={loglevel}",
        "--queues", QUEUE, "--hostname", f"sitegen-{os.getpid()}@%h", "--without-gossip", "--without-mingle",
    ])


__all__ = ["QUEUE", "TASK_NAME", "CeleryRunner", "default_concurrency", "make_app", "run_worker"]
