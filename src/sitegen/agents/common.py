"""What the agents share: prompt texts from package data and the file-set output models."""

from __future__ import annotations

from functools import cache
from importlib import resources

from pydantic import BaseModel, Field, field_validator

from sitegen.safepaths import check_relative_path


@cache
def prompt_text(name: str) -> str:
    """The text of ``agents/prompts/<name>.md`` (package data, not code)."""
    return resources.files("sitegen.agents").joinpath("prompts", f"{name}.md").read_text("utf-8").strip()


class FileOut(BaseModel):
    """One file the model writes. The path is checked here, so a hostile path gets a repair round."""

    path: str = Field(description="project-relative path, e.g. app/page.tsx or components/Header.tsx")
    content: str = Field(description="the complete file text")

    @field_validator("path")
    @classmethod
    def _safe(cls, value: str) -> str:
        try:
            return check_relative_path(value)
        except Exception as exc:  # SitegenError -> a validation message the model can act on
            raise ValueError(str(exc)) from None


class LayoutOutput(BaseModel):
    """The shared frame: layout, globals.css, header, footer, and notes for the page authors."""

    notes: str = Field(default="", description="classes, tokens and conventions pages must follow")
    files: list[FileOut]


class PageOutput(BaseModel):
    """One page file plus components only that page uses."""

    files: list[FileOut]


class FixOutput(BaseModel):
    """Corrected versions of failing files."""

    files: list[FileOut]


def numbered(text: str) -> str:
    """File text with line numbers, for error messages that point at lines."""
    return "\n".join(f"{i:4d} | {line}" for i, line in enumerate(text.splitlines(), 1))
