"""Settings: flags beat environment beat ``.env`` beat ``config.toml`` beat defaults."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from sitegen.errors import ErrorKind, SitegenError
from sitegen.secrets import SECRET_VARS

DEFAULT_GEMINI_MODELS = ["gemini-3.8-flash", "gemini-3.5-flash", "gemini-3.5-flash-lite"]

# USD per million tokens (in, out). Estimates; override under [prices] in config.toml.
DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gemini-3.8-flash": (0.50, 3.00),
    "gemini-3.5-flash": (0.30, 2.50),
    "gemini-3.5-flash-lite": (0.10, 0.40),
    "gemini-3.1-pro-preview": (2.00, 12.00),
    "offline": (0.0, 0.0),
}

# environment variable -> settings field
ENV_FIELDS: dict[str, str] = {
    "SITEGEN_PROVIDER": "provider",
    "SITEGEN_MODELS": "models",
    "SITEGEN_SANDBOX": "sandbox",
    "SITEGEN_BUILD_IMAGE": "build_image",
    "SITEGEN_BUILD_CPUS": "build_cpus",
    "SITEGEN_BUILD_MEMORY": "build_memory",
    "SITEGEN_BUILD_TIMEOUT": "build_timeout",
    "SITEGEN_FIX_ATTEMPTS": "fix_attempts",
    "SITEGEN_VERIFY": "verify",
    "GEMINI_API_KEY": "gemini_api_key",
    "OPENAI_API_KEY": "openai_api_key",
    "OPENAI_BASE_URL": "openai_base_url",
    "VERCEL_TOKEN": "vercel_token",
    "SITEGEN_VERCEL_API": "vercel_api",
    "NETLIFY_AUTH_TOKEN": "netlify_token",
    "NETLIFY_SITE_ID": "netlify_site_id",
    "NETLIFY_API_URL": "netlify_api_url",
    "CLOUDFLARE_API_TOKEN": "cloudflare_token",
    "SUPABASE_URL": "supabase_url",
    "SUPABASE_SERVICE_ROLE_KEY": "supabase_key",
    "SUPABASE_JWT_SECRET": "supabase_jwt_secret",
    "SITEGEN_SUPABASE_USER_ID": "supabase_user_id",
    "SUPABASE_ANON_KEY": "supabase_anon_key",
    "SUPABASE_ACCESS_TOKEN": "supabase_access_token",
    "SITEGEN_DATABASE_URL": "database_url",
    "SITEGEN_BROKER_URL": "broker_url",
    "SITEGEN_WORKSPACE": "workspace",
}

SECRET_FIELDS = {field for var, field in ENV_FIELDS.items() if var in SECRET_VARS}


class Settings(BaseModel):
    """Everything a run can be told. Secrets are never logged or stored."""

    home: Path
    provider: str = "auto"
    models: list[str] = Field(default_factory=list)
    sandbox: str = "auto"
    build_image: str = "node:20-bookworm-slim"
    build_cpus: float = 1.0
    build_memory: str = "2g"
    build_timeout: float = 600.0
    fix_attempts: int = 3
    verify: bool = True
    gemini_api_key: str = ""
    openai_api_key: str = ""
    openai_base_url: str = ""
    vercel_token: str = ""
    vercel_api: str = ""
    netlify_token: str = ""
    netlify_site_id: str = ""
    netlify_api_url: str = ""
    cloudflare_token: str = ""
    supabase_url: str = ""
    supabase_key: str = ""
    supabase_jwt_secret: str = ""  # `sitegen serve`: verify Supabase user JWTs (legacy HS256 secret)
    supabase_user_id: str = ""
    supabase_anon_key: str = ""  # per-user mirror: the project's anon key ...
    supabase_access_token: str = ""  # ... and the user's own session JWT, so row-level security applies
    database_url: str = ""  # postgresql://… for a shared store (team server); empty: SQLite under home
    broker_url: str = ""  # redis://… sends server jobs to Celery workers
    workspace: str = ""  # where the team server keeps project folders (a shared mount on a fleet)
    prices: dict[str, tuple[float, float]] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    notices: list[str] = Field(default_factory=list, exclude=True)  # where risky values came from

    @property
    def db_path(self) -> Path:
        return self.home / "sitegen.db"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def secrets(self) -> list[str]:
        """Every secret value set, so logs and records can be scrubbed of them."""
        found = [v for f in SECRET_FIELDS if (v := getattr(self, f)) and len(v) >= 4]
        return found + url_credentials(self.openai_base_url, self.vercel_api, self.netlify_api_url,
                                       self.supabase_url, os.environ.get("GOOGLE_GEMINI_BASE_URL", ""),
                                       self.database_url, self.broker_url)

    def price(self, model: str) -> tuple[float, float]:
        return self.prices.get(model, (0.0, 0.0))


def url_credentials(*urls: str) -> list[str]:
    """The user:password parts of URLs (https://user:pass@host/...), and each password alone."""
    out: list[str] = []
    for url in urls:
        match = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/@\s]+)@", url or "")
        if match:
            userinfo = match.group(1)
            out += [userinfo] + [p for p in userinfo.split(":", 1)[1:] if len(p) >= 4]
    return out


def verify_option(flag: bool | None, settings: Settings) -> bool | str:
    """The job's verify option: True (--verify: Chromium required), False, or "auto" (the default:
    check in Chromium when it is installed, otherwise skip with a note)."""
    if flag is not None:
        return flag
    return "auto" if settings.verify else False


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("sitegen", appauthor=False))


def config_file() -> Path:
    if env := os.environ.get("SITEGEN_CONFIG"):
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("sitegen", appauthor=False)) / "config.toml"


def read_config_file(path: Path) -> dict[str, Any]:
    """Read config.toml; a broken file is a CONFIG error naming the file and the line."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SitegenError(
            f"config file {path} is not valid TOML: {exc}",
            ErrorKind.CONFIG,
            f"Fix or delete {path} (or point SITEGEN_CONFIG elsewhere).",
        ) from exc
    except OSError as exc:
        raise SitegenError(f"cannot read config file {path}: {exc}", ErrorKind.CONFIG) from exc
    return data


def read_dotenv(path: Path) -> dict[str, str]:
    """Read KEY=VALUE lines from a .env file (only the variables sitegen knows)."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    values = dotenv_values(path)
    known = set(ENV_FIELDS) | {"SITEGEN_HOME", "GOOGLE_GEMINI_BASE_URL"}
    return {k: v for k, v in values.items() if k in known and v is not None}


def _from_env(env: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for var, field in ENV_FIELDS.items():
        value = env.get(var)
        if value is None or value == "":
            continue
        if field == "models":
            out[field] = [m.strip() for m in value.split(",") if m.strip()]
        elif field == "verify":
            out[field] = value.strip().lower() not in {"0", "false", "no", "off"}
        else:
            out[field] = value
    if env.get("SITEGEN_HOME"):
        out["home"] = env["SITEGEN_HOME"]
    return out


# Variables that send requests (and keys) somewhere else or change how model code is built: a
# .env file may set them, but never silently (the CLI prints the notice).
NOTICE_VARS = (
    "OPENAI_BASE_URL", "GOOGLE_GEMINI_BASE_URL", "SITEGEN_VERCEL_API", "NETLIFY_API_URL", "SUPABASE_URL",
    "SITEGEN_SANDBOX", "SITEGEN_BUILD_IMAGE", "SITEGEN_HOME",
)


def project_folder_of(cwd: Path, project_paths: tuple[Path, ...] = ()) -> Path | None:
    """The sitegen project ``cwd`` is, or is inside: a folder with a ``.sitegen`` folder, or one of
    ``project_paths`` (the store's). None when it is in none."""
    cwd = Path(cwd).absolute()
    known = {Path(p).absolute() for p in project_paths}
    for folder in (cwd, *cwd.parents):
        meta = folder / ".sitegen"
        if folder in known or meta.is_dir() or meta.is_symlink():
            return folder
    return None


def dotenv_values_for(cwd: Path, project_paths: tuple[Path, ...], notices: list[str]) -> dict[str, str]:
    """The .env of ``cwd``, unless ``cwd`` is (or is inside) a sitegen project: a build can write a
    project's files, so its .env is never configuration. Endpoint and sandbox values add a notice."""
    path = Path(cwd) / ".env"
    if not (path.is_file() or path.is_symlink()):
        return {}
    project = project_folder_of(cwd, project_paths)
    if project is not None:
        notices.append(f"ignored {path}: it is inside the sitegen project {project}, whose files a build can "
                       "write; set keys in the environment or config.toml")
        return {}
    values = read_dotenv(path)
    for var in NOTICE_VARS:
        if values.get(var):
            notices.append(f"{var} comes from {path}: {redact_url(values[var])}")
    return values


def redact_url(value: str) -> str:
    """``value`` with any user:password in a URL replaced by ***."""
    return re.sub(r"(?<=://)[^/@\s]+@", "***@", value)


def load_settings(flags: dict[str, Any] | None = None, cwd: Path | None = None,
                  project_paths: tuple[Path, ...] = ()) -> Settings:
    """Merge every source into Settings and make sure SITEGEN_HOME is a usable folder.

    Notices about where risky values came from land in ``settings.notices`` for the CLI to print.
    """
    cwd = cwd or Path.cwd()
    notices: list[str] = []
    merged: dict[str, Any] = {"home": str(default_home())}
    file_data = read_config_file(config_file())
    prices = dict(DEFAULT_PRICES)
    for model, pair in (file_data.pop("prices", None) or {}).items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            prices[model] = (float(pair[0]), float(pair[1]))
    merged.update(file_data)
    dotenv = dotenv_values_for(cwd, project_paths, notices)
    if dotenv.get("GOOGLE_GEMINI_BASE_URL") and not os.environ.get("GOOGLE_GEMINI_BASE_URL"):
        os.environ["GOOGLE_GEMINI_BASE_URL"] = dotenv["GOOGLE_GEMINI_BASE_URL"]
    merged.update(_from_env(dotenv))
    merged.update(_from_env(dict(os.environ)))
    merged.update({k: v for k, v in (flags or {}).items() if v not in (None, [], "")})
    merged["prices"] = prices
    try:
        settings = Settings(**merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise SitegenError(
            f"bad setting {where}: {first.get('msg')}",
            ErrorKind.CONFIG,
            f"Check {where} in {config_file()}, the environment and the flags.",
        ) from exc
    settings.home = settings.home.expanduser().resolve()
    settings.notices = notices
    ensure_home(settings.home)
    return settings


def ensure_home(home: Path) -> None:
    """Create SITEGEN_HOME, or fail with a CONFIG error when it cannot be a folder."""
    if home.exists() and not home.is_dir():
        raise SitegenError(
            f"SITEGEN_HOME {home} is a file, not a folder",
            ErrorKind.CONFIG,
            "Point SITEGEN_HOME at a folder (it is created when missing).",
        )
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitegenError(
            f"cannot create SITEGEN_HOME {home}: {exc.strerror}",
            ErrorKind.CONFIG,
            "Point SITEGEN_HOME at a writable folder.",
        ) from exc
