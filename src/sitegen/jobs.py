"""Starting jobs: folder checks, project and job records, and the runner wired to the stages."""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.config import Settings
from sitegen.errors import usage
from sitegen.locks import lock_project
from sitegen.pipeline import EventSink, Pipeline
from sitegen.store import Store


def slugify(text: str, max_len: int = 48) -> str:
    """A folder-friendly slug: 'Coffee shop landing page' → 'coffee-shop-landing-page'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or "site"


def default_slug(prompt: str, name: str | None) -> str:
    """The folder name: --name, else a name the prompt gives ("called Luz"), else the prompt."""
    if name and slugify(name) != "site":
        return slugify(name)
    from sitegen.offline.planner import describe_detection  # noqa: PLC0415

    detected = str(describe_detection(prompt).get("name") or "")
    if detected and slugify(detected) != "site":
        return slugify(detected)
    return slugify(prompt)


SITEGEN_META = ".sitegen"  # the folder every project sitegen made has


def check_out_dir(out: Path, force: bool, home: Path | None = None, known: frozenset[str] = frozenset()) -> Path:
    """Refuse a folder we must not write into; create it when missing. Nothing else is written.

    A non-empty folder is written into only with ``force`` and only when sitegen made it (it has a
    ``.sitegen`` folder, or is a project path in ``known``); never /, $HOME, SITEGEN_HOME or a
    folder holding SITEGEN_HOME.
    """
    out = out.expanduser()
    if out.is_symlink() and not out.exists():
        raise usage(f"--out {out} is a broken symlink", "Choose another --out folder.")
    if out.exists() and not out.is_dir():
        raise usage(f"--out {out} is a file, not a folder", "Choose another --out folder.")
    resolved = out.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        raise usage(f"--out {resolved} is the root or home folder", "Choose a new folder for the site with --out.")
    if home is not None:
        home = Path(home).resolve()
        if home == resolved or home.is_relative_to(resolved) or resolved.is_relative_to(home):
            raise usage(f"--out {resolved} overlaps SITEGEN_HOME ({home})", "Choose a folder outside SITEGEN_HOME.")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise usage(f"{out} already exists and is not empty",
                        "Choose another --out or --name, or pass --force to write into it.")
        meta = resolved / SITEGEN_META
        if not ((meta.is_dir() and not meta.is_symlink()) or str(resolved) in known):
            raise usage(f"{out} is not empty and is not a sitegen project; --force never writes over other files",
                        "Choose a new or empty folder with --out.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".sitegen-write-test"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        os.close(fd)
        probe.unlink()
    except OSError as exc:
        raise usage(f"cannot write to {out}: {exc.strerror or exc}",
                    "Choose a folder you can write to with --out.") from exc
    return out.resolve()


def _created_dirs(path: Path) -> list[Path]:
    """The folders ``mkdir(parents=True)`` would create for ``path``, deepest first."""
    path = path.expanduser().absolute()
    missing: list[Path] = []
    while not path.exists() and not path.is_symlink() and path != path.parent:
        missing.append(path)
        path = path.parent
    return missing


def prepare_new_job(
    settings: Settings,
    store: Store,
    prompt: str,
    *,
    name: str | None,
    url: str | None = None,
    out: Path | None,
    provider: str,
    models: list[str],
    sandbox: str,
    deploy: str | None,
    verify: bool | str,
    prod: bool = False,
    force: bool,
) -> str:
    """Validate and lock the folder, create project and job records; return the job id.

    When the records cannot be written (a full disk, a damaged store) the folders this call made
    are removed again, so a failed start leaves nothing behind.
    """
    slug = default_slug(prompt, name)
    target = out or Path.cwd() / slug
    made = _created_dirs(target)
    known = frozenset(str(Path(p["path"]).resolve()) for p in store.list_projects() if p.get("path"))
    lock_project(settings.home, target)
    folder = check_out_dir(target, force, settings.home, known)
    try:
        project = store.create_project(name or slug, slug, folder, prompt, provider)
        options = {"name": name, "url": url, "provider": provider, "models": models, "sandbox": sandbox,
                   "deploy": deploy, "prod": prod, "verify": verify}
        return store.create_job(project["id"], prompt, "new", options)
    except BaseException:
        for path in made:
            with contextlib.suppress(OSError):
                path.rmdir()  # only when still empty
        raise


def make_pipeline(settings: Settings, store: Store, emit: EventSink) -> Pipeline:
    """The runner with the stage handlers, and the Supabase mirror when it is configured."""
    from sitegen.stages import handlers  # noqa: PLC0415 — the stages load the agents and SDKs

    pipeline = Pipeline(settings, store, handlers, emit)
    if settings.supabase_url and (settings.supabase_key or settings.supabase_access_token):
        from sitegen.sync import attach  # noqa: PLC0415

        attach(pipeline, settings, store)
    return pipeline


def refuse_unsandboxed_model(settings: Settings, provider: str, sandbox: str | None) -> None:
    """A model provider's site with no sandbox to build it in is refused before any paid call (exit 1)."""
    if provider != "offline" and sandbox != "none":
        from sitegen.sandbox.choice import select_builder  # noqa: PLC0415 — probes Docker and bubblewrap

        select_builder(settings, sandbox, offline=False)


def check_edit(settings: Settings, provider: str, path: Path, text: str, sandbox: str | None = None,
               *, check_sandbox: bool = True, url: str | None = None) -> None:
    """Before an edit job starts: a provider with no key, or an edit the offline provider cannot do,
    is bad input (exit 2); with ``check_sandbox``, a model's edit with no sandbox is refused (exit 1).
    ``url`` (checked by plan.site_address) must differ from the site's address; with no ``text``
    the edit only sets it, and no provider is asked."""
    from sitegen.hostio import read_meta  # noqa: PLC0415
    from sitegen.offline.edit import apply_edit_offline  # noqa: PLC0415
    from sitegen.plan import SitePlan  # noqa: PLC0415
    from sitegen.providers.registry import choose, require_keys  # noqa: PLC0415

    @cache
    def plan() -> SitePlan:  # read once, and only when needed
        plan_file = path / ".sitegen" / "plan.json"
        try:
            return SitePlan.model_validate_json(read_meta(plan_file))
        except (OSError, ValueError) as exc:
            raise usage(f"cannot read {plan_file}: {exc}".splitlines()[0]) from exc

    if url is not None and plan().url == url:
        raise usage(f"the site's address is already {url}", "Give another address, or leave the address out.")
    if not text:
        return
    chosen, _ = choose(settings, provider)
    require_keys(settings, chosen)
    if chosen != "offline":
        if check_sandbox:
            refuse_unsandboxed_model(settings, chosen, sandbox)
        return
    apply_edit_offline(plan(), text)  # raises USAGE with what offline edits can do


def address_options(store: Any, project_id: str, text: str, url: str | None) -> dict[str, Any]:
    """The job options an edit's new address adds. With an instruction, only the address; alone, no
    provider is asked ("offline"), and ``model_site`` says whether a model ever wrote this project's
    code (the store's record of its model calls, never a file a build could change): such a site
    keeps its code and gets only sitegen's SEO files again, and it never counts as sitegen's own."""
    if url is None:
        return {}
    if text:
        return {"url": url}
    return {"url": url, "address_only": True, "provider": "offline", "models": [],
            "model_site": store.model_wrote(project_id)}


def edit_prompt(text: str, url: str | None) -> str:
    """What an edit is recorded as (history, status): its instruction, or for an address alone,
    the address it sets."""
    return text or f"set the public address to {url}"


__all__ = [
    "address_options",
    "check_edit",
    "check_out_dir",
    "default_slug",
    "edit_prompt",
    "lock_project",
    "make_pipeline",
    "prepare_new_job",
    "refuse_unsandboxed_model",
    "slugify",
]
