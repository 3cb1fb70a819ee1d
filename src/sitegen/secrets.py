"""What counts as a secret, and scrubbing secret values out of text.

Keys and tokens live only in sitegen's own process and in the deploy CLI that needs one; they never
reach a log, the store, a project folder or a sandbox. Every place that writes text somebody may
read (logs, records, errors) scrubs it with ``scrub``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Environment variables that hold keys or tokens (the settings' secret fields come from these).
SECRET_VARS = (
    "GEMINI_API_KEY",
    "GOOGLE_API_KEY",
    "OPENAI_API_KEY",
    "VERCEL_TOKEN",
    "NETLIFY_AUTH_TOKEN",
    "CLOUDFLARE_API_TOKEN",
    "SUPABASE_SERVICE_ROLE_KEY",
    "SUPABASE_JWT_SECRET",
    "SUPABASE_ANON_KEY",
    "SUPABASE_ACCESS_TOKEN",
)
SECRET_SUFFIXES = ("_TOKEN", "_API_KEY", "_SECRET", "_PASSWORD")
MASK = "***"


def is_secret_var(name: str) -> bool:
    """A variable that holds (or by its name probably holds) a key or token."""
    return name in SECRET_VARS or name.upper().endswith(SECRET_SUFFIXES)


def without_secrets(env: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``env`` with every secret variable left out (for npm and other third-party tools)."""
    return {k: v for k, v in env.items() if not is_secret_var(k)}


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret value replaced by ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text
