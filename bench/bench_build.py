"""Benchmark issue 13 (type-check once, keep Turbopack's cache): BEFORE and AFTER side by side.

For the Docker sandbox and for local builds, with the same limits as a user gets (Docker: 1 CPU,
2 GB), it prints:

- warm ``sitegen new "coffee shop landing page"`` (dependencies cached; AFTER also has the shared
  Turbopack seed of a bakery, a first ``new`` on the machine; AFTER-SAME-KIND has the seeds of the
  bakery and of another café, "espresso bar in Rome", with its own words, colours and fonts): whole
  wall time, BUILDING and VERIFYING, and the BUILDING breakdown (container start, compile, type
  check, static generation). Seeds the timed runs leave are removed after each round, so no run
  starts from the cache of the very same site;
- a rebuild after a one-line ``sitegen edit`` ("headline: …"): the edit job's wall time and its
  BUILDING breakdown;
- AFTER only: a rebuild after a one-line change to app/page.tsx made by hand, i.e. code sitegen
  did not write, so ``tsc --noEmit --incremental`` runs (what a model's edit or fix costs).

BEFORE is the code of ``--before REV`` (default: the commit before issue 13), unpacked from git
into a temporary folder and run with the same Python, the same machine and the same dependency
cache; runs of BEFORE and AFTER alternate so both see the same load. Numbers are medians.

    SITEGEN_BUILD_IMAGE=sitegen-test-node:20 python bench/bench_build.py [--runs N] [--sandbox docker,local]

Measured 2026-12-01 on the shared 2-core machine while other engineers ran tests, so a 1-CPU
container got only part of a core; wall times are inflated (first run at load average 14-20, second
at 4-7):

    wall (s), load 4-7 (load 14-20)       docker BEFORE   AFTER        local BEFORE   AFTER
    warm new, whole                       36.7 (246.8)    25.1 (145.6)   27.1 (108.0)  24.4 (25.2)
    warm new, BUILDING                    30.4 (221.4)    17.4 (124.3)   18.7  (86.2)  16.3 (16.8)
      compile                             17.0  (92.0)     8.6  (82.0)    7.6  (51.0)   9.2 (10.3)
      type check (next build's own)        9.1  (98.0)       -             8.6  (23.2)     -
    rebuild after `edit`, BUILDING        20.0 (202.5)    11.9  (81.6)   14.4  (25.2)   8.2  (9.5)
    hand edit (tsc runs), whole build       -             25.3 (168.6)     -            20.4 (39.8)

Measured again by the lead on the quiet machine after the tests (load average 3 at the start, 1 round):

    wall (s)                              docker BEFORE   AFTER        local BEFORE   AFTER
    warm new, whole                       29.71           10.79          18.43         10.13
    warm new, BUILDING                    23.10            7.13          13.85          5.78
      compile                             12.10            4.00           6.90          3.20
      type check (next build's own)        8.80             -             4.80           -
    rebuild after `edit`, whole            18.72            8.67          11.80          7.97
    rebuild after `edit`, BUILDING        14.18            5.23           6.51          3.00
    hand edit (tsc runs), whole build       -              10.97            -            7.79

CPU seconds (user + system of next build and its workers, by hand with /usr/bin/time; what 1 CPU has to do, little
affected by load), same coffee-shop site, host Node:

    new, BEFORE (no cache, next build type-checks)              27.0
    new, no type check, no cache                                20.1
    new, no type check, seeded Turbopack cache (AFTER)           6.0
    rebuild after a one-line edit, BEFORE (own cache + types)   13.2
    rebuild after a one-line edit, AFTER (own cache)             4.0
    tsc --noEmit --incremental: cold 5.9, one line changed 3.9 (model-written code only)

Profile of the largest parts: compile (Turbopack) was largest and is what the seed removes;
next build's own type check was second and is gone (sitegen's code is checked in CI, other code
by tsc --incremental); left: Next's start-up, "Collecting page data" (a worker start), static
generation and the cache write/compaction at the end of a build.

Measured 2026-12-02 (docker, 1 CPU and 2 GB; medians). The shared machine slowed down from run to
run (BEFORE itself went from 27.2 to 30.4 s), so compare within a run:

    wall (s)                          run 1 (2 rounds)         run 2 (2 rounds)         run 3 (3 rounds)
                                      BEFORE AFTER SAME-KIND   BEFORE AFTER SAME-KIND   BEFORE AFTER SAME-KIND
    warm new, whole                   27.23  10.19  9.57       27.71  10.27  10.20      30.36  11.11  10.31
    warm new, BUILDING                22.30   6.98  6.04       22.80   6.85   6.51      25.16   7.50   6.56
    warm new, VERIFYING                4.04   2.15  2.46        3.93   2.41   2.59       4.18   2.66   2.68
    rebuild after `edit`, BUILDING    12.90   5.78  5.83       13.25   5.91   6.33      14.14   6.26   6.59

    run 1: seeds by site shape; run 2: + a first tab opened during the build, axe with the page;
    run 3: + gc.freeze at exit. Local builds in run 3: warm new 19.60 -> 9.33 (same kind 8.49),
    rebuild after `edit`, BUILDING 6.82 -> 3.48.

By hand, same day: verify_site of the coffee-shop export with a warm browser 2.96 -> 2.44 s (tab
opened ahead) and the axe step 0.51-0.63 -> 0.31-0.36 s (init script); the CLI's exit after DONE
0.17 -> 0.03 s (gc.freeze). A next build on one core seeded from a café instead of a bakery: 6.3 ->
5.2 s. Tried and dropped (no gain beyond the noise, or a cost): a second tab for the desktop
screenshot (Chromium is CPU-bound on 2 cores: 3.1 vs 2.4 s), Node 22's compile cache, webpack
(15 s compile), a seed holding every component (slower: 5.4-7.0 vs 3.2-4.2 s compile), a minimal
seed (same as any), V8 --max-semi-space-size, Turbopack's workerThreads plugin runtime, server
source maps off (0.25 s, but prerender errors would lose their file:line).

Measured 2026-12-02, later (docker, 1 CPU and 2 GB; medians of 3 rounds; sitegen's bytecode cached
as after `pip install`). Three runs of the same code on the same machine gave a warm AFTER `new` of
8.77 (1 round), 10.40 and 11.03 s: the machine's speed moves by about 20 % between runs. The last
run also has Tailwind reading only app/, components/ and lib/**/*.tsx (not the words in
lib/content.ts), so an edit of the words keeps Turbopack's CSS:

    wall (s)                          BEFORE  AFTER  SAME-KIND
    warm new, whole                   27.28   10.89   9.96
    warm new, BUILDING                22.41    7.53   6.65
    warm new, VERIFYING                4.17    2.63   2.50
    rebuild after `edit`, whole       19.08    8.33   8.24
    rebuild after `edit`, BUILDING    13.85    5.14   5.04   (compile 3.40 -> 2.60; the run before: 6.06, compile 3.40)

Local builds now run under bubblewrap with its limits (one core, like Docker), so AFTER's local
column is held to one core while BEFORE's had two.

Measured 2026-12-02, third session (docker, 1 CPU and 2 GB; medians of 3 rounds), after Turbopack's
cache compaction was left until a project's cache holds 64 files (about 0.3 s of the one CPU) and
an offline site's colours, fonts and icons moved out of the files Tailwind reads (lib/theme.ts,
lib/icons.ts; one globals.css for every offline site). Runs 2 and 3 (docker only) also have the
warm browser closing in the background; the machine's load moved between them (BEFORE 24.9-28.5 s):

    wall (s)                          run 1                  run 2                  run 3
                                      BEFORE AFTER SAME-K.   BEFORE AFTER SAME-K.   BEFORE AFTER SAME-K.
    warm new, whole                   26.50  10.83   9.55    24.87   9.95   9.34    28.50  10.69   9.45
      share of BEFORE                        41 %   36 %            40 %   38 %            38 %   33 %
    warm new, BUILDING                22.16   7.36   5.99    20.59   6.93   6.17    23.49   7.22   5.96
    warm new, VERIFYING                4.01   2.74   2.70     3.71   2.28   2.29     4.33   2.70   2.62
    rebuild after `edit`, BUILDING    14.25   5.72   5.69    12.96   5.11   4.73    15.28   5.40   5.86
    rebuild after `edit`, whole       18.89   9.13   9.03    17.15   7.97   7.70    20.29   8.81   9.25

    local (run 1): warm new 17.29 -> 10.15 (same kind 9.91); rebuild after `edit`, BUILDING
    7.16 -> 2.36.

The issue's target, 10 s of its 23 s (43 %), is met in every run as a share of BEFORE; in seconds,
SAME-KIND is under 10 s in every run and AFTER (a first site of another kind as the only seed: a
bakery, whose page has an FAQ where the café has a gallery) in run 2 only (10.83, 9.95, 10.69).
By hand (same machine, next build alone): a café seeded from another café went 6.7 -> 5.7 s with
the theme out of Tailwind's files;
seeded from the bakery, shipping every component in both projects (so Tailwind reads the same
files) made no difference (5.64 vs 5.77 s): what a different kind of site costs is its own modules
and pages, not its CSS.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitegen.build import LocalBuilder
from sitegen.buildsteps import phase_times
from sitegen.config import Settings
from sitegen.store import Store

PROMPT = "coffee shop landing page"
PRIME = "bakery in Paris"  # a first `new` on the machine: fills caches, never timed
SIMILAR = "espresso bar in Rome"  # "same kind": another café built before (its own words, colours, fonts)
EDIT = "headline: Fresh roasts every single morning"
BEFORE_REV = "c67a1a323be4da1742eaa322e0affbf559210af8"  # the commit before issue 13's build changes
ROOT = Path(__file__).resolve().parents[1]
TARGET_SHARE = 10 / 23  # the issue: a warm new took 23 s on this machine; the target is under 10 s
STEP_KEYS = ("container start", "cache seed", "next build", "compile", "typescript (next)", "type check",
             "static generation")


def unpack(rev: str, dest: Path) -> Path:
    """The source tree of ``rev`` (git archive, no worktree): its src/ folder."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest / "src"


def make_home(path: Path, shared_deps: Path) -> Path:
    """A SITEGEN_HOME whose dependency caches are the shared, already filled ones."""
    (path / "cache").mkdir(parents=True)
    for kind in ("deps-local", "deps-docker"):
        (shared_deps / kind).mkdir(parents=True, exist_ok=True)
        (path / "cache" / kind).symlink_to(shared_deps / kind, target_is_directory=True)
    return path


def sitegen(src: Path, home: Path, args: list[str], cwd: Path, sandbox: str) -> tuple[float, dict]:
    # as an installed sitegen runs: with its bytecode cached (pip compiles it; the untimed first run
    # writes it here), even where the shell sets PYTHONDONTWRITEBYTECODE
    env = {**os.environ, "SITEGEN_HOME": str(home), "PYTHONPATH": str(src), "SITEGEN_SANDBOX": sandbox,
           "SITEGEN_PROVIDER": "offline", "PYTHONPYCACHEPREFIX": str(home.parent / "pycache")}
    for var in ("GEMINI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sitegen", *args, "--json"], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    try:
        data = json.loads(done.stdout)
    except ValueError:
        sys.exit(f"sitegen {' '.join(args)} printed no JSON ({done.returncode}):\n{done.stderr[-3000:]}")
    if data.get("status") != "done":
        sys.exit(f"sitegen {' '.join(args)} failed: {data.get('error')}\n{done.stderr[-3000:]}")
    return seconds, data


def job_breakdown(home: Path, data: dict, project: Path) -> dict[str, float]:
    """Stage seconds plus the BUILDING breakdown: the stage's own timings (AFTER) or, for code that
    did not record them (BEFORE), next build's phases read from the job's log."""
    out = {f"stage {s['stage']}": s["seconds"] for s in data.get("stages", []) if s.get("seconds") is not None}
    store = Store(home / "sitegen.db")
    try:
        ends = [e["detail"] for e in store.events(data["job_id"]) if e["stage"] == "BUILDING" and e["event"] == "end"]
    finally:
        store.close()
    timings = (ends[-1].get("timings") if ends else None) or {}
    if not timings:
        log = ""
        for path in (home / "logs" / f"{data['job_id']}.log", project / ".sitegen" / "logs" / f"{data['job_id']}.log"):
            if path.is_file():
                log = path.read_text(errors="replace")
        timings = phase_times(log)
    out.update({k: v for k, v in timings.items() if k in STEP_KEYS})
    return out


def seeds_in(home: Path) -> set[Path]:
    """The Turbopack seeds a SITEGEN_HOME holds (buildcache: next-seed-<kind>/<key>/<shape>)."""
    return set((home / "cache").glob("next-seed-*/*/*"))


def one_round(name: str, src: Path, home: Path, sandbox: str, work: Path, index: int) -> dict[str, dict]:
    """A timed `new` then `edit`. Seeds the timed `new` leaves are removed afterwards, so no round
    starts from the cache of the very same site (only from the primed ones)."""
    primed = seeds_in(home)
    project = work / f"{name}-{sandbox}-{index}"
    wall, data = sitegen(src, home, ["new", PROMPT, "--out", str(project)], work, sandbox)
    new = {"wall": wall, **job_breakdown(home, data, project)}
    wall, data = sitegen(src, home, ["edit", str(project), EDIT], work, sandbox)
    edit = {"wall": wall, **job_breakdown(home, data, project)}
    for seed in seeds_in(home) - primed:
        shutil.rmtree(seed, ignore_errors=True)
    return {"new": new, "edit": edit, "project": {"path": str(project)}}


def hand_edit_rebuild(project: Path, home: Path, sandbox: str) -> dict[str, float]:
    """AFTER: one line of app/page.tsx changed by hand (not sitegen's code), then a rebuild: tsc runs."""
    page = project / "app" / "page.tsx"
    page.write_text(re.sub(r"\n\s*export default", "\n// edited by hand\nexport default", page.read_text(), count=1))
    settings = Settings(home=home, build_image=os.environ.get("SITEGEN_BUILD_IMAGE") or "node:20-bookworm-slim")
    if sandbox == "docker":
        from sitegen.sandbox.docker import DockerBuilder  # noqa: PLC0415 — only with Docker

        builder = DockerBuilder(settings)
    else:
        builder = LocalBuilder(settings)
    started = time.perf_counter()
    result = builder.build(project, lambda _line: None)
    if not result.ok:
        sys.exit(f"hand-edit rebuild failed: {result.error}")
    return {"wall": time.perf_counter() - started, **{k: v for k, v in result.timings.items() if k in STEP_KEYS}}


def median(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = {k for r in rows for k in r}
    return {k: round(statistics.median([r[k] for r in rows if k in r]), 2) for k in keys}


def show(title: str, columns: dict[str, dict[str, float] | None]) -> None:
    """One table: a row per timing, a column per variant (blank where it has no such timing)."""
    keys = ["wall", "stage BUILDING", "stage VERIFYING", *STEP_KEYS]
    print(f"  {title}")
    print(f"    {'':24}" + "".join(f" {name:>13}" for name in columns))
    for k in keys:
        cells = [f"{c[k]:13.2f}" if c and k in c else " " * 13 for c in columns.values()]
        if any(cell.strip() for cell in cells):
            print(f"    {k:24} " + " ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="timed rounds per variant (median printed)")
    parser.add_argument("--sandbox", default="docker,local", help="comma list: docker, local")
    parser.add_argument("--before", default=BEFORE_REV, help="git revision of the BEFORE code")
    parser.add_argument("--json", action="store_true", help="also print one JSON object at the end")
    args = parser.parse_args()
    report: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-build-") as tmp:
        work = Path(tmp)
        (work / "before").mkdir()
        src = ROOT / "src"
        variants = {"before": unpack(args.before, work / "before"), "after": src, "after-same-kind": src}
        shared = work / "shared-deps"
        for sandbox in args.sandbox.split(","):
            homes = {v: make_home(work / f"home-{v}-{sandbox}", shared) for v in variants}
            for v, src in variants.items():  # fills the dependency cache and (AFTER) the Turbopack seeds
                primes = [PRIME, SIMILAR] if v == "after-same-kind" else [PRIME]
                for n, prime in enumerate(primes):
                    out = work / f"prime-{v}-{sandbox}-{n}"
                    sitegen(src, homes[v], ["new", prime, "--out", str(out), "--no-verify"], work, sandbox)
            rounds: dict[str, list[dict]] = {v: [] for v in variants}
            for i in range(args.runs):
                for v, src in variants.items():
                    rounds[v].append(one_round(v, src, homes[v], sandbox, work, i))
            hand = [hand_edit_rebuild(Path(r["project"]["path"]), homes["after"], sandbox) for r in rounds["after"]]
            report[sandbox] = {
                "new": {v: median([r["new"] for r in rounds[v]]) for v in variants},
                "edit": {v: median([r["edit"] for r in rounds[v]]) for v in variants},
                "hand_edit_after": median(hand),
            }
    load = os.getloadavg()[0]
    print(f"host: {os.cpu_count()} cores, load average now {load:.2f}; {args.runs} round(s) each, medians (s)")
    for sandbox, r in report.items():
        limits = " (1 CPU, 2 GB)" if sandbox == "docker" else " (host Node)"
        print(f"\n{sandbox}{limits}")
        show(f'warm sitegen new "{PROMPT}"', r["new"])
        show(f'rebuild after sitegen edit "{EDIT}"', r["edit"])
        show("rebuild after a one-line hand edit of app/page.tsx (tsc runs)", {"after": r["hand_edit_after"]})
        if sandbox == "docker":
            edit = r["edit"]["after"].get("stage BUILDING", 0.0)
            before = r["new"]["before"]["wall"]
            for v in ("after", "after-same-kind"):
                new = r["new"][v]["wall"]
                print(f"  target, {v}: warm new < 10 s: {'met' if new < 10 else 'MISSED'} ({new:.2f})")
                # the machine's speed moves between runs: the same target as a share of BEFORE in this run
                # (the issue measured 23 s for what BEFORE runs here, and asked for under 10 s)
                share = new / before if before else 0.0
                print(f"  target, {v}: warm new < {TARGET_SHARE:.0%} of before: "
                      f"{'met' if share < TARGET_SHARE else 'MISSED'} ({share:.0%})")
            print(f"  target: rebuild (BUILDING) after edit < 6 s: {'met' if edit < 6 else 'MISSED'} ({edit:.2f})")
    if args.json:
        print(json.dumps({"load_avg_1m": round(load, 2), **report}))


if __name__ == "__main__":
    main()
