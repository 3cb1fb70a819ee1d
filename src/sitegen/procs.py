"""Child processes: the one runner sitegen uses for npm, next, git-free tools and deploy CLIs.

Every child runs in its own process group with stdin closed, gets SIGKILL when sitegen dies
(Linux), and is stopped as a group on timeout or Ctrl-C. Output is read line by line as it comes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LineFn = Callable[[str], None]


@dataclass
class ProcResult:
    """How a child ended: exit code, what it printed (stderr merged into stdout unless split)."""

    code: int
    stdout: str
    stderr: str
    timed_out: bool


def die_with_parent() -> None:
    """In the child: get SIGKILL when sitegen dies, so a killed job leaves no build running."""
    try:
        import ctypes  # noqa: PLC0415

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def kill_group(proc: subprocess.Popen, grace: float = 0.0) -> None:
    """Stop the child's whole process group: SIGTERM first when ``grace`` > 0, then SIGKILL."""
    signals = ((signal.SIGTERM, grace),) if grace > 0 else ()
    for sig, wait in (*signals, (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this id exists (a zombie counts as gone)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _pump(stream: object, sink: list[str], on_line: LineFn | None) -> None:
    for raw in iter(stream.readline, b""):  # type: ignore[attr-defined]
        line = raw.decode("utf-8", "replace")
        sink.append(line)
        if on_line is not None:
            on_line(line)


def run(
    cmd: list[str],
    cwd: Path,
    env: dict[str, str],
    on_line: LineFn,
    timeout: float,
    *,
    split_stderr: bool = False,
    on_stdout: LineFn | None = None,
    on_start: Callable[[subprocess.Popen], None] | None = None,
    heartbeat: Callable[[float], None] | None = None,
    heartbeat_every: float = 10.0,
    grace: float = 0.0,
) -> ProcResult:
    """Run ``cmd``, passing each output line (with its newline) to ``on_line`` as it comes.

    With ``split_stderr`` stdout and stderr are kept apart and stdout lines go to ``on_stdout``
    (none: not shown). ``heartbeat(seconds)`` is called every ``heartbeat_every`` seconds while
    the child runs. Raises OSError when the command cannot start.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if split_stderr else subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    if on_start:
        on_start(proc)
    out: list[str] = []
    err: list[str] = []
    readers = [threading.Thread(target=_pump, args=(proc.stdout, out, on_stdout if split_stderr else on_line),
                                daemon=True)]
    if split_stderr:
        readers.append(threading.Thread(target=_pump, args=(proc.stderr, err, on_line), daemon=True))
    for reader in readers:
        reader.start()
    started = time.monotonic()
    timed_out = False
    try:
        while True:
            left = started + timeout - time.monotonic()
            try:
                proc.wait(timeout=max(0.0, min(left, heartbeat_every if heartbeat else left)))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() - started >= timeout:
                    timed_out = True
                    kill_group(proc, grace)
                    break
                if heartbeat:
                    heartbeat(time.monotonic() - started)
    except BaseException:
        kill_group(proc, grace)
        raise
    finally:
        if proc.poll() is not None:
            try:  # leave no stray children holding our pipes
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for reader in readers:
            reader.join(timeout=10)
    return ProcResult(proc.returncode if proc.returncode is not None else -9, "".join(out), "".join(err), timed_out)
