"""The VERIFYING stage: problems found in Chromium go to the fix loop; what remains fails the job."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.errors import ErrorKind, SitegenError
from sitegen.verify.report import FixItem
from tests.test_verify import CLEAN, THROWS, _require_chromium

stage = importlib.import_module("sitegen.stages.verifying")  # the module: the package re-exports a function

pytestmark = pytest.mark.chromium

PAGE = CLEAN.replace('<a href="/about/">About us</a>', "").replace('<a href="/about">About (no slash)</a>', "")


class Ctx:
    """The parts of pipeline.JobContext the stage uses."""

    def __init__(self, project: Path):
        self.project_dir = project
        self.meta_dir = project / ".sitegen"
        self.state: dict[str, Any] = {}
        self.options: dict[str, Any] = {}
        self.logs: list[str] = []
        self.infos: list[str] = []

    def log(self, text: str) -> None:
        self.logs.append(text)

    def info(self, message: str, **_: Any) -> None:
        self.infos.append(message)


def make_project(tmp_path: Path) -> Ctx:
    project = tmp_path / "site"
    (project / "out" / "oops").mkdir(parents=True)
    (project / "out" / "index.html").write_text(PAGE, "utf-8")
    (project / "out" / "oops" / "index.html").write_text(THROWS, "utf-8")
    (project / "app" / "oops").mkdir(parents=True)
    (project / "app" / "oops" / "page.tsx").write_text('throw new Error("kaboom from the hero");\n', "utf-8")
    (project / ".sitegen").mkdir()
    plan = {"pages": [{"slug": ""}, {"slug": "oops"}]}
    (project / ".sitegen" / "plan.json").write_text(json.dumps(plan), "utf-8")
    return Ctx(project)


def test_problems_are_handed_to_the_fixer_then_checked_again(tmp_path: Path, monkeypatch) -> None:
    _require_chromium()
    ctx = make_project(tmp_path)
    handed: list[list[FixItem]] = []

    def fake_fix(ctx_: Any, items: list[FixItem]) -> None:  # what the fix loop + rebuild would do
        handed.append(items)
        (ctx_.project_dir / "out" / "oops" / "index.html").write_text(PAGE, "utf-8")

    monkeypatch.setattr(stage, "_can_fix", lambda _ctx: True)
    monkeypatch.setattr(stage, "_fix_and_rebuild", fake_fix)
    detail = stage.verify_stage(ctx)
    assert len(handed) == 1
    items = handed[0]
    thrown = [i for i in items if i.source == "pageerror"]
    assert thrown and thrown[0].file == "app/oops/page.tsx" and "kaboom from the hero" in thrown[0].message
    assert all(hasattr(i, "line") and i.severity == "error" for i in items)  # shaped like build errors
    assert detail["fix_rounds"] == 1 and detail["pages"] == 2
    assert ctx.state["result"]["verify"]["ok"] is True
    assert len(ctx.state["result"]["screenshots"]) == 4
    saved = json.loads((ctx.meta_dir / "verify.json").read_text("utf-8"))
    assert saved["ok"] is True and saved["counts"]["pages"] == 2


def test_problems_that_remain_fail_the_stage_with_the_report_kept(tmp_path: Path, monkeypatch) -> None:
    _require_chromium()
    ctx = make_project(tmp_path)
    monkeypatch.setattr(stage, "_can_fix", lambda _ctx: False)  # e.g. the offline provider
    with pytest.raises(SitegenError) as info:
        stage.verify_stage(ctx)
    assert info.value.kind == ErrorKind.VERIFY and info.value.exit_code == 1
    assert "kaboom from the hero" in info.value.message or "problem" in info.value.message
    assert "verify.json" in info.value.hint and "SITEGEN_VERIFY=0" in info.value.hint
    verify = ctx.state["result"]["verify"]
    assert verify["ok"] is False and any("kaboom" in p for p in verify["problems"])
    assert any("kaboom from the hero" in line for line in ctx.logs)
    assert (ctx.meta_dir / "verify.json").is_file() and ctx.state["result"]["screenshots"]


def test_plan_routes(tmp_path: Path) -> None:
    ctx = make_project(tmp_path)
    assert stage.plan_routes(ctx.meta_dir) == ["/", "/oops/"]
    assert stage.plan_routes(tmp_path / "nothing") == []
