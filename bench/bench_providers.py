"""Benchmark PLANNING + GENERATING with a model that answers every call after a fixed delay D.

A fake Gemini server (the real google-genai client talks to it) sleeps D seconds before each
answer. Planning is one call; generating is one layout call, then every page at once, so the
wall time should stay near 3·D whatever the number of pages, plus a constant of about 1-1.5 s
(importing google-genai and setting up its client, once per event loop). Target: at most 3.5·D
for a 1-page and a 5-page site. The default D of 5 s is on the fast side of real Gemini calls
that write a plan or a page (10-30 s).

Two measurements per site:
- ``agents``: make_plan + generate_files in one process, provider already made (the call chain);
- ``pipeline``: the PLANNING and GENERATING stage durations of a real
  ``sitegen new … --provider gemini --sandbox none --json`` run (imports, client set-up and
  file writing included).

    python bench/bench_providers.py [--delay 5.0] [--runs 1] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from sitegen.agents.planner import make_plan  # noqa: E402
from sitegen.agents.ui import generate_files  # noqa: E402
from sitegen.providers.gemini import GeminiProvider  # noqa: E402
from sitegen.providers.retry import RetryPolicy  # noqa: E402
from tests.fakes.fake_gemini import FakeGemini  # noqa: E402
from tests.fakes.scenario import Scenario  # noqa: E402

KEY = "bench-gemini-key"
MODELS = ["gemini-3.8-flash", "gemini-3.5-flash"]


def agents_time(url: str, delay: float) -> float:
    """Wall time of make_plan + generate_files (two event loops, as the pipeline runs them)."""
    os.environ["GOOGLE_GEMINI_BASE_URL"] = url
    provider = GeminiProvider(KEY, MODELS, policy=RetryPolicy(call_timeout=delay * 10 + 30))
    started = time.perf_counter()
    plan = asyncio.run(make_plan("a coffee roaster in Lisbon", provider))
    files = asyncio.run(generate_files(plan, provider))
    seconds = time.perf_counter() - started
    assert "app/page.tsx" in files
    return seconds


def pipeline_time(url: str) -> tuple[float, float]:
    """(PLANNING seconds, GENERATING seconds) of a real `sitegen new` run without a build."""
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-") as tmp:
        env = {**os.environ, "SITEGEN_HOME": str(Path(tmp) / "home"), "GEMINI_API_KEY": KEY,
               "GOOGLE_GEMINI_BASE_URL": url, "SITEGEN_MODELS": ",".join(MODELS), "SITEGEN_VERIFY": "0",
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
        done = subprocess.run(
            [sys.executable, "-m", "sitegen", "new", "a coffee roaster in Lisbon", "--out", str(Path(tmp) / "site"),
             "--provider", "gemini", "--sandbox", "none", "--json"],
            cwd=tmp, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
        )
        if done.returncode != 0:
            sys.exit(f"sitegen new failed ({done.returncode}):\n{done.stderr[-2000:]}")
        stages = {s["stage"]: s["seconds"] for s in json.loads(done.stdout)["stages"]}
        return stages["PLANNING"], stages["GENERATING"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=5.0, help="seconds the fake model takes per call (D)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    d = args.delay
    rows = []
    for pages in (1, 5):
        scenario = Scenario(pages=pages)
        with FakeGemini(scenario, delay=d, api_key=KEY) as fake:
            for _ in range(args.runs):
                fake.requests.clear()
                agents = agents_time(fake.url, d)
                calls = len(fake.requests)
                planning, generating = pipeline_time(fake.url)
                rows.append({"pages": pages, "delay": d, "model_calls": calls,
                             "agents_seconds": round(agents, 3), "agents_x_d": round(agents / d, 2),
                             "planning_seconds": round(planning, 3), "generating_seconds": round(generating, 3),
                             "pipeline_x_d": round((planning + generating) / d, 2),
                             "pipeline_overhead_seconds": round(planning + generating - 3 * d, 3)})
    if args.json:
        print(json.dumps({"target_x_d": 3.5, "rows": rows}))
        return
    print(f"D = {d:.2f} s per model call (target: PLANNING + GENERATING <= 3.5·D)")
    head = ("pages", "calls", "agents", "planning", "generating", "pipeline", "over 3D")
    print("{:>5} {:>5} {:>10} {:>9} {:>11} {:>10} {:>8}".format(*head))
    for r in rows:
        print(f"{r['pages']:>5} {r['model_calls']:>5} {r['agents_x_d']:>9.2f}D {r['planning_seconds']:>8.2f}s "
              f"{r['generating_seconds']:>10.2f}s {r['pipeline_x_d']:>9.2f}D {r['pipeline_overhead_seconds']:>7.2f}s")


if __name__ == "__main__":
    main()
