"""A fake Gemini API on 127.0.0.1 for the real google-genai client (GOOGLE_GEMINI_BASE_URL).

``POST /v1beta/models/{model}:generateContent`` answers like the real API: a candidate with text
parts, a finishReason and usageMetadata; errors are ``{"error": {"code", "status", "message",
"details": [RetryInfo]}}`` with the matching HTTP status. Answers come from a ``Scenario``.
"""

from __future__ import annotations

import json
import re
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes.local_server import JsonHandler
from tests.fakes.scenario import Scenario, ScenarioServer, kind_of

PATH_RE = re.compile(r"^/v1beta/models/([^/:]+):generateContent$")


def _text_of(body: dict[str, Any]) -> str:
    parts = []
    system = body.get("systemInstruction") or body.get("system_instruction") or {}
    parts += [p.get("text", "") for p in system.get("parts", [])]
    for content in body.get("contents", []):
        parts += [p.get("text", "") for p in content.get("parts", [])]
    return "\n".join(parts)


class FakeGemini(ScenarioServer):
    """Start with ``with FakeGemini(scenario) as fake:``; ``fake.url`` is the base URL."""

    def __init__(self, scenario: Scenario | None = None, delay: float = 0.0, api_key: str = "test-gemini-key-123"):
        super().__init__(scenario, delay, api_key)

    def make_handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(JsonHandler):
            def do_POST(self) -> None:  # noqa: N802
                m = PATH_RE.match(self.path.split("?")[0])
                body = json.loads(self.read_body() or b"{}")
                if not m:
                    return self.send_json(404, {"error": {"code": 404, "status": "NOT_FOUND", "message": self.path}})
                model = m[1]
                config = body.get("generationConfig") or {}
                schema = config.get("responseJsonSchema") or {}
                text = _text_of(body)
                kind = kind_of(schema.get("title"), text)
                with fake._lock:
                    fake.requests.append({"model": model, "kind": kind, "body": body, "at": time.monotonic(),
                                          "key": self.headers.get("x-goog-api-key")})
                if self.headers.get("x-goog-api-key") != fake.api_key:
                    bad_key = {"code": 400, "status": "INVALID_ARGUMENT",
                               "message": "API key not valid. Please pass a valid API key."}
                    return self.send_json(400, {"error": bad_key})
                if fake.delay:
                    time.sleep(fake.delay)
                answer = fake.scenario.answer(model, kind, text)
                if answer[0] == "error":
                    _, status, status_text, message, retry = answer
                    error: dict[str, Any] = {"code": status, "status": status_text, "message": message}
                    if retry:
                        error["details"] = [{"@type": "type.googleapis.com/google.rpc.RetryInfo",
                                             "retryDelay": retry}]
                    return self.send_json(status, {"error": error})
                _, reply, finish = answer
                self.send_json(200, {
                    "candidates": [{"content": {"role": "model", "parts": [{"text": reply}]},
                                    "finishReason": finish, "index": 0}],
                    "usageMetadata": {"promptTokenCount": max(1, len(text) // 4),
                                      "candidatesTokenCount": max(1, len(reply) // 4),
                                      "totalTokenCount": max(1, len(text) // 4) + max(1, len(reply) // 4)},
                    "modelVersion": model,
                })

        return Handler
