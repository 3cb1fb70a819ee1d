"""One function per deploy target. Each returns a DeployResult or raises SitegenError(DEPLOY)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from sitegen import hostio
from sitegen.config import Settings
from sitegen.deployers.tools import LogFn, ensure_tool, run_cli
from sitegen.errors import ErrorKind, SitegenError
from sitegen.secrets import SECRET_VARS

# Variables that make the Vercel CLI believe an AI agent drives it (see @vercel/detect-agent):
# it then changes its output and prompts. We clear them and also ask for --json.
AGENT_VARS = (
    "AI_AGENT", "CLAUDECODE", "CLAUDE_CODE", "CLAUDE_CODE_IS_COWORK", "GEMINI_CLI", "CODEX_SANDBOX",
    "CODEX_CI", "CODEX_THREAD_ID", "CURSOR_TRACE_ID", "CURSOR_AGENT", "CURSOR_EXTENSION_HOST_ROLE",
    "ANTIGRAVITY_AGENT", "AUGMENT_AGENT", "OPENCODE_CLIENT", "REPL_ID", "COPILOT_MODEL",
    "COPILOT_ALLOW_ALL", "COPILOT_GITHUB_TOKEN",
)
AGENT_PREFIXES = ("CODEX_", "CURSOR_", "CLAUDE_CODE")
SECRET_ENV = SECRET_VARS


@dataclass
class DeployResult:
    """Where a deploy went live."""

    url: str
    target: str
    deployment_id: str
    at: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def fail(message: str, hint: str | None = None) -> SitegenError:
    return SitegenError(message, ErrorKind.DEPLOY, hint)


def base_env(extra: dict[str, str]) -> dict[str, str]:
    """Our environment without any secret or agent-detection variable, plus ``extra``."""
    env = {
        k: v for k, v in os.environ.items()
        if k not in SECRET_ENV and k not in AGENT_VARS and not k.startswith(AGENT_PREFIXES)
    }
    env.update(NO_UPDATE_NOTIFIER="1", NO_COLOR="1", FORCE_COLOR="0")
    env.update(extra)
    return env


def site_name(project_dir: Path) -> str:
    """A hosting-friendly project name from the folder name: lowercase letters, digits, dashes."""
    name = re.sub(r"[^a-z0-9-]+", "-", project_dir.name.lower())
    name = re.sub(r"-{2,}", "-", name).strip("-")[:90]
    return name or "site"


def staging_dir(settings: Settings, target: str, project_dir: Path) -> Path:
    """A folder per project and target under SITEGEN_HOME that keeps the CLI's link state."""
    key = hashlib.sha256(str(project_dir.resolve()).encode()).hexdigest()[:10]
    return settings.home / "deploy" / target / key


def sync_tree(src: Path, dest: Path, keep: tuple[str, ...] = (), on_log: LogFn | None = None) -> int:
    """Make dest an exact copy of src (entries named in ``keep`` survive); return the file count.

    ``src`` is a build output the site's own code wrote: symlinks and special files in it are
    skipped (never copied as their targets), and nothing in ``dest`` is followed either.
    """
    dest.mkdir(parents=True, exist_ok=True)
    try:
        hostio.empty_dir(dest, keep=keep)
        count, skipped = hostio.copy_tree(src, dest)
    except hostio.UnsafePath as exc:
        raise fail(f"refusing to copy the site: {exc}", "Rebuild the project; the build left links in out/.") from exc
    if skipped and on_log:
        on_log(f"skipped {len(skipped)} symlink(s) or special file(s) in out/: {', '.join(skipped[:5])}")
    return count


def json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in a CLI's stdout, or None."""
    decoder = json.JSONDecoder()
    for m in re.finditer(r"\{", text):
        try:
            obj, _ = decoder.raw_decode(text[m.start():])
        except ValueError:
            continue
        if isinstance(obj, dict):
            return obj
    return None


# ------------------------------------------------------------------------------------ vercel
def deploy_vercel(out: Path, settings: Settings, prod: bool, on_log: LogFn, timeout: float) -> DeployResult:
    if not settings.vercel_token:
        raise fail("VERCEL_TOKEN is not set", "Create a token at vercel.com/account/tokens and export VERCEL_TOKEN.")
    cli = ensure_tool("vercel", settings.home, on_log)
    started = time.monotonic()  # the install does not count against the deploy timeout
    stage = staging_dir(settings, "vercel", out.parent)
    site = stage / site_name(out.parent)  # the CLI names a new project after the folder
    count = sync_tree(out, site, keep=(".vercel",), on_log=on_log)
    on_log(f"deploying {count} files from {out} to Vercel{' (production)' if prod else ''}")
    global_config = stage / "global-config"
    global_config.mkdir(parents=True, exist_ok=True)
    cmd = [str(cli), "deploy", "--yes", "--json", "--global-config", str(global_config)]
    if prod:
        cmd.append("--prod")
    if settings.vercel_api:
        cmd += ["--api", settings.vercel_api]
    env = base_env({"VERCEL_TOKEN": settings.vercel_token, "VERCEL_TELEMETRY_DISABLED": "1"})
    left = max(5.0, timeout - (time.monotonic() - started))
    result = run_cli(cmd, cwd=site, env=env, on_log=on_log, timeout=left, secrets=settings.secrets(),
                     label="vercel deploy", log_stdout=False)
    data = json_object(result.stdout) or {}
    if result.returncode != 0:
        error = data.get("error") if isinstance(data.get("error"), dict) else {}
        message = error.get("message") or result.last_error() or f"exit code {result.returncode}"
        state = f" (deployment {data['readyState']})" if data.get("readyState") else ""
        raise fail(f"vercel deploy failed{state}: {message}",
                   "The build is kept: fix the cause and run `sitegen deploy --target vercel`.")
    url = str(data.get("url") or "")
    if not url:
        found = re.findall(r"https://\S+", result.stdout)
        url = found[-1] if found else ""
    if not url:
        raise fail("vercel deploy exited 0 but printed no deployment URL")
    return DeployResult(url, "vercel", str(data.get("id") or ""), time.time())


# ------------------------------------------------------------------------------------ netlify
def deploy_netlify(out: Path, settings: Settings, prod: bool, on_log: LogFn, timeout: float) -> DeployResult:
    if not settings.netlify_token:
        raise fail("NETLIFY_AUTH_TOKEN is not set",
                   "Create a personal access token in Netlify (User settings → Applications) and export it.")
    if not settings.netlify_site_id:
        raise fail("NETLIFY_SITE_ID is not set",
                   "Create a site (`netlify sites:create`) and export its id as NETLIFY_SITE_ID.")
    cli = ensure_tool("netlify", settings.home, on_log)
    started = time.monotonic()  # the install does not count against the deploy timeout
    stage = staging_dir(settings, "netlify", out.parent)
    config_home = stage / "config"
    (config_home / "netlify").mkdir(parents=True, exist_ok=True)
    config_file = config_home / "netlify" / "config.json"
    if not config_file.exists():
        config_file.write_text('{"telemetryDisabled": true}\n', encoding="utf-8")
    work = stage / "work"  # run outside the project so the CLI neither detects Next.js nor writes there
    work.mkdir(parents=True, exist_ok=True)
    site = stage / "site"  # a copy without links: the CLI would upload what a link points at
    sync_tree(out, site, on_log=on_log)
    cmd = [str(cli), "deploy", "--dir", str(site), "--no-build", "--site", settings.netlify_site_id, "--json"]
    if prod:
        cmd.insert(2, "--prod")
    extra = {"NETLIFY_AUTH_TOKEN": settings.netlify_token, "XDG_CONFIG_HOME": str(config_home)}
    if settings.netlify_api_url:
        extra["NETLIFY_API_URL"] = settings.netlify_api_url
    on_log(f"deploying {out} to Netlify site {settings.netlify_site_id}{' (production)' if prod else ''}")
    left = max(5.0, timeout - (time.monotonic() - started))
    result = run_cli(cmd, cwd=work, env=base_env(extra), on_log=on_log, timeout=left,
                     secrets=settings.secrets(), label="netlify deploy", log_stdout=False)
    data = json_object(result.stdout) or {}
    if result.returncode != 0:
        message = result.last_error() or f"exit code {result.returncode}"
        raise fail(f"netlify deploy failed: {message}",
                   "The build is kept: fix the cause and run `sitegen deploy --target netlify`.")
    url = str((data.get("url") if prod else data.get("deploy_url")) or data.get("deploy_url") or "")
    if not url:
        raise fail("netlify deploy exited 0 but printed no URL")
    return DeployResult(url, "netlify", str(data.get("deploy_id") or ""), time.time())


# ------------------------------------------------------------------------------------ cloudflare
def deploy_cloudflare(out: Path, settings: Settings, prod: bool, on_log: LogFn, timeout: float) -> DeployResult:
    if not settings.cloudflare_token:
        raise fail("CLOUDFLARE_API_TOKEN is not set",
                   "Create an API token with 'Cloudflare Pages: Edit' and export CLOUDFLARE_API_TOKEN.")
    cli = ensure_tool("cloudflare", settings.home, on_log)
    started = time.monotonic()  # the install does not count against the deploy timeout
    project = site_name(out.parent)
    stage = staging_dir(settings, "cloudflare", out.parent)
    stage.mkdir(parents=True, exist_ok=True)
    site = stage / "site"  # a copy without links: wrangler would upload what a link points at
    sync_tree(out, site, on_log=on_log)
    cmd = [str(cli), "pages", "deploy", str(site), "--project-name", project, "--commit-dirty=true"]
    cmd += ["--branch", "main" if prod else "preview"]
    extra = {"CLOUDFLARE_API_TOKEN": settings.cloudflare_token, "WRANGLER_SEND_METRICS": "false",
             "XDG_CONFIG_HOME": str(stage / "config")}
    on_log(f"deploying {out} to Cloudflare Pages project {project}")
    left = max(5.0, timeout - (time.monotonic() - started))
    result = run_cli(cmd, cwd=stage, env=base_env(extra), on_log=on_log, timeout=left,
                     secrets=settings.secrets(), label="wrangler pages deploy")
    if result.returncode != 0:
        message = result.last_error() or f"exit code {result.returncode}"
        raise fail(f"wrangler pages deploy failed: {message}",
                   "Check the token and that the Pages project exists (`wrangler pages project create`).")
    urls = re.findall(r"https://[A-Za-z0-9.-]+\.pages\.dev\S*", result.stdout + result.stderr)
    if not urls:
        raise fail("wrangler pages deploy exited 0 but printed no pages.dev URL")
    url = urls[-1].rstrip(".,)")
    deployment_id = url.split("//", 1)[1].split(".", 1)[0]
    return DeployResult(url, "cloudflare", deployment_id, time.time())


# ------------------------------------------------------------------------------------ static
STATIC_MARKER = ".sitegen-static-deploy"  # sitegen made this folder: later deploys may replace its files
DEFAULT_STATIC = PurePosixPath(".sitegen", "static-deploy")


def _refuse_dir(message: str) -> SitegenError:
    return SitegenError(message, ErrorKind.USAGE,
                        "Pass --dir a new or empty folder (or one an earlier static deploy made).")


def check_static_dir(dest: Path, project_dir: Path, home: Path) -> Path:
    """The resolved --dir, or a USAGE error when copying there could destroy files sitegen did not make:
    it must be missing, empty or marked as an earlier static deploy's, and never be /, $HOME, inside
    the project, or contain the project or SITEGEN_HOME."""
    resolved = Path(dest).expanduser().resolve()
    project, home = Path(project_dir).resolve(), Path(home).resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        raise _refuse_dir(f"--dir {resolved} is the root or home folder; refusing to replace its files")
    for protected, what in ((project, "the project"), (home, "SITEGEN_HOME")):
        if protected == resolved or protected.is_relative_to(resolved):
            raise _refuse_dir(f"--dir {resolved} contains {what} ({protected}); refusing to replace it")
    if resolved.is_relative_to(project):
        raise _refuse_dir(f"--dir {resolved} is inside the project; leave the default or pick a folder outside it")
    if resolved.exists():
        if not resolved.is_dir():
            raise _refuse_dir(f"--dir {resolved} is a file, not a folder")
        marker = resolved / STATIC_MARKER
        if any(resolved.iterdir()) and not (marker.is_file() and not marker.is_symlink()):
            raise _refuse_dir(f"--dir {resolved} is not empty and was not made by sitegen; its files stay as they are")
    return resolved


def deploy_static(out: Path, dest: Path | None, on_log: LogFn, home: Path | None = None) -> DeployResult:
    """Copy out/ to a folder (default <project>/.sitegen/static-deploy) and say how to host it."""
    project = out.parent.resolve()
    if dest is None:
        root, rel = project, DEFAULT_STATIC
        shown = project / DEFAULT_STATIC
    else:
        root, rel = check_static_dir(dest, project, home or project), PurePosixPath()
        shown = root
    try:
        root.mkdir(parents=True, exist_ok=True)
        hostio.open_dir_close(root, rel)
        hostio.write_file(root, rel / STATIC_MARKER, b"made by sitegen deploy --target static\n")
        hostio.empty_dir(root, rel, keep=(STATIC_MARKER,))
        count, skipped = hostio.copy_tree(out, root, rel)
    except hostio.UnsafePath as exc:
        raise fail(f"refusing to copy the site to {shown}: {exc}", "Choose another --dir.") from exc
    except OSError as exc:
        raise fail(f"cannot copy the site to {shown}: {exc.strerror or exc}",
                   "Choose a folder you can write to with --dir.") from exc
    if skipped:
        on_log(f"skipped {len(skipped)} symlink(s) or special file(s) in out/: {', '.join(skipped[:5])}")
    on_log(f"copied {count} files to {shown}")
    on_log(f"serve it locally: python3 -m http.server --directory {shown} 8000")
    on_log("or upload the folder as is to any static host (nginx, S3, GitHub Pages, Netlify Drop).")
    stamp = time.strftime("%Y%m%d%H%M%S")
    return DeployResult(shown.as_uri(), "static", f"static-{stamp}", time.time())
