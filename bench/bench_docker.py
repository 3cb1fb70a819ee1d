"""Benchmark the Docker sandbox build of the coffee-shop site, against the LocalBuilder.

Prints the cold (empty dependency cache: `npm ci` in a container + `next build`) and warm (cache
filled: `next build` only) wall time of DockerBuilder.build, the warm LocalBuilder time on the
same project in the same run, and warm Docker / warm local as a ratio. Target: a warm Docker
build under 15 s with 1 CPU.

The project comes from the real pipeline without a build (`sitegen new … --sandbox none`), so it
is the site a user gets. Each warm run starts from a project with no .next/ and no out/, as a
freshly generated project would.

    SITEGEN_BUILD_IMAGE=sitegen-test-node:20 python bench/bench_docker.py [--runs N] [--json]
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
from pathlib import Path

from benchlib import PROMPT, generate_site

from sitegen.build import BuildResult, LocalBuilder
from sitegen.config import Settings
from sitegen.sandbox.docker import DockerBuilder


def fresh(project: Path) -> None:
    for name in (".next", "out"):
        shutil.rmtree(project / name, ignore_errors=True)


def timed(builder: DockerBuilder | LocalBuilder, project: Path) -> tuple[float, BuildResult]:
    fresh(project)
    started = time.perf_counter()
    result = builder.build(project, lambda _line: None)
    seconds = time.perf_counter() - started
    if not result.ok:
        sys.exit(f"{builder.name} build failed: {result.error}\n{result.log[-2000:]}")
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="warm runs of each builder (median is printed)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args()
    image = os.environ.get("SITEGEN_BUILD_IMAGE") or "node:20-bookworm-slim"

    with tempfile.TemporaryDirectory(prefix="sitegen-bench-docker-") as tmp:
        root = Path(tmp)
        generate_site(root / "coffee", root / "gen-home")
        project = root / "coffee"
        settings = Settings(home=root / "home", build_image=image)  # empty cache: cold
        docker = DockerBuilder(settings)
        local = LocalBuilder(settings)

        cold, first = timed(docker, project)
        if not first.installed:
            sys.exit("the cold run did not install: the cache was not empty")
        warm_docker = [timed(docker, project)[0] for _ in range(args.runs)]
        local_fill, _ = timed(local, project)  # fills the local cache; not compared
        warm_local = [timed(local, project)[0] for _ in range(args.runs)]

    wd, wl = statistics.median(warm_docker), statistics.median(warm_local)
    report = {
        "site": PROMPT,
        "image": image,
        "cpus": settings.build_cpus,
        "memory": settings.build_memory,
        "host_cpus": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "docker_cold_s": round(cold, 2),
        "docker_cold_install_s": round(first.install_seconds, 2),
        "docker_warm_s": round(wd, 2),
        "docker_warm_runs_s": [round(t, 2) for t in warm_docker],
        "local_cold_s": round(local_fill, 2),
        "local_warm_s": round(wl, 2),
        "local_warm_runs_s": [round(t, 2) for t in warm_local],
        "warm_ratio_docker_over_local": round(wd / wl, 2),
        "target_warm_docker_under_15s": wd < 15,
    }
    if args.json:
        print(json.dumps(report))
        return
    print(f"site: {PROMPT!r}  image: {image}  sandbox: {settings.build_cpus:g} CPU, {settings.build_memory}")
    print(f"host: {os.cpu_count()} cores, load average {report['load_avg_1m']}")
    print(f"docker cold (npm ci + next build): {cold:6.2f} s  (install {first.install_seconds:.2f} s)")
    print(f"docker warm (next build only):     {wd:6.2f} s  median of {warm_docker_str(warm_docker)}")
    print(f"local  warm (host node, no limit): {wl:6.2f} s  median of {warm_docker_str(warm_local)}")
    print(f"warm docker / warm local:          {wd / wl:6.2f} x")
    verdict = "meets" if wd < 15 else "MISSES"
    print(f"target warm docker < 15 s: {verdict}")


def warm_docker_str(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
