"""The CLI's HTTP client for a team server (`--server URL` / SITEGEN_SERVER, token in SITEGEN_TOKEN).

Every error comes back as the SitegenError the server rendered (same kind, message and hint, so
the same exit code); transport trouble is a CONFIG error naming the server. ``events`` follows a
job's Server-Sent Events and reconnects with Last-Event-ID when the connection drops.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any

import httpx

from sitegen.errors import ErrorKind, SitegenError, not_found

HTTP_KIND_TO_CLI = {
    "unauthorized": ErrorKind.CONFIG,  # exit 2: fix SITEGEN_TOKEN
    "too_many_requests": ErrorKind.RATE_LIMIT,
    "too_large": ErrorKind.USAGE,
    "conflict": ErrorKind.USAGE,
    "unavailable": ErrorKind.INTERNAL,
}


def client_from_env(server: str, token: str | None = None) -> ServerClient:
    """A client for ``server`` with SITEGEN_TOKEN, or a CONFIG error (exit 2) when there is none."""
    token = token if token is not None else os.environ.get("SITEGEN_TOKEN", "")
    if not token.strip():
        raise SitegenError("SITEGEN_TOKEN is not set", ErrorKind.CONFIG,
                           "Set SITEGEN_TOKEN to an API token (`sitegen token create NAME` on the server) "
                           "or a Supabase user JWT.")
    return ServerClient(server, token.strip())


def to_error(response: httpx.Response) -> SitegenError:
    try:
        err = response.json()["error"]
        kind_name, message, hint = str(err["kind"]), str(err["message"]), str(err.get("hint") or "")
    except (ValueError, KeyError, TypeError):
        return SitegenError(f"the server answered {response.status_code}: {response.text[:200]}", ErrorKind.INTERNAL)
    try:
        kind = ErrorKind(kind_name)
    except ValueError:
        kind = HTTP_KIND_TO_CLI.get(kind_name, ErrorKind.INTERNAL)
    if response.headers.get("Retry-After"):
        message += f" (retry after {response.headers['Retry-After']} s)"
    return SitegenError(message, kind, hint)


class ServerClient:
    """Typed-enough calls to the API; every method returns the decoded JSON."""

    def __init__(self, url: str, token: str, timeout: float = 60.0):
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, timeout=timeout,
                                 headers={"Authorization": f"Bearer {token}", "User-Agent": "sitegen-cli"})

    def close(self) -> None:
        self.http.close()

    def unreachable(self, exc: Exception) -> SitegenError:
        return SitegenError(f"cannot reach the sitegen server at {self.url}: {exc}", ErrorKind.CONFIG,
                            "Check --server / SITEGEN_SERVER, and that `sitegen serve` runs there.")

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise self.unreachable(exc) from None
        if response.status_code >= 400:
            raise to_error(response)
        return response.json()

    # -- the endpoints ----------------------------------------------------------------------
    def generate(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", "/generate", json=body)

    def status(self, job_id: str) -> dict[str, Any]:
        return self.call("GET", f"/status/{job_id}")

    def jobs(self, limit: int = 20) -> list[dict[str, Any]]:
        return self.call("GET", "/jobs", params={"limit": limit})["jobs"]

    def projects(self) -> list[dict[str, Any]]:
        return self.call("GET", "/projects")["projects"]

    def edit(self, project_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", f"/projects/{project_id}/edit", json=body)

    def deploy(self, project_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", f"/projects/{project_id}/deploy", json=body)

    def resume(self, job_id: str) -> dict[str, Any]:
        return self.call("POST", f"/jobs/{job_id}/resume")

    def health(self) -> dict[str, Any]:
        return self.call("GET", "/")

    def find_project(self, ref: str | None) -> dict[str, Any]:
        """A project of yours by id, name, folder name or unique id prefix."""
        if not ref:
            raise SitegenError("name a project with --server", ErrorKind.USAGE,
                               "Pass its id or name; `sitegen projects --server URL` lists them.")
        rows = self.projects()
        for test in (lambda p: p["project_id"] == ref, lambda p: p["name"] == ref,
                     lambda p: os.path.basename(p["path"]) == ref):
            found = [p for p in rows if test(p)]
            if found:
                return found[0]
        prefixed = [p for p in rows if p["project_id"].startswith(ref)]
        if len(prefixed) == 1:
            return prefixed[0]
        raise not_found(f"no project matches {ref!r} on {self.url}", "Run `sitegen projects --server URL`.")

    def resolve_job(self, ref: str) -> dict[str, Any]:
        """A job id, or the last job of a project (id or name), as GET /status returns it."""
        try:
            return self.status(ref)
        except SitegenError as exc:
            if exc.kind != ErrorKind.NOT_FOUND:
                raise
        project = self.find_project(ref)
        if not project.get("last_job_id"):
            raise not_found(f"project {project['name']!r} has no jobs yet")
        return self.status(project["last_job_id"])

    def events(self, job_id: str, after: int = 0, reconnects: int = 20) -> Iterator[dict[str, Any]]:
        """The job's events in order until its final ``status`` event; reconnects with Last-Event-ID."""
        last, failures = after, 0
        while True:
            headers = {"Accept": "text/event-stream", "Last-Event-ID": str(last)}
            try:
                with self.http.stream("GET", f"/jobs/{job_id}/events", headers=headers,
                                      timeout=httpx.Timeout(30.0, read=60.0)) as response:
                    if response.status_code >= 400:
                        response.read()
                        raise to_error(response)
                    for event in parse_sse(response.iter_lines()):
                        failures = 0
                        last = max(last, int(event.get("id") or 0))
                        yield event
                        if event.get("event") == "status":
                            return
            except httpx.HTTPError as exc:
                failures += 1
                if failures > reconnects:
                    raise self.unreachable(exc) from None
                time.sleep(min(5.0, 0.2 * failures))
                continue
            failures += 1  # the stream ended without a status event: reconnect
            if failures > reconnects:
                raise SitegenError(f"the event stream of job {job_id} keeps ending early", ErrorKind.INTERNAL)
            time.sleep(min(5.0, 0.2 * failures))


def parse_sse(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """Server-Sent Events as dicts: the data JSON, with the ``event`` and ``id`` of the frame."""
    data: list[str] = []
    name, ident = "message", ""
    for raw in lines:
        line = raw.rstrip("\r")
        if not line:
            if data:
                try:
                    payload = json.loads("\n".join(data))
                except ValueError:
                    payload = {"data": "\n".join(data)}
                if isinstance(payload, dict):
                    yield {**payload, "event": name, "id": int(ident) if ident.isdigit() else payload.get("id")}
            data, name, ident = [], "message", ""
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
        elif field == "id":
            ident = value
