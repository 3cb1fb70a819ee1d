"""Benchmark the offline planning stage: time per prompt over the test corpus.

Prints, for every prompt of ``tests/data/prompts.py`` (63 English, 5 other languages): the time of
``plan_offline`` in a fresh process (cold: first call, regexes compiled then) and the median of warm
calls in one process; then the slowest prompts and the overall median/max. Target: under 100 ms per
prompt, cold.

    python bench/bench_planner.py [--runs N] [--cold N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

COLD = """
import json, sys, time
sys.path[:0] = [{src!r}, {root!r}]
import sitegen.plan  # pydantic and the plan models: loaded by the CLI before planning starts
started = time.perf_counter()
from sitegen.offline.planner import plan_offline
imported = time.perf_counter()
prompt = sys.stdin.read()
plan_offline(prompt)
print(json.dumps([imported - started, time.perf_counter() - imported]))
"""


def cold_ms(prompt: str) -> tuple[float, float]:
    """Milliseconds to import the planner and of the first plan_offline call, in a fresh interpreter."""
    code = COLD.format(src=str(ROOT / "src"), root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], input=prompt, capture_output=True, text=True, check=True)
    imported, first = json.loads(done.stdout)
    return imported * 1000, first * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs per prompt")
    parser.add_argument("--cold", type=int, default=8, help="prompts also timed in a fresh process")
    args = parser.parse_args()

    from sitegen.offline.planner import plan_offline
    from tests.data.prompts import CASES, FOREIGN

    prompts = [c["prompt"] for c in CASES] + [c["prompt"] for c in FOREIGN]
    rows: list[tuple[float, str]] = []
    for prompt in prompts:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            plan_offline(prompt)
            times.append((time.perf_counter() - started) * 1000)
        rows.append((statistics.median(times), prompt))
        print(f"{statistics.median(times):7.2f} ms  warm  {prompt[:90]}")
    colds, imports = [], []
    for prompt in prompts[: args.cold]:
        imported, ms = cold_ms(prompt)
        colds.append(ms)
        imports.append(imported)
        print(f"{ms:7.2f} ms  cold  (import {imported:.0f} ms)  {prompt[:80]}")
    warm = [r[0] for r in rows]
    print(f"\n{len(prompts)} prompts; warm median {statistics.median(warm):.2f} ms, max {max(warm):.2f} ms")
    if colds:
        print(f"cold (first call in a fresh process) median {statistics.median(colds):.2f} ms, max {max(colds):.2f} ms;"
              f" importing the planner: median {statistics.median(imports):.0f} ms")
    print(f"load average now: {os.getloadavg()[0]:.1f} (timings scale with it on a shared machine)")
    print("slowest:", ", ".join(f"{ms:.1f} ms {p[:40]!r}" for ms, p in sorted(rows, reverse=True)[:3]))


if __name__ == "__main__":
    main()
