"""Settings precedence: flags > environment > .env > config.toml > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config import load_settings
from sitegen.errors import SitegenError


def test_precedence(tmp_path: Path, sitegen_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (sitegen_home / "config.toml").write_text('sandbox = "docker"\nbuild_timeout = 120\nfix_attempts = 5\n'
                                              '[prices]\n"my-model" = [1.5, 2.5]\n')
    (tmp_path / ".env").write_text("SITEGEN_BUILD_TIMEOUT=90\nSITEGEN_SANDBOX=local\nUNRELATED=1\n")
    monkeypatch.setenv("SITEGEN_SANDBOX", "none")
    s = load_settings({"sandbox": None}, cwd=tmp_path)
    assert s.sandbox == "none"  # env beats .env and file
    assert s.build_timeout == 90  # .env beats file
    assert s.fix_attempts == 5  # file beats default
    assert s.price("my-model") == (1.5, 2.5) and s.price("gemini-3.5-flash")[0] > 0
    assert load_settings({"sandbox": "local"}, cwd=tmp_path).sandbox == "local"  # flag beats all


def test_models_list_and_secrets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITEGEN_MODELS", "a, b ,c")
    monkeypatch.setenv("GEMINI_API_KEY", "key-123456")
    s = load_settings(cwd=tmp_path)
    assert s.models == ["a", "b", "c"]
    assert s.secrets() == ["key-123456"]
    assert "key-123456" not in repr(s.model_dump(exclude={"gemini_api_key"}))


def test_home_is_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "f"
    bad.write_text("")
    monkeypatch.setenv("SITEGEN_HOME", str(bad))
    with pytest.raises(SitegenError) as exc:
        load_settings(cwd=tmp_path)
    assert exc.value.exit_code == 2 and "is a file" in exc.value.message
