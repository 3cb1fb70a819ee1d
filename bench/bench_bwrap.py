"""Benchmark the local build under bubblewrap against the plain local build, side by side.

Builds the same project with LocalBuilder (host Node, unsandboxed) and with the bubblewrap
LocalBuilder ("local+bwrap"), alternating (plain, bwrap, plain, bwrap, …) so machine load hits
both alike, after one untimed warm-up build that fills the dependency cache. Each timed run starts
from a project with no .next/ and no out/. Prints every run, the medians, and bwrap / plain as a
ratio. Target: the sandboxed build less than 10% slower. The sandboxed build here gets every core
and memory to spare: this measures the isolation, not the limits (a user's build under bubblewrap
gets SITEGEN_BUILD_CPUS cores, 1 by default, as in Docker).

The project is the coffee-shop site from the real pipeline without a build
(`sitegen new … --sandbox none --provider offline`); ``--template`` uses the shipped template
with one page instead (when the renderer is not wanted).

    python bench/bench_bwrap.py [--runs N] [--json] [--template]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from benchlib import generate_site

from sitegen.build import LocalBuilder
from sitegen.config import Settings
from sitegen.sandbox import bubblewrap
from sitegen.sandbox.choice import sandboxed_local

PAGE = 'export default function Page() { return <main className="p-8"><h1>Bean There</h1></main>; }\n'
LAYOUT = ('import "./globals.css";\nexport default function RootLayout({ children }: '
          '{ children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html>; }\n')


def generate(project: Path, home: Path, template: bool) -> None:
    """The coffee-shop project from the real pipeline without a build (or the bare template)."""
    if template:
        with resources.as_file(resources.files("sitegen") / "template") as src:
            shutil.copytree(src, project)
        (project / "app").mkdir(exist_ok=True)
        (project / "app" / "layout.tsx").write_text(LAYOUT)
        (project / "app" / "globals.css").write_text('@import "tailwindcss";\n')
        (project / "app" / "page.tsx").write_text(PAGE)
        return
    generate_site(project, home)


def timed(builder: LocalBuilder, project: Path) -> float:
    for name in (".next", "out"):
        shutil.rmtree(project / name, ignore_errors=True)
    started = time.perf_counter()
    result = builder.build(project, lambda _line: None)
    seconds = time.perf_counter() - started
    if not result.ok:
        sys.exit(f"{builder.name} build failed: {result.error}\n{result.log[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed builds per builder (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--template", action="store_true", help="build the bare template, not the coffee shop")
    args = parser.parse_args()
    if (problem := bubblewrap.problem()) is not None:
        sys.exit(f"cannot benchmark: {problem}")
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-bwrap-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        project = Path(tmp) / "site"
        generate(project, home, args.template)
        settings = Settings(home=home)
        # the isolation's own cost: bubblewrap gets every core the plain build has (and memory to
        # spare), not the one core and 2 GB a user's build is held to
        roomy = Settings(home=home, build_cpus=len(os.sched_getaffinity(0)), build_memory="64g")
        plain, boxed = LocalBuilder(settings), sandboxed_local(roomy)
        assert boxed is not None
        timed(plain, project)  # warm-up: fills the cache, links node_modules
        times: dict[str, list[float]] = {"local": [], "local+bwrap": []}
        for _ in range(args.runs):
            for builder in (plain, boxed):
                times[builder.name].append(timed(builder, project))
                if not args.json:
                    print(f"  {builder.name:<12} {times[builder.name][-1]:7.2f} s", flush=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["local+bwrap"] / medians["local"]
    report = {"runs": args.runs, "cpus": os.cpu_count(), "seconds": times,
              "median_local": round(medians["local"], 2), "median_bwrap": round(medians["local+bwrap"], 2),
              "bwrap_over_local": round(ratio, 3), "target": "< 1.10"}
    if args.json:
        print(json.dumps(report))
        return
    print(f"median local       {medians['local']:7.2f} s")
    print(f"median local+bwrap {medians['local+bwrap']:7.2f} s")
    print(f"bwrap / local      {ratio:7.3f}  (target < 1.10: {'met' if ratio < 1.10 else 'NOT met'})")


if __name__ == "__main__":
    main()
