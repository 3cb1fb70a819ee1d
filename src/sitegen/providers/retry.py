"""One retry policy for every remote provider: which failures rotate, which stop, how long to wait.

On a rate limit (429 / RESOURCE_EXHAUSTED), a server error (5xx), a timeout or a dropped
connection the call moves to the next model in the rotation. A model that failed cools down for
the server's RetryInfo delay (or an exponential backoff with jitter) before it is tried again. The
total time spent waiting is bounded; a fatal 4xx stops at once with a hint.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sitegen.errors import ErrorKind, SitegenError

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """How one kind of failure is handled."""

    retry: bool  # rotate to the next model and try again later
    kind: ErrorKind
    hint: str


RETRYABLE_STATUS = {408, 429, 500, 502, 503, 504, 529}

# HTTP status -> rule; anything else 4xx is fatal with the generic PROVIDER hint, 5xx retries.
RULES: dict[int, Rule] = {
    429: Rule(True, ErrorKind.RATE_LIMIT, "Wait a minute and run `sitegen resume JOB`, or add models with --model."),
    408: Rule(True, ErrorKind.PROVIDER, "The model server timed out; try again or use another --model."),
    500: Rule(True, ErrorKind.PROVIDER, "The model server failed; try again later or use another --model."),
    502: Rule(True, ErrorKind.PROVIDER, "The model server is unreachable; try again later."),
    503: Rule(True, ErrorKind.PROVIDER, "The model is overloaded; try again later or use another --model."),
    504: Rule(True, ErrorKind.PROVIDER, "The model server timed out; try again later."),
    400: Rule(False, ErrorKind.PROVIDER, "The request was refused as invalid; try another --model."),
    401: Rule(False, ErrorKind.PROVIDER, "The API key was refused: check GEMINI_API_KEY / OPENAI_API_KEY."),
    403: Rule(False, ErrorKind.PROVIDER, "The key has no access to this model or API: check the key and its project."),
    404: Rule(False, ErrorKind.PROVIDER, "Unknown model or endpoint: check --model / SITEGEN_MODELS and the base URL."),
}
# some servers send 400 with a status that really means "bad key"
STATUS_RULES: dict[str, Rule] = {
    "RESOURCE_EXHAUSTED": RULES[429],
    "UNAVAILABLE": RULES[503],
    "INTERNAL": RULES[500],
    "DEADLINE_EXCEEDED": RULES[504],
    "UNAUTHENTICATED": RULES[401],
    "PERMISSION_DENIED": RULES[403],
    "NOT_FOUND": RULES[404],
}
NETWORK_RULE = Rule(True, ErrorKind.PROVIDER, "The model server could not be reached: check the network and base URL.")
TIMEOUT_RULE = Rule(True, ErrorKind.PROVIDER,
                    "The model took too long; raise SITEGEN_CALL_TIMEOUT or use a faster --model.")


def rule_for(status: int | None, status_text: str = "", message: str = "") -> Rule:
    """The rule for an HTTP failure (``status`` None means a network problem)."""
    if status is None:
        return NETWORK_RULE
    if status == 400 and ("API key not valid" in message or "API_KEY_INVALID" in message):
        return RULES[401]
    if status in RULES:
        return RULES[status]
    if status_text.upper() in STATUS_RULES:
        return STATUS_RULES[status_text.upper()]
    if status >= 500:
        return RULES[500]
    return Rule(False, ErrorKind.PROVIDER, "The model server refused the request; check the key and --model.")


class CallFailure(Exception):
    """One failed model call, classified. Providers raise it from their single-call function."""

    def __init__(self, message: str, rule: Rule, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.status = status
        self.retry_after = retry_after


def parse_duration(value: Any) -> float | None:
    """Seconds from a RetryInfo "37s" / "1.5s", a Retry-After "12", or a number."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*", str(value))
    if not m:
        return None
    seconds = float(m[1])
    return seconds / 1000 if m[2] == "ms" else seconds


def retry_delay_from_details(details: Any) -> float | None:
    """The retryDelay of a google.rpc.RetryInfo inside an error body, if any."""
    error = details.get("error", details) if isinstance(details, dict) else None
    items = error.get("details") if isinstance(error, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and str(item.get("@type", "")).endswith("RetryInfo"):
            return parse_duration(item.get("retryDelay"))
    return None


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


@dataclass
class RetryPolicy:
    """Knobs for rotation and backoff. ``max_wait`` bounds the total sleep of one call."""

    max_wait: float = 90.0  # seconds of backoff, summed, before giving up
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_calls: int = 12  # HTTP calls for one prompt, across all models
    max_rounds: int = 3  # times each model may be tried for one prompt (timeouts: once)
    call_timeout: float = 180.0  # seconds per HTTP call
    jitter: float = 0.5  # a delay d becomes uniform(d * (1 - jitter), d)

    @classmethod
    def from_env(cls) -> RetryPolicy:
        """Defaults, overridable with SITEGEN_RETRY_MAX_WAIT, SITEGEN_RETRY_BASE_DELAY, SITEGEN_CALL_TIMEOUT."""
        return cls(
            max_wait=_env_float("SITEGEN_RETRY_MAX_WAIT", cls.max_wait),
            base_delay=_env_float("SITEGEN_RETRY_BASE_DELAY", cls.base_delay),
            call_timeout=_env_float("SITEGEN_CALL_TIMEOUT", cls.call_timeout),
        )

    def backoff(self, failures: int) -> float:
        """Exponential backoff with jitter for a model's n-th consecutive failure (n >= 1)."""
        delay = min(self.max_delay, self.base_delay * 2 ** max(0, failures - 1))
        return random.uniform(delay * (1 - self.jitter), delay)


@dataclass
class Rotation:
    """Model order plus per-model cool-down, shared by every call of one provider."""

    models: list[str]
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    ready_at: dict[str, float] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    def pick(self, now: float, exclude: set[str] | frozenset[str] = frozenset()) -> tuple[str, float]:
        """The first model in order that is ready (skipping ``exclude`` while others remain), else
        the one ready soonest: (model, seconds to wait)."""
        candidates = [m for m in self.models if m not in exclude] or self.models
        for model in candidates:
            if self.ready_at.get(model, 0.0) <= now:
                return model, 0.0
        model = min(candidates, key=lambda m: self.ready_at.get(m, 0.0))
        return model, max(0.0, self.ready_at[model] - now)

    def failed(self, model: str, failure: CallFailure, now: float) -> float:
        """Put a model in cool-down after a retryable failure; return the delay chosen."""
        self.failures[model] = self.failures.get(model, 0) + 1
        if failure.retry_after:  # the server said when: honour it, plus a little jitter
            delay = failure.retry_after + random.uniform(0, min(1.0, 0.1 * failure.retry_after))
        else:
            delay = self.policy.backoff(self.failures[model])
        self.ready_at[model] = now + delay
        return delay

    def succeeded(self, model: str) -> None:
        self.failures.pop(model, None)
        self.ready_at.pop(model, None)


async def call_with_rotation(
    rotation: Rotation,
    call: Callable[[str], Awaitable[T]],
    on_failure: Callable[[str, CallFailure], None] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run ``call(model)`` under the rotation; raise SitegenError when it cannot succeed.

    A fatal failure is raised at once; retryable ones rotate models and wait, until the next wait
    would exceed ``policy.max_wait`` in total, ``policy.max_calls`` calls or ``policy.max_rounds``
    rounds over the models were made, or every model has timed out once (a timeout is expensive).
    """
    policy = rotation.policy
    waited = 0.0
    last: CallFailure | None = None
    tried: list[str] = []
    timeouts = 0
    this_round: set[str] = set()  # models that failed since the round began: try the others first
    budget = min(policy.max_calls, max(1, policy.max_rounds) * len(rotation.models))
    for _ in range(max(1, budget)):
        if timeouts >= len(rotation.models):
            break
        if this_round >= set(rotation.models):
            this_round.clear()
        model, wait = rotation.pick(time.monotonic(), this_round)
        if wait > 0:
            if waited + wait > policy.max_wait:
                break
            await sleep(wait)
            waited += wait
        try:
            result = await call(model)
        except CallFailure as failure:
            last = failure
            if model not in tried:
                tried.append(model)
            if on_failure:
                on_failure(model, failure)
            if not failure.rule.retry:
                raise SitegenError(f"{model}: {failure.message}", failure.rule.kind, failure.rule.hint) from None
            timeouts += failure.rule is TIMEOUT_RULE
            this_round.add(model)
            rotation.failed(model, failure, time.monotonic())
            continue
        rotation.succeeded(model)
        return result
    assert last is not None
    return _give_up(rotation, last, tried, waited)


def _give_up(rotation: Rotation, last: CallFailure, tried: list[str], waited: float) -> Any:
    soonest = min((rotation.ready_at.get(m, 0.0) for m in rotation.models), default=0.0)
    retry_in = max(0.0, soonest - time.monotonic())
    models = ", ".join(tried) or ", ".join(rotation.models)
    if last.rule.kind == ErrorKind.RATE_LIMIT:
        message = f"every model is rate-limited ({models}); last: {last.message}"
    else:
        message = f"no model answered ({models}); last: {last.message}"
    if retry_in >= 1:
        message += f"; retry in about {retry_in:.0f}s"
    elif waited:
        message += f" (waited {waited:.1f}s)"
    raise SitegenError(message, last.rule.kind, last.rule.hint)
