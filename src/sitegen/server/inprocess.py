"""The default job runner of `sitegen serve`: a bounded pool on the server's machine, no broker.

One command: ``submit`` queues a recorded job; at most ``workers`` jobs run at once, each through
``server.execute.execute_job`` (the same headless path a Celery worker takes), the rest wait in order
and ``queue_depth`` says how many. Jobs run in worker processes (spawned, so a job's CPU work never
holds the API's GIL and a crashing job cannot take the API down); given an ``execute`` function
(tests) they run in threads of the server process instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

log = logging.getLogger("sitegen.server")


def default_workers() -> int:
    """One build per CPU."""
    return max(1, os.cpu_count() or 1)


def run_one(settings: Any, job_id: str) -> None:
    """Run one job in a pool process (module level, so a spawned process can import it)."""
    from sitegen.server.execute import execute_job  # noqa: PLC0415 — loads the stages

    execute_job(settings, job_id)


class InProcessRunner:
    """Runs jobs on ``workers`` pool processes (or threads); implements server.runner.JobRunner."""

    def __init__(self, settings: Any, workers: int | None = None,
                 execute: Callable[..., Any] | None = None):
        self.settings = settings
        self.workers = max(1, workers or default_workers())
        self._execute: Callable[..., Any] = execute or run_one
        self._pool: Executor
        if execute is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
        else:
            self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="sitegen-job")
        self._lock = threading.Lock()
        self._futures: dict[Future[Any], str] = {}

    def submit(self, job_id: str) -> None:
        future = self._pool.submit(self._execute, self.settings, job_id)
        with self._lock:
            self._futures[future] = job_id
        future.add_done_callback(self._done)

    def _done(self, future: Future[Any]) -> None:
        with self._lock:
            job_id = self._futures.pop(future, "?")
        if not future.cancelled() and future.exception() is not None:  # the job record says what failed
            log.error("job %s stopped with an error: %r", job_id, future.exception())

    def queue_depth(self) -> int:
        """Jobs submitted and not started yet."""
        with self._lock:
            return sum(1 for f in self._futures if not f.running() and not f.done())

    def running(self) -> int:
        with self._lock:
            return sum(1 for f in self._futures if f.running())

    def workers_seen(self) -> int:
        return self.workers

    def close(self, wait: bool = True) -> None:
        """Stop taking jobs: queued ones are dropped (their records stay queued and run on the next
        start); running ones finish, here when ``wait`` (else the interpreter joins them at exit).

        ``sitegen serve`` waits: on Python 3.11 a process pool still shutting down when the interpreter
        exits can race its own exit hook and print an OSError traceback."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
