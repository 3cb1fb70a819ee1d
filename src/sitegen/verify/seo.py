"""SEO basics of a built page (VERIFYING reports them beside the accessibility counts; advisory only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEO_JS = """() => {
  const meta = (sel) => (document.querySelector(sel)?.getAttribute('content') || '').trim();
  const imgs = Array.from(document.querySelectorAll('img'));
  return {
    title: (document.title || '').trim(),
    description: meta('meta[name="description"]'),
    lang: (document.documentElement.getAttribute('lang') || '').trim(),
    h1: document.querySelectorAll('h1').length,
    images: imgs.length,
    images_without_alt: imgs.filter(i => !i.hasAttribute('alt')).length,
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') || '',
    og_title: meta('meta[property="og:title"]'),
  };
}"""

TITLE_RANGE = (10, 60)  # characters a search result shows in full
DESCRIPTION_RANGE = (50, 160)


@dataclass
class SeoFindings:
    """The search basics of one page, read from the rendered DOM."""

    title: str = ""
    description: str = ""
    lang: str = ""
    h1: int = 0
    images: int = 0
    images_without_alt: int = 0
    canonical: str = ""
    og_title: str = ""
    checked: bool = False

    def problems(self) -> list[str]:
        """What a search engine or a share preview would miss ([] when the basics are there)."""
        if not self.checked:
            return []
        found = []
        if self.h1 != 1:
            found.append(f"{self.h1} h1 headings (one expected)")
        n = len(self.title)
        if not n:
            found.append("no <title>")
        elif not TITLE_RANGE[0] <= n <= TITLE_RANGE[1]:
            found.append(f"title is {n} characters ({TITLE_RANGE[0]}-{TITLE_RANGE[1]} read best)")
        d = len(self.description)
        if not d:
            found.append("no meta description")
        elif not DESCRIPTION_RANGE[0] <= d <= DESCRIPTION_RANGE[1]:
            found.append(f"meta description is {d} characters "
                         f"({DESCRIPTION_RANGE[0]}-{DESCRIPTION_RANGE[1]} read best)")
        if self.images_without_alt:
            found.append(f"{self.images_without_alt} of {self.images} image(s) without alt text")
        if not self.lang:
            found.append("no lang attribute on <html>")
        if not self.og_title:
            found.append("no Open Graph title")
        return found

    @classmethod
    def from_page(cls, found: dict[str, Any]) -> SeoFindings:
        """Findings from what SEO_JS returned in the page."""
        text = {k: str(found.get(k) or "") for k in ("title", "description", "lang", "canonical", "og_title")}
        counts = {k: int(found.get(k) or 0) for k in ("h1", "images", "images_without_alt")}
        return cls(**text, **counts, checked=True)
