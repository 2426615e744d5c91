"""Per-file time and memory limits that hold in any worker.

`[limits] per_file_timeout_seconds` and `per_file_memory_mb` bound one location
(reading, extraction and detection together), wherever the pipeline runs:

- Time is the worker's CPU time, so a file gets the same allowance on a quiet
  machine and a loaded one: the same file ends with the same status and the same
  findings. A wall-clock backstop (`per_file_wall_seconds`, by default ten times
  the CPU allowance and at least ten minutes) stops a file that waits without
  computing, and the source's read waits at most `per_file_timeout_seconds` of wall
  time (a connection that never answers uses no CPU).
- On a process's main thread (the serial executor, every process-pool worker)
  the deadlines are interval timers: ITIMER_PROF (the process's CPU) and
  ITIMER_REAL (the backstop); their signals interrupt Python code and the regex
  engine. On any other thread (thread pools, Dask workers, the watch daemon) a
  timer thread watches the scanning thread's own CPU clock and the wall clock and
  raises `FileTimeout` asynchronously in it; C code is stopped when it next
  returns to Python.
- A stop is held back while the pipeline records a unit it has read
  (`uninterrupted`): the alarm repeats, so the file stops just after, and what the
  reason says was read is exactly what the findings cover.
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
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from phiscan.config import LimitsConfig

TIMEOUT_REASON = "timeout: over per_file_timeout_seconds"
WALL_REASON = "timeout: over per_file_wall_seconds"
MEMORY_REASON = "out of memory: over per_file_memory_mb"
WHILE_READING = "(while reading)"
_MB = 1024 * 1024


class FileTimeout(BaseException):
    """The file overran its time allowance (`reason` says which).

    A BaseException, so library code that swallows `Exception` cannot eat it.
    """

    reason = TIMEOUT_REASON


class WallTimeout(FileTimeout):
    """The file overran its wall-clock backstop: it waited, rather than computed."""

    reason = WALL_REASON


# The backstop when `per_file_wall_seconds` is 0: a file may wait on its machine's
# load (or a helper, or an OCR engine) this many times its CPU allowance, and never less
# than the floor (a small allowance on a machine whose cores are shared ten ways).
WALL_PER_CPU = 10.0
WALL_FLOOR_SECONDS = 600.0


class IsolatedFailure(Exception):
    """An isolated helper died without a result. The message is a safe reason."""


_current = threading.local()


def remaining_seconds() -> float | None:
    """Time left for the file being scanned on this thread (None: no limit): the lesser
    of its wall time and its CPU time left (a wait for a helper or an OCR engine spends
    the CPU allowance as wall time)."""
    left = [end - time.monotonic() for end in [getattr(_current, "deadline", None)]
            if end is not None]
    cpu = getattr(_current, "cpu", None)
    if cpu is not None:
        left.append(cpu[1] - cpu[0]())
    return max(min(left), 0.0) if left else None


def wall_seconds(limits: LimitsConfig) -> float:
    """The wall-clock backstop of one file (0: none)."""
    if limits.per_file_wall_seconds > 0 or limits.per_file_timeout_seconds <= 0:
        return limits.per_file_wall_seconds
    return max(WALL_PER_CPU * limits.per_file_timeout_seconds, WALL_FLOOR_SECONDS)


def memory_refusal(size: int, limits: LimitsConfig) -> str | None:
    """Why a file cannot be read within its memory allowance (its bytes alone would fill
    it), or None. Such a file is skipped with this reason rather than read whole."""
    if limits.per_file_memory_mb > 0 and size > limits.per_file_memory_mb * _MB:
        return f"too large for per_file_memory_mb: {size} bytes > {limits.per_file_memory_mb} MB"
    return None


@contextmanager
def file_limits(limits: LimitsConfig) -> Iterator[None]:
    """Every per-file limit around one location (or its names' reading)."""
    with (deadline(wall_seconds(limits), WallTimeout),
          cpu_deadline(limits.per_file_timeout_seconds),
          memory_allowance(limits.per_file_memory_mb)):
        yield


def read_limit(limits: LimitsConfig) -> AbstractContextManager[None]:
    """Inside `file_limits`, around the source's read: a read waits rather than
    computes, so it gets the allowance in wall time."""
    return deadline(limits.per_file_timeout_seconds)


@contextmanager
def deadline(seconds: float, error: type[FileTimeout] = FileTimeout) -> Iterator[None]:
    """`error` after `seconds` of wall time. Nests: inside another deadline the earlier
    one applies, and the outer one holds again on the way out (one OCR page inside a
    file)."""
    if seconds <= 0:
        yield
        return
    previous = getattr(_current, "deadline", None), getattr(_current, "wall_error", FileTimeout)
    end = time.monotonic() + seconds
    if previous[0] is not None and previous[0] <= end:
        yield
        return
    _current.deadline, _current.wall_error = end, error
    try:
        if _on_main_thread():
            with _alarm_deadline(seconds, signal.ITIMER_REAL, _on_alarm):
                yield
        else:
            with _timer_deadline(lambda: end - time.monotonic(), error):
                yield
    finally:
        _current.deadline, _current.wall_error = previous


@contextmanager
def cpu_deadline(seconds: float) -> Iterator[None]:
    """FileTimeout once this worker has spent `seconds` of CPU time: the process's on
    its main thread (a pool worker's, the serial scan's), the thread's own elsewhere."""
    if seconds <= 0:
        yield
        return
    main = _on_main_thread()
    clock = time.process_time if main else _thread_clock()
    previous = getattr(_current, "cpu", None)
    end = clock() + seconds
    if previous is not None and previous[1] <= end:
        yield
        return
    _current.cpu = (clock, end)
    try:
        if main:
            with _alarm_deadline(seconds, signal.ITIMER_PROF, _on_cpu_alarm):
                yield
        else:
            with _timer_deadline(lambda: end - clock(), FileTimeout):
                yield
    finally:
        _current.cpu = previous


def _thread_clock() -> Callable[[], float]:
    """This thread's CPU clock, readable from any thread (the watchdog's)."""
    clock_id = time.pthread_getcpuclockid(threading.get_ident())
    return lambda: time.clock_gettime(clock_id)


# Threads recording a unit they have read: a stop waits for them (`uninterrupted`).
_holding: set[int] = set()
# A stop that fell inside a thread's hold, taken as the hold ends: {thread: its error}.
# Without it the stop waited for the alarm's next repeat, and a file whose CPU went mostly
# into holds (a table's rows recorded one by one) could see every repeat fall inside one
# and be read whole past its allowance.
_held_stops: dict[int, type[FileTimeout]] = {}


@contextmanager
def uninterrupted() -> Iterator[None]:
    """A few statements no deadline cuts in two (a unit's findings and the count of what
    was read): a stop that falls inside is taken as soon as they are done."""
    ident = threading.get_ident()
    _holding.add(ident)
    try:
        yield
    finally:
        _holding.discard(ident)
        held = _held_stops.pop(ident, None)
    if held is not None:
        raise held()


def _stop_or_hold(ident: int, error: type[FileTimeout]) -> bool:
    """True: the thread may be stopped now. False: it is inside a hold, which takes the
    stop as it ends."""
    if ident in _holding:
        _held_stops[ident] = error
        return False
    return True


@contextmanager
def inherited_deadline(end: float | None) -> Iterator[None]:
    """The deadline of a file whose worker enforces it (an isolated helper's call):
    `remaining_seconds()` answers for it here, and nothing fires. `end` is already the
    lesser of the worker's wall and CPU time left, so the CPU clock the fork copied is
    set aside: it is the worker's, not this process's (a worker thread's clock names a
    thread this process does not have, and reading it raised OSError: every OCR'd PDF
    page of the watch daemon failed so; a pool worker's process clock starts again at 0
    here)."""
    previous = getattr(_current, "deadline", None), getattr(_current, "cpu", None)
    _current.deadline, _current.cpu = end, None
    try:
        yield
    finally:
        _current.deadline, _current.cpu = previous


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# After the deadline the alarm repeats: a FileTimeout raised while the interpreter
# happened to run a __del__ or a GC callback is printed and dropped, not propagated.
REPEAT_SECONDS = 0.25


def _on_alarm(signum, frame) -> None:
    """SIGALRM while this process's main thread has a deadline: the file is out of time."""
    error = getattr(_current, "wall_error", FileTimeout)
    if getattr(_current, "deadline", None) is not None and _stop_or_hold(threading.get_ident(),
                                                                         error):
        raise error()


def _on_cpu_alarm(signum, frame) -> None:
    """SIGPROF while this process's main thread has a CPU deadline."""
    if getattr(_current, "cpu", None) is not None and _stop_or_hold(threading.get_ident(),
                                                                    FileTimeout):
        raise FileTimeout()


TIMERS = {signal.ITIMER_REAL: signal.SIGALRM, signal.ITIMER_PROF: signal.SIGPROF}


def keep_alarm_handler() -> None:
    """In a process of its own (a pool worker): `_on_alarm` and `_on_cpu_alarm` stay the
    handlers, so a file's deadline does not install and restore them (`signal.signal`
    calls, the costliest part of a file's limits). Nothing else in a worker uses
    SIGALRM or SIGPROF."""
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.signal(signal.SIGPROF, _on_cpu_alarm)


@contextmanager
def _alarm_deadline(seconds: float, timer: int, handler: Callable) -> Iterator[None]:
    signum = TIMERS[timer]
    clock = time.monotonic if timer == signal.ITIMER_REAL else time.process_time
    outer_left, outer_repeat = signal.getitimer(timer)
    started = clock()
    previous = signal.getsignal(signum)
    if previous is not handler:  # installed by a pool worker, or by an enclosing deadline
        signal.signal(signum, handler)
    signal.setitimer(timer, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        if previous is not handler:
            signal.signal(signum, previous)
        if outer_left > 0:  # an enclosing deadline's alarm, re-armed for the time it has left
            left = max(outer_left - (clock() - started), 0.001)
            signal.setitimer(timer, left, outer_repeat)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def _timer_deadline(left: Callable[[], float], error: type[FileTimeout]) -> Iterator[None]:
    """Raise `error` in this (non-main) thread from a watchdog thread once `left()` (the
    seconds left on the deadline's clock, which runs no faster than the wall's) is 0."""
    target = threading.get_ident()
    lock = threading.Lock()
    finished = threading.Event()
    state = {"active": True, "fired": False}

    def watch() -> None:
        while (seconds := left()) > 0:
            if finished.wait(seconds):
                return
        while True:
            with lock:
                if not state["active"]:
                    return
                if _stop_or_hold(target, error):
                    state["fired"] = True
                    _set_async_exc(target, error)
            if finished.wait(REPEAT_SECONDS):
                return

    watchdog = threading.Thread(target=watch, name="phiscan-deadline", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            _held_stops.pop(target, None)  # a hold's stop never outlives its deadline
        finished.set()
        if state["fired"]:
            # The exception may still be pending: clear it and raise it here, once.
            _set_async_exc(target, ctypes.py_object())
    if state["fired"]:
        raise error()


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
    timers = {timer: signal.getitimer(timer) for timer in TIMERS}
    deadline_end = getattr(_current, "deadline", None)
    cpu = getattr(_current, "cpu", None)
    outer_memory = getattr(_current, "outer_memory", None)
    allowance = resource.getrlimit(resource.RLIMIT_AS)
    size_before = address_space_bytes()
    started, cpu_started = time.monotonic(), time.process_time()
    for timer in TIMERS:
        signal.setitimer(timer, 0)
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
        if cpu is not None:
            _current.cpu = (cpu[0], cpu[1] + (time.process_time() - cpu_started))
        for timer, (left, repeat) in timers.items():
            if left > 0:
                signal.setitimer(timer, left, repeat)


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


