"""The build steps both builders run, in order, and what their logs say about time.

One definition (``steps_for``): ``LocalBuilder`` runs each step as its own (sandboxed) process,
``DockerBuilder`` runs them all in one container through ``steps_script``. Every step sees
``SITEGEN_TYPES_CHECKED=1``, which the template's next.config.ts reads to skip next build's own
full type check: sitegen runs ``tsc --noEmit --incremental`` itself when the project has code it
did not write, and skips it when every source file is its own (sitegen.shipped).
"""

from __future__ import annotations

import re
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen import hostio

LogFn = Callable[[str], None]

TYPES_CHECKED_ENV = "SITEGEN_TYPES_CHECKED"
TSC_BUILDINFO = ".next/cache/sitegen/tsc.tsbuildinfo"  # kept per project, like Turbopack's cache


@dataclass(frozen=True)
class BuildStep:
    """One command of a build: a Node script from the project's dependencies, run in the project."""

    name: str  # in timings and errors
    shown: str  # in the log
    script: str  # relative to the project folder
    args: tuple[str, ...] = ()

    def argv(self, node: str, root: str | Path) -> list[str]:
        return [node, f"{root}/{self.script}", *self.args]

    @property
    def marker(self) -> str:
        """The log line that starts this step (both builders write it)."""
        return f"$ {self.shown}\n"


NEXT_BUILD = BuildStep("next build", "next build", "node_modules/next/dist/bin/next", ("build",))
TYPE_CHECK = BuildStep(
    "type check",
    "tsc --noEmit --incremental",
    "node_modules/typescript/bin/tsc",
    ("-p", "tsconfig.json", "--noEmit", "--incremental", "--tsBuildInfoFile", TSC_BUILDINFO, "--pretty", "false"),
)


def steps_for(switch: bool, own: bool) -> list[BuildStep]:
    """What a build runs, in order; both builders run exactly these (each one sandboxed).

    ``next build`` (Turbopack) first: it reports syntax and import errors with file:line:col as
    it always did, and writes the route types and next-env.d.ts that tsc reads. Then ``tsc
    --noEmit --incremental`` (tsBuildInfo under .next/cache), unless every source file is one
    sitegen wrote (shipped.py: type-checked in sitegen's CI) or the project's next.config.ts
    predates the switch (then next build type-checks, as before)."""
    return [NEXT_BUILD] if own or not switch else [NEXT_BUILD, TYPE_CHECK]


def uses_types_switch(project_dir: Path) -> bool:
    """Whether the project's next.config.ts lets sitegen turn next build's own type check off."""
    try:
        return TYPES_CHECKED_ENV.encode() in hostio.read_file(project_dir, "next.config.ts", 65536)
    except OSError:
        return False


PHASES = {  # next build's own report of its phases -> timing name
    "compile": re.compile(r"Compiled successfully in ([\d.]+)(ms|s)\b"),
    "typescript (next)": re.compile(r"Finished TypeScript in ([\d.]+)(ms|s)\b"),
    "static generation": re.compile(r"Generating static pages .*\bin ([\d.]+)(ms|s)\b"),
    "cache write": re.compile(r"Finished writing to filesystem cache in ([\d.]+)(ms|s)\b"),
}


def phase_times(log: str) -> dict[str, float]:
    """Seconds of each phase next build reports (compile, its type check, static generation)."""
    out: dict[str, float] = {}
    for name, pattern in PHASES.items():
        if m := pattern.search(log):
            out[name] = round(float(m[1]) / (1000 if m[2] == "ms" else 1), 3)
    return out


def step_log(log: str, step: BuildStep) -> str:
    """The part of a whole build log that one step wrote."""
    at = log.rfind(step.marker)
    return log[at + len(step.marker):] if at >= 0 else log


def steps_script(steps: list[BuildStep], root: str) -> str:
    """A POSIX sh script running the steps in order (the project at ``root``), each after its
    marker line, stopping at the first that fails (with its exit code)."""
    lines = []
    for step in steps:
        argv = " ".join(shlex.quote(a) for a in step.argv("node", root))
        lines.append(f"printf '%s\\n' {shlex.quote(step.marker.rstrip())}; {argv} || exit $?")
    return "\n".join(lines) + "\n"


class StepClock:
    """Passes a container's log lines on and notes when each step's marker line came."""

    def __init__(self, steps: list[BuildStep], on_log: LogFn):
        self.steps = {s.marker: s for s in steps}
        self.on_log = on_log
        self.started = time.monotonic()
        self.marks: list[tuple[str, float]] = [("container start", self.started)]
        self.last = steps[0]

    def feed(self, line: str) -> None:
        if (step := self.steps.get(line if line.endswith("\n") else line + "\n")) is not None:
            self.marks.append((step.name, time.monotonic()))
            self.last = step
        self.on_log(line)

    def durations(self) -> dict[str, float]:
        ends = [t for _, t in self.marks[1:]] + [time.monotonic()]
        return {name: round(end - began, 3) for (name, began), end in zip(self.marks, ends, strict=True)}
