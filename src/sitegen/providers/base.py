"""The one interface every model provider implements, and the record of each call.

A provider turns a ``Prompt`` into a ``Completion``: plain text, or JSON validated into a
pydantic model. Agents never talk to an SDK directly; they call ``Provider.complete``, passing
a recorder that receives one ``CallRecord`` per HTTP call (successful or not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel


@dataclass
class Prompt:
    """One model request."""

    agent: str  # "planner", "ui", "fixer", "editor"
    user: str
    system: str = ""
    schema: type[BaseModel] | None = None  # when set, the reply must validate into it
    max_output_tokens: int = 16384
    temperature: float = 0.7


@dataclass
class Usage:
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass
class Completion:
    text: str
    parsed: BaseModel | None = None
    model: str = ""
    usage: Usage = field(default_factory=Usage)
    finish_reason: str = "STOP"


@dataclass
class CallRecord:
    """What the store keeps for every model call (successful or not). Never holds a key."""

    agent: str
    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    latency_ms: int
    cost_usd: float
    ok: bool
    error: str = ""


CallRecorder = Callable[[CallRecord], None]


@runtime_checkable
class Provider(Protocol):
    """A model provider. ``offline`` is true for the deterministic no-network provider."""

    name: str
    offline: bool

    async def complete(self, prompt: Prompt, recorder: CallRecorder | None = None) -> Completion:
        """Answer one prompt; raise SitegenError (PROVIDER, RATE_LIMIT, MODEL_OUTPUT) on failure.

        ``recorder`` gets a CallRecord for every underlying call, including failed ones.
        """
        ...


def noop_recorder(_: CallRecord) -> None:
    """A recorder that keeps nothing (tests, dry runs)."""


def cost_usd(price: tuple[float, float], tokens_in: int, tokens_out: int) -> float:
    """Estimated cost of one call from a (USD per million in, USD per million out) price."""
    return round((tokens_in * price[0] + tokens_out * price[1]) / 1_000_000, 8)


def describe(provider: Any) -> str:
    return getattr(provider, "name", type(provider).__name__)
