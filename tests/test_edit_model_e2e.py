"""`sitegen edit` driven by a model, end to end: the real `sitegen new` and `sitegen edit
--provider gemini` against the fake Gemini server (the real google-genai client), the EditorAgent's
request and reply, a real `next build`, `history` and `undo`."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario, page_json, plan_json

pytestmark = pytest.mark.e2e

GEMINI_KEY = "test-gemini-key-123"
FAST_RETRY = {"SITEGEN_RETRY_MAX_WAIT": "1", "SITEGEN_RETRY_BASE_DELAY": "0.01"}
FLAGS = ("--provider", "gemini", "--sandbox", "local", "--no-verify", "--json")


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


def cli_json(*args: str, cwd: Path, env: dict[str, str]) -> dict:
    result = run_cli(*args, cwd=cwd, env=env, timeout=600)
    assert result.stdout.strip(), result.stderr[-3000:]
    data = json.loads(result.stdout)  # exactly one JSON object on stdout
    data["_exit"] = result.returncode
    data["_stderr"] = result.stderr
    return data


def page_text(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def test_model_edit_rebuilds_is_versioned_and_undone(tmp_path: Path, gemini: tuple[FakeGemini, dict]) -> None:
    fake, env = gemini
    site = tmp_path / "site"
    new = cli_json("new", "a coffee roaster in Lisbon", "--out", str(site), *FLAGS, cwd=tmp_path, env=env)
    assert new["_exit"] == 0 and new["status"] == "done", new["_stderr"][-3000:]
    index = site / "out" / "index.html"
    before = page_text(index)
    assert "Lumen Coffee" in before and "Pricing" not in before
    made = len(fake.requests)

    edit = cli_json("edit", str(site), "add a pricing section", *FLAGS, cwd=tmp_path, env=env)
    assert edit["_exit"] == 0 and edit["status"] == "done", edit["_stderr"][-3000:]
    assert [s["stage"] for s in edit["stages"]] == ["PLANNING", "GENERATING", "CHECKING", "BUILDING"]

    # one editor call, carrying the instruction, the plan and the current home page
    asked = fake.requests[made:]
    assert [r["kind"] for r in asked] == ["EditOutput"]
    body = asked[0]["body"]
    assert body["generationConfig"]["responseJsonSchema"]["title"] == "EditOutput"
    prompt = json.dumps(body)
    assert "add a pricing section" in prompt and "Lumen Coffee" in prompt and "--- app/page.tsx" in prompt

    edited = page_text(index)
    assert "Pricing" in edited and "Monthly subscription: 32 EUR" in edited
    assert "Small-batch roasts, slow mornings." in edited  # the rest of the page is kept
    assert 'id="pricing"' in (site / "app" / "page.tsx").read_text(encoding="utf-8")
    assert edit["result"]["changes"] == ["Added a pricing section to the home page"]
    assert edit["llm_calls"] == 1 and edit["tokens_in"] > 0 and edit["tokens_out"] > 0 and edit["cost_usd"] > 0
    assert GEMINI_KEY not in json.dumps(edit) and GEMINI_KEY not in edit["_stderr"]

    history = cli_json("history", str(site), "--json", cwd=tmp_path, env=env)
    assert history["_exit"] == 0
    assert [v["message"].split(":")[0] for v in history["versions"]] == ["Edit", "Generate"]

    undo = cli_json("undo", str(site), "--sandbox", "local", "--no-verify", "--json", cwd=tmp_path, env=env)
    assert undo["_exit"] == 0 and undo["status"] == "done", undo["_stderr"][-3000:]
    assert page_text(index) == before
    assert 'id="pricing"' not in (site / "app" / "page.tsx").read_text(encoding="utf-8")
    assert len(fake.requests) == made + 1  # undo asks no model
    assert len(cli_json("history", str(site), "--json", cwd=tmp_path, env=env)["versions"]) == 3


# -- the other shapes of an editor reply (no build: --sandbox none) ---------------------------------------
QUICK = ("--provider", "gemini", "--sandbox", "none", "--json")


@pytest.fixture
def quick_gemini(sitegen_home: Path) -> Iterator[tuple[FakeGemini, dict[str, str]]]:
    with FakeGemini(Scenario(pages=2), api_key=GEMINI_KEY) as fake:
        env = {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url,
               "SITEGEN_MODELS": "gemini-3.8-flash", **FAST_RETRY}
        yield fake, env


def quick_site(tmp_path: Path, fake: FakeGemini, env: dict[str, str]) -> Path:
    site = tmp_path / "site"
    new = cli_json("new", "a coffee roaster in Lisbon", "--out", str(site), *QUICK, cwd=tmp_path, env=env)
    assert new["_exit"] == 0 and new["status"] == "done", new["_stderr"][-3000:]
    return site


def edit_kinds(fake: FakeGemini, made: int) -> list[str]:
    return [r["kind"] for r in fake.requests[made:]]


def test_a_plan_only_reply_regenerates_the_site_from_the_new_plan(
    tmp_path: Path, quick_gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = quick_gemini
    site = quick_site(tmp_path, fake, env)
    made = len(fake.requests)
    fake.scenario.overrides["EditOutput"] = lambda text: {
        "summary": ["Added an About page"], "plan": plan_json(3), "files": [], "delete": []}
    edit = cli_json("edit", str(site), "add an about page", *QUICK, cwd=tmp_path, env=env)
    assert edit["_exit"] == 0 and edit["status"] == "done", edit["_stderr"][-3000:]
    assert edit_kinds(fake, made) == ["EditOutput", "LayoutOutput", "PageOutput", "PageOutput", "PageOutput"]
    assert (site / "app" / "about" / "page.tsx").is_file()
    assert [p["slug"] for p in json.loads((site / ".sitegen" / "plan.json").read_text())["pages"]] == [
        "", "menu", "about"]
    assert edit["result"]["changes"] == ["Added an About page"] and edit["llm_calls"] == 5


def test_a_delete_only_reply_removes_the_file_and_regenerates_nothing(
    tmp_path: Path, quick_gemini: tuple[FakeGemini, dict]
) -> None:
    fake, env = quick_gemini
    extra = "components/home/Unused.tsx"

    def pages(text: str) -> dict:
        files = page_json(text)["files"]
        if "Page file: app/page.tsx" in text:
            files.append({"path": extra, "content": "export function Unused() {\n  return null;\n}\n"})
        return {"files": files}

    fake.scenario.overrides["PageOutput"] = pages
    site = quick_site(tmp_path, fake, env)
    assert (site / extra).is_file()
    made = len(fake.requests)
    fake.scenario.overrides["EditOutput"] = lambda text: {
        "summary": ["Removed the unused component"], "plan": None, "files": [], "delete": [extra]}
    edit = cli_json("edit", str(site), "remove the unused component", *QUICK, cwd=tmp_path, env=env)
    assert edit["_exit"] == 0 and edit["status"] == "done", edit["_stderr"][-3000:]
    assert edit_kinds(fake, made) == ["EditOutput"]  # no regeneration of an unchanged plan
    assert not (site / extra).exists() and (site / "app" / "page.tsx").is_file()
    assert extra not in json.loads((site / ".sitegen" / "files.json").read_text())


def test_a_reply_that_changes_nothing_fails_planning(tmp_path: Path, quick_gemini: tuple[FakeGemini, dict]) -> None:
    fake, env = quick_gemini
    site = quick_site(tmp_path, fake, env)
    before = (site / "app" / "page.tsx").read_text()
    fake.scenario.overrides["EditOutput"] = lambda text: {"summary": ["Nothing to do"], "plan": None,
                                                          "files": [], "delete": []}
    edit = cli_json("edit", str(site), "add a pricing section", *QUICK, cwd=tmp_path, env=env)
    assert edit["_exit"] == 1 and edit["status"] == "failed" and edit["stage"] == "PLANNING"
    assert edit["error_kind"] == "model_output" and "proposed no change" in edit["error"]
    assert (site / "app" / "page.tsx").read_text() == before
