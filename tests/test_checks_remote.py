"""The static checks flag every remote resource a page would load (images through next/image and
<img>, image URLs in data, CSS url(), remote stylesheets, fonts and scripts), and never a plain link."""

from __future__ import annotations

import pytest

from sitegen.checks.static import remote_findings

FLAGGED = [
    '<Image src="https://images.unsplash.com/photo-1495474472287?w=1200" alt="x" width={1} height={1} />',
    '<Image\n  src={"https://cdn.example.com/hero"}\n  alt="Hero"\n  fill\n/>',
    "<img src='//cdn.example.com/a.webp' alt='' />",
    '<img src={`https://picsum.photos/400/300`} alt="" />',
    'const team = [{ photo: "https://randomuser.me/api/portraits/women/44.jpg" }];',
    'export const hero = "https://images.pexels.com/photos/1/p.jpeg?auto=compress";',
    '<div style={{ backgroundImage: "url(https://example.com/texture.png)" }} />',
    "<section className=\"bg-[url('https://images.unsplash.com/photo-1')] bg-cover\" />",
    '<link href="https://fonts.googleapis.com/css2?family=Lora" rel="stylesheet" />',
    '<Script src="https://www.googletagmanager.com/gtag/js?id=G-1" />',
    '<script src="https://assets.calendly.com/assets/external/widget.js" async></script>',
    '<video poster="https://cdn.example.com/poster.jpg" />',
    '<iframe src="https://www.youtube.com/embed/xyz" />',
]
CSS_FLAGGED = [
    '@import url("https://fonts.googleapis.com/css2?family=Poppins");',
    ".hero { background: url(https://example.com/bg.jpg) center; }",
    '@font-face { font-family: X; src: url("https://fonts.gstatic.com/s/x.woff2"); }',
]
CLEAN = [
    '<a href="https://instagram.com/lumen">Instagram</a>',
    '<Link href="https://maps.google.com/?q=Lisbon">Directions</Link>',
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M0 0\" /></svg>",
    '<img src="/logo.svg" alt="Logo" />',
    '<img src="data:image/svg+xml,%3Csvg%20xmlns%3D%27http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%27%3E" alt="" />',
    'const site = { url: "https://lumen.example" };',
]


@pytest.mark.parametrize("text", FLAGGED)
def test_remote_resources_in_code_are_flagged(text: str) -> None:
    found = remote_findings("app/page.tsx", "export default function P() {\n  return null;\n}\n" + text)
    assert [f.code for f in found] == ["remote"] and found[0].line >= 4


@pytest.mark.parametrize("text", CSS_FLAGGED)
def test_remote_resources_in_css_are_flagged(text: str) -> None:
    assert [f.code for f in remote_findings("app/globals.css", text)] == ["remote"]


@pytest.mark.parametrize("text", CLEAN)
def test_links_and_local_resources_are_not_flagged(text: str) -> None:
    assert remote_findings("app/page.tsx", text) == []
