"""The fix loop with a scripted builder: deterministic fixes first, the fixer on failing files only,
the attempt cap, and the stop-early rule. (Real builds: tests/test_fixloop_e2e.py.)"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitegen.build import BuildResult
from sitegen.checks.buildlog import parse_build_errors
from sitegen.providers.base import CallRecord, Completion, Prompt, Usage
from sitegen.providers.offline import OfflineProvider
from sitegen.stages.fixloop import build_with_fixes

SYNTAX_LOG = """
> Build error occurred
Error: Turbopack build failed with 1 error:
./components/Broken.tsx:{line}:1
Error: Unexpected token. Did you mean `{{'}}'}}` or `&rbrace;`?
> {line} | }}
    | ^

Parsing ecmascript source code failed
"""


class ScriptedBuilder:
    """A builder whose outcome is computed from the project files (like a real build would)."""

    name = "scripted"

    def __init__(self, judge: Callable[[Path], str]):
        self.judge = judge
        self.builds = 0

    def build(self, project_dir: Path, on_log: Callable[[str], None]) -> BuildResult:
        self.builds += 1
        log = self.judge(project_dir)
        on_log(log)
        return BuildResult(ok=not log, log=log or "ok", seconds=0.01, error="next build failed" if log else "")


class FakeFixer:
    """A provider whose fixer answer is computed by a function of the prompt."""

    name = "fake"
    offline = False

    def __init__(self, answer: Callable[[Prompt], dict[str, str]]):
        self.answer = answer
        self.prompts: list[Prompt] = []

    async def complete(self, prompt: Prompt, recorder: Any = None) -> Completion:
        self.prompts.append(prompt)
        assert prompt.schema is not None
        files = [{"path": p, "content": c} for p, c in self.answer(prompt).items()]
        parsed = prompt.schema.model_validate({"files": files})
        if recorder:
            recorder(CallRecord("fixer", "fake", "m", 10, 20, 1, 0.0, True))
        return Completion("{}", parsed, "m", Usage(10, 20))


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "site"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / "package.json").write_text('{"dependencies": {"react": "1", "next": "1", "lucide-react": "1"}}')
    return root


def syntax_judge(root: Path) -> str:
    text = (root / "components/Broken.tsx").read_text()
    if "broken" not in text:
        return ""
    line = text.splitlines().index("}") + 1 if "}" in text.splitlines() else 3
    return SYNTAX_LOG.format(line=line)


def run(root: Path, builder: Any, provider: Any, max_attempts: int = 3, findings: Any = None):
    events: list[tuple[str, str, dict]] = []
    records: list[CallRecord] = []
    result = asyncio.run(build_with_fixes(root, builder, provider, records.append,
                                          lambda k, m, d=None: events.append((k, m, d or {})),
                                          max_attempts=max_attempts, findings=findings))
    return result, events, records


def test_parser_reads_the_scripted_log() -> None:
    (error,) = parse_build_errors(SYNTAX_LOG.format(line=3))
    assert (error.file, error.line, error.col) == ("components/Broken.tsx", 3, 1)


def test_fixer_gets_only_the_failing_files_and_the_build_passes(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n",
                              "app/page.tsx": "export default function P() { return <main/>; }\n"})
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": "export function B() { return <div>ok</div>; }\n",
                                 "app/evil.tsx": "not asked for"})
    builder = ScriptedBuilder(syntax_judge)
    result, events, records = run(root, builder, fixer)
    assert result.ok and builder.builds == 2
    (prompt,) = fixer.prompts
    assert "components/Broken.tsx:3:1: Unexpected token" in prompt.user
    assert "=== components/Broken.tsx ===" in prompt.user and "app/page.tsx" not in prompt.user
    assert not (root / "app/evil.tsx").exists()
    assert [k for k, _, _ in events] == ["fix_attempt", "fix_applied", "fix_done"]
    assert records and records[0].agent == "fixer"


def test_deterministic_fixes_come_first_and_cost_no_tokens(tmp_path: Path) -> None:
    page = 'import { useState } from "react";\nimport { CoffeeCupHot } from "lucide-react";\n' \
           'import { motion } from "framer-motion";\nexport function W() { const [a] = useState(0);\n' \
           '  return <motion.div animate={{ opacity: 1 }}><CoffeeCupHot />{a}</motion.div>; }\n'
    root = project(tmp_path, {"components/Widget.tsx": page})

    def judge(r: Path) -> str:
        text = (r / "components/Widget.tsx").read_text()
        ok = text.startswith('"use client"') and "framer-motion" not in text and "Coffee as CoffeeCupHot" in text
        return "" if ok else "./components/Widget.tsx:1:1\nError: Export CoffeeCupHot doesn't exist\n"

    fixer = FakeFixer(lambda p: {})
    result, events, _ = run(root, ScriptedBuilder(judge), fixer)
    assert result.ok and fixer.prompts == []
    applied = next(d for k, _, d in events if k == "fix_applied")
    assert applied["files"] == {"components/Widget.tsx": ["auto:motion", "auto:lucide-icon", "auto:use-client"]}
    fixes = next(d for k, _, d in events if k == "autofix")["fixes"]
    assert {"rule": "motion", "file": "components/Widget.tsx"} in fixes


def test_same_errors_coming_back_stop_early(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": "export function B() {\n  return <div>broken!\n}\n"})
    builder = ScriptedBuilder(syntax_judge)
    result, events, _ = run(root, builder, fixer)
    assert not result.ok and builder.builds == 2 and len(fixer.prompts) == 1
    assert events[-1][0] == "fix_gave_up" and "same errors" in events[-1][1]


def test_a_never_fixed_error_stops_after_the_cap_with_the_last_log(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    moved = iter(range(1, 100))

    def worse(p: Prompt) -> dict[str, str]:  # a different (still broken) file each time, new message each time
        n = next(moved)
        return {"components/Broken.tsx": "\n" * n + "export function B() {\n  return <div>broken\n}\n"}

    fixer = FakeFixer(worse)

    def judge(r: Path) -> str:
        text = (r / "components/Broken.tsx").read_text()
        line = text.splitlines().index("}") + 1
        return SYNTAX_LOG.format(line=line).replace("Unexpected token.", f"Unexpected token ({line}).")

    builder = ScriptedBuilder(judge)
    result, events, _ = run(root, builder, fixer, max_attempts=3)
    assert not result.ok and builder.builds == 4 and len(fixer.prompts) == 3
    assert [k for k, _, _ in events].count("fix_attempt") == 3
    assert events[-1][0] == "fix_gave_up" and "after 3 fix attempt" in events[-1][1]
    assert "Broken.tsx:6:1" in events[-1][2]["log_tail"]  # the last build's log
    assert "Broken.tsx:6:1" in result.log and "fix attempt" in result.error


def test_an_error_already_sent_to_the_fixer_is_not_paid_for_twice(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    moved = iter(range(1, 100))
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": "\n" * next(moved) + "export function B() {\n"
                                 "  return <div>broken\n}\n"})
    builder = ScriptedBuilder(syntax_judge)  # same message, new line: the same error for the fixer
    result, events, _ = run(root, builder, fixer, max_attempts=3)
    assert not result.ok and len(fixer.prompts) == 1 and builder.builds == 2
    kinds = [k for k, _, _ in events]
    assert "fix_skipped" in kinds and kinds[-1] == "fix_gave_up" and "no fix could be made" in events[-1][1]


def test_a_fixer_answer_that_changes_nothing_stops_the_loop(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": (root / "components/Broken.tsx").read_text()})
    builder = ScriptedBuilder(syntax_judge)
    result, events, _ = run(root, builder, fixer, max_attempts=3)
    assert not result.ok and builder.builds == 1 and len(fixer.prompts) == 1
    assert [k for k, _, _ in events] == ["fix_attempt", "fix_nothing", "fix_gave_up"]
    assert "fix_done" not in [k for k, _, _ in events]


def test_offline_provider_only_gets_deterministic_fixes(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    builder = ScriptedBuilder(syntax_judge)
    result, events, _ = run(root, builder, OfflineProvider())
    assert not result.ok and builder.builds == 1
    assert [k for k, _, _ in events] == ["fix_attempt", "fix_nothing", "fix_gave_up"]


def test_check_findings_are_fixed_before_the_first_build(tmp_path: Path) -> None:
    from sitegen.checks.static import Finding

    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": "export function B() { return <div>ok</div>; }\n"})
    builder = ScriptedBuilder(syntax_judge)
    finding = Finding("components/Broken.tsx", 2, "package 'x' is not in the dependency set", "import")
    result, _, _ = run(root, builder, fixer, findings=[finding])
    assert result.ok and builder.builds == 1
    assert "components/Broken.tsx:2:0: package 'x'" in fixer.prompts[0].user


def test_a_shared_sent_set_stops_a_later_loop_from_paying_again(tmp_path: Path) -> None:
    root = project(tmp_path, {"components/Broken.tsx": "export function B() {\n  return <div>broken\n}\n"})
    fixer = FakeFixer(lambda p: {"components/Broken.tsx": "\n" + (root / "components/Broken.tsx").read_text()})
    sent: set[tuple[str, str]] = set()
    for _ in range(2):  # e.g. BUILDING, then a rebuild for VERIFYING in the same job
        asyncio.run(build_with_fixes(root, ScriptedBuilder(syntax_judge), fixer, None, max_attempts=2, sent=sent))
    assert len(fixer.prompts) == 1 and len(sent) == 1
