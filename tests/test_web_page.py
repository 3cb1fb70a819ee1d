"""The web page in real Chromium without a build: Supabase email/password sign-in (a local stand-in
for Supabase's auth endpoint), errors shown with their hints (a refused request and a failed job),
and axe on those pages."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from server_helpers import HS_SECRET, hs256, live_server, offline_body
from test_web_e2e import CHROMIUM, check_page, launch, sign_in

from tests.conftest import need

pytestmark = pytest.mark.chromium


@contextmanager
def supabase_auth(users: dict[str, tuple[str, str]]) -> Iterator[tuple[str, list[dict]]]:
    """POST /auth/v1/token?grant_type=password like Supabase (CORS included): email -> (password, sub)."""
    calls: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def cors(self) -> None:
            self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
            self.send_header("Access-Control-Allow-Headers", "apikey, content-type, authorization")
            self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

        def do_OPTIONS(self) -> None:  # noqa: N802
            self.send_response(204)
            self.cors()
            self.end_headers()

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            calls.append({"path": self.path, "apikey": self.headers.get("apikey"), **body})
            user = users.get(body.get("email", ""))
            ok = self.path == "/auth/v1/token?grant_type=password" and user and user[0] == body.get("password")
            out = ({"access_token": hs256(user[1]), "token_type": "bearer"} if ok
                   else {"error": "invalid_grant", "error_description": "Invalid login credentials"})
            data = json.dumps(out).encode()
            self.send_response(200 if ok else 400)
            self.cors()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", calls
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_supabase_email_sign_in_from_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    need(Path(CHROMIUM).exists(), "chromium is not installed")
    from playwright.sync_api import sync_playwright

    with supabase_auth({"ana@example.com": ("correct horse", "user-ana")}) as (auth_url, calls):
        monkeypatch.setenv("SUPABASE_URL", auth_url)
        monkeypatch.setenv("SUPABASE_ANON_KEY", "anon-public-key")
        monkeypatch.setenv("SUPABASE_JWT_SECRET", HS_SECRET)
        with live_server(workers=1) as live, sync_playwright() as pw:
            with live.client(token=hs256("user-ana")) as c:
                assert c.post("/generate", json=offline_body()).status_code == 202
            browser = launch(pw)
            try:
                page = browser.new_context(bypass_csp=True).new_page()
                page.goto(f"{live.url}/app/")
                page.get_by_label("Email").fill("ana@example.com")
                page.get_by_label("Password").fill("wrong")
                page.get_by_role("button", name="Sign in with Supabase").click()
                page.get_by_role("alert").filter(has_text="Invalid login credentials").wait_for()
                check_page(page, "signin-supabase")
                page.get_by_label("Password").fill("correct horse")
                page.get_by_role("button", name="Sign in with Supabase").click()
                page.get_by_role("heading", name="Your sites").wait_for()
                page.locator(".card", has_text="Luz").wait_for()  # ana's project, found by the JWT's sub
                token = page.evaluate("sessionStorage.getItem('sitegen.token')")
                assert token and token.count(".") == 2 and token not in page.url
                assert calls[-1] == {"path": "/auth/v1/token?grant_type=password", "apikey": "anon-public-key",
                                     "email": "ana@example.com", "password": "correct horse"}
            finally:
                browser.close()


def test_errors_are_shown_with_their_hints() -> None:
    need(Path(CHROMIUM).exists(), "chromium is not installed")
    from playwright.sync_api import sync_playwright

    with live_server(workers=1) as live, sync_playwright() as pw:
        token = live.add_user("alice")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body()).json()
        live.wait("alice", job["job_id"])
        live.store.update_job(job["job_id"], status="failed", error="next build failed: Type error in app/page.tsx",
                              error_kind="build", hint="Run `sitegen fix` or edit app/page.tsx.",
                              finished_at=time.time())
        browser = launch(pw)
        try:
            page = browser.new_context(bypass_csp=True).new_page()
            sign_in(page, live.url, token)
            # a refused request: the CLI's message and hint (no Gemini key on this server)
            page.get_by_role("link", name="New site").first.click()
            page.get_by_label("Describe the site").fill("a florist in Bath called Petal")
            page.get_by_label("Provider").select_option("gemini")
            page.get_by_role("button", name="Make the site").click()
            alert = page.get_by_role("alert")
            alert.wait_for()
            assert "GEMINI_API_KEY" in alert.inner_text()
            assert len(alert.locator("p").all()) == 2  # the message and its hint
            check_page(page, "new-error")
            # a failed job: its error and hint
            page.goto(f"{live.url}/app/#/jobs/{job['job_id']}")
            page.get_by_role("alert").filter(has_text="Type error in app/page.tsx").wait_for()
            assert "Run `sitegen fix`" in page.get_by_role("alert").inner_text()
            page.locator("main .badge", has_text="failed").wait_for()
            check_page(page, "job-failed")
        finally:
            browser.close()


def test_the_page_works_from_the_keyboard() -> None:
    need(Path(CHROMIUM).exists(), "chromium is not installed")
    from playwright.sync_api import sync_playwright

    with live_server(workers=1) as live, sync_playwright() as pw:
        token = live.add_user("alice")
        browser = launch(pw)
        try:
            page = browser.new_context().new_page()
            page.goto(f"{live.url}/app/")
            page.get_by_role("heading", name="Sign in").wait_for()
            focused = "document.activeElement.id || document.activeElement.textContent"
            assert page.evaluate("document.activeElement.id") == "main"  # each page takes the focus
            page.keyboard.press("Tab")
            assert page.evaluate(focused) == "token"
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # visible focus
            for _ in range(3):
                page.keyboard.press("Shift+Tab")
                if page.evaluate(focused) == "Skip to content":
                    break
            assert page.evaluate(focused) == "Skip to content"
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main" and page.url.endswith("/app/")
            page.keyboard.press("Tab")
            assert page.evaluate(focused) == "token"
            page.keyboard.type(token)
            page.keyboard.press("Enter")
            page.get_by_role("heading", name="Your sites").wait_for()
            assert page.evaluate("document.activeElement.id") == "main"  # focus moves to the new page
            for _ in range(3):
                page.keyboard.press("Shift+Tab")
                if page.evaluate(focused) == "New site":
                    break
            page.keyboard.press("Enter")
            page.get_by_role("heading", name="New site").wait_for()
            page.keyboard.press("Tab")
            assert page.evaluate(focused) == "prompt"
        finally:
            browser.close()


def test_deploy_from_the_project_page() -> None:
    need(Path(CHROMIUM).exists(), "chromium is not installed")
    from playwright.sync_api import sync_playwright

    with live_server(workers=1) as live, sync_playwright() as pw:
        token = live.add_user("alice")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body()).json()
        assert live.wait("alice", job["job_id"])["status"] == "done"
        out = Path(live.store.get_project(job["project_id"])["path"]) / "out"
        out.mkdir()
        (out / "index.html").write_text("<!doctype html><html lang=en><title>Luz</title><h1>Luz</h1></html>")
        browser = launch(pw)
        try:
            page = browser.new_context(bypass_csp=True).new_page()
            sign_in(page, live.url, token)
            page.goto(f"{live.url}/app/#/projects/{job['project_id']}")
            page.get_by_label("Target").select_option("static")
            page.get_by_role("button", name="Deploy", exact=True).click()
            page.wait_for_url(re.compile(r"#/jobs/j\w+$"))
            page.locator('.stages li[data-stage="DEPLOYING"]').wait_for()
            page.locator("main .badge", has_text=re.compile(r"^(done|failed)$")).wait_for(timeout=120_000)
            assert page.locator("main .badge").first.text_content() == "done", page.locator("main").inner_text()
            assert page.locator('.stages li[data-stage="DEPLOYING"]').get_attribute("class") == "done"
            page.goto(f"{live.url}/app/#/")
            project = live.store.get_project(job["project_id"])
            assert project["deploy_url"] and project["deploy_target"] == "static"
            page.locator(".card").get_by_role("link", name=project["deploy_url"]).wait_for()
        finally:
            browser.close()
