"""Issue 10, items 4 and 7: no host write follows a link; preview and deploys never serve or copy one.

Everything in a project folder may have been planted by code a build ran. These tests plant links
the way such code would (to a shell start-up file, to /etc/passwd, to a folder outside the project)
and show that sitegen's own writes, its preview/verify server and its deploy copies never follow them.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from sitegen import hostio
from sitegen.deployers.targets import sync_tree
from sitegen.errors import SitegenError
from sitegen.safepaths import safe_write
from sitegen.stages.common import copy_template, save_json
from sitegen.stages.editing import remove_stale
from sitegen.store import Store
from sitegen.verify.preview import make_server, serve
from tests.conftest import run_cli

BASHRC = "# the user's shell start-up file\nexport PATH=$HOME/bin:$PATH\n"


def victim(tmp_path: Path) -> Path:
    """A file outside the project that an attacker would like sitegen to write to."""
    home = tmp_path / "victim-home"
    home.mkdir(exist_ok=True)
    rc = home / ".bashrc"
    rc.write_text(BASHRC)
    return rc


def secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "docs").mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text("TOP-SECRET-KEY=sk-live-123")
    (outside / "docs" / "index.html").write_text("<h1>TOP-SECRET folder</h1>")
    return outside


# ------------------------------------------------------------------------------ host writes
def test_write_file_refuses_links_on_the_way_and_at_the_target(tmp_path: Path) -> None:
    rc = victim(tmp_path)
    project = tmp_path / "site"
    (project / ".sitegen").mkdir(parents=True)
    (project / "app").mkdir()
    (project / "app" / "page.tsx").symlink_to(rc)
    (project / "components").symlink_to(rc.parent)  # a folder link out of the project
    os.mkfifo(project / "app" / "layout.tsx")  # a special file: a read would block forever
    for rel in ("app/page.tsx", "components/.bashrc", "components/x/new.tsx", "app/layout.tsx"):
        with pytest.raises(hostio.UnsafePath):
            hostio.write_file(project, rel, b"echo pwned\n")
    with pytest.raises(hostio.UnsafePath):
        hostio.write_file(project, "app/page.tsx", b"echo pwned\n", append=True)
    assert rc.read_text() == BASHRC
    assert sorted(p.name for p in rc.parent.iterdir()) == [".bashrc"]


@pytest.mark.parametrize("rel", ["app/page.tsx", "components/Hero.tsx", "app/menu/page.tsx"])
def test_safe_write_of_model_files_never_follows_a_planted_link(tmp_path: Path, rel: str) -> None:
    rc = victim(tmp_path)
    project = tmp_path / "site"
    (project / "app").mkdir(parents=True)
    (project / "components").mkdir()
    (project / "app" / "page.tsx").symlink_to(rc)
    (project / "components" / "Hero.tsx").symlink_to(rc)
    (project / "app" / "menu").symlink_to(rc.parent)
    with pytest.raises(SitegenError):
        safe_write(project, {rel: "export default function P() { return null }"})
    assert rc.read_text() == BASHRC


def test_meta_files_replace_a_link_and_refuse_a_linked_folder(tmp_path: Path) -> None:
    rc = victim(tmp_path)
    project = tmp_path / "site"
    (project / ".sitegen").mkdir(parents=True)
    (project / ".sitegen" / "plan.json").symlink_to(rc)
    save_json(project / ".sitegen" / "plan.json", {"name": "Crumb"})
    assert rc.read_text() == BASHRC
    assert not (project / ".sitegen" / "plan.json").is_symlink()
    assert json.loads((project / ".sitegen" / "plan.json").read_text()) == {"name": "Crumb"}
    # the whole .sitegen folder swapped for a link: refused, nothing written there
    other = tmp_path / "other"
    other.mkdir()
    (other / ".sitegen").symlink_to(rc.parent)
    with pytest.raises(SitegenError):
        save_json(other / ".sitegen" / "verify.json", {"ok": True})
    assert sorted(p.name for p in rc.parent.iterdir()) == [".bashrc"]


def test_template_copy_replaces_links_instead_of_following_them(tmp_path: Path) -> None:
    rc = victim(tmp_path)
    project = tmp_path / "site"
    project.mkdir()
    for name in ("package.json", "tsconfig.json", ".gitignore"):
        (project / name).symlink_to(rc)
    copy_template(project)
    assert rc.read_text() == BASHRC
    for name in ("package.json", "tsconfig.json", ".gitignore"):
        assert not (project / name).is_symlink() and (project / name).is_file()
    assert json.loads((project / "package.json").read_text())["dependencies"]["next"]


def test_new_with_force_over_a_project_with_a_symlinked_package_json(sitegen_home: Path, tmp_path: Path) -> None:
    """The attack of item 4 end to end: a build left package.json -> ~/.bashrc in the project; the
    user re-runs `sitegen new --force` into it."""
    rc = victim(tmp_path)
    project = tmp_path / "crumb"
    (project / ".sitegen").mkdir(parents=True)
    (project / "package.json").symlink_to(rc)
    (project / ".sitegen" / "plan.json").symlink_to(rc)
    r = run_cli("new", "a bakery called Crumb in Lyon", "--out", str(project), "--force", "--sandbox", "none",
                "--no-verify", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert rc.read_text() == BASHRC
    assert not (project / "package.json").is_symlink()
    assert json.loads((project / ".sitegen" / "plan.json").read_text())["name"]


def test_removing_stale_files_removes_the_link_not_its_target(tmp_path: Path) -> None:
    rc = victim(tmp_path)
    project = tmp_path / "site"
    (project / "app" / "old").mkdir(parents=True)
    (project / "app" / "old" / "page.tsx").symlink_to(rc)
    (project / "components").symlink_to(rc.parent)
    removed = remove_stale(project, {"app/old/page.tsx", "components/.bashrc"})
    assert removed == ["app/old/page.tsx"]
    assert rc.read_text() == BASHRC
    assert not (project / "app" / "old").exists()


# ------------------------------------------------------------------------------ preview / verify server
def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - 127.0.0.1 only
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def hostile_out(tmp_path: Path) -> Path:
    outside = secret_outside(tmp_path)
    out = tmp_path / "site" / "out"
    (out / "menu").mkdir(parents=True)
    (out / "index.html").write_text("<h1>Crumb</h1>")
    (out / "menu" / "index.html").write_text("<h1>Menu</h1>")
    (out / "passwd").symlink_to("/etc/passwd")
    (out / "about.html").symlink_to(outside / "secret.txt")  # reached through the .html fallback
    (out / "docs").symlink_to(outside / "docs")  # a folder link: its index.html
    (out / "team").mkdir()
    (out / "team" / "index.html").symlink_to(outside / "secret.txt")  # a folder's index.html as a link
    (out / "_next").symlink_to(outside)  # a whole asset folder
    return out


@pytest.mark.parametrize("url", ["passwd", "about", "about.html", "docs/", "docs", "docs/index.html", "team/",
                                 "team", "_next/secret.txt", "%2e%2e/%2e%2e/outside/secret.txt"])
def test_preview_never_serves_a_link(tmp_path: Path, url: str) -> None:
    out = hostile_out(tmp_path)
    with serve(out) as server:
        status, body = fetch(server.url + url)
        ok_status, ok_body = fetch(server.url + "menu/")
    assert status in (301, 404), (url, status)
    assert b"TOP-SECRET" not in body and b"root:" not in body
    assert ok_status == 200 and b"Menu" in ok_body


def test_preview_refuses_an_out_folder_that_is_a_link(tmp_path: Path) -> None:
    outside = secret_outside(tmp_path)
    (outside / "index.html").write_text("<h1>not the site</h1>")
    project = tmp_path / "site"
    project.mkdir()
    (project / "out").symlink_to(outside)
    with pytest.raises(SitegenError):
        make_server(project / "out")


# ------------------------------------------------------------------------------ deploy copies
def built(home: Path, tmp_path: Path) -> dict[str, Any]:
    out = hostile_out(tmp_path)
    store = Store(home / "sitegen.db")
    project = store.create_project("crumb", "crumb", out.parent, "a bakery", "offline")
    store.close()
    return project


def test_static_deploy_copies_no_link_targets(sitegen_home: Path, tmp_path: Path) -> None:
    project = built(sitegen_home, tmp_path)
    dest = tmp_path / "public"
    r = run_cli("deploy", project["id"], "--target", "static", "--dir", str(dest), "--json", timeout=120)
    assert r.returncode == 0, r.stderr
    names = sorted(str(p.relative_to(dest)) for p in dest.rglob("*"))
    assert names == [".sitegen-static-deploy", "index.html", "menu", "menu/index.html", "team"]
    assert not any(p.is_symlink() for p in dest.rglob("*"))
    for p in dest.rglob("*"):
        if p.is_file():
            assert "TOP-SECRET" not in p.read_text() and "root:" not in p.read_text()
    assert "skipped" in json.loads(r.stdout)["log_tail"]


def test_default_static_folder_that_is_a_link_is_refused(sitegen_home: Path, tmp_path: Path) -> None:
    project = built(sitegen_home, tmp_path)
    rc = victim(tmp_path)
    (Path(project["path"]) / ".sitegen").mkdir()
    (Path(project["path"]) / ".sitegen" / "static-deploy").symlink_to(rc.parent)
    r = run_cli("deploy", project["id"], "--target", "static", "--json", timeout=120)
    assert r.returncode == 1
    assert "refusing" in json.loads(r.stdout)["error"]
    assert sorted(p.name for p in rc.parent.iterdir()) == [".bashrc"] and rc.read_text() == BASHRC


def test_vercel_staging_copy_skips_links(tmp_path: Path) -> None:
    out = hostile_out(tmp_path)
    stage = tmp_path / "stage" / "crumb"
    (stage / ".vercel").mkdir(parents=True)
    (stage / ".vercel" / "project.json").write_text("{}")
    (stage / "stale.html").write_text("old")
    lines: list[str] = []
    count = sync_tree(out, stage, keep=(".vercel",), on_log=lines.append)
    assert count == 2
    assert (stage / ".vercel" / "project.json").exists() and not (stage / "stale.html").exists()
    assert not (stage / "passwd").exists() and not (stage / "docs").exists() and not (stage / "about.html").exists()
    assert any("skipped" in line for line in lines)


def test_cloudflare_and_netlify_upload_a_copy_without_links(sitegen_home: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLIs would upload what a link in out/ points at; they get a link-free copy instead. Stand-in
    CLIs record the folder they were handed (the real ones are in tests/test_deploy.py)."""
    import stat
    import sys

    from sitegen.config import load_settings
    from sitegen.deploy import deploy

    project = built(sitegen_home, tmp_path)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    record = tmp_path / "record.json"
    for name, arg in (("wrangler", "sys.argv[3]"), ("netlify", "sys.argv[sys.argv.index('--dir') + 1]")):
        script = bindir / name
        script.write_text(
            f"#!{sys.executable}\nimport json, os, sys\nfolder = {arg}\n"
            f"files = sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs)\n"
            f"links = [f for f in files if os.path.islink(os.path.join(folder, f))]\n"
            f"json.dump({{'files': files, 'links': links}}, open({str(record)!r}, 'w'))\n"
            "print('https://1a2b3c4d.crumb.pages.dev')\n"
            "print(json.dumps({'deploy_id': 'd1', 'deploy_url': 'https://d1--crumb.netlify.app'}))\n")
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "cf-token-123456")
    monkeypatch.setenv("NETLIFY_AUTH_TOKEN", "nf-token-123456")
    monkeypatch.setenv("NETLIFY_SITE_ID", "site-1")
    settings = load_settings()
    for target in ("cloudflare", "netlify"):
        lines: list[str] = []
        deploy(Path(project["path"]), target, settings, prod=False, on_log=lines.append, timeout=60)
        seen = json.loads(record.read_text())
        assert seen["links"] == [] and sorted(seen["files"]) == ["index.html", "menu/index.html"]
        assert any("skipped" in line for line in lines)


def test_edit_and_undo_never_write_through_a_link_planted_in_the_project(sitegen_home: Path, tmp_path: Path) -> None:
    """A build left app/page.tsx -> ~/.bashrc and components/ -> a folder outside; the user runs a
    plan-mode edit, then undo. The files outside are never written."""
    rc = victim(tmp_path)
    project = tmp_path / "crumb"
    r = run_cli("new", "a bakery called Crumb in Lyon", "--out", str(project), "--sandbox", "none", "--no-verify",
                "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    page = project / "app" / "page.tsx"
    page.unlink()
    page.symlink_to(rc)
    r = run_cli("edit", str(project), "make it green", "--sandbox", "none", "--no-verify", "--json", cwd=tmp_path)
    assert r.returncode == 1 and "symlink" in json.loads(r.stdout)["error"]
    assert rc.read_text() == BASHRC
    r = run_cli("undo", str(project), "--sandbox", "none", "--no-verify", "--json", cwd=tmp_path)
    assert rc.read_text() == BASHRC
    # undo brings back the version before: it may hold the link (committed as one); git writes the link
    # itself, never through it, and CHECKING then refuses to build it
    data = json.loads(r.stdout)
    assert data["status"] == "done" or "symbolic link" in data["error"], data
    assert rc.read_text() == BASHRC
    assert sorted(p.name for p in rc.parent.iterdir()) == [".bashrc"]


def test_meta_reads_refuse_links_and_fifos(tmp_path: Path) -> None:
    """A FIFO a build left at .sitegen/plan.json would hang `sitegen edit` forever; a link would read
    any file of yours as a plan. Both are refused at once."""
    meta = tmp_path / "site" / ".sitegen"
    meta.mkdir(parents=True)
    os.mkfifo(meta / "plan.json")
    (meta / "edit.json").symlink_to("/etc/hostname")
    for name in ("plan.json", "edit.json"):
        with pytest.raises(hostio.UnsafePath):
            hostio.read_meta(meta / name)
    (meta / "files.json").write_text('["app/page.tsx"]')
    assert json.loads(hostio.read_meta(meta / "files.json")) == ["app/page.tsx"]
