"""What the VERIFYING stage found: per-page findings, the report, and fix-loop items."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitegen.verify.seo import SeoFindings

SEVERITIES = ("critical", "serious", "moderate", "minor")

SOURCE_DIRS = ("app", "components", "src", "lib")
SOURCE_EXTS = {".tsx", ".ts", ".jsx", ".js", ".mdx"}


@dataclass
class LinkFinding:
    """A link on a page whose target is not in the export (or an anchor with no target)."""

    href: str  # as written in the page
    target: str  # the URL path it resolves to
    text: str = ""
    kind: str = "broken"  # "broken": no such page/file; "anchor": the #id is not on the target page

    def describe(self) -> str:
        what = f"link {self.href!r}" + (f" ({self.text!r})" if self.text else "")
        if self.kind == "anchor":
            return f"{what} points at an anchor that is not on {self.target}"
        return f"broken internal {what}: {self.target} is not in the built site"


@dataclass
class A11yViolation:
    id: str
    impact: str
    help: str
    nodes: int
    targets: list[str] = field(default_factory=list)
    help_url: str = ""


@dataclass
class PageReport:
    """Everything found on one route, in both viewports."""

    route: str
    url: str
    status: int = 0
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    links: list[LinkFinding] = field(default_factory=list)
    internal_links: int = 0
    external_links: int = 0
    blank: bool = False
    a11y: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    a11y_violations: list[A11yViolation] = field(default_factory=list)
    a11y_error: str = ""
    screenshots: dict[str, str] = field(default_factory=dict)  # viewport name -> file path
    seo: SeoFindings = field(default_factory=SeoFindings)  # advisory: never makes a page not ok
    seconds: float = 0.0

    @property
    def broken_links(self) -> list[LinkFinding]:
        return [link for link in self.links if link.kind == "broken"]

    @property
    def ok(self) -> bool:
        return (
            not self.console_errors
            and not self.page_errors
            and not self.broken_links
            and not self.blank
            and 200 <= self.status < 400
        )


@dataclass
class FixItem:
    """A browser finding shaped like a build error, for the fix loop: a file guess and a message."""

    file: str  # project-relative path of the likeliest source file ("" when no guess)
    message: str
    source: str  # "console", "pageerror", "link", "blank", "http"
    route: str
    line: int = 0  # unknown: browser findings point at pages, not lines
    severity: str = "error"

    @property
    def code(self) -> str:
        return f"browser-{self.source}"

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class VerifyReport:
    """The result of checking every page of a built site in a real browser."""

    pages: list[PageReport] = field(default_factory=list)
    seconds: float = 0.0
    browser: str = ""
    axe_version: str = ""
    project_dir: str = ""

    @property
    def ok(self) -> bool:
        """No console or page errors, no broken internal links, nothing blank, every page served."""
        return all(p.ok for p in self.pages)

    @property
    def a11y_counts(self) -> dict[str, int]:
        totals = dict.fromkeys(SEVERITIES, 0)
        for page in self.pages:
            for sev, n in page.a11y.items():
                totals[sev] = totals.get(sev, 0) + n
        return totals

    @property
    def seo_issues(self) -> int:
        """How many SEO basics are missing, over all pages (advisory)."""
        return sum(len(p.seo.problems()) for p in self.pages)

    @property
    def screenshots(self) -> list[str]:
        return [path for p in self.pages for path in p.screenshots.values()]

    def counts(self) -> dict[str, int]:
        return {
            "pages": len(self.pages),
            "console_errors": sum(len(p.console_errors) for p in self.pages),
            "page_errors": sum(len(p.page_errors) for p in self.pages),
            "failed_requests": sum(len(p.failed_requests) for p in self.pages),
            "broken_links": sum(len(p.broken_links) for p in self.pages),
            "broken_anchors": sum(len(p.links) - len(p.broken_links) for p in self.pages),
            "blank_pages": sum(p.blank for p in self.pages),
        }

    def summary(self) -> str:
        """One line for logs and progress."""
        c = self.counts()
        a = self.a11y_counts
        a11y = ", ".join(f"{n} {sev}" for sev, n in a.items() if n) or "none"
        state = "ok" if self.ok else "problems found"
        return (
            f"verify {state}: {c['pages']} page(s), {c['console_errors']} console error(s), "
            f"{c['page_errors']} page error(s), {c['broken_links']} broken link(s), "
            f"{c['failed_requests']} failed request(s); accessibility: {a11y}; "
            f"SEO: {self.seo_issues or 'no'} issue(s) ({self.seconds:.1f}s)"
        )

    def as_fix_errors(self, project_dir: Path | None = None) -> list[FixItem]:
        """Console errors, uncaught exceptions, broken links and blank pages as fix-loop items."""
        root = Path(project_dir or self.project_dir or ".")
        items: list[FixItem] = []
        seen: set[tuple[str, str]] = set()

        def add(item: FixItem) -> None:
            key = (item.source, item.message)
            if key not in seen:
                seen.add(key)
                items.append(item)

        for page in self.pages:
            page_file = guess_page_file(root, page.route)
            for err in page.page_errors:
                literal = _quoted_literal(err)
                file = (find_in_sources(root, literal) if literal else "") or page_file
                add(FixItem(file, f"uncaught exception in the browser on {page.route}: {err}", "pageerror", page.route))
            for err in page.console_errors:
                add(FixItem(page_file, f"console error on {page.route}: {err}", "console", page.route))
            for link in page.broken_links:
                file = find_in_sources(root, link.href) or page_file
                add(FixItem(file, f"{link.describe()} (on {page.route})", "link", page.route))
            if page.blank:
                add(FixItem(page_file, f"the page {page.route} renders blank in the browser", "blank", page.route))
            if page.status and not 200 <= page.status < 400:
                add(FixItem(page_file, f"{page.route} answered HTTP {page.status}", "http", page.route))
        return items

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "browser": self.browser,
            "axe_version": self.axe_version,
            "counts": self.counts(),
            "a11y": self.a11y_counts,
            "seo_issues": self.seo_issues,
            "screenshots": self.screenshots,
            "pages": [
                {
                    "route": p.route,
                    "url": p.url,
                    "ok": p.ok,
                    "status": p.status,
                    "console_errors": p.console_errors,
                    "page_errors": p.page_errors,
                    "failed_requests": p.failed_requests,
                    "links": [asdict(link) for link in p.links],
                    "internal_links": p.internal_links,
                    "external_links": p.external_links,
                    "blank": p.blank,
                    "a11y": p.a11y,
                    "a11y_violations": [asdict(v) for v in p.a11y_violations],
                    "a11y_error": p.a11y_error,
                    "seo": {**asdict(p.seo), "problems": p.seo.problems()},
                    "screenshots": p.screenshots,
                    "seconds": round(p.seconds, 3),
                }
                for p in self.pages
            ],
        }


def route_name(route: str) -> str:
    """'/' -> 'home', '/menu/' -> 'menu', '/a/b/' -> 'a-b' (a safe file-name stem)."""
    parts = [p for p in route.strip("/").split("/") if p]
    stem = "-".join(parts) or "home"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem)[:80] or "home"


def guess_page_file(project_dir: Path, route: str) -> str:
    """The App Router file that renders ``route`` (app/page.tsx, app/menu/page.tsx, src/app/…)."""
    parts = [p for p in route.strip("/").split("/") if p]
    for base in ("app", "src/app"):
        for ext in (".tsx", ".jsx", ".ts", ".js"):
            rel = "/".join([base, *parts, f"page{ext}"])
            if (project_dir / rel).is_file():
                return rel
    return "/".join(["app", *parts, "page.tsx"])


def find_in_sources(project_dir: Path, needle: str, limit: int = 400) -> str:
    """The first source file (project-relative) whose text contains ``needle``; '' when none."""
    if not needle or len(needle) < 2:
        return ""
    variants = {needle, f'"{needle}"', f"'{needle}'", f"`{needle}`"}
    looked = 0
    for base in SOURCE_DIRS:
        folder = project_dir / base
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in SOURCE_EXTS or "node_modules" in path.parts or not path.is_file():
                continue
            looked += 1
            if looked > limit:
                return ""
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if any(v in text for v in variants):
                return path.relative_to(project_dir).as_posix()
    return ""


def _quoted_literal(message: str) -> str:
    """A distinctive part of an error message to look for in the sources."""
    text = re.sub(r"^\w*Error:\s*", "", message.strip().splitlines()[0] if message.strip() else "")
    return text[:60] if len(text) >= 6 else ""
