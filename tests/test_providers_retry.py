"""The shared retry policy: the retryable/fatal table, RetryInfo parsing, backoff and the rotation."""

from __future__ import annotations

import asyncio

import pytest

from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.retry import (
    TIMEOUT_RULE,
    CallFailure,
    RetryPolicy,
    Rotation,
    call_with_rotation,
    parse_duration,
    retry_delay_from_details,
    rule_for,
)


def test_rule_table() -> None:
    assert rule_for(429).retry and rule_for(429).kind == ErrorKind.RATE_LIMIT
    for status in (500, 502, 503, 504, 599):
        assert rule_for(status).retry and rule_for(status).kind == ErrorKind.PROVIDER
    for status in (400, 401, 403, 404, 422):
        assert not rule_for(status).retry
    assert rule_for(None).retry  # network trouble
    assert "GEMINI_API_KEY" in rule_for(400, "INVALID_ARGUMENT", "API key not valid. Please pass").hint
    assert rule_for(499, "RESOURCE_EXHAUSTED").kind == ErrorKind.RATE_LIMIT


def test_retry_info_and_durations() -> None:
    body = {"error": {"code": 429, "details": [
        {"@type": "type.googleapis.com/google.rpc.QuotaFailure"},
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]}}
    assert retry_delay_from_details(body) == 37.0
    assert retry_delay_from_details({"error": {"code": 429}}) is None
    assert retry_delay_from_details("not a dict") is None
    assert parse_duration("1.5s") == 1.5 and parse_duration("250ms") == 0.25 and parse_duration("12") == 12
    assert parse_duration("soon") is None and parse_duration(None) is None


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=0.5)
    for n, top in ((1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)):
        values = {policy.backoff(n) for _ in range(50)}
        assert all(top / 2 <= v <= top for v in values) and len(values) > 1


def test_rotation_prefers_the_first_ready_model() -> None:
    rotation = Rotation(["a", "b"], RetryPolicy(base_delay=1.0))
    assert rotation.pick(100.0) == ("a", 0.0)
    rotation.failed("a", CallFailure("429", rule_for(429), 429, retry_after=30.0), 100.0)
    assert rotation.pick(100.0) == ("b", 0.0)
    rotation.failed("b", CallFailure("429", rule_for(429), 429, retry_after=10.0), 100.0)
    model, wait = rotation.pick(100.0)
    assert model == "b" and 10.0 <= wait <= 11.0  # honours retryDelay (plus a little jitter)
    rotation.succeeded("a")
    assert rotation.pick(100.0) == ("a", 0.0)


def test_call_with_rotation_bounds() -> None:
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def always_429(model: str) -> str:
        raise CallFailure("429 RESOURCE_EXHAUSTED", rule_for(429), 429, retry_after=2.0)

    rotation = Rotation(["a", "b"], RetryPolicy(max_wait=5.0))
    with pytest.raises(SitegenError) as info:
        asyncio.run(call_with_rotation(rotation, always_429, sleep=fake_sleep))
    assert info.value.kind == ErrorKind.RATE_LIMIT and sum(sleeps) <= 5.0 and sleeps

    calls: list[str] = []

    async def slow(model: str) -> str:
        calls.append(model)
        raise CallFailure("timed out", TIMEOUT_RULE)

    with pytest.raises(SitegenError):
        asyncio.run(call_with_rotation(Rotation(["a", "b", "c"], RetryPolicy(base_delay=0)), slow, sleep=fake_sleep))
    assert calls == ["a", "b", "c"]

    async def fatal(model: str) -> str:
        calls.append(model)
        raise CallFailure("404 NOT_FOUND: models/x", rule_for(404), 404)

    calls.clear()
    with pytest.raises(SitegenError) as info:
        asyncio.run(call_with_rotation(Rotation(["x", "y"]), fatal, sleep=fake_sleep))
    assert calls == ["x"] and "--model" in info.value.hint
