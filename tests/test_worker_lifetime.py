"""`kill -9` of a real scan: its worker processes (and their isolation helpers) die
with it, and the next run marks the killed run `interrupted`, not `running`."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from phiscan.synthetic.demo_share import discharge_pdf, make_people
from tests.test_resume import build_notes_share, rows_written, scan_command

PDF_COUNT = 40


def children_of(pid: int) -> set[int]:
    """Every live process whose parent is `pid`, read from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and parent_of(int(entry)) == pid:
            found.add(int(entry))
    return found


def descendants_of(pid: int) -> set[int]:
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for parent in frontier for child in children_of(parent)} - found
        found |= frontier
    return found


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    except OSError:
        return None
    return text[text.rfind(")") + 2:].split()


def parent_of(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def is_running(pid: int) -> bool:
    """Alive and not a zombie (an exited process waiting for its new parent to reap it)."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] != "Z"


def build_share(root: Path) -> None:
    build_notes_share(root)
    pdfs = root / "discharges"
    pdfs.mkdir()
    for index, person in enumerate(make_people(random.Random(5), PDF_COUNT)):
        (pdfs / f"discharge-{index:03d}.pdf").write_bytes(discharge_pdf(person))


def runs(out: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True) as db:
        return db.execute("SELECT id, status FROM runs ORDER BY id").fetchall()


def test_kill_9_of_a_scan_takes_its_workers_and_the_rerun_closes_the_run(tmp_path):
    share = tmp_path / "share"
    build_share(share)
    out = tmp_path / "out"
    scan = subprocess.Popen(scan_command(share, out), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 300
        while rows_written(out) < 20:
            assert scan.poll() is None, "scan finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        workers = descendants_of(scan.pid)
        assert len(children_of(scan.pid)) >= 2, workers  # two pool workers at least
        scan.send_signal(signal.SIGKILL)  # the scanning process alone, not its group
        scan.wait(timeout=30)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(is_running, workers)):
            time.sleep(0.05)
        assert [pid for pid in workers if is_running(pid)] == []
    finally:
        for pid in [scan.pid, *workers]:  # never leave them behind, whatever failed
            if is_running(pid):
                os.kill(pid, signal.SIGKILL)
    assert runs(out) == [(1, "running")]

    rerun = subprocess.run(scan_command(share, out), capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert runs(out) == [(1, "interrupted"), (2, "completed")]
