"""Providers by name, and ``auto``: gemini with a Gemini key, openai with an OpenAI key or URL, else offline."""

from __future__ import annotations

from sitegen.config import DEFAULT_GEMINI_MODELS, Settings, redact_url
from sitegen.errors import ErrorKind, SitegenError
from sitegen.providers import PROVIDER_NAMES
from sitegen.providers.base import Provider
from sitegen.providers.retry import RetryPolicy

NAMES = PROVIDER_NAMES


def _models(settings: Settings, models: list[str] | None, default: list[str]) -> list[str]:
    chosen = [m.strip() for m in (models or settings.models or default) if m and m.strip()]
    return list(dict.fromkeys(chosen))


def choose(settings: Settings, name: str = "auto") -> tuple[str, str]:
    """Which provider ``name`` means with these settings, and why (never shows a key)."""
    name = (name or "auto").strip().lower()
    if name not in NAMES:
        raise SitegenError(f"unknown provider {name!r}", ErrorKind.USAGE,
                           f"Use one of: {', '.join(NAMES)}.")
    if name != "auto":
        return name, f"--provider {name}"
    if settings.gemini_api_key:
        return "gemini", "GEMINI_API_KEY is set"
    if settings.openai_api_key:
        return "openai", "OPENAI_API_KEY is set"
    if settings.openai_base_url:
        return "openai", f"OPENAI_BASE_URL is set ({redact_url(settings.openai_base_url)})"
    return "offline", "no GEMINI_API_KEY, OPENAI_API_KEY or OPENAI_BASE_URL is set"


def require_keys(settings: Settings, chosen: str) -> None:
    """Raise a CONFIG error (exit 2) when the chosen provider has no key or URL to use."""
    if chosen == "gemini" and not settings.gemini_api_key:
        raise SitegenError("--provider gemini needs GEMINI_API_KEY", ErrorKind.CONFIG,
                           "Set GEMINI_API_KEY (environment, .env or config.toml), or use --provider offline.")
    if chosen == "openai" and not (settings.openai_api_key or settings.openai_base_url):
        raise SitegenError("--provider openai needs OPENAI_API_KEY or OPENAI_BASE_URL", ErrorKind.CONFIG,
                           "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server (Ollama, LM Studio).")


def get_provider(
    settings: Settings,
    name: str = "auto",
    models: list[str] | None = None,
    policy: RetryPolicy | None = None,
) -> tuple[Provider, str]:
    """The provider to use and a short reason, e.g. ``(GeminiProvider, "gemini: GEMINI_API_KEY is set")``."""
    chosen, why = choose(settings, name)
    require_keys(settings, chosen)
    if chosen == "gemini":
        from sitegen.providers.gemini import GeminiProvider

        chosen_models = _models(settings, models, DEFAULT_GEMINI_MODELS)
        provider: Provider = GeminiProvider(
            settings.gemini_api_key, chosen_models, price=settings.price, policy=policy,
            secrets=settings.secrets(),
        )
        return provider, f"gemini: {why}; models {', '.join(chosen_models)}"
    if chosen == "openai":
        from sitegen.providers.openai_compat import DEFAULT_OPENAI_MODELS, OpenAICompatProvider

        chosen_models = _models(settings, models, DEFAULT_OPENAI_MODELS)
        provider = OpenAICompatProvider(
            settings.openai_api_key, settings.openai_base_url, chosen_models, price=settings.price,
            policy=policy, secrets=settings.secrets(),
        )
        return provider, f"openai: {why}; models {', '.join(chosen_models)}"
    from sitegen.providers.offline import OfflineProvider

    return OfflineProvider(), f"offline: {why}"
