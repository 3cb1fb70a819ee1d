"""A fake OpenAI-compatible server on 127.0.0.1: ``POST /v1/chat/completions`` from a ``Scenario``.

``json_mode=False`` makes it reject ``response_format`` with a 400 (as some local servers do), so
the provider's fallback without JSON mode is exercised.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes.scenario import Scenario, kind_of

FINISH = {"STOP": "stop", "MAX_TOKENS": "length", "SAFETY": "content_filter"}
STATUS_TYPES = {429: "rate_limit_exceeded", 401: "invalid_api_key", 404: "model_not_found"}


class FakeOpenAI:
    """Start with ``with FakeOpenAI(scenario) as fake:``; ``fake.url`` is the OPENAI_BASE_URL."""

    def __init__(self, scenario: Scenario | None = None, delay: float = 0.0, api_key: str = "sk-test-openai-456",
                 json_mode: bool = True):
        self.scenario = scenario or Scenario()
        self.delay = delay
        self.api_key = api_key
        self.json_mode = json_mode
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.handle_error = lambda *a: None
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()

    def models_called(self) -> list[str]:
        return [r["model"] for r in self.requests]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                pass

            def _send(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.split("?")[0] != "/v1/chat/completions":
                    return self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                text = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
                kind = kind_of(None, text)
                with fake._lock:
                    fake.requests.append({"model": body.get("model"), "kind": kind, "body": body,
                                          "auth": self.headers.get("Authorization"), "at": time.monotonic()})
                if fake.api_key and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
                    return self._send(401, {"error": {"message": "Incorrect API key provided.",
                                                      "type": "invalid_request_error", "code": "invalid_api_key"}})
                if "response_format" in body and not fake.json_mode:
                    return self._send(400, {"error": {"message": "response_format is not supported by this server",
                                                      "type": "invalid_request_error"}})
                if fake.delay:
                    time.sleep(fake.delay)
                answer = fake.scenario.answer(str(body.get("model")), kind, text)
                if answer[0] == "error":
                    _, status, _status_text, message, retry = answer
                    headers = {"Retry-After": retry.rstrip("s")} if retry else {}
                    return self._send(status, {"error": {"message": message, "type": STATUS_TYPES.get(status, "error"),
                                                         "code": STATUS_TYPES.get(status)}}, headers)
                _, reply, finish = answer
                self._send(200, {
                    "id": "chatcmpl-fake", "object": "chat.completion", "model": body.get("model"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                                 "finish_reason": FINISH.get(finish, "stop")}],
                    "usage": {"prompt_tokens": max(1, len(text) // 4), "completion_tokens": max(1, len(reply) // 4),
                              "total_tokens": max(1, len(text) // 4) + max(1, len(reply) // 4)},
                })

        return Handler
