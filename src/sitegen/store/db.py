"""The two database backends behind one small interface: SQLite (default) and PostgreSQL.

Store code is written once, in SQLite's SQL with ``?`` placeholders. ``Tx.execute`` translates
for PostgreSQL (``?`` → ``%s``); ``ddl`` translates migrations (AUTOINCREMENT keys → BIGSERIAL,
REAL → DOUBLE PRECISION). A write is one short transaction: ``BEGIN IMMEDIATE`` on SQLite, a
pooled connection's transaction on PostgreSQL (``FOR UPDATE`` row locks where it matters).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from sitegen.errors import ErrorKind, SitegenError

Row = dict[str, Any]
MIGRATION_LOCK_KEY = 7_214_001  # pg_advisory_xact_lock key: one migrating process at a time


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0] in ("postgresql", "postgres")


def ddl(sql: str, postgres: bool) -> str:
    """A migration statement in the backend's dialect."""
    if not postgres:
        return sql
    sql = sql.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)


class Tx:
    """One open transaction: ``execute`` returns the rows (as dicts) and sets ``rowcount``."""

    def __init__(self, conn: Any, postgres: bool):
        self.conn = conn
        self.postgres = postgres
        self.rowcount = 0

    @property
    def for_update(self) -> str:
        """The row-lock suffix for a SELECT (SQLite's BEGIN IMMEDIATE already locks the database)."""
        return " FOR UPDATE" if self.postgres else ""

    def execute(self, sql: str, args: tuple | list = ()) -> list[Row]:
        if self.postgres and args:
            sql = sql.replace("%", "%%").replace("?", "%s")
        cur = self.conn.execute(sql, tuple(args) if args else None) if self.postgres else self.conn.execute(sql, args)
        self.rowcount = cur.rowcount
        if cur.description is None:
            return []
        return [dict(r) for r in cur.fetchall()]

    def one(self, sql: str, args: tuple | list = ()) -> Row | None:
        rows = self.execute(sql, args)
        return rows[0] if rows else None


class Database(Protocol):
    postgres: bool

    def tx(self) -> Iterator[Tx]: ...
    def read(self) -> Iterator[Tx]: ...
    def migration_lock(self, tx: Tx) -> None: ...
    def close(self) -> None: ...


class SqliteDatabase:
    """One WAL connection per Store, shared by its threads under a lock."""

    postgres = False

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout = 30000")
        while_locked(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def tx(self) -> Iterator[Tx]:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(self.conn, False)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self._lock:
            yield Tx(self.conn, False)

    def migration_lock(self, tx: Tx) -> None:
        """BEGIN IMMEDIATE already excludes other writers."""

    def close(self) -> None:
        self.conn.close()


class PostgresDatabase:
    """A psycopg 3 connection pool; every write in its own transaction."""

    postgres = True

    def __init__(self, url: str, max_size: int = 8):
        try:
            from psycopg.rows import dict_row  # noqa: PLC0415 — only the server extra installs psycopg
            from psycopg_pool import ConnectionPool  # noqa: PLC0415
        except ImportError as exc:
            raise SitegenError(
                "SITEGEN_DATABASE_URL is a PostgreSQL URL but psycopg is not installed",
                ErrorKind.CONFIG,
                "Install the server extra: pip install 'sitegen[server]'.",
            ) from exc
        self.pool = ConnectionPool(
            url, min_size=1, max_size=max_size, open=False, timeout=30,
            kwargs={"row_factory": dict_row, "autocommit": True},
        )
        self.pool.open(wait=True, timeout=10)  # an unreachable database is an error within seconds

    @contextmanager
    def tx(self) -> Iterator[Tx]:
        with self.pool.connection() as conn, conn.transaction():
            yield Tx(conn, True)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self.pool.connection() as conn:
            yield Tx(conn, True)

    def migration_lock(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK_KEY,))

    def close(self) -> None:
        self.pool.close()


def connect(target: str | Path) -> Database:
    """The backend for a SQLite file path or a ``postgresql://`` URL."""
    if is_postgres_url(target):
        return PostgresDatabase(str(target))
    return SqliteDatabase(Path(target))


def while_locked(step: Any, patience: float = 30.0) -> Any:
    """Run a SQLite setup step, retrying while another process holds the lock (switching a
    brand-new database to WAL can report 'locked' at once instead of waiting)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
