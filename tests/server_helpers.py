"""Helpers for the team-server tests: a real uvicorn serving the app on a free port, users with tokens,
JWTs made with PyJWT (HS256 and RS256 served by a tiny local JWKS server)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Live:
    url: str
    app: Any
    store: Any
    settings: Any
    runner: Any
    tokens: dict[str, str] = field(default_factory=dict)  # owner -> API token

    def client(self, owner: str | None = None, token: str | None = None) -> httpx.Client:
        headers = {}
        tok = token if token is not None else (self.tokens.get(owner) if owner else None)
        if tok:
            headers["Authorization"] = f"Bearer {tok}"
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def add_user(self, owner: str) -> str:
        from sitegen.server.auth import new_token

        token, digest = new_token()
        self.store.create_token(owner, owner, digest)
        self.tokens[owner] = token
        return token

    def wait(self, owner: str, job_id: str, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self.client(owner) as c:
            while time.monotonic() < deadline:
                body = c.get(f"/status/{job_id}").json()
                if body["status"] in ("done", "failed", "interrupted"):
                    return body
                time.sleep(0.2)
        raise AssertionError(f"job {job_id} did not finish in {timeout} s")


@contextmanager
def live_server(workers: int = 2, limits: Any = None, settings_flags: dict | None = None,
                execute: Any = None) -> Iterator[Live]:
    """`sitegen serve`'s app on uvicorn in a thread, jobs on the in-process runner."""
    from sitegen.config import load_settings
    from sitegen.server.actions import Limits
    from sitegen.server.app import create_app
    from sitegen.server.execute import shared_store
    from sitegen.server.inprocess import InProcessRunner

    settings = load_settings(settings_flags or {})
    store = shared_store(settings)
    runner = InProcessRunner(settings, workers, execute=execute)
    app = create_app(settings, store, runner, limits or Limits(running_jobs=5, jobs_per_hour=100))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield Live(f"http://127.0.0.1:{port}", app, store, settings, runner)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        runner.close(wait=True)


# -- JWTs ------------------------------------------------------------------------------------
HS_SECRET = "test-jwt-secret-with-enough-bytes-0123456789"


def hs256(sub: str, secret: str = HS_SECRET, exp_in: float = 3600, aud: str = "authenticated") -> str:
    now = int(time.time())
    return jwt.encode({"sub": sub, "aud": aud, "exp": now + int(exp_in), "iat": now, "role": "authenticated"},
                      secret, algorithm="HS256")


class RsaKeys:
    """An RSA key pair, its JWKS, and RS256 tokens signed with it."""

    def __init__(self, kid: str = "test-key-1"):
        from cryptography.hazmat.primitives.asymmetric import rsa

        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict[str, Any]:
        from jwt.algorithms import RSAAlgorithm

        jwk = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def token(self, sub: str, exp_in: float = 3600, aud: str = "authenticated", kid: str | None = None) -> str:
        now = int(time.time())
        return jwt.encode({"sub": sub, "aud": aud, "exp": now + int(exp_in), "iat": now}, self.private,
                          algorithm="RS256", headers={"kid": kid or self.kid})


@contextmanager
def jwks_server(keys: RsaKeys) -> Iterator[tuple[str, list[str]]]:
    """A tiny Supabase stand-in serving /auth/v1/.well-known/jwks.json; yields (url, requested paths)."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            if self.path != "/auth/v1/.well-known/jwks.json":
                self.send_response(404)
                self.end_headers()
                return
            body = json.dumps(keys.jwks()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def offline_body(prompt: str = "coffee shop in Porto called Luz", **extra: Any) -> dict[str, Any]:
    """A fast job: the offline provider, no build (PLANNING, GENERATING, CHECKING)."""
    return {"prompt": prompt, "provider": "offline", "sandbox": "none", "verify": False, **extra}


def write_screenshot(folder: Path, name: str = "home-desktop.png") -> bytes:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    shots = folder / ".sitegen" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    (shots / name).write_bytes(data)
    return data
