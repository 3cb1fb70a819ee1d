"""Benchmark the VERIFYING stage: the wall time browser checks add for a 3-page site.

Builds a 3-page site once with the offline provider and the LocalBuilder (`--no-verify`), then runs
the same checks the VERIFYING stage runs (serve out/, headless Chromium, links, axe-core, desktop
and phone screenshots of every page) several times and prints each wall time and the median.
Target on a 2-core machine: under 5 s.

    python bench/bench_verify.py [--runs N] [--out PATH_TO_BUILT_OUT] [--home SITEGEN_HOME]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROMPT = "coffee shop in Porto with a menu page, an about page and a contact page"


def build_site(root: Path, home: Path) -> Path:
    """`sitegen new` a multi-page offline site without verification; return its out/ folder."""
    env = {**os.environ, "SITEGEN_HOME": str(home), "SITEGEN_VERIFY": "0"}
    project = root / "site"
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "new",
            PROMPT,
            "--provider",
            "offline",
            "--sandbox",
            "local",
            "--no-verify",
            "--out",
            str(project),
        ],
        cwd=root,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"building the bench site failed ({done.returncode}):\n{done.stderr[-2000:]}")
    print(f"built the bench site in {time.perf_counter() - started:.1f} s: {project}", file=sys.stderr)
    return project / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="verification runs (the median is printed)")
    parser.add_argument("--out", type=Path, help="an already built out/ folder (skips the build)")
    parser.add_argument("--home", type=Path, help="SITEGEN_HOME to build with (reuses its dependency cache)")
    args = parser.parse_args()

    from sitegen.verify.browser import routes_from_out, verify_site

    with tempfile.TemporaryDirectory(prefix="sitegen-bench-verify-") as tmp:
        root = Path(tmp)
        out = args.out or build_site(root, args.home or root / "home")
        routes = routes_from_out(out)[:3]
        if len(routes) < 3:
            print(f"note: the site has {len(routes)} page(s): {routes}", file=sys.stderr)
        times: list[float] = []
        report = None
        for i in range(max(1, args.runs)):
            started = time.perf_counter()
            report = verify_site(out, routes, root / f"shots{i}", None)
            times.append(time.perf_counter() - started)
        assert report is not None
    per_page = ", ".join(f"{p.route} {p.seconds:.2f} s" for p in report.pages)
    print(f"pages checked            : {len(routes)} ({', '.join(routes)})")
    print(f"result                   : {report.summary()}")
    print(f"last run, per page       : {per_page}  (pages run concurrently)")
    print("VERIFYING wall time      : " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"VERIFYING median of {len(times)}    : {statistics.median(times):.2f} s  (target < 5 s)")
    try:
        print(f"load average (1 min)     : {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPU(s)")
    except OSError:
        pass


if __name__ == "__main__":
    main()
