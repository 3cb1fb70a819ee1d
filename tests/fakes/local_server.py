"""The plumbing every test fake shares: a quiet threaded HTTP server on 127.0.0.1 only.

``LocalServer`` owns the server and its daemon thread (``url``, ``start()``, ``stop()``, and use as
a context manager); a subclass supplies its request handler class from ``make_handler()``.
``JsonHandler`` is the handler base: ``read_body()`` (Content-Length or chunked), ``send_json()``
and no request logging. ``RoutedFake`` is a fake REST API answering every request from ``route()``.
"""

from __future__ import annotations

import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

NO_ROUTE = "fake: no route"  # in the 404 message RoutedFake.route() gives for a request it does not know


class JsonHandler(BaseHTTPRequestHandler):
    """A request handler that reads raw bodies and answers JSON, without logging."""

    json_content_type = "application/json"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def read_body(self) -> bytes:
        """The request body, sent with Content-Length or chunked (trailers are skipped)."""
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

    def request_record(self) -> dict[str, Any]:
        """Method, path, query and lower-cased headers of this request, as the fakes record them."""
        parts = urlsplit(self.path)
        return {"method": self.command, "path": parts.path, "query": parts.query,
                "headers": {k.lower(): v for k, v in self.headers.items()}}

    def send_json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        """Answer ``data`` as JSON (``None`` is an empty body) with any extra ``headers``."""
        raw = b"" if data is None else json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", self.json_content_type)
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may have hung up already
            self.wfile.write(raw)


class LocalServer:
    """A threaded HTTP server on a free 127.0.0.1 port, served from a daemon thread."""

    def __init__(self) -> None:
        self._stop = threading.Event()  # set by stop(), so handlers told to hang can give up
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self.make_handler())
        self._server.daemon_threads = True
        self._server.handle_error = lambda *a: None  # a client hanging up is not news
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def make_handler(self) -> type[BaseHTTPRequestHandler]:
        """The request handler class for this server (subclasses close over ``self`` in it)."""
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class RoutedFake(LocalServer):
    """A fake REST API over HTTP/1.1: every request is recorded and answered from ``route()``.

    JSON bodies arrive decoded (``None`` if they do not parse), others as bytes. Mode ``hang``
    answers nothing until the server stops; requests ``route()`` answers 404 with ``NO_ROUTE`` in
    the message are also kept in ``unknown``.
    """

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.requests: list[dict[str, Any]] = []
        self.unknown: list[str] = []
        super().__init__()

    def route(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
        """Answer one request: (status, JSON body)."""
        raise NotImplementedError

    def make_handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(JsonHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                raw = self.read_body()
                request = self.request_record()
                headers = request["headers"]
                body: Any = raw
                if "json" in headers.get("content-type", ""):
                    try:
                        body = json.loads(raw or b"null")
                    except ValueError:
                        body = None
                fake.requests.append(request)
                if fake.mode == "hang":
                    fake._stop.wait(3600)
                    return
                status, payload = fake.route(self.command, request["path"], body, headers)
                if status == 404 and NO_ROUTE in json.dumps(payload):
                    fake.unknown.append(f"{self.command} {self.path}")
                self.send_json(status, payload)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

        return Handler
