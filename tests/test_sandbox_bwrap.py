"""The local build sandbox (bubblewrap): model code run by `next build` cannot reach the host.

Fast tests run small commands through ``bubblewrap.wrap`` exactly as LocalBuilder does; the e2e
tests put a hostile page into a real rendered site and run a real ``next build`` under bubblewrap
(and, as the control that shows the probe works, once without it).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from sitegen import history
from sitegen.config import Settings
from sitegen.errors import ErrorKind, SitegenError
from sitegen.sandbox import bubblewrap
from sitegen.sandbox.choice import sandboxed_local
from tests.conftest import has_node, need
from tests.docker_helpers import TEST_IMAGE, docker_client, make_site

FAKE_KEY = "AIzaFAKE-gemini-key-for-the-sandbox-test-0123456789"


def need_bwrap() -> None:
    need(bubblewrap.problem() is None, f"bubblewrap cannot run here: {bubblewrap.problem()}")


RUN_SCRIPT = """
import sys
from pathlib import Path
from sitegen import procs
from sitegen.build import build_env
from sitegen.sandbox import bubblewrap
project, home, script, boxed = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
limits = bubblewrap.Limits(int(sys.argv[5]), int(sys.argv[6])) if len(sys.argv) > 5 else None
env = build_env(home)
argv = bubblewrap.wrap(["/bin/sh", "-c", script], project, env, limits) if boxed else ["/bin/sh", "-c", script]
done = procs.run(argv, project, env, lambda _line: None, 60)
sys.stdout.write(done.stdout)
sys.exit(done.code)
"""


def in_sandbox(project: Path, script: str, home: Path, boxed: bool = True,
               limits: tuple[int, int] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a shell script the way LocalBuilder runs `next build`, from a process started with a key
    in its environment (as sitegen is, from a shell that exports GEMINI_API_KEY); ``limits`` are
    (cores, data bytes) for bubblewrap.Limits."""
    env = {**os.environ, "GEMINI_API_KEY": FAKE_KEY}
    extra = [str(n) for n in limits] if limits else []
    return subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(project), str(home), script, "1" if boxed else "0",
                           *extra], env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "node_modules" / "next").mkdir(parents=True)
    (site / "node_modules" / "next" / "index.js").write_text("module.exports = 1;\n")
    (site / "app").mkdir()
    (site / "app" / "page.tsx").write_text("export default function Page() { return <main>hi</main>; }\n")
    return site


class Listener:
    """A TCP server on the host's 127.0.0.1 that records whether anyone connected."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connected = threading.Event()
        self.stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connected.set()
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def test_argv_has_every_isolation_flag(project: Path, sitegen_home: Path) -> None:
    need_bwrap()
    argv = bubblewrap.wrap(["node", "build"], project, {"PATH": "/usr/bin", "SECRET": "x"})
    for flag in ("--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts", "--die-with-parent",
                 "--new-session", "--clearenv"):
        assert flag in argv
    joined = " ".join(argv)
    assert "--proc /proc" in joined and "--dev /dev" in joined and "--tmpfs /tmp" in joined
    assert f"--bind {project} {project}" in joined  # the only writable bind
    assert [a for i, a in enumerate(argv) if argv[i - 1] == "--bind"] == [str(project)]
    assert f"--ro-bind {project}/node_modules {project}/node_modules" in joined
    assert f"--tmpfs {project}/.git --remount-ro {project}/.git" in joined
    assert "/etc/shadow" not in joined and str(sitegen_home) not in joined
    assert argv[-3:] == ["--", "node", "build"]


def test_no_secret_no_host_processes_no_writes_outside(project: Path, tmp_path: Path, sitegen_home: Path) -> None:
    need_bwrap()
    outside = tmp_path / "outside"
    outside.mkdir()
    script = (
        "cat /proc/*/environ /proc/$PPID/environ > env.txt 2>/dev/null; ls /proc | grep -c '^[0-9]' > pids.txt; "
        f"echo pwned > {outside}/marker 2>/dev/null; echo pwned > {sitegen_home}/marker 2>/dev/null; "
        "echo x >> node_modules/next/index.js 2>/dev/null; "
        "echo '[core] fsmonitor = touch /tmp/pwned' >> .git/config 2>/dev/null; "
        "echo $HOME > home.txt; id -u > uid.txt; echo built > out.txt"
    )
    done = in_sandbox(project, script, sitegen_home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "out.txt").read_text() == "built\n"  # the project is writable
    assert FAKE_KEY not in (project / "env.txt").read_text(errors="replace")
    assert int((project / "pids.txt").read_text()) <= 4  # bwrap, sh, ls, grep: not the host's processes
    assert not (outside / "marker").exists() and not (sitegen_home / "marker").exists()
    assert (project / "node_modules" / "next" / "index.js").read_text() == "module.exports = 1;\n"
    assert (project / ".git").is_dir() and not any((project / ".git").iterdir())  # masked, never written
    assert (project / "home.txt").read_text().strip() == bubblewrap.SANDBOX_HOME
    # the control: the same script outside the sandbox finds the key and writes outside
    assert in_sandbox(project, script, sitegen_home, boxed=False).returncode == 0
    assert FAKE_KEY in (project / "env.txt").read_text(errors="replace")
    assert (outside / "marker").exists()


def test_no_network_not_even_the_hosts_loopback(project: Path, sitegen_home: Path) -> None:
    need_bwrap()
    need(has_node(), "node is not installed")
    listener = Listener()
    try:
        probe = (f"node -e \"require('net').connect({listener.port}, '127.0.0.1')"
                 ".on('connect', () => process.exit(0)).on('error', e => { console.log(e.code); process.exit(3); })\"")
        boxed = in_sandbox(project, probe, sitegen_home)
        assert boxed.returncode == 3 and "ECONNREFUSED" in boxed.stdout
        assert not listener.connected.wait(0.5)
        bare = subprocess.run(["/bin/sh", "-c", probe], capture_output=True, timeout=30)  # the control
        assert bare.returncode == 0 and listener.connected.wait(5)
    finally:
        listener.close()


def test_an_existing_git_history_is_hidden_and_kept(project: Path, sitegen_home: Path) -> None:
    need_bwrap()
    from sitegen import history

    history.commit(project, "v1")
    before = (project / ".git" / "config").read_text()
    done = in_sandbox(project, "ls -A .git | wc -l > count.txt; rm -rf .git/* 2>/dev/null; "
                               "echo '[core] fsmonitor = touch /tmp/x' > .git/config || echo refused", sitegen_home)
    assert "refused" in done.stdout
    assert (project / "count.txt").read_text().strip() == "0"  # the build sees an empty folder
    assert (project / ".git" / "config").read_text() == before
    assert [v.message for v in history.log(project)] == ["v1"]


def test_choice_names_the_sandbox(tmp_path: Path) -> None:
    need_bwrap()
    builder = sandboxed_local(Settings(home=tmp_path))
    assert builder is not None and builder.name == "local+bwrap" and builder.wrap is not None
    argv = builder.wrap(["node", "build"], tmp_path, {})
    assert argv[argv.index(sys.executable) + 5:argv.index(sys.executable) + 6] == [str(2 << 30)]  # 2g, the default
    assert argv[argv.index("--") + 1] == bubblewrap.bwrap_path()


def test_a_build_gets_one_core_and_its_memory_limit(project: Path, sitegen_home: Path) -> None:
    """What the sandbox's budget means without cgroups: every process of the build runs on the
    cores it was given and may map no more data memory than the limit."""
    need_bwrap()
    done = in_sandbox(project, "grep Cpus_allowed_list /proc/self/status; grep 'Max data size' /proc/self/limits",
                      sitegen_home, limits=(1, 512 << 20))
    assert done.returncode == 0, done.stdout
    cores = done.stdout.split("Cpus_allowed_list:")[1].split()[0]
    assert cores.isdigit() and int(cores) in os.sched_getaffinity(0)  # one core, one this machine has
    assert f"{512 << 20}" in done.stdout.split("Max data size")[1].split("\n")[0]


def test_a_build_that_takes_too_much_memory_is_stopped(project: Path, sitegen_home: Path) -> None:
    need_bwrap()
    need(has_node(), "node is not installed")
    node = shutil.which("node")
    js = "const a = []; for (let i = 0; i < 12; i++) a.push(Buffer.alloc(64 << 20, 1)); console.log('took 768 MB')"
    hog = f'{node} -e "{js}"'
    assert "took 768 MB" in in_sandbox(project, hog, sitegen_home, limits=(1, 4 << 30)).stdout  # room enough
    held = in_sandbox(project, hog, sitegen_home, limits=(1, 256 << 20))
    assert held.returncode != 0 and "took 768 MB" not in held.stdout, held.stdout[-2000:]


@pytest.mark.parametrize(("cpus", "memory", "cores", "data"), [(1.0, "2g", 1, 2 << 30), (1.5, "1536m", 2, 3 << 29)])
def test_limits_come_from_the_settings_docker_uses(tmp_path: Path, cpus: float, memory: str, cores: int,
                                                   data: int) -> None:
    limits = bubblewrap.Limits.from_settings(Settings(home=tmp_path, build_cpus=cpus, build_memory=memory))
    assert (limits.cores, limits.data_bytes) == (cores, data)
    picked = limits.pick_cores()
    assert len(picked) == min(cores, len(os.sched_getaffinity(0))) and set(picked) <= os.sched_getaffinity(0)


@pytest.mark.parametrize("memory", ["lots", "2x", "1m"])
def test_a_memory_setting_that_is_not_a_size_is_bad_usage(tmp_path: Path, memory: str) -> None:
    with pytest.raises(SitegenError) as caught:
        bubblewrap.Limits.from_settings(Settings(home=tmp_path, build_memory=memory))
    assert caught.value.kind == ErrorKind.USAGE and "SITEGEN_BUILD_MEMORY" in caught.value.message


def test_as_a_normal_user_too(tmp_path: Path) -> None:
    """CI runs as root; bubblewrap must also work for a user (unprivileged user namespaces)."""
    need_bwrap()
    runuser = shutil.which("setpriv")
    if os.geteuid() != 0 or not runuser:
        pytest.skip("needs root to switch to another user")
    base = Path(tempfile.mkdtemp(prefix="sitegen-user-"))  # pytest's tmp is root-only (0700)
    base.chmod(0o755)
    site = base / "userproj"
    site.mkdir()
    try:
        _run_as_nobody(site, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _run_as_nobody(site: Path, tmp_path: Path) -> None:
    os.chown(site, 65534, 65534)
    code = (
        "import sys; from pathlib import Path; from sitegen import procs; from sitegen.sandbox import bubblewrap\n"
        "p = bubblewrap.problem()\n"
        "if p: print(p); sys.exit(4)\n"
        f"site = Path({str(site)!r})\n"
        "argv = bubblewrap.wrap(['/bin/sh', '-c', 'cat /proc/*/environ > env.txt; id -u > uid.txt'], site, {})\n"
        "sys.exit(procs.run(argv, site, {'PATH': '/usr/bin:/bin'}, print, 60).code)\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "GEMINI_API_KEY": FAKE_KEY}
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
                          capture_output=True, text=True, timeout=60, env=env)
    if done.returncode == 4 and "namespace" in (done.stdout + done.stderr).lower():
        pytest.skip(f"unprivileged user namespaces are off here: {done.stdout.strip()}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (site / "uid.txt").read_text().strip() == "65534"
    assert FAKE_KEY not in (site / "env.txt").read_text(errors="replace")


# -- a real next build of a hostile page ---------------------------------------------------------

PROBE_PAGE = """export const dynamic = "force-static";

function probe(): Record<string, string> {
  const cp = (process as any).getBuiltinModule("child_process");
  const fs = (process as any).getBuiltinModule("fs");
  const seen: Record<string, string> = {};
  try {
    cp.execSync("echo pwned > __MARKER__");
    seen.exec = "ran";
  } catch (e) {
    seen.exec = "failed: " + String(e).slice(0, 200);
  }
  let env = "";
  let pid = process.pid;
  for (let i = 0; i < 8 && pid > 1; i++) {  // walk up the parents: /proc/<ppid>/environ
    try { env += fs.readFileSync(`/proc/${pid}/environ`, "latin1") + "\\n"; } catch { env += "?"; }
    try { pid = Number(fs.readFileSync(`/proc/${pid}/stat`, "latin1").split(") ")[1].split(" ")[1]); }
    catch { break; }
  }
  for (const p of fs.readdirSync("/proc")) {
    if (/^[0-9]+$/.test(p)) { try { env += fs.readFileSync(`/proc/${p}/environ`, "latin1"); } catch {} }
  }
  seen.environ = env;
  try {  // plant a command for sitegen's own git on the host to run later
    fs.appendFileSync(".git/config", "[core]\\n\\tfsmonitor = touch __MARKER__-git\\n");
    seen.git = "written";
  } catch (e) {
    seen.git = "refused";
  }
  seen.procs = String(fs.readdirSync("/proc").filter((p: string) => /^[0-9]+$/.test(p)).length);
  fs.writeFileSync("probe.json", JSON.stringify(seen));
  return seen;
}

export default function Page() {
  const seen = probe();
  return <main><h1>Probe</h1><p>{seen.exec.slice(0, 3)}</p></main>;
}
"""


@pytest.fixture
def hostile_site(tmp_path: Path, warm_home: Path, template_deps: Path) -> Path:
    """The shipped template with a layout and home page (a site sitegen would build), its first
    version recorded, plus a page a model might write."""
    site = make_site(tmp_path / "site")
    history.commit(site, "Generate: a bakery")
    (site / "app" / "probe").mkdir()
    marker = tmp_path / "host-marker"
    (site / "app" / "probe" / "page.tsx").write_text(PROBE_PAGE.replace("__MARKER__", str(marker)))
    return site


BUILD_SCRIPT = """
import json, sys
from pathlib import Path
from sitegen.build import LocalBuilder
from sitegen.config import Settings
from sitegen.sandbox.choice import sandboxed_local
site, home, boxed = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
settings = Settings(home=home)
builder = sandboxed_local(settings) if boxed else LocalBuilder(settings)
result = builder.build(site, lambda _line: None)
print(json.dumps({"ok": result.ok, "log": result.log[-4000:], "builder": builder.name}))
"""


def build(site: Path, home: Path, boxed: bool) -> tuple[bool, str, dict[str, str]]:
    """Build in a fresh process started with a key in its environment, as `sitegen` is started from
    a shell that exports GEMINI_API_KEY (so it is in that process's /proc/<pid>/environ)."""
    env = {**os.environ, "GEMINI_API_KEY": FAKE_KEY}
    done = subprocess.run([sys.executable, "-c", BUILD_SCRIPT, str(site), str(home), "1" if boxed else "0"],
                          env=env, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["builder"] == ("local+bwrap" if boxed else "local")
    probe = site / "probe.json"
    return result["ok"], result["log"], json.loads(probe.read_text()) if probe.exists() else {}


@pytest.mark.e2e
def test_a_hostile_page_under_bubblewrap_reaches_neither_host_nor_keys(
        hostile_site: Path, warm_home: Path) -> None:
    need_bwrap()
    ok, log, seen = build(hostile_site, warm_home, boxed=True)
    assert ok, log[-3000:]
    assert (hostile_site / "out" / "probe" / "index.html").exists()
    assert seen, "the probe page did not run"
    assert not (hostile_site.parent / "host-marker").exists()  # the command ran in the sandbox only
    assert FAKE_KEY not in seen["environ"] and "GEMINI_API_KEY" not in seen["environ"]
    assert int(seen["procs"]) < 20
    assert seen["git"] == "refused"
    history.commit(hostile_site, "Edit: after a hostile build")  # host git after the build
    assert history.log(hostile_site)[0].message == "Edit: after a hostile build"
    assert not (hostile_site.parent / "host-marker-git").exists()


@pytest.mark.e2e
def test_control_the_same_page_without_a_sandbox_does_reach_them(
        hostile_site: Path, warm_home: Path) -> None:
    """What the sandbox prevents: built bare, the same page runs a host command and finds the key."""
    need(has_node(), "node is not installed")
    ok, log, seen = build(hostile_site, warm_home, boxed=False)
    assert ok, log[-3000:]
    assert (hostile_site.parent / "host-marker").read_text() == "pwned\n"
    assert FAKE_KEY in seen["environ"]
    assert seen["git"] == "written"  # an unsandboxed build can plant it; host git still refuses it
    with pytest.raises(SitegenError) as err:
        history.commit(hostile_site, "Edit: after a hostile build")
    assert err.value.kind is ErrorKind.CONFIG and "core.fsmonitor" in err.value.message
    assert not (hostile_site.parent / "host-marker-git").exists()


@pytest.mark.docker
@pytest.mark.e2e
def test_docker_build_sees_no_git_and_host_git_stays_safe(hostile_site: Path, sitegen_home: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The Docker sandbox: the same page runs in the container; .git is an empty read-only mount."""
    docker_client()
    from sitegen.sandbox.docker import DockerBuilder

    monkeypatch.setenv("GEMINI_API_KEY", FAKE_KEY)
    config_before = (hostile_site / ".git" / "config").read_text()
    result = DockerBuilder(Settings(home=sitegen_home, build_image=TEST_IMAGE)).build(hostile_site, lambda _l: None)
    assert result.ok, result.log[-3000:]
    seen = json.loads((hostile_site / "probe.json").read_text())
    assert seen["git"] == "refused" and FAKE_KEY not in seen["environ"]
    assert not (hostile_site.parent / "host-marker").exists()
    assert (hostile_site / ".git" / "config").read_text() == config_before
    history.commit(hostile_site, "Edit: after a Docker build")
    assert not (hostile_site.parent / "host-marker-git").exists()


def test_a_timeout_or_cancel_stops_everything_in_the_sandbox(project: Path, sitegen_home: Path) -> None:
    """--new-session takes the build out of our process group; --die-with-parent and the pid
    namespace still make killing bwrap end every process inside."""
    need_bwrap()
    from sitegen import procs
    from sitegen.build import build_env

    script = "sleep 300 & sleep 301 & (sleep 302 &) ; sleep 303"
    argv = bubblewrap.wrap(["/bin/sh", "-c", script], project, build_env(sitegen_home))
    done = procs.run(argv, project, build_env(sitegen_home), lambda _line: None, 2)
    assert done.timed_out
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", "sleep 30[0-3]"], capture_output=True, text=True).stdout.split()
    mine = []
    for pid in left:
        try:
            if os.readlink(f"/proc/{pid}/cwd") == str(project):
                mine.append(pid)
        except OSError:
            continue
    assert mine == []


def test_a_lower_data_limit_the_user_already_has_is_kept() -> None:
    """A shell with `ulimit -d` below the setting: the launcher keeps the user's limit, never fails."""
    import resource

    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_DATA, (100 << 20, 100 << 20))

    argv = [*bubblewrap.Limits(1, 2 << 30).launcher(), "/bin/sh", "-c", "grep 'Max data size' /proc/self/limits"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=30, preexec_fn=lower)  # noqa: PLW1509
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[3:5] == [str(100 << 20)] * 2
