"""Agents without a network: the build-log parser on real Next 16 output, the deterministic fixes,
the UI agent's file rules, prompt texts as package data, and the offline path."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.agents.common import FixOutput, LayoutOutput, PageOutput, prompt_text
from sitegen.agents.ui import generate_files
from sitegen.checks.autofix import autofix_project, fix_icons, fix_imports, fix_use_client, valid_icons
from sitegen.checks.buildlog import BuildError, error_signature, parse_build_errors
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import Completion, Prompt
from sitegen.providers.remote import extract_json
from tests.fakes.scenario import layout_json, page_tsx, plan_json

# real `next build` output (Next 16.4.6, Turbopack), colours included
TURBOPACK_LOG = (
    "\u25b2 Next.js 16.4.6 (Turbopack)\n\n> Build error occurred\nError: Turbopack build failed with 3 errors:\n"
    "./app/about/page.tsx:2:1\nError: Unexpected token. Did you mean `{'}'}` or `&rbrace;`?\n"
    "  1 | export default function About() { return <main>about\n> 2 | }\n    | ^\n  3 |\n\n"
    "Parsing ecmascript source code failed\n\n\n"
    "./app/page.tsx:2:1\nError: Module not found: Can't resolve 'framer-motion'\n"
    '> 2 | import { motion } from "framer-motion";\n    | ^^^^^^^^^\n\n\n\n'
    "https://nextjs.org/docs/messages/module-not-found\n\n\n"
    "./app/page.tsx:1:1\nError: Export CoffeeCupHot doesn't exist in target module\n"
    "\x1b[31m\x1b[1m>\x1b[0m \x1b[90m1 |\x1b[0m \x1b[36mimport\x1b[0m { \x1b[33mCoffeeCupHot\x1b[0m } "
    '\x1b[36mfrom\x1b[0m \x1b[32m"lucide-react"\x1b[0m;\n\n'
    "The export CoffeeCupHot was not found in module [project]/node_modules/lucide-react/dist/esm/lucide-react.mjs\n"
    "Did you mean to import Coffee?\n\n\n    at <unknown> (https://nextjs.org/docs/messages/module-not-found)\n"
)
TSC_LOG = (
    "\u2713 Compiled successfully in 3.7s\n  Running TypeScript ...\n"
    "app/page.tsx(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n"
    "components/X.tsx(1,36): error TS2304: Cannot find name 'undefinedThing'.\nFailed to type check.\n"
)
PRERENDER_LOG = (
    '  Generating static pages using 1 worker (0/3) ...\nError occurred prerendering page "/about". Read more: '
    "https://nextjs.org/docs/messages/prerender-error\nError: Event handlers cannot be passed to Client Component "
    "props.\n  {onClick: function onClick, children: ...}\n    at ignore-listed frames {\n  digest: '2162140815'\n}\n"
    "Export encountered an error on /about/page: /about, exiting the build.\n"
)


def test_turbopack_errors() -> None:
    errors = parse_build_errors(TURBOPACK_LOG)
    assert [(e.file, e.line, e.col) for e in errors] == [
        ("app/about/page.tsx", 2, 1), ("app/page.tsx", 2, 1), ("app/page.tsx", 1, 1)]
    assert errors[0].message.startswith("Unexpected token")
    assert errors[1].message == "Module not found: Can't resolve 'framer-motion'"
    assert "Did you mean to import Coffee?" in errors[2].message and "\x1b" not in errors[2].message


def test_typescript_and_prerender_errors(tmp_path: Path) -> None:
    assert [str(e) for e in parse_build_errors(TSC_LOG)] == [
        "app/page.tsx:1:7: Type 'string' is not assignable to type 'number'. (TS2322)",
        "components/X.tsx:1:36: Cannot find name 'undefinedThing'. (TS2304)"]
    (error,) = parse_build_errors(PRERENDER_LOG, tmp_path)
    assert error.file == "app/about/page.tsx" and "Event handlers cannot be passed" in error.message


def test_error_signature() -> None:
    a = [BuildError("app/page.tsx", 3, 1, "Unexpected token\nmore")]
    assert error_signature(a) == error_signature([BuildError("app/page.tsx", 3, 9, "Unexpected token")])
    assert error_signature(a) != error_signature([BuildError("app/page.tsx", 4, 1, "Unexpected token")])
    assert error_signature([], "a\n" * 9 + "killed") == error_signature([], "b\n" + "a\n" * 9 + "killed")


def test_use_client_fix() -> None:
    assert fix_use_client("export function A() { return <button onClick={() => 1}/>; }").startswith('"use client"')
    assert fix_use_client('"use client";\nimport { useState } from "react";\nuseState(1)') is None
    assert fix_use_client("export const metadata = {};\nexport default function P() { useState(0) }") is None
    assert fix_use_client("export function A() { return <div/>; }") is None


def test_icon_fix_keeps_local_names() -> None:
    valid = valid_icons()
    text = 'import {\n  CoffeeCupHot,\n  Star,\n  LucideMapPin,\n} from "lucide-react";\n<CoffeeCupHot/>'
    fixed = fix_icons(text, valid)
    assert fixed is not None and fixed.startswith('import { Coffee as CoffeeCupHot, Star, LucideMapPin } from')
    assert fixed.endswith("<CoffeeCupHot/>")
    assert fix_icons('import { Star } from "lucide-react";', valid) is None


def test_foreign_imports_are_removed_or_replaced() -> None:
    packages = {"react", "next", "lucide-react"}
    text = ('import Link from "next/link";\nimport { motion } from "framer-motion";\n'
            'import { FaInstagram } from "react-icons/fa";\nimport { Inter } from "next/font/google";\n'
            'import cn from "classnames";\nimport _ from "lodash";\n'
            'const inter = Inter({ subsets: ["latin"] });\n'
            "export default function P() {\n"
            '  return <motion.section initial={{ y: 4 }} className={cn("a", inter.className)}>'
            "<FaInstagram/></motion.section>; }\n")
    fixed = fix_imports(text, packages, valid_icons())
    assert fixed is not None
    for gone in ("framer-motion", "react-icons", "next/font/google", "classnames", "lodash", "motion.", "initial="):
        assert gone not in fixed
    assert 'import Link from "next/link";' in fixed and "as FaInstagram } from \"lucide-react\"" in fixed
    assert "const cn = (" in fixed and "<section" in fixed and "inter" not in fixed.replace("Inter", "")
    assert fix_imports('import Link from "next/link";\nimport x from "@/lib/x";', packages, frozenset()) is None


def test_autofix_project_writes_only_what_changed(tmp_path: Path) -> None:
    (tmp_path / "components").mkdir()
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"react": "19", "lucide-react": "1"}}))
    hooks = 'import { useState } from "react";\nexport const A = () => useState(0);\n'
    (tmp_path / "components/A.tsx").write_text(hooks)
    (tmp_path / "components/B.tsx").write_text("export const B = () => null;\n")
    assert autofix_project(tmp_path) == {"components/A.tsx": ["use-client"]}
    assert (tmp_path / "components/A.tsx").read_text().startswith('"use client";')


def test_prompts_are_package_data() -> None:
    for name in ("planner", "layout", "page", "fixer"):
        assert len(prompt_text(name)) > 200


@pytest.mark.parametrize("model", [LayoutOutput, PageOutput, FixOutput])
def test_output_models_refuse_hostile_paths(model: Any) -> None:
    with pytest.raises(ValueError, match="refused file path"):
        model.model_validate({"files": [{"path": "app/../../x", "content": ""}]})


def test_extract_json() -> None:
    assert extract_json('```json\n{"a": 1}\n```') == '{"a": 1}'
    assert extract_json('Here you go: {"a": {"b": 2}} hope it helps') == '{"a": {"b": 2}}'


class CannedProvider:
    """Answers layout and page prompts from the scenario, and counts concurrent page calls."""

    name = "canned"
    offline = False

    def __init__(self, page: dict | None = None):
        self.page = page
        self.prompts: list[Prompt] = []
        self.active = 0
        self.peak = 0

    async def complete(self, prompt: Prompt, recorder: Any = None) -> Completion:
        self.prompts.append(prompt)
        self.active += 1
        self.peak = max(self.peak, self.active)
        await asyncio.sleep(0.05)
        self.active -= 1
        assert prompt.schema is not None
        if prompt.schema is LayoutOutput:
            data = layout_json()
        else:
            path = prompt.user.split("Page file: ")[1].split("\n")[0]
            data = self.page or {"files": [{"path": path, "content": page_tsx("X")}]}
        return Completion(json.dumps(data), prompt.schema.model_validate(data))


def test_ui_agent_writes_layout_then_all_pages_at_once() -> None:
    from sitegen.plan import SitePlan

    plan = SitePlan.model_validate(plan_json(5))
    provider = CannedProvider()
    files = asyncio.run(generate_files(plan, provider))
    assert provider.prompts[0].schema is LayoutOutput and provider.peak == 5
    assert {"app/page.tsx", "app/menu/page.tsx", "app/events/page.tsx", "components/Header.tsx"} <= set(files)
    assert len(provider.prompts) == 6


def test_ui_agent_drops_files_outside_the_pages_folder_and_needs_the_page() -> None:
    from sitegen.plan import SitePlan

    plan = SitePlan.model_validate(plan_json(1))
    stray = {"files": [{"path": "app/page.tsx", "content": page_tsx("Home")},
                       {"path": "components/home/Hero.tsx", "content": "export const Hero = () => null;"},
                       {"path": "components/Header.tsx", "content": "overwrite the shared header"}]}
    files = asyncio.run(generate_files(plan, CannedProvider(stray)))
    assert "components/home/Hero.tsx" in files and files["components/Header.tsx"] != "overwrite the shared header"
    missing = {"files": [{"path": "components/home/Hero.tsx", "content": "x"}]}
    with pytest.raises(SitegenError) as info:
        asyncio.run(generate_files(plan, CannedProvider(missing)))
    assert info.value.kind == ErrorKind.MODEL_OUTPUT


def test_offline_provider_uses_the_offline_planner_and_renderer() -> None:
    from sitegen.agents.planner import make_plan
    from sitegen.providers.offline import OfflineProvider

    plan = asyncio.run(make_plan("a bakery in Lyon", OfflineProvider()))
    files = asyncio.run(generate_files(plan, OfflineProvider()))
    assert plan.pages and "app/page.tsx" in files
