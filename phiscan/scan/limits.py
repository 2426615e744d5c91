"""Per-file wall-clock and memory limits that hold in any worker.

`[limits] per_file_timeout_seconds` and `per_file_memory_mb` bound one location
(reading, extraction and detection together), wherever the pipeline runs:

- On a process's main thread (the serial executor, every process-pool worker)
  the deadline is an ITIMER_REAL alarm: it interrupts Python code and the regex
  engine. On any other thread (thread pools, Dask workers, the watch daemon) a
  timer thread raises `FileTimeout` asynchronously in the scanning thread; C
  code is stopped when it next returns to Python.
- Memory: the soft RLIMIT_AS is lowered to the process's current address space
  plus the allowance, so an extractor that keeps allocating gets MemoryError
  and the location ends as an error. Only on the main thread: threads share an
  address space, so a per-file allowance cannot be attributed there.
- Native extractors that a signal cannot stop (a PDF library spinning in C, or
  crashing outright) run in a helper child process (`phiscan.scan.isolation`): the
  child gets the memory allowance, the worker kills it at the deadline, and a
  crash is a status.

Executors need no set-up: `scan_item` applies the limits itself. An executor may
call `prepare_worker()` once per worker process to pay the watchdog start-up early.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from phiscan.config import LimitsConfig

TIMEOUT_REASON = "timeout: over per_file_timeout_seconds"
MEMORY_REASON = "out of memory: over per_file_memory_mb"
WHILE_READING = "(while reading)"
_MB = 1024 * 1024


class FileTimeout(BaseException):
    """The file overran its wall-clock limit.

    A BaseException, so library code that swallows `Exception` cannot eat it.
    """


class IsolatedFailure(Exception):
    """An isolated helper died without a result. The message is a safe reason."""


_current = threading.local()


def remaining_seconds() -> float | None:
    """Time left for the file being scanned on this thread (None: no limit)."""
    deadline = getattr(_current, "deadline", None)
    return None if deadline is None else max(deadline - time.monotonic(), 0.0)


def memory_refusal(size: int, limits: LimitsConfig) -> str | None:
    """Why a file cannot be read within its memory allowance (its bytes alone would fill
    it), or None. Such a file is skipped with this reason rather than read whole."""
    if limits.per_file_memory_mb > 0 and size > limits.per_file_memory_mb * _MB:
        return f"too large for per_file_memory_mb: {size} bytes > {limits.per_file_memory_mb} MB"
    return None


@contextmanager
def file_limits(limits: LimitsConfig) -> Iterator[None]:
    """Both per-file limits around one location."""
    with deadline(limits.per_file_timeout_seconds), memory_allowance(limits.per_file_memory_mb):
        yield


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """FileTimeout after `seconds`. Nests: inside another deadline the earlier one
    applies, and the outer one holds again on the way out (one OCR page inside a file)."""
    if seconds <= 0:
        yield
        return
    previous = getattr(_current, "deadline", None)
    end = time.monotonic() + seconds
    if previous is not None and previous <= end:
        yield
        return
    _current.deadline = end
    guard = _alarm_deadline if _on_main_thread() else _timer_deadline
    try:
        with guard(seconds):
            yield
    finally:
        _current.deadline = previous


@contextmanager
def inherited_deadline(end: float | None) -> Iterator[None]:
    """The deadline of a file whose worker enforces it (an isolated helper's call):
    `remaining_seconds()` answers for it here, and nothing fires."""
    previous = getattr(_current, "deadline", None)
    _current.deadline = end
    try:
        yield
    finally:
        _current.deadline = previous


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# After the deadline the alarm repeats: a FileTimeout raised while the interpreter
# happened to run a __del__ or a GC callback is printed and dropped, not propagated.
REPEAT_SECONDS = 0.25


def _on_alarm(signum, frame) -> None:
    """SIGALRM while this process's main thread has a deadline: the file is out of time."""
    if getattr(_current, "deadline", None) is not None:
        raise FileTimeout()


def keep_alarm_handler() -> None:
    """In a process of its own (a pool worker): `_on_alarm` stays SIGALRM's handler, so
    a file's deadline does not install and restore it (two `signal.signal` calls, the
    costliest part of a file's limits). Nothing else in a worker uses SIGALRM."""
    signal.signal(signal.SIGALRM, _on_alarm)


@contextmanager
def _alarm_deadline(seconds: float) -> Iterator[None]:
    outer_left, outer_repeat = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    previous = signal.getsignal(signal.SIGALRM)
    if previous is not _on_alarm:  # installed by a pool worker, or by an enclosing deadline
        signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if previous is not _on_alarm:
            signal.signal(signal.SIGALRM, previous)
        if outer_left > 0:  # an enclosing deadline's alarm, re-armed for the time it has left
            left = max(outer_left - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_repeat)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def _timer_deadline(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in this (non-main) thread from a watchdog thread."""
    target = threading.get_ident()
    lock = threading.Lock()
    finished = threading.Event()
    state = {"active": True, "fired": False}

    def watch() -> None:
        if finished.wait(seconds):
            return
        while True:
            with lock:
                if not state["active"]:
                    return
                state["fired"] = True
                _set_async_exc(target, FileTimeout)
            if finished.wait(REPEAT_SECONDS):
                return

    watchdog = threading.Thread(target=watch, name="phiscan-deadline", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        finished.set()
        if state["fired"]:
            # The exception may still be pending: clear it and raise it here, once.
            _set_async_exc(target, ctypes.py_object())
    if state["fired"]:
        raise FileTimeout()


@contextmanager
def memory_allowance(megabytes: int) -> Iterator[None]:
    if megabytes <= 0 or not _on_main_thread():
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = address_space_bytes() + megabytes * _MB
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY:
        wanted = min(wanted, soft)
    previous = getattr(_current, "outer_memory", None)
    _current.outer_memory = (soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        _current.outer_memory = previous


@contextmanager
def outside_file_limits() -> Iterator[None]:
    """Work done inside counts against neither the file's deadline nor its memory
    allowance: the engine's, not the file's (a worker's spaCy model, loaded when the
    first block needs it). The deadline moves by the time spent; the allowance moves by
    the memory the work kept. Main thread only (elsewhere the limits hold)."""
    if not _on_main_thread():
        yield
        return
    left, repeat = signal.getitimer(signal.ITIMER_REAL)
    deadline_end = getattr(_current, "deadline", None)
    outer_memory = getattr(_current, "outer_memory", None)
    allowance = resource.getrlimit(resource.RLIMIT_AS)
    size_before = address_space_bytes()
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, 0)
    if outer_memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, outer_memory)
    try:
        yield
    finally:
        if outer_memory is not None:
            soft, hard = allowance
            if soft != resource.RLIM_INFINITY:
                soft += max(address_space_bytes() - size_before, 0)
                soft = soft if hard == resource.RLIM_INFINITY else min(soft, hard)
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        if deadline_end is not None:
            _current.deadline = deadline_end + (time.monotonic() - started)
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left, repeat)


PAGE_BYTES = resource.getpagesize()
# (pid, descriptor) of /proc/self/statm as this process opened it: a forked child's
# inherited descriptor reads its parent's figures, so a child opens its own.
_statm: tuple[int, int] | None = None


def address_space_bytes() -> int:
    """This process's virtual size (what RLIMIT_AS counts), read from /proc/self/statm kept
    open (each file's limits ask it: opening it each time cost more than the rest of them)."""
    return int(os.pread(_statm_descriptor(), 64, 0).split()[0]) * PAGE_BYTES


def _statm_descriptor() -> int:
    global _statm
    pid, known = os.getpid(), _statm
    if known is not None and known[0] == pid:
        return known[1]
    # No lock (a helper may be forked from any thread): two threads opening it at once
    # leave one descriptor unused, once per process.
    descriptor = os.open("/proc/self/statm", os.O_RDONLY | os.O_CLOEXEC)
    _statm = (pid, descriptor)
    return descriptor


def prepare_worker() -> None:
    """Optional, once per worker process: load what the limits use before the first file."""
    address_space_bytes()


