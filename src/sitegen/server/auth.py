"""Who is calling: `Authorization: Bearer` with a Supabase user JWT or a sitegen API token.

Supabase JWTs are verified locally (never by a call per request): asymmetric keys come from the
project's JWKS (``<SUPABASE_URL>/auth/v1/.well-known/jwks.json``, cached), the legacy shared HS256
secret from ``SUPABASE_JWT_SECRET``; the audience must be ``authenticated`` and ``exp`` is checked.
The owner is the JWT's ``sub``. API tokens (``sitegen token create NAME``) start with ``sgt_`` and
are stored only as SHA-256 hashes; the owner is the token row's owner. API tokens are accepted with
or without Supabase, so CI jobs can use a long-lived token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import jwt

from sitegen.server.models import ApiError

TOKEN_PREFIX = "sgt_"
AUDIENCE = "authenticated"
JWKS_PATH = "/auth/v1/.well-known/jwks.json"
ASYMMETRIC = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "EdDSA"]


def new_token() -> tuple[str, str]:
    """A fresh API token and its SHA-256 hash (only the hash is stored)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


@dataclass
class Authenticator:
    """Turns an Authorization header into an owner id, or raises a 401 ApiError."""

    store: Any
    supabase_url: str = ""
    jwt_secret: str = ""
    jwks_lifespan: float = 600.0

    def __post_init__(self) -> None:
        self._jwks: jwt.PyJWKClient | None = None
        if self.supabase_url:
            url = self.supabase_url.rstrip("/") + JWKS_PATH
            self._jwks = jwt.PyJWKClient(url, cache_jwk_set=True, lifespan=int(self.jwks_lifespan), timeout=10)

    @classmethod
    def from_settings(cls, settings: Any, store: Any) -> Authenticator:
        return cls(store, supabase_url=settings.supabase_url, jwt_secret=settings.supabase_jwt_secret)

    @property
    def mode(self) -> str:
        return "supabase" if (self.supabase_url or self.jwt_secret) else "tokens"

    def owner(self, authorization: str | None) -> str:
        """The owner id of the caller."""
        scheme, _, credential = (authorization or "").partition(" ")
        credential = credential.strip()
        if scheme.lower() != "bearer" or not credential:
            raise unauthorized("no bearer token")
        if credential.startswith(TOKEN_PREFIX):
            row = self.store.token_by_hash(hash_token(credential))
            if not row:
                raise unauthorized("unknown or revoked API token")
            return str(row["owner"])
        if self.mode != "supabase":
            raise unauthorized("not an API token (this server has no Supabase configured)")
        return self._jwt_owner(credential)

    def _jwt_owner(self, token: str) -> str:
        try:
            header = jwt.get_unverified_header(token)
            alg = str(header.get("alg", ""))
            if alg == "HS256" and self.jwt_secret:
                key: Any = self.jwt_secret
                algorithms = ["HS256"]
            elif alg in ASYMMETRIC and self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
                algorithms = [alg]
            else:
                raise unauthorized(f"a JWT signed with {alg or 'no algorithm'} is not accepted here")
            claims = jwt.decode(token, key, algorithms=algorithms, audience=AUDIENCE,
                                options={"require": ["exp", "sub"]})
        except jwt.PyJWKClientConnectionError as exc:
            raise ApiError(503, "unavailable", f"cannot fetch the Supabase signing keys: {exc}") from None
        except jwt.ExpiredSignatureError:
            raise unauthorized("the JWT has expired") from None
        except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
            raise unauthorized(f"invalid JWT: {exc}") from None
        sub = str(claims.get("sub") or "")
        if not sub:
            raise unauthorized("the JWT has no subject")
        return sub
