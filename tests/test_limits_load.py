"""The per-file time limit is the worker's CPU time: a file gets the same status and the
same findings on a quiet machine and on a busy one, and a file too big for its
allowance stops on a row's boundary with the reason saying which row it read through.

The load is made, not hoped for: the test and CPU hogs share one core (CPU affinity),
so the scan gets a quarter of it at most, whatever the machine is doing.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import random
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.detect.tiered import NerMemory
from phiscan.detect.unit_memo import UnitMemo
from phiscan.scan.limits import TIMEOUT_REASON
from phiscan.scan.pipeline import scan_item
from phiscan.sources.local import LocalSource

pytestmark = pytest.mark.skipif(not hasattr(os, "sched_setaffinity"),
                                reason="needs CPU affinity to make the load")
HOGS = 3
ROWS = 1_500


def nhs_number(rng: random.Random) -> str:
    """A valid NHS number in the 4xx range (its first six digits are no date: no CHI)."""
    while True:
        digits = [4] + [rng.randint(0, 9) for _ in range(8)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check % 11)


def visits_csv(path: Path) -> None:
    """A clinic's export of one visit a row: each data row names one patient by number."""
    rng = random.Random(17)
    first = ["Aled", "Bronwen", "Ceri", "Dafydd", "Eluned", "Ffion", "Gethin", "Heledd",
             "Iolo", "Llinos"]
    last = ["Pritchard", "Vaughan", "Rees", "Bowen", "Howells", "Parry", "Lloyd", "Griffiths"]
    lines = ["visit_id,attended,patient_name,nhs_no,clinic,outcome_note"]
    for row in range(2, ROWS + 2):
        lines.append(f"V{row:06d},2024-03-{rng.randint(10, 28)},{rng.choice(first)} "
                     f"{rng.choice(last)},{nhs_number(rng)},Ward {rng.randint(1, 30)},"
                     f"bloods repeated; next visit in {rng.randint(2, 12)} weeks")
    path.write_text("\n".join(lines) + "\n")


def spin() -> None:
    os.sched_setaffinity(0, {0})
    while True:
        pass


@contextmanager
def one_busy_core() -> Iterator[None]:
    """This process and `HOGS` spinning processes on one core."""
    mask = os.sched_getaffinity(0)
    core = min(mask)
    os.sched_setaffinity(0, {core})
    hogs = [multiprocessing.get_context("fork").Process(target=spin, daemon=True)
            for _ in range(HOGS)]
    for hog in hogs:
        hog.start()
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.join()
        os.sched_setaffinity(0, mask)


@pytest.fixture
def forgetful(detector, monkeypatch):
    """The session's detector, its memories of units and names put back after the test."""
    monkeypatch.setattr(detector, "units", detector.units)
    monkeypatch.setattr(detector.layered, "ner_memory", detector.layered.ner_memory)
    return detector


def scan(path: Path, detector, timeout: float, wall: float = 0.0) -> tuple:
    """The file's row, analysed in full each time (no unit or name remembered)."""
    detector.units, detector.layered.ner_memory = UnitMemo(), NerMemory()
    config = Config()
    config.limits.per_file_timeout_seconds = timeout
    config.limits.per_file_wall_seconds = wall
    config.scan.workers = 1
    source = LocalSource(str(path), config)
    [item] = list(source.walk())
    [result] = scan_item(item, source, detector, config)
    findings = sorted((f.entity_type, f.where, f.value_hash) for f in result.findings)
    return result.status, result.reason, result.chars, findings


def cpu_seconds(path: Path, detector) -> float:
    """The file's CPU: the least of three scans. One scan can carry a cost that is not the
    file's (a collection of the test process's heap, grown by the tests before it), which
    made an allowance of a third of it enough for the whole file."""
    gc.collect()
    return min(_cpu_of_one_scan(path, detector) for _ in range(3))


def _cpu_of_one_scan(path: Path, detector) -> float:
    started = time.process_time()
    scan(path, detector, 0)
    return time.process_time() - started


def test_the_same_file_ends_the_same_on_a_busy_machine(tmp_path, forgetful):
    path = tmp_path / "visits.csv"
    visits_csv(path)
    scan(path, forgetful, 0)  # the engine's first use is not the file's cost
    # Twice the file's CPU: a quiet scan is well inside; with the scan given a quarter of
    # a core at most its wall time is four times its CPU, so a wall-clock limit ran out.
    # The wall-clock backstop (for a file that waits) is set out of the way.
    allowance = max(2 * cpu_seconds(path, forgetful), 1.0)
    quiet = scan(path, forgetful, allowance, wall=3600)
    with one_busy_core():
        started = time.monotonic()
        busy = scan(path, forgetful, allowance, wall=3600)
        waited = time.monotonic() - started
    assert waited > allowance  # the load was real: the wall clock ran past the allowance
    assert quiet[:2] == busy[:2] == ("scanned", "")
    assert busy == quiet
    assert sum(1 for kind, *_ in busy[3] if kind == "UK_NHS") == ROWS


def test_a_file_over_its_allowance_stops_on_a_row_and_says_which(tmp_path, forgetful):
    path = tmp_path / "visits.csv"
    visits_csv(path)
    scan(path, forgetful, 0)
    allowance = cpu_seconds(path, forgetful) / 3
    status, reason, chars, findings = scan(path, forgetful, allowance)
    read = re.fullmatch(rf"partial: {TIMEOUT_REASON}: read (\d+) characters, through row "
                        r"(\d+), the rest not read", reason)
    assert status == "error" and read is not None, reason
    through = int(read[2])
    assert int(read[1]) == chars and 2 <= through < ROWS + 1
    # Every row up to the one named has its number, and no row after it: the cut is a
    # row's boundary, and what the reason says was read is what the findings cover.
    numbered_rows = [int(where.removeprefix("row ")) for kind, where, _ in findings
                     if kind == "UK_NHS"]
    assert sorted(numbered_rows) == list(range(2, through + 1))
