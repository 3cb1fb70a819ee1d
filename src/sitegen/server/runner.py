"""How the server hands a recorded job to something that runs it.

``make_runner`` picks Celery workers on Redis when SITEGEN_BROKER_URL is set, else the server's
own bounded pool of worker processes (``inprocess.InProcessRunner``). Both end in ``execute.execute_job``.
"""

from __future__ import annotations

from typing import Protocol

from sitegen.config import Settings


class JobRunner(Protocol):
    """Takes recorded jobs and runs them somewhere."""

    def submit(self, job_id: str) -> None:
        """Queue the job (its records exist); returns at once."""

    def queue_depth(self) -> int:
        """Jobs waiting for a worker."""

    def workers_seen(self) -> int:
        """Workers (or threads) able to run jobs."""

    def close(self) -> None:
        """Stop handing out jobs (a runner that runs jobs itself lets the running ones finish first)."""


def make_runner(settings: Settings, workers: int | None = None) -> JobRunner:
    """CeleryRunner when a broker is configured, else an InProcessRunner with ``workers`` processes."""
    if settings.broker_url:
        from sitegen.server.tasks import CeleryRunner  # noqa: PLC0415 — Celery loads only for a fleet

        return CeleryRunner(settings)
    from sitegen.server.inprocess import InProcessRunner  # noqa: PLC0415

    return InProcessRunner(settings, workers)
