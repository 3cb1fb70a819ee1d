"""Any OpenAI-compatible ``/v1/chat/completions`` server (OpenAI, Ollama, LM Studio, vLLM, OpenRouter).

JSON mode (``response_format: json_object``) is asked for when a schema is set; a server that
rejects it is asked again without it, and JSON mode stays off for that provider afterwards.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from sitegen.providers.base import Prompt
from sitegen.providers.remote import Message, RemoteProvider, Reply
from sitegen.providers.retry import TIMEOUT_RULE, CallFailure, parse_duration, rule_for

DEFAULT_BASE_URL = "https://api.openai.com"
DEFAULT_OPENAI_MODELS = ["gpt-5-mini"]
FINISH = {"stop": "STOP", "length": "MAX_TOKENS", "content_filter": "SAFETY", "tool_calls": "STOP", None: "STOP"}


def chat_url(base_url: str) -> str:
    """``{base}/v1/chat/completions``, whether or not the base already ends in /v1."""
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if not base.endswith("/v1"):
        base += "/v1"
    return base + "/chat/completions"


class OpenAICompatProvider(RemoteProvider):
    """Chat completions over httpx.AsyncClient (one client per event loop, kept)."""

    name = "openai"
    schema_in_prompt = True

    def __init__(self, api_key: str, base_url: str, models: list[str], **kwargs: Any):
        super().__init__(models, secrets=[api_key, *kwargs.pop("secrets", [])], **kwargs)
        self._api_key = api_key
        self.url = chat_url(base_url)
        self.json_mode = True
        self._client: httpx.AsyncClient | None = None
        self._client_loop: asyncio.AbstractEventLoop | None = None

    def client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._client is None or self._client_loop is not loop:
            headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
            self._client = httpx.AsyncClient(headers=headers, timeout=self.policy.call_timeout)
            self._client_loop = loop
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _body(self, model: str, system: str, messages: list[Message], prompt: Prompt) -> dict[str, Any]:
        chat = [{"role": "system", "content": system}] if system else []
        chat += [{"role": "assistant" if r == "model" else "user", "content": t} for r, t in messages]
        body: dict[str, Any] = {
            "model": model,
            "messages": chat,
            "temperature": prompt.temperature,
            "max_tokens": prompt.max_output_tokens,
        }
        if prompt.schema is not None and self.json_mode:
            body["response_format"] = {"type": "json_object"}
        return body

    async def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            return await self.client().post(self.url, json=body)
        except httpx.TimeoutException:
            raise CallFailure(f"timed out after {self.policy.call_timeout:.0f}s", TIMEOUT_RULE) from None
        except httpx.HTTPError as exc:
            raise CallFailure(self.scrub(f"network error: {type(exc).__name__}: {exc}"), rule_for(None)) from None

    async def _call(self, model: str, system: str, messages: list[Message], prompt: Prompt) -> Reply:
        body = self._body(model, system, messages, prompt)
        response = await self._post(body)
        if response.status_code == 400 and "response_format" in body and _mentions_format(response):
            self.json_mode = False  # this server has no JSON mode: say it in the prompt instead
            body.pop("response_format")
            response = await self._post(body)
        if response.status_code != 200:
            raise _failure(response, self.scrub)
        try:
            data = response.json()
            choice = data["choices"][0]
            text = (choice.get("message") or {}).get("content") or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise CallFailure(f"unexpected reply from {self.url}", rule_for(502), 502) from None
        usage = data.get("usage") or {}
        return Reply(
            text,
            FINISH.get(choice.get("finish_reason"), str(choice.get("finish_reason")).upper()),
            int(usage.get("prompt_tokens") or 0),
            int(usage.get("completion_tokens") or 0),
        )


def _mentions_format(response: httpx.Response) -> bool:
    text = response.text.lower()
    return "response_format" in text or "json_object" in text or "json mode" in text


def _failure(response: httpx.Response, scrub: Any) -> CallFailure:
    status = response.status_code
    try:
        data = response.json()
    except ValueError:
        data = {}
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        message, status_text = str(error.get("message") or ""), str(error.get("type") or error.get("code") or "")
    else:
        message, status_text = str(error or response.text[:300]), ""
    retry_after = parse_duration(response.headers.get("retry-after"))
    return CallFailure(scrub(f"{status} {status_text}: {message}".strip()), rule_for(status, status_text, message),
                       status, retry_after)
