"""A fake Vercel REST API on 127.0.0.1, enough for the real Vercel CLI to deploy end to end.

Modes: ``ok`` (the deployment becomes READY), ``error`` (it ends in ERROR with a message) and
``hang`` (no request is ever answered). Every request is recorded, headers included, so tests can
check what the CLI sent; requests the fake does not know are answered 404 and kept in ``unknown``.
"""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

from tests.fakes.local_server import NO_ROUTE, RoutedFake

ERROR_MESSAGE = 'Command "npm run build" exited with 1'


class FakeVercel(RoutedFake):
    """The fake API server; use as a context manager or call start()/stop()."""

    def __init__(self, mode: str = "ok", token: str = "vcTestToken0123456789abcdef") -> None:
        super().__init__(mode)
        self.token = token
        self.files: dict[str, bytes] = {}
        self.projects: dict[str, dict[str, Any]] = {}
        self.deployments: dict[str, dict[str, Any]] = {}
        self.polls = 0

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
        return 404, {"error": {"code": "not_found", "message": f"{NO_ROUTE} {method} {path}"}}

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
