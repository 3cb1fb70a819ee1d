"""The EditorAgent: turn one instruction into a change of the current site.

An edit job runs the normal stages; PLANNING and GENERATING call into this module:

- ``edit_planning``: plan the change against the current plan and files. The offline provider
  applies it to the SitePlan itself (``offline/edit.py``); a model provider answers with an
  ``EditOutput``: changed files, a changed plan, or both.
- ``edit_generating``: write the change: re-render the plan (offline renderer, or the UI agent
  when the model changed only the plan), or write the model's files; files the new version no
  longer has are removed.

What PLANNING decided is saved as ``.sitegen/edit.json``, so a resumed job continues from there.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from sitegen.agents.common import FileOut, prompt_text
from sitegen.errors import ErrorKind, SitegenError
from sitegen.plan import SitePlan
from sitegen.providers.base import CallRecorder, Prompt

EDIT_FILE = "edit.json"
CONTEXT_BUDGET = 60_000  # characters of current files shown to the model
SOURCE_DIRS = ("app", "components", "lib")




class EditOutput(BaseModel):
    """What a model answers for an edit."""

    summary: list[str] = Field(default_factory=list, description="one line per change made")
    plan: SitePlan | None = Field(default=None, description="the whole updated plan, or null")
    files: list[FileOut] = Field(default_factory=list, description="complete text of changed or new files")
    delete: list[str] = Field(default_factory=list, description="generated files to remove")


def project_sources(project_dir: Path) -> dict[str, str]:
    """The project's generated source files (path -> text)."""
    out: dict[str, str] = {}
    for base in SOURCE_DIRS:
        folder = project_dir / base
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix in {".tsx", ".ts", ".css"}:
                    out[path.relative_to(project_dir).as_posix()] = path.read_text("utf-8", errors="replace")
    return out


def editor_prompt(plan: SitePlan, instruction: str, sources: dict[str, str]) -> Prompt:
    """The model request for an edit: plan, file list, the main files within a budget, instruction."""
    order = sorted(sources, key=lambda p: (not p.startswith("app/"), not p.startswith("lib/"), len(sources[p]), p))
    shown: list[str] = []
    used = 0
    for path in order:
        text = sources[path]
        if used + len(text) > CONTEXT_BUDGET:
            continue
        used += len(text)
        shown.append(f"--- {path}\n{text}")
    user = (
        f"Instruction: {instruction}\n\nPlan (JSON):\n{plan.model_dump_json(indent=1)}\n\n"
        f"Files: {', '.join(sorted(sources))}\n\nMain files:\n" + "\n\n".join(shown)
    )
    return Prompt(agent="editor", system=prompt_text("editor"), user=user, schema=EditOutput, temperature=0.3)


async def model_edit(
    plan: SitePlan, instruction: str, project_dir: Path, provider: Any, recorder: CallRecorder
) -> EditOutput:
    """Ask a model provider for the change; a reply that changes nothing is a MODEL_OUTPUT error."""
    completion = await provider.complete(editor_prompt(plan, instruction, project_sources(project_dir)), recorder)
    reply = completion.parsed
    if not isinstance(reply, EditOutput):
        raise SitegenError("editor: the model returned no usable edit", ErrorKind.MODEL_OUTPUT)
    if reply.plan is None and not reply.files and not reply.delete:
        raise SitegenError(
            "editor: the model proposed no change",
            ErrorKind.MODEL_OUTPUT,
            "Rephrase the instruction, or try another --model.",
        )
    return reply


# -- stage handlers ---------------------------------------------------------------------------------
def edit_planning(ctx: Any) -> dict[str, Any]:
    """PLANNING for an edit job: decide the change and save it as .sitegen/edit.json."""
    from sitegen.offline.edit import apply_edit_offline
    from sitegen.pipeline import save_json
    from sitegen.stages import load_plan, provider_for

    plan: SitePlan = load_plan(ctx)
    instruction = ctx.job["prompt"]
    provider = provider_for(ctx)
    if getattr(provider, "offline", False):
        new_plan, changes = apply_edit_offline(plan, instruction)
        edit = {"instruction": instruction, "mode": "plan", "changes": changes, "files": {}, "delete": []}
    else:
        reply = asyncio.run(model_edit(plan, instruction, ctx.project_dir, provider, ctx.record_call))
        new_plan = reply.plan or plan
        files = {f.path: f.content for f in reply.files}
        # regenerate from the plan only when the model changed the plan and wrote no files;
        # a reply that only deletes files is applied as it is (a regeneration would bring them back)
        by_files = bool(files) or reply.plan is None
        edit = {
            "instruction": instruction,
            "mode": "files" if by_files else "plan",
            "changes": reply.summary,
            "files": files,
            "delete": reply.delete,
        }
    save_json(ctx.meta_dir / "plan.json", new_plan.model_dump(mode="json"))
    save_json(ctx.meta_dir / EDIT_FILE, edit)
    ctx.state["plan"] = new_plan
    ctx.state.setdefault("result", {})["changes"] = edit["changes"]
    for line in edit["changes"]:
        ctx.info(line)
    if new_plan.name != ctx.project["name"]:
        ctx.store.update_project(ctx.project["id"], name=new_plan.name)
    return {
        "name": new_plan.name,
        "kind": new_plan.kind,
        "pages": [p.route for p in new_plan.pages],
        "changes": edit["changes"],
    }


def edit_generating(ctx: Any) -> dict[str, Any]:
    """GENERATING for an edit job: write the planned change; drop generated files no longer made."""
    from sitegen.agents.ui import generate_files
    from sitegen.pipeline import save_json
    from sitegen.safepaths import safe_write
    from sitegen.stages import copy_template, load_plan, provider_for

    path = ctx.meta_dir / EDIT_FILE
    if not path.is_file():
        raise SitegenError(f"{path} is missing", ErrorKind.USAGE, "Start the edit again with `sitegen edit`.")
    edit = json.loads(path.read_text(encoding="utf-8"))
    ctx.state.setdefault("result", {})["changes"] = edit.get("changes", [])
    listed = ctx.meta_dir / "files.json"
    before = set(json.loads(listed.read_text(encoding="utf-8"))) if listed.is_file() else set()
    if edit.get("mode") == "files":
        files = dict(edit.get("files") or {})
        after = (before | set(files)) - set(edit.get("delete") or [])
    else:
        files = asyncio.run(generate_files(load_plan(ctx), provider_for(ctx), ctx.record_call))
        after = set(files)
        copy_template(ctx.project_dir)
    written = safe_write(ctx.project_dir, files)
    removed = remove_stale(ctx.project_dir, before - after)
    save_json(listed, sorted(after))
    return {"files": len(written), "removed": len(removed)}


def remove_stale(project_dir: Path, paths: set[str]) -> list[str]:
    """Delete generated files the new version does not have (only inside the source folders)."""
    from sitegen.safepaths import path_problem

    removed: list[str] = []
    root = project_dir.resolve()
    for rel in sorted(paths):
        if path_problem(rel) or rel.split("/", 1)[0] not in SOURCE_DIRS:
            continue
        target = (project_dir / rel).resolve()
        if target.is_file() and target.is_relative_to(root):
            target.unlink()
            removed.append(rel)
            parent = target.parent
            while parent != root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return removed
