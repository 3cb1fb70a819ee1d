"""What every remote provider shares: rotation, one repair attempt, truncation checks, records.

A subclass implements ``_call`` (one HTTP request to one model, raising ``CallFailure`` on a
failed request) and this class turns it into ``Provider.complete``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecord, CallRecorder, Completion, Prompt, Usage, cost_usd, noop_recorder
from sitegen.providers.retry import CallFailure, RetryPolicy, Rotation, call_with_rotation
from sitegen.secrets import scrub

TRUNCATED = "MAX_TOKENS"
OK_FINISH = {"STOP", "FINISH_REASON_UNSPECIFIED", ""}
# the model refused: asking again will not help
BLOCKED_FINISH = {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "LANGUAGE"}
FENCE_RE = re.compile(r"^\s*```(?:json|JSON)?\s*\n(.*?)\n?```\s*$", re.DOTALL)

Message = tuple[str, str]  # (role "user" | "model", text)


@dataclass
class Reply:
    """One successful HTTP answer, normalised across providers."""

    text: str
    finish_reason: str  # "STOP", "MAX_TOKENS", "SAFETY", …
    tokens_in: int = 0
    tokens_out: int = 0


def extract_json(text: str) -> str:
    """The JSON object in a reply, without Markdown fences or chatter around it."""
    text = text.strip()
    if m := FENCE_RE.match(text):
        text = m[1].strip()
    if not text.startswith(("{", "[")) and "{" in text and "}" in text:
        text = text[text.index("{") : text.rindex("}") + 1]
    return text


def validate(schema: type[BaseModel], text: str) -> BaseModel:
    """Parse and validate a reply; raise ValueError with a short, model-readable reason."""
    raw = extract_json(text)
    if not raw:
        raise ValueError("the reply was empty; expected one JSON object")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the reply is not valid JSON: {exc}") from None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()[:12]
        ]
        raise ValueError("the JSON does not match the schema: " + "; ".join(problems)) from None


class RemoteProvider:
    """Base class for providers that call a model over the network."""

    name = "remote"
    offline = False
    schema_in_prompt = False  # True when the API cannot take a JSON schema itself

    def __init__(
        self,
        models: list[str],
        price: Callable[[str], tuple[float, float]] | None = None,
        policy: RetryPolicy | None = None,
        secrets: list[str] | None = None,
    ):
        if not models:
            raise SitegenError(f"no models configured for {self.name}", ErrorKind.CONFIG,
                               "Pass --model NAME or set SITEGEN_MODELS.")
        self.models = list(models)
        self.policy = policy or RetryPolicy.from_env()
        self.rotation = Rotation(self.models, self.policy)
        self._price = price or (lambda _m: (0.0, 0.0))
        self._secrets = [s for s in (secrets or []) if s]

    # -- to implement --------------------------------------------------------------------------
    async def _call(self, model: str, system: str, messages: list[Message], prompt: Prompt) -> Reply:
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------------------------
    def scrub(self, text: str) -> str:
        return scrub(text, self._secrets)

    def system_text(self, prompt: Prompt) -> str:
        if not (self.schema_in_prompt and prompt.schema):
            return prompt.system
        schema = json.dumps(prompt.schema.model_json_schema(), separators=(",", ":"))
        return (
            f"{prompt.system}\n\nReply with one JSON object (no Markdown, no commentary) that "
            f"validates against this JSON Schema:\n{schema}"
        ).strip()

    def _record(self, recorder: CallRecorder, prompt: Prompt, model: str, started: float,
                reply: Reply | None = None, error: str = "") -> None:
        tin, tout = (reply.tokens_in, reply.tokens_out) if reply else (0, 0)
        recorder(CallRecord(
            agent=prompt.agent, provider=self.name, model=model, tokens_in=tin, tokens_out=tout,
            latency_ms=int((time.monotonic() - started) * 1000),
            cost_usd=cost_usd(self._price(model), tin, tout), ok=not error,
            error=self.scrub(error)[:500],
        ))

    async def _one(self, prompt: Prompt, system: str, messages: list[Message],
                   recorder: CallRecorder) -> tuple[Reply, str, float]:
        started: dict[str, float] = {}

        async def attempt(model: str) -> tuple[Reply, str, float]:
            started[model] = time.monotonic()
            reply = await self._call(model, system, messages, prompt)
            return reply, model, started[model]

        def failed(model: str, failure: CallFailure) -> None:
            self._record(recorder, prompt, model, started.get(model, time.monotonic()),
                         error=failure.message)

        return await call_with_rotation(self.rotation, attempt, failed)

    async def complete(self, prompt: Prompt, recorder: CallRecorder | None = None) -> Completion:
        """Answer a prompt; a structured answer gets one repair round when invalid or truncated."""
        recorder = recorder or noop_recorder
        system = self.system_text(prompt)
        messages: list[Message] = [("user", prompt.user)]
        usage = Usage()
        problem = ""
        for round_ in range(2):
            reply, model, started = await self._one(prompt, system, messages, recorder)
            usage.tokens_in += reply.tokens_in
            usage.tokens_out += reply.tokens_out
            finish = (reply.finish_reason or "").upper()
            if finish == TRUNCATED:
                problem = f"the answer was cut off at the output limit ({prompt.max_output_tokens} tokens)"
                self._record(recorder, prompt, model, started, reply, "truncated: MAX_TOKENS")
                messages = [("user", prompt.user + "\n\nIMPORTANT: your previous answer was too long and "
                             "was cut off. Answer again, complete but more concise.")]
                continue
            if finish in BLOCKED_FINISH or finish.startswith("BLOCKED"):
                self._record(recorder, prompt, model, started, reply, f"finish reason {finish}")
                raise SitegenError(f"{prompt.agent}: {model} stopped with {finish}", ErrorKind.MODEL_OUTPUT,
                                   "Rephrase the prompt or use another --model.")
            if finish not in OK_FINISH:  # OTHER, MALFORMED_…: worth one more try
                problem = f"the model stopped with {finish}"
                self._record(recorder, prompt, model, started, reply, problem)
                continue
            if prompt.schema is None:
                if reply.text.strip():
                    self._record(recorder, prompt, model, started, reply)
                    return Completion(reply.text, None, model, usage, finish or "STOP")
                problem = "the reply was empty"
                self._record(recorder, prompt, model, started, reply, problem)
                continue
            try:
                parsed = validate(prompt.schema, reply.text)
            except ValueError as exc:
                problem = str(exc)
                self._record(recorder, prompt, model, started, reply, problem)
                if round_ == 0:
                    messages = [*messages, ("model", reply.text[:20000]), ("user", (
                        f"Your reply could not be used: {problem[:2000]}\n"
                        "Reply again with the complete, corrected JSON object only."))]
                continue
            self._record(recorder, prompt, model, started, reply)
            return Completion(reply.text, parsed, model, usage, finish or "STOP")
        raise SitegenError(f"{prompt.agent}: unusable model output after one repair attempt: {problem}",
                           ErrorKind.MODEL_OUTPUT)
