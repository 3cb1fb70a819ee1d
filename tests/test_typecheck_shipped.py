"""Sitegen's own TypeScript is type-checked here, once, in sitegen's CI, instead of in every user build.

Offline-provider sites skip ``tsc`` when they are built (shipped.py), so this test is what catches a
type error in the shipped code: the offline component library (every component, used by the
rendered site or not), the pages, layout and lib files the offline renderer composes, and the
template. It runs the real ``tsc --noEmit`` (and ``next typegen`` for Next's route types) over real
rendered sites, and shows that an error injected into a shipped component fails it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from sitegen.build import build_env
from sitegen.checks.buildlog import parse_build_errors
from tests.conftest import run_cli

pytestmark = pytest.mark.e2e

PROMPTS = [
    "coffee shop landing page",
    "mortgage calculator and loan dashboard for a small bank, with a quiz and a search",
]


def components_dir() -> Path:
    return Path(str(resources.files("sitegen.offline").joinpath("components")))


def rendered_site(root: Path, prompt: str, node_modules: Path) -> Path:
    """A site written by the real pipeline (offline provider), plus every shipped component."""
    site = root / "site"
    done = run_cli("new", prompt, "--out", str(site), "--provider", "offline", "--sandbox", "none", "--json",
                   cwd=root)
    assert done.returncode == 0, done.stderr[-2000:]
    for tsx in components_dir().glob("*.tsx"):  # unused components are type-checked too
        target = site / "components" / tsx.name
        if not target.exists():
            shutil.copyfile(tsx, target)
    (site / "node_modules").symlink_to(node_modules, target_is_directory=True)
    return site


def node(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = build_env(Path(os.environ["SITEGEN_HOME"]))
    return subprocess.run([shutil.which("node") or "node", *args], cwd=site, env=env, capture_output=True,
                          text=True, timeout=600)


def type_check(site: Path) -> subprocess.CompletedProcess[str]:
    """What a CI run does: Next's route types, then a full, non-incremental tsc over the project."""
    typegen = node(site, "node_modules/next/dist/bin/next", "typegen")
    assert typegen.returncode == 0, typegen.stdout + typegen.stderr
    return node(site, "node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--noEmit", "--pretty", "false")


@pytest.mark.parametrize("prompt", PROMPTS)
def test_the_shipped_code_type_checks(tmp_path: Path, template_deps: Path, prompt: str) -> None:
    site = rendered_site(tmp_path, prompt, template_deps)
    shipped = {p.name for p in components_dir().glob("*.tsx")}
    assert shipped <= {p.name for p in (site / "components").glob("*.tsx")}
    done = type_check(site)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.parametrize(
    ("component", "change", "message"),
    [
        ("Hero.tsx", lambda text: text + '\nexport const tagline: number = "fresh every morning";\n',
         "is not assignable to type 'number'"),
        ("ui.tsx", lambda text: re.sub(r"export function Container\b", "export function Wrapper", text, count=1),
         "no exported member 'Container'"),
    ],
)
def test_a_type_error_injected_into_a_shipped_component_fails_the_check(
    tmp_path: Path, template_deps: Path, component: str, change, message: str
) -> None:
    site = rendered_site(tmp_path, PROMPTS[0], template_deps)
    path = site / "components" / component
    before = path.read_text()
    path.write_text(change(before))
    assert path.read_text() != before
    done = type_check(site)
    assert done.returncode != 0
    errors = parse_build_errors(done.stdout, site)
    assert errors and all(e.line > 0 for e in errors), done.stdout[-3000:]
    assert any(message in e.message for e in errors), done.stdout[-3000:]
    if component == "Hero.tsx":
        assert errors[0].file == "components/Hero.tsx"
        assert errors[0].line == len(change(before).splitlines())
    assert (components_dir() / component).read_text() == before  # the shipped file itself is untouched
