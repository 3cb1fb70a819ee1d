"""The OpenAI-compatible provider (httpx) against a fake /v1/chat/completions server; and the registry."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import pytest

from sitegen.agents.planner import make_plan
from sitegen.agents.ui import generate_files
from sitegen.config import load_settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecord
from sitegen.providers.openai_compat import OpenAICompatProvider, chat_url
from sitegen.providers.registry import get_provider
from sitegen.providers.retry import RetryPolicy
from tests.fakes.fake_openai import FakeOpenAI
from tests.fakes.scenario import Scenario, plan_json, rate_limited

KEY = "sk-test-openai-456"
MODELS = ["local-a", "local-b"]


@pytest.fixture
def scenario() -> Scenario:
    return Scenario(pages=2)


@pytest.fixture
def fake(scenario: Scenario) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(scenario, api_key=KEY) as server:
        yield server


def provider(fake: FakeOpenAI, max_wait: float = 1.0, key: str = KEY) -> OpenAICompatProvider:
    policy = RetryPolicy(max_wait=max_wait, base_delay=0.01, max_delay=0.05, call_timeout=10)
    return OpenAICompatProvider(key, fake.url, MODELS, price=lambda m: (1.0, 2.0), policy=policy, secrets=[key])


def run_plan(p: OpenAICompatProvider, records: list[CallRecord] | None = None):
    return asyncio.run(make_plan("a coffee roaster in Lisbon", p, (records if records is not None else []).append))


def test_chat_url() -> None:
    assert chat_url("http://h:1") == "http://h:1/v1/chat/completions"
    assert chat_url("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert chat_url("") == "https://api.openai.com/v1/chat/completions"


def test_plan_and_generate(fake: FakeOpenAI) -> None:
    p, records = provider(fake), []
    plan = run_plan(p, records)
    files = asyncio.run(generate_files(plan, p, records.append))
    assert {"app/layout.tsx", "app/page.tsx", "app/menu/page.tsx"} <= set(files)
    first = fake.requests[0]["body"]
    assert first["response_format"] == {"type": "json_object"}
    assert first["messages"][0]["role"] == "system" and '"title":"SitePlan"' in first["messages"][0]["content"]
    assert fake.requests[0]["auth"] == f"Bearer {KEY}"
    assert all(r.ok and r.provider == "openai" and r.cost_usd > 0 for r in records)
    assert KEY not in json.dumps([r.__dict__ for r in records])


def test_429_rotates_and_all_429_is_a_rate_limit(fake: FakeOpenAI, scenario: Scenario) -> None:
    scenario.per_model["local-a"] = lambda kind, text: rate_limited("20")
    assert run_plan(provider(fake)).name == "Lumen Coffee"
    assert fake.models_called() == MODELS
    scenario.per_model["local-b"] = lambda kind, text: rate_limited("20")
    started = time.monotonic()
    with pytest.raises(SitegenError) as info:
        run_plan(provider(fake))
    assert info.value.kind == ErrorKind.RATE_LIMIT and time.monotonic() - started < 5


def test_invalid_then_valid_json_and_fenced_json(fake: FakeOpenAI, scenario: Scenario) -> None:
    scenario.script = [("ok", "Sure! here it is: {broken", "STOP")]
    assert run_plan(provider(fake)).name == "Lumen Coffee"
    roles = [m["role"] for m in fake.requests[1]["body"]["messages"]]
    assert roles == ["system", "user", "assistant", "user"]
    scenario.script = [("ok", "```json\n" + json.dumps(plan_json(1)) + "\n```", "STOP")]
    assert run_plan(provider(fake)).name == "Lumen Coffee"


def test_length_finish_is_truncation(fake: FakeOpenAI, scenario: Scenario) -> None:
    scenario.script = [("ok", '{"name": "Lu', "MAX_TOKENS")] * 2
    with pytest.raises(SitegenError) as info:
        run_plan(provider(fake))
    assert info.value.kind == ErrorKind.MODEL_OUTPUT and "cut off" in info.value.message


def test_server_without_json_mode_gets_the_schema_in_the_prompt(scenario: Scenario) -> None:
    with FakeOpenAI(scenario, api_key=KEY, json_mode=False) as fake:
        p = provider(fake)
        assert run_plan(p).name == "Lumen Coffee"
        assert "response_format" in fake.requests[0]["body"] and "response_format" not in fake.requests[1]["body"]
        assert p.json_mode is False


def test_bad_key_is_fatal(fake: FakeOpenAI) -> None:
    with pytest.raises(SitegenError) as info:
        run_plan(provider(fake, key="sk-wrong-000000"))
    assert info.value.kind == ErrorKind.PROVIDER and len(fake.requests) == 1
    assert "sk-wrong-000000" not in info.value.message


def test_registry_auto_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    p, why = get_provider(load_settings())
    assert p.name == "offline" and "no GEMINI_API_KEY" in why
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9")
    p, why = get_provider(load_settings())
    assert p.name == "openai" and "OPENAI_BASE_URL" in why
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-xyz")
    p, why = get_provider(load_settings())
    assert p.name == "openai" and "OPENAI_API_KEY" in why and "sk-secret-xyz" not in why
    monkeypatch.setenv("GEMINI_API_KEY", "gm-secret-xyz")
    monkeypatch.setenv("SITEGEN_MODELS", "m-one,m-two")
    p, why = get_provider(load_settings())
    assert p.name == "gemini" and "GEMINI_API_KEY" in why and p.models == ["m-one", "m-two"]
    assert "gm-secret-xyz" not in why
    p, _ = get_provider(load_settings(), "gemini", ["only"])
    assert p.models == ["only"]
    p, _ = get_provider(load_settings(), "offline")
    assert p.name == "offline"


def test_registry_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SitegenError) as info:
        get_provider(load_settings(), "gemini")
    assert info.value.kind == ErrorKind.CONFIG
    with pytest.raises(SitegenError) as info:
        get_provider(load_settings(), "openai")
    assert info.value.kind == ErrorKind.CONFIG
    with pytest.raises(SitegenError) as info:
        get_provider(load_settings(), "claude")
    assert info.value.kind == ErrorKind.USAGE
