"""A fake Netlify API on 127.0.0.1 that the real netlify-cli deploys to through NETLIFY_API_URL.

Modes: ``ok`` (the deploy becomes ready), ``error`` (it ends in state ``error`` with a message)
and ``hang`` (no request is ever answered). Requests are recorded; unknown ones are kept in
``unknown`` and answered 404.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.fakes.local_server import NO_ROUTE, RoutedFake

# A Node preload for tests: netlify-cli's config loader fetches extension metadata from a fixed
# public host (no override exists); this sends that one request to the fake and refuses every other
# non-loopback address, so a test never reaches beyond 127.0.0.1.
LOOPBACK_GUARD_JS = r"""
const dns = require('node:dns');
const ok = (h) => h === 'localhost' || /^127\./.test(h) || h === '::1' || h === '[::1]';
const refuse = (h) => Object.assign(new Error('getaddrinfo ENOTFOUND ' + h + ' (test guard: loopback only)'),
  { code: 'ENOTFOUND', hostname: h });
const lookup = dns.lookup;
dns.lookup = function (host, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  if (!ok(host)) { process.nextTick(() => cb(refuse(host))); return {}; }
  return lookup.call(this, host, opts, cb);
};
const plookup = dns.promises.lookup;
dns.promises.lookup = async (host, opts) => { if (!ok(host)) throw refuse(host); return plookup(host, opts); };
const realFetch = globalThis.fetch;
if (realFetch) {
  globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    const fake = process.env.FAKE_NETLIFY_EXTENSIONS_URL;
    if (url.hostname.endsWith('netlifysdk.com') && fake) {
      return realFetch(fake + '/__extensions' + url.pathname + url.search, init);
    }
    if (!ok(url.hostname)) throw new TypeError('fetch failed: ' + url.hostname + ' blocked by test guard');
    return realFetch(input, init);
  };
}
"""

ERROR_MESSAGE = "Deploy did not succeed: Failed to process the uploaded files"
SITE_ID = "5f1c0a7e-0000-4000-8000-00000000c0de"


class FakeNetlify(RoutedFake):
    """The fake API server; use as a context manager or call start()/stop()."""

    def __init__(self, mode: str = "ok", token: str = "nfpTestToken0123456789", site_id: str = SITE_ID) -> None:
        super().__init__(mode)
        self.token = token
        self.site_id = site_id
        self.uploaded: dict[str, bytes] = {}
        self.deploys: dict[str, dict[str, Any]] = {}

    def guard_env(self, folder: Path) -> dict[str, str]:
        """Environment that loads the loopback guard into every Node process."""
        js = folder / "loopback-guard.cjs"
        js.write_text(LOOPBACK_GUARD_JS, encoding="utf-8")
        return {"NODE_OPTIONS": f"--require {js}", "FAKE_NETLIFY_EXTENSIONS_URL": self.url}

    def site(self) -> dict[str, Any]:
        return {
            "id": self.site_id,
            "site_id": self.site_id,
            "name": "fake-site",
            "url": "https://fake-site.netlify.app",
            "ssl_url": "https://fake-site.netlify.app",
            "admin_url": "https://app.netlify.com/sites/fake-site",
            "account_slug": "tester",
            "account_id": "acc_fake",
            "build_settings": {},
            "capabilities": {},
            "processing_settings": {},
            "published_deploy": None,
        }

    # -- routes ------------------------------------------------------------------------------
    def route(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
        """Answer one request: (status, JSON body)."""
        if path.startswith("/__extensions/"):
            return 200, []  # no extensions installed
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {"code": 401, "message": "Access Denied: bad token"}
        path = path.removeprefix("/api/v1")
        if method == "GET" and path == "/user":
            return 200, {"id": "user_fake", "email": "tester@example.test", "full_name": "Tester"}
        if method == "GET" and path == "/accounts":
            return 200, [{"id": "acc_fake", "slug": "tester", "name": "Tester", "default": True}]
        if method == "GET" and path == f"/sites/{self.site_id}":
            return 200, self.site()
        if method == "GET" and re.fullmatch(r"/sites/[^/]+", path):
            return 404, {"code": 404, "message": "Not Found"}
        if re.fullmatch(rf"/sites/{self.site_id}/(env|service-instances|functions|dns)", path):
            return 200, []
        if method == "GET" and re.fullmatch(r"/accounts/[^/]+/env", path):
            return 200, []
        if method == "POST" and path == f"/sites/{self.site_id}/deploys":
            return self._create_deploy(body or {})
        if m := re.fullmatch(r"(?:/sites/[^/]+)?/deploys/([^/]+)", path):
            dep = self.deploys.get(m.group(1))
            if dep is None:
                return 404, {"code": 404, "message": "Not Found"}
            if method == "GET":
                return 200, self._advance(dep)
            if method == "PUT" and isinstance(body, dict) and "files" in body:
                files = body.get("files") or {}
                uploaded = set(self.uploaded)
                dep.update(
                    _files=files, required=sorted({sha for p, sha in files.items() if p.lstrip("/") not in uploaded})
                )
            return 200, self._public(dep)
        if (m := re.fullmatch(r"/deploys/([^/]+)/files/(.+)", path)) and method == "PUT":
            self.uploaded[unquote(m.group(2))] = body if isinstance(body, bytes) else b""
            return 200, {"id": m.group(2), "path": "/" + unquote(m.group(2))}
        if m := re.fullmatch(r"/deploys/([^/]+)/(lock|unlock|cancel)", path):
            dep = self.deploys.get(m.group(1))
            return (200, self._public(dep)) if dep else (404, {"code": 404, "message": "Not Found"})
        return 404, {"code": 404, "message": f"{NO_ROUTE} {method} {path}"}

    def _create_deploy(self, body: dict[str, Any]) -> tuple[int, Any]:
        dep_id = secrets.token_hex(12)
        files = body.get("files") or {}
        dep = {
            "id": dep_id,
            "deploy_id": dep_id,
            "site_id": self.site_id,
            "state": "uploading",
            "required": [],
            "required_functions": [],
            "deploy_url": f"https://{dep_id}--fake-site.netlify.app",
            "deploy_ssl_url": f"https://{dep_id}--fake-site.netlify.app",
            "ssl_url": "https://fake-site.netlify.app",
            "url": "https://fake-site.netlify.app",
            "admin_url": "https://app.netlify.com/sites/fake-site",
            "name": "fake-site",
            "site_name": "fake-site",
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "draft": bool(body.get("draft")),
            "error_message": None,
            "_files": files,
            "_polls": 0,
        }
        self.deploys[dep_id] = dep
        return 200, self._public(dep)

    def _advance(self, dep: dict[str, Any]) -> dict[str, Any]:
        dep["_polls"] += 1
        wanted = {p.lstrip("/") for p in dep["_files"]}
        if dep["state"] == "uploading" and wanted <= set(self.uploaded):
            dep.update(state="processing")
        elif dep["state"] == "processing":
            if self.mode == "error":
                dep.update(state="error", error_message=ERROR_MESSAGE)
            else:
                dep.update(state="ready", published_at=time.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return self._public(dep)

    @staticmethod
    def _public(dep: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in dep.items() if not k.startswith("_")}
