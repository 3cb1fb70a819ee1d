"""FixerAgent: structured build errors plus only the failing files -> corrected files."""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.agents.common import FixOutput, numbered, prompt_text
from sitegen.checks.buildlog import BuildError
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers.base import CallRecorder, Prompt, Provider, noop_recorder
from sitegen.safepaths import check_relative_path

MAX_FILE_CHARS = 60_000


def fixer_prompt(errors: Sequence[BuildError], files: dict[str, str], log_tail: str = "") -> Prompt:
    parts = ["Build errors:"]
    parts += [f"- {e.file}:{e.line}:{e.col}: {e.message}" for e in errors]
    if log_tail:
        parts += ["", "End of the build log:", log_tail[-3000:]]
    for path, text in files.items():
        parts += ["", f"=== {path} ===", numbered(text[:MAX_FILE_CHARS])]
    return Prompt(agent="fixer", system=prompt_text("fixer"), user="\n".join(parts), schema=FixOutput,
                  max_output_tokens=32768, temperature=0.2)


class FixerAgent:
    """Asks the model for corrected versions of the failing files, and only those."""

    def __init__(self, provider: Provider, recorder: CallRecorder | None = None):
        self.provider = provider
        self.recorder = recorder or noop_recorder

    @property
    def available(self) -> bool:
        return not self.provider.offline

    async def fix(self, errors: Sequence[BuildError], files: dict[str, str], log_tail: str = "") -> dict[str, str]:
        """Replacement texts for some of ``files`` (path -> text); other paths are never returned."""
        if not files:
            return {}
        completion = await self.provider.complete(fixer_prompt(errors, files, log_tail), self.recorder)
        output = completion.parsed
        if not isinstance(output, FixOutput):
            raise SitegenError("fixer: the model returned no usable files", ErrorKind.MODEL_OUTPUT)
        fixed: dict[str, str] = {}
        for f in output.files:
            path = check_relative_path(f.path)
            if path in files and f.content.strip() and f.content != files[path]:
                fixed[path] = f.content
        return fixed
