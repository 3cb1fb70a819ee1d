"""`sitegen edit`, `history`, `undo` end to end on the offline provider, through the real CLI.

The fast tests use `--sandbox none` (no build). The full one builds with the local Node, checks
every page in Chromium, edits, and undoes: the change is visible in the built HTML, history lists
both versions, and undo brings back the previous files and build.
"""

from __future__ import annotations

import html
import json
import subprocess
from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.verify.browser import find_chromium
from tests.conftest import has_node, need, run_cli


def has_chromium() -> bool:
    try:
        find_chromium()
    except SitegenError:
        return False
    return True


def cli_json(*args: str, cwd: Path, code: int = 0) -> dict:
    result = run_cli(*args, "--json", cwd=cwd)
    assert result.returncode == code, result.stderr[-3000:]
    return json.loads(result.stdout)  # exactly one JSON object on stdout


def text(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def git_files(project: Path) -> list[str]:
    done = subprocess.run(["git", "ls-files"], cwd=project, capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_edit_history_undo_without_a_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    new = cli_json(
        "new",
        "bakery in Lyon called Crumb",
        "--out",
        str(site),
        "--provider",
        "offline",
        "--sandbox",
        "none",
        cwd=tmp_path,
    )
    assert new["status"] == "done" and new["result"]["version"]
    content_before = (site / "lib" / "content.ts").read_text(encoding="utf-8")
    files_before = git_files(site)

    edit = cli_json(
        "edit", str(site), "rename to Night Owl Bakery and add a faq section", "--sandbox", "none", cwd=tmp_path
    )
    assert edit["status"] == "done" and edit["kind"] == "edit"
    assert [s["stage"] for s in edit["stages"]] == ["PLANNING", "GENERATING", "CHECKING"]
    assert any("Night Owl Bakery" in c for c in edit["result"]["changes"])
    assert any("faq" in c for c in edit["result"]["changes"])
    assert "Night Owl Bakery" in (site / "lib" / "content.ts").read_text(encoding="utf-8")
    assert "components/Faq.tsx" in git_files(site)
    assert (site / "components" / "Faq.tsx").is_file()

    hist = cli_json("history", str(site), cwd=tmp_path)
    messages = [v["message"] for v in hist["versions"]]
    assert messages == [
        "Edit: rename to Night Owl Bakery and add a faq section",
        "Generate: bakery in Lyon called Crumb",
    ]
    assert hist["versions"][0]["sha"] == edit["result"]["version"]

    undo = cli_json("undo", str(site), "--sandbox", "none", cwd=tmp_path)
    assert undo["status"] == "done" and undo["undo"]["restores"] == hist["versions"][1]["sha"]
    assert (site / "lib" / "content.ts").read_text(encoding="utf-8") == content_before
    assert git_files(site) == files_before
    assert all((site / f).is_file() for f in files_before)
    plan = json.loads((site / ".sitegen" / "plan.json").read_text(encoding="utf-8"))
    assert plan["name"] == "Crumb"  # the plan came back too, so the next edit starts from it
    after = cli_json("history", str(site), cwd=tmp_path)["versions"]
    assert len(after) == 3 and after[0]["message"].startswith("Undo: ")  # nothing was lost


def test_edit_the_offline_provider_cannot_do_is_exit_2(tmp_path: Path) -> None:
    site = tmp_path / "site"
    cli_json("new", "yoga studio", "--out", str(site), "--provider", "offline", "--sandbox", "none", cwd=tmp_path)
    data = cli_json("edit", str(site), "translate everything into Japanese", "--sandbox", "none", cwd=tmp_path, code=2)
    assert data["status"] == "error" and data["error_kind"] == "usage"
    assert "Offline edits can" in data["hint"] and "model provider" in data["hint"]
    assert len(cli_json("history", str(site), cwd=tmp_path)["versions"]) == 1
    jobs = cli_json("status", cwd=tmp_path)["jobs"]
    assert [j["kind"] for j in jobs] == ["new"]  # no edit job was started


def test_bad_edit_usage(tmp_path: Path) -> None:
    empty = run_cli("edit", str(tmp_path), "   ", cwd=tmp_path)
    assert empty.returncode == 2 and "empty" in empty.stderr
    nothing = run_cli("edit", "no-such-project", "make it green", cwd=tmp_path)
    assert nothing.returncode == 2
    no_undo = run_cli("undo", "no-such-project", cwd=tmp_path)
    assert no_undo.returncode == 2


@pytest.mark.e2e
@pytest.mark.chromium
def test_edit_rebuilds_verifies_and_undo_restores_build(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    need(has_chromium(), "chromium is not installed")
    site = tmp_path / "site"
    new = cli_json(
        "new",
        "coffee shop in Porto called Bean There",
        "--out",
        str(site),
        "--provider",
        "offline",
        "--sandbox",
        "local",
        cwd=tmp_path,
    )
    assert [s["stage"] for s in new["stages"]][-1] == "VERIFYING"
    assert new["result"]["verify"]["ok"] is True
    shots = [Path(p) for p in new["result"]["screenshots"]]
    assert {p.name for p in shots} >= {"home-desktop.png", "home-phone.png"} and all(p.is_file() for p in shots)
    assert all(p.parent == site / ".sitegen" / "screenshots" for p in shots)
    index = site / "out" / "index.html"
    before_html = text(index)
    assert "Bean There" in before_html and "Subscriptions and catering" not in before_html

    edit = cli_json(
        "edit", str(site), "make the hero darker and add a pricing section", "--sandbox", "local", cwd=tmp_path
    )
    assert edit["status"] == "done", edit
    assert [s["stage"] for s in edit["stages"]] == ["PLANNING", "GENERATING", "CHECKING", "BUILDING", "VERIFYING"]
    edited_html = text(index)
    assert "Subscriptions and catering" in edited_html  # the new section is in the built page
    assert edit["result"]["verify"]["ok"] is True and edit["result"]["screenshots"]

    versions = cli_json("history", str(site), cwd=tmp_path)["versions"]
    assert [v["message"].split(":")[0] for v in versions] == ["Edit", "Generate"]

    undo = cli_json("undo", str(site), "--sandbox", "local", cwd=tmp_path)
    assert undo["status"] == "done" and undo["undo"]["build_restored"] is True
    assert [s["stage"] for s in undo["stages"]] == ["VERIFYING"]  # the saved build came back: no rebuild
    assert text(index) == before_html
    assert len(cli_json("history", str(site), cwd=tmp_path)["versions"]) == 3
