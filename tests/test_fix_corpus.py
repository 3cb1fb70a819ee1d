"""The deterministic fixer over the corpus of faulty pages (tests/corpus_faulty): after one pass the
static checks find nothing, the expected rules fired, the copy is still there, and a second pass
changes nothing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.checks import static as checks
from sitegen.checks.rules import RULES, fix_project

CORPUS = Path(__file__).parent / "corpus_faulty"
TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "sitegen" / "template"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.json").is_file())
LAYOUT = '''import "./globals.css";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
'''
HOME = 'export default function Home() {\n  return <main><h1>Welcome</h1></main>;\n}\n'


def make_site(case: str, dest: Path) -> Path:
    """A project with the case's files over a minimal valid site (layout, globals.css, home page)."""
    shutil.copyfile(TEMPLATE / "package.json", dest / "package.json")
    base = {"app/layout.tsx": LAYOUT, "app/globals.css": '@import "tailwindcss";\n', "app/page.tsx": HOME}
    for rel, text in base.items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(text)
    src = CORPUS / case
    for path in src.rglob("*"):
        if path.is_file() and path.name != "case.json":
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return dest


def site_text(root: Path) -> str:
    return "\n".join(p.read_text() for p in sorted(root.rglob("*")) if p.is_file() and p.suffix in (".tsx", ".ts"))


def test_the_corpus_is_big_and_covers_every_rule() -> None:
    assert len(CASES) >= 40
    expected = {r for c in CASES for r in json.loads((CORPUS / c / "case.json").read_text())["rules"]}
    assert {r.id for r in RULES} <= expected


@pytest.mark.parametrize("case", CASES)
def test_one_pass_leaves_nothing_for_the_checks(case: str, tmp_path: Path) -> None:
    spec = json.loads((CORPUS / case / "case.json").read_text())
    root = make_site(case, tmp_path)
    before = checks.check_project(root)
    fixes = fix_project(root)
    fired = {f["rule"] for f in fixes}
    assert set(spec["rules"]) <= fired, fixes
    after = checks.check_project(root)
    assert after == [], [str(f) for f in after]
    text = site_text(root)
    for copy in spec["keep"]:
        assert copy in text
    assert "http://" not in text.replace("http://www.w3.org", "") or "href=" in text
    assert not re.search(r"<(?:br|hr|img|input|meta|link|source)\b[^<>]*(?<!/)>", text.replace("=>", "")), \
        "an HTML void element is still open"
    assert not re.search(r"\s(?:class|for|tabindex|stroke-width)=|<!--|\sstyle=\"", text)
    assert fix_project(root) == [], "a second pass changed something"
    if any(f.code == "remote" for f in before):
        assert not any(f.code == "remote" for f in after)
