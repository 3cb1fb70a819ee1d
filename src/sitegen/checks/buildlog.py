"""Turn a ``next build`` log (Turbopack, TypeScript, prerender) into structured build errors."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# Turbopack (and older Next) blocks: "./app/page.tsx:3:1" then "Error: ..." / "Type error: ..."
HEADER_RE = re.compile(r"^\.?/?((?:[\w@\-\[\]().]+/)*[\w@\-\[\]().]+\.(?:tsx|ts|jsx|js|mjs|css)):(\d+):(\d+)\s*$")
# tsc style: "app/page.tsx(1,7): error TS2322: Type 'string' is not assignable to type 'number'."
TSC_RE = re.compile(r"^\.?/?(\S+\.(?:tsx|ts|jsx|js))\((\d+),(\d+)\): error (TS\d+): (.+)$")
PRERENDER_RE = re.compile(r'^Error occurred prerendering page "([^"]*)"')
# "⨯ useSearchParams() should be wrapped in a suspense boundary at page "/". Read more: ..." (before the above)
PRE_ERROR_RE = re.compile(r"^(?:⨯|\u2a2f|Error:)\s*(.+?)(?:\s*Read more: \S+)?$")
STACK_LOC_RE = re.compile(
    r"^\s*at .*?\(?((?:/|\./)?[\w@\-\[\]().]+(?:/[\w@\-\[\]().]+)*\.(?:tsx|ts|jsx|js)):(\d+):(\d+)\)?\s*$"
)
FRAME_RE = re.compile(r"^\s*(?:>\s*)?\d*\s*\|")  # code frame lines: "  2 | ...", "> 3 | ...", "    | ^"
STOP_RE = re.compile(r"^\s*(?:at |Import trace|https?://|Export encountered|> Build error|\S+ Next\.js build worker)")


@dataclass(frozen=True)
class BuildError:
    """One build error, pointing at a project file (line and col are 1-based; 0 when unknown)."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    @property
    def key(self) -> tuple[str, int, str]:
        """What makes two errors "the same" for the fix loop's stop-early rule."""
        return (self.file, self.line, self.message.splitlines()[0] if self.message else "")

    def to_dict(self) -> dict:
        return asdict(self)


def strip_ansi(text: str) -> str:
    return ANSI_RE.sub("", text)


def _rel(file: str, project_dir: Path | None) -> str:
    file = file.strip()
    if project_dir is not None and file.startswith("/"):
        try:
            file = str(Path(file).relative_to(Path(project_dir).resolve()))
        except ValueError:
            try:
                file = str(Path(file).relative_to(Path(project_dir)))
            except ValueError:
                pass
    return file.removeprefix("./")


def route_file(route: str, project_dir: Path | None = None) -> str:
    """The page file that renders a route, e.g. "/about" -> "app/about/page.tsx"."""
    slug = route.strip("/")
    if slug in ("", "index", "page"):
        return "app/page.tsx"
    rel = f"app/{slug}/page.tsx"
    if project_dir is not None and not (Path(project_dir) / rel).exists():
        for ext in (".ts", ".jsx", ".js"):
            alt = f"app/{slug}/page{ext}"
            if (Path(project_dir) / alt).exists():
                return alt
    return rel


def _block_message(lines: list[str], start: int) -> tuple[str, int]:
    """Collect the message lines after a header, skipping code frames; return (message, next index)."""
    msg: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if HEADER_RE.match(line.strip()) or PRERENDER_RE.match(line) or STOP_RE.match(line):
            break
        text = line.strip()
        if text and not FRAME_RE.match(line) and not text.startswith("Learn more:"):
            msg.append(re.sub(r"^(?:Error|Type error|Warning):\s*", "", text))
        i += 1
    message = "\n".join(dict.fromkeys(msg))  # keep order, drop repeats
    return message[:1500], i


def _preceding_error(lines: list[str], start: int) -> str:
    """The error Next printed just before "Error occurred prerendering page" (skipping its stack)."""
    j = start - 1
    while j >= 0 and (not lines[j].strip() or lines[j].strip().startswith("at ")):
        j -= 1
    if j >= 0 and (m := PRE_ERROR_RE.match(lines[j].strip())):
        return m[1]
    return ""


def _stack_location(lines: list[str], start: int, project_dir: Path | None) -> tuple[str, int, int] | None:
    """The first stack frame after ``start`` that points into the project's own files."""
    for line in lines[start:start + 30]:
        if not line.strip().startswith("at "):
            if line.strip() and not FRAME_RE.match(line) and not line.strip().startswith(("{", "}", "digest")):
                break
            continue
        if (m := STACK_LOC_RE.match(line)) and "node_modules" not in m[1] and ".next/" not in m[1]:
            rel = _rel(m[1], project_dir)
            if not rel.startswith("/"):
                return rel, int(m[2]), int(m[3])
    return None


def parse_build_errors(log: str, project_dir: Path | None = None) -> list[BuildError]:
    """Every error in a build log that names a file (or a page), in order, without duplicates."""
    lines = strip_ansi(log).replace("\r\n", "\n").split("\n")
    found: list[BuildError] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if m := TSC_RE.match(stripped):
            found.append(BuildError(_rel(m[1], project_dir), int(m[2]), int(m[3]), f"{m[5]} ({m[4]})"))
            i += 1
        elif m := HEADER_RE.match(stripped):
            message, i = _block_message(lines, i + 1)
            found.append(BuildError(_rel(m[1], project_dir), int(m[2]), int(m[3]), message or "build error"))
        elif m := PRERENDER_RE.match(stripped):
            start = i
            message, i = _block_message(lines, i + 1)
            message = message or _preceding_error(lines, start)
            file, line_no, col = _stack_location(lines, i, project_dir) or (route_file(m[1], project_dir), 0, 0)
            found.append(BuildError(file, line_no, col, f"while prerendering {m[1] or '/'}: {message or 'error'}"))
        else:
            i += 1
    return list(dict.fromkeys(found))


def error_signature(errors: list[BuildError], log: str = "") -> frozenset:
    """A comparable summary of a failed build; the log tail stands in when nothing was parsed."""
    if errors:
        return frozenset(e.key for e in errors)
    tail = [ln.strip() for ln in strip_ansi(log).splitlines() if ln.strip()][-5:]
    return frozenset(("", 0, "\n".join(tail)),)


def log_tail(log: str, lines: int = 40) -> str:
    return "\n".join(strip_ansi(log).rstrip().splitlines()[-lines:])
