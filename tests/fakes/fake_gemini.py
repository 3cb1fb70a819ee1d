"""A fake Gemini API on 127.0.0.1 for the real google-genai client (GOOGLE_GEMINI_BASE_URL).

``POST /v1beta/models/{model}:generateContent`` answers like the real API: a candidate with text
parts, a finishReason and usageMetadata; errors are ``{"error": {"code", "status", "message",
"details": [RetryInfo]}}`` with the matching HTTP status. Answers come from a ``Scenario``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes.scenario import Scenario, kind_of

PATH_RE = re.compile(r"^/v1beta/models/([^/:]+):generateContent$")


def _text_of(body: dict[str, Any]) -> str:
    parts = []
    system = body.get("systemInstruction") or body.get("system_instruction") or {}
    parts += [p.get("text", "") for p in system.get("parts", [])]
    for content in body.get("contents", []):
        parts += [p.get("text", "") for p in content.get("parts", [])]
    return "\n".join(parts)


class FakeGemini:
    """Start with ``with FakeGemini(scenario) as fake:``; ``fake.url`` is the base URL."""

    def __init__(self, scenario: Scenario | None = None, delay: float = 0.0, api_key: str = "test-gemini-key-123"):
        self.scenario = scenario or Scenario()
        self.delay = delay
        self.api_key = api_key
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.handle_error = lambda *a: None
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeGemini:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeGemini:
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

            def _send(self, status: int, data: Any) -> None:
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_POST(self) -> None:  # noqa: N802
                m = PATH_RE.match(self.path.split("?")[0])
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not m:
                    return self._send(404, {"error": {"code": 404, "status": "NOT_FOUND", "message": self.path}})
                model = m[1]
                config = body.get("generationConfig") or {}
                schema = config.get("responseJsonSchema") or {}
                text = _text_of(body)
                kind = kind_of(schema.get("title"), text)
                with fake._lock:
                    fake.requests.append({"model": model, "kind": kind, "body": body, "at": time.monotonic(),
                                          "key": self.headers.get("x-goog-api-key")})
                if self.headers.get("x-goog-api-key") != fake.api_key:
                    return self._send(400, {"error": {"code": 400, "status": "INVALID_ARGUMENT",
                                                      "message": "API key not valid. Please pass a valid API key."}})
                if fake.delay:
                    time.sleep(fake.delay)
                answer = fake.scenario.answer(model, kind, text)
                if answer[0] == "error":
                    _, status, status_text, message, retry = answer
                    error: dict[str, Any] = {"code": status, "status": status_text, "message": message}
                    if retry:
                        error["details"] = [{"@type": "type.googleapis.com/google.rpc.RetryInfo",
                                             "retryDelay": retry}]
                    return self._send(status, {"error": error})
                _, reply, finish = answer
                self._send(200, {
                    "candidates": [{"content": {"role": "model", "parts": [{"text": reply}]},
                                    "finishReason": finish, "index": 0}],
                    "usageMetadata": {"promptTokenCount": max(1, len(text) // 4),
                                      "candidatesTokenCount": max(1, len(reply) // 4),
                                      "totalTokenCount": max(1, len(text) // 4) + max(1, len(reply) // 4)},
                    "modelVersion": model,
                })

        return Handler
