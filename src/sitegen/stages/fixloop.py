"""The fix loop of BUILDING: build, read the errors, fix cheaply first, then ask the FixerAgent.

Each attempt: deterministic fixes over the project (no tokens), then the FixerAgent with the
structured errors and only the files that still fail, then the deterministic fixes again over the
files it wrote, then a rebuild. An error (same file and message) is handed to the fixer at most once
per loop. It stops on success, after ``max_attempts`` attempts, when the same errors come back, or
when nothing could be changed (the fixer's answer changed nothing). Every attempt is reported
through ``emit(kind, message, data)``; deterministic fixes as ``autofix`` with ``{"fixes": [...]}``.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sitegen.agents.fixer import FixerAgent
from sitegen.checks.buildlog import BuildError, error_signature, log_tail, parse_build_errors
from sitegen.checks.rules import fix_project
from sitegen.checks.static import allowed_packages, check_file
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecorder, Provider
from sitegen.safepaths import path_problem, safe_write

Emit = Callable[..., None]


def _noop(*_args: Any, **_kwargs: Any) -> None:
    pass


def findings_to_errors(findings: Sequence[Any] | None) -> list[BuildError]:
    """Static-check findings (file, line, message) as build errors for the first attempt."""
    return [BuildError(str(f.file), int(getattr(f, "line", 0) or 0), 0, str(f.message)) for f in findings or []]


def _failing_files(project_dir: Path, errors: Sequence[BuildError]) -> list[str]:
    out: list[str] = []
    for e in errors:
        if e.file not in out and not path_problem(e.file) and (project_dir / e.file).is_file():
            out.append(e.file)
    return out


def refuse_findings(project_dir: Path, files: list[str]) -> None:
    """What the fixer wrote is static-checked before any build: an error left after the rules
    (child_process, eval, a remote script, ...) is refused, never built."""
    packages = allowed_packages(project_dir)
    for rel in files:
        path = Path(project_dir) / rel
        found = [f for f in check_file(Path(project_dir), path, packages) if f.severity == "error"]
        if found:
            raise SitegenError(f"the fixer wrote code the static checks refuse: {found[0]}",
                               ErrorKind.MODEL_OUTPUT, "Run `sitegen resume JOB` to try again, or use another --model.")


class FixLoop:
    """One run of the loop for one project (kept as an object so each step stays small)."""

    def __init__(self, project_dir: Path, builder: Any, provider: Provider, recorder: CallRecorder,
                 emit: Emit, max_attempts: int, on_log: Callable[[str], None],
                 sent: set[tuple[str, str]] | None = None):
        self.project_dir = Path(project_dir)
        self.builder = builder
        self.fixer = FixerAgent(provider, recorder)
        self.emit = emit
        self.max_attempts = max(0, int(max_attempts))
        self.on_log = on_log
        self.attempt = 0
        # (file, message) already handed to the fixer; pass one set to share it across loops of a job
        self.sent: set[tuple[str, str]] = sent if sent is not None else set()
        self.changed = False  # some attempt really changed a file

    async def build(self) -> Any:
        try:
            return await asyncio.to_thread(self.builder.build, self.project_dir, self.on_log)
        except asyncio.CancelledError:  # Ctrl-C: stop the build too, not just stop waiting for it
            if cancel := getattr(self.builder, "cancel", None):
                cancel()
            raise

    def autofix(self, files: list[str] | None = None) -> dict[str, list[str]]:
        """The deterministic rules over the project (or ``files``); {file: ["auto:<rule>", ...]}."""
        fixes = fix_project(self.project_dir, files)
        if fixes:
            self.emit("autofix", f"fixed {len(fixes)} thing(s) without a model", {"fixes": fixes})
        changes: dict[str, list[str]] = {}
        for f in fixes:
            changes.setdefault(f["file"], []).append(f"auto:{f['rule']}")
        return changes

    async def repair(self, errors: list[BuildError], log: str) -> dict[str, list[str]]:
        """Change files to address ``errors``; return {file: [what changed it]} (empty: nothing)."""
        changes = self.autofix()
        still = [f for f in _failing_files(self.project_dir, errors) if f not in changes]
        wanted = [e for e in errors if e.file in still and (e.file, e.message) not in self.sent]
        if wanted and self.fixer.available:
            asked = list(dict.fromkeys(e.file for e in wanted))
            texts = {f: (self.project_dir / f).read_text("utf-8", errors="replace") for f in asked}
            self.sent.update((e.file, e.message) for e in wanted)
            try:
                fixed = await self.fixer.fix(wanted, texts, log_tail(log, 30))
            except SitegenError as exc:
                self.emit("fix_error", f"the fixer failed: {exc.message}", {"attempt": self.attempt,
                                                                           "error_kind": exc.kind.value})
                fixed = {}
            if fixed:
                safe_write(self.project_dir, fixed)
                for f in fixed:
                    changes.setdefault(f, []).append("fixer")
                for f, how in self.autofix(list(fixed)).items():
                    changes.setdefault(f, []).extend(how)
                refuse_findings(self.project_dir, list(fixed))
        elif still and self.fixer.available:
            self.emit("fix_skipped", "these errors were already sent to the fixer once; not paying again",
                      {"attempt": self.attempt, "errors": [str(e)[:300] for e in errors[:20]]})
        return changes

    async def step(self, errors: list[BuildError], log: str) -> bool:
        """One attempt; False when nothing could be changed (no point in building again)."""
        self.attempt += 1
        self.emit("fix_attempt", f"fix attempt {self.attempt}/{self.max_attempts}: {len(errors)} error(s)"
                  + (f", first {errors[0]}" if errors else ""),
                  {"attempt": self.attempt, "errors": [str(e)[:300] for e in errors[:20]]})
        changes = await self.repair(errors, log)
        self.changed = self.changed or bool(changes)
        self.emit("fix_applied" if changes else "fix_nothing",
                  f"attempt {self.attempt}: changed {len(changes)} file(s)" if changes
                  else f"attempt {self.attempt}: no fix found",
                  {"attempt": self.attempt, "files": changes})
        return bool(changes)

    async def run(self, findings: Sequence[Any] | None = None) -> Any:
        pre = findings_to_errors(findings)
        if pre and self.max_attempts:
            await self.step(pre, "")
        last_sig: frozenset | None = None
        while True:
            result = await self.build()
            if result.ok:
                if self.changed:
                    self.emit("fix_done", f"the build passed after {self.attempt} fix attempt(s)",
                              {"attempt": self.attempt})
                return result
            errors = parse_build_errors(result.log, self.project_dir)
            sig = error_signature(errors, result.log)
            first = str(errors[0]) if errors else ""
            if self.attempt >= self.max_attempts:
                return self._give_up(result, errors, f"still failing after {self.attempt} fix attempt(s)")
            if sig == last_sig:
                return self._give_up(result, errors, "the same errors came back; stopped fixing")
            last_sig = sig
            if not await self.step(errors, result.log):
                return self._give_up(result, errors, "no fix could be made" + (f" for {first}" if first else ""))

    def _give_up(self, result: Any, errors: list[BuildError], why: str) -> Any:
        first = f": {errors[0]}" if errors else ""
        message = f"{why}{first}"
        self.emit("fix_gave_up", message, {"attempt": self.attempt, "log_tail": log_tail(result.log, 40),
                                           "errors": [str(e)[:300] for e in errors[:20]]})
        if dataclasses.is_dataclass(result) and self.attempt:
            return dataclasses.replace(result, error=f"{result.error or 'the build failed'} ({message})"[:1000])
        return result


async def build_with_fixes(
    project_dir: Path,
    builder: Any,
    provider: Provider,
    recorder: CallRecorder,
    emit: Emit | None = None,
    max_attempts: int = 3,
    on_log: Callable[[str], None] | None = None,
    findings: Sequence[Any] | None = None,
    sent: set[tuple[str, str]] | None = None,
) -> Any:
    """Build ``project_dir``; on failure fix and rebuild, at most ``max_attempts`` times.

    ``findings`` (static-check results with file, line and message) are fixed before the first
    build. ``sent`` (shared by the job's loops) holds the errors already handed to the fixer.
    Returns the last BuildResult (``ok`` False when the loop gave up; its log is the last
    build's log).
    """
    loop = FixLoop(project_dir, builder, provider, recorder, emit or _noop, max_attempts, on_log or _noop, sent)
    return await loop.run(findings)
