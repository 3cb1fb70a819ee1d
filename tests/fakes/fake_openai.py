"""A fake OpenAI-compatible server on 127.0.0.1: ``POST /v1/chat/completions`` from a ``Scenario``.

``json_mode=False`` makes it reject ``response_format`` with a 400 (as some local servers do), so
the provider's fallback without JSON mode is exercised.
"""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler

from tests.fakes.local_server import JsonHandler
from tests.fakes.scenario import Scenario, ScenarioServer, kind_of

FINISH = {"STOP": "stop", "MAX_TOKENS": "length", "SAFETY": "content_filter"}
STATUS_TYPES = {429: "rate_limit_exceeded", 401: "invalid_api_key", 404: "model_not_found"}


class FakeOpenAI(ScenarioServer):
    """Start with ``with FakeOpenAI(scenario) as fake:``; ``fake.url`` is the OPENAI_BASE_URL."""

    def __init__(self, scenario: Scenario | None = None, delay: float = 0.0, api_key: str = "sk-test-openai-456",
                 json_mode: bool = True):
        self.json_mode = json_mode
        super().__init__(scenario, delay, api_key)

    def make_handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(JsonHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.read_body() or b"{}")
                if self.path.split("?")[0] != "/v1/chat/completions":
                    return self.send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                text = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
                kind = kind_of(None, text)
                with fake._lock:
                    fake.requests.append({"model": body.get("model"), "kind": kind, "body": body,
                                          "auth": self.headers.get("Authorization"), "at": time.monotonic()})
                if fake.api_key and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
                    return self.send_json(401, {"error": {"message": "Incorrect API key provided.",
                                                          "type": "invalid_request_error", "code": "invalid_api_key"}})
                if "response_format" in body and not fake.json_mode:
                    return self.send_json(400, {"error": {"message": "response_format is not supported by this server",
                                                          "type": "invalid_request_error"}})
                if fake.delay:
                    time.sleep(fake.delay)
                answer = fake.scenario.answer(str(body.get("model")), kind, text)
                if answer[0] == "error":
                    _, status, _status_text, message, retry = answer
                    headers = {"Retry-After": retry.rstrip("s")} if retry else {}
                    error = {"message": message, "type": STATUS_TYPES.get(status, "error"),
                             "code": STATUS_TYPES.get(status)}
                    return self.send_json(status, {"error": error}, headers)
                _, reply, finish = answer
                self.send_json(200, {
                    "id": "chatcmpl-fake", "object": "chat.completion", "model": body.get("model"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": reply},
                                 "finish_reason": FINISH.get(finish, "stop")}],
                    "usage": {"prompt_tokens": max(1, len(text) // 4), "completion_tokens": max(1, len(reply) // 4),
                              "total_tokens": max(1, len(text) // 4) + max(1, len(reply) // 4)},
                })

        return Handler
