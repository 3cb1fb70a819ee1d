"""The team server's web page and what only it needs: /app (static assets shipped in the package),
/app/config.json, a cookie for opening built sites, /sites/{project}/ and POST /projects/{id}/undo.

The page is plain HTML, CSS and an ES module (server/web/): no framework, no CDN, no build step.
It signs in with an API token or a Supabase user JWT kept in the tab's sessionStorage and sends it as
``Authorization: Bearer``. A browser cannot add that header when it follows a link, so
``POST /app/session`` (with the Bearer header) sets an HttpOnly, SameSite=Strict cookie scoped to
``/sites/``: a signed owner id and expiry (never the token), good only for built sites.
``/sites/{project}/…`` serves that project's ``out/`` to its owner only (others get 404), reading
every file without following links; root-relative URLs in its pages are rewritten to stay under
``/sites/{project}/`` (the export is built for ``/``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import mimetypes
import re
import secrets
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from sitegen import __version__
from sitegen.deployers import TARGETS
from sitegen.errors import not_found
from sitegen.hostio import UnsafePath, read_file
from sitegen.providers import PROVIDER_NAMES
from sitegen.sandbox import SANDBOXES
from sitegen.server import actions
from sitegen.server.models import JobAccepted
from sitegen.verify.preview import resolve_path

ASSETS = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
          "lib.js": "text/javascript; charset=utf-8",
          "app.css": "text/css; charset=utf-8", "favicon.svg": "image/svg+xml"}
COOKIE = "sitegen_sites"
COOKIE_SECONDS = 8 * 3600
MAX_SITE_FILE = 30_000_000
REWRITE_TYPES = ("text/html", "text/css", "text/javascript", "application/javascript")
# root-relative URLs in the export: href/src/action="/…" in pages, and "/_next/…" anywhere
ROOT_ATTR = re.compile(rb"""((?:href|src|action)=["']|["'`(](?=/_next/))/(?!/)""")
ROOT_URL = re.compile(rb"""(["'`(])/(?=_next/)""")


def asset(name: str) -> bytes:
    """One of the page's files, from the installed package."""
    return resources.files("sitegen.server").joinpath("web", name).read_bytes()


def page_csp(settings: Any) -> str:
    connect = "'self'" + (f" {settings.supabase_url.rstrip('/')}" if supabase_config(settings) else "")
    return ("default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "
            f"connect-src {connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def supabase_config(settings: Any) -> dict[str, str] | None:
    """What the page needs to sign in with Supabase (the URL and the public anon key), or None."""
    if settings.supabase_url and settings.supabase_anon_key:
        return {"url": settings.supabase_url.rstrip("/"), "anon_key": settings.supabase_anon_key}
    return None


# -- the sites cookie ------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def sign(secret: bytes, owner: str, expires: int) -> str:
    body = f"{_b64(owner.encode())}.{expires}"
    mac = hmac.new(secret, body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def cookie_owner(secret: bytes, value: str | None, now: float | None = None) -> str | None:
    """The owner in a valid, unexpired cookie value, else None."""
    try:
        owner_b64, expires, mac = (value or "").split(".")
        if int(expires) < (now or time.time()):
            return None
        good = sign(secret, base64.urlsafe_b64decode(owner_b64 + "=" * (-len(owner_b64) % 4)).decode(), int(expires))
    except (ValueError, UnicodeDecodeError):
        return None
    if not hmac.compare_digest(good.rsplit(".", 1)[1], mac):
        return None
    return base64.urlsafe_b64decode(owner_b64 + "=" * (-len(owner_b64) % 4)).decode()


# -- built sites ------------------------------------------------------------------------------------
def site_file(out: Path, url_path: str) -> tuple[bytes | None, str | None]:
    """(bytes, None) for a file of the export, (None, redirect) or (None, None) when there is none."""
    file, redirect = resolve_path(out, url_path)
    if redirect or file is None:
        return None, redirect
    try:
        data = read_file(out, file.relative_to(out).as_posix(), MAX_SITE_FILE + 1)
    except (OSError, UnsafePath, ValueError):
        return None, None
    return (data, None) if len(data) <= MAX_SITE_FILE else (None, None)


def rewrite(data: bytes, media: str, prefix: str) -> bytes:
    """Root-relative URLs (``/_next/…``, ``href="/menu/"``) put under ``prefix`` (``/sites/ID``)."""
    def put(m: re.Match[bytes]) -> bytes:
        return m.group(1) + prefix.encode() + b"/"

    if media.startswith("text/html"):
        return ROOT_ATTR.sub(put, data)
    return ROOT_URL.sub(put, data) if b"/_next/" in data else data


def media_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
        kind += "; charset=utf-8"
    return kind


StartJob = Callable[[Any, str, str, Callable[[dict[str, Any]], str]], JobAccepted]


def install(app: FastAPI, start_job: StartJob, responses: dict[int | str, Any]) -> None:
    """Add the page's routes and POST /projects/{id}/undo to ``app`` (``start_job`` and ``responses``
    are the API's own, passed in so this module never imports app.py)."""
    secret = secrets.token_bytes(32)
    add_page_routes(app, secret)
    add_site_route(app, secret)
    add_undo_route(app, start_job, responses)


def bearer_owner(request: Request) -> str:
    """The caller's owner id from ``Authorization: Bearer`` (401 without a valid one)."""
    return request.app.state.sitegen.auth.owner(request.headers.get("authorization"))


def add_page_routes(app: FastAPI, secret: bytes) -> None:
    @app.get("/app", include_in_schema=False)
    def app_root() -> RedirectResponse:
        return RedirectResponse("/app/", status_code=307)

    @app.get("/app/", include_in_schema=False)
    def index(request: Request) -> Response:
        return page_asset(request, "index.html")

    @app.get("/app/config.json", include_in_schema=False)
    def config(request: Request) -> JSONResponse:
        s = request.app.state.sitegen
        return JSONResponse({
            "version": __version__, "auth": s.auth.mode, "supabase": supabase_config(s.settings),
            "providers": list(PROVIDER_NAMES), "sandboxes": list(SANDBOXES), "targets": list(TARGETS),
        }, headers={"Cache-Control": "no-store"})

    @app.post("/app/session", include_in_schema=False)
    def session(request: Request) -> Response:
        """Set the cookie that opens this owner's built sites (needs the Bearer header)."""
        who = bearer_owner(request)
        expires = int(time.time()) + COOKIE_SECONDS
        response = Response(status_code=204)
        response.set_cookie(COOKIE, sign(secret, who, expires), max_age=COOKIE_SECONDS, path="/sites/",
                            httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return response

    @app.delete("/app/session", include_in_schema=False)
    def end_session() -> Response:
        response = Response(status_code=204)
        response.delete_cookie(COOKIE, path="/sites/", httponly=True, samesite="strict")
        return response

    @app.get("/app/{name}", include_in_schema=False)
    def static(request: Request, name: str) -> Response:
        if name not in ASSETS or name == "index.html":
            raise not_found(f"no page asset {name!r}")
        return page_asset(request, name)


def page_asset(request: Request, name: str) -> Response:
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    if name == "index.html":
        headers["Content-Security-Policy"] = page_csp(request.app.state.sitegen.settings)
    return Response(asset(name), media_type=ASSETS[name], headers=headers)


def add_site_route(app: FastAPI, secret: bytes) -> None:
    @app.get("/sites/{project_id}", include_in_schema=False)
    def site_root(project_id: str) -> RedirectResponse:
        return RedirectResponse(f"/sites/{project_id}/", status_code=307)

    @app.get("/sites/{project_id}/{path:path}", include_in_schema=False)
    def site(request: Request, project_id: str, path: str = "") -> Response:
        """A file of the project's built site (``out/``), for its owner (cookie or Bearer) only."""
        s = request.app.state.sitegen
        who = cookie_owner(secret, request.cookies.get(COOKIE)) or bearer_owner(request)
        project = actions.owned_project(s.store, who, project_id)
        out = actions.project_folder(project) / "out"
        if out.is_symlink() or not out.is_dir():
            raise not_found(f"project {project['name']!r} has no built site", "Build it first.")
        data, redirect = site_file(out, "/" + path)
        if redirect:
            return RedirectResponse(f"/sites/{project_id}{redirect}", status_code=308)
        if data is None:
            raise not_found(f"no file /{path} in the built site of {project['name']!r}")
        name = path.rsplit("/", 1)[-1] if path and not path.endswith("/") else "index.html"
        kind = media_type(name if "." in name else name + ".html")
        if kind.startswith(REWRITE_TYPES):
            data = rewrite(data, kind, f"/sites/{project_id}")
        return Response(data, media_type=kind.split(";")[0], headers={
            "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "Content-Type": kind})


def add_undo_route(app: FastAPI, start_job: StartJob, responses: dict[int | str, Any]) -> None:
    @app.post("/projects/{project_id}/undo", status_code=202, response_model=JobAccepted,
              responses=responses, tags=["projects"], openapi_extra={"security": [{"HTTPBearer": []}]})
    def undo(project_id: str, request: Request, body: UndoIn | None = None) -> JobAccepted:
        """Bring back the previous version as a new version (what `sitegen undo` does), with its build
        when one was kept; then check (and rebuild when no build was kept) as a job."""
        s = request.app.state.sitegen
        who = bearer_owner(request)
        return start_job(s, who, project_id,
                         lambda project: undo_job(s.settings, s.store, who, project, body or UndoIn()))


class UndoIn(BaseModel):
    """POST /projects/{id}/undo (optional body): what `sitegen undo` takes."""

    model_config = ConfigDict(extra="forbid")

    sandbox: str | None = Field(default=None, max_length=40)
    verify: bool | None = None


def undo_job(settings: Any, store: Any, owner: str, project: dict[str, Any], body: UndoIn) -> str:
    """Undo the project's latest change in its files and record the job that checks the result."""
    from sitegen import history  # noqa: PLC0415
    from sitegen.config import verify_option  # noqa: PLC0415

    actions.check_choice(body.sandbox, tuple(SANDBOXES), "sandbox", "sandbox")
    path = actions.project_folder(project)
    version = history.undo(path)
    restored = history.restore_build(path)
    options = {"provider": "auto", "models": [], "sandbox": body.sandbox or settings.sandbox, "deploy": None,
               "verify": verify_option(body.verify, settings)}
    job_id = store.create_job(project["id"], version.message, "undo", options, owner=owner, status=actions.QUEUED)
    store.update_job(job_id, last_done_stage="BUILDING" if restored else "GENERATING")
    return job_id
