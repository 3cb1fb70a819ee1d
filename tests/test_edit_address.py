"""`sitegen edit --url`: give a site its public address after it was made.

Alone, the edit asks no provider: an offline site is rendered again from its plan; a site a model
wrote keeps its code and gets only sitegen's own SEO files again (sitemap, robots, JSON-LD), each
only while it is still the file sitegen wrote. Through the real CLI (and the fake Gemini server for
the model's site) and over the team server's API.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from server_helpers import live_server, offline_body

from sitegen.config import Settings
from sitegen.offline.planner import plan_offline
from sitegen.offline.render_seo import model_seo_files
from sitegen.pipeline import JobContext
from sitegen.plan import SitePlan
from sitegen.stages.building import own_code
from sitegen.stages.editing import address_files
from sitegen.store import Store
from tests.conftest import run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import Scenario
from tests.test_sandbox_choice import no_sandbox_env

GEMINI_KEY = "test-gemini-key-123"
NO_BUILD = ("--sandbox", "none", "--json")
SEO = {"app/sitemap.ts", "app/robots.ts", "components/JsonLd.tsx"}


def cli_json(*args: str, cwd: Path, env: dict[str, str] | None = None, code: int = 0) -> dict:
    done = run_cli(*args, cwd=cwd, env=env, timeout=300)
    assert done.returncode == code, done.stderr[-3000:]
    return json.loads(done.stdout)


def plan_of(site: Path) -> SitePlan:
    return SitePlan.model_validate_json((site / ".sitegen" / "plan.json").read_text())


def digests(site: Path) -> dict[str, str]:
    """Every source file of the site (what a model wrote, sitegen's files), by path."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("app", "components", "lib") for p in sorted((site / folder).rglob("*")) if p.is_file()}


def test_an_offline_site_gets_its_address_with_no_provider_asked(tmp_path: Path) -> None:
    site = tmp_path / "bakery"
    cli_json("new", "bakery in Lyon called Crumb", "--out", str(site), "--provider", "offline", *NO_BUILD,
             cwd=tmp_path)
    # a key for a provider that cannot answer: `auto` would pick it, and any call would fail the edit
    dead_model = {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": "http://127.0.0.1:9"}
    edit = cli_json("edit", str(site), "--url", "https://Crumb.example/", *NO_BUILD, cwd=tmp_path, env=dead_model)
    assert edit["status"] == "done" and edit["kind"] == "edit", edit
    assert "address: https://crumb.example" in edit["result"]["changes"]
    assert edit["llm_calls"] == 0
    assert plan_of(site).url == "https://crumb.example"
    assert '"url": "https://crumb.example"' in (site / "lib" / "content.ts").read_text()
    versions = cli_json("history", str(site), "--json", cwd=tmp_path)["versions"]
    assert len(versions) == 2 and "https://crumb.example" in json.dumps(versions[0])

    again = run_cli("edit", str(site), "--url", "https://crumb.example", cwd=tmp_path)
    assert again.returncode == 2 and "already https://crumb.example" in again.stderr
    bad = run_cli("edit", str(site), "--url", "crumb.example", cwd=tmp_path)
    assert bad.returncode == 2 and "https://" in bad.stderr
    nothing = run_cli("edit", str(site), cwd=tmp_path)
    assert nothing.returncode == 2 and "--url" in nothing.stderr
    assert len(cli_json("history", str(site), "--json", cwd=tmp_path)["versions"]) == 2  # the refusals changed nothing


def test_an_instruction_and_an_address_in_one_edit(tmp_path: Path) -> None:
    site = tmp_path / "cafe"
    cli_json("new", "coffee shop landing page", "--out", str(site), "--provider", "offline", *NO_BUILD, cwd=tmp_path)
    palette = plan_of(site).palette
    edit = cli_json("edit", str(site), "make it green", "--url", "https://coppercup.example/menu", *NO_BUILD,
                    cwd=tmp_path)
    assert edit["status"] == "done"
    plan = plan_of(site)
    assert plan.url == "https://coppercup.example/menu" and plan.palette != palette
    assert edit["result"]["changes"][-1] == "address: https://coppercup.example/menu"


@pytest.fixture
def model_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A site the (fake) model wrote; its env keeps the key, so `auto` would ask the model again."""
    site = tmp_path / "roaster"
    with FakeGemini(Scenario(pages=2), api_key=GEMINI_KEY) as fake:
        env = {"GEMINI_API_KEY": GEMINI_KEY, "GOOGLE_GEMINI_BASE_URL": fake.url, "SITEGEN_MODELS": "gemini-3.8-flash"}
        made = cli_json("new", "a coffee roaster in Lisbon", "--out", str(site), "--provider", "gemini",
                        *NO_BUILD, cwd=tmp_path, env=env)
        assert made["status"] == "done" and made["llm_calls"] > 0
    env["GOOGLE_GEMINI_BASE_URL"] = "http://127.0.0.1:9"  # the fake is gone: a model call now fails
    return site, env


def test_a_models_site_keeps_its_code_and_gets_sitegens_seo_files_again(
        tmp_path: Path, model_site: tuple[Path, dict[str, str]]) -> None:
    site, env = model_site
    robots = site / "app" / "robots.ts"
    robots.write_text(robots.read_text().replace('allow: "/"', 'allow: "/", disallow: "/drafts"'))  # the owner's
    before = digests(site)
    edit = cli_json("edit", str(site), "--url", "https://lumen.example", *NO_BUILD, cwd=tmp_path, env=env)
    assert edit["status"] == "done" and edit["llm_calls"] == 0, edit
    after = digests(site)
    changed = {path for path in before if before[path] != after.get(path)}
    assert changed == {"app/sitemap.ts", "components/JsonLd.tsx"}  # the model's pages are untouched
    assert 'const SITE_URL = "https://lumen.example";' in (site / "app" / "sitemap.ts").read_text()
    assert "https://lumen.example" in (site / "components" / "JsonLd.tsx").read_text()
    assert 'disallow: "/drafts"' in robots.read_text() and "lumen.example" not in robots.read_text()
    assert any("left app/robots.ts as it is" in line for line in edit["result"]["changes"])
    assert plan_of(site).url == "https://lumen.example"
    assert edit["provider"] == "gemini"  # the project's record: still the provider that wrote it


def test_a_models_site_is_never_rebuilt_bare_for_its_address(
        tmp_path: Path, model_site: tuple[Path, dict[str, str]]) -> None:
    """Its code is still the model's: with no Docker and no bubblewrap the edit is refused up front."""
    site, env = model_site
    before = digests(site)
    done = run_cli("edit", str(site), "--url", "https://lumen.example", "--sandbox", "auto", "--json",
                   cwd=tmp_path, env={**env, **no_sandbox_env(tmp_path)})
    assert done.returncode == 1, done.stderr[-2000:]
    data = json.loads(done.stdout)
    assert data["error_kind"] == "sandbox" and "no sandbox for model-written code" in data["error"]
    assert digests(site) == before and plan_of(site).url == ""


def test_only_files_sitegen_wrote_are_rewritten(tmp_path: Path) -> None:
    old = plan_offline("a coffee roaster in Lisbon called Lumen")
    new = old.model_copy(update={"url": "https://lumen.example"})
    for path, text in model_seo_files(old).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    (tmp_path / "components" / "JsonLd.tsx").write_text("export function JsonLd() { return null; }\n")
    (tmp_path / "app" / "robots.ts").unlink()
    (tmp_path / "app" / "sitemap.ts").unlink()
    (tmp_path / "elsewhere.ts").write_text(model_seo_files(old)["app/sitemap.ts"])
    (tmp_path / "app" / "sitemap.ts").symlink_to(tmp_path / "elsewhere.ts")  # never written through
    files, kept = address_files(tmp_path, old, new)
    assert files == {} and sorted(kept) == ["app/sitemap.ts", "components/JsonLd.tsx"]  # robots.ts: gone, skipped
    (tmp_path / "app" / "sitemap.ts").unlink()
    (tmp_path / "app" / "sitemap.ts").write_text(model_seo_files(old)["app/sitemap.ts"])
    files, _ = address_files(tmp_path, old, new)
    assert set(files) == {"app/sitemap.ts"} and "https://lumen.example" in files["app/sitemap.ts"]
    assert (tmp_path / "elsewhere.ts").read_text() == model_seo_files(old)["app/sitemap.ts"]


def test_the_api_edits_the_address_alone_and_refuses_the_same_mistakes() -> None:
    with live_server() as live:
        live.add_user("alice")
        with live.client("alice") as c:
            accepted = c.post("/generate", json=offline_body()).json()
            made = live.wait("alice", accepted["job_id"])
            assert made["status"] == "done", made
            project = made["project_id"]
            for body in ({}, {"instruction": "  "}, {"url": "luz.example"}):
                bad = c.post(f"/projects/{project}/edit", json=body)
                assert bad.status_code == 422 and bad.json()["error"]["kind"] == "usage", bad.text
            edit = c.post(f"/projects/{project}/edit", json={"url": "https://Luz.example/"}).json()
            done = live.wait("alice", edit["job_id"])
            assert done["status"] == "done", done
            again = c.post(f"/projects/{project}/edit", json={"url": "https://luz.example"})
            assert again.status_code == 422 and "already" in again.json()["error"]["message"]
        assert plan_of(Path(made["result"]["path"])).url == "https://luz.example"


@pytest.mark.parametrize(("model_site", "own"), [(False, True), (True, False)])
def test_only_an_offline_sites_address_edit_counts_as_sitegens_own_code(
        tmp_path: Path, sitegen_home: Path, model_site: bool, own: bool) -> None:
    """The second guard (a team server's workers skip the up-front check): BUILDING never treats a
    model's code as sitegen's, so with no sandbox it is refused there instead of built bare."""
    store = Store(sitegen_home / "sitegen.db")
    row = store.create_project("Site", "site", tmp_path, "a site", "auto")
    options = {"url": "https://site.example", "address_only": True, "provider": "offline", "model_site": model_site}
    job_id = store.create_job(row["id"], "set the public address to https://site.example", "edit", options)
    ctx = JobContext(Settings(home=sitegen_home), store, store.get_job(job_id), row, lambda _e: None)
    assert own_code(ctx) is own
