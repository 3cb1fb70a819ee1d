"""The Store: projects, jobs, stage events, LLM calls and the sync outbox, on either backend.

Every write is one short transaction, so several sitegen processes (a CLI, a server, many
workers) can write at the same time. Reads of a running job whose process is gone on this host
show, and store, it as interrupted.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitegen.errors import ErrorKind, SitegenError, not_found
from sitegen.procs import pid_alive
from sitegen.store.db import Database, Row, Tx, connect, ddl, is_postgres_url, while_locked
from sitegen.store.migrations import MIGRATIONS

LOG_TAIL_CHARS = 8000
ACTIVE = "running"
JSON_FIELDS = ("options", "result")
# keep the last LOG_TAIL_CHARS characters of (log_tail || new text); the same SQL on both backends
_TAIL = "CASE WHEN length(log_tail || ?) > ? THEN substr(log_tail || ?, length(log_tail || ?) - ? + 1)" \
        " ELSE log_tail || ? END"


def new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


class StoreCore:
    """Typed access to the database: SQLite file (default) or a PostgreSQL URL."""

    def __init__(self, target: Path | str):
        self.target = target
        self.path = None if is_postgres_url(target) else Path(target)
        try:
            self.backend: Database = connect(target)
            if self.backend.postgres:
                self.migrate()
            else:
                while_locked(self.migrate)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise SitegenError(
                f"cannot open the sitegen database {target}: {exc}",
                ErrorKind.CONFIG,
                "Check SITEGEN_HOME; move the broken database aside to start afresh.",
            ) from exc
        except SitegenError:
            raise
        except Exception as exc:  # psycopg: unreachable server, bad credentials
            where = str(target).split("@")[-1]  # never the password
            raise SitegenError(
                f"cannot open the sitegen database at {where}: {type(exc).__name__}",
                ErrorKind.CONFIG,
                "Check SITEGEN_DATABASE_URL and that PostgreSQL is running.",
            ) from exc

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def postgres(self) -> bool:
        return self.backend.postgres

    @contextmanager
    def tx(self) -> Iterator[Tx]:
        with self.backend.tx() as tx:
            yield tx

    def query(self, sql: str, args: tuple | list = ()) -> list[Row]:
        """Rows of a read-only statement, as dicts (SQLite dialect, ``?`` placeholders)."""
        with self.backend.read() as tx:
            return tx.execute(sql, args)

    def query_one(self, sql: str, args: tuple | list = ()) -> Row | None:
        rows = self.query(sql, args)
        return rows[0] if rows else None

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied; return their names."""
        applied: list[str] = []
        with self.tx() as db:
            self.backend.migration_lock(db)
            db.execute(ddl("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at REAL)",
                           self.postgres))
            done = {r["name"] for r in db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    db.execute(ddl(statement, self.postgres))
                db.execute("INSERT INTO migrations VALUES (?, ?)", (name, time.time()))
                applied.append(name)
        return applied

    def close(self) -> None:
        self.backend.close()

    # -- projects ---------------------------------------------------------------------------
    def create_project(
        self, name: str, slug: str, path: Path, prompt: str, provider: str, owner: str = ""
    ) -> dict[str, Any]:
        now = time.time()
        pid = new_id("p")
        with self.tx() as db:
            db.execute("DELETE FROM projects WHERE path = ? AND last_job_id IS NULL", (str(path),))
            existing = db.one("SELECT id FROM projects WHERE path = ?", (str(path),))
            if existing:  # a re-generation into the same folder (--force) reuses the project
                pid = existing["id"]
                db.execute(
                    "UPDATE projects SET name=?, slug=?, prompt=?, provider=?, owner=?, updated_at=? WHERE id=?",
                    (name, slug, prompt, provider, owner, now, pid),
                )
            else:
                db.execute(
                    "INSERT INTO projects (id, name, slug, path, prompt, provider, owner, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (pid, name, slug, str(path), prompt, provider, owner, now, now),
                )
        return self.get_project(pid)

    def update_project(self, project_id: str, **fields: Any) -> None:
        if not fields:
            return
        fields["updated_at"] = time.time()
        cols = ", ".join(f"{k} = ?" for k in fields)
        with self.tx() as db:
            db.execute(f"UPDATE projects SET {cols} WHERE id = ?", (*fields.values(), project_id))

    def get_project(self, project_id: str) -> dict[str, Any]:
        row = self.query_one("SELECT * FROM projects WHERE id = ?", (project_id,))
        if not row:
            raise not_found(f"no project {project_id!r}")
        return row

    def find_project(self, ref: str | None, cwd: Path | None = None) -> dict[str, Any]:
        """A project by id, id prefix, name, slug or folder path; None means the current folder."""
        cwd = (cwd or Path.cwd()).resolve()
        if not ref:
            for folder in (cwd, *cwd.parents):
                row = self.query_one("SELECT * FROM projects WHERE path = ?", (str(folder),))
                if row:
                    return row
            raise not_found(
                f"no sitegen project in {cwd}",
                "Name a project (id, name or folder), or run the command inside a project folder.",
            )
        candidates = [
            ("SELECT * FROM projects WHERE id = ?", ref),
            ("SELECT * FROM projects WHERE path = ?", str((cwd / ref).resolve()) if ref else ""),
            ("SELECT * FROM projects WHERE name = ? ORDER BY updated_at DESC", ref),
            ("SELECT * FROM projects WHERE slug = ? ORDER BY updated_at DESC", ref),
            ("SELECT * FROM projects WHERE id LIKE ? || '%'", ref),
        ]
        for sql, arg in candidates:
            rows = self.query(sql, (arg,))
            if len(rows) >= 1 and (len(rows) == 1 or "ORDER BY" in sql):
                return rows[0]
        raise not_found(f"no project matches {ref!r}", "Run `sitegen projects` to list projects.")

    def list_projects(self, owner: str | None = None) -> list[dict[str, Any]]:
        """Every project, newest first; only ``owner``'s when given."""
        if owner is None:
            return self.query("SELECT * FROM projects ORDER BY updated_at DESC")
        return self.query("SELECT * FROM projects WHERE owner = ? ORDER BY updated_at DESC", (owner,))

    # -- jobs -------------------------------------------------------------------------------
    def create_job(
        self,
        project_id: str,
        prompt: str,
        kind: str = "new",
        options: dict | None = None,
        owner: str = "",
        status: str = ACTIVE,
    ) -> str:
        """A new job record (``status`` "queued" for a job a worker will pick up)."""
        job_id = new_id("j")
        now = time.time()
        with self.tx() as db:
            db.execute(
                "INSERT INTO jobs (id, project_id, kind, prompt, status, stage, options, pid, host, owner,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)",
                (job_id, project_id, kind, prompt, status, json.dumps(options or {}), os.getpid(),
                 socket.gethostname(), owner, now, now),
            )
            db.execute(
                "UPDATE projects SET last_job_id = ?, last_status = ?, updated_at = ? WHERE id = ?",
                (job_id, status, now, project_id),
            )
            db.execute(
                "INSERT INTO stage_events (job_id, stage, event, at) VALUES (?, 'CREATED', 'end', ?)",
                (job_id, now),
            )
        return job_id

    def claim_job(self, job_id: str) -> None:
        """Mark a job as running in this process (for resume)."""
        with self.tx() as db:
            db.execute(
                "UPDATE jobs SET status = ?, pid = ?, host = ?, error = NULL, error_kind = NULL,"
                " hint = NULL, finished_at = NULL, updated_at = ? WHERE id = ?",
                (ACTIVE, os.getpid(), socket.gethostname(), time.time(), job_id),
            )

    def update_job(self, job_id: str, **fields: Any) -> None:
        for key in JSON_FIELDS:
            if key in fields and not isinstance(fields[key], str):
                fields[key] = json.dumps(fields[key])
        fields["updated_at"] = time.time()
        cols = ", ".join(f"{k} = ?" for k in fields)
        with self.tx() as db:
            db.execute(f"UPDATE jobs SET {cols} WHERE id = ?", (*fields.values(), job_id))
            if "status" in fields:
                db.execute(
                    "UPDATE projects SET last_status = ?, updated_at = ? WHERE last_job_id = ?",
                    (fields["status"], fields["updated_at"], job_id),
                )

    def append_log(self, job_id: str, text: str) -> None:
        """Keep the last LOG_TAIL_CHARS characters of the job's log in the record, and the text as
        a "log" event (so a client streams log lines in order with stage changes)."""
        if not text:
            return
        now = time.time()
        n = LOG_TAIL_CHARS
        with self.tx() as db:
            db.execute(
                f"UPDATE jobs SET log_tail = {_TAIL}, updated_at = ? WHERE id = ?",
                (text, n, text, text, n, text, now, job_id),
            )
            db.execute(
                "INSERT INTO stage_events (job_id, stage, event, at, detail)"
                " SELECT id, stage, 'log', ?, ? FROM jobs WHERE id = ?",
                (now, json.dumps({"text": text}), job_id),
            )

    def _reap(self, row: Row) -> dict[str, Any]:
        """A 'running' job whose process (on this host) is gone is shown, and stored, as interrupted;
        or as queued again when a broker hands it back (``requeue_on_loss``: a Celery delivery)."""
        job = dict(row)
        if job["status"] == ACTIVE and job["host"] == socket.gethostname() and not pid_alive(job["pid"]):
            if job.get("requeue_on_loss"):
                return self._requeue_lost(job)
            now = time.time()
            with self.tx() as db:
                db.execute(
                    "UPDATE jobs SET status = 'interrupted', error = COALESCE(error, ?),"
                    " error_kind = 'interrupted', finished_at = ?, updated_at = ?"
                    " WHERE id = ? AND status = ? AND pid = ?",
                    (f"the process running {job['stage']} stopped", now, now, job["id"], ACTIVE, job["pid"]),
                )
                reaped = db.rowcount
                if reaped:
                    db.execute(
                        "UPDATE projects SET last_status = 'interrupted' WHERE last_job_id = ?", (job["id"],)
                    )
            if reaped:
                job.update(status="interrupted", error_kind="interrupted", finished_at=now)
                job["error"] = job["error"] or f"the process running {job['stage']} stopped"
        return self._decoded(job)

    def _requeue_lost(self, job: dict[str, Any]) -> dict[str, Any]:
        """The worker process running a broker-delivered job died: the broker delivers the message
        again (at once for a lost pool process, after the visibility timeout for a lost machine), so
        the job waits in the queue; the next delivery continues it, or fails it after too many."""
        now = time.time()
        message = f"the worker running {job['stage']} stopped; the job waits to be delivered again"
        with self.tx() as db:
            db.execute(
                "UPDATE jobs SET status = 'queued', updated_at = ? WHERE id = ? AND status = ? AND pid = ?",
                (now, job["id"], ACTIVE, job["pid"]),
            )
            if db.rowcount:
                db.execute("UPDATE projects SET last_status = 'queued' WHERE last_job_id = ?", (job["id"],))
                db.execute(
                    "INSERT INTO stage_events (job_id, stage, event, at, detail) VALUES (?, ?, 'info', ?, ?)",
                    (job["id"], job["stage"], now, json.dumps({"message": message, "requeued": True})),
                )
        job["status"] = "queued"
        return self._decoded(job)

    @staticmethod
    def _decoded(job: dict[str, Any]) -> dict[str, Any]:
        """The row with its JSON fields read."""
        for key in JSON_FIELDS:
            job[key] = json.loads(job[key] or "{}")
        return job

    def get_job(self, ref: str) -> dict[str, Any]:
        """A job by id or unique id prefix."""
        ref = (ref or "").strip()
        row = self.query_one("SELECT * FROM jobs WHERE id = ?", (ref,))
        if not row and len(ref) >= 3:
            rows = self.query("SELECT * FROM jobs WHERE id LIKE ? || '%'", (ref,))
            row = rows[0] if len(rows) == 1 else None
        if not row:
            raise not_found(f"no job {ref!r}", "Run `sitegen status` to list recent jobs.")
        return self._reap(row)

    def list_jobs(
        self, limit: int = 20, project_id: str | None = None, owner: str | None = None
    ) -> list[dict[str, Any]]:
        """The newest jobs, of one project and/or one owner when given."""
        where, args = [], []
        if project_id:
            where.append("project_id = ?")
            args.append(project_id)
        if owner is not None:
            where.append("owner = ?")
            args.append(owner)
        sql = "SELECT * FROM jobs" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY created_at DESC LIMIT ?"
        return [self._reap(r) for r in self.query(sql, (*args, limit))]

    # -- stage events -----------------------------------------------------------------------
    def add_event(
        self, job_id: str, stage: str, event: str, duration: float | None = None, detail: dict | None = None
    ) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO stage_events (job_id, stage, event, at, duration, detail) VALUES (?, ?, ?, ?, ?, ?)",
                (job_id, stage, event, time.time(), duration, json.dumps(detail or {}, default=str)),
            )

    def job_events(self, job_id: str, after_id: int = 0) -> list[dict[str, Any]]:
        """The job's events after ``after_id``, in order: id, stage, event, at, duration, detail."""
        rows = self.query(
            "SELECT id, stage, event, at, duration, detail FROM stage_events WHERE job_id = ? AND id > ?"
            " ORDER BY id",
            (job_id, after_id),
        )
        return [{**r, "detail": json.loads(r["detail"])} for r in rows]

    def events(self, job_id: str) -> list[dict[str, Any]]:
        """Every event of the job but log lines, in order."""
        rows = self.query("SELECT * FROM stage_events WHERE job_id = ? AND event <> 'log' ORDER BY id", (job_id,))
        return [{**r, "detail": json.loads(r["detail"])} for r in rows]

    def stage_durations(self, job_id: str) -> list[dict[str, Any]]:
        """One row per stage run, in order: stage, status (done/failed/running), seconds."""
        out: list[dict[str, Any]] = []
        open_: dict[str, dict[str, Any]] = {}
        for ev in self.events(job_id):
            if ev["event"] == "start":
                row = {"stage": ev["stage"], "status": "running", "seconds": None, "started_at": ev["at"]}
                open_[ev["stage"]] = row
                out.append(row)
            elif ev["event"] in ("end", "fail") and ev["stage"] in open_:
                row = open_.pop(ev["stage"])
                row["status"] = "done" if ev["event"] == "end" else "failed"
                row["seconds"] = round(ev["duration"] if ev["duration"] is not None else 0.0, 3)
        return out

    # -- llm calls --------------------------------------------------------------------------
    def add_llm_call(self, job_id: str, record: Any) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO llm_calls (job_id, agent, provider, model, tokens_in, tokens_out, latency_ms,"
                " cost_usd, ok, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (job_id, record.agent, record.provider, record.model, record.tokens_in, record.tokens_out,
                 record.latency_ms, record.cost_usd, int(record.ok), record.error, time.time()),
            )

    def llm_calls(self, job_id: str) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM llm_calls WHERE job_id = ? ORDER BY id", (job_id,))

    def model_wrote(self, project_id: str) -> bool:
        """True when any job of the project asked a model (a call recorded, answered or not)."""
        return self.query_one(
            "SELECT 1 AS one FROM llm_calls WHERE job_id IN (SELECT id FROM jobs WHERE project_id = ?) LIMIT 1",
            (project_id,),
        ) is not None

    def usage(self, job_id: str) -> dict[str, Any]:
        row = self.query_one(
            "SELECT COUNT(*) AS calls, COALESCE(SUM(tokens_in),0) AS tokens_in,"
            " COALESCE(SUM(tokens_out),0) AS tokens_out, COALESCE(SUM(cost_usd),0) AS cost_usd"
            " FROM llm_calls WHERE job_id = ?",
            (job_id,),
        ) or {}
        return {"calls": int(row["calls"]), "tokens_in": int(row["tokens_in"]),
                "tokens_out": int(row["tokens_out"]), "cost_usd": round(float(row["cost_usd"]), 6)}

    # -- outbox (Supabase mirror) -------------------------------------------------------------
    def outbox_put(self, table: str, row_id: str, payload: dict) -> None:
        """Queue the newest version of a row; older queued versions of it are dropped."""
        with self.tx() as db:
            db.execute("DELETE FROM outbox WHERE table_name = ? AND row_id = ?", (table, row_id))
            db.execute(
                "INSERT INTO outbox (table_name, row_id, payload, created_at) VALUES (?, ?, ?, ?)",
                (table, row_id, json.dumps(payload, default=str), time.time()),
            )

    def outbox_items(self, limit: int = 500) -> list[dict[str, Any]]:
        rows = self.query("SELECT * FROM outbox ORDER BY id LIMIT ?", (limit,))
        return [{**r, "payload": json.loads(r["payload"])} for r in rows]

    def outbox_done(self, ids: list[int]) -> None:
        with self.tx() as db:
            for i in ids:
                db.execute("DELETE FROM outbox WHERE id = ?", (i,))

    def outbox_failed(self, ids: list[int], error: str) -> None:
        with self.tx() as db:
            for i in ids:
                db.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error[:500], i))
