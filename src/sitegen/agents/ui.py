"""UiAgent: plan -> project files.

Offline, the deterministic renderer composes the site. With a model, one call decides the shared
frame (layout, theme, header, footer); then every page is written concurrently, so the chain of
sequential model calls stays at two here (three with planning) whatever the number of pages.
"""

from __future__ import annotations

import asyncio
import json

from sitegen.agents.common import FileOut, LayoutOutput, PageOutput, prompt_text
from sitegen.errors import ErrorKind, SitegenError
from sitegen.offline.render_seo import model_seo_files
from sitegen.plan import Page, SitePlan
from sitegen.providers.base import CallRecorder, Prompt, Provider, noop_recorder
from sitegen.safepaths import check_relative_path

LAYOUT_FILES = ("app/layout.tsx", "app/globals.css", "components/Header.tsx", "components/Footer.tsx")
# written by sitegen itself for every model-written site (see offline.render_seo.model_seo_files)
SEO_NOTE = ("sitegen writes app/sitemap.ts, app/robots.ts, app/icon.svg and components/JsonLd.tsx; render "
            "<JsonLd /> (import { JsonLd } from \"@/components/JsonLd\") first inside <body>.")


def page_path(page: Page) -> str:
    return "app/page.tsx" if not page.slug else f"app/{page.slug}/page.tsx"


def page_components_dir(page: Page) -> str:
    return f"components/{page.slug or 'home'}/"


def _site_summary(plan: SitePlan) -> dict:
    """The plan without other pages' sections (what a page author needs to stay consistent)."""
    data = plan.model_dump(mode="json")
    data["pages"] = [{"slug": p.slug, "route": p.route, "title": p.title, "nav_label": p.nav_label}
                     for p in plan.pages]
    return data


def layout_prompt(plan: SitePlan) -> Prompt:
    return Prompt(
        agent="ui",
        system=prompt_text("layout"),
        user="Site plan (JSON):\n" + plan.model_dump_json(indent=1) + "\n\n" + SEO_NOTE,
        schema=LayoutOutput,
        max_output_tokens=16384,
        temperature=0.6,
    )


def page_prompt(plan: SitePlan, page: Page, layout: LayoutOutput) -> Prompt:
    css = next((f.content for f in layout.files if f.path == "app/globals.css"), "")
    user = "\n\n".join([
        f"Page file: {page_path(page)}",
        f"Components folder for this page: {page_components_dir(page)}",
        "Site (JSON):\n" + json.dumps(_site_summary(plan), indent=1, ensure_ascii=False),
        "This page (JSON):\n" + page.model_dump_json(indent=1),
        "Layout notes:\n" + (layout.notes or "(none)"),
        "app/globals.css:\n" + css,
    ])
    return Prompt(agent="ui", system=prompt_text("page"), user=user, schema=PageOutput,
                  max_output_tokens=24576, temperature=0.6)


def _collect(files: list[FileOut], allowed: tuple[str, ...], prefix: str = "") -> dict[str, str]:
    """The files whose path is allowed for this call (others are dropped, hostile ones refused)."""
    out: dict[str, str] = {}
    for f in files:
        path = check_relative_path(f.path)
        if path in allowed or (prefix and path.startswith(prefix)):
            out[path] = f.content
    return out


async def _page_files(plan: SitePlan, page: Page, layout: LayoutOutput, provider: Provider,
                      recorder: CallRecorder) -> dict[str, str]:
    completion = await provider.complete(page_prompt(plan, page, layout), recorder)
    output = completion.parsed
    if not isinstance(output, PageOutput):
        raise SitegenError(f"ui: no usable files for page {page.route}", ErrorKind.MODEL_OUTPUT)
    files = _collect(output.files, (page_path(page),), page_components_dir(page))
    if page_path(page) not in files:
        raise SitegenError(f"ui: the model did not write {page_path(page)}", ErrorKind.MODEL_OUTPUT)
    return files


async def generate_files(plan: SitePlan, provider: Provider,
                         recorder: CallRecorder | None = None) -> dict[str, str]:
    """Every generated project file (path -> text); template files are not included."""
    if provider.offline:
        from sitegen.offline.render import render_site  # written alongside; imported lazily

        return render_site(plan)
    recorder = recorder or noop_recorder
    completion = await provider.complete(layout_prompt(plan), recorder)
    layout = completion.parsed
    if not isinstance(layout, LayoutOutput):
        raise SitegenError("ui: the model returned no usable layout", ErrorKind.MODEL_OUTPUT)
    files = _collect(layout.files, LAYOUT_FILES)
    for required in ("app/layout.tsx", "app/globals.css"):
        if required not in files:
            raise SitegenError(f"ui: the model did not write {required}", ErrorKind.MODEL_OUTPUT)
    if "tailwindcss" not in files["app/globals.css"]:
        files["app/globals.css"] = '@import "tailwindcss";\n\n' + files["app/globals.css"]
    pages = await asyncio.gather(*(_page_files(plan, p, layout, provider, recorder) for p in plan.pages))
    for page_files in pages:
        files.update(page_files)
    for path, text in model_seo_files(plan).items():  # sitemap, robots, favicon, JSON-LD component
        files.setdefault(path, text)
    return files
