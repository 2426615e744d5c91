"""The helper process behind isolated extractors: reused while healthy, replaced after
a crash, a deadline or running out of memory, never left behind."""

from __future__ import annotations

import ctypes
import itertools
import os
import threading

import pytest

from phiscan.scan import isolation
from phiscan.scan.limits import (
    FileTimeout,
    IsolatedFailure,
    cpu_deadline,
    deadline,
    remaining_seconds,
)


def helper_pid() -> int:
    return os.getpid()


def segfault() -> None:
    ctypes.string_at(0)


def spin_in_c() -> None:
    sum(itertools.repeat(1, 10**13))


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def raise_value_error() -> None:
    raise ValueError("no content here")


def is_reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_one_helper_serves_many_calls(fresh_helper):
    pids = {isolation.run_isolated(helper_pid, (), 256) for _ in range(5)}
    assert len(pids) == 1
    assert pids != {os.getpid()}


def test_a_crash_is_a_status_and_the_next_call_gets_a_new_helper(fresh_helper):
    first = isolation.run_isolated(helper_pid, (), 256)
    with pytest.raises(IsolatedFailure, match=r"^crashed \(SIGSEGV\)$"):
        isolation.run_isolated(segfault, (), 256)
    assert is_reaped(first)
    second = isolation.run_isolated(helper_pid, (), 256)
    assert second != first


def test_the_deadline_kills_the_helper(fresh_helper):
    first = isolation.run_isolated(helper_pid, (), 256)
    with pytest.raises(FileTimeout), deadline(0.5):
        isolation.run_isolated(spin_in_c, (), 256)
    assert is_reaped(first)
    assert isolation.run_isolated(allocate, (1,), 256) == 1024 * 1024


def test_memory_allowance_holds_per_call_and_a_hog_is_replaced(fresh_helper):
    first = isolation.run_isolated(helper_pid, (), 256)
    for _ in range(3):  # each call gets the allowance afresh
        assert isolation.run_isolated(allocate, (200,), 256) == 200 * 1024 * 1024
    with pytest.raises(MemoryError):
        isolation.run_isolated(allocate, (400,), 256)
    assert is_reaped(first)
    assert isolation.run_isolated(helper_pid, (), 256) != first


def test_exceptions_come_back_and_the_helper_stays(fresh_helper):
    first = isolation.run_isolated(helper_pid, (), 256)
    with pytest.raises(ValueError, match="no content here"):
        isolation.run_isolated(raise_value_error, (), 256)
    assert isolation.run_isolated(helper_pid, (), 256) == first


def test_a_call_that_does_not_pickle_runs_in_a_one_off_child(fresh_helper):
    outer = 41
    assert isolation.run_isolated(lambda: outer + 1, (), 256) == 42
    pid = isolation.run_isolated(lambda: os.getpid(), (), 256)
    assert pid != os.getpid() and is_reaped(pid)
    assert getattr(isolation._local, "helper", None) is None


def test_closing_reaps_the_helper(fresh_helper):
    pid = isolation.run_isolated(helper_pid, (), 256)
    isolation._local.helper.close()
    assert is_reaped(pid)


def test_a_forked_child_gets_its_own_helper_and_leaves_the_parents_alone(fresh_helper):
    parents = isolation.run_isolated(helper_pid, (), 256)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # a forked worker, as a fork pool makes them
        status = 1
        try:
            os.write(write_end, str(isolation.run_isolated(helper_pid, (), 256)).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    childs = int(os.read(read_end, 64))
    os.close(read_end)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert childs not in (parents, child, os.getpid())
    assert isolation.run_isolated(helper_pid, (), 256) == parents


def time_left_in_the_helper() -> float | None:
    return remaining_seconds()


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_an_isolated_call_reads_the_time_the_worker_left_it(fresh_helper, where):
    """The helper answers `remaining_seconds()` from the deadline the worker sends, not
    from the worker's CPU clock the fork copied: a worker thread's clock names a thread
    the helper does not have (OSError: the watch daemon's threads could OCR no scanned
    PDF), a pool worker's process clock starts again at 0 in the helper."""
    answers: list[object] = []

    def call() -> None:
        try:
            with cpu_deadline(60):
                answers.append(isolation.run_isolated(time_left_in_the_helper, (), 256))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            answers.append(exc)
        finally:
            helper = getattr(isolation._local, "helper", None)
            if helper is not None and where == "worker thread":
                helper.close()

    if where == "worker thread":
        thread = threading.Thread(target=call)
        thread.start()
        thread.join(30)
    else:
        call()
    [left] = answers
    assert isinstance(left, float), left
    assert 50 < left <= 60
