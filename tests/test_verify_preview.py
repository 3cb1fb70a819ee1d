"""The static server behind VERIFYING and `sitegen preview`, and verify errors that need no browser."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitegen.errors import ErrorKind, SitegenError
from sitegen.verify.browser import find_chromium, routes_from_out, verify_site
from sitegen.verify.preview import make_server, resolve_path, serve
from sitegen.verify.report import FixItem, PageReport, VerifyReport, guess_page_file, route_name


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    (root / "menu").mkdir(parents=True)
    (root / "_next" / "static").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "menu" / "index.html").write_text("<h1>menu</h1>", encoding="utf-8")
    (root / "legacy.html").write_text("<h1>legacy</h1>", encoding="utf-8")
    (root / "404.html").write_text("<h1>custom 404</h1>", encoding="utf-8")
    (root / "_next" / "static" / "app.js").write_text("console.log(1)", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("nope", encoding="utf-8")
    return root


def test_resolve_path_maps_trailing_slash_exports(out: Path) -> None:
    assert resolve_path(out, "/") == (out / "index.html", None)
    assert resolve_path(out, "/menu/") == (out / "menu" / "index.html", None)
    assert resolve_path(out, "/menu/?x=1") == (out / "menu" / "index.html", None)
    assert resolve_path(out, "/menu") == (None, "/menu/")
    assert resolve_path(out, "/legacy") == (out / "legacy.html", None)
    assert resolve_path(out, "/legacy/") == (out / "legacy.html", None)
    assert resolve_path(out, "/_next/static/app.js") == (out / "_next" / "static" / "app.js", None)
    assert resolve_path(out, "/nope/") == (None, None)
    assert resolve_path(out, "/../secret.txt") == (None, None)
    assert resolve_path(out, "/%2e%2e/secret.txt") == (None, None)


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.geturl(), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, url, exc.read().decode()


def test_server_serves_pages_redirects_and_404(out: Path) -> None:
    with serve(out) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0
        assert _get(server.url) == (200, server.url, "<h1>home</h1>")
        status, final, body = _get(server.url_for("/menu"))
        assert (status, final, body) == (200, server.url_for("/menu/"), "<h1>menu</h1>")
        assert _get(server.url_for("/missing/"))[::2] == (404, "<h1>custom 404</h1>")
        assert _get(server.url_for("/_next/static/"))[0] == 404  # no directory listings
    with pytest.raises(OSError):
        urllib.request.urlopen(server.url, timeout=2)


def test_server_needs_a_built_site(tmp_path: Path) -> None:
    with pytest.raises(SitegenError) as info:
        make_server(tmp_path)
    assert info.value.kind == ErrorKind.NOT_FOUND


def test_busy_port_is_a_usage_error(out: Path) -> None:
    with serve(out) as server, pytest.raises(SitegenError) as info:
        make_server(out, port=server.port)
    assert info.value.kind == ErrorKind.USAGE and "--port" in info.value.hint


def test_routes_from_out(out: Path) -> None:
    assert routes_from_out(out) == ["/", "/menu/"]


def test_route_names_and_page_file_guesses(tmp_path: Path) -> None:
    assert [route_name(r) for r in ("/", "/menu/", "/a/b/", "/we ird/")] == ["home", "menu", "a-b", "we-ird"]
    assert guess_page_file(tmp_path, "/menu/") == "app/menu/page.tsx"
    (tmp_path / "src/app/menu").mkdir(parents=True)
    (tmp_path / "src/app/menu/page.tsx").write_text("x", encoding="utf-8")
    assert guess_page_file(tmp_path, "/menu/") == "src/app/menu/page.tsx"


def test_report_without_pages_is_ok_and_serialises() -> None:
    report = VerifyReport(pages=[PageReport(route="/", url="http://x/", status=200)])
    assert report.ok and report.as_fix_errors() == []
    assert report.to_dict()["counts"]["pages"] == 1
    bad = VerifyReport(pages=[PageReport(route="/", url="http://x/", status=404)])
    assert not bad.ok
    assert [i.source for i in bad.as_fix_errors()] == ["http"]
    assert isinstance(bad.as_fix_errors()[0], FixItem)


def test_missing_chromium_is_a_verify_error(out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEGEN_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(SitegenError) as info:
        verify_site(out, ["/"], tmp_path / "shots", None)
    assert info.value.kind == ErrorKind.VERIFY
    assert "chromium" in info.value.hint.lower() and "SITEGEN_VERIFY=0" in info.value.hint


def test_no_chromium_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITEGEN_CHROMIUM", raising=False)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(Path, "is_file", lambda self: False)
    with pytest.raises(SitegenError) as info:
        find_chromium()
    assert info.value.kind == ErrorKind.VERIFY and info.value.exit_code == 1
