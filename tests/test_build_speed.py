"""Issue 13: the build steps (type-check only what sitegen did not write), Turbopack's cache kept per
project and seeded from a shared one, and the timings a build reports.

The e2e tests run the real pipeline (`sitegen new --provider offline`) and real builds with the
host's Node (LocalBuilder, no wrapper), with the session's dependency cache."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from sitegen import buildcache, shipped
from sitegen.build import LocalBuilder, build_steps
from sitegen.buildsteps import (
    NEXT_BUILD,
    TSC_BUILDINFO,
    TYPE_CHECK,
    StepClock,
    phase_times,
    step_log,
    steps_script,
)
from sitegen.checks.buildlog import parse_build_errors
from sitegen.config import Settings
from sitegen.stages.common import template_dir
from sitegen.store import Store
from tests.conftest import run_cli

NEXT_LOG = """\
$ next build
   ▲ Next.js 16.4.6 (Turbopack)
   Creating an optimized production build ...
 ✓ Compiled successfully in 8.1s
   Running TypeScript ...
   Finished TypeScript in 7.2s ...
   Collecting page data using 1 worker ...
 ✓ Generating static pages using 1 worker (3/3) in 331ms
 ✓ Finished writing to filesystem cache in 1.2s
$ tsc --noEmit --incremental
app/page.tsx(3,7): error TS2322: Type 'string' is not assignable to type 'number'.
"""


def offline_site(tmp_path: Path, prompt: str, name: str = "site") -> Path:
    """A project written by the real pipeline with the offline provider, not built."""
    out = tmp_path / name
    done = run_cli("new", prompt, "--out", str(out), "--provider", "offline", "--sandbox", "none", "--json",
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def settings() -> Settings:
    return Settings(home=Path(os.environ["SITEGEN_HOME"]))


# -- which steps run ------------------------------------------------------------------------------
@pytest.mark.parametrize("prompt", ["coffee shop landing page", "florist in Ghent with a price list",
                                    "mortgage calculator for a bank"])
def test_a_site_sitegen_wrote_skips_the_type_check_and_any_other_file_brings_it_back(
    tmp_path: Path, prompt: str
) -> None:
    project = offline_site(tmp_path, prompt)
    assert build_steps(project, settings().cache_dir) == [NEXT_BUILD]
    (project / "next-env.d.ts").write_text("/// <reference types=\"next\" />\n")  # next build writes it
    assert build_steps(project, settings().cache_dir) == [NEXT_BUILD]
    page = project / "app" / "page.tsx"
    page.write_text(page.read_text() + "\n// one line a model changed\n")
    assert build_steps(project, settings().cache_dir) == [NEXT_BUILD, TYPE_CHECK]


def test_new_files_links_and_other_homes_all_mean_type_check(tmp_path: Path) -> None:
    project = offline_site(tmp_path, "yoga studio in Lisbon")
    cache = settings().cache_dir
    (project / "components" / "Extra.tsx").write_text("export const Extra = () => null;\n")
    assert TYPE_CHECK in build_steps(project, cache)
    (project / "components" / "Extra.tsx").unlink()
    (project / "lib" / "link.ts").symlink_to(project / "lib" / "content.ts")
    assert TYPE_CHECK in build_steps(project, cache)
    (project / "lib" / "link.ts").unlink()
    assert build_steps(project, cache) == [NEXT_BUILD]
    assert TYPE_CHECK in build_steps(project, tmp_path / "another-home" / "cache")  # nothing recorded there


def test_a_project_from_before_the_switch_lets_next_build_check_types(tmp_path: Path) -> None:
    project = offline_site(tmp_path, "bakery in Paris")
    config = project / "next.config.ts"
    config.write_text(config.read_text().split("  // sitegen type-checks")[0] + "};\n\nexport default nextConfig;\n")
    (project / "app" / "page.tsx").write_text("export default function P() { return <main>model</main>; }\n")
    assert build_steps(project, settings().cache_dir) == [NEXT_BUILD]  # next build checks, as it did


def test_recorded_shipped_files_are_content_addressed_outside_the_project(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert shipped.record(cache, {"app/page.tsx": "x", "app/globals.css": "y", "lib/a.ts": "z"}) == 2
    names = {p.name for p in shipped.record_dir(cache).iterdir()}
    assert names == {shipped.digest(b"x"), shipped.digest(b"z")}
    assert all(shipped.digest((template_dir() / n).read_bytes()) in shipped.template_digests()
               for n in shipped.TEMPLATE_SOURCES)


# -- the script Docker runs, the timings ------------------------------------------------------------
def test_steps_script_runs_each_step_after_its_marker_and_stops_at_the_first_failure(tmp_path: Path) -> None:
    script = steps_script([NEXT_BUILD, TYPE_CHECK], "/work/site")
    lines = script.strip().splitlines()
    assert lines[0].startswith("printf '%s\\n' '$ next build'; node /work/site/node_modules/next/dist/bin/next build")
    assert lines[1].endswith(f"--tsBuildInfoFile {TSC_BUILDINFO} --pretty false || exit $?")
    fake = tmp_path / "node_modules"
    for step, code in ((NEXT_BUILD, 0), (TYPE_CHECK, 3)):
        target = tmp_path / step.script
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"console.log('ran {step.name}'); process.exit({code});\n")
    done = subprocess.run(["sh", "-c", steps_script([NEXT_BUILD, TYPE_CHECK, NEXT_BUILD], str(tmp_path))],
                          capture_output=True, text=True)
    assert fake.is_dir() and done.returncode == 3
    assert done.stdout == "$ next build\nran next build\n$ tsc --noEmit --incremental\nran type check\n"


def test_phase_times_and_step_logs_come_from_the_real_log_lines() -> None:
    assert phase_times(NEXT_LOG) == {"compile": 8.1, "typescript (next)": 7.2, "static generation": 0.331,
                                     "cache write": 1.2}
    assert step_log(NEXT_LOG, TYPE_CHECK).startswith("app/page.tsx(3,7): error TS2322")
    errors = parse_build_errors(step_log(NEXT_LOG, TYPE_CHECK))
    assert [(e.file, e.line, e.col) for e in errors] == [("app/page.tsx", 3, 7)]


def test_step_clock_passes_every_line_on_and_times_each_step() -> None:
    seen: list[str] = []
    clock = StepClock([NEXT_BUILD, TYPE_CHECK], seen.append)
    for line in ("$ next build\n", "compiling\n", "$ tsc --noEmit --incremental", "ok\n"):
        clock.feed(line)
    assert seen == ["$ next build\n", "compiling\n", "$ tsc --noEmit --incremental", "ok\n"]
    assert clock.last is TYPE_CHECK
    assert set(clock.durations()) == {"container start", "next build", "type check"}


# -- the shared seed ---------------------------------------------------------------------------------
def fake_cache(project: Path, payload: bytes = b"sst") -> Path:
    version = project / ".next" / "cache" / "turbopack" / "v16.4.6-test"
    version.mkdir(parents=True)
    (version / "00000001.sst").write_bytes(payload)
    (version / "CURRENT").write_text('{"commit_time": "2026-12-01T00:00:00Z"}')
    return version


def publish(project: Path, seeds: Path) -> bool:
    return buildcache.publish_seed(project, seeds, shipped.source_digests(project))


def seed_from(project: Path, seeds: Path) -> Path | None:
    return buildcache.seed_project(project, seeds, shipped.source_digests(project))


def site_files(project: Path, **files: str) -> Path:
    """Source files of a fake site: name -> content (``page`` means app/page.tsx)."""
    for name, text in files.items():
        path = project / ("app/page.tsx" if name == "page" else f"components/{name}.tsx")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return project


def test_a_seed_is_published_once_copied_into_new_projects_and_never_shared_writable(tmp_path: Path) -> None:
    first, second, third = (site_files(tmp_path / n, page="export default 1;") for n in ("first", "second", "third"))
    seeds = buildcache.seed_root(tmp_path / "cache", "key", "local")
    assert not buildcache.has_cache(first)
    fake_cache(first)
    assert buildcache.has_cache(first)
    assert publish(first, seeds)
    [seed] = buildcache.seeds(seeds)
    assert (seed / buildcache.MARKER).is_file()
    assert not publish(first, seeds)  # one seed per shape
    assert seed_from(second, seeds) == seed
    copied = second / ".next/cache/turbopack/v16.4.6-test/00000001.sst"
    original = seed / "turbopack/v16.4.6-test/00000001.sst"
    assert copied.read_bytes() == b"sst" and copied.stat().st_ino != original.stat().st_ino
    copied.write_bytes(b"poisoned by a build")
    assert original.read_bytes() == b"sst"
    assert seed_from(second, seeds) is None  # it has a cache of its own now
    (third / ".next").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    assert seed_from(third, seeds) is None
    assert not any((tmp_path / "elsewhere").iterdir())  # nothing written through the link


def test_a_new_project_gets_the_seed_of_the_site_most_like_it(tmp_path: Path) -> None:
    seeds = buildcache.seed_root(tmp_path / "cache", "key", "docker")
    cafe = site_files(tmp_path / "cafe", page="menu hours", Menu="m", Hours="h", Hero="hero")
    fake_cache(cafe, b"cafe cache")
    gym = site_files(tmp_path / "gym", page="pricing team", Pricing="p", Team="t", Hero="hero")
    fake_cache(gym, b"gym cache")
    assert publish(cafe, seeds) and publish(gym, seeds)
    # another café: different words (page), same components -> the café's seed, though the gym's is newer
    other_cafe = site_files(tmp_path / "other", page="menu hours!", Menu="m", Hours="h", Hero="hero")
    assert seed_from(other_cafe, seeds) is not None
    assert (other_cafe / ".next/cache/turbopack/v16.4.6-test/00000001.sst").read_bytes() == b"cafe cache"
    # nothing in common with either: the most recently used one
    odd = site_files(tmp_path / "odd", page="x", Quiz="q")
    used = seed_from(odd, seeds)
    assert used == buildcache.seeds(seeds)[0]


def test_seeds_beyond_the_limit_go_least_recently_used_first(tmp_path: Path) -> None:
    seeds = buildcache.seed_root(tmp_path / "cache", "key", "local")
    (seeds / "turbopack").mkdir(parents=True)  # the single seed of the old layout
    (seeds / buildcache.MARKER).write_text("ok\n")
    made = []
    for i in range(buildcache.MAX_SEEDS + 2):
        project = site_files(tmp_path / f"p{i}", page=f"page {i}")
        fake_cache(project)
        assert publish(project, seeds)
        [new] = [s for s in buildcache.seeds(seeds) if s not in made]
        made.append(new)
        os.utime(new / buildcache.MARKER, (1000 + i, 1000 + i))
        first = made[0]
        os.utime(first / buildcache.MARKER, (2000 + i, 2000 + i))  # the first stays in use
    left = buildcache.seeds(seeds)
    assert len(left) == buildcache.MAX_SEEDS and first in left and made[1] not in left
    assert not (seeds / "turbopack").exists() and not (seeds / buildcache.MARKER).exists()
    assert not [p for p in seeds.iterdir() if p.name.startswith(".trash")]


def test_a_cache_holding_a_link_is_never_made_a_seed(tmp_path: Path) -> None:
    project = site_files(tmp_path / "p", page="export default 1;")
    version = fake_cache(project)
    (version / "evil.sst").symlink_to("/etc/passwd")
    seeds = buildcache.seed_root(tmp_path / "cache", "k", "local")
    assert not publish(project, seeds)
    assert not buildcache.seeds(seeds)


def test_builds_leave_compaction_until_the_cache_has_grown(tmp_path: Path) -> None:
    project = site_files(tmp_path / "p", page="export default 1;")
    assert buildcache.cache_files(project) == 0
    assert buildcache.compaction_env(project) == buildcache.DEFER_COMPACTION
    version = fake_cache(project)
    for i in range(buildcache.COMPACT_AT - 3):
        (version / f"{i + 2:08}.sst").write_bytes(b"x")
    assert buildcache.cache_files(project) == buildcache.COMPACT_AT - 1
    assert buildcache.compaction_env(project) == buildcache.DEFER_COMPACTION
    (version / "LOG").write_text("")
    assert buildcache.compaction_env(project) == {}  # grown: this build compacts
    # what a build planted is never followed while counting
    linked = site_files(tmp_path / "linked", page="export default 1;")
    (linked / ".next").symlink_to(project / ".next", target_is_directory=True)
    assert buildcache.cache_files(linked) == 0
    odd = site_files(tmp_path / "odd", page="export default 1;")
    (odd / ".next/cache/turbopack").mkdir(parents=True)
    (odd / ".next/cache/turbopack/v16.4.6-x").symlink_to(version, target_is_directory=True)
    assert buildcache.cache_files(odd) == 0


def test_the_seed_key_follows_the_config_files(tmp_path: Path) -> None:
    a = offline_site(tmp_path, "coffee shop landing page", "a")
    b = offline_site(tmp_path, "yoga studio in Lisbon", "b")
    assert buildcache.seed_key(a, "deps") == buildcache.seed_key(b, "deps") != buildcache.seed_key(a, "other")
    (b / "postcss.config.mjs").write_text("export default {};\n")
    assert buildcache.seed_key(a, "deps") != buildcache.seed_key(b, "deps")


# -- real builds --------------------------------------------------------------------------------------
@pytest.mark.e2e
def test_offline_sites_build_without_tsc_and_the_second_one_starts_from_the_seed(
    tmp_path: Path, warm_home: Path, template_deps: Path
) -> None:
    builder = LocalBuilder(settings())
    first = offline_site(tmp_path, "coffee shop landing page", "first")
    one = builder.build(first, lambda _line: None)
    assert one.ok, one.error + one.log[-3000:]
    assert "Skipping validation of types" in one.log and "$ tsc" not in one.log
    assert set(one.timings) >= {"next build", "compile", "static generation", "cache publish"}
    assert "type check" not in one.timings
    second = offline_site(tmp_path, "florist in Ghent", "second")
    two = builder.build(second, lambda _line: None)
    assert two.ok, two.error + two.log[-3000:]
    assert "cache seed" in two.timings and "No build cache found" not in two.log
    assert "Copper Cup" not in (second / "out" / "index.html").read_text()
    again = builder.build(first, lambda _line: None)  # a rebuild keeps the project's own cache
    assert again.ok and "cache seed" not in again.timings and "No build cache found" not in again.log


def trace_spans(project: Path) -> set[str]:
    """The names of the spans in next build's own trace (.next/trace, one JSON list per line)."""
    lines = (project / ".next" / "trace").read_text().splitlines()
    return {span["name"] for line in lines if line.strip() for span in json.loads(line)}


@pytest.mark.e2e
def test_a_build_compacts_turbopacks_cache_only_once_it_has_grown(
    tmp_path: Path, warm_home: Path, template_deps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builder = LocalBuilder(settings())
    project = offline_site(tmp_path, "bike repair shop in Utrecht")
    monkeypatch.setattr(buildcache, "COMPACT_AT", 10_000)  # whatever the seed it starts from holds
    first = builder.build(project, lambda _line: None)
    assert first.ok, first.error + first.log[-3000:]
    spans = trace_spans(project)
    assert "turbopack-persistence" in spans and "turbopack-compaction" not in spans  # written, not compacted
    grown = buildcache.cache_files(project)
    assert grown > 0
    monkeypatch.setattr(buildcache, "COMPACT_AT", grown)  # as if it had grown past the limit
    (project / "lib" / "content.ts").write_text((project / "lib" / "content.ts").read_text().replace(
        "Utrecht", "Leiden"))
    second = builder.build(project, lambda _line: None)
    assert second.ok, second.error + second.log[-3000:]
    assert "turbopack-compaction" in trace_spans(project)
    assert buildcache.cache_files(project) < grown
    assert "Leiden" in (project / "out" / "index.html").read_text()


@pytest.mark.e2e
def test_a_type_error_in_a_changed_file_fails_the_build_with_file_line_and_message(
    tmp_path: Path, warm_home: Path, template_deps: Path
) -> None:
    project = offline_site(tmp_path, "bakery in Paris")
    page = project / "app" / "page.tsx"
    good = page.read_text()
    page.write_text(good.replace("export default", 'const opens: number = "seven";\n\nexport default', 1))
    line = page.read_text().splitlines().index('const opens: number = "seven";') + 1
    builder = LocalBuilder(settings())
    result = builder.build(project, lambda _line: None)
    assert not result.ok and result.error.startswith("type check failed (exit code 2)")
    assert f"app/page.tsx({line},7): error TS2322" in result.error
    errors = parse_build_errors(result.log, project)
    assert [(e.file, e.line, e.col) for e in errors] == [("app/page.tsx", line, 7)]
    assert "not assignable to type 'number'" in errors[0].message
    assert not (project / "out").exists()  # a site that fails its type check is not a build
    assert (project / TSC_BUILDINFO).is_file()
    page.write_text(good.replace("export default", "const opens: number = 7;\n\nexport default", 1))
    fixed = builder.build(project, lambda _line: None)
    assert fixed.ok, fixed.error + fixed.log[-3000:]
    assert "type check" in fixed.timings and (project / "out" / "index.html").is_file()


@pytest.mark.e2e
def test_sitegen_new_records_the_build_timings(tmp_path: Path, warm_home: Path, template_deps: Path) -> None:
    out = tmp_path / "site"
    done = run_cli("new", "coffee shop landing page", "--out", str(out), "--provider", "offline",
                   "--sandbox", "local", "--no-verify", "--json", cwd=tmp_path)
    data = json.loads(done.stdout)
    assert data["status"] == "done", done.stderr[-3000:]
    store = Store(warm_home / "sitegen.db")
    try:
        ends = [e["detail"] for e in store.events(data["job_id"]) if e["stage"] == "BUILDING" and e["event"] == "end"]
    finally:
        store.close()
    timings = ends[-1]["timings"]
    assert timings["next build"] > 0 and timings["compile"] > 0 and "type check" not in timings
