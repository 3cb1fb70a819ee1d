"""A fake Vercel REST API on 127.0.0.1, enough for the real Vercel CLI to deploy end to end.

Modes: ``ok`` (the deployment becomes READY), ``error`` (it ends in ERROR with a message) and
``hang`` (no request is ever answered). Every request is recorded, headers included, so tests can
check what the CLI sent; requests the fake does not know are answered 404 and kept in ``unknown``.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

ERROR_MESSAGE = 'Command "npm run build" exited with 1'


class FakeVercel:
    """The fake API server; use as a context manager or call start()/stop()."""

    def __init__(self, mode: str = "ok", token: str = "vcTestToken0123456789abcdef") -> None:
        self.mode = mode
        self.token = token
        self.requests: list[dict[str, Any]] = []
        self.unknown: list[str] = []
        self.files: dict[str, bytes] = {}
        self.projects: dict[str, dict[str, Any]] = {}
        self.deployments: dict[str, dict[str, Any]] = {}
        self.polls = 0
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.handle_error = lambda *a: None  # a client hanging up is not news
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeVercel:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeVercel:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- routes ------------------------------------------------------------------------------
    def route(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
        """Answer one request: (status, JSON body)."""
        if headers.get("authorization") != f"Bearer {self.token}":
            return 403, {"error": {"code": "forbidden", "message": "The token is not valid"}}
        if method == "GET" and path in ("/v2/user", "/www/user"):
            return 200, {
                "user": {
                    "id": "user_fake1",
                    "uid": "user_fake1",
                    "username": "tester",
                    "email": "tester@example.test",
                    "name": "Tester",
                    "defaultTeamId": None,
                }
            }
        if method == "GET" and re.fullmatch(r"/v[12]/teams", path):
            return 200, {"teams": [], "pagination": {"count": 0, "next": None, "prev": None}}
        if m := re.fullmatch(r"/v9/projects/([^/]+)", path):
            ref = m.group(1)
            project = self.projects.get(ref) or next((p for p in self.projects.values() if p["name"] == ref), None)
            if method == "GET":
                if project is None:
                    return 404, {"error": {"code": "not_found", "message": "Project not found"}}
                return 200, project
            if method == "PATCH" and project is not None:
                project.update(body or {})
                return 200, project
        if method == "POST" and re.fullmatch(r"/v[0-9]+/projects", path):
            pid = f"prj_{secrets.token_hex(6)}"
            project = {
                "id": pid,
                "name": (body or {}).get("name", "site"),
                "accountId": "user_fake1",
                "framework": (body or {}).get("framework"),
                "rootDirectory": None,
                "link": None,
                "latestDeployments": [],
                "targets": {},
                "createdAt": int(time.time() * 1000),
            }
            self.projects[pid] = project
            return 200, project
        if method == "GET" and path.startswith("/v9/projects"):
            return 200, {"projects": list(self.projects.values()), "pagination": {"count": 0, "next": None}}
        if method == "POST" and path == "/v2/files":
            digest = headers.get("x-vercel-digest") or headers.get("x-now-digest", "")
            self.files[digest] = body if isinstance(body, bytes) else b""
            return 200, {}
        if method == "POST" and re.fullmatch(r"/v1[0-9]/deployments", path):
            return self._create_deployment(body or {})
        if m := re.fullmatch(r"/v1[0-9]/deployments/([^/]+)", path):
            dep = self.deployments.get(m.group(1)) or next(
                (d for d in self.deployments.values() if d["url"] == m.group(1)), None
            )
            if dep is None:
                return 404, {"error": {"code": "not_found", "message": "Deployment not found"}}
            self.polls += 1
            return 200, self._advance(dep)
        if re.fullmatch(r"/v[0-9]+/now/deployments/[^/]+/events", path):
            return 200, None  # an empty event stream
        if m := re.fullmatch(r"/v[0-9]+/deployments/([^/]+)/(events|builds|checks|aliases)", path):
            key = m.group(2)
            return 200, [] if key == "events" else {key: [], "runs": []}
        if method == "GET" and path.startswith(("/v2/env", "/v1/env")):
            return 200, {"envs": []}
        return 404, {"error": {"code": "not_found", "message": f"fake: no route {method} {path}"}}

    def _create_deployment(self, body: dict[str, Any]) -> tuple[int, Any]:
        missing = [f["sha"] for f in body.get("files", []) if f.get("sha") and f["sha"] not in self.files]
        if missing:
            return 400, {"error": {"code": "missing_files", "message": "Missing files", "missing": missing}}
        dep_id = f"dpl_{secrets.token_hex(8)}"
        name = body.get("name") or "site"
        dep = {
            "id": dep_id,
            "url": f"{name}-{dep_id[4:12]}-tester.vercel.app",
            "name": name,
            "readyState": "QUEUED",
            "status": "QUEUED",
            "target": body.get("target"),
            "projectId": body.get("project") or next(iter(self.projects), None),
            "ownerId": "user_fake1",
            "inspectorUrl": f"https://vercel.com/tester/{name}/{dep_id}",
            "createdAt": int(time.time() * 1000),
            "alias": [],
            "aliasAssigned": False,
            "build": {"env": []},
            "version": 2,
            "type": "LAMBDAS",
            "creator": {"uid": "user_fake1", "username": "tester"},
            "files_count": len(body.get("files", [])),
            "_polls": 0,
        }
        self.deployments[dep_id] = dep
        return 200, self._public(dep)

    def _advance(self, dep: dict[str, Any]) -> dict[str, Any]:
        dep["_polls"] += 1
        if dep["_polls"] >= 2:
            if self.mode == "error":
                dep.update(
                    readyState="ERROR",
                    status="ERROR",
                    errorCode="BUILD_FAILED",
                    errorMessage=ERROR_MESSAGE,
                )
            else:
                alias = [f"{dep['name']}.vercel.app"] if dep.get("target") == "production" else []
                dep.update(
                    readyState="READY",
                    status="READY",
                    aliasAssigned=True,
                    alias=alias,
                    ready=int(time.time() * 1000),
                )
        else:
            dep.update(readyState="BUILDING", status="BUILDING")
        return self._public(dep)

    @staticmethod
    def _public(dep: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in dep.items() if not k.startswith("_")}

    # -- plumbing ----------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _body(self) -> bytes:
                if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
                    out = b""
                    while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                        out += self.rfile.read(size)
                        self.rfile.readline()
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                length = int(self.headers.get("content-length") or 0)
                return self.rfile.read(length) if length else b""

            def _serve(self) -> None:
                raw = self._body()
                parts = urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                body: Any = raw
                if "json" in headers.get("content-type", ""):
                    try:
                        body = json.loads(raw or b"null")
                    except ValueError:
                        body = None
                fake.requests.append(
                    {"method": self.command, "path": parts.path, "query": parts.query, "headers": headers}
                )
                if fake.mode == "hang":
                    fake._stop.wait(3600)
                    return
                status, payload = fake.route(self.command, parts.path, body, headers)
                if status == 404 and "fake: no route" in json.dumps(payload):
                    fake.unknown.append(f"{self.command} {self.path}")
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        return Handler
