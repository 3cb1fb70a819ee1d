"""Bad input of every kind: one-line error with a hint, exit code 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


def assert_usage_error(result, fragment: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.strip().splitlines() if ln.strip()]
    assert lines and lines[0].startswith("Error: "), result.stderr
    assert fragment.lower() in lines[0].lower(), lines[0]
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("Hint: "))


def listing(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


@pytest.mark.parametrize("prompt", ["", "   ", "\n\t"])
def test_empty_prompt(tmp_path: Path, prompt: str) -> None:
    result = run_cli("new", prompt, "--out", str(tmp_path / "site"), cwd=tmp_path)
    assert_usage_error(result, "prompt is empty")
    assert not (tmp_path / "site").exists()


def test_huge_prompt(tmp_path: Path) -> None:
    result = run_cli("new", "café " * 20_000, "--out", str(tmp_path / "site"), cwd=tmp_path)
    assert_usage_error(result, "limit")
    assert not (tmp_path / "site").exists()


def test_unknown_job_id(tmp_path: Path) -> None:
    assert_usage_error(run_cli("status", "jnothere", cwd=tmp_path), "no job or project")
    assert_usage_error(run_cli("resume", "jnothere", cwd=tmp_path), "no job")


def test_unknown_job_id_json(tmp_path: Path) -> None:
    result = run_cli("status", "jnothere", "--json", cwd=tmp_path)
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["status"] == "error" and data["error_kind"] == "not_found"


def test_unwritable_out(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run_cli("new", "coffee shop", "--out", str(blocker / "site"), cwd=tmp_path)
    assert_usage_error(result, "cannot write")
    result = run_cli("new", "coffee shop", "--out", str(blocker), cwd=tmp_path)
    assert_usage_error(result, "is a file")
    assert blocker.read_text() == "x"


def test_non_empty_out_is_refused_without_force(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = run_cli("new", "coffee shop", "--out", str(out), cwd=tmp_path)
    assert_usage_error(result, "not empty")
    assert listing(out) == ["keep.txt"]


def test_sitegen_home_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home-file"
    home.write_text("")
    result = run_cli("new", "coffee shop", "--out", str(tmp_path / "s"), cwd=tmp_path,
                     env={"SITEGEN_HOME": str(home)})
    assert_usage_error(result, "SITEGEN_HOME")
    assert not (tmp_path / "s").exists()
    assert_usage_error(run_cli("status", cwd=tmp_path, env={"SITEGEN_HOME": str(home)}), "SITEGEN_HOME")


def test_corrupt_config(tmp_path: Path, sitegen_home: Path) -> None:
    (sitegen_home / "config.toml").write_text("provider = [unclosed\n")
    result = run_cli("new", "coffee shop", "--out", str(tmp_path / "s"), cwd=tmp_path)
    assert_usage_error(result, "not valid TOML")
    assert not (tmp_path / "s").exists()


def test_bad_value_in_config(tmp_path: Path, sitegen_home: Path) -> None:
    (sitegen_home / "config.toml").write_text('build_timeout = "soon"\n')
    assert_usage_error(run_cli("status", cwd=tmp_path), "build_timeout")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--provider", "nope"], "unknown provider"),
        (["--sandbox", "vm"], "unknown sandbox"),
        (["--deploy", "ftp"], "unknown deploy target"),
    ],
)
def test_bad_flags(tmp_path: Path, args: list[str], fragment: str) -> None:
    result = run_cli("new", "coffee shop", "--out", str(tmp_path / "s"), *args, cwd=tmp_path)
    assert_usage_error(result, fragment)
    assert not (tmp_path / "s").exists()


def test_unknown_option_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("new", "coffee shop", "--bogus", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_empty_store_lists(tmp_path: Path) -> None:
    result = run_cli("status", "--json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == {"jobs": []}
    result = run_cli("projects", "--json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == {"projects": []}


def test_help_and_version(tmp_path: Path) -> None:
    assert run_cli("--help", cwd=tmp_path).returncode == 0
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("sitegen ")


def test_help_imports_nothing_heavy() -> None:
    """`sitegen --help` starts fast because heavy modules are imported only by the commands that need them."""
    import subprocess
    import sys

    code = ("import sys, sitegen.cli; heavy = ['pydantic', 'docker', 'google.genai', 'playwright', 'supabase',"
            " 'httpx', 'sqlite3', 'sitegen.config']; print(','.join(m for m in heavy if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


@pytest.mark.parametrize("provider, fragment", [("gemini", "GEMINI_API_KEY"), ("openai", "OPENAI_API_KEY")])
def test_provider_without_key_is_bad_usage(tmp_path: Path, provider: str, fragment: str) -> None:
    result = run_cli("new", "coffee shop", "--provider", provider, "--out", str(tmp_path / "s"), cwd=tmp_path)
    assert_usage_error(result, fragment)
    assert not (tmp_path / "s").exists()
    assert json.loads(run_cli("status", "--json", cwd=tmp_path).stdout) == {"jobs": []}


def test_deploy_of_an_unbuilt_project_is_bad_usage(tmp_path: Path) -> None:
    made = run_cli("new", "bakery in Lyon", "--out", str(tmp_path / "s"), "--sandbox", "none", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    result = run_cli("deploy", str(tmp_path / "s"), "--target", "static", cwd=tmp_path)
    assert_usage_error(result, "no built site")
    jobs = json.loads(run_cli("status", "--json", cwd=tmp_path).stdout)["jobs"]
    assert [j["kind"] for j in jobs] == ["new"]  # no deploy job was recorded


def test_deploy_target_without_token_is_bad_usage(tmp_path: Path) -> None:
    result = run_cli("new", "coffee shop", "--deploy", "vercel", "--out", str(tmp_path / "s"), cwd=tmp_path)
    assert_usage_error(result, "VERCEL_TOKEN")
    assert not (tmp_path / "s").exists()
    result = run_cli("new", "coffee shop", "--deploy", "netlify", "--out", str(tmp_path / "s"), cwd=tmp_path,
                     env={"NETLIFY_AUTH_TOKEN": "tok-123456"})
    assert_usage_error(result, "NETLIFY_SITE_ID")
