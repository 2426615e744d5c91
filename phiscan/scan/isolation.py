"""Calls in a helper child process: a native crash is a status, a spin is killed at the
file's deadline, and the call runs under the per-file memory allowance.

Forking a worker that holds the spaCy model costs about 20 ms (it copies the page
tables of a few hundred MB), against about 0.6 ms to read a one-page PDF. So each
thread forks one helper and reuses it for one call at a time. The helper is
replaced after it crashes, is killed at a deadline, runs out of memory, grows by
more than `MAX_GROWTH`, or has served `MAX_CALLS` calls; it never outlives its
worker (it exits when the worker's end of its request pipe closes, and the kernel
kills it if the worker dies mid-call).

Calls travel pickled, functions by reference. A call that does not pickle (a
lambda registered as an extractor) runs in a one-off fork that serves it alone.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from phiscan.scan.lifetime import die_with_parent
from phiscan.scan.limits import (
    FileTimeout,
    IsolatedFailure,
    address_space_bytes,
    inherited_deadline,
    remaining_seconds,
    uninterrupted,
)

T = TypeVar("T")
# function, arguments, memory allowance in MB, the file's deadline (time.monotonic(), which
# every process on the machine shares; None: no limit)
Call = tuple[Callable[..., Any], tuple, int, float | None]

MAX_CALLS = 1000
MAX_GROWTH = 256 * 1024 * 1024
FRAME = struct.Struct("!Q")
_local = threading.local()
_helpers: weakref.WeakSet[Helper] = weakref.WeakSet()  # this process's, for forked children


def run_isolated(function: Callable[..., T], args: tuple, memory_mb: int) -> T:
    """`function(*args)` in a helper under the memory allowance, killed at the deadline.

    Returns what it returned, re-raises what it raised (exceptions must pickle),
    raises FileTimeout at the deadline, and IsolatedFailure when the helper died.
    """
    left = remaining_seconds()
    call: Call = (function, args, memory_mb, None if left is None else time.monotonic() + left)
    try:
        request = pickle.dumps(call, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError):
        helper = Helper(first=call)
        try:
            return helper.receive()
        finally:
            helper.close()
    helper = _thread_helper()
    try:
        helper.send(request)
    except BrokenPipeError:  # it died while idle (the OOM killer?): not this file's doing
        helper = _thread_helper()
        helper.send(request)
    return helper.receive()


def _thread_helper() -> Helper:
    helper = getattr(_local, "helper", None)
    if helper is None or not helper.usable:
        helper = _local.helper = Helper()
    return helper


class Helper:
    """The worker's side of one helper process."""

    def __init__(self, first: Call | None = None) -> None:
        requests_read, requests_write = os.pipe()
        replies_read, replies_write = os.pipe()
        self.birth_size = address_space_bytes()
        worker_pid = os.getpid()
        pid = os.fork()
        if pid == 0:  # child: never returns
            os.close(requests_write)
            os.close(replies_read)
            _helper_main(requests_read, replies_write, first, worker_pid)
        os.close(requests_read)
        os.close(replies_write)
        self.requests, self.replies = requests_write, replies_read
        # Shared with the finalizer, which runs when the thread that owns this helper ends.
        self.state = {"pid": pid, "fds": (self.requests, self.replies)}
        self.calls = 0
        self.usable = first is None
        self._finalizer = weakref.finalize(self, _stop, self.state)
        _helpers.add(self)

    def send(self, request: bytes) -> None:
        try:
            _write_frame(self.requests, request)
        except BaseException:
            self.close()
            raise

    def receive(self) -> Any:
        self.calls += 1
        try:
            reply = _read_frame(self.replies, remaining_seconds())
        except BaseException:  # the deadline, or the worker's own interrupt: never leave it running
            self.close()
            raise
        if reply is None:
            raise IsolatedFailure(_death_reason(self._reap()))
        kind, value, size = pickle.loads(reply)
        if kind == "memory" or self.calls >= MAX_CALLS or size > self.birth_size + MAX_GROWTH:
            self.close()
        return _unpack(kind, value)

    def _reap(self) -> int:
        _, wait_status = os.waitpid(self.state["pid"], 0)
        self.state["pid"] = None
        self.close()
        return wait_status

    def close(self) -> None:
        self.usable = False
        _helpers.discard(self)
        self._finalizer()


def _stop(state: dict) -> None:
    """Close the pipes; kill and reap the helper unless it was reaped (its pid is still ours).
    No deadline cuts in: the alarm repeating into the wait for a killed helper (a loaded
    machine is slow to end it) left it unreaped, a zombie per stopped file."""
    with uninterrupted():
        for fd in state["fds"]:
            os.close(fd)
        if state["pid"] is not None:
            os.kill(state["pid"], signal.SIGKILL)
            os.waitpid(state["pid"], 0)
            state["pid"] = None


def _forget_inherited_helpers() -> None:
    """In any forked child (a new helper, a forked worker): the parent's helpers are
    not its own to use, kill or reap; closing its copies of their pipes lets each
    helper see end of file when the parent closes them."""
    for helper in list(_helpers):
        helper.usable = False
        if helper._finalizer.detach() is not None:  # still open in the parent
            for fd in helper.state["fds"]:
                os.close(fd)
    _helpers.clear()
    _local.helper = None


os.register_at_fork(after_in_child=_forget_inherited_helpers)


def _helper_main(requests: int, replies: int, first: Call | None, worker_pid: int) -> None:
    status = 0
    try:
        _become_helper(worker_pid)
        if first is not None:
            _write_frame(replies, _outcome(first))
        else:
            while (request := _read_frame(requests, None)) is not None:
                _write_frame(replies, _serve(request))
    except BaseException:  # noqa: BLE001 - a helper must never run the worker's code
        status = 70
    finally:
        os._exit(status)


def _become_helper(worker_pid: int) -> None:
    die_with_parent(worker_pid)  # a killed worker must not leave a helper spinning on a file
    faulthandler.disable()  # a native crash is reported by the worker as a status
    signal.setitimer(signal.ITIMER_REAL, 0)
    for signum in (signal.SIGALRM, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides, and kills us
    gc.freeze()  # the worker's objects are never collected here: fewer pages copied


def _serve(request: bytes) -> bytes:
    try:
        call = pickle.loads(request)
    except BaseException as exc:  # noqa: BLE001 - e.g. a function this helper cannot import
        return _pickled(("raised", exc, address_space_bytes()))
    return _outcome(call)


def _outcome(call: Call) -> bytes:
    function, args, memory_mb, file_deadline = call
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if memory_mb > 0:
        wanted = address_space_bytes() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (
            wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
    try:
        with inherited_deadline(file_deadline):
            outcome: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        outcome = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back as a status
        outcome = ("raised", exc)
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return _pickled((*outcome, address_space_bytes()))


def _pickled(outcome: tuple[str, Any, int]) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return pickle.dumps(("unpicklable", type(outcome[1]).__name__, outcome[2]))


def _write_frame(fd: int, payload: bytes) -> None:
    view = memoryview(FRAME.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view):]


def _read_frame(fd: int, seconds: float | None) -> bytes | None:
    """One frame, or None at end of file; FileTimeout when `seconds` run out first."""
    end = None if seconds is None else time.monotonic() + seconds
    header = _read_exact(fd, FRAME.size, end)
    if header is None:
        return None
    return _read_exact(fd, FRAME.unpack(header)[0], end)


def _read_exact(fd: int, size: int, end: float | None) -> bytes | None:
    chunks: list[bytes] = []
    missing = size
    while missing:
        wait = None if end is None else max(end - time.monotonic(), 0.0)
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            raise FileTimeout()
        chunk = os.read(fd, min(missing, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def _death_reason(wait_status: int) -> str:
    if os.WIFSIGNALED(wait_status):
        return f"crashed ({signal.Signals(os.WTERMSIG(wait_status)).name})"
    return f"crashed (exit {os.waitstatus_to_exitcode(wait_status)})"


def _unpack(kind: str, value: Any) -> Any:
    if kind == "ok":
        return value
    if kind == "memory":
        raise MemoryError()
    if kind == "unpicklable":
        raise IsolatedFailure(f"failed ({value})")
    raise value
