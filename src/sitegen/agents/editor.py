"""The EditorAgent: turn one instruction into a change of the current site.

A model provider is shown the plan, the file list and the main files within a budget, and answers
with an ``EditOutput``: changed files, a changed plan, or both. The edit stages
(``stages/editing.py``) apply it; the offline provider edits the plan itself (``offline/edit.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from sitegen.agents.common import FileOut, prompt_text
from sitegen.errors import ErrorKind, SitegenError
from sitegen.plan import SitePlan
from sitegen.providers.base import CallRecorder, Prompt

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
