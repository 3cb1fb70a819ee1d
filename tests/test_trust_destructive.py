"""Issue 10, item 1: no command destroys the user's files; one writer per project folder.

Each test reproduces the loss as the issue describes it (a deploy --dir or --out --force pointed at
a folder of the user's own files, at the project itself, at SITEGEN_HOME) and shows it refused with
every file intact.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sitegen.deploy import check_static_dir
from sitegen.errors import SitegenError
from sitegen.jobs import check_out_dir
from sitegen.locks import lock_project, release
from sitegen.store import Store
from tests.conftest import run_cli


def built_project(home: Path, tmp_path: Path, name: str = "bakery") -> dict[str, Any]:
    folder = tmp_path / name
    (folder / "out" / "menu").mkdir(parents=True)
    (folder / "out" / "index.html").write_text("<!doctype html><h1>Bakery</h1>", encoding="utf-8")
    (folder / "out" / "menu" / "index.html").write_text("<h1>Menu</h1>", encoding="utf-8")
    (folder / ".sitegen").mkdir()
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "app").mkdir()
    (folder / "app" / "page.tsx").write_text("export default function P() { return null }", encoding="utf-8")
    store = Store(home / "sitegen.db")
    project = store.create_project(name, name, folder, "a bakery in Lyon", "offline")
    store.close()
    return project


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(errors="replace") if p.is_file() else "<dir>"
            for p in sorted(folder.rglob("*"))}


def deploy(project: dict[str, Any], *args: str, cwd: Path | None = None) -> tuple[Any, dict[str, Any]]:
    r = run_cli("deploy", project["id"], "--target", "static", *args, "--json", cwd=cwd, timeout=120)
    return r, (json.loads(r.stdout) if r.stdout.strip() else {})


def user_folder(tmp_path: Path) -> Path:
    mine = tmp_path / "Documents"
    (mine / "taxes").mkdir(parents=True)
    (mine / "thesis.docx").write_text("four years of work")
    (mine / "taxes" / "2025.pdf").write_text("receipts")
    return mine


# ------------------------------------------------------------------------------ deploy --dir
def test_deploy_dir_with_the_users_files_is_refused_and_intact(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    mine = user_folder(tmp_path)
    before = snapshot(mine)
    r, data = deploy(project, "--dir", str(mine))
    assert r.returncode == 2, r.stderr
    assert "not empty" in data["error"] and "Traceback" not in r.stderr
    assert snapshot(mine) == before
    # a single hidden file is someone's too
    dotted = tmp_path / "dotted"
    dotted.mkdir()
    (dotted / ".bashrc").write_text("alias ll='ls -l'")
    r, data = deploy(project, "--dir", str(dotted))
    assert r.returncode == 2 and (dotted / ".bashrc").read_text() == "alias ll='ls -l'"


@pytest.mark.parametrize("where", ["parent", "project", "inside"])
def test_deploy_dir_that_holds_or_is_the_project_is_refused(sitegen_home: Path, tmp_path: Path, where: str) -> None:
    project = built_project(sitegen_home, tmp_path / "work")
    folder = Path(project["path"])
    before = snapshot(tmp_path / "work")
    target = {"parent": folder.parent, "project": folder, "inside": folder / "public-copy"}[where]
    r, data = deploy(project, "--dir", str(target))
    assert r.returncode == 2, r.stderr
    assert "project" in data["error"]
    assert snapshot(tmp_path / "work") == before
    assert (folder / ".git" / "HEAD").exists() and (folder / "out" / "index.html").exists()


def test_deploy_dir_holding_sitegen_home_or_root_is_refused(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    for target in (sitegen_home, sitegen_home.parent, Path("/"), Path.home()):
        with pytest.raises(SitegenError) as err:
            check_static_dir(target, Path(project["path"]), sitegen_home)
        assert err.value.exit_code == 2
    assert (sitegen_home / "sitegen.db").exists()


def test_deploy_dir_empty_then_redeploy_into_own_folder(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    public = tmp_path / "public-html"
    public.mkdir()
    r, data = deploy(project, "--dir", str(public))
    assert r.returncode == 0, r.stderr
    assert (public / "index.html").exists() and (public / ".sitegen-static-deploy").is_file()
    # the site changes: a page goes away; the folder sitegen made is replaced as a whole
    (Path(project["path"]) / "out" / "menu" / "index.html").unlink()
    (Path(project["path"]) / "out" / "menu").rmdir()
    r, data = deploy(project, "--dir", str(public))
    assert r.returncode == 0, r.stderr
    assert not (public / "menu").exists() and (public / "index.html").exists()
    # a missing folder is made
    r, _ = deploy(project, "--dir", str(tmp_path / "new" / "site"))
    assert r.returncode == 0 and (tmp_path / "new" / "site" / "index.html").exists()


def test_deploy_dir_marker_that_is_a_symlink_does_not_count(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    mine = user_folder(tmp_path)
    (tmp_path / "marker").write_text("x")
    (mine / ".sitegen-static-deploy").symlink_to(tmp_path / "marker")
    r, data = deploy(project, "--dir", str(mine))
    assert r.returncode == 2
    assert (mine / "thesis.docx").read_text() == "four years of work"


# ------------------------------------------------------------------------------ --out --force
def test_out_force_into_the_users_folder_is_refused(sitegen_home: Path, tmp_path: Path) -> None:
    mine = user_folder(tmp_path)
    before = snapshot(mine)
    r = run_cli("new", "coffee shop in Porto", "--out", str(mine), "--force", "--json", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    data = json.loads(r.stdout)
    assert "not a sitegen project" in data["error"]
    assert snapshot(mine) == before


@pytest.mark.parametrize("target", ["home", "home-parent", "root"])
def test_out_force_never_into_sitegen_home_or_root(sitegen_home: Path, tmp_path: Path, target: str) -> None:
    path = {"home": sitegen_home, "home-parent": sitegen_home.parent, "root": Path("/")}[target]
    with pytest.raises(SitegenError) as err:
        check_out_dir(path, force=True, home=sitegen_home)
    assert err.value.exit_code == 2


def test_out_force_into_a_sitegen_project_is_allowed(sitegen_home: Path, tmp_path: Path) -> None:
    project = built_project(sitegen_home, tmp_path)
    assert check_out_dir(Path(project["path"]), force=True, home=sitegen_home) == Path(project["path"]).resolve()
    known = tmp_path / "known"
    known.mkdir()
    (known / "x.txt").write_text("")
    assert check_out_dir(known, force=True, home=sitegen_home, known=frozenset({str(known.resolve())}))


# ------------------------------------------------------------------------------ one writer per folder
HOLD = """
import sys, time
from pathlib import Path
from sitegen.locks import lock_project
lock_project(Path(sys.argv[1]), Path(sys.argv[2]))
print("locked", flush=True)
time.sleep(60)
"""


def test_second_run_on_the_same_out_is_refused_while_the_first_holds_it(sitegen_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(sitegen_home), str(out)], stdout=subprocess.PIPE,
                              text=True, env=os.environ.copy())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        r = run_cli("new", "coffee shop in Porto", "--out", str(out), "--force", "--json", "--sandbox", "none",
                    cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        data = json.loads(r.stdout)
        assert f"pid {holder.pid}" in data["error"] and "another sitegen process" in data["error"]
        assert not out.exists() or not any(out.iterdir())
        store = Store(sitegen_home / "sitegen.db")
        assert store.list_projects() == []  # nothing recorded for the refused run
        store.close()
    finally:
        holder.kill()
        holder.wait()
    # once the first is gone the folder is free again
    r = run_cli("new", "coffee shop in Porto", "--out", str(out), "--json", "--sandbox", "none", "--no-verify",
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_lock_is_per_folder_and_reentrant(sitegen_home: Path, tmp_path: Path) -> None:
    lock_project(sitegen_home, tmp_path / "a")
    lock_project(sitegen_home, tmp_path / "a")  # same process: fine
    lock_project(sitegen_home, tmp_path / "b")
    code = "import sys; from pathlib import Path; from sitegen.locks import lock_project; " \
           "lock_project(Path(sys.argv[1]), Path(sys.argv[2]))"
    other = subprocess.run([sys.executable, "-c", code, str(sitegen_home), str(tmp_path / "a")],
                           capture_output=True, text=True)
    assert other.returncode != 0 and "another sitegen process" in other.stderr
    release(sitegen_home, tmp_path / "a")
    release(sitegen_home, tmp_path / "b")
    other = subprocess.run([sys.executable, "-c", code, str(sitegen_home), str(tmp_path / "a")],
                           capture_output=True, text=True)
    assert other.returncode == 0, other.stderr


def test_a_store_that_fails_while_recording_leaves_no_folder(sitegen_home: Path, tmp_path: Path) -> None:
    """The disk fills up (or the store breaks) between making the folder and recording the project."""
    import sqlite3

    from sitegen.config import load_settings
    from sitegen.jobs import prepare_new_job

    class FullStore:
        def list_projects(self) -> list[dict[str, Any]]:
            return []

        def create_project(self, *args: Any) -> dict[str, Any]:
            raise sqlite3.OperationalError("database or disk is full")

    settings = load_settings()
    out = tmp_path / "new" / "nested" / "site"
    with pytest.raises(sqlite3.OperationalError):
        prepare_new_job(settings, FullStore(), "a bakery", name=None, out=out, provider="offline", models=[],
                        sandbox="none", deploy=None, verify=False, force=False)  # type: ignore[arg-type]
    assert not (tmp_path / "new").exists()
    release(sitegen_home, out)
    existing = tmp_path / "mine"
    existing.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        prepare_new_job(settings, FullStore(), "a bakery", name=None, out=existing, provider="offline", models=[],
                        sandbox="none", deploy=None, verify=False, force=False)  # type: ignore[arg-type]
    assert existing.is_dir()  # a folder that was there before is never removed
