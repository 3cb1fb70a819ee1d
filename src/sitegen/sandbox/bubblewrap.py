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
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

NAME = "local+bwrap"
# files and folders of /etc a Node build may read (bound read-only when present)
ETC = ("ssl", "ca-certificates", "ca-certificates.conf", "passwd", "group", "hosts", "nsswitch.conf",
       "localtime", "alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "os-release", "mime.types")
TOP_LEVEL = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
SANDBOX_HOME = "/tmp/home"


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


def wrap(cmd: list[str], project_dir: Path, env: dict[str, str]) -> list[str]:
    """The bwrap argv running ``cmd`` in ``project_dir`` with exactly ``env`` (HOME is a tmpfs)."""
    bwrap = bwrap_path()
    if not bwrap:
        raise FileNotFoundError("bwrap")
    project_dir = Path(project_dir).resolve()
    inner = {**env, "HOME": SANDBOX_HOME, "TMPDIR": "/tmp"}
    setenv = [arg for key, value in sorted(inner.items()) for arg in ("--setenv", key, value)]
    return [
        bwrap, *_base_args(), "--dir", SANDBOX_HOME,
        *_node_prefix(cmd), *_project_args(project_dir),
        "--clearenv", *setenv, "--chdir", str(project_dir),
        "--", *cmd,
    ]
