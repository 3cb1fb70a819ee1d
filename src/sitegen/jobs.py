"""Starting jobs: folder checks, project and job records, and the runner wired to the stages."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from sitegen.config import Settings
from sitegen.errors import usage
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


def check_out_dir(out: Path, force: bool) -> Path:
    """Refuse a folder we must not write into; create it when missing. Nothing else is written."""
    out = out.expanduser()
    if out.exists() and not out.is_dir():
        raise usage(f"--out {out} is a file, not a folder", "Choose another --out folder.")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise usage(f"{out} already exists and is not empty",
                    "Choose another --out or --name, or pass --force to write into it.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".sitegen-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise usage(f"cannot write to {out}: {exc.strerror or exc}",
                    "Choose a folder you can write to with --out.") from exc
    return out.resolve()


def prepare_new_job(
    settings: Settings,
    store: Store,
    prompt: str,
    *,
    name: str | None,
    out: Path | None,
    provider: str,
    models: list[str],
    sandbox: str,
    deploy: str | None,
    verify: bool | str,
    prod: bool = False,
    force: bool,
) -> str:
    """Validate the folder, create project and job records; return the job id."""
    slug = default_slug(prompt, name)
    folder = check_out_dir(out or Path.cwd() / slug, force)
    project = store.create_project(name or slug, slug, folder, prompt, provider)
    options = {"name": name, "provider": provider, "models": models, "sandbox": sandbox,
               "deploy": deploy, "prod": prod, "verify": verify}
    return store.create_job(project["id"], prompt, "new", options)


def make_pipeline(settings: Settings, store: Store, emit: EventSink) -> Pipeline:
    """The runner with the stage handlers, and the Supabase mirror when it is configured."""
    from sitegen.stages import handlers  # noqa: PLC0415 — the stages load the agents and SDKs

    pipeline = Pipeline(settings, store, handlers, emit)
    if settings.supabase_url and settings.supabase_key:
        from sitegen.sync import attach  # noqa: PLC0415

        attach(pipeline, settings, store)
    return pipeline


__all__ = ["check_out_dir", "default_slug", "make_pipeline", "prepare_new_job", "slugify"]
