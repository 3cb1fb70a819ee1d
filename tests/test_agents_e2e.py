"""End to end with a model: the real `sitegen new --provider gemini|openai` against fake model servers
(the real google-genai client and httpx), a real `next build`, the fix loop and the job record."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.plan import SitePlan
from sitegen.store import Store
from tests.conftest import run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.fake_openai import FakeOpenAI
from tests.fakes.scenario import Scenario, page_tsx, rate_limited

pytestmark = pytest.mark.e2e

GEMINI_KEY = "test-gemini-key-123"
OPENAI_KEY = "sk-test-openai-456"
TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "sitegen" / "template"
BROKEN = "export function Broken() {\n  return <div className=\"p-4\">broken\n}\n"
FIXED = 'export function Broken() {\n  return <div className="p-4">fixed</div>;\n}\n'
FAST_RETRY = {"SITEGEN_RETRY_MAX_WAIT": "1", "SITEGEN_RETRY_BASE_DELAY": "0.01"}


@pytest.fixture
def home(warm_home: Path, template_deps: Path) -> Path:
    """A SITEGEN_HOME whose dependency cache already holds the template's lockfile."""
    return warm_home


@pytest.fixture
def gemini(home: Path) -> Iterator[tuple[FakeGemini, dict[str, str]]]:
    with FakeGemini(Scenario(pages=2), api_key=GEMINI_KEY) as fake:
        env = {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url,
               "SITEGEN_MODELS": "gemini-3.8-flash,gemini-3.5-flash", **FAST_RETRY}
        yield fake, env


def new(tmp_path: Path, env: dict[str, str], provider: str = "gemini", sandbox: str = "local") -> tuple[dict, Path]:
    out = tmp_path / "site"
    result = run_cli("new", "a coffee roaster in Lisbon", "--out", str(out), "--provider", provider,
                     "--sandbox", sandbox, "--no-verify", "--json", cwd=tmp_path, env=env, timeout=600)
    assert result.stdout.strip(), result.stderr[-3000:]
    data = json.loads(result.stdout)
    data["_exit"] = result.returncode
    data["_stderr"] = result.stderr
    return data, out


def home_of(env: dict[str, str]) -> Path:
    return Path(os.environ["SITEGEN_HOME"])


def status(tmp_path: Path, job_id: str, env: dict[str, str]) -> dict:
    return json.loads(run_cli("status", job_id, "--json", cwd=tmp_path, env=env).stdout)


def fix_events(home: Path, job_id: str) -> list[dict]:
    store = Store(home / "sitegen.db")
    try:
        return [e["detail"] for e in store.events(job_id) if e["detail"].get("kind", "").startswith("fix_")]
    finally:
        store.close()


def with_broken_component(scenario: Scenario) -> None:
    """The home page imports a component with a syntax error; the fixer knows the good version."""
    def home_page(text: str) -> dict:
        if "Page file: app/page.tsx" not in text:
            title = "Menu"
            return {"files": [{"path": "app/menu/page.tsx", "content": page_tsx(title)}]}
        page = page_tsx("Home").replace('import { Coffee } from "lucide-react";',
                                         'import { Coffee } from "lucide-react";\nimport { Broken } from '
                                         '"@/components/home/Broken";').replace("</section>", "<Broken /></section>")
        return {"files": [{"path": "app/page.tsx", "content": page},
                          {"path": "components/home/Broken.tsx", "content": BROKEN}]}

    scenario.overrides["PageOutput"] = home_page
    scenario.fixes["components/home/Broken.tsx"] = FIXED


def test_plan_generate_and_build_with_gemini(tmp_path: Path, gemini: tuple[FakeGemini, dict]) -> None:
    fake, env = gemini
    data, out = new(tmp_path, env)
    assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
    assert (out / "out" / "index.html").exists() and (out / "out" / "menu" / "index.html").exists()
    assert "Lumen Coffee" in (out / "out" / "index.html").read_text()
    assert SitePlan.model_validate_json((out / ".sitegen" / "plan.json").read_text()).name == "Lumen Coffee"
    assert [r["kind"] for r in fake.requests] == ["SitePlan", "LayoutOutput", "PageOutput", "PageOutput"]
    assert all(r["key"] == GEMINI_KEY for r in fake.requests)
    record = json.dumps(status(tmp_path, data["job_id"], env))
    assert GEMINI_KEY not in record and GEMINI_KEY not in data["_stderr"]


def test_every_model_rate_limited_fails_clearly_and_keeps_the_plan(
    tmp_path: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    for m in ("gemini-3.8-flash", "gemini-3.5-flash"):
        fake.scenario.per_model[m] = lambda kind, text: rate_limited("40s") if kind != "SitePlan" else None
    data, out = new(tmp_path, env)
    assert data["_exit"] == 1 and data["status"] == "failed" and data["stage"] == "GENERATING"
    assert data["error_kind"] == "rate_limit" and "every model is rate-limited" in data["error"]
    assert (out / ".sitegen" / "plan.json").exists()
    assert not (out / "app").exists()


def test_truncated_pages_are_never_written(tmp_path: Path, gemini: tuple[FakeGemini, dict]) -> None:
    fake, env = gemini
    truncated = json.dumps({"files": [{"path": "app/page.tsx", "content": "export default function P() {"}]})
    fake.scenario.script_kinds = {"PageOutput"}
    fake.scenario.script = [("ok", truncated, "MAX_TOKENS")] * 10
    data, out = new(tmp_path, env)
    assert data["_exit"] == 1 and data["error_kind"] == "model_output" and "cut off" in data["error"]
    assert not (out / "app").exists()


def test_hostile_paths_are_refused_and_nothing_is_written_outside(
    tmp_path: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    before = {p for p in tmp_path.parent.iterdir()}
    hostile = json.dumps({"files": [{"path": "../../x.tsx", "content": "pwned"},
                                    {"path": "app/page.tsx", "content": "x"}]})
    fake.scenario.script_kinds = {"PageOutput"}
    fake.scenario.script = [("ok", hostile, "STOP")] * 10
    data, out = new(tmp_path, env)
    assert data["_exit"] == 1 and data["error_kind"] == "model_output" and "refused file path" in data["error"]
    assert {p for p in tmp_path.parent.iterdir()} == before
    assert not (tmp_path / "x.tsx").exists() and not (out / "app").exists()


def test_a_syntax_error_is_repaired_by_the_fixer_in_a_real_build(
    tmp_path: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    with_broken_component(fake.scenario)
    data, out = new(tmp_path, env)
    assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
    assert (out / "components/home/Broken.tsx").read_text() == FIXED
    assert "fixed" in (out / "out" / "index.html").read_text()
    fix_requests = [r for r in fake.requests if r["kind"] == "FixOutput"]
    assert len(fix_requests) == 1
    asked = json.dumps(fix_requests[0]["body"])
    assert "components/home/Broken.tsx:3:1" in asked and "=== app/page.tsx ===" not in asked
    job = status(tmp_path, data["job_id"], env)
    assert job["llm_calls"] == 5 and job["tokens_in"] > 0 and job["cost_usd"] > 0
    kinds = [e["kind"] for e in fix_events(home_of(env), data["job_id"])]
    assert kinds == ["fix_attempt", "fix_applied", "fix_done"]


def test_an_error_never_fixed_stops_after_the_cap_with_the_last_log(
    tmp_path: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    with_broken_component(fake.scenario)
    counter = iter(range(1, 50))
    fake.scenario.overrides["FixOutput"] = lambda text: {"files": [
        {"path": "components/home/Broken.tsx", "content": "\n" * next(counter) + BROKEN}]}
    data, out = new(tmp_path, {**env, "SITEGEN_FIX_ATTEMPTS": "2"})
    assert data["_exit"] == 1 and data["status"] == "failed" and data["stage"] == "BUILDING"
    assert data["error_kind"] == "build" and "no fix could be made" in data["error"]
    # the same error (file and message, on a new line) is never paid for twice (issue 11)
    assert len([r for r in fake.requests if r["kind"] == "FixOutput"]) == 1
    job = status(tmp_path, data["job_id"], env)
    assert "Broken.tsx:4:1" in job["log_tail"]  # the last build's log (error moved down 1 line) is kept
    events = fix_events(home_of(env), data["job_id"])
    assert [e["kind"] for e in events].count("fix_attempt") == 2
    assert events[-1]["kind"] == "fix_gave_up" and "Broken.tsx:4:1" in events[-1]["log_tail"]


def test_plan_generate_and_build_with_openai(tmp_path: Path, home: Path) -> None:
    with FakeOpenAI(Scenario(pages=1), api_key=OPENAI_KEY) as fake:
        env = {"OPENAI_API_KEY": OPENAI_KEY, "OPENAI_BASE_URL": fake.url, "SITEGEN_MODELS": "local-a,local-b",
               **FAST_RETRY}
        fake.scenario.per_model["local-a"] = lambda kind, text: rate_limited("30")
        data, out = new(tmp_path, env, provider="auto")
        assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
        assert (out / "out" / "index.html").exists()
        assert set(fake.models_called()) == {"local-a", "local-b"}
        with_broken_component(fake.scenario)
        fake.scenario.per_model.clear()
        (tmp_path / "two").mkdir()
        data, out = new(tmp_path / "two", env, provider="openai")
        assert data["_exit"] == 0, data["_stderr"][-3000:]
        assert (out / "components/home/Broken.tsx").read_text() == FIXED


def test_openai_every_model_rate_limited(tmp_path: Path, home: Path) -> None:
    with FakeOpenAI(Scenario(pages=1), api_key=OPENAI_KEY) as fake:
        env = {"OPENAI_API_KEY": OPENAI_KEY, "OPENAI_BASE_URL": fake.url, "SITEGEN_MODELS": "local-a,local-b",
               **FAST_RETRY}
        fake.scenario.script = [rate_limited("30")] * 2
        data, out = new(tmp_path, env, provider="openai", sandbox="none")
        assert data["_exit"] == 1 and data["error_kind"] == "rate_limit" and data["stage"] == "PLANNING"
