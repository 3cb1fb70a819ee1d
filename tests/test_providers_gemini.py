"""The Gemini provider with the REAL google-genai client against a fake Gemini server."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.agents.planner import make_plan
from sitegen.agents.ui import generate_files
from sitegen.config import load_settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecord, Prompt
from sitegen.providers.gemini import GeminiProvider
from sitegen.providers.retry import RetryPolicy
from sitegen.safepaths import safe_write
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario, rate_limited, server_error

KEY = "test-gemini-key-123"
MODELS = ["gemini-3.8-flash", "gemini-3.5-flash"]


@pytest.fixture
def scenario() -> Scenario:
    return Scenario(pages=3)


@pytest.fixture
def fake(scenario: Scenario, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGemini]:
    with FakeGemini(scenario, api_key=KEY) as server:
        monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", server.url)
        yield server


def provider(max_wait: float = 1.0, timeout: float = 10.0, models: list[str] | None = None) -> GeminiProvider:
    settings = load_settings()
    policy = RetryPolicy(max_wait=max_wait, base_delay=0.01, max_delay=0.05, call_timeout=timeout)
    return GeminiProvider(KEY, models or MODELS, price=settings.price, policy=policy, secrets=[KEY])


def run_plan(p: GeminiProvider, records: list[CallRecord]):
    return asyncio.run(make_plan("a coffee roaster in Lisbon", p, records.append))


def test_plan_and_generate_with_the_real_client(fake: FakeGemini) -> None:
    p, records = provider(), []
    plan = run_plan(p, records)
    assert plan.name == "Lumen Coffee" and len(plan.pages) == 3
    files = asyncio.run(generate_files(plan, p, records.append))  # a second event loop: client per loop
    expected = {"app/layout.tsx", "app/globals.css", "app/page.tsx", "app/menu/page.tsx", "app/about/page.tsx"}
    assert expected <= set(files)
    assert [r["kind"] for r in fake.requests] == ["SitePlan", "LayoutOutput"] + ["PageOutput"] * 3
    body = fake.requests[0]["body"]
    assert body["generationConfig"]["responseMimeType"] == "application/json"
    assert body["generationConfig"]["responseJsonSchema"]["title"] == "SitePlan"
    assert all(r.ok and r.tokens_in > 0 and r.tokens_out > 0 and r.provider == "gemini" for r in records)
    assert records[0].cost_usd > 0  # gemini-3.8-flash has a price in the default table
    assert all(KEY not in json.dumps(r.__dict__) for r in records)


def test_429_on_the_first_model_rotates_to_the_second(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.per_model[MODELS[0]] = lambda kind, text: rate_limited("30s")
    records: list[CallRecord] = []
    plan = run_plan(provider(), records)
    assert plan.name == "Lumen Coffee"
    assert fake.models_called() == MODELS  # one request each: the SDK's own retries are off
    assert [(r.model, r.ok) for r in records] == [(MODELS[0], False), (MODELS[1], True)]
    assert "429" in records[0].error


def test_every_model_429_is_a_rate_limit_error_without_long_waits(fake: FakeGemini, scenario: Scenario) -> None:
    for m in MODELS:
        scenario.per_model[m] = lambda kind, text: rate_limited("30s")
    started = time.monotonic()
    with pytest.raises(SitegenError) as info:
        run_plan(provider(max_wait=1.0), [])
    assert time.monotonic() - started < 5
    assert info.value.kind == ErrorKind.RATE_LIMIT
    assert "every model is rate-limited" in info.value.message and "retry in about 3" in info.value.message
    assert "resume" in info.value.hint


def test_retry_delay_is_honoured_when_every_model_is_cooling_down(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [rate_limited("0.4s"), rate_limited("0.4s")]
    started = time.monotonic()
    run_plan(provider(max_wait=5), [])
    assert time.monotonic() - started >= 0.4
    assert fake.models_called()[:2] == MODELS and len(fake.requests) == 3
    gap = fake.requests[2]["at"] - fake.requests[1]["at"]
    assert gap >= 0.3  # waited for a model's retryDelay instead of hammering


def test_server_errors_rotate_and_give_up_as_provider_errors(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [server_error(503)]
    run_plan(provider(), [])
    assert fake.models_called()[:2] == MODELS
    for m in MODELS:
        scenario.per_model[m] = lambda kind, text: server_error(500)
    with pytest.raises(SitegenError) as info:
        run_plan(provider(max_wait=0.2), [])
    assert info.value.kind == ErrorKind.PROVIDER and "no model answered" in info.value.message


@pytest.mark.parametrize("status,word", [(400, "invalid"), (401, "key"), (403, "access"), (404, "Unknown model")])
def test_fatal_4xx_stops_at_once_with_a_hint(fake: FakeGemini, scenario: Scenario, status: int, word: str) -> None:
    scenario.script = [("error", status, "X", f"status {status}", None)]
    with pytest.raises(SitegenError) as info:
        run_plan(provider(), [])
    assert len(fake.requests) == 1
    assert info.value.kind == ErrorKind.PROVIDER and word in info.value.hint


def test_a_bad_key_is_fatal_and_never_logged(fake: FakeGemini) -> None:
    settings = load_settings()
    bad = GeminiProvider("wrong-key-987654", MODELS, price=settings.price, policy=RetryPolicy(max_wait=0.1))
    records: list[CallRecord] = []
    with pytest.raises(SitegenError) as info:
        asyncio.run(make_plan("x", bad, records.append))
    assert "GEMINI_API_KEY" in info.value.hint and len(fake.requests) == 1
    assert "wrong-key-987654" not in info.value.message + json.dumps([r.__dict__ for r in records])


def test_invalid_json_then_valid_json_succeeds(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [("ok", '{"name": "Lumen", "pages": [', "STOP")]
    records: list[CallRecord] = []
    plan = run_plan(provider(), records)
    assert plan.name == "Lumen Coffee"
    repair = fake.requests[1]["body"]["contents"]
    assert [c["role"] for c in repair] == ["user", "model", "user"]
    assert "not valid JSON" in repair[2]["parts"][0]["text"]
    assert [r.ok for r in records] == [False, True]


def test_json_that_fails_validation_gets_the_errors_back(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [("ok", json.dumps({"name": "x", "tagline": "y", "description": "z",
                                          "palette": {"primary": "red", "accent": "#000000"}, "pages": []}), "STOP")]
    run_plan(provider(), [])
    text = fake.requests[1]["body"]["contents"][2]["parts"][0]["text"]
    assert "palette.primary" in text and "pages" in text


def test_invalid_twice_is_a_model_output_error(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [("ok", "not json", "STOP"), ("ok", "{}", "STOP")]
    with pytest.raises(SitegenError) as info:
        run_plan(provider(), [])
    assert info.value.kind == ErrorKind.MODEL_OUTPUT and len(fake.requests) == 2


def test_max_tokens_is_never_returned_nor_written(fake: FakeGemini, scenario: Scenario, tmp_path: Path) -> None:
    p = provider()
    plan = run_plan(p, [])
    truncated = json.dumps({"files": [{"path": "app/page.tsx", "content": "export default function P() {"}]})
    scenario.script_kinds = {"PageOutput"}
    scenario.script = [("ok", truncated, "MAX_TOKENS")] * 6
    project = tmp_path / "site"
    project.mkdir()
    with pytest.raises(SitegenError) as info:
        files = asyncio.run(generate_files(plan, p, []))
        safe_write(project, files)
    assert info.value.kind == ErrorKind.MODEL_OUTPUT and "cut off" in info.value.message
    assert list(project.iterdir()) == []


def test_max_tokens_then_complete_answer_is_used(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [("ok", '{"name": "Lumen Coffee", "tagline": "Coffee', "MAX_TOKENS")]
    records: list[CallRecord] = []
    assert run_plan(provider(), records).name == "Lumen Coffee"
    assert [r.error for r in records] == ["truncated: MAX_TOKENS", ""]
    assert "cut off" in fake.requests[1]["body"]["contents"][0]["parts"][0]["text"]


def test_hostile_paths_get_one_repair_then_fail_and_nothing_is_written(
    fake: FakeGemini, scenario: Scenario, tmp_path: Path
) -> None:
    p = provider()
    plan = run_plan(p, [])
    scenario.script_kinds = {"LayoutOutput"}
    for bad in ("../../x", "/etc/x", "app/../../x"):
        hostile = json.dumps({"files": [{"path": bad, "content": "pwned"},
                                        {"path": "app/layout.tsx", "content": "x"}]})
        scenario.script = [("ok", hostile, "STOP"), ("ok", hostile, "STOP")]
        with pytest.raises(SitegenError) as info:
            asyncio.run(generate_files(plan, p, []))
        assert info.value.kind == ErrorKind.MODEL_OUTPUT and "refused file path" in info.value.message
    assert not list(tmp_path.iterdir())
    assert not Path("/etc/x").exists()


def test_a_slow_model_times_out_and_rotates(scenario: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    with FakeGemini(scenario, api_key=KEY, delay=1.5) as server:
        monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", server.url)
        records: list[CallRecord] = []
        with pytest.raises(SitegenError) as info:
            run_plan(provider(max_wait=0.1, timeout=0.5), records)
        assert info.value.kind == ErrorKind.PROVIDER and "timed out" in info.value.message
        assert [r.model for r in records] == MODELS  # each model once: timeouts are not retried forever
        assert all("timed out" in r.error for r in records)


def test_text_prompts_return_text(fake: FakeGemini) -> None:
    completion = asyncio.run(provider().complete(Prompt(agent="editor", user="say hi")))
    assert completion.text == "plain text answer" and completion.parsed is None


def test_safety_stops_at_once_and_other_finish_reasons_get_a_retry(fake: FakeGemini, scenario: Scenario) -> None:
    scenario.script = [("ok", "", "OTHER")]
    assert run_plan(provider(), []).name == "Lumen Coffee" and len(fake.requests) == 2
    scenario.script = [("ok", "", "SAFETY")]
    with pytest.raises(SitegenError) as info:
        run_plan(provider(), [])
    assert info.value.kind == ErrorKind.MODEL_OUTPUT and "SAFETY" in info.value.message and len(fake.requests) == 3
