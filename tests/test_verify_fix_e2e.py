"""Browser findings handed to the fixer, for real: the real `sitegen new --provider gemini --verify`
against the fake Gemini, a real `next build` and real Chromium. The home page holds a client
component that throws only in the browser (in a useEffect, so the build passes); VERIFYING finds
the uncaught exception, the fixer gets it, the site is rebuilt and checked again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.store import Store
from sitegen.verify.browser import find_chromium
from tests.conftest import need, run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario, page_tsx

pytestmark = [pytest.mark.e2e, pytest.mark.chromium]

GEMINI_KEY = "test-gemini-key-123"
FAST_RETRY = {"SITEGEN_RETRY_MAX_WAIT": "1", "SITEGEN_RETRY_BASE_DELAY": "0.01"}
MESSAGE = "Lumen roast timer exploded"
THROWS = f"""'use client';

import {{ useEffect }} from "react";

export function RoastTimer() {{
  useEffect(() => {{
    throw new Error("{MESSAGE}");
  }}, []);
  return <p className="mt-4">Next roast at noon.</p>;
}}
"""
FIXED = """'use client';

import { useEffect, useState } from "react";

export function RoastTimer() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
  }, []);
  return <p className="mt-4">{ready ? "Next roast at noon." : "Next roast soon."}</p>;
}
"""
TIMER = "components/home/RoastTimer.tsx"


def has_chromium() -> bool:
    try:
        find_chromium()
    except SitegenError:
        return False
    return True


@pytest.fixture
def gemini(warm_home: Path, template_deps: Path) -> Iterator[tuple[FakeGemini, dict[str, str]]]:
    need(has_chromium(), "chromium is not installed")
    scenario = Scenario(pages=2)
    scenario.overrides["PageOutput"] = home_with_timer
    scenario.fixes[TIMER] = FIXED
    with FakeGemini(scenario, api_key=GEMINI_KEY) as fake:
        env = {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url,
               "SITEGEN_MODELS": "gemini-3.8-flash,gemini-3.5-flash", **FAST_RETRY}
        yield fake, env


def home_with_timer(text: str) -> dict:
    """The home page renders RoastTimer (throws in the browser); other pages are plain."""
    if "Page file: app/page.tsx" not in text:
        return {"files": [{"path": "app/menu/page.tsx", "content": page_tsx("Menu")}]}
    page = page_tsx("Home").replace(
        'import { Coffee } from "lucide-react";',
        'import { Coffee } from "lucide-react";\nimport { RoastTimer } from "@/components/home/RoastTimer";',
    ).replace("</section>", "<RoastTimer /></section>")
    return {"files": [{"path": "app/page.tsx", "content": page}, {"path": TIMER, "content": THROWS}]}


def new(tmp_path: Path, env: dict[str, str]) -> tuple[dict, Path]:
    out = tmp_path / "site"
    result = run_cli("new", "a coffee roaster in Lisbon", "--out", str(out), "--provider", "gemini",
                     "--sandbox", "local", "--verify", "--json", cwd=tmp_path, env=env, timeout=900)
    assert result.stdout.strip(), result.stderr[-3000:]
    data = json.loads(result.stdout)
    data["_exit"] = result.returncode
    data["_stderr"] = result.stderr
    return data, out


def events(home: Path, job_id: str) -> list[dict]:
    store = Store(home / "sitegen.db")
    try:
        return [e["detail"] for e in store.events(job_id)]
    finally:
        store.close()


def fix_requests(fake: FakeGemini) -> list[str]:
    return [json.dumps(r["body"]) for r in fake.requests if r["kind"] == "FixOutput"]


def test_a_runtime_error_found_in_the_browser_is_fixed_and_rechecked(
    tmp_path: Path, warm_home: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    data, out = new(tmp_path, env)
    assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
    assert [s["stage"] for s in data["stages"]][-1] == "VERIFYING"
    verify = data["result"]["verify"]
    assert verify["ok"] is True and verify["fix_rounds"] == 1 and verify["problems"] == []
    assert (out / TIMER).read_text(encoding="utf-8") == FIXED
    assert "Next roast soon." in (out / "out" / "index.html").read_text(encoding="utf-8")  # rebuilt

    asked = fix_requests(fake)
    assert len(asked) == 1
    assert MESSAGE in asked[0] and f"=== {TIMER} ===" in asked[0]
    handed = [e for e in events(warm_home, data["job_id"]) if "handing them to the fixer" in e.get("message", "")]
    assert len(handed) == 1 and any(MESSAGE in p and TIMER in p for p in handed[0]["problems"])
    assert data["llm_calls"] == 5 and data["cost_usd"] > 0
    report = json.loads((out / ".sitegen" / "verify.json").read_text(encoding="utf-8"))
    assert report["ok"] is True and report["counts"]["page_errors"] == 0


def test_a_runtime_error_the_fixer_never_fixes_fails_verifying(
    tmp_path: Path, warm_home: Path, gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = gemini
    counter = iter(range(1, 50))
    fake.scenario.overrides["FixOutput"] = lambda text: {"files": [  # changed, but still throws
        {"path": TIMER, "content": "\n" * next(counter) + THROWS}]}
    data, out = new(tmp_path, env)
    assert data["_exit"] == 1 and data["status"] == "failed", data["_stderr"][-3000:]
    assert data["stage"] == "VERIFYING" and data["error_kind"] == "verify"
    assert MESSAGE in data["error"] and "problem(s) in the browser" in data["error"]
    assert len(fix_requests(fake)) == 2  # one per fix round, then it stops

    status = json.loads(run_cli("status", data["job_id"], "--json", cwd=tmp_path, env=env).stdout)
    assert status["status"] == "failed" and MESSAGE in status["error"]
    verify = status["result"]["verify"]
    assert verify["ok"] is False and verify["fix_rounds"] == 2
    assert any(MESSAGE in p and TIMER in p for p in verify["problems"])
    assert MESSAGE in status["log_tail"]
    report = json.loads((out / ".sitegen" / "verify.json").read_text(encoding="utf-8"))
    assert report["ok"] is False and report["counts"]["page_errors"] >= 1
    assert (out / "out" / "index.html").exists()  # the last build is kept for a look
