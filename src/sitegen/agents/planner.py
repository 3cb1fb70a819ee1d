"""PlannerAgent: one sentence -> SitePlan (offline composer, or one structured model call)."""

from __future__ import annotations

from sitegen.agents.common import prompt_text
from sitegen.errors import ErrorKind, SitegenError
from sitegen.plan import SitePlan
from sitegen.providers.base import CallRecorder, Prompt, Provider, noop_recorder


def planner_prompt(prompt: str) -> Prompt:
    return Prompt(
        agent="planner",
        system=prompt_text("planner"),
        user=f"Plan a website for: {prompt.strip()}",
        schema=SitePlan,
        max_output_tokens=16384,
        temperature=0.8,
    )


async def make_plan(prompt: str, provider: Provider, recorder: CallRecorder | None = None) -> SitePlan:
    """The site plan for ``prompt``; raises SitegenError (PROVIDER, RATE_LIMIT, MODEL_OUTPUT)."""
    if provider.offline:
        from sitegen.offline.planner import plan_offline  # written alongside; imported lazily

        return plan_offline(prompt)
    completion = await provider.complete(planner_prompt(prompt), recorder or noop_recorder)
    if not isinstance(completion.parsed, SitePlan):  # .parsed can be None: never trust it blindly
        raise SitegenError("planner: the model returned no usable plan", ErrorKind.MODEL_OUTPUT)
    return completion.parsed
