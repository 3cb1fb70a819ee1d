"""The offline provider: no network, deterministic. Agents use the offline planner and renderer."""

from __future__ import annotations

from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecorder, Completion, Prompt


class OfflineProvider:
    """Marks the offline path; agents compose the site themselves instead of calling a model."""

    name = "offline"
    offline = True
    models: list[str] = ["offline"]

    async def complete(self, prompt: Prompt, recorder: CallRecorder | None = None) -> Completion:
        raise SitegenError(
            f"the offline provider does not answer free-form {prompt.agent} prompts",
            ErrorKind.PROVIDER,
            "Set GEMINI_API_KEY or OPENAI_API_KEY and use --provider gemini or openai.",
        )
