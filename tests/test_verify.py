"""VERIFYING with real headless Chromium against a small hand-written static export."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.verify.browser import find_chromium, routes_from_out, verify_site
from sitegen.verify.report import FixItem, route_name

pytestmark = pytest.mark.chromium


def _require_chromium() -> str:
    """The Chromium path; skip without it, but FAIL when SITEGEN_REQUIRE_SERVICES=1."""
    try:
        return find_chromium()
    except SitegenError as exc:
        if os.environ.get("SITEGEN_REQUIRE_SERVICES") == "1":
            pytest.fail(f"Chromium is required (SITEGEN_REQUIRE_SERVICES=1): {exc}")
        pytest.skip(f"no Chromium: {exc}")


CLEAN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bean There</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;font-family:sans-serif;color:#1c1917}
header{background:linear-gradient(120deg,#14532d,#0ea5e9);color:#fff;padding:96px 48px}
section{padding:48px;min-height:700px;background:#fafaf9}
.card{display:inline-block;width:220px;height:160px;margin:12px;background:#f59e0b;border-radius:16px}
</style></head>
<body><header><h1>Bean There</h1><p>Small-batch coffee, roasted on Tuesdays.</p></header>
<main><section id="menu"><h2>Menu</h2><div class="card"></div><div class="card"></div>
<p><a href="/about/">About us</a> · <a href="#menu">Back to the menu</a> · <a href="/about">About (no slash)</a>
· <a href="mailto:hi@example.com">Email</a> · <a href="https://example.com/">Elsewhere</a></p></section></main>
</body></html>"""

ABOUT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About</title></head>
<body style="background:#fef3c7"><main><h1>About</h1><p>We roast coffee.</p>
<a href="/">Home</a> <a href="/nowhere/">Our farm</a> <a href="/#no-such-section">Missing anchor</a>
<img src="/logo.svg"></main></body></html>"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>'

THROWS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Oops</title>
<script>
console.error("hydration went sideways");
setTimeout(function () { throw new Error("kaboom from the hero"); }, 0);
</script></head><body><main><h1>This page throws</h1></main></body></html>"""

BLANK = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>
<body><main></main></body></html>"""


def make_site(project: Path) -> Path:
    """A fake project: out/ with four pages and the app/ sources the fixer would edit."""
    out = project / "out"
    for route, html in {"": CLEAN, "about": ABOUT, "oops": THROWS, "blank": BLANK}.items():
        folder = out / route if route else out
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8")
    (out / "logo.svg").write_text(LOGO, encoding="utf-8")
    (out / "404.html").write_text("<!doctype html><title>404</title><h1>Not here</h1>", encoding="utf-8")
    for rel, src in {
        "app/page.tsx": "export default function Home() { return <main>home</main>; }\n",
        "app/about/page.tsx": 'export default function About() { return <a href="/nowhere/">farm</a>; }\n',
        "app/oops/page.tsx": 'export default function Oops() { throw new Error("kaboom from the hero"); }\n',
        "app/blank/page.tsx": "export default function Blank() { return null; }\n",
    }.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(src, encoding="utf-8")
    return out


# -- PNG helpers (stdlib only) --------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def png_pixels(path: Path) -> tuple[int, int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG into rows of raw pixel bytes."""
    data = path.read_bytes()
    pos, idat = 8, b""
    width = height = ctype = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def pixel_stats(path: Path, step: int = 7) -> tuple[float, int]:
    """(variance of luminance, number of distinct colours) over a grid of sampled pixels."""
    width, height, bpp, rows = png_pixels(path)
    lum: list[float] = []
    colours: set[bytes] = set()
    for y in range(0, height, step):
        row = rows[y]
        for x in range(0, width, step):
            px = row[x * bpp : x * bpp + 3]
            colours.add(px)
            lum.append(0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2])
    mean = sum(lum) / len(lum)
    return sum((v - mean) ** 2 for v in lum) / len(lum), len(colours)


# -- the run, once for the module -----------------------------------------------------------------
@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    _require_chromium()
    project = tmp_path_factory.mktemp("site")
    out = make_site(project)
    shots = project / ".sitegen" / "screenshots"
    logs: list[str] = []
    report = verify_site(out, routes_from_out(out), shots, logs.append)
    return project, report, logs


def page(report, route: str):
    return next(p for p in report.pages if p.route == route)


def test_every_page_is_checked_and_logged(run) -> None:
    _, report, logs = run
    assert [p.route for p in report.pages] == ["/", "/about/", "/blank/", "/oops/"]
    assert all(p.status == 200 for p in report.pages)
    assert report.browser.startswith("chromium ")
    assert any(line.startswith("verify ") for line in logs)
    assert report.seconds > 0


def test_screenshots_exist_with_expected_sizes_and_are_not_blank(run) -> None:
    project, report, _ = run
    shots = project / ".sitegen" / "screenshots"
    for p in report.pages:
        desktop = Path(p.screenshots["desktop"])
        phone = Path(p.screenshots["phone"])
        assert desktop == shots / f"{route_name(p.route)}-desktop.png" and desktop.is_file()
        assert phone == shots / f"{route_name(p.route)}-phone.png" and phone.is_file()
        w, h = png_size(desktop)
        assert w == 1280 and h >= 800  # full page
        assert png_size(phone) == (390, 844)
    home = page(report, "/")
    assert png_size(Path(home.screenshots["desktop"]))[1] > 800  # a long page is shot in full
    for shot in (home.screenshots["desktop"], home.screenshots["phone"]):
        variance, colours = pixel_stats(Path(shot))
        assert variance > 100 and colours > 20, (shot, variance, colours)
    variance, colours = pixel_stats(Path(page(report, "/blank/").screenshots["desktop"]))
    assert variance < 1 and colours <= 2  # the blank page really is blank: the measure tells them apart


def test_clean_page_is_ok(run) -> None:
    _, report, _ = run
    home = page(report, "/")
    assert home.ok, home
    assert home.console_errors == [] and home.page_errors == [] and home.links == []
    assert home.internal_links == 3 and home.external_links == 1  # mailto: is not a link to check


def test_page_that_throws_is_reported_and_handed_to_the_fixer(run) -> None:
    project, report, _ = run
    oops = page(report, "/oops/")
    assert not oops.ok and not report.ok
    assert any("kaboom from the hero" in e for e in oops.page_errors)
    assert any("hydration went sideways" in e for e in oops.console_errors)
    items = report.as_fix_errors()
    assert all(isinstance(i, FixItem) for i in items)
    thrown = [i for i in items if i.source == "pageerror"]
    assert len(thrown) == 1 and "kaboom from the hero" in thrown[0].message
    assert thrown[0].file == "app/oops/page.tsx"  # found by searching the sources for the message
    console = [i for i in items if i.source == "console" and i.route == "/oops/"]
    assert console and console[0].file == "app/oops/page.tsx"
    assert str(thrown[0]).startswith("app/oops/page.tsx: ")


def test_broken_internal_link_is_reported(run) -> None:
    _, report, _ = run
    about = page(report, "/about/")
    broken = about.broken_links
    assert [(b.href, b.target, b.text) for b in broken] == [("/nowhere/", "/nowhere/", "Our farm")]
    anchors = [link for link in about.links if link.kind == "anchor"]
    assert [a.href for a in anchors] == ["/#no-such-section"]
    assert not about.ok
    link_items = [i for i in report.as_fix_errors() if i.source == "link"]
    assert len(link_items) == 1
    assert link_items[0].file == "app/about/page.tsx" and "/nowhere/" in link_items[0].message
    assert report.counts()["broken_links"] == 1 and report.counts()["broken_anchors"] == 1


def test_blank_page_is_reported(run) -> None:
    _, report, _ = run
    blank = page(report, "/blank/")
    assert blank.blank and not blank.ok
    assert any(i.source == "blank" for i in report.as_fix_errors())


def test_accessibility_counts_by_severity(run) -> None:
    _, report, _ = run
    assert report.axe_version
    for p in report.pages:
        assert set(p.a11y) == {"critical", "serious", "moderate", "minor"}
        assert p.a11y_error == ""
    about = page(report, "/about/")
    assert about.a11y["critical"] >= 1
    assert "image-alt" in {v.id for v in about.a11y_violations}
    assert about.ok is False  # (for the broken link) while a11y alone never fails a page
    totals = report.a11y_counts
    assert totals["critical"] >= 1 and sum(totals.values()) >= 1
    d = report.to_dict()
    assert d["a11y"] == totals and d["counts"]["pages"] == 4 and len(d["screenshots"]) == 8


def test_a_clean_site_is_ok_and_old_screenshots_are_replaced(tmp_path: Path) -> None:
    _require_chromium()
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text(CLEAN.replace('<a href="/about/">About us</a>', ""), encoding="utf-8")
    (out / "about").mkdir()
    (out / "about" / "index.html").write_text(CLEAN, encoding="utf-8")
    shots = tmp_path / "shots"
    shots.mkdir()
    (shots / "gone-desktop.png").write_bytes(b"old")
    report = verify_site(out, ["/", "/about/"], shots, None, a11y=False)
    assert report.ok, report.summary()
    assert report.as_fix_errors() == []
    assert sorted(p.name for p in shots.iterdir()) == [
        "about-desktop.png",
        "about-phone.png",
        "home-desktop.png",
        "home-phone.png",
    ]
