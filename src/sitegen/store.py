"""SQLite store (WAL) under SITEGEN_HOME: projects, jobs, stage events, LLM calls, sync outbox.

Schema changes are named migrations applied once, in order. Every write is a short
``BEGIN IMMEDIATE`` transaction, so several sitegen processes can write at the same time.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitegen.errors import ErrorKind, SitegenError, not_found
from sitegen.procs import pid_alive

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            slug TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            prompt TEXT NOT NULL,
            provider TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            last_job_id TEXT,
            last_status TEXT
        );
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id),
            kind TEXT NOT NULL DEFAULT 'new',
            prompt TEXT NOT NULL,
            status TEXT NOT NULL,
            stage TEXT NOT NULL,
            last_done_stage TEXT,
            error TEXT,
            error_kind TEXT,
            hint TEXT,
            log_tail TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL DEFAULT '{}',
            result TEXT NOT NULL DEFAULT '{}',
            pid INTEGER,
            host TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE INDEX jobs_project ON jobs(project_id, created_at);
        CREATE TABLE stage_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id),
            stage TEXT NOT NULL,
            event TEXT NOT NULL,
            at REAL NOT NULL,
            duration REAL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX stage_events_job ON stage_events(job_id, id);
        CREATE TABLE llm_calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id),
            agent TEXT NOT NULL,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            latency_ms INTEGER NOT NULL DEFAULT 0,
            cost_usd REAL NOT NULL DEFAULT 0,
            ok INTEGER NOT NULL DEFAULT 1,
            error TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL
        );
        CREATE INDEX llm_calls_job ON llm_calls(job_id);
        """,
    ),
    (
        "0002_deploy_columns",
        """
        ALTER TABLE projects ADD COLUMN deploy_url TEXT;
        ALTER TABLE projects ADD COLUMN deploy_target TEXT;
        ALTER TABLE projects ADD COLUMN deployment_id TEXT;
        ALTER TABLE projects ADD COLUMN deployed_at REAL;
        """,
    ),
    (
        "0003_sync_outbox",
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_row ON outbox(table_name, row_id);
        """,
    ),
]

LOG_TAIL_CHARS = 8000
ACTIVE = "running"


def new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


class Store:
    """Thin, typed access to the SQLite database."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            self._while_locked(lambda: self.db.execute("PRAGMA journal_mode = WAL"))
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._while_locked(self.migrate)
        except sqlite3.DatabaseError as exc:
            raise SitegenError(
                f"cannot open the sitegen database {path}: {exc}",
                ErrorKind.CONFIG,
                "Check SITEGEN_HOME; move the broken database aside to start afresh.",
            ) from exc

    # -- plumbing ---------------------------------------------------------------------------
    @staticmethod
    def _while_locked(step: Any, patience: float = 30.0) -> Any:
        """Run a setup step, retrying while another process holds the lock (switching a brand-new
        database to WAL can report 'locked' at once instead of waiting)."""
        deadline = time.monotonic() + patience
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            else:
                self.db.execute("COMMIT")

    def migrate(self) -> list[str]:
        """Apply the named migrations not yet applied; return their names."""
        applied: list[str] = []
        with self.tx() as db:
            db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at REAL)")
            done = {r[0] for r in db.execute("SELECT name FROM migrations")}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    db.execute(statement)
                db.execute("INSERT INTO migrations VALUES (?, ?)", (name, time.time()))
                applied.append(name)
        return applied

    def close(self) -> None:
        self.db.close()

    # -- projects ---------------------------------------------------------------------------
    def create_project(self, name: str, slug: str, path: Path, prompt: str, provider: str) -> dict[str, Any]:
        now = time.time()
        pid = new_id("p")
        with self.tx() as db:
            db.execute("DELETE FROM projects WHERE path = ? AND last_job_id IS NULL", (str(path),))
            existing = db.execute("SELECT id FROM projects WHERE path = ?", (str(path),)).fetchone()
            if existing:  # a re-generation into the same folder (--force) reuses the project
                pid = existing["id"]
                db.execute(
                    "UPDATE projects SET name=?, slug=?, prompt=?, provider=?, updated_at=? WHERE id=?",
                    (name, slug, prompt, provider, now, pid),
                )
            else:
                db.execute(
                    "INSERT INTO projects (id, name, slug, path, prompt, provider, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (pid, name, slug, str(path), prompt, provider, now, now),
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
        row = self.db.execute("SELECT * FROM projects WHERE id = ?", (project_id,)).fetchone()
        if not row:
            raise not_found(f"no project {project_id!r}")
        return dict(row)

    def find_project(self, ref: str | None, cwd: Path | None = None) -> dict[str, Any]:
        """A project by id, id prefix, name, slug or folder path; None means the current folder."""
        cwd = (cwd or Path.cwd()).resolve()
        if not ref:
            for folder in (cwd, *cwd.parents):
                row = self.db.execute("SELECT * FROM projects WHERE path = ?", (str(folder),)).fetchone()
                if row:
                    return dict(row)
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
            rows = self.db.execute(sql, (arg,)).fetchall()
            if len(rows) >= 1 and (len(rows) == 1 or "ORDER BY" in sql):
                return dict(rows[0])
        raise not_found(f"no project matches {ref!r}", "Run `sitegen projects` to list projects.")

    def list_projects(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM projects ORDER BY updated_at DESC")]

    # -- jobs -------------------------------------------------------------------------------
    def create_job(self, project_id: str, prompt: str, kind: str = "new", options: dict | None = None) -> str:
        job_id = new_id("j")
        now = time.time()
        with self.tx() as db:
            db.execute(
                "INSERT INTO jobs (id, project_id, kind, prompt, status, stage, options, pid, host,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?)",
                (
                    job_id,
                    project_id,
                    kind,
                    prompt,
                    ACTIVE,
                    json.dumps(options or {}),
                    os.getpid(),
                    socket.gethostname(),
                    now,
                    now,
                ),
            )
            db.execute(
                "UPDATE projects SET last_job_id = ?, last_status = ?, updated_at = ? WHERE id = ?",
                (job_id, ACTIVE, now, project_id),
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
        for key in ("options", "result"):
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
        """Keep the last LOG_TAIL_CHARS characters of the job's log in the record."""
        if not text:
            return
        with self.tx() as db:
            db.execute(
                "UPDATE jobs SET log_tail = substr(log_tail || ?, -?), updated_at = ? WHERE id = ?",
                (text, LOG_TAIL_CHARS, time.time(), job_id),
            )

    def _reap(self, row: sqlite3.Row) -> dict[str, Any]:
        """A 'running' job whose process is gone is shown, and stored, as interrupted."""
        job = dict(row)
        if job["status"] == ACTIVE and job["host"] == socket.gethostname() and not pid_alive(job["pid"]):
            now = time.time()
            with self.tx() as db:
                db.execute(
                    "UPDATE jobs SET status = 'interrupted', error = COALESCE(error, ?),"
                    " error_kind = 'interrupted', finished_at = ?, updated_at = ?"
                    " WHERE id = ? AND status = ?",
                    (f"the process running {job['stage']} stopped", now, now, job["id"], ACTIVE),
                )
                db.execute(
                    "UPDATE projects SET last_status = 'interrupted' WHERE last_job_id = ?", (job["id"],)
                )
            job.update(status="interrupted", error_kind="interrupted", finished_at=now)
            job["error"] = job["error"] or f"the process running {job['stage']} stopped"
        for key in ("options", "result"):
            job[key] = json.loads(job[key] or "{}")
        return job

    def get_job(self, ref: str) -> dict[str, Any]:
        """A job by id or unique id prefix."""
        ref = (ref or "").strip()
        row = self.db.execute("SELECT * FROM jobs WHERE id = ?", (ref,)).fetchone()
        if not row and len(ref) >= 3:
            rows = self.db.execute("SELECT * FROM jobs WHERE id LIKE ? || '%'", (ref,)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if not row:
            raise not_found(f"no job {ref!r}", "Run `sitegen status` to list recent jobs.")
        return self._reap(row)

    def list_jobs(self, limit: int = 20, project_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM jobs"
        args: tuple = ()
        if project_id:
            sql += " WHERE project_id = ?"
            args = (project_id,)
        sql += " ORDER BY created_at DESC LIMIT ?"
        return [self._reap(r) for r in self.db.execute(sql, (*args, limit))]

    # -- stage events -----------------------------------------------------------------------
    def add_event(
        self, job_id: str, stage: str, event: str, duration: float | None = None, detail: dict | None = None
    ) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO stage_events (job_id, stage, event, at, duration, detail) VALUES (?, ?, ?, ?, ?, ?)",
                (job_id, stage, event, time.time(), duration, json.dumps(detail or {}, default=str)),
            )

    def events(self, job_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM stage_events WHERE job_id = ? ORDER BY id", (job_id,))
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]

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
                (
                    job_id,
                    record.agent,
                    record.provider,
                    record.model,
                    record.tokens_in,
                    record.tokens_out,
                    record.latency_ms,
                    record.cost_usd,
                    int(record.ok),
                    record.error,
                    time.time(),
                ),
            )

    def llm_calls(self, job_id: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM llm_calls WHERE job_id = ? ORDER BY id", (job_id,))]

    def usage(self, job_id: str) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT COUNT(*) AS calls, COALESCE(SUM(tokens_in),0) AS tokens_in,"
            " COALESCE(SUM(tokens_out),0) AS tokens_out, COALESCE(SUM(cost_usd),0) AS cost_usd"
            " FROM llm_calls WHERE job_id = ?",
            (job_id,),
        ).fetchone()
        return {**dict(row), "cost_usd": round(row["cost_usd"], 6)}

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
        rows = self.db.execute("SELECT * FROM outbox ORDER BY id LIMIT ?", (limit,))
        return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]

    def outbox_done(self, ids: list[int]) -> None:
        with self.tx() as db:
            db.executemany("DELETE FROM outbox WHERE id = ?", [(i,) for i in ids])

    def outbox_failed(self, ids: list[int], error: str) -> None:
        with self.tx() as db:
            db.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                [(error[:500], i) for i in ids],
            )
