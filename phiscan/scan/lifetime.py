"""Worker processes die with the scan that started them.

A worker process holds scanned text (up to a batch of files) and a loaded model.
If the scanning process is killed (`kill -9`, the OOM killer), nothing would ever
tell a worker to stop: it waits on a queue whose other end it inherited, for
ever. `die_with_parent` asks Linux to SIGKILL the caller when its parent dies.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """SIGKILL this process when its parent dies; exit now if it already has.

    Call first thing in a child, with the pid the parent had before it started
    the child: a parent that died before the request was made would never send
    the signal, and the child would already have been adopted by another process.
    The signal comes when the thread that started the child ends: start workers
    from a thread that lives as long as the process (the main thread here).
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)
