"""Process lifetimes: workers die with the scan that started them, and a run row
knows which process owns it.

A worker process holds scanned text (up to a batch of files) and a loaded model.
If the scanning process is killed (`kill -9`, the OOM killer), nothing would ever
tell a worker to stop: it waits on a queue whose other end it inherited, for
ever. `die_with_parent` asks Linux to SIGKILL the caller when its parent dies.

A run recorded as `running` by a process that has since died was interrupted:
`owner_token` names the current process (pid and kernel start time, so a reused
pid is not mistaken for the owner) and `owner_alive` tells whether it still runs.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """SIGKILL this process when its parent dies; exit now if it already has.

    Call first thing in a child, with the pid the parent had before it started
    the child: a parent that died before the request was made would never send
    the signal, and the child would already have been adopted by another process.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (None: no such process,
    or a zombie that has exited and awaits its reaper)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()  # after the name, which may hold spaces
    if not fields or fields[0] == "Z":
        return None
    return fields[19]  # field 22 of the whole line


def owner_token(pid: int | None = None) -> str:
    """`host pid:start` for this process (`host pid` where /proc is missing)."""
    pid = os.getpid() if pid is None else pid
    start = _start_time(pid)
    return f"{socket.gethostname()} {pid}" + (f":{start}" if start is not None else "")


def owner_alive(token: str) -> bool:
    """Whether the process a token names still runs. An empty token (a run written
    before owners were recorded) has no owner left; a process on another host
    cannot be checked from here and counts as alive."""
    host, _, process = token.rpartition(" ")
    if host and host != socket.gethostname():
        return True
    pid_text, _, start = process.partition(":")
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if start:
        return _start_time(pid) == start
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
