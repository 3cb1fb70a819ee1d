"""Every error sitegen shows a user: a kind, a one-line message and a hint.

Library code raises ``SitegenError``; only ``cli.py`` renders it and chooses the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class ErrorKind(str, Enum):
    """What went wrong, which decides the exit code and whether a retry can help."""

    USAGE = "usage"  # bad flags or input: exit 2
    CONFIG = "config"  # broken config or SITEGEN_HOME: exit 2
    NOT_FOUND = "not_found"  # unknown job or project: exit 2
    NO_NODE = "no_node"  # nothing to build with: exit 1 (files kept)
    BUILD = "build"  # the site did not build: exit 1
    SANDBOX = "sandbox"  # Docker trouble: exit 1
    PROVIDER = "provider"  # model call failed for good: exit 1
    RATE_LIMIT = "rate_limit"  # every model was rate-limited: exit 1
    MODEL_OUTPUT = "model_output"  # invalid, truncated or hostile output: exit 1
    DEPLOY = "deploy"  # deploy failed: exit 1
    VERIFY = "verify"  # browser checks failed: exit 1
    INTERRUPTED = "interrupted"  # Ctrl-C or a kill: exit 1
    INTERNAL = "internal"  # a bug: exit 1


USAGE_KINDS = {ErrorKind.USAGE, ErrorKind.CONFIG, ErrorKind.NOT_FOUND}

DEFAULT_HINTS: dict[ErrorKind, str] = {
    ErrorKind.USAGE: "Run the command with --help to see what it takes.",
    ErrorKind.CONFIG: "Fix or remove the config file, or unset the variable it names.",
    ErrorKind.NOT_FOUND: "Run `sitegen status` or `sitegen projects` to list what exists.",
    ErrorKind.NO_NODE: "Install Node.js 20+ (or start Docker), then run `sitegen resume JOB`.",
    ErrorKind.BUILD: "See the log with `sitegen status JOB`; fix the files and run `sitegen resume JOB`.",
    ErrorKind.SANDBOX: "Run `sitegen doctor` to check Docker, or use --sandbox local.",
    ErrorKind.PROVIDER: "Check the key and model names, or use --provider offline.",
    ErrorKind.RATE_LIMIT: "Wait a minute and run `sitegen resume JOB`, or add models with --model.",
    ErrorKind.MODEL_OUTPUT: "Run `sitegen resume JOB` to try again, or use another --model.",
    ErrorKind.DEPLOY: "The build is kept: fix the cause and run `sitegen deploy`.",
    ErrorKind.VERIFY: "See the findings with `sitegen status JOB`.",
    ErrorKind.INTERRUPTED: "Run `sitegen resume JOB` to continue from the last finished stage.",
    ErrorKind.INTERNAL: "Run again with SITEGEN_DEBUG=1 and report the traceback.",
}


class SitegenError(Exception):
    """A failure with a one-line message and a hint for the user."""

    def __init__(self, message: str, kind: ErrorKind = ErrorKind.INTERNAL, hint: str | None = None):
        super().__init__(message)
        self.message = message.strip().splitlines()[0] if message.strip() else kind.value
        self.kind = kind
        self.hint = hint if hint is not None else DEFAULT_HINTS.get(kind, "")

    @property
    def exit_code(self) -> int:
        return 2 if self.kind in USAGE_KINDS else 1

    def __str__(self) -> str:
        return self.message


def usage(message: str, hint: str | None = None) -> SitegenError:
    return SitegenError(message, ErrorKind.USAGE, hint)


def check_choice(value: str | None, choices: Iterable[str], how: str, what: str) -> None:
    """A value outside its registry's names is bad input: "unknown <what> 'x'", and the names."""
    names = tuple(choices)
    if value and value not in names:
        raise usage(f"unknown {what} {value!r}", f"{how} takes one of: {', '.join(names)}.")


def not_found(message: str, hint: str | None = None) -> SitegenError:
    return SitegenError(message, ErrorKind.NOT_FOUND, hint)
