"""The offline path: a deterministic planner (and, elsewhere, a renderer) that needs no model or network.

``plan_offline(prompt)`` turns any prompt into a complete ``SitePlan``; ``describe_detection(prompt)``
says what was understood (kind, name, place, tone, colours, pages) so the CLI can echo it.
"""

from __future__ import annotations

from sitegen.offline.planner import describe_detection, plan_offline

__all__ = ["describe_detection", "plan_offline"]
