"""The default job runner of `sitegen serve`: a bounded pool of threads in the server process.

One command, no broker: ``submit`` queues a recorded job; at most ``workers`` jobs run at once
(each through ``server.execute.execute_job``, the same headless path a Celery worker takes), the
rest wait in order. ``queue_depth`` is how many are waiting. Builds are subprocesses (Docker, Node or
bubblewrap), so threads are enough here: the server process only waits on them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

log = logging.getLogger("sitegen.server")


def default_workers() -> int:
    """One build per CPU."""
    return max(1, os.cpu_count() or 1)


class InProcessRunner:
    """Runs jobs on ``workers`` threads; implements server.runner.JobRunner."""

    def __init__(self, settings: Any, workers: int | None = None,
                 execute: Callable[..., Any] | None = None):
        self.settings = settings
        self.workers = max(1, workers or default_workers())
        self._execute = execute
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sitegen-job")
        self._lock = threading.Lock()
        self._waiting = 0
        self._running = 0
        self._futures: set[Future[Any]] = set()

    def submit(self, job_id: str) -> None:
        with self._lock:
            self._waiting += 1
        future = self._pool.submit(self._run, job_id)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)

    def _run(self, job_id: str) -> None:
        with self._lock:
            self._waiting -= 1
            self._running += 1
        try:
            execute = self._execute
            if execute is None:
                from sitegen.server.execute import execute_job  # noqa: PLC0415 — loads the stages

                execute = execute_job
            execute(self.settings, job_id)
        except Exception:  # noqa: BLE001 — the job record says what failed; the pool must go on
            log.exception("job %s stopped with an error", job_id)
        finally:
            with self._lock:
                self._running -= 1

    def queue_depth(self) -> int:
        with self._lock:
            return self._waiting

    def running(self) -> int:
        with self._lock:
            return self._running

    def workers_seen(self) -> int:
        return self.workers

    def close(self, wait: bool = False) -> None:
        """Stop taking jobs: queued ones are dropped (their records stay resumable); running ones
        finish when ``wait``, otherwise they stop with the process and show as interrupted."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
