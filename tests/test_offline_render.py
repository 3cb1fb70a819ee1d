"""The offline UI renderer: SitePlan -> Next.js files. Unit tests plus real `next build` runs."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path, PurePosixPath

import pytest
from fixtures_plans import ALL_PLANS, HOSTILE, HOSTILE_AR, HOSTILE_TEXTS, HOSTILE_ZH, hostile_plan

from sitegen.offline.lucide_icons import DEFAULT_ICON, nearest_icon, valid_lucide_icons
from sitegen.offline.render import COMPONENTS, render_site
from sitegen.offline.render_data import VARIANTS, normalise_variant, site_data
from sitegen.offline.render_theme import contrast, theme_colours
from sitegen.plan import FONT_PACKAGES, Item, Page, Palette, Section, SitePlan

PLAN_NAMES = sorted(ALL_PLANS)


def _content_data(files: dict[str, str]) -> dict:
    text = files["lib/content.ts"]
    start = text.index("export const site: SiteData = ") + len("export const site: SiteData = ")
    return json.loads(text[start:].rstrip().removesuffix(";"))


def _all_hrefs(data: dict) -> list[str]:
    hrefs = [link["href"] for link in data["nav"]] + [data["contactHref"]]
    if data["action"]:
        hrefs.append(data["action"]["href"])
    for page in data["pages"]:
        for section in page["sections"]:
            hrefs += [section[k]["href"] for k in ("cta", "secondary") if section[k]]
    return hrefs


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_paths_are_relative_and_in_allowed_folders(name: str) -> None:
    files = render_site(ALL_PLANS[name]())
    for path in files:
        p = PurePosixPath(path)
        assert not p.is_absolute() and "\\" not in path and ".." not in p.parts, path
        assert p.parts[0] in {"app", "components", "lib"}, path
        assert p.suffix in {".ts", ".tsx", ".css", ".svg"}, path


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_every_page_gets_a_file_and_the_core_files_exist(name: str) -> None:
    plan = ALL_PLANS[name]()
    files = render_site(plan)
    for page in plan.pages:
        assert ("app/page.tsx" if not page.slug else f"app/{page.slug}/page.tsx") in files
    for core in ("app/layout.tsx", "app/globals.css", "lib/content.ts", "lib/types.ts", "lib/icons.ts", "lib/theme.ts",
                 "components/Header.tsx", "components/Footer.tsx"):
        assert core in files
    kinds = {s.kind for p in plan.pages for s in p.sections}
    for kind in kinds:
        assert f"components/{COMPONENTS[kind]}.tsx" in files
    for kind in set(COMPONENTS) - kinds:
        assert f"components/{COMPONENTS[kind]}.tsx" not in files


def test_rendering_is_deterministic() -> None:
    assert render_site(hostile_plan()) == render_site(hostile_plan())


def test_hostile_text_lives_only_in_the_typed_data_file_as_json_literals() -> None:
    files = render_site(hostile_plan())
    content = files["lib/content.ts"]
    for text in HOSTILE_TEXTS:
        literal = json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        assert literal in content, text
    assert "\u2028" not in content and "\u2029" not in content
    # the data round-trips exactly
    assert _content_data(files) == json.loads(json.dumps(site_data(hostile_plan())))
    # no plan text ever lands in a TSX file (where it could become raw JSX text)
    fragments = ["alert(1)", "${x}", "${literal}", HOSTILE_AR, HOSTILE_ZH, "café", "Backticks"]
    for path, text in files.items():
        if path == "lib/content.ts":
            continue
        for fragment in fragments:
            assert fragment not in text, (path, fragment)


def test_page_files_render_section_data_only_as_expressions() -> None:
    files = render_site(hostile_plan())
    page = files["app/page.tsx"]
    assert "const page = site.pages[0];" in page
    assert re.search(r"<Hero section=\{page\.sections\[0\]\} site=\{site\} />", page)
    # every line of JSX in the page file is a component element or a fragment, never text
    body = page.split("return (", 1)[1]
    for line in body.splitlines():
        stripped = line.strip()
        element = re.fullmatch(r"<[A-Z]\w*( [\w]+=\{[^}]*\})* />", stripped)
        assert stripped in {"", "<>", "</>", ");", "}"} or element, line


def test_unknown_icons_fall_back_and_only_real_icons_are_imported() -> None:
    assert nearest_icon("NotARealIcon</script>") == DEFAULT_ICON
    assert nearest_icon("") == DEFAULT_ICON
    assert nearest_icon("Coffee") == "Coffee"
    assert nearest_icon("coffee") == "Coffee"
    assert nearest_icon("shopping-cart") == "ShoppingCart"
    assert nearest_icon("CoffeeIcon") == "Coffee"
    assert nearest_icon("Instagram") in valid_lucide_icons()
    valid = valid_lucide_icons()
    assert {"Coffee", "CoffeeIcon", "LucideCoffee", "Sparkles", "House", "Home"} <= valid
    assert "createLucideIcon" not in valid and "Icon" not in valid
    files = render_site(hostile_plan())
    data = _content_data(files)
    for page in data["pages"]:
        for section in page["sections"]:
            for item in section["items"]:
                assert item["icon"] in valid
    imported = re.findall(r"^  (\w+) as Icon\1,$", files["lib/icons.ts"], re.M)
    assert imported and set(imported) <= valid
    assert "NotARealIcon" not in files["lib/icons.ts"]


def test_icon_list_matches_the_installed_lucide(template_deps: Path) -> None:
    dts = template_deps / "lucide-react" / "dist" / "lucide-react.d.ts"
    from sitegen.offline.lucide_icons import base_names, generate_icon_list

    assert set(generate_icon_list(dts)) == set(base_names())


def test_variants_fall_back_to_the_default() -> None:
    assert normalise_variant("hero", "does-not-exist") == "centered"
    assert normalise_variant("hero", "SPLIT") == "split"
    assert normalise_variant("features", "???") == "grid"
    assert normalise_variant("testimonials", "{x}") == "grid"
    assert normalise_variant("testimonials", "spotlight") == "quote"
    assert normalise_variant("hero", "image-left") == "image-left"
    assert normalise_variant("menu", "fancy") == "list"
    assert normalise_variant("team", "fancy") == "default"
    data = _content_data(render_site(hostile_plan()))
    for page in data["pages"]:
        for section in page["sections"]:
            assert section["variant"] in VARIANTS.get(section["kind"], ("default",))
    cafe = _content_data(render_site(ALL_PLANS["cafe"]()))
    assert cafe["pages"][0]["sections"][0]["variant"] == "split"


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_links_point_at_real_routes_and_anchors(name: str) -> None:
    plan = ALL_PLANS[name]()
    data = _content_data(render_site(plan))
    routes = {p["route"]: {s["id"] for s in p["sections"]} | {"top"} for p in data["pages"]}
    for href in _all_hrefs(data):
        if href.startswith(("https://", "mailto:", "tel:")):
            continue
        path, _, anchor = href.partition("#")
        if path:
            assert path in routes, href
        if anchor:
            assert anchor in (routes[path] if path else set().union(*routes.values())), href
    assert "javascript:" not in json.dumps(data)


def test_internal_hrefs_become_trailing_slash_routes() -> None:
    data = _content_data(render_site(ALL_PLANS["cafe"]()))
    hero = data["pages"][0]["sections"][0]
    assert hero["cta"]["href"] == "/menu/"
    assert hero["secondary"]["href"] == "#hours"
    assert [n["href"] for n in data["nav"]] == ["/", "/menu/", "/visit/"]
    cta = data["pages"][0]["sections"][-1]
    assert cta["cta"]["href"] == "/visit/#contact"  # the contact section lives on another page


def test_single_page_nav_uses_section_anchors() -> None:
    data = _content_data(render_site(ALL_PLANS["saas"]()))
    assert data["nav"] and all(n["href"].startswith("/#") for n in data["nav"])
    assert data["action"] == {"label": "Start free trial", "href": "/#pricing"}


def test_layout_imports_fonts_metadata_and_shared_chrome() -> None:
    files = render_site(ALL_PLANS["cafe"]())
    layout = files["app/layout.tsx"]
    assert f'import "{FONT_PACKAGES["Fraunces"]}";' in layout
    assert f'import "{FONT_PACKAGES["DM Sans"]}";' in layout
    assert "export const metadata: Metadata" in layout
    assert "<Header " in layout and "<Footer " in layout and "lang={site.lang}" in layout
    hostile = render_site(hostile_plan())["app/layout.tsx"]
    imports = re.findall(r'^import "(@fontsource[^"]+)";', hostile, re.M)
    assert imports == [FONT_PACKAGES["Playfair Display"]]


def test_globals_css_is_one_file_for_every_site_and_each_sites_theme_is_data() -> None:
    sites = {name: render_site(ALL_PLANS[name]()) for name in PLAN_NAMES}
    css = sites["cafe"]["app/globals.css"]
    assert {files["app/globals.css"] for files in sites.values()} == {css}  # the same CSS input for Tailwind
    assert css.startswith('@import "tailwindcss" source(none);')
    sources = re.findall(r'^@source "([^"]+)";', css, re.M)
    assert sources == ["../app/**/*.{js,jsx,ts,tsx,mdx}", "../components", "../lib/**/*.tsx"]
    for token in ("@theme {", "--color-primary:", "--color-background:", "--font-heading:", "--font-body:",
                  "scroll-behavior: smooth", ":focus-visible", "color-scheme: light"):
        assert token in css
    theme = sites["cafe"]["lib/theme.ts"]
    for token in ('"--color-primary": "#9a3412",', '"--color-background":',
                  '"--font-heading": "\\"Fraunces Variable\\"', '"--font-body":', 'colorScheme: "light",',
                  "export const themeColor = "):
        assert token in theme
    assert 'colorScheme: "dark",' in sites["saas"]["lib/theme.ts"]
    layout = sites["cafe"]["app/layout.tsx"]
    assert 'import { theme, themeColor } from "@/lib/theme";' in layout and "style={theme}" in layout
    assert "export const viewport: Viewport = { themeColor };" in layout
    # what Tailwind reads (code in app/ and components/, lib/**/*.tsx) holds none of a site's colours
    for name, files in sites.items():
        colours = set(theme_colours(ALL_PLANS[name]().palette).values())
        read = [text for path, text in files.items() if path.startswith(("app/", "components/"))
                and path.endswith((".tsx", ".ts")) or path.startswith("lib/") and path.endswith(".tsx")]
        assert not [c for c in colours for text in read if c in text], name
        assert "lib/icons.tsx" not in files


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_theme_text_colours_are_readable(name: str) -> None:
    palette = ALL_PLANS[name]().palette
    c = theme_colours(palette)
    for bg in (c["background"], c["surface"]):
        assert contrast(c["foreground"], bg) >= 7
        assert contrast(c["muted"], bg) >= 4.5
        assert contrast(c["primary-ink"], bg) >= 4.5
    assert contrast(c["primary-foreground"], c["primary"]) >= 4.5
    assert contrast(c["accent-foreground"], c["accent"]) >= 4.5


def test_bad_contrast_palette_is_repaired() -> None:
    c = theme_colours(Palette(primary="#fde68a", primary_foreground="#ffffff", accent="#ffff00",
                              background="#ffffff", text="#cccccc", muted="#eeeeee"))
    assert contrast(c["foreground"], "#ffffff") >= 7
    assert contrast(c["primary-foreground"], "#fde68a") >= 4.5


def test_client_components_declare_use_client() -> None:
    files = render_site(ALL_PLANS["cafe"]())
    for path, text in files.items():
        if re.search(r"\buse(State|Effect|Pathname|Ref)\(|\bon[A-Z]\w*=\{", text):
            assert text.startswith('"use client";'), path
    assert files["components/Header.tsx"].startswith('"use client";')


def test_rtl_and_language_detection() -> None:
    plan = SitePlan(
        name="مقهى الصباح", tagline="قهوة مختصة كل يوم", description="مقهى صغير في عمّان",
        palette=Palette(primary="#0f766e", accent="#f59e0b"),
        pages=[Page(title="الرئيسية", nav_label="الرئيسية",
                    sections=[Section(kind="hero", heading="أهلاً", items=[Item(title="x")])])],
    )
    data = _content_data(render_site(plan))
    assert (data["lang"], data["dir"]) == ("ar", "rtl")
    assert _content_data(render_site(ALL_PLANS["cafe"]()))["lang"] == "en"


# ---------------------------------------------------------------- end to end: real `next build`


def _template_dir() -> Path:
    return Path(str(resources.files("sitegen").joinpath("template")))


@pytest.fixture(scope="session")
def node_modules(template_deps: Path) -> Path:
    """The template's installed dependencies (one real `npm ci` per test session)."""
    return template_deps


def _prepare(tmp: Path, node_modules: Path, plan: SitePlan) -> Path:
    site = tmp / "site"
    shutil.copytree(_template_dir(), site)
    if subprocess.run(["cp", "-al", str(node_modules), str(site / "node_modules")],
                      capture_output=True).returncode != 0:
        shutil.copytree(node_modules, site / "node_modules", symlinks=True)
    for rel, text in render_site(plan).items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return site


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def _build(site: Path) -> None:
    env = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1"}
    result = subprocess.run(["npx", "next", "build"], cwd=site, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.mark.e2e
@pytest.mark.parametrize("name", PLAN_NAMES)
def test_next_build_renders_every_page(name: str, tmp_path: Path, node_modules: Path) -> None:
    plan = ALL_PLANS[name]()
    site = _prepare(tmp_path, node_modules, plan)
    _build(site)
    out = site / "out"
    for page in plan.pages:
        index = out / (f"{page.slug}/index.html" if page.slug else "index.html")
        assert index.exists(), index
        raw = index.read_text("utf-8")
        text = _visible_text(raw)
        assert plan.name in text
        for section in page.sections:
            assert section.heading in text, section.heading
    if name != "hostile":
        return
    home = (out / "index.html").read_text("utf-8")
    inner = (out / "hostile-page" / "index.html").read_text("utf-8")
    for raw, expected in ((home, [HOSTILE, HOSTILE_AR, *HOSTILE_TEXTS[3:7]]),
                          (inner, [HOSTILE, HOSTILE_AR, HOSTILE_ZH, HOSTILE_TEXTS[4], HOSTILE_TEXTS[5]])):
        text = _visible_text(raw)
        for hostile in expected:
            assert hostile in text, hostile
            assert html.escape(hostile, quote=True) in raw, hostile  # escaped by React, byte for byte
        assert "<script>alert(1)" not in raw and "<b>café</b>" not in raw
        assert "<img src=x" not in raw
    assert f"<title>{html.escape(HOSTILE, quote=True)}</title>" in home
