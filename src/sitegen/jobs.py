"""Starting and running jobs for the CLI: folder checks, project and job records, final report."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from sitegen.config import Settings
from sitegen.errors import usage
from sitegen.pipeline import Pipeline
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


def make_pipeline(settings: Settings, store: Store, term: Any) -> Pipeline:
    from sitegen.stages import handlers  # noqa: PLC0415 — the stages load the agents and SDKs

    pipeline = Pipeline(settings, store, handlers, term.on_event)
    if settings.supabase_url and settings.supabase_key:
        from sitegen.sync import attach  # noqa: PLC0415

        attach(pipeline, settings, store)
    return pipeline


def run_job(
    term: Any,
    settings: Settings,
    store: Store,
    job_id: str,
    *,
    resume: bool = False,
    verb: str | None = None,
    start_after: str | None = None,
    extra: dict[str, Any] | None = None,
) -> int:
    """Run (or resume) a recorded job, report it like `new` does, and return the exit code.

    ``start_after`` skips the stages up to and including that one (an edit or deploy job);
    ``extra`` adds keys to the final report.
    """
    from sitegen.cli import views  # noqa: PLC0415

    pipeline = make_pipeline(settings, store, term)
    job = store.get_job(job_id)
    if not term.json_mode:
        project = store.get_project(job["project_id"])
        label = verb or ("Resuming" if resume else "Creating")
        term.info(f"[bold]{label}[/] {project['path']}  [dim](job {job_id})[/]")
    if start_after:
        store.update_job(job_id, last_done_stage=start_after)  # `sitegen resume` continues from here
    try:
        final = pipeline.resume(job_id) if resume else pipeline.run(job_id, start_after=start_after)
    except KeyboardInterrupt:
        final = store.get_job(job_id)
    detail = {**views.job_detail(store, final), **(extra or {})}
    if term.json_mode:
        term.emit_json(detail)
    else:
        views.print_outcome(term, detail)
    return 0 if final["status"] == "done" else 1


__all__ = ["check_out_dir", "default_slug", "prepare_new_job", "run_job", "slugify"]
