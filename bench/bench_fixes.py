"""Deterministic fixes: how long one pass takes over a generated 5-page site (target < 250 ms), and
how much of the faulty-page corpus (tests/corpus_faulty) would pass its first build, with the old
rule set (the rules sitegen had before, ``LEGACY_IDS``) and with every rule.

A corpus case "passes" when, after the pass, the static checks find nothing and no rule still finds
a mistake to fix (the hazards the rules know lead to failed builds). Run:
``python bench/bench_fixes.py [--runs N]``. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from sitegen.checks import static as checks  # noqa: E402
from sitegen.checks.rules import LEGACY_IDS, RULES, fix_project  # noqa: E402
from sitegen.offline.planner import plan_offline  # noqa: E402
from sitegen.offline.render import render_site  # noqa: E402
from sitegen.safepaths import safe_write  # noqa: E402
from tests.test_fix_corpus import CASES, make_site  # noqa: E402

PROMPT = "a bakery in Ghent with pages for menu, about, catering and contact"


def site_with_pages(dest: Path, pages: int = 5) -> Path:
    plan = plan_offline(PROMPT)
    extra = [p.model_copy(update={"slug": slug, "title": slug.title(), "nav_label": slug.title()})
             for p, slug in zip(plan.pages[1:] * pages, ("menu", "about", "catering", "journal"), strict=False)]
    for n in range(pages, len(plan.pages) + len(extra) + 1):  # some page kinds render as sections only
        files = render_site(plan.model_copy(update={"pages": (plan.pages + extra)[:n]}))
        if sum(1 for p in files if p.endswith("page.tsx")) >= pages:
            break
    shutil.copyfile(ROOT / "src/sitegen/template/package.json", dest / "package.json")
    safe_write(dest, files)
    n_pages = sum(1 for p in files if p.endswith("page.tsx"))
    print(f"generated site: {len(files)} files, {n_pages} pages")
    return dest


def time_pass(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = site_with_pages(Path(tmp))
        times, cpu = [], []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            fix_project(root)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        print(f"deterministic pass over the generated site: median {statistics.median(times):.1f} ms wall "
              f"({statistics.median(cpu):.1f} ms CPU), max {max(times):.1f} ms over {runs} runs (target < 250 ms)")


def passes(root: Path) -> bool:
    if checks.check_project(root):
        return False
    scratch = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(root, scratch / "s")
        return fix_project(scratch / "s") == []
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def pass_rate(rule_ids: tuple[str, ...] | None) -> tuple[int, float]:
    ok = 0
    times = []
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            root = make_site(case, Path(tmp))
            t0 = time.perf_counter()
            fix_project(root, rule_ids=rule_ids)
            times.append((time.perf_counter() - t0) * 1000)
            ok += passes(root)
    return ok, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    time_pass(args.runs)
    print(f"corpus: {len(CASES)} faulty cases; rules: {len(LEGACY_IDS)} before, {len(RULES)} now")
    for label, ids in (("before (old rules)", LEGACY_IDS), ("after (all rules)", None)):
        ok, median = pass_rate(ids)
        print(f"{label:20s} first-build pass rate {ok}/{len(CASES)} = {100 * ok / len(CASES):.0f}% "
              f"(median pass {median:.1f} ms per case)")


if __name__ == "__main__":
    main()
