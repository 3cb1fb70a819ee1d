"""Publish-ready pages: what the renderer writes (metadata, sitemap, robots, JSON-LD, favicon) and what
VERIFYING reports about each page's SEO basics in real Chromium (advisory: never fails a page)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.offline.render import render_site
from sitegen.offline.render_seo import icon_svg, json_ld, schema_type, site_url
from sitegen.plan import Contact, Page, Palette, Section, SitePlan
from sitegen.verify.browser import find_chromium, verify_site
from sitegen.verify.seo import SeoFindings
from tests.fixtures_plans import ALL_PLANS, HOSTILE, hostile_plan, widgets_plan


def _plan(**kw) -> SitePlan:
    base = dict(name="Bluebell Florist", tagline="Flowers for every day", description="A florist in Ghent.",
                palette=Palette(primary="#7c3aed", accent="#f472b6"),
                pages=[Page(title="Bluebell Florist — Ghent", nav_label="Home",
                            sections=[Section(kind="hero", heading="Fresh flowers")])])
    base.update(kw)
    return SitePlan(**base)


# ------------------------------------------------------------------ what the renderer writes


@pytest.mark.parametrize("url, expected", [
    ("https://bluebell.example.com/", "https://bluebell.example.com"),
    ("http://localhost:3000", "http://localhost:3000"),
    ("  https://x.example/shop  ", "https://x.example/shop"),
    ("", ""),
    ("ftp://x.example", ""),
    ("javascript:alert(1)", ""),
    ('https://x.example/"><script>', ""),
])
def test_site_url_is_only_a_clean_http_address(url: str, expected: str) -> None:
    assert site_url(_plan(url=url)) == expected


@pytest.mark.parametrize("kind, location, address, expected", [
    ("cafe", "", "", "CafeOrCoffeeShop"),
    ("restaurant", "Lyon", "", "Restaurant"),
    ("law", "", "", "LegalService"),
    ("saas", "", "", "Organization"),
    ("portfolio", "", "", "Person"),
    ("general", "Ghent", "", "LocalBusiness"),
    ("general", "", "1 Quay St", "LocalBusiness"),
    ("general", "", "", "Organization"),
    ("basketball-analytics", "", "", "Organization"),
])
def test_json_ld_type_follows_the_kind(kind: str, location: str, address: str, expected: str) -> None:
    plan = _plan(kind=kind, location=location, contact=Contact(address=address, phone="+32 9 123 45 67"))
    assert schema_type(plan) == expected
    data = json_ld(plan, "en")
    assert data["@context"] == "https://schema.org"
    website, owner = data["@graph"]
    assert website["@type"] == "WebSite" and website["inLanguage"] == "en"
    assert owner["@type"] == expected and owner["name"] == "Bluebell Florist"
    if expected in ("LocalBusiness", "Restaurant") and address:
        assert owner["address"]["streetAddress"] == address
    assert ("telephone" in owner) == (expected != "Person")
    assert "url" not in owner  # unknown address: no URL is invented


def test_known_url_gives_canonical_urls_everywhere() -> None:
    files = render_site(_plan(url="https://bluebell.example.com/"))
    content = files["lib/content.ts"]
    assert '"url": "https://bluebell.example.com"' in content
    assert '"url": "https://bluebell.example.com/"' in content  # inside the JSON-LD
    assert "metadataBase: new URL(site.url)" in files["app/layout.tsx"]
    assert "alternates: { canonical: url }" in files["lib/seo.ts"]


def test_every_page_exports_its_metadata_and_the_layout_has_json_ld() -> None:
    plan = widgets_plan()
    files = render_site(plan)
    for page in plan.pages:
        path = "app/page.tsx" if not page.slug else f"app/{page.slug}/page.tsx"
        assert "export const metadata: Metadata = pageMetadata(page);" in files[path]
    layout = files["app/layout.tsx"]
    assert '<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON_LD }} />' in layout
    assert "lang={site.lang}" in layout
    for name in ("app/sitemap.ts", "app/robots.ts"):
        assert 'export const dynamic = "force-static";' in files[name]
    seo = files["lib/seo.ts"]
    for needle in ("openGraph", "twitter", 'card: "summary"', "siteName: site.name", "JSON.stringify(site.jsonLd)",
                   '.replace(/</g, "\\\\u003c")'):
        assert needle in seo, needle


@pytest.mark.parametrize("name, letter", [("Bluebell", "B"), ("<b>x</b>", "&lt;"), ("&Co", "&amp;"),
                                          ("東京カフェ", "東"), ("élan", "É")])
def test_favicon_is_the_logo_mark_and_escapes_the_letter(name: str, letter: str) -> None:
    svg = icon_svg(_plan(name=name))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert f">{letter}</text>" in svg
    assert 'stop-color="#7c3aed"' in svg and 'stop-color="#f472b6"' in svg
    assert "<b>" not in svg


def test_page_language_comes_from_the_plan() -> None:
    def lang(plan: SitePlan) -> tuple[str, str]:
        data = render_site(plan)["lib/content.ts"]
        return re.search(r'"lang": "([^"]+)"', data).group(1), re.search(r'"dir": "([^"]+)"', data).group(1)

    assert lang(_plan(lang="fr")) == ("fr", "ltr")
    assert lang(_plan(lang="pt-BR")) == ("pt-BR", "ltr")
    assert lang(_plan(lang="he")) == ("he", "rtl")
    assert lang(_plan(lang="not a tag")) == ("en", "ltr")
    assert lang(_plan(name="مقهى الصباح", tagline="قهوة مختصة", description="مقهى صغير في عمّان")) == ("ar", "rtl")


def test_hostile_text_never_leaves_the_data_file() -> None:
    files = render_site(hostile_plan())
    for path in ("lib/seo.ts", "app/sitemap.ts", "app/robots.ts", "app/layout.tsx"):
        assert "alert(1)" not in files[path] and HOSTILE not in files[path], path


# ------------------------------------------------------------------ SeoFindings


@pytest.mark.parametrize("findings, expected", [
    (SeoFindings(title="Bluebell Florist — Ghent", description="Fresh flowers " * 5, lang="en", h1=1,
                 og_title="x", checked=True), []),
    (SeoFindings(title="Hi", description="", lang="", h1=0, checked=True),
     ["0 h1 headings (one expected)", "title is 2 characters (10-60 read best)", "no meta description",
      "no lang attribute on <html>", "no Open Graph title"]),
    (SeoFindings(title="T" * 75, description="d" * 200, lang="en", h1=2, images=3, images_without_alt=2,
                 og_title="x", checked=True),
     ["2 h1 headings (one expected)", "title is 75 characters (10-60 read best)",
      "meta description is 200 characters (50-160 read best)", "2 of 3 image(s) without alt text"]),
    (SeoFindings(), []),  # not checked (the page did not load): nothing to say
])
def test_seo_problems(findings: SeoFindings, expected: list[str]) -> None:
    assert findings.problems() == expected


# ------------------------------------------------------------------ VERIFYING in real Chromium

GOOD = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bluebell Florist — Ghent</title>
<meta name="description" content="Seasonal bouquets, wedding flowers and plants from a small florist in Ghent.">
<meta property="og:title" content="Bluebell Florist"></head>
<body><main><h1>Bluebell Florist</h1><img src="/a.svg" alt="A bouquet"><img src="/a.svg" alt=""></main></body></html>"""

POOR = """<!doctype html><html><head><meta charset="utf-8"><title>Home</title></head>
<body><main><h1>One</h1><h1>Two</h1><img src="/a.svg"><p>Text</p></main></body></html>"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>'


@pytest.mark.chromium
def test_verify_reports_seo_basics_per_page_without_failing(tmp_path: Path) -> None:
    try:
        find_chromium()
    except SitegenError as exc:
        if os.environ.get("SITEGEN_REQUIRE_SERVICES") == "1":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    out = tmp_path / "out"
    (out / "poor").mkdir(parents=True)
    (out / "index.html").write_text(GOOD, encoding="utf-8")
    (out / "poor" / "index.html").write_text(POOR, encoding="utf-8")
    (out / "a.svg").write_text(SVG, encoding="utf-8")
    report = verify_site(out, None, tmp_path / "shots", a11y=False)
    good, poor = report.pages
    assert good.seo.checked and good.seo.problems() == []
    assert (good.seo.h1, good.seo.images, good.seo.images_without_alt, good.seo.lang) == (1, 2, 0, "en")
    assert poor.seo.problems() == ["2 h1 headings (one expected)", "title is 4 characters (10-60 read best)",
                                   "no meta description", "1 of 1 image(s) without alt text",
                                   "no lang attribute on <html>", "no Open Graph title"]
    assert report.ok  # SEO findings are advice, never a failure
    assert report.seo_issues == 6 and "SEO: 6 issue(s)" in report.summary()
    data = report.to_dict()
    assert data["seo_issues"] == 6
    assert data["pages"][1]["seo"]["problems"][0] == "2 h1 headings (one expected)"
    json.dumps(data)


def test_every_fixture_plan_renders_publish_ready_files() -> None:
    for name, make in ALL_PLANS.items():
        files = render_site(make())
        for path in ("app/sitemap.ts", "app/robots.ts", "app/icon.svg", "lib/seo.ts"):
            assert path in files, (name, path)


# ------------------------------------------------------------------ the model path

MODEL_LAYOUT = """import "./globals.css";
import type { ReactNode } from "react";
import { JsonLd } from "@/components/JsonLd";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <JsonLd />
        <main>{children}</main>
      </body>
    </html>
  );
}
"""

MODEL_PAGE = """export const metadata = { title: "Accueil — Fleurs de Gand", description: "Bouquets." };

export default function Page() {
  return <h1>Fleurs de Gand</h1>;
}
"""


def test_model_sites_get_the_same_publish_ready_files() -> None:
    from sitegen.offline.render_seo import model_seo_files

    plan = hostile_plan()
    files = model_seo_files(plan)
    assert set(files) == {"app/sitemap.ts", "app/robots.ts", "app/icon.svg", "components/JsonLd.tsx"}
    tsx = files["components/JsonLd.tsx"]
    assert "<script>" not in tsx and "</div>" not in tsx and "<b>" not in tsx
    literal = re.search(r"^const DATA = (.*);$", tsx, re.M).group(1)
    data = json.loads(json.loads(literal))  # a JSON string literal holding the escaped JSON-LD
    assert data["@graph"][0]["name"] == HOSTILE
    assert '"/hostile-page/"' in files["app/sitemap.ts"]
    assert 'const SITE_URL = "";' in files["app/robots.ts"]


@pytest.mark.e2e
def test_model_site_builds_with_sitemap_robots_icon_and_json_ld(tmp_path: Path, template_deps: Path) -> None:
    import shutil
    import subprocess
    from importlib import resources

    from sitegen.offline.render_seo import model_seo_files

    site = tmp_path / "site"
    shutil.copytree(Path(str(resources.files("sitegen").joinpath("template"))), site)
    subprocess.run(["cp", "-al", str(template_deps), str(site / "node_modules")], check=True)
    plan = _plan(name="Fleurs de Gand", lang="fr", url="https://fleurs.example.be", kind="florist",
                 location="Gand", pages=[Page(title="Accueil", nav_label="Accueil",
                                              sections=[Section(kind="hero", heading="Fleurs")]),
                                         Page(slug="boutique", title="Boutique", nav_label="Boutique",
                                              sections=[Section(kind="hero", heading="Boutique")])])
    written = {**model_seo_files(plan), "app/layout.tsx": MODEL_LAYOUT, "app/page.tsx": MODEL_PAGE,
               "app/boutique/page.tsx": MODEL_PAGE.replace("Page()", "Shop()"),
               "app/globals.css": '@import "tailwindcss";\n'}
    for rel, text in written.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    result = subprocess.run(["npx", "next", "build"], cwd=site, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NEXT_TELEMETRY_DISABLED": "1"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = site / "out"
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://fleurs.example.be/</loc>" in sitemap
    assert "<loc>https://fleurs.example.be/boutique/</loc>" in sitemap
    assert "Sitemap: https://fleurs.example.be/sitemap.xml" in (out / "robots.txt").read_text("utf-8")
    assert ">F</text>" in (out / "icon.svg").read_text("utf-8")
    html = (out / "index.html").read_text("utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(found.group(1))
    assert data["@graph"][0]["inLanguage"] == "fr" and data["@graph"][1]["@type"] == "LocalBusiness"
    assert data["@graph"][1]["areaServed"] == "Gand"
