"""The web page's server side over real HTTP (uvicorn, httpx): /app and its assets, /app/config.json,
the /sites/ cookie, /sites/{project}/ (owner only, no links followed, URLs kept under the prefix) and
POST /projects/{id}/undo (jobs run for real: offline provider, no build)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest
from server_helpers import live_server, offline_body

from sitegen.server.web import COOKIE, cookie_owner, rewrite, sign


@pytest.fixture
def served():
    with live_server(workers=2) as live:
        live.add_user("alice")
        live.add_user("bob")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body()).json()
        assert live.wait("alice", job["job_id"])["status"] == "done"
        yield live, job


def built(live, project_id: str) -> Path:
    """A small export in the project's out/, like `next build` leaves (plus planted links)."""
    folder = Path(live.store.get_project(project_id)["path"])
    out = folder / "out"
    (out / "_next" / "static" / "css").mkdir(parents=True, exist_ok=True)
    (out / "menu").mkdir(exist_ok=True)
    (out / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="/_next/static/css/a.css"></head><body>'
        '<a href="/menu/">Menu</a><a href="//cdn.example/x">cdn</a><a href="https://example.com/">ext</a>'
        '<script>self.__next_f.push([1,"\\"/_next/static/chunks/x.js\\""])</script>Luz home</body></html>')
    (out / "menu" / "index.html").write_text("<html><body>Luz menu</body></html>")
    (out / "_next" / "static" / "css" / "a.css").write_text("body{background:url(/_next/static/media/bg.png)}")
    (out / "secret.html").symlink_to("/etc/passwd")
    (out / "linked").symlink_to(folder, target_is_directory=True)
    return out


def test_the_page_and_its_assets_are_served_with_a_strict_policy(served) -> None:
    live, _job = served
    with httpx.Client(base_url=live.url) as anon:  # the page itself needs no token: it asks for one
        assert anon.get("/app", follow_redirects=False).headers["location"] == "/app/"
        page = anon.get("/app/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "connect-src 'self'" in csp
        assert '<script type="module" src="/app/app.js">' in page.text and "http" not in page.text.split("<body")[0]
        for name, kind in (("app.js", "text/javascript"), ("lib.js", "text/javascript"), ("app.css", "text/css"),
                           ("favicon.svg", "image/svg+xml")):
            r = anon.get(f"/app/{name}")
            assert r.status_code == 200 and r.headers["content-type"].startswith(kind), name
        js = anon.get("/app/app.js").text + anon.get("/app/lib.js").text
        assert "sessionStorage" in js and "localStorage" not in js and "https://" not in js  # no CDN
        for bad in ("/app/nope.js", "/app/..%2fapp.py", "/app/web.py"):
            assert anon.get(bad).status_code == 404, bad
        config = anon.get("/app/config.json").json()
        assert config["auth"] == "tokens" and config["supabase"] is None
        assert "offline" in config["providers"] and "static" in config["targets"] and "local" in config["sandboxes"]
        assert "/app/" not in anon.get("/openapi.json").json()["paths"]  # the page is not part of the API


def test_config_names_supabase_for_the_browser_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPABASE_URL", "https://abc.supabase.co/")
    monkeypatch.setenv("SUPABASE_ANON_KEY", "anon-public-key")
    monkeypatch.setenv("SUPABASE_JWT_SECRET", "s" * 40)
    with live_server(workers=1) as live, httpx.Client(base_url=live.url) as anon:
        config = anon.get("/app/config.json").json()
        assert config["auth"] == "supabase"
        assert config["supabase"] == {"url": "https://abc.supabase.co", "anon_key": "anon-public-key"}
        assert "s" * 40 not in json.dumps(config)  # the JWT secret never leaves the server
        assert "connect-src 'self' https://abc.supabase.co" in anon.get("/app/").headers["content-security-policy"]


def test_a_built_site_is_served_to_its_owner_only_without_following_links(served) -> None:
    live, job = served
    pid = job["project_id"]
    built(live, pid)
    with httpx.Client(base_url=live.url) as anon:
        assert anon.get(f"/sites/{pid}/").status_code == 401
    with live.client("alice") as alice, live.client("bob") as bob:
        home = alice.get(f"/sites/{pid}/")
        assert home.status_code == 200 and "Luz home" in home.text
        assert f'href="/sites/{pid}/_next/static/css/a.css"' in home.text and f'href="/sites/{pid}/menu/"' in home.text
        assert 'href="//cdn.example/x"' in home.text and 'href="https://example.com/"' in home.text
        assert f'\\"/sites/{pid}/_next/static/chunks/x.js' in home.text
        css = alice.get(f"/sites/{pid}/_next/static/css/a.css")
        assert css.headers["content-type"].startswith("text/css") and f"url(/sites/{pid}/_next/static/media" in css.text
        assert alice.get(f"/sites/{pid}/menu", follow_redirects=False).headers["location"] == f"/sites/{pid}/menu/"
        assert "Luz menu" in alice.get(f"/sites/{pid}/menu/").text
        for bad in ("secret.html", "secret", "linked/out/index.html", "../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd",
                    "nope/"):
            r = alice.get(f"/sites/{pid}/{bad}")
            assert r.status_code == 404 and "root:" not in r.text, bad
        assert bob.get(f"/sites/{pid}/").status_code == 404  # another owner: not found, like an unknown id
        assert bob.get("/sites/p00000000/").status_code == 404


def test_the_sites_cookie_opens_only_the_owners_sites(served) -> None:
    live, job = served
    pid = job["project_id"]
    built(live, pid)
    with live.client("alice") as alice:
        r = alice.post("/app/session")
        assert r.status_code == 204
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "Path=/sites/" in cookie and "samesite=strict" in cookie.lower()
        value = r.cookies[COOKIE]
        assert live.tokens["alice"] not in cookie  # the token itself never goes in a cookie
    with live.client("bob") as bob:
        bob_value = bob.post("/app/session").cookies[COOKIE]
    with httpx.Client(base_url=live.url, cookies={COOKIE: value}) as browser:
        assert "Luz home" in browser.get(f"/sites/{pid}/").text
        assert browser.get("/projects").status_code == 401  # the cookie opens sites, not the API
    with httpx.Client(base_url=live.url, cookies={COOKIE: bob_value}) as other:
        assert other.get(f"/sites/{pid}/").status_code == 404
    forged = value.rsplit(".", 1)[0] + ".AAAA"
    for bad in (forged, "", "x.y.z", value + "x"):
        with httpx.Client(base_url=live.url, cookies={COOKIE: bad}) as browser:
            assert browser.get(f"/sites/{pid}/").status_code == 401, bad
    with httpx.Client(base_url=live.url) as anon:
        assert anon.post("/app/session").status_code == 401
        assert anon.delete("/app/session").status_code == 204


def test_cookie_values_are_signed_and_expire() -> None:
    secret = os.urandom(32)
    value = sign(secret, "user.with.dots@example.com", int(time.time()) + 60)
    assert cookie_owner(secret, value) == "user.with.dots@example.com"
    assert cookie_owner(os.urandom(32), value) is None
    assert cookie_owner(secret, sign(secret, "alice", int(time.time()) - 1)) is None
    owner_part, exp, mac = value.split(".")
    assert cookie_owner(secret, f"{owner_part}.{int(exp) + 3600}.{mac}") is None  # a longer life is a forgery


def test_rewrite_keeps_other_urls() -> None:
    page = b'<a href="/about/">a</a><img src="/x.png"><a href="#top">t</a><a href="about/">r</a>'
    out = rewrite(page, "text/html; charset=utf-8", "/sites/p1")
    assert out == (b'<a href="/sites/p1/about/">a</a><img src="/sites/p1/x.png">'
                   b'<a href="#top">t</a><a href="about/">r</a>')
    js = b'n.p="/_next/",fetch("/api/x")'
    assert rewrite(js, "text/javascript", "/sites/p1") == b'n.p="/sites/p1/_next/",fetch("/api/x")'


def test_undo_brings_back_the_previous_version_as_a_job(served) -> None:
    live, job = served
    pid = job["project_id"]
    folder = Path(live.store.get_project(pid)["path"])
    headline = lambda: json.loads((folder / ".sitegen" / "plan.json").read_text())["pages"][0]["sections"][0]  # noqa: E731
    before = json.dumps(headline())
    with live.client("alice") as alice, live.client("bob") as bob:
        r = alice.post(f"/projects/{pid}/undo")
        assert r.status_code == 422 and "first version" in r.json()["error"]["message"]
        edit = alice.post(f"/projects/{pid}/edit", json={"instruction": "headline: Coffee until midnight",
                                                         "provider": "offline", "sandbox": "none", "verify": False})
        assert edit.status_code == 202, edit.text
        assert live.wait("alice", edit.json()["job_id"])["status"] == "done"
        assert "Coffee until midnight" in json.dumps(headline())
        assert bob.post(f"/projects/{pid}/undo").status_code == 404
        with httpx.Client(base_url=live.url) as anon:
            assert anon.post(f"/projects/{pid}/undo").status_code == 401
        assert alice.post(f"/projects/{pid}/undo", json={"sandbox": "nope"}).status_code == 422
        r = alice.post(f"/projects/{pid}/undo", json={"sandbox": "none", "verify": False})
        assert r.status_code == 202, r.text
        body = r.json()
        assert body["project_id"] == pid and body["events_url"] == f"/jobs/{body['job_id']}/events"
        status = live.wait("alice", body["job_id"])
        assert status["status"] == "done" and status["kind"] == "undo", status["error"]
        assert json.dumps(headline()) == before
        versions = alice.get(f"/projects/{pid}/history").json()["versions"]
        assert versions[0]["message"].startswith("Undo: Edit: headline") and versions[0]["restores"]
        assert len(versions) == 3
        assert "/projects/{project_id}/undo" in alice.get("/openapi.json").json()["paths"]
