"""The local build sandbox: run a command that executes project code under bubblewrap (Linux).

``wrap(cmd, project_dir, env)`` returns a ``bwrap`` argv that runs ``cmd`` with:

- new pid, ipc, network, uts (and, when possible, cgroup) namespaces: no network at all (only a
  loopback of its own), no view of the host's processes; ``/proc`` is a fresh mount of the new
  pid namespace, so ``/proc/<ppid>/environ`` of sitegen is not there to read;
- ``--die-with-parent`` and ``--new-session`` (no terminal injection, gone when sitegen dies);
- read-only binds of ``/usr`` (and ``/bin``, ``/lib*`` …: symlinks kept as symlinks), a few
  files of ``/etc`` node needs (no ``/etc/shadow``), and Node's own prefix when it is not
  under ``/usr``; a private tmpfs ``/tmp`` (also HOME) and a minimal ``/dev``;
- the project folder as the ONLY writable bind, with ``node_modules`` (hard links into the
  dependency cache) bound read-only over it and ``.git`` hidden under an empty read-only tmpfs;
- ``--clearenv`` plus the allowlisted environment given by the builder (no keys, no tokens).

The ``npm ci --ignore-scripts`` install step needs the network and runs no project code, so it
is not wrapped. ``problem()`` says why bubblewrap cannot be used here (None when it works).

``Limits`` holds the build to the sandbox's budget without cgroups: ``build_cpus`` CPU cores (an
affinity every process of the build inherits) and ``build_memory`` of data memory per process
(RLIMIT_DATA: heap and private writable mappings; unlike Docker's limit it is per process, not the
build's total). A launcher sets both on itself and then executes bwrap, so they are in place before
any process of the build exists.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.errors import usage
from sitegen.sandbox.errors import human_size, size_in_bytes

if TYPE_CHECKING:
    from sitegen.config import Settings

NAME = "local+bwrap"
# files and folders of /etc a Node build may read (bound read-only when present)
ETC = ("ssl", "ca-certificates", "ca-certificates.conf", "passwd", "group", "hosts", "nsswitch.conf",
       "localtime", "alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "os-release", "mime.types")
TOP_LEVEL = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
SANDBOX_HOME = "/tmp/home"


# sets the limits on its own process, then becomes the command: argv = data-bytes cores -- command…
LAUNCHER = (
    "import os, resource, sys\n"
    "data, cores = int(sys.argv[1]), {int(c) for c in sys.argv[2].split(',') if c}\n"
    "hard = resource.getrlimit(resource.RLIMIT_DATA)[1]\n"
    "if hard != resource.RLIM_INFINITY: data = min(data, hard)  # never above what we may set\n"
    "if data > 0: resource.setrlimit(resource.RLIMIT_DATA, (data, data))\n"
    "if cores: os.sched_setaffinity(0, cores)\n"
    "os.execv(sys.argv[4], sys.argv[4:])\n"
)


@dataclass(frozen=True)
class Limits:
    """What one build may use under bubblewrap: how many CPU cores, and data memory per process."""

    cores: int
    data_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """SITEGEN_BUILD_CPUS (rounded up to whole cores) and SITEGEN_BUILD_MEMORY, as Docker gets them."""
        data = size_in_bytes(str(settings.build_memory))
        if data is None or data < 64 << 20:
            raise usage(f"SITEGEN_BUILD_MEMORY={settings.build_memory!r} is not a memory size of 64m or more",
                        "Use a size such as 2g or 1536m.")
        return cls(cores=max(1, math.ceil(float(settings.build_cpus))), data_bytes=data)

    def pick_cores(self) -> list[int]:
        """``cores`` of the cores this process may use, starting at one chosen by its pid, so builds
        of several processes (a team server's workers) do not all land on the same core."""
        allowed = sorted(os.sched_getaffinity(0))
        start = os.getpid() % len(allowed)
        return [allowed[(start + i) % len(allowed)] for i in range(min(self.cores, len(allowed)))]

    def launcher(self) -> list[str]:
        """The argv prefix that applies the limits and then runs what follows it."""
        cores = ",".join(str(c) for c in self.pick_cores())
        return [sys.executable, "-I", "-S", "-c", LAUNCHER, str(self.data_bytes), cores, "--"]

    def describe(self) -> str:
        return f"{self.cores} CPU core(s), {human_size(str(self.data_bytes))} of memory per process"


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


@lru_cache(maxsize=4)
def probe(bwrap: str) -> str | None:
    """Run a trivial command in the same kind of sandbox; None when it works, else why not."""
    argv = [bwrap, *_base_args(), "--", "/bin/sh", "-c", "exit 0"]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL,
                              env={"PATH": os.defpath})
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap does not start ({exc})"
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"bubblewrap cannot make a sandbox here ({detail[-1] if detail else done.returncode})"
    return None


def problem() -> str | None:
    """None when builds can run under bubblewrap on this machine; otherwise a one-line reason."""
    if not sys.platform.startswith("linux"):
        return "bubblewrap needs Linux"
    bwrap = bwrap_path()
    if not bwrap:
        return "bubblewrap (bwrap) is not installed"
    return probe(bwrap)


def _system_args() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for name in TOP_LEVEL:
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ETC:
        if (Path("/etc") / name).exists():
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    return args


def _base_args() -> list[str]:
    return [
        "--die-with-parent", "--new-session",
        "--unshare-pid", "--unshare-ipc", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
        "--hostname", "sitegen-build",
        *_system_args(),
        "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    ]


def _node_prefix(cmd: list[str]) -> list[str]:
    """Node installed outside /usr (nvm, /opt/node): bind its prefix read-only."""
    exe = Path(cmd[0]).resolve() if cmd else None
    if exe is None or not exe.is_absolute() or str(exe).startswith("/usr/"):
        return []
    prefix = exe.parent.parent if exe.parent.name == "bin" else exe.parent
    return ["--ro-bind", str(prefix), str(prefix)]


def _project_args(project_dir: Path) -> list[str]:
    project = str(project_dir)
    args = ["--bind", project, project]
    modules = project_dir / "node_modules"
    if modules.is_symlink():  # a linked cache entry: visible, read-only, at its real place
        real = str(modules.resolve())
        args += ["--ro-bind", real, real]
    elif modules.is_dir():
        args += ["--ro-bind", str(modules), str(modules)]
    git = project_dir / ".git"
    if not git.exists() and not git.is_symlink():
        git.mkdir()  # the mount point, made by us: the build cannot create a .git of its own
    if git.is_dir() and not git.is_symlink():
        args += ["--tmpfs", str(git), "--remount-ro", str(git)]
    return args


def wrap(cmd: list[str], project_dir: Path, env: dict[str, str], limits: Limits | None = None) -> list[str]:
    """The bwrap argv running ``cmd`` in ``project_dir`` with exactly ``env`` (HOME is a tmpfs), held
    to ``limits`` when given."""
    bwrap = bwrap_path()
    if not bwrap:
        raise FileNotFoundError("bwrap")
    project_dir = Path(project_dir).resolve()
    inner = {**env, "HOME": SANDBOX_HOME, "TMPDIR": "/tmp"}
    setenv = [arg for key, value in sorted(inner.items()) for arg in ("--setenv", key, value)]
    return [
        *(limits.launcher() if limits else []),
        bwrap, *_base_args(), "--dir", SANDBOX_HOME,
        *_node_prefix(cmd), *_project_args(project_dir),
        "--clearenv", *setenv, "--chdir", str(project_dir),
        "--", *cmd,
    ]
