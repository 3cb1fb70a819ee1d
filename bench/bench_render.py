"""Benchmark the offline renderer (issue 12, part B): how long a plan takes to become site files.

Prints, per plan, the median time of ``render_site`` (every file of the site: pages, components,
widgets, SEO files) and how many files and bytes it writes; then the same for the offline planner's
plans of a few functional and brochure prompts (planning + rendering, the GENERATING stage's work).

    python bench/bench_render.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitegen.offline.planner import plan_offline  # noqa: E402
from sitegen.offline.render import render_site  # noqa: E402
from tests.fixtures_plans import ALL_PLANS  # noqa: E402

PROMPTS = [
    "A sports analytics website for basketball betting data. Users should be able to search games, view "
    "team rankings, and track their bets on a dashboard.",
    "Please implement a recipe sharing website where users can search recipes by ingredient, save favourites "
    "and take a cooking quiz. Define the background as ghost white and components as dark goldenrod.",
    "a mortgage broker site with a loan calculator and a booking form for appointments",
    "coffee shop landing page in Portland",
    "a law firm in Boston called Hale & Partners",
]


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"{'plan':<44} {'render ms':>10} {'files':>6} {'KB':>7}")
    for name, make in ALL_PLANS.items():
        plan = make()
        files = render_site(plan)
        ms = timed(lambda plan=plan: render_site(plan), args.runs)
        size = sum(len(t.encode()) for t in files.values()) / 1024
        print(f"{'fixture:' + name:<44} {ms:>10.1f} {len(files):>6} {size:>7.1f}")
    print(f"\n{'prompt':<44} {'plan+render ms':>14} {'widgets':>8}")
    for prompt in PROMPTS:
        ms = timed(lambda prompt=prompt: render_site(plan_offline(prompt)), args.runs)
        kinds = [s.kind for p in plan_offline(prompt).pages for s in p.sections]
        widgets = [k for k in kinds if k in ("search", "form", "quiz", "calculator", "table", "chart",
                                             "dashboard", "favorites")]
        print(f"{prompt[:42] + '…':<44} {ms:>14.1f} {','.join(widgets) or '-':>8}")


if __name__ == "__main__":
    main()
