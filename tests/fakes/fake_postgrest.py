"""A real PostgreSQL cluster for tests, and a small PostgREST-style HTTP stand-in in front of it.

``PgCluster`` runs Debian's PostgreSQL in a temporary folder on a free 127.0.0.1 port (as the
``postgres`` user when we are root). ``FakePostgrest`` answers the requests supabase-py's
postgrest client sends (``/rest/v1/<table>``: upsert via POST, select via GET with ``eq``
filters), verifies the HS256 JWT, and runs each request in a transaction with ``SET LOCAL ROLE``
and ``request.jwt.claims`` set, exactly as PostgREST does: row-level security is PostgreSQL's.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from tests.fakes.local_server import JsonHandler, LocalServer

JWT_SECRET = "sitegen-test-jwt-secret-0123456789abcdef"
ROLES = ("anon", "authenticated", "service_role")
NAME = re.compile(r"^[a-z_][a-z0-9_]*$")

# What Supabase provides and the shipped schema relies on: the API roles and auth.uid().
AUTH_SHIM_SQL = """
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'anon') then
        create role anon nologin noinherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'authenticated') then
        create role authenticated nologin noinherit;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'service_role') then
        create role service_role nologin noinherit bypassrls;
    end if;
end $$;
create schema if not exists auth;
create or replace function auth.uid() returns uuid language sql stable as $fn$
    select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid
$fn$;
grant usage on schema public, auth to anon, authenticated, service_role;
grant execute on function auth.uid() to anon, authenticated, service_role;
"""


def make_jwt(role: str, sub: str | None = None, secret: str = JWT_SECRET) -> str:
    import jwt  # noqa: PLC0415

    claims: dict[str, Any] = {"role": role, "iss": "sitegen-tests", "exp": int(time.time()) + 3600}
    if sub:
        claims["sub"] = sub
    return jwt.encode(claims, secret, algorithm="HS256")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PgCluster:
    """A throwaway PostgreSQL cluster listening on 127.0.0.1 only."""

    def __init__(self) -> None:
        self.bindir = pg_bindir()
        self.base = Path(tempfile.mkdtemp(prefix="sitegen-pg-"))
        self.port = free_port()
        self.started = False

    @property
    def dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres connect_timeout=10"

    def _run(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            runuser = shutil.which("runuser")
            args = [runuser, "-u", "postgres", "--", *args] if runuser else ["su", "postgres", "-c",
                                                                             " ".join(args)]
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def start(self) -> PgCluster:
        if self.bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb)")
        data, sock = self.base / "data", self.base / "sock"
        sock.mkdir()
        self.base.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(sock, "postgres", "postgres")
        r = self._run([str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                       "-E", "UTF8", "--no-sync"])
        if r.returncode != 0:
            raise RuntimeError(f"initdb failed: {r.stderr.strip()[-500:]}")
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {sock} -c fsync=off -c full_page_writes=off"
        r = self._run([str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                       str(self.base / "server.log"), "-w", "-t", "60", "start"])
        if r.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace")[-800:] if (
                self.base / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {r.stderr.strip()[-300:]} {log}")
        self.started = True
        return self

    def stop(self) -> None:
        if self.started:
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate", "stop"])
            self.started = False
        shutil.rmtree(self.base, ignore_errors=True)

    def execute(self, sql_text: str) -> None:
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            conn.execute(sql_text)

    def query(self, sql_text: str, params: tuple = ()) -> list[tuple]:
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.dsn, autocommit=True) as conn:
            return list(conn.execute(sql_text, params).fetchall())


class FakePostgrest(LocalServer):
    """PostgREST's /rest/v1 surface, just enough for supabase-py upserts and selects."""

    def __init__(self, dsn: str, secret: str = JWT_SECRET, mode: str = "ok") -> None:
        self.dsn = dsn
        self.secret = secret
        self.mode = mode  # "ok", or "unavailable" (every request answers 503)
        self.requests: list[dict[str, Any]] = []
        super().__init__()

    # -- one request ---------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        import jwt  # noqa: PLC0415
        import psycopg  # noqa: PLC0415
        from psycopg import sql  # noqa: PLC0415

        if self.mode == "unavailable":
            return 503, {"code": "PGRST000", "message": "Database client error. Retrying the connection."}
        m = re.fullmatch(r"/rest/v1/([^/]+)", path)
        if not m or not NAME.match(m.group(1)):
            return 404, {"code": "PGRST125", "message": f"Invalid path {path}"}
        table = m.group(1)
        token = (headers.get("authorization") or "").removeprefix("Bearer ").strip() or headers.get("apikey", "")
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"], options={"verify_aud": False})
        except jwt.PyJWTError as exc:
            return 401, {"code": "PGRST301", "message": f"JWT invalid: {exc}"}
        role = claims.get("role", "anon")
        if role not in ROLES:
            return 401, {"code": "PGRST301", "message": f"role {role!r} does not exist"}
        params = parse_qsl(query, keep_blank_values=True)
        try:
            with psycopg.connect(self.dsn) as conn, conn.transaction():
                columns = {r[0] for r in conn.execute(
                    "select column_name from information_schema.columns"
                    " where table_schema = 'public' and table_name = %s", (table,))}
                if not columns:
                    return 404, {"code": "PGRST205", "message": f"Could not find the table 'public.{table}'"}
                conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
                conn.execute(sql.SQL("set local role {}").format(sql.Identifier(role)))
                ident = sql.Identifier("public", table)
                if method == "GET":
                    return 200, self._select(conn, ident, columns, params)
                if method == "POST":
                    return self._insert(conn, ident, table, columns, params, headers, body)
                return 405, {"code": "PGRST105", "message": f"{method} is not supported by the stand-in"}
        except psycopg.Error as exc:
            state = getattr(exc, "sqlstate", None) or "XX000"
            status = 403 if state == "42501" else 409 if state == "23505" else 400
            diag = getattr(exc, "diag", None)
            return status, {"code": state, "message": (diag.message_primary if diag else None) or str(exc),
                            "details": diag.message_detail if diag else None, "hint": None}
        except ValueError as exc:
            return 400, {"code": "PGRST100", "message": str(exc), "details": None, "hint": None}

    def _select(self, conn: Any, ident: Any, columns: set[str], params: list[tuple[str, str]]) -> list[dict]:
        from psycopg import sql  # noqa: PLC0415

        select = "*"
        where: list[Any] = []
        args: list[Any] = []
        order = None
        limit = None
        for key, value in params:
            if key == "select":
                select = value
            elif key == "order":
                col, _, direction = value.partition(".")
                order = sql.SQL("{} {}").format(sql.Identifier(self._col(col, columns)),
                                                sql.SQL("desc" if direction.startswith("desc") else "asc"))
            elif key == "limit":
                limit = int(value)
            else:
                op, _, operand = value.partition(".")
                if op != "eq":
                    raise ValueError(f"operator {op!r} is not supported by the stand-in")
                where.append(sql.SQL("{}::text = %s").format(sql.Identifier(self._col(key, columns))))
                args.append(operand)
        cols = sql.SQL("*") if select in ("*", "") else sql.SQL(", ").join(
            sql.Identifier(self._col(c.strip(), columns)) for c in select.split(","))
        query = sql.SQL("select coalesce(json_agg(t), '[]'::json) from (select {} from {}").format(cols, ident)
        if where:
            query += sql.SQL(" where ") + sql.SQL(" and ").join(where)
        if order is not None:
            query += sql.SQL(" order by ") + order
        if limit is not None:
            query += sql.SQL(" limit {}").format(sql.Literal(limit))
        query += sql.SQL(") t")
        return conn.execute(query, args).fetchone()[0]

    def _insert(self, conn: Any, ident: Any, table: str, columns: set[str], params: list[tuple[str, str]],
                headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        from psycopg import sql  # noqa: PLC0415

        data = json.loads(body or b"[]")
        rows = data if isinstance(data, list) else [data]
        qp = dict(params)
        names = [c for c in (qp.get("columns") or "").split(",") if c] or sorted({k for r in rows for k in r})
        names = [self._col(c.strip('"'), columns) for c in names]
        prefer = headers.get("prefer", "")
        conflict = [self._col(c, columns) for c in (qp.get("on_conflict") or "id").split(",")]
        col_list = sql.SQL(", ").join(sql.Identifier(c) for c in names)
        query = sql.SQL("insert into {} ({}) select {} from json_populate_recordset(null::{}, %s::json)").format(
            ident, col_list, col_list, sql.Identifier("public", table))
        if "resolution=merge-duplicates" in prefer:
            updates = [c for c in names if c not in conflict]
            query += sql.SQL(" on conflict ({}) do update set {}").format(
                sql.SQL(", ").join(sql.Identifier(c) for c in conflict),
                sql.SQL(", ").join(sql.SQL("{} = excluded.{}").format(sql.Identifier(c), sql.Identifier(c))
                                   for c in updates))
        elif "resolution=ignore-duplicates" in prefer:
            query += sql.SQL(" on conflict do nothing")
        query = sql.SQL("with ins as ({} returning *) select coalesce(json_agg(ins), '[]'::json) from ins").format(
            query)
        result = conn.execute(query, (json.dumps(rows),)).fetchone()[0]
        if "return=representation" in prefer:
            return 201, result
        return 201, None

    @staticmethod
    def _col(name: str, columns: set[str]) -> str:
        if name not in columns:
            raise ValueError(f"column {name!r} does not exist")
        return name

    # -- plumbing ---------------------------------------------------------------------------------
    def make_handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(JsonHandler):
            protocol_version = "HTTP/1.1"
            json_content_type = "application/json; charset=utf-8"

            def _serve(self) -> None:
                body = self.read_body()
                request = self.request_record()
                fake.requests.append(request)
                status, payload = fake.handle(self.command, request["path"], request["query"], request["headers"],
                                              body)
                self.send_json(status, payload)

            do_GET = do_POST = do_PATCH = do_DELETE = _serve

        return Handler
