"""What each pipeline stage does: one module per stage, each handler takes a JobContext.

planning → generating → checking → building (with fixloop) → verifying → deploying; an edit job
plans and writes through ``editing``. ``handlers(kind)`` is what the runner (pipeline.py) is given.
State a later stage needs is kept on disk in the project (``.sitegen/plan.json``, the files,
``out/``), so a resumed job can start at any stage.
"""

from __future__ import annotations

from sitegen.pipeline import StageFn
from sitegen.stages.checking import checking
from sitegen.stages.deploying import deploying
from sitegen.stages.editing import edit_generating, edit_planning
from sitegen.stages.generating import generating
from sitegen.stages.planning import planning
from sitegen.stages.verifying import building_then_verify, verifying

HANDLERS: dict[str, StageFn] = {
    "PLANNING": planning,
    "GENERATING": generating,
    "CHECKING": checking,
    "BUILDING": building_then_verify,  # building, with the browser for VERIFYING starting meanwhile
    "VERIFYING": verifying,
    "DEPLOYING": deploying,
}
EDIT_HANDLERS: dict[str, StageFn] = {**HANDLERS, "PLANNING": edit_planning, "GENERATING": edit_generating}


def handlers(kind: str) -> dict[str, StageFn]:
    """The stage handlers for a job of this kind (new, edit, undo, deploy)."""
    return EDIT_HANDLERS if kind == "edit" else HANDLERS
