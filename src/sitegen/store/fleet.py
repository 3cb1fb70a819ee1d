"""What a team server and its workers add to the store: API tokens and job deliveries.

A worker asks ``claim_delivery`` before running a job it was handed. The answer is decided in
one transaction holding the job's row, so two deliveries of one job never both run it.
"""

from __future__ import annotations

import os
import socket
import time
from typing import Any

from sitegen.errors import not_found
from sitegen.procs import pid_alive
from sitegen.store.core import ACTIVE, Row, StoreCore, new_id

MAX_DELIVERIES = 3  # the first run and at most two retries after its worker died mid-stage
HEARTBEAT_STALE = 60.0  # seconds without a heartbeat after which a worker on another host is gone
TOKEN_COLUMNS = "id, name, owner, created_at, last_used_at, revoked_at"


def owner_alive(job: Row, now: float, stale_after: float = HEARTBEAT_STALE) -> bool:
    """Whether the process recorded as running the job is still there: on this host by its pid,
    on another host by a heartbeat newer than ``stale_after`` seconds."""
    if job["host"] == socket.gethostname():
        return pid_alive(job["pid"])
    return bool(job.get("heartbeat_at")) and now - float(job["heartbeat_at"]) < stale_after


def delivery_verdict(job: Row, now: float, max_deliveries: int = MAX_DELIVERIES) -> str:
    """run | done | busy | final | gave_up: what a worker handed this job must do with it."""
    if job["status"] == "done":
        return "done"
    if not job["attempts"]:  # never handed to a worker (new, or queued again to resume)
        return "run"
    if job["status"] == "failed":
        return "final"
    if job["status"] == ACTIVE and owner_alive(job, now):
        return "busy"
    # running with its worker gone, or interrupted: the worker died (or stopped) mid-stage
    return "gave_up" if job["attempts"] >= max_deliveries else "run"


class Store(StoreCore):
    """The store with API tokens and worker deliveries."""

    # -- worker deliveries --------------------------------------------------------------------
    def claim_delivery(
        self, job_id: str, max_deliveries: int = MAX_DELIVERIES, *, requeue_on_loss: bool = False
    ) -> tuple[str, dict[str, Any]]:
        """Decide, atomically, what this worker does with a delivered job (see ``delivery_verdict``);
        on "run" the job is this process's; on "gave_up" it is now FAILED with the reason.
        ``requeue_on_loss``: the broker delivers the job again if this process dies, so a reader
        who finds the process gone shows the job queued, not interrupted (store.core ``_reap``)."""
        now = time.time()
        with self.tx() as db:
            job = db.one("SELECT * FROM jobs WHERE id = ?" + db.for_update, (job_id,))
            if job is None:
                raise not_found(f"no job {job_id!r}")
            verdict = delivery_verdict(job, now, max_deliveries)
            if verdict == "run":
                db.execute(
                    "UPDATE jobs SET status = ?, pid = ?, host = ?, attempts = attempts + 1, heartbeat_at = ?,"
                    " error = NULL, error_kind = NULL, hint = NULL, finished_at = NULL, updated_at = ?,"
                    " requeue_on_loss = ? WHERE id = ?",
                    (ACTIVE, os.getpid(), socket.gethostname(), now, now, int(requeue_on_loss), job_id),
                )
                db.execute("UPDATE projects SET last_status = ? WHERE last_job_id = ?", (ACTIVE, job_id))
            elif verdict == "gave_up":
                reason = (f"the worker running {job['stage']} stopped {job['attempts']} times;"
                          " the job is not retried again")
                db.execute(
                    "UPDATE jobs SET status = 'failed', error = ?, error_kind = 'interrupted', hint = ?,"
                    " finished_at = ?, updated_at = ? WHERE id = ?",
                    (reason, "Find why the workers stop (memory, kills), then resume the job.", now, now, job_id),
                )
                db.execute(
                    "INSERT INTO stage_events (job_id, stage, event, at, detail) VALUES (?, ?, 'fail', ?, ?)",
                    (job_id, job["stage"], now, '{"error": "worker lost", "kind": "interrupted"}'),
                )
                db.execute("UPDATE projects SET last_status = 'failed' WHERE last_job_id = ?", (job_id,))
        return verdict, self.get_job(job_id)

    def heartbeat(self, job_id: str) -> bool:
        """Record that this process still runs the job; False when it is no longer this process's."""
        now = time.time()
        with self.tx() as db:
            db.execute(
                "UPDATE jobs SET heartbeat_at = ? WHERE id = ? AND pid = ? AND host = ? AND status = ?",
                (now, job_id, os.getpid(), socket.gethostname(), ACTIVE),
            )
            return db.rowcount > 0

    def requeue_job(self, job_id: str) -> dict[str, Any]:
        """Queue a failed or interrupted job again (an explicit resume): deliveries count from zero."""
        now = time.time()
        with self.tx() as db:
            db.execute(
                "UPDATE jobs SET status = 'queued', attempts = 0, error = NULL, error_kind = NULL, hint = NULL,"
                " finished_at = NULL, updated_at = ? WHERE id = ?",
                (now, job_id),
            )
            db.execute("UPDATE projects SET last_status = 'queued' WHERE last_job_id = ?", (job_id,))
        return self.get_job(job_id)

    # -- API tokens (stored as hashes only) -------------------------------------------------------
    def create_token(self, name: str, owner: str, token_hash: str) -> dict[str, Any]:
        token_id = new_id("t")
        with self.tx() as db:
            db.execute(
                "INSERT INTO api_tokens (id, name, owner, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                (token_id, name, owner, token_hash, time.time()),
            )
        return self.query_one(f"SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id = ?", (token_id,)) or {}

    def token_by_hash(self, token_hash: str) -> dict[str, Any] | None:
        """The live (not revoked) token with this hash, its last use now; None when there is none."""
        now = time.time()
        with self.tx() as db:
            row = db.one(
                f"SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                (token_hash,),
            )
            if row:
                db.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", (now, row["id"]))
                row["last_used_at"] = now
        return row

    def list_tokens(self, owner: str | None = None) -> list[dict[str, Any]]:
        """Tokens (never their hashes), newest first; only ``owner``'s when given."""
        if owner is None:
            return self.query(f"SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at DESC")
        return self.query(
            f"SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE owner = ? ORDER BY created_at DESC", (owner,)
        )

    def revoke_token(self, id_or_name: str, owner: str | None = None) -> bool:
        """Revoke the live token(s) with this id or name (of ``owner`` when given); True if any."""
        sql = "UPDATE api_tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL"
        args: list[Any] = [time.time(), id_or_name, id_or_name]
        if owner is not None:
            sql += " AND owner = ?"
            args.append(owner)
        with self.tx() as db:
            db.execute(sql, args)
            return db.rowcount > 0
