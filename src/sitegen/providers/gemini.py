"""Gemini through google-genai's async client, with sitegen's own rotation and backoff.

The SDK's retries are off (``HttpRetryOptions(attempts=1)``) so that ``retry.py`` is the one
policy. ``GOOGLE_GEMINI_BASE_URL`` is honoured by the SDK itself. The Client is kept for the
provider's lifetime (a temporary Client closes its transport); one is made per event loop, since
the SDK's async HTTP client belongs to the loop that first used it.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

try:  # google-genai uses httpx2 (a fork of httpx under its own name) when it is installed
    import httpx2
except ImportError:  # pragma: no cover
    httpx2 = None

from sitegen.providers.base import Prompt
from sitegen.providers.remote import Message, RemoteProvider, Reply
from sitegen.providers.retry import TIMEOUT_RULE, CallFailure, retry_delay_from_details, rule_for

TIMEOUTS: tuple[type[BaseException], ...] = (TimeoutError, httpx.TimeoutException) + (
    (httpx2.TimeoutException,) if httpx2 else ()
)
HTTP_ERRORS: tuple[type[BaseException], ...] = (httpx.HTTPError,) + ((httpx2.HTTPError,) if httpx2 else ())


class GeminiProvider(RemoteProvider):
    """google-genai against the Gemini API (or GOOGLE_GEMINI_BASE_URL)."""

    name = "gemini"

    def __init__(self, api_key: str, models: list[str], **kwargs: Any):
        super().__init__(models, secrets=[api_key, *kwargs.pop("secrets", [])], **kwargs)
        self._api_key = api_key
        self._client: Any = None
        self._client_loop: asyncio.AbstractEventLoop | None = None

    def client(self) -> Any:
        """The google-genai Client for the running event loop (kept, not made per call)."""
        from google import genai
        from google.genai import types

        loop = asyncio.get_running_loop()
        if self._client is None or self._client_loop is not loop:
            self._client = genai.Client(
                api_key=self._api_key,
                http_options=types.HttpOptions(
                    api_version="v1beta",
                    timeout=int(self.policy.call_timeout * 1000),
                    retry_options=types.HttpRetryOptions(attempts=1),
                ),
            )
            self._client_loop = loop
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aio.aclose()
            self._client = None

    def _config(self, system: str, prompt: Prompt) -> Any:
        from google.genai import types

        config: dict[str, Any] = {
            "temperature": prompt.temperature,
            "max_output_tokens": prompt.max_output_tokens,
        }
        if system:
            config["system_instruction"] = system
        if prompt.schema is not None:
            config["response_mime_type"] = "application/json"
            config["response_json_schema"] = prompt.schema.model_json_schema()
        return types.GenerateContentConfig(**config)

    async def _call(self, model: str, system: str, messages: list[Message], prompt: Prompt) -> Reply:
        from google.genai import errors, types

        contents = [
            types.Content(role="model" if role == "model" else "user", parts=[types.Part(text=text)])
            for role, text in messages
        ]
        try:
            response = await asyncio.wait_for(
                self.client().aio.models.generate_content(
                    model=model, contents=contents, config=self._config(system, prompt)
                ),
                timeout=self.policy.call_timeout + 5,
            )
        except errors.APIError as exc:
            status = exc.code if isinstance(exc.code, int) else None
            message = self.scrub(f"{exc.code} {exc.status or ''}: {exc.message or ''}".strip())
            rule = rule_for(status, exc.status or "", exc.message or "")
            raise CallFailure(message, rule, status, retry_delay_from_details(exc.details)) from None
        except TIMEOUTS:
            raise CallFailure(f"timed out after {self.policy.call_timeout:.0f}s", TIMEOUT_RULE) from None
        except HTTP_ERRORS as exc:
            raise CallFailure(self.scrub(f"network error: {type(exc).__name__}: {exc}"), rule_for(None)) from None
        return _reply(response)


def _reply(response: Any) -> Reply:
    usage = response.usage_metadata
    tokens_in = (usage.prompt_token_count or 0) if usage else 0
    tokens_out = ((usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)) if usage else 0
    candidates = response.candidates or []
    if not candidates:
        feedback = response.prompt_feedback
        reason = getattr(getattr(feedback, "block_reason", None), "name", None) or "NO_CANDIDATES"
        return Reply("", f"BLOCKED_{reason}", tokens_in, tokens_out)
    candidate = candidates[0]
    finish = candidate.finish_reason
    finish_name = getattr(finish, "name", None) or (str(finish) if finish else "STOP")
    parts = (candidate.content.parts or []) if candidate.content else []
    text = "".join(p.text for p in parts if getattr(p, "text", None) and not getattr(p, "thought", False))
    return Reply(text, finish_name, tokens_in, tokens_out)
