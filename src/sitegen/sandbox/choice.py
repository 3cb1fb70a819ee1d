"""Choosing where a build runs: --sandbox auto|docker|local|none → a Builder.

Model-written code is untrusted, so it is built only inside a sandbox: Docker when a daemon
answers, else the host's Node under bubblewrap (sandbox/bubblewrap.py). ``auto`` never builds
model-written code unsandboxed; sites whose code sitegen itself ships (the offline provider) may
build with plain local Node. ``local`` without bubblewrap builds on the host, with a warning.
"""

from __future__ import annotations

from functools import partial

from sitegen.build import Builder, LocalBuilder, find_node
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox import SANDBOXES, bubblewrap
from sitegen.sandbox.docker import DockerBuilder
from sitegen.sandbox.engine import docker_problem

UNSANDBOXED_WARNING = ("warning: building on this machine WITHOUT a sandbox ({why}): the site's code runs "
                       "with your user's rights and can read your files and keys")
NO_SANDBOX_HINT = ("Start Docker or install bubblewrap (Debian/Ubuntu: `apt-get install bubblewrap`), then "
                   "`sitegen resume JOB` (the files are kept); or run again with --sandbox local "
                   "(SITEGEN_SANDBOX=local) to build on this machine without a sandbox.")


def sandboxed_local(settings: Settings) -> LocalBuilder | None:
    """A LocalBuilder whose build steps run under bubblewrap, or None when bubblewrap cannot run."""
    if bubblewrap.problem() is not None:
        return None
    limits = bubblewrap.Limits.from_settings(settings)
    return LocalBuilder(settings, wrap=partial(bubblewrap.wrap, limits=limits), name=bubblewrap.NAME)


def unsandboxed_refusal(why: str) -> SitegenError:
    """The error for model-written code with no sandbox available (``auto`` never builds it bare)."""
    return SitegenError(
        f"no sandbox for model-written code: {why}, and {bubblewrap.problem()}", ErrorKind.SANDBOX, NO_SANDBOX_HINT
    )


def local_builder(settings: Settings, why: str, *, offline: bool, explicit: bool) -> tuple[Builder, str]:
    """Host Node: under bubblewrap when it works, else bare for sitegen's own code or an explicit
    --sandbox local (the caller warns), else refused."""
    if (boxed := sandboxed_local(settings)) is not None:
        limits = bubblewrap.Limits.from_settings(settings).describe()
        return boxed, f"{why}, so the host's Node under bubblewrap (no network, only the project writable, {limits})"
    if not (offline or explicit):
        raise unsandboxed_refusal(why)
    if not find_node():
        return LocalBuilder(settings), f"{why}, and no Node.js either"
    if explicit:
        return LocalBuilder(settings), f"{why}; {bubblewrap.problem()}: the host's Node, unsandboxed"
    return LocalBuilder(settings), f"{why}; {bubblewrap.problem()}: the host's Node (sitegen's own code)"


def select_builder(settings: Settings, sandbox: str | None = None, *,
                   offline: bool = False) -> tuple[Builder | None, str]:
    """Pick the builder for --sandbox auto|docker|local|none; say why (the builder's name is
    reported next to the reason, so the reason does not repeat it). ``offline``: the site's code is
    sitegen's own (offline provider), so ``auto`` may build it unsandboxed."""
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
        return local_builder(settings, f"--sandbox auto: {problem}", offline=offline, explicit=False)
    return local_builder(settings, "--sandbox local", offline=offline, explicit=True)


def is_unsandboxed(builder: Builder | None) -> bool:
    """True for a builder that runs the site's code on the host with the user's rights."""
    return builder is not None and builder.name == "local"
