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
started, cpu0 = time.perf_counter(), time.process_time()
from sitegen.offline.planner import plan_offline
imported, cpu1 = time.perf_counter(), time.process_time()
prompt = sys.stdin.read()
plan_offline(prompt)
print(json.dumps([imported - started, time.perf_counter() - imported, cpu1 - cpu0, time.process_time() - cpu1]))
"""


def cold_ms(prompt: str) -> tuple[float, float, float, float]:
    """Milliseconds (wall, then CPU) to import the planner and of the first plan_offline call, in a fresh
    interpreter. CPU time is what the planner itself costs when other processes share the cores."""
    code = COLD.format(src=str(ROOT / "src"), root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], input=prompt, capture_output=True, text=True, check=True)
    imported, first, cpu_import, cpu_first = json.loads(done.stdout)
    return imported * 1000, first * 1000, cpu_import * 1000, cpu_first * 1000


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
    colds, imports, cpu_colds, cpu_imports = [], [], [], []
    for prompt in prompts[: args.cold]:
        imported, ms, cpu_imported, cpu_ms = cold_ms(prompt)
        colds.append(ms)
        imports.append(imported)
        cpu_colds.append(cpu_ms)
        cpu_imports.append(cpu_imported)
        print(f"{ms:7.2f} ms  cold ({cpu_ms:.0f} ms CPU; import {imported:.0f} ms, {cpu_imported:.0f} ms CPU)  "
              f"{prompt[:60]}")
    warm = [r[0] for r in rows]
    print(f"\n{len(prompts)} prompts; warm median {statistics.median(warm):.2f} ms, max {max(warm):.2f} ms")
    if colds:
        print(f"cold (first call in a fresh process) median {statistics.median(colds):.2f} ms, max {max(colds):.2f} ms;"
              f" importing the planner: median {statistics.median(imports):.0f} ms")
        print(f"CPU time: first call median {statistics.median(cpu_colds):.1f} ms, max {max(cpu_colds):.1f} ms;"
              f" import median {statistics.median(cpu_imports):.0f} ms")
    print(f"load average now: {os.getloadavg()[0]:.1f} (timings scale with it on a shared machine)")
    print("slowest:", ", ".join(f"{ms:.1f} ms {p[:40]!r}" for ms, p in sorted(rows, reverse=True)[:3]))


if __name__ == "__main__":
    main()
