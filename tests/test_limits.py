"""Per-file wall-clock and memory limits: a runaway extractor is stopped, the file
gets a status, and the next file is scanned.

The runaway extractors below are registered for a made-up extension; they stand
in for a parser stuck on a hostile file: one loops in Python, one spins inside C
code (a signal handler never runs there), one allocates without end, one crashes.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from phiscan import extract
from phiscan.config import Config
from phiscan.extract.base import ExtractContext
from phiscan.inventory.store import Inventory
from phiscan.model import TextUnit
from phiscan.scan.limits import (
    MEMORY_REASON,
    TIMEOUT_REASON,
    FileTimeout,
    cpu_deadline,
    deadline,
    memory_allowance,
    outside_file_limits,
    remaining_seconds,
    uninterrupted,
)
from phiscan.scan.pipeline import scan_item
from phiscan.scan.runner import run_scan
from phiscan.sources.local import LocalSource

NOTE = "Patient Jane Smith, NHS number 943 476 5919, seen for diabetes review.\n"


def loop_in_python(data: bytes, ctx: ExtractContext) -> Iterator[TextUnit]:
    while True:
        pass
    yield TextUnit("never")


def spin_in_c(data: bytes, ctx: ExtractContext) -> Iterator[TextUnit]:
    sum(itertools.repeat(1, 10**13))  # hours inside C: no signal handler runs meanwhile
    yield TextUnit("never")


def allocate_forever(data: bytes, ctx: ExtractContext) -> Iterator[TextUnit]:
    hoard = []
    while True:
        hoard.append(bytes(64 * 1024 * 1024))  # calloc: address space at once, pages later
    yield TextUnit("never")


def crash(data: bytes, ctx: ExtractContext) -> Iterator[TextUnit]:
    ctypes.string_at(0)  # a segfault, as a native parser on a hostile file might
    yield TextUnit("never")


RUNAWAYS = {"pyloop": loop_in_python, "cspin": spin_in_c, "hog": allocate_forever,
            "crash": crash}


@pytest.fixture
def runaway_extractors(monkeypatch):
    for name, function in RUNAWAYS.items():
        monkeypatch.setitem(extract.EXTRACTORS, name, function)
        monkeypatch.setitem(extract.EXTENSIONS, f".{name}", name)


def limited_config(timeout: float = 2.0, memory_mb: int = 256,
                   isolate: list[str] | None = None) -> Config:
    config = Config()
    config.limits.per_file_timeout_seconds = timeout
    config.limits.per_file_memory_mb = memory_mb
    config.limits.isolate_extractors = isolate if isolate is not None else ["cspin", "crash"]
    config.scan.workers = 1  # the runaway extractors are registered in this process only
    return config


def scan_one(path: Path, detector, config: Config) -> list:
    source = LocalSource(str(path), config)
    [item] = list(source.walk())
    return scan_item(item, source, detector, config)


@pytest.mark.parametrize("name", ["stuck.pyloop", "stuck.cspin"],
                         ids=["python-loop", "native-spin-in-child"])
def test_runaway_is_stopped_on_the_main_thread(tmp_path, detector, runaway_extractors, name):
    path = tmp_path / name
    path.write_text("anything")
    [result] = scan_one(path, detector, limited_config(timeout=1.0))
    assert (result.status, result.reason) == ("error", TIMEOUT_REASON)


def test_python_runaway_is_stopped_on_a_worker_thread(tmp_path, detector, runaway_extractors):
    path = tmp_path / "stuck.pyloop"
    path.write_text("anything")
    results: list = []
    worker = threading.Thread(
        target=lambda: results.extend(scan_one(path, detector, limited_config(timeout=1.0))))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    [result] = results
    assert (result.status, result.reason) == ("error", TIMEOUT_REASON)


def test_native_crash_is_a_status_not_a_dead_worker(tmp_path, detector, runaway_extractors):
    path = tmp_path / "hostile.crash"
    path.write_text("anything")
    [result] = scan_one(path, detector, limited_config())
    assert (result.status, result.reason) == ("error", "crash: crashed (SIGSEGV)")


@pytest.mark.parametrize("isolate", [[], ["hog"]], ids=["in-process", "isolated"])
def test_memory_hog_is_stopped(tmp_path, detector, runaway_extractors, isolate):
    path = tmp_path / "bomb.hog"
    path.write_text("anything")
    [result] = scan_one(path, detector, limited_config(memory_mb=256, isolate=isolate))
    assert (result.status, result.reason) == ("error", MEMORY_REASON)
    # The allowance is lifted afterwards: this process can allocate again.
    assert len(bytearray(300 * 1024 * 1024)) == 300 * 1024 * 1024


def test_isolated_extractor_gives_the_same_findings(tmp_path, detector):
    path = tmp_path / "note.txt"
    path.write_text(NOTE)
    in_process = scan_one(path, detector, limited_config(isolate=[]))
    isolated = scan_one(path, detector, limited_config(isolate=["*"]))
    assert isolated == in_process
    assert [f.entity_type for f in isolated[0].findings].count("UK_NHS") == 1


def test_scan_continues_after_runaway_files(tmp_path, runaway_extractors):
    share = tmp_path / "share"
    share.mkdir()
    for name in ("a.pyloop", "b.cspin", "c.crash", "d.hog"):
        (share / name).write_text("anything")
    (share / "e-note.txt").write_text(NOTE)
    outcome = run_scan([str(share)], tmp_path / "out", limited_config(timeout=3.0))
    assert outcome.summary["run"]["status"] == "completed"
    with Inventory(tmp_path / "out", readonly=True) as inventory:
        rows = {Path(loc.location).name: (loc.status, loc.reason)
                for loc in inventory.locations()}
        findings = inventory.findings(str(share / "e-note.txt"))
    assert rows == {
        "a.pyloop": ("error", TIMEOUT_REASON),
        "b.cspin": ("error", TIMEOUT_REASON),
        "c.crash": ("error", "crash: crashed (SIGSEGV)"),
        "d.hog": ("error", MEMORY_REASON),
        "e-note.txt": ("scanned", ""),
    }
    assert [row["entity_type"] for row in findings].count("UK_NHS") == 1


def test_deadline_does_not_fire_after_the_file_is_done():
    with deadline(0.2):
        pass
    time.sleep(0.4)  # a stray alarm would raise FileTimeout here

    def quick_on_thread(errors: list) -> None:
        try:
            with deadline(0.2):
                pass
            time.sleep(0.4)
        except FileTimeout as exc:
            errors.append(exc)

    errors: list = []
    worker = threading.Thread(target=quick_on_thread, args=(errors,))
    worker.start()
    worker.join()
    assert errors == []


def test_timeout_holds_in_process_pool_workers(tmp_path):
    """Real input, real pool: text that would take minutes to analyse is stopped."""
    share = tmp_path / "share"
    share.mkdir()
    # A name next to an NHS number in every sentence: tiered detection cannot skip the
    # NER model for any of them (minutes of work).
    sentence = "Resident Mary Jones (NHS number 943 476 5919) slept well and ate breakfast. "
    (share / "long.txt").write_text(sentence * 40_000)
    (share / "note.txt").write_text(NOTE)
    config = limited_config(timeout=2.0, memory_mb=1024)
    config.scan.workers = 2
    run_scan([str(share)], tmp_path / "out", config)
    with Inventory(tmp_path / "out", readonly=True) as inventory:
        rows = {Path(loc.location).name: (loc.status, loc.reason, loc.entities)
                for loc in inventory.locations()}
    status, reason, entities = rows["long.txt"]
    assert status == "error"
    if reason == TIMEOUT_REASON:  # stopped inside the first window: nothing read
        assert entities == {}
    else:  # stopped later: what was read is said, and its numbers kept
        read = re.fullmatch(rf"partial: {TIMEOUT_REASON}: read (\d+) of {len(sentence) * 40_000}"
                            r" characters, the rest not read", reason)
        assert read is not None, reason
        number_at = sentence.index("943")
        assert entities["UK_NHS"] == sum(1 for index in range(40_000)
                                         if index * len(sentence) + number_at < int(read[1]))
    assert rows["note.txt"][:2] == ("scanned", "")
    assert rows["note.txt"][2]["UK_NHS"] == 1


def test_30mb_without_a_newline_ends_with_a_status(tmp_path, detector):
    path = tmp_path / "no-newline.txt"
    path.write_bytes((b"Mary Jones " * (30 * 1024 * 1024 // 11 + 1))[: 30 * 1024 * 1024])
    # 6 s: a quiet core reads about 2 of the 30 MB in 3 s; at a load of 8 on two cores 3 s
    # did not finish the first window, so the test failed on how busy the machine was.
    [result] = scan_one(path, detector, limited_config(timeout=6.0, memory_mb=2048))
    assert (result.status, result.size) == ("error", 30 * 1024 * 1024)
    # Read in windows up to the deadline: the reason says how far.
    assert result.reason == (f"partial: {TIMEOUT_REASON}: read {result.chars} of "
                             f"{30 * 1024 * 1024} characters, the rest not read")
    assert 0 < result.chars < 30 * 1024 * 1024


def test_a_file_its_memory_allowance_cannot_hold_is_skipped_not_read(tmp_path):
    """The read counts against per_file_memory_mb: a file whose bytes alone exceed it is
    skipped with the reason before a byte is read (the CLI, a real process)."""
    import json
    import subprocess
    import sys

    share = tmp_path / "share"
    share.mkdir()
    with open(share / "large.txt", "wb") as large:  # sparse: 300 MB listed, no disk used
        large.write(NOTE.encode())
        large.truncate(300 * 1024 * 1024)
    (share / "small.txt").write_text(NOTE)
    config = tmp_path / "phiscan.toml"
    config.write_text("[limits]\nper_file_memory_mb = 256\n")
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(tmp_path / "out"),
         "--config", str(config), "--workers", "1", "--quiet", "--max-file-bytes", "1000000000"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {Path(row["location"]).name: row for row in map(
        json.loads, (tmp_path / "out" / "files.jsonl").read_text().splitlines())}
    size = (share / "large.txt").stat().st_size
    assert (rows["large.txt"]["status"], rows["large.txt"]["reason"]) == (
        "skipped", f"too large for per_file_memory_mb: {size} bytes > 256 MB")
    assert (rows["small.txt"]["status"], rows["small.txt"]["entities"]["UK_NHS"]) == (
        "scanned", 1)


def test_the_engines_own_load_counts_against_neither_limit():
    """A worker's spaCy model, loaded when a file's first block needs it, runs outside
    that file's deadline and memory allowance (`outside_file_limits`); the file's own
    work after it is limited as before."""
    with deadline(1.0), memory_allowance(64):
        with outside_file_limits():
            time.sleep(1.3)
            kept = bytearray(256 * 1024 * 1024)  # four times the file's allowance
        left = remaining_seconds()
        with pytest.raises(MemoryError):
            bytearray(256 * 1024 * 1024)
    assert len(kept) == 256 * 1024 * 1024
    assert left is not None and 0.5 < left <= 1.0
    with pytest.raises(FileTimeout), deadline(0.5):
        with outside_file_limits():
            time.sleep(0.7)
        time.sleep(1.0)


def test_a_files_deadline_leaves_the_alarm_handler_as_it_found_it():
    """Outside a pool worker (a serial scan, the watch daemon, a test runner's own
    timeout) SIGALRM's handler is the caller's again after each file, nested or not."""
    import signal

    def callers(signum, frame):
        raise AssertionError("the caller's alarm")

    previous = signal.signal(signal.SIGALRM, callers)
    try:
        with deadline(5.0):
            assert signal.getsignal(signal.SIGALRM) is not callers
            with deadline(4.0):
                pass
            assert signal.getsignal(signal.SIGALRM) is not callers
        assert signal.getsignal(signal.SIGALRM) is callers
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_pool_workers_kept_alarm_handler_stops_a_file_and_nothing_else():
    """A pool worker keeps the deadline's handler installed: an alarm outside any file's
    deadline is ignored, one inside stops the file."""
    import signal

    from phiscan.scan.limits import keep_alarm_handler

    previous = signal.getsignal(signal.SIGALRM)
    runners = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's alarm
    try:
        keep_alarm_handler()
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        time.sleep(0.2)  # no deadline: nothing raised
        with pytest.raises(FileTimeout), deadline(0.1):
            time.sleep(2)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        if runners[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *runners)


def _hold_for(seconds: float) -> None:
    """`seconds` of this thread's CPU spent inside a hold (a unit being recorded)."""
    with uninterrupted():
        started = time.thread_time()
        while time.thread_time() - started < seconds:
            pass


def _holds_until_stopped(limit: Callable[[], AbstractContextManager[None]]) -> int:
    """How many holds of 0.2 CPU s the loop began before the deadline stopped it (at most
    10). The timer's grain here is tens of milliseconds: the deadline falls in the first."""
    began = 0
    try:
        with limit():
            for _ in range(10):
                began += 1
                _hold_for(0.2)
    except FileTimeout:
        return began
    return began


@pytest.mark.parametrize("limit", [lambda: cpu_deadline(0.02), lambda: deadline(0.02)],
                         ids=["cpu", "wall"])
def test_a_stop_inside_a_hold_is_taken_as_the_hold_ends_on_the_main_thread(limit):
    # Nearly all the CPU is inside holds: the deadline falls inside the first one and
    # stops the loop as it ends, not at whichever repeat of the alarm falls outside one
    # (a table whose rows' recording took most of its CPU was read whole past its limit).
    assert _holds_until_stopped(limit) == 1


def test_a_stop_inside_a_hold_is_taken_as_the_hold_ends_on_a_worker_thread():
    held: list[int] = []
    worker = threading.Thread(target=lambda: held.append(
        _holds_until_stopped(lambda: cpu_deadline(0.02))))
    worker.start()
    worker.join()
    assert held == [1]

