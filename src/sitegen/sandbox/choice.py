"""Choosing where a build runs: --sandbox auto|docker|local|none → a Builder."""

from __future__ import annotations

from sitegen.build import Builder, LocalBuilder, find_node
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox import SANDBOXES
from sitegen.sandbox.docker import DockerBuilder
from sitegen.sandbox.engine import docker_problem


def select_builder(settings: Settings, sandbox: str | None = None) -> tuple[Builder | None, str]:
    """Pick the builder for --sandbox auto|docker|local|none; say why (the builder's name is
    reported next to the reason, so the reason does not repeat it)."""
    choice = (sandbox or settings.sandbox or "auto").lower()
    if choice not in SANDBOXES:
        raise SitegenError(
            f"unknown sandbox {choice!r}", ErrorKind.USAGE, "Use --sandbox auto, docker, local or none."
        )
    if choice == "none":
        return None, "--sandbox none: files only, no build"
    if choice in {"auto", "docker"}:
        problem = docker_problem()
        if problem is None:
            return DockerBuilder(settings), f"--sandbox {choice}: a Docker daemon answered"
        if choice == "docker":
            raise SitegenError(f"--sandbox docker, but {problem}", ErrorKind.SANDBOX, problem.hint)
        if find_node():
            return LocalBuilder(settings), f"--sandbox auto: {problem}, so the host's Node"
        return LocalBuilder(settings), f"--sandbox auto: {problem}, and no Node.js either"
    return LocalBuilder(settings), "--sandbox local: the host's Node"
