"""What following no link costs: host writes, deploy copies and preview lookups, old way vs new way.

    python bench/bench_trust.py

Prints milliseconds (best of 5) for: writing a 25-file generated site (plain writes vs
``safepaths.safe_write`` through ``hostio``), copying a 300-file ``out/`` (``shutil.copytree`` vs
``hostio.copy_tree``), and 1000 preview URL lookups (``verify.preview.resolve_path``).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sitegen import hostio
from sitegen.safepaths import safe_write
from sitegen.verify.preview import resolve_path


def best(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def site_files() -> dict[str, str]:
    files = {f"components/sections/Section{i}.tsx": "export function S() { return <div>x</div>; }\n" * 40
             for i in range(18)}
    files.update({f"app/{p}/page.tsx": "export default function P() { return null; }\n" * 30
                  for p in ("menu", "about", "visit", "events", "journal", "faq")})
    files["app/page.tsx"] = "export default function Home() { return null; }\n" * 50
    return files


def plain_write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def make_out(root: Path, pages: int = 30, assets: int = 270) -> Path:
    out = root / "out"
    for i in range(pages):
        (out / f"page{i}").mkdir(parents=True, exist_ok=True)
        (out / f"page{i}" / "index.html").write_text("<!doctype html>" + "<p>x</p>" * 500)
    (out / "_next" / "static" / "chunks").mkdir(parents=True, exist_ok=True)
    for i in range(assets):
        (out / "_next" / "static" / "chunks" / f"{i}.js").write_text("console.log(1);" * 300)
    (out / "index.html").write_text("<!doctype html><h1>home</h1>")
    return out


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-trust-"))
    try:
        files = site_files()
        a, b = work / "a", work / "b"
        a.mkdir()
        b.mkdir()
        old = best(lambda: plain_write(a, files))
        new = best(lambda: safe_write(b, files))
        print(f"write {len(files)} site files:   plain {old:7.2f} ms   safe_write/hostio {new:7.2f} ms")

        out = make_out(work / "site")
        count = sum(1 for p in out.rglob("*") if p.is_file())

        def copy_old() -> None:
            shutil.rmtree(work / "c1", ignore_errors=True)
            shutil.copytree(out, work / "c1")

        def copy_new() -> None:
            (work / "c2").mkdir(exist_ok=True)
            hostio.empty_dir(work / "c2")
            hostio.copy_tree(out, work / "c2")

        old, new = best(copy_old), best(copy_new)
        print(f"copy out/ ({count} files):    copytree {old:7.2f} ms   hostio.copy_tree {new:7.2f} ms")
        urls = ["/", "/page3/", "/page7", "/_next/static/chunks/42.js", "/missing"] * 200
        lookups = best(lambda: [resolve_path(out, u) for u in urls])
        print(f"preview: {len(urls)} URL lookups without following links: {lookups:7.2f} ms "
              f"({lookups / len(urls) * 1000:.1f} µs each)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
