"""PLANNING and GENERATING for an edit job: decide the change, then write it.

- ``edit_planning``: the offline provider applies the instruction to the SitePlan itself
  (``offline/edit.py``); a model provider answers with an ``EditOutput`` (agents/editor.py):
  changed files, a changed plan, or both.
- ``edit_generating``: re-render the plan (offline renderer, or the UI agent when the model changed
  only the plan), or write the model's files; files the new version no longer has are removed.

What PLANNING decided is saved as ``.sitegen/edit.json``, so a resumed job continues from there.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from sitegen import hostio, shipped
from sitegen.agents.editor import SOURCE_DIRS, model_edit
from sitegen.agents.ui import generate_files
from sitegen.errors import ErrorKind, SitegenError
from sitegen.offline.edit import apply_edit_offline
from sitegen.offline.render_seo import model_seo_files
from sitegen.pipeline import JobContext
from sitegen.plan import SitePlan
from sitegen.safepaths import path_problem, safe_write
from sitegen.stages.common import copy_template, load_plan, provider_for, save_json, warm_up_sandbox

EDIT_FILE = "edit.json"


def edit_planning(ctx: JobContext) -> dict[str, Any]:
    """PLANNING for an edit job: decide the change and save it as .sitegen/edit.json."""
    warm_up_sandbox(ctx)
    plan: SitePlan = load_plan(ctx)
    instruction = ctx.job["prompt"]
    provider = provider_for(ctx)
    url = ctx.options.get("url")
    if ctx.options.get("address_only"):  # `edit --url` alone: nothing for a provider to decide
        new_plan = plan.model_copy(update={"url": url})
        edit = {"instruction": instruction, "mode": "plan", "changes": [f"address: {url}"], "files": {}, "delete": []}
        if ctx.options.get("model_site"):  # a model's code stays; only sitegen's SEO files change
            files, kept = address_files(ctx.project_dir, plan, new_plan)
            edit.update(mode="files", files=files)
            edit["changes"] += [f"left {path} as it is (changed since sitegen wrote it): set the address there"
                                for path in kept]
    elif provider.offline:
        new_plan, changes = apply_edit_offline(plan, instruction)
        edit = {"instruction": instruction, "mode": "plan", "changes": changes, "files": {}, "delete": []}
    else:
        reply = asyncio.run(model_edit(plan, instruction, ctx.project_dir, provider, ctx.record_call))
        new_plan = reply.plan or plan
        files = {f.path: f.content for f in reply.files}
        # regenerate from the plan only when the model changed the plan and wrote no files;
        # a reply that only deletes files is applied as it is (a regeneration would bring them back)
        by_files = bool(files) or reply.plan is None
        edit = {
            "instruction": instruction,
            "mode": "files" if by_files else "plan",
            "changes": reply.summary,
            "files": files,
            "delete": reply.delete,
        }
    if url and not ctx.options.get("address_only"):  # an instruction and `--url`
        new_plan = new_plan.model_copy(update={"url": url})
        edit["changes"] = [*edit["changes"], f"address: {url}"]
        if edit["mode"] == "files":
            for path, text in address_files(ctx.project_dir, plan, new_plan)[0].items():
                edit["files"].setdefault(path, text)
    save_json(ctx.meta_dir / "plan.json", new_plan.model_dump(mode="json"))
    save_json(ctx.meta_dir / EDIT_FILE, edit)
    ctx.state["plan"] = new_plan
    ctx.state.setdefault("result", {})["changes"] = edit["changes"]
    for line in edit["changes"]:
        ctx.info(line)
    if new_plan.name != ctx.project["name"]:
        ctx.store.update_project(ctx.project["id"], name=new_plan.name)
    return {
        "name": new_plan.name,
        "kind": new_plan.kind,
        "pages": [p.route for p in new_plan.pages],
        "changes": edit["changes"],
    }


def edit_generating(ctx: JobContext) -> dict[str, Any]:
    """GENERATING for an edit job: write the planned change; drop generated files no longer made."""
    path = ctx.meta_dir / EDIT_FILE
    if not path.is_file():
        raise SitegenError(f"{path} is missing", ErrorKind.USAGE, "Start the edit again with `sitegen edit`.")
    edit = read_json(path)
    ctx.state.setdefault("result", {})["changes"] = edit.get("changes", [])
    listed = ctx.meta_dir / "files.json"
    before = set(read_json(listed)) if listed.is_file() or listed.is_symlink() else set()
    if edit.get("mode") == "files":
        files = dict(edit.get("files") or {})
        after = (before | set(files)) - set(edit.get("delete") or [])
    else:
        files = asyncio.run(generate_files(load_plan(ctx), provider_for(ctx), ctx.record_call))
        after = set(files)
        copy_template(ctx.project_dir)
        if provider_for(ctx).offline:  # sitegen's own code: builds skip tsc (shipped.py)
            shipped.record(ctx.settings.cache_dir, files)
    written = safe_write(ctx.project_dir, files)
    removed = remove_stale(ctx.project_dir, before - after)
    save_json(listed, sorted(after))
    return {"files": len(written), "removed": len(removed)}


def address_files(project_dir: Path, old: SitePlan, new: SitePlan) -> tuple[dict[str, str], list[str]]:
    """For a site a model wrote, the files a new address changes: sitegen's sitemap, robots and
    JSON-LD (``model_seo_files``), each only while the project's copy is still the one sitegen
    wrote for ``old``. Returns (path -> new text, the paths left as they are)."""
    before, after = model_seo_files(old), model_seo_files(new)
    files: dict[str, str] = {}
    kept: list[str] = []
    for path, text in after.items():
        if before.get(path) == text:
            continue
        try:
            current = hostio.read_file(project_dir, path).decode("utf-8")
        except FileNotFoundError:
            continue  # the site does without it
        except (OSError, UnicodeDecodeError):
            current = None  # a link, a folder or not text: not sitegen's file
        if current in (before.get(path), text):
            files[path] = text
        else:
            kept.append(path)
    return files, kept


def read_json(path: Path) -> Any:
    """A JSON file from the project's .sitegen folder, never read through a link or a FIFO a build left."""
    try:
        return json.loads(hostio.read_meta(path))
    except hostio.UnsafePath as exc:
        raise SitegenError(f"refusing to read {path}: {exc}", ErrorKind.USAGE,
                           "Remove the link from the project's .sitegen folder and run the edit again.") from exc


def remove_stale(project_dir: Path, paths: set[str]) -> list[str]:
    """Delete generated files the new version does not have (only inside the source folders).

    A link is removed itself, never what it points at, and no folder on the way is followed.
    """
    removed: list[str] = []
    root = project_dir.resolve()
    for rel in sorted(paths):
        if path_problem(rel) or rel.split("/", 1)[0] not in SOURCE_DIRS:
            continue
        parent, name = PurePosixPath(rel).parent, PurePosixPath(rel).name
        try:
            fd = hostio.open_dir(root, parent)
        except OSError:
            continue
        try:
            if hostio.kind_at(fd, name) not in ("file", "link"):
                continue
            os.unlink(name, dir_fd=fd)
        finally:
            os.close(fd)
        removed.append(rel)
        folder = root / parent
        while folder != root and not folder.is_symlink() and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
