"""Helpers for the Docker sandbox tests: an engine or skip/fail, small real sites, container watch."""

from __future__ import annotations

import os
import shutil
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from conftest import need

TEST_IMAGE = os.environ.get("SITEGEN_BUILD_IMAGE") or "sitegen-test-node:20"

LAYOUT = """import "./globals.css";

export const metadata = { title: "Bean There Coffee" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
"""

PAGE = """import { Coffee } from "lucide-react";

export default function Page() {
  return (
    <main className="mx-auto max-w-3xl p-8 text-amber-950">
      <Coffee className="h-10 w-10" aria-hidden />
      <h1 className="mt-4 text-4xl font-bold">Bean There Coffee</h1>
      <p className="mt-2 text-lg">Small-batch roasts and fresh pastries, every morning.</p>
    </main>
  );
}
"""

# A page that reaches the network while it is prerendered at build time.
NETWORK_PAGE = """export const dynamic = "force-static";

export default async function Page() {
  const res = await fetch("https://example.com/", { cache: "force-cache" });
  const text = await res.text();
  return <main>{text.length}</main>;
}
"""

# A page that allocates far past the memory limit while it is prerendered (filled, so resident).
HOG_PAGE = """export const dynamic = "force-static";

const hog: Buffer[] = [];

export default async function Page() {
  for (let i = 0; i < 48; i++) hog.push(Buffer.alloc(100 * 1024 * 1024, 1));
  return <main>{hog.length}</main>;
}
"""

# A page that never finishes rendering.
SLOW_PAGE = """export const dynamic = "force-static";

export default async function Page() {
  await new Promise((resolve) => setTimeout(resolve, 600_000));
  return <main>late</main>;
}
"""


def docker_client() -> Any:
    """A client for a Docker engine that answers, plus the test image; skip (or fail in CI)."""
    try:
        import docker

        client = docker.from_env(timeout=30)
        client.ping()
    except Exception as exc:  # noqa: BLE001
        need(False, f"no Docker engine answers ({type(exc).__name__})")
        raise
    try:
        client.images.get(TEST_IMAGE)
    except Exception:  # noqa: BLE001
        need(False, f"build image {TEST_IMAGE} is missing (run .ci/setup-docker.sh)")
    return client


def make_site(dest: Path, page: str = PAGE) -> Path:
    """The shipped template plus a layout, Tailwind stylesheet and one page."""
    template = resources.files("sitegen") / "template"
    with resources.as_file(template) as src:
        shutil.copytree(src, dest)
    if (dest / "gitignore").exists():
        (dest / "gitignore").rename(dest / ".gitignore")
    app = dest / "app"
    app.mkdir(exist_ok=True)
    (app / "layout.tsx").write_text(LAYOUT)
    (app / "globals.css").write_text('@import "tailwindcss";\n')
    (app / "page.tsx").write_text(page)
    return dest


def sitegen_containers(client: Any, project_dir: Path | None = None) -> list[Any]:
    """Every container with the sitegen label (only this project's when given)."""
    found = client.containers.list(all=True, filters={"label": "sitegen"})
    if project_dir is None:
        return found
    root = str(project_dir.resolve())
    return [c for c in found if (c.labels or {}).get("sitegen.project", "").startswith(root)]


def wait_for_container(client: Any, project_dir: Path, step: str, timeout: float = 300,
                       proc: Any = None) -> dict[str, Any]:
    """Wait until this project's `step` container runs; return its inspect data. A container listed
    as running but gone by the time it is inspected is looked for again; ``proc`` (the process
    that builds) ending first fails at once, with its output."""
    import docker.errors  # noqa: PLC0415

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for c in sitegen_containers(client, project_dir):
            if c.labels.get("sitegen.step") == step and c.status == "running":
                try:
                    info = client.api.inspect_container(c.id)
                except docker.errors.NotFound:
                    continue
                if info["State"]["Running"]:
                    return info
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the build ended ({proc.returncode}) before a {step} container ran: "
                                 f"{proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.1)
    raise AssertionError(f"no running {step} container for {project_dir} within {timeout:.0f} s")


def assert_locked_down(
    info: dict[str, Any], project_dir: Path, *, memory: int, secrets: dict[str, str], image_env: list[str]
) -> None:
    """The build container's settings, read from the engine while it runs."""
    host, config = info["HostConfig"], info["Config"]
    assert host["NanoCpus"] == 1_000_000_000
    assert host["Memory"] == memory
    assert host["MemorySwap"] == memory, "no swap beyond the memory limit"
    assert host["NetworkMode"] == "none"
    assert host["ReadonlyRootfs"] is True
    assert host["CapDrop"] == ["ALL"]
    assert "no-new-privileges" in (host.get("SecurityOpt") or [])
    assert 0 < (host.get("PidsLimit") or 0) <= 4096
    assert not host.get("Privileged")
    user = config["User"]
    assert user and user.split(":")[0] not in {"0", "root"}, f"runs as {user!r}"
    assert set((host.get("Tmpfs") or {}).keys()) == {"/tmp"}
    binds = {m["Destination"]: m for m in info["Mounts"]}
    assert set(binds) == {"/work/site", "/work/site/node_modules", "/work/site/.git"}, binds
    assert binds["/work/site/.git"]["RW"] is False  # the history is masked by an empty read-only folder
    assert not any(Path(binds["/work/site/.git"]["Source"]).iterdir())
    assert Path(binds["/work/site"]["Source"]) == project_dir.resolve()
    assert binds["/work/site"]["RW"] is True
    assert binds["/work/site/node_modules"]["RW"] is False
    assert "/deps-docker/" in binds["/work/site/node_modules"]["Source"]
    env = dict(item.split("=", 1) for item in config["Env"])
    for name, value in secrets.items():
        assert name not in env
        assert all(value not in v for v in env.values())
    assert env.get("HOME") == "/tmp"
    assert "NODE_EXTRA_CA_CERTS" not in env, "the CA bundle is for the install step only"
    allowed = {
        "HOME",
        "CI",
        "NEXT_TELEMETRY_DISABLED",
        "PATH",
        "npm_config_update_notifier",
        "npm_config_fund",
        "npm_config_audit",
        "npm_config_cache",
        "SITEGEN_TYPES_CHECKED",  # tells next.config.ts that sitegen handles the type check (buildsteps.py)
        "NEXT_USE_POST_BUILD",  # Turbopack compacts its cache only once it has grown (buildcache.py)
    } | {item.split("=", 1)[0] for item in image_env}  # the image's own ENV lines
    assert set(env) <= allowed, sorted(set(env) - allowed)
    assert config["Labels"].get("sitegen") == "1"


def skip_unless(module: str) -> None:
    """Skip when another engineer's module is not there yet."""
    try:
        __import__(module)
    except ImportError:
        pytest.skip(f"{module} is not available yet")
