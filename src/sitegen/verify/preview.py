"""Serve a static export (``out/``) on localhost: used by the VERIFYING stage and `sitegen preview`.

A small threaded stdlib server. It maps URLs the way static hosts serve a Next.js export with
``trailingSlash: true``: ``/menu/`` is ``out/menu/index.html``, ``/menu`` redirects to ``/menu/``,
``/menu`` also falls back to ``out/menu.html`` (exports without trailing slashes), and anything
missing answers 404 with ``out/404.html`` when the export has one.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import posixpath
import stat
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sitegen.errors import ErrorKind, SitegenError


def plain_kind(root: Path, parts: list[str]) -> str:
    """'file', 'dir' or '' for ``root/parts``: '' when it is missing, special, or any component on
    the way (itself included) is a symlink. The export was written by the site's own build, so a
    link in it may point anywhere (``/etc/passwd``); the server never follows one."""
    path = root
    for i, part in enumerate(parts):
        path = path / part
        try:
            st = path.lstat()
        except OSError:
            return ""
        if stat.S_ISLNK(st.st_mode):
            return ""
        if i < len(parts) - 1 and not stat.S_ISDIR(st.st_mode):
            return ""
    if not parts:
        return "dir"
    mode = path.lstat().st_mode
    return "file" if stat.S_ISREG(mode) else "dir" if stat.S_ISDIR(mode) else ""


def resolve_path(root: Path, url_path: str) -> tuple[Path | None, str | None]:
    """Map a URL path to a file under ``root``: (file, None), (None, redirect_to) or (None, None).

    Never returns a path outside ``root``, nor one reached through a symlink (also for the
    ``.html`` fallback and a folder's ``index.html``).
    """
    path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path or "/")
    norm = posixpath.normpath(path)
    parts = [p for p in norm.split("/") if p and p not in (".", "..")]
    if any("\x00" in p for p in parts):
        return None, None
    target = root.joinpath(*parts) if parts else root
    kind = plain_kind(root, parts)
    if kind == "dir":
        has_index = plain_kind(root, [*parts, "index.html"]) == "file"
        if not path.endswith("/"):
            return (None, path + "/") if has_index else (None, None)
        return (target / "index.html", None) if has_index else (None, None)
    if kind == "file":
        return target, None
    if parts:
        html = [*parts[:-1], parts[-1] + ".html"]
        if plain_kind(root, html) == "file":
            return root.joinpath(*html), None
    return None, None


class ExportHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files of a static export; quiet, no directory listings, no caching."""

    server_version = "sitegen-preview"
    sys_version = ""

    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, directory=str(root), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Silence per-request logs (the pipeline never prints)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        file, redirect = resolve_path(self.root, self.path)
        if redirect:
            query = urllib.parse.urlsplit(self.path).query
            self.send_response(301)
            self.send_header("Location", redirect + (f"?{query}" if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if file is None:
            return self._not_found()
        try:  # O_NOFOLLOW: a link swapped in after the check is still not followed
            fh = os.fdopen(os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC), "rb")
        except OSError:
            return self._not_found()
        size = os.fstat(fh.fileno()).st_size
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            fh.close()
            return self._not_found()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(size))
        self.end_headers()
        return fh

    def _not_found(self):
        page = self.root / "404.html"
        body = b"<!doctype html><title>404</title><h1>Not found</h1>"
        if plain_kind(self.root, ["404.html"]) == "file":
            body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def list_directory(self, path):  # type: ignore[override]
        return self._not_found()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@dataclass
class PreviewServer:
    """A running server: ``url`` is its base URL with a trailing slash."""

    out_dir: Path
    host: str
    port: int
    _server: _Server = field(repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def url_for(self, route: str) -> str:
        return self.url + route.lstrip("/")

    def serve_forever(self) -> None:
        """Serve in this thread until ``stop()`` or KeyboardInterrupt."""
        self._server.serve_forever(poll_interval=0.05)

    def start(self) -> PreviewServer:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(target=self.serve_forever, name="sitegen-preview", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()


def make_server(out_dir: Path, host: str = "127.0.0.1", port: int = 0) -> PreviewServer:
    """Bind a server for ``out_dir`` (port 0: a free port). Raises SitegenError when it cannot."""
    if Path(out_dir).is_symlink():
        raise SitegenError(f"{out_dir} is a symlink; refusing to serve what it points at", ErrorKind.USAGE,
                           "Rebuild the project so out/ is a real folder.")
    out_dir = Path(out_dir).resolve()
    if plain_kind(out_dir, ["index.html"]) != "file":
        raise SitegenError(
            f"no built site in {out_dir} (index.html is missing)",
            ErrorKind.NOT_FOUND,
            "Build the project first: `sitegen resume JOB`, or `sitegen edit` / `sitegen new`.",
        )
    try:
        server = _Server((host, port), partial(ExportHandler, root=out_dir))
    except OSError as exc:
        raise SitegenError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            ErrorKind.USAGE,
            "Pick another port with --port, or 0 for any free one.",
        ) from exc
    return PreviewServer(out_dir, host, server.server_address[1], server)


@contextlib.contextmanager
def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[PreviewServer]:
    """Serve ``out_dir`` in a background thread for the duration of the ``with`` block."""
    server = make_server(out_dir, host, port).start()
    try:
        yield server
    finally:
        server.stop()
