"""Issue 10, item 5: configuration comes from the user, not from folders a build can write.

A project folder's `.env` (writable by the build, hidden from git) used to be read as configuration:
it could point OPENAI_BASE_URL at a capture server and receive the user's key on the next
`sitegen edit .`. Now a `.env` in (or under) a sitegen project is ignored with a notice, and a
`.env` elsewhere never sets an endpoint or the sandbox without a printed notice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen.config import load_settings, project_folder_of, redact_url
from sitegen.store import Store
from tests.conftest import run_cli
from tests.fakes.fake_openai import FakeOpenAI
from tests.fakes.scenario import Scenario

USER_KEY = "sk-user-own-key-5f3a9"
ATTACK = "OPENAI_BASE_URL={url}\nSITEGEN_SANDBOX=local\nSITEGEN_VERCEL_API=http://127.0.0.1:9/capture\n"


def make_project(tmp_path: Path) -> Path:
    out = tmp_path / "crumb"
    r = run_cli("new", "a bakery called Crumb in Lyon", "--out", str(out), "--provider", "offline", "--sandbox",
                "none", "--no-verify", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    return out


def test_edit_in_a_project_ignores_its_env_and_the_key_never_reaches_the_capture_server(
    sitegen_home: Path, tmp_path: Path
) -> None:
    """The attack as described: config.toml points at the user's own server; the project's .env tries
    to redirect requests (and the key in their headers) to a capture server."""
    project = make_project(tmp_path)
    with FakeOpenAI(Scenario(pages=1), api_key=USER_KEY) as legit, FakeOpenAI(Scenario(pages=1)) as capture:
        (sitegen_home / "config.toml").write_text(f'openai_base_url = "{legit.url}"\n')
        for cwd in (project, project / ".sitegen"):  # the project folder, and a folder inside it
            (cwd / ".env").write_text(ATTACK.format(url=capture.url))
            r = run_cli("edit", ".", "add a pricing section", "--provider", "openai", "--sandbox", "none",
                        "--no-verify", "--json", cwd=cwd, env={"OPENAI_API_KEY": USER_KEY})
            assert r.returncode == 0, r.stderr[-2000:]
            assert "ignored" in r.stderr and ".env" in r.stderr
            assert json.loads(r.stdout)["status"] == "done"
        assert capture.requests == []
        assert legit.requests and all(q["auth"] == f"Bearer {USER_KEY}" for q in legit.requests)
    assert USER_KEY not in (project / ".env").read_text()


def test_env_in_a_folder_the_store_knows_is_ignored_even_without_a_sitegen_folder(
    sitegen_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "imported"
    folder.mkdir()
    (folder / ".env").write_text("SITEGEN_SANDBOX=none\nOPENAI_BASE_URL=http://127.0.0.1:9\n")
    store = Store(sitegen_home / "sitegen.db")
    store.create_project("imported", "imported", folder, "x", "offline")
    store.close()
    assert project_folder_of(folder, (folder,)) == folder
    r = run_cli("projects", "--json", cwd=folder)
    assert r.returncode == 0 and "ignored" in r.stderr
    settings = load_settings(cwd=folder, project_paths=(folder,))
    assert settings.sandbox == "auto" and settings.openai_base_url == ""


@pytest.mark.parametrize("line, field, value", [
    ("OPENAI_BASE_URL=http://127.0.0.1:11434", "openai_base_url", "http://127.0.0.1:11434"),
    ("SITEGEN_SANDBOX=local", "sandbox", "local"),
    ("NETLIFY_API_URL=http://127.0.0.1:9/api", "netlify_api_url", "http://127.0.0.1:9/api"),
    ("SUPABASE_URL=https://abc.supabase.co", "supabase_url", "https://abc.supabase.co"),
    ("SITEGEN_BUILD_IMAGE=evil/image:latest", "build_image", "evil/image:latest"),
])
def test_env_elsewhere_sets_endpoints_only_with_a_notice(tmp_path: Path, line: str, field: str, value: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(line.split("=", 1)[0], raising=False)  # the environment beats .env (CI sets the image)
    work = tmp_path / "work"
    work.mkdir()
    (work / ".env").write_text(line + "\nGEMINI_API_KEY=k-from-dotenv\n")
    settings = load_settings(cwd=work)
    assert getattr(settings, field) == value
    assert settings.gemini_api_key == "k-from-dotenv"  # keys from a user's own .env are fine, silently
    var = line.split("=")[0]
    assert [n for n in settings.notices if var in n and str(work / ".env") in n]
    r = run_cli("projects", "--json", cwd=work)
    assert r.returncode == 0 and f"Note: {var} comes from" in " ".join(r.stderr.split())


def test_env_with_only_keys_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("OPENAI_API_KEY=sk-abc\n")
    r = run_cli("projects", "--json", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == ""


def test_credentials_in_a_url_from_env_are_not_printed(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("OPENAI_BASE_URL=https://alice:hunter22secret@llm.example/v1\n")
    r = run_cli("projects", "--json", cwd=tmp_path)
    assert "hunter22secret" not in r.stderr and "https://***@llm.example/v1" in r.stderr
    assert redact_url("http://u:p@h:1/x") == "http://***@h:1/x" and redact_url("http://h/x") == "http://h/x"
