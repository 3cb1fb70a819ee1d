"""Fast static checks before every build: paths, imports, remote resources, 'use client'.

They catch in milliseconds what would otherwise be a failed (or unsafe) build: a file outside
the allowed folders, an import of a package that is not in the pinned dependency set, a Google
font that downloads at build time, or hooks in a file that is not a client component.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from sitegen.safepaths import path_problem

CODE_EXTS = {".tsx", ".ts"}
SKIP_DIRS = {"node_modules", ".next", "out", ".sitegen", ".git"}

# module specifiers allowed besides the template's own dependencies
NEXT_MODULES = {"next", "next/link", "next/navigation", "next/image", "next/script", "next/types"}
REACT_MODULES = {"react", "react-dom", "react/jsx-runtime", "react-dom/client"}
BANNED_MODULES = {"next/font/google": "downloads fonts at build time; use an @fontsource-variable package"}

IMPORT_RE = re.compile(
    r"""(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']"""
    r"""|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)""",
    re.MULTILINE,
)
HOOK_RE = re.compile(
    r"\buse(?:State|Effect|Reducer|Ref|LayoutEffect|Transition|Optimistic|ActionState|Context|Callback|Memo"
    r"|Pathname|Router|SearchParams|Id)\s*[(<]"
)
HANDLER_RE = re.compile(r"\bon[A-Z][A-Za-z]+=\{")
USE_CLIENT_RE = re.compile(r"""^\s*(?:/\*.*?\*/\s*|//[^\n]*\n\s*)*["']use client["']""", re.DOTALL)
METADATA_RE = re.compile(r"\bexport\s+(?:const\s+metadata\b|(?:async\s+)?function\s+generateMetadata\b)")
REMOTE_RE = re.compile(
    # a src / srcSet / poster attribute (img, next/image, script, video, iframe ...) with a remote URL
    r"""\b(?:src|srcSet|srcset|poster|data-src)\s*[=:]\s*\{?\s*["'`](?:https?:)?//(?!localhost)"""
    # <link href="https://..."> (stylesheets, fonts, preconnects); plain <a href> links are fine
    r"""|<link\b[^>]*?\bhref\s*=\s*\{?\s*["'`](?:https?:)?//"""
    # url(https://...) in CSS, style objects and Tailwind bg-[url(...)]; @import of remote CSS
    r"""|url\(\s*["']?(?:https?:)?//(?!www\.w3\.org/)|@import\s+["'](?:https?:)?//"""
    # any URL literal of an image, script, style or font file, or of a known image host
    r"""|["'`](?:https?:)?//(?!www\.w3\.org/)(?:[^"'`\s]+\.(?:png|jpe?g|gif|webp|avif|svg|ico|js|mjs|css|woff2?|ttf|otf)"""
    r"""(?:[?#][^"'`\s]*)?["'`]|(?:images\.unsplash|source\.unsplash|plus\.unsplash|images\.pexels|cdn\.pixabay"""
    r"""|res\.cloudinary)\.com/|(?:picsum\.photos|placehold\.co|via\.placeholder\.com|i\.pravatar\.cc|randomuser\.me"""
    r"""|i\.imgur\.com|fonts\.googleapis\.com|fonts\.gstatic\.com)/)"""
)


# Node built-in modules that give code the machine (processes, files, sockets, the network)
NODE_BUILTINS = {
    "child_process", "fs", "fs/promises", "net", "http", "https", "http2", "dgram", "tls", "dns", "vm",
    "worker_threads", "cluster", "os", "module", "inspector", "v8", "process", "async_hooks", "repl",
}
# What model-written site code never needs and a hostile one would use to reach the host at build time
DANGER_RE = re.compile(
    r"""(?P<cp>["'`](?:node:)?child_process["'`])"""
    r"""|(?P<builtin>\bprocess\s*\.\s*(?:getBuiltinModule|binding|_linkedBinding|dlopen)\b)"""
    r"""|(?P<eval>(?<![\w$.])eval\s*\()"""
    r"""|(?P<fn>\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`])"""
    r"""|(?P<dyn>\bimport\s*\(\s*(?!["'](?:\.{1,2}/|@/))[^)\s])"""
    r"""|(?P<req>\brequire\s*\(\s*(?!["'](?:\.{1,2}/|@/))[^)\s])"""
    r"""|(?P<node>["'`]node:[a-z_/]+["'`])""",
)
DANGER_WHY = {
    "cp": "child_process (runs programs)",
    "builtin": "process.getBuiltinModule / binding (reaches Node's internals)",
    "eval": "eval() (runs code built from text)",
    "fn": "new Function() (runs code built from text)",
    "dyn": "a dynamic import() of a module that is not a project file",
    "req": "require() of a module that is not a project file",
    "node": "a node: built-in module",
}


@dataclass
class Finding:
    file: str
    line: int
    message: str
    code: str  # "path", "import", "remote", "use-client", "danger"
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


@cache
def _packages_in(package_json: str) -> frozenset[str]:
    data = json.loads(package_json)
    return frozenset({*data.get("dependencies", {}), *data.get("devDependencies", {})})


def allowed_packages(project_dir: Path) -> frozenset[str]:
    """The pinned dependency set from the project's package.json (empty when it is unreadable)."""
    try:
        return _packages_in((Path(project_dir) / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()


def package_of(spec: str) -> str:
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


def module_allowed(spec: str, packages: frozenset[str] | set[str]) -> bool:
    """Whether generated code may import ``spec``: local files, the allowed next/react modules, or a
    package of the pinned dependency set (never a bare @types package)."""
    if spec.startswith((".", "@/")):
        return True
    if spec.startswith("next"):
        return spec in NEXT_MODULES
    if spec in REACT_MODULES:
        return True
    return package_of(spec) in packages and not spec.startswith("@types/")


def _resolves(project_dir: Path, base: Path, spec: str) -> bool:
    target = (project_dir / spec[2:]) if spec.startswith("@/") else (base.parent / spec)
    candidates = [target, *(target.with_name(target.name + e) for e in (".tsx", ".ts", ".css", ".json"))]
    candidates += [target / "index.tsx", target / "index.ts"]
    root = project_dir.resolve()
    for c in candidates:
        try:
            resolved = c.resolve()
        except OSError:
            continue
        if resolved.is_file() and resolved.is_relative_to(root):
            return True
    return False


def check_imports(project_dir: Path, file: Path, text: str, packages: frozenset[str]) -> list[Finding]:
    rel = file.relative_to(project_dir).as_posix()
    out: list[Finding] = []
    for match in IMPORT_RE.finditer(text):
        spec = next(g for g in match.groups() if g)
        line = text.count("\n", 0, match.start()) + 1 + (1 if text[match.start()] == "\n" else 0)
        if spec in BANNED_MODULES:
            out.append(Finding(rel, line, f"import of {spec!r} is not allowed: {BANNED_MODULES[spec]}", "import"))
        elif spec.startswith((".", "@/")):
            if not _resolves(project_dir, file, spec):
                out.append(Finding(rel, line, f"import {spec!r} does not resolve to a file in the project", "import"))
        elif spec.startswith("next"):
            if spec not in NEXT_MODULES:
                out.append(Finding(rel, line, f"import {spec!r} is not in the allowed next modules", "import"))
        elif not module_allowed(spec, packages):
            allowed = ", ".join(sorted(p for p in packages if not p.startswith("@types")))
            out.append(Finding(rel, line, f"package {package_of(spec)!r} is not in the dependency set ({allowed})",
                               "import"))
    return out


def needs_use_client(text: str) -> bool:
    return bool(HOOK_RE.search(text) or HANDLER_RE.search(text))


def has_use_client(text: str) -> bool:
    return bool(USE_CLIENT_RE.match(text))


def fix_use_client(text: str) -> str | None:
    """Prepend "use client" where hooks or handlers are used (not in files exporting metadata,
    which must stay server components); None when nothing changes."""
    if has_use_client(text) or METADATA_RE.search(text) or not needs_use_client(text):
        return None
    return '"use client";\n\n' + text


def remote_findings(rel: str, text: str) -> list[Finding]:
    """Every remote image, script, stylesheet or font a file would load (one finding per line)."""
    out: list[Finding] = []
    for match in REMOTE_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if not out or out[-1].line != line:
            out.append(Finding(rel, line, "remote image, script, font or style: the site must work offline",
                               "remote"))
    return out


def is_node_builtin(spec: str) -> bool:
    return spec.startswith("node:") or spec in NODE_BUILTINS


def danger_findings(rel: str, text: str) -> list[Finding]:
    """Code that would reach the host: child_process, process.getBuiltinModule, eval, new Function,
    Node built-ins (fs, net, http, ...), and import()/require() of anything but a project file.
    No rule rewrites these: they block the job unless the fixer agent removes them."""
    out: list[Finding] = []
    for match in DANGER_RE.finditer(text):
        kind = match.lastgroup or "eval"
        line = text.count("\n", 0, match.start()) + 1
        out.append(Finding(rel, line, f"not allowed in site code: {DANGER_WHY[kind]}", "danger"))
    for match in IMPORT_RE.finditer(text):
        spec = next(g for g in match.groups() if g)
        if spec.removeprefix("node:") in NODE_BUILTINS and not spec.startswith("node:"):
            line = text.count("\n", 0, match.start()) + 1
            out.append(Finding(rel, line, f"not allowed in site code: the Node built-in module {spec!r}", "danger"))
    return out


def check_file(project_dir: Path, file: Path, packages: frozenset[str]) -> list[Finding]:
    rel = file.relative_to(project_dir).as_posix()
    if problem := path_problem(rel):
        return [Finding(rel, 1, f"file not allowed: {problem}", "path")]
    if file.is_symlink():
        return [Finding(rel, 1, "file not allowed: symbolic link", "path")]
    if file.suffix not in CODE_EXTS and file.suffix != ".css":
        return []
    text = file.read_text(encoding="utf-8", errors="replace")
    findings = remote_findings(rel, text)
    if file.suffix == ".css":
        return findings
    findings = check_imports(project_dir, file, text, packages) + findings + danger_findings(rel, text)
    if file.suffix == ".tsx" and needs_use_client(text) and not has_use_client(text):
        findings.append(Finding(rel, 1, "uses hooks or event handlers without 'use client'", "use-client"))
    return findings


def source_files(project_dir: Path) -> list[Path]:
    """Every file under the allowed folders plus stray files at unexpected places; links are listed,
    never followed. node_modules, .next, out, .sitegen and .git are not walked at all (a local
    build's node_modules alone made this walk take 0.6 s)."""
    out: list[Path] = []
    for root, dirs, files in os.walk(project_dir):  # does not follow links to folders
        here = Path(root)
        if here == project_dir:
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            continue  # top-level files come from the template
        out += [here / d for d in dirs if (here / d).is_symlink()]
        out += [here / f for f in files if (here / f).is_symlink() or (here / f).is_file()]
    return sorted(out)


def check_project(project_dir: Path) -> list[Finding]:
    """Run every static check over the project's source files."""
    packages = allowed_packages(project_dir)
    findings: list[Finding] = []
    for file in source_files(project_dir):
        findings.extend(check_file(project_dir, file, packages))
    return findings


def add_use_client(project_dir: Path, findings: list[Finding]) -> list[str]:
    """The one fix that is always safe: prepend 'use client' where it is missing."""
    fixed: list[str] = []
    for f in findings:
        if f.code == "use-client":
            path = project_dir / f.file
            if (new := fix_use_client(path.read_text(encoding="utf-8"))) is not None:
                path.write_text(new, encoding="utf-8")
                fixed.append(f.file)
    return fixed
