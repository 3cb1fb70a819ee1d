"""DockerBuilder against a real Docker engine and a real `next build` (no mocks).

Needs a daemon and the registry-free test image from .ci/setup-docker.sh. Without them these
tests skip, except with SITEGEN_REQUIRE_SERVICES=1 (CI), where they fail.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from docker_helpers import (
    HOG_PAGE,
    NETWORK_PAGE,
    SLOW_PAGE,
    TEST_IMAGE,
    assert_locked_down,
    docker_client,
    make_site,
    sitegen_containers,
    skip_unless,
    wait_for_container,
)

from sitegen.build import BuildResult
from sitegen.config import Settings, load_settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox.choice import select_builder
from sitegen.sandbox.docker import CA_PATH, DockerBuilder, lent_marker, restore_lent
from sitegen.sandbox.engine import connect
from sitegen.sandbox.errors import (
    BuildOutOfMemory,
    BuildTimedOut,
    DaemonNotRunning,
    ImageMissing,
    SocketPermissionDenied,
    docker_error,
    human_size,
)

TWO_GB = 2 * 1024**3
SECRETS = {"GEMINI_API_KEY": "AIza-test-secret-gemini-0001", "VERCEL_TOKEN": "vercel-test-secret-0002"}


def settings_for(home: Path, **overrides: Any) -> Settings:
    return Settings(home=home, build_image=TEST_IMAGE, **overrides)


def no_containers_left(client: Any, project_dir: Path) -> None:
    left = sitegen_containers(client, project_dir)
    assert not left, [c.name for c in left]


def run_in_thread(builder: DockerBuilder, project: Path, lines: list[str]) -> dict[str, Any]:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = builder.build(project, lines.append)
        except BaseException as exc:  # noqa: BLE001 — handed to the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    box["thread"] = thread
    return box


# -- without an engine ----------------------------------------------------------------------------
def test_daemon_not_running_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    with pytest.raises(DaemonNotRunning) as err:
        connect(timeout=3)
    assert "not running" in err.value.message and err.value.kind is ErrorKind.SANDBOX
    assert "--sandbox local" in err.value.hint
    with pytest.raises(SitegenError) as chosen:
        select_builder(settings_for(tmp_path), "docker")
    assert chosen.value.kind is ErrorKind.SANDBOX and "not running" in chosen.value.message
    assert "dockerd" in chosen.value.hint
    builder, why = select_builder(settings_for(tmp_path), "auto")
    assert builder is not None and builder.name == "local+bwrap" and "Docker daemon is not running" in why
    with pytest.raises(DaemonNotRunning):
        DockerBuilder(settings_for(tmp_path)).build(make_site(tmp_path / "site"), lambda _: None)


def test_socket_permission_and_sizes_are_named() -> None:
    exc = ConnectionError("('Connection aborted.', PermissionError(13, 'Permission denied'))")
    err = docker_error(exc, "/var/run/docker.sock")
    assert isinstance(err, SocketPermissionDenied)
    assert "permission denied" in err.message and "docker` group" in err.hint
    assert human_size("2g") == "2 GB" and human_size("256m") == "256 MB" and human_size("1536m") == "1.5 GB"
    assert "out of memory (limit 2 GB)" in BuildOutOfMemory("2 GB").message
    assert "timed out after 600 s" in BuildTimedOut(600).message


class _StubImages:
    def __init__(self) -> None:
        self.pulled = False

    def get(self, name: str) -> Any:
        import docker.errors

        if not self.pulled:
            raise docker.errors.ImageNotFound(f"no such image: {name}")
        return type("Image", (), {"id": "sha256:abc"})()


class _StubApi:
    def __init__(self, images: _StubImages, events: list[dict[str, Any]]) -> None:
        self.images, self.events = images, events

    def pull(self, repo: str, tag: str, stream: bool, decode: bool) -> Any:
        assert (repo, tag, stream, decode) == ("node", "20-bookworm-slim", True, True)
        yield from self.events
        self.images.pulled = not any("error" in e for e in self.events)


def _stub_client(events: list[dict[str, Any]]) -> Any:
    images = _StubImages()
    return type("Client", (), {"images": images, "api": _StubApi(images, events)})()


def test_missing_image_is_pulled_with_progress_or_named_when_it_cannot_be() -> None:
    """The pull-progress parser, fed the event shapes the engine streams (no registry here)."""
    from sitegen.sandbox.engine import ensure_image

    events = [
        {"status": "Pulling from library/node", "id": "20-bookworm-slim"},
        {"status": "Downloading", "id": "l1", "progressDetail": {"current": 5, "total": 10}},
        {"status": "Pull complete", "id": "l1", "progressDetail": {}},
        {"status": "Status: Downloaded newer image for node:20-bookworm-slim"},
    ]
    lines: list[str] = []
    progress: list[tuple[int, int]] = []
    got = ensure_image(_stub_client(events), "node:20-bookworm-slim", lines.append,
                       lambda done, total: progress.append((done, total)))
    assert got == "sha256:abc"
    assert any("Pulling build image" in ln for ln in lines) and any("Pull complete" in ln for ln in lines)
    assert progress[0] == (5, 10) and progress[-1] == (10, 10)
    failing = [{"error": "pull access denied for node, repository does not exist"}]
    with pytest.raises(ImageMissing) as err:
        ensure_image(_stub_client(failing), "node:20-bookworm-slim", lines.append)
    assert "pull access denied" in err.value.message and "SITEGEN_BUILD_IMAGE" in err.value.hint


# -- with a real engine ---------------------------------------------------------------------------


@pytest.mark.docker
def test_auto_sandbox_picks_docker_and_says_why(sitegen_home: Path) -> None:
    docker_client()
    builder, why = select_builder(settings_for(sitegen_home), "auto")
    assert builder is not None and builder.name == "docker"
    assert why == "--sandbox auto: a Docker daemon answered"


@pytest.mark.docker
def test_cold_install_uses_network_and_ca_bundle_then_warm_build_skips_it(tmp_path: Path, sitegen_home: Path) -> None:
    client = docker_client()
    project = make_site(tmp_path / "cold")
    builder = DockerBuilder(settings_for(sitegen_home))
    lines: list[str] = []
    box = run_in_thread(builder, project, lines)
    info = client.api.inspect_container(wait_for_container(client, project, "install", timeout=120)["Id"])
    host, env = info["HostConfig"], dict(i.split("=", 1) for i in info["Config"]["Env"])
    assert host["NetworkMode"] in {"bridge", "default"}
    assert env["NODE_EXTRA_CA_CERTS"] == CA_PATH
    mounts = {m["Destination"]: m for m in info["Mounts"]}
    assert mounts[CA_PATH]["RW"] is False and mounts["/work/deps"]["RW"] is True
    assert host["ReadonlyRootfs"] is True and host["CapDrop"] == ["ALL"]
    assert info["Config"]["User"].split(":")[0] != "0"
    box["thread"].join(600)
    assert "error" not in box, box.get("error")
    first: BuildResult = box["result"]
    assert first.ok, first.error + first.log[-2000:]
    assert first.installed and first.builder == "docker"
    assert (project / "out" / "index.html").read_text().count("Bean There Coffee") >= 1
    second = builder.build(project, lambda _: None)
    assert second.ok and not second.installed and second.install_seconds == 0
    no_containers_left(client, project)


@pytest.mark.docker
def test_build_container_is_locked_down_while_it_runs(
    tmp_path: Path, warm_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = docker_client()
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    project = make_site(tmp_path / "site")
    builder = DockerBuilder(settings_for(warm_home))
    lines: list[str] = []
    box = run_in_thread(builder, project, lines)
    info = wait_for_container(client, project, "build", timeout=600)
    image_env = client.images.get(TEST_IMAGE).attrs["Config"].get("Env") or []
    assert_locked_down(info, project, memory=TWO_GB, secrets=SECRETS, image_env=image_env)
    box["thread"].join(600)
    assert "error" not in box, box.get("error")
    result: BuildResult = box["result"]
    assert result.ok, result.error + result.log[-2000:]
    assert any("Compiled" in line or "Generating static pages" in line for line in lines), "logs streamed"
    assert (project / "out" / "index.html").exists()
    assert project.stat().st_uid == os.getuid(), "the project is given back to its owner"
    no_containers_left(client, project)


@pytest.mark.docker
def test_build_runs_as_the_project_owner(tmp_path: Path, warm_home: Path) -> None:
    """A project owned by a normal user is built as that user, with no ownership changes."""
    client = docker_client()
    project = make_site(tmp_path / "owned")
    for path in [project, *project.rglob("*")]:
        os.chown(path, 1234, 1234, follow_symlinks=False)
    result = DockerBuilder(settings_for(warm_home)).build(project, lambda _: None)
    assert result.ok, result.error + result.log[-2000:]
    index = project / "out" / "index.html"
    assert (index.stat().st_uid, index.stat().st_gid) == (1234, 1234), "written by the owner's uid"
    assert (project.stat().st_uid, (project / "app" / "page.tsx").stat().st_uid) == (1234, 1234)
    no_containers_left(client, project)


@pytest.mark.docker
def test_build_that_reaches_the_network_fails_cleanly(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    project = make_site(tmp_path / "net", NETWORK_PAGE)
    result = DockerBuilder(settings_for(warm_home)).build(project, lambda _: None)
    assert not result.ok
    assert result.error.startswith("next build failed")
    assert any(s in result.log for s in ("fetch failed", "ENOTFOUND", "EAI_AGAIN", "getaddrinfo")), result.log[-3000:]
    no_containers_left(client, project)


@pytest.mark.docker
def test_build_past_the_memory_limit_reports_out_of_memory(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    project = make_site(tmp_path / "hog", HOG_PAGE)
    with pytest.raises(BuildOutOfMemory) as err:
        DockerBuilder(settings_for(warm_home)).build(project, lambda _: None)
    assert "out of memory (limit 2 GB)" in err.value.message
    assert err.value.kind is ErrorKind.BUILD and "SITEGEN_BUILD_MEMORY" in err.value.hint
    no_containers_left(client, project)


@pytest.mark.docker
def test_build_past_its_timeout_is_stopped(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    project = make_site(tmp_path / "slow", SLOW_PAGE)
    started = time.monotonic()
    with pytest.raises(BuildTimedOut) as err:
        DockerBuilder(settings_for(warm_home, build_timeout=5)).build(project, lambda _: None)
    assert "timed out after 5 s" in err.value.message
    assert time.monotonic() - started < 60
    no_containers_left(client, project)


@pytest.mark.docker
def test_cancel_from_another_thread_stops_the_build(tmp_path: Path, warm_home: Path) -> None:
    """The pipeline builds in a worker thread; cancel() is how Ctrl-C reaches it."""
    client = docker_client()
    project = make_site(tmp_path / "slow", SLOW_PAGE)
    builder = DockerBuilder(settings_for(warm_home))
    box = run_in_thread(builder, project, [])
    wait_for_container(client, project, "build", timeout=600)
    started = time.monotonic()
    builder.cancel()
    box["thread"].join(60)
    assert time.monotonic() - started < 15
    assert isinstance(box.get("error"), SitegenError) and box["error"].kind is ErrorKind.INTERRUPTED
    no_containers_left(client, project)


@pytest.mark.docker
def test_missing_image_names_the_setting(tmp_path: Path, sitegen_home: Path) -> None:
    docker_client()
    settings = Settings(home=sitegen_home, build_image="sitegen-no-such-image:0")
    with pytest.raises(ImageMissing) as err:
        DockerBuilder(settings).build(make_site(tmp_path / "site"), lambda _: None)
    assert "sitegen-no-such-image:0" in err.value.message
    assert "SITEGEN_BUILD_IMAGE" in err.value.hint


DRIVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sitegen.sandbox.docker import DockerBuilder
    from sitegen.config import Settings

    settings = Settings(home=Path(sys.argv[2]), build_image=sys.argv[3])
    DockerBuilder(settings).build(Path(sys.argv[1]), lambda line: print(line, end="", flush=True))
    """
)


def start_driver(tmp_path: Path, project: Path, home: Path) -> subprocess.Popen[bytes]:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER)
    return subprocess.Popen(
        [sys.executable, str(script), str(project), str(home), TEST_IMAGE],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.docker
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_removes_the_running_container(tmp_path: Path, warm_home: Path, signum: int) -> None:
    client = docker_client()
    project = make_site(tmp_path / "site", SLOW_PAGE)
    proc = start_driver(tmp_path, project, warm_home)
    try:
        wait_for_container(client, project, "build", timeout=600, proc=proc)
        time.sleep(1)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode != 0
    if signum == signal.SIGINT:
        assert b"KeyboardInterrupt" in err
    no_containers_left(client, project)
    assert project.stat().st_uid == os.getuid()


@pytest.mark.docker
@pytest.mark.e2e
def test_sigint_to_sitegen_new_leaves_no_container(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    skip_unless("sitegen.offline.planner")
    out = tmp_path / "coffee"
    env = {**os.environ, "SITEGEN_BUILD_IMAGE": TEST_IMAGE, "SITEGEN_VERIFY": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "new", "coffee shop landing page", "--sandbox", "docker",
         "--provider", "offline", "--out", str(out), "--json"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for_container(client, out, "build", timeout=600)
        time.sleep(1)
        proc.send_signal(signal.SIGINT)
        stdout, _ = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 1, stdout
    assert "Traceback" not in stdout
    no_containers_left(client, out)


@pytest.mark.docker
def test_doctor_clean_removes_what_a_crash_left(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    project = make_site(tmp_path / "site", SLOW_PAGE)
    proc = start_driver(tmp_path, project, warm_home)
    try:
        wait_for_container(client, project, "build", timeout=600)
        proc.kill()  # SIGKILL: no finally, no atexit
        proc.wait(30)
    finally:
        proc.kill()
    assert sitegen_containers(client, project), "a crash leaves the container behind"
    doctor = run_cli("doctor", "--json", env={"SITEGEN_BUILD_IMAGE": TEST_IMAGE})
    checks = {c["name"]: c for c in json.loads(doctor.stdout)["checks"]}
    assert checks["build containers"]["ok"] is False and "--clean" in checks["build containers"]["fix"]
    cleaned = run_cli("doctor", "--clean", "--json", env={"SITEGEN_BUILD_IMAGE": TEST_IMAGE})
    checks = {c["name"]: c for c in json.loads(cleaned.stdout)["checks"]}
    assert checks["clean"]["ok"] and checks["build containers"]["ok"], cleaned.stdout
    assert checks["docker daemon"]["ok"] and checks["build image"]["ok"]
    assert "1 CPU, 2 GB" in checks["sandbox limits"]["detail"]
    no_containers_left(client, project)
    if os.getuid() == 0:  # a root-owned project was lent to uid 1000; the next build gives it back
        assert project.stat().st_uid == 1000 and lent_marker(warm_home, project).exists()
        restore_lent(project, warm_home)
        assert project.stat().st_uid == 0 and (project / "app" / "page.tsx").stat().st_uid == 0
        assert not lent_marker(warm_home, project).exists()


# -- the whole CLI --------------------------------------------------------------------------------
@pytest.mark.docker
@pytest.mark.e2e
def test_sitegen_new_builds_in_the_docker_sandbox(tmp_path: Path, warm_home: Path) -> None:
    client = docker_client()
    skip_unless("sitegen.offline.planner")
    out = tmp_path / "coffee"
    env = {**os.environ, **SECRETS, "SITEGEN_BUILD_IMAGE": TEST_IMAGE, "SITEGEN_VERIFY": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "new", "coffee shop landing page", "--sandbox", "docker",
         "--provider", "offline", "--out", str(out), "--json"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        info = wait_for_container(client, out, "build", timeout=600)
        image_env = client.images.get(TEST_IMAGE).attrs["Config"].get("Env") or []
        assert_locked_down(info, out, memory=TWO_GB, secrets=SECRETS, image_env=image_env)
        stdout, stderr = proc.communicate(timeout=600)
    finally:
        proc.kill()
    assert proc.returncode == 0, stderr[-3000:]
    assert "docker" in stdout and (out / "out" / "index.html").exists()
    no_containers_left(client, out)


@pytest.mark.docker
def test_settings_from_environment_reach_the_builder(
    tmp_path: Path, sitegen_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docker_client()
    monkeypatch.setenv("SITEGEN_BUILD_IMAGE", TEST_IMAGE)
    monkeypatch.setenv("SITEGEN_BUILD_MEMORY", "1536m")
    builder, _ = select_builder(load_settings(cwd=tmp_path), "docker")
    assert isinstance(builder, DockerBuilder)
    limits = builder.limits()
    assert limits["mem_limit"] == limits["memswap_limit"] == "1536m"
    assert limits["nano_cpus"] == 1_000_000_000 and builder.image == TEST_IMAGE
