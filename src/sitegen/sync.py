"""Optional Supabase mirror of project and job records, with a local outbox when offline.

The pipeline calls ``Syncer.record_changed(table, row)``: the row goes into the store's outbox
(which keeps only the newest version of each row) and a background thread upserts it to
Supabase (supabase-py, keyed on the primary key, so nothing is ever duplicated). When Supabase
is unreachable rows wait in the outbox; ``sitegen sync`` or the next run sends them. A Syncer
never raises into the pipeline and never logs the key.
"""

from __future__ import annotations

import atexit
import base64
import json
import logging
import threading
import time
import uuid
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from sitegen.config import Settings
from sitegen.secrets import scrub
from sitegen.store import Store, open_store

log = logging.getLogger("sitegen.sync")

TABLES: dict[str, tuple[str, ...]] = {
    "projects": (
        "id", "name", "slug", "path", "prompt", "provider", "last_job_id", "last_status", "deploy_url",
        "deploy_target", "deployment_id", "deployed_at", "created_at",
    ),
    "jobs": (
        "id", "project_id", "kind", "prompt", "status", "stage", "last_done_stage", "error", "error_kind",
        "hint", "result", "created_at", "finished_at",
    ),
}
TIME_COLUMNS = {"deployed_at", "created_at", "finished_at"}
BATCH = 200
REQUEST_TIMEOUT = 15.0
EXIT_WAIT = 5.0


def schema_sql() -> str:
    """The SQL that creates the Supabase tables, triggers and row-level-security policies."""
    return (resources.files("sitegen") / "supabase" / "schema.sql").read_text(encoding="utf-8")


def per_user(settings: Settings) -> bool:
    """The per-user mode: the anon key and the user's own session JWT, so row-level security
    decides what this machine may read and write (the service-role key bypasses it)."""
    return bool(settings.supabase_access_token)


def configured(settings: Settings) -> bool:
    if not settings.supabase_url:
        return False
    if per_user(settings):
        return bool(settings.supabase_anon_key)
    return bool(settings.supabase_key)


def jwt_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT, read without checking its signature (Supabase checks it on every
    request; we only need the user id to tag rows and the expiry to say so early)."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def owner_of(settings: Settings) -> str:
    """Who owns the rows: the session's user (per-user mode) or SITEGEN_SUPABASE_USER_ID."""
    if per_user(settings):
        return str(jwt_claims(settings.supabase_access_token).get("sub") or "")
    return settings.supabase_user_id


def iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return datetime.fromtimestamp(float(value), UTC).isoformat()


def to_payload(table: str, row: dict[str, Any], owner: str) -> dict[str, Any]:
    """The Supabase row for a store row: known columns only, times as ISO 8601, owner tagged."""
    payload: dict[str, Any] = {}
    for col in TABLES[table]:
        value = row.get(col)
        if col in TIME_COLUMNS:
            value = iso(value)
        elif col == "result" and isinstance(value, str):
            value = json.loads(value or "{}")
        payload[col] = value
    if table == "jobs" and payload.get("result") is None:
        payload["result"] = {}
    payload["owner"] = owner
    return payload


class Syncer:
    """Queues changed rows in the outbox and flushes them to Supabase from a background thread."""

    def __init__(self, settings: Settings, store: Store, client: Any = None):
        self.settings = settings
        self.store = store  # the caller's connection, used by record_changed
        self._client = client
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self._flush_lock = threading.Lock()
        self.last_error = ""

    # -- called by the pipeline -----------------------------------------------------------------
    def record_changed(self, table: str, row: dict[str, Any]) -> None:
        """Queue the newest version of a row and wake the sender. Never raises."""
        try:
            if table not in TABLES or not row.get("id"):
                return
            self.store.outbox_put(table, str(row["id"]), to_payload(table, row, owner_of(self.settings)))
            self.start()
            self._idle.clear()
            self._wake.set()
        except Exception as exc:  # noqa: BLE001 — the mirror must never break a job
            log.debug("sync: could not queue a %s row: %s", table, self._scrub(str(exc)))

    def job_changed(self, job_id: str, stage: str = "") -> None:
        """Queue a job and its project (the pipeline's on_change listener)."""
        try:
            job = self.store.get_job(job_id)
            self.record_changed("projects", self.store.get_project(job["project_id"]))
            self.record_changed("jobs", job)
        except Exception as exc:  # noqa: BLE001
            log.debug("sync: could not read job %s: %s", job_id, self._scrub(str(exc)))

    # -- background sender ------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="sitegen-sync", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        store = open_store(self.settings)  # its own connection
        delay = 1.0
        try:
            while not self._stop.is_set():
                self._wake.wait(timeout=delay if self.last_error else 60)
                self._wake.clear()
                report = self.flush(store)
                delay = min(delay * 2, 60.0) if report["error"] else 1.0
                if report["error"] or not report["waiting"]:
                    self._idle.set()
        finally:
            store.close()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the queue was drained (or a send failed); True when it was drained."""
        self._idle.wait(timeout)
        return self._idle.is_set() and not self.last_error

    def close(self, timeout: float = EXIT_WAIT) -> None:
        """Give the sender a bounded moment to finish, then stop it; unsent rows stay queued."""
        if self._thread and self._thread.is_alive():
            self._idle.wait(timeout)
            self._stop.set()
            self._wake.set()
            self._thread.join(timeout=1.0)

    # -- sending ----------------------------------------------------------------------------------
    def client(self) -> Any:
        if self._client is None:
            import httpx  # noqa: PLC0415
            from supabase import ClientOptions, create_client  # noqa: PLC0415

            options = ClientOptions(
                httpx_client=httpx.Client(timeout=REQUEST_TIMEOUT, http2=False),
                auto_refresh_token=False,
                persist_session=False,
            )
            key = self.settings.supabase_anon_key if per_user(self.settings) else self.settings.supabase_key
            self._client = create_client(self.settings.supabase_url, key, options)
            if per_user(self.settings):  # requests carry the user's JWT: RLS applies
                self._client.postgrest.auth(self.settings.supabase_access_token)
        return self._client

    def flush(self, store: Store | None = None) -> dict[str, Any]:
        """Send everything queued, projects before jobs; stop at the first failure."""
        store = store or self.store
        sent = 0
        error = ""
        with self._flush_lock:
            try:
                owner_problem = self._owner_problem()
                if owner_problem:
                    raise ValueError(owner_problem)
                while True:
                    items = store.outbox_items(limit=BATCH)
                    if not items:
                        break
                    for table in TABLES:
                        batch = [i for i in items if i["table_name"] == table]
                        if not batch:
                            continue
                        try:
                            self._upsert(table, [i["payload"] for i in batch])
                        except Exception as exc:
                            store.outbox_failed([i["id"] for i in batch], self._scrub(describe(exc)))
                            raise
                        store.outbox_done([i["id"] for i in batch])
                        sent += len(batch)
            except Exception as exc:  # noqa: BLE001 — reported, rows stay queued
                error = self._scrub(describe(exc))
                log.debug("sync: %s", error)
            waiting = len(store.outbox_items(limit=100_000))
        self.last_error = error
        return {"configured": True, "sent": sent, "waiting": waiting, "error": error}

    def _upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        owner = owner_of(self.settings)
        for row in rows:  # rows queued before the owner was set get it now
            row["owner"] = row.get("owner") or owner
        from postgrest.types import ReturnMethod  # noqa: PLC0415

        self.client().table(table).upsert(rows, on_conflict="id", returning=ReturnMethod.minimal).execute()

    def _owner_problem(self) -> str:
        if per_user(self.settings):
            return session_problem(self.settings)
        owner = self.settings.supabase_user_id
        if not owner:
            return "SITEGEN_SUPABASE_USER_ID is not set (the Supabase Auth user id that owns the rows)"
        try:
            uuid.UUID(owner)
        except ValueError:
            return f"SITEGEN_SUPABASE_USER_ID {owner!r} is not a UUID"
        return ""

    def _scrub(self, text: str) -> str:
        return scrub(text, self.settings.secrets())


def session_problem(settings: Settings) -> str:
    """Why the per-user session cannot be used ('' when it can)."""
    claims = jwt_claims(settings.supabase_access_token)
    if not claims.get("sub"):
        return "SUPABASE_ACCESS_TOKEN is not a Supabase session JWT (no user id in it)"
    exp = claims.get("exp")
    if isinstance(exp, int | float) and exp < time.time():
        return "the Supabase session in SUPABASE_ACCESS_TOKEN has expired; sign in again and export the new token"
    declared = settings.supabase_user_id
    if declared and declared != claims["sub"]:
        return "SITEGEN_SUPABASE_USER_ID does not match the user of SUPABASE_ACCESS_TOKEN"
    return ""


def describe(exc: BaseException) -> str:
    """One line about a failed request, without headers (which carry the key)."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    code = getattr(exc, "code", None)
    text = f"{type(exc).__name__}: {message}" + (f" ({code})" if code else "")
    return " ".join(text.split())[:300]


def attach(pipeline: Any, settings: Settings, store: Store) -> Syncer | None:
    """Mirror every stage change of the pipeline's jobs; flush leftovers from earlier runs."""
    if not configured(settings):
        return None
    syncer = Syncer(settings, store)
    pipeline.on_change(syncer.job_changed)
    if store.outbox_items(limit=1):
        syncer.start()
        syncer._idle.clear()
        syncer._wake.set()
    atexit.register(syncer.close)
    return syncer


def sync_now(settings: Settings, store: Store, everything: bool = False) -> dict[str, Any]:
    """Flush the outbox now (``everything`` queues every local record first); a report dict."""
    if not configured(settings):
        waiting = len(store.outbox_items(limit=100_000))
        return {"configured": False, "sent": 0, "waiting": waiting, "error": ""}
    syncer = Syncer(settings, store)
    if everything:
        for project in store.list_projects():
            store.outbox_put("projects", project["id"], to_payload("projects", project, owner_of(settings)))
        for job in store.list_jobs(limit=1_000_000):
            store.outbox_put("jobs", job["id"], to_payload("jobs", job, owner_of(settings)))
    started = time.monotonic()
    report = syncer.flush()
    report["seconds"] = round(time.monotonic() - started, 3)
    return report
