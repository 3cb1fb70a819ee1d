"""Benchmark the main job with the LocalBuilder, and `sitegen --help` start-up.

Prints: cold (empty cache: npm ci + build) and warm (cache filled) wall time of
`sitegen new "coffee shop landing page" --sandbox local`, and the median start-up time of
`sitegen --help`. Targets on a 2-core machine: warm under 15 s, --help under 0.3 s.

    python bench/bench_core.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROMPT = "coffee shop landing page"


def sitegen(args: list[str], home: Path, cwd: Path) -> float:
    env = {**os.environ, "SITEGEN_HOME": str(home), "SITEGEN_VERIFY": "0"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"sitegen {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def help_startup(runs: int) -> list[float]:
    script = shutil.which("sitegen")
    cmd = [script, "--help"] if script and "shims" not in script else [sys.executable, "-m", "sitegen", "--help"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="warm runs (median is printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-") as tmp:
        root = Path(tmp)
        home = root / "home"
        cold = sitegen(["new", PROMPT, "--sandbox", "local", "--out", str(root / "cold")], home, root)
        warm = [sitegen(["new", PROMPT, "--sandbox", "local", "--out", str(root / f"warm{i}")], home, root)
                for i in range(args.runs)]
    helps = help_startup(10)
    print(f"new (LocalBuilder) cold, empty cache : {cold:6.2f} s")
    print(f"new (LocalBuilder) warm, median of {len(warm)} : {statistics.median(warm):6.2f} s"
          f"  (min {min(warm):.2f}, max {max(warm):.2f}; target < 15 s)")
    print(f"sitegen --help, median of {len(helps)}      : {statistics.median(helps):6.3f} s  (target < 0.3 s)")
    print(f"warm / cold ratio                  : {statistics.median(warm) / cold:6.2f}")


if __name__ == "__main__":
    main()
