"""What a deterministic fix rule is, and the context every rule is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.safepaths import path_problem

Apply = Callable[[str, str, "FixContext"], "str | None"]


@dataclass(frozen=True)
class Rule:
    """One named fix: ``apply(path, text, context)`` returns the new text, or None when it does not match.

    ``exts`` are the file endings the rule looks at; ``legacy`` marks the rules sitegen had before
    the rules package (the bench compares the two sets).
    """

    id: str
    apply: Apply
    exts: tuple[str, ...] = (".tsx", ".ts")
    legacy: bool = False

    @property
    def doc(self) -> str:
        return (self.apply.__doc__ or "").strip()

    def wants(self, path: str) -> bool:
        return path.endswith(self.exts)


@dataclass
class FixContext:
    """What rules may know about the project, and the one way they add files to it."""

    project_dir: Path
    packages: frozenset[str]
    icons: frozenset[str]
    texts: dict[str, str] = field(default_factory=dict)  # current text of every source file
    created: dict[str, str] = field(default_factory=dict)  # files rules added in this pass
    standalone: bool = False  # one text without a project: helpers go inline, no files are added
    rule: str = ""  # the rule being applied (the runner sets it)
    origin: dict[str, str] = field(default_factory=dict)  # created file -> the rule that added it

    on_disk: dict[str, bool] = field(default_factory=dict)
    disk_pages: set[str] | None = None
    routes_cache: tuple[tuple[int, int], set[str]] | None = None

    def exists(self, rel: str) -> bool:
        if rel in self.texts or rel in self.created:
            return True
        if rel not in self.on_disk:
            self.on_disk[rel] = (self.project_dir / rel).is_file()
        return self.on_disk[rel]

    def add_file(self, rel: str, text: str) -> bool:
        """Create ``rel`` (a project path) unless it exists; True when it was added."""
        if path_problem(rel) or self.exists(rel):
            return False
        self.created[rel] = text
        self.origin[rel] = self.rule
        return True

    def routes(self) -> set[str]:
        """Every route with a page file ("/", "/menu", ...), from the files known in this pass."""
        key = (len(self.texts), len(self.created))
        if self.routes_cache is not None and self.routes_cache[0] == key:
            return self.routes_cache[1]
        out = set()
        if self.disk_pages is None:
            app = self.project_dir / "app"
            self.disk_pages = {p.relative_to(self.project_dir).as_posix() for p in app.rglob("page.*")} \
                if app.is_dir() else set()
        names = set(self.texts) | set(self.created) | self.disk_pages
        for rel in names:
            parts = rel.split("/")
            if parts[0] == "app" and parts[-1].startswith("page.") and rel.endswith((".tsx", ".ts", ".jsx", ".js")):
                segs = [s for s in parts[1:-1] if not (s.startswith("(") and s.endswith(")"))]
                out.add("/" + "/".join(segs))
        self.routes_cache = (key, out)
        return out
