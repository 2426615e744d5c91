"""`--resume` after kill -9: a real scan process is killed mid-run and resumed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.inventory.store import PreviousState
from phiscan.model import SourceItem
from phiscan.scan.runner import RescanPlanner, ScanProgress, run_scan
from phiscan.synthetic.demo_share import make_people, visit_note
from tests.test_executors import inventory_content

FILE_COUNT = 400


def build_notes_share(root: Path) -> None:
    people = make_people(random.Random(11), FILE_COUNT)
    for index, person in enumerate(people):
        folder = root / f"team-{index % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"visit-{index:04d}.txt").write_text(visit_note(person))


def rows_written(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM locations").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def scan_command(share: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
            "--workers", "2", "--quiet", *extra]


def kill_mid_run(share: Path, out: Path) -> None:
    process = subprocess.Popen(scan_command(share, out), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while rows_written(out) < 20:
        assert process.poll() is None, "scan finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the scanner and its worker processes
    process.wait()


def test_resume_after_kill_loses_and_duplicates_nothing(tmp_path):
    share = tmp_path / "share"
    build_notes_share(share)
    out = tmp_path / "killed"
    kill_mid_run(share, out)
    written_before_kill = rows_written(out)
    assert 20 <= written_before_kill < FILE_COUNT
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT id, status FROM runs").fetchall() == [(1, "running")]

    resumed = subprocess.run(scan_command(share, out, "--resume"), capture_output=True,
                             text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr

    reference_config = Config()
    reference_config.scan.workers = 1
    run_scan([str(share)], tmp_path / "reference", reference_config)
    assert inventory_content(out) == inventory_content(tmp_path / "reference")
    with sqlite3.connect(out / "inventory.sqlite") as db:
        runs = db.execute("SELECT id, status, counts FROM runs").fetchall()
    assert [(run_id, status) for run_id, status, _counts in runs] == [(1, "completed")]
    counts = json.loads(runs[0][2])
    assert counts["unchanged"] == written_before_kill
    assert counts["status_scanned"] == FILE_COUNT - written_before_kill


def test_resume_with_nothing_interrupted_runs_a_normal_scan(tmp_path):
    share = tmp_path / "share"
    (share / "a").mkdir(parents=True)
    (share / "a" / "note.txt").write_text("Nothing here.\n")
    out = tmp_path / "out"
    config = Config()
    config.scan.workers = 1
    first = run_scan([str(share)], out, config, resume=True)
    second = run_scan([str(share)], out, config, resume=True)
    assert (first.run_id, second.run_id) == (1, 2)
    assert second.progress.unchanged == 1


class OneLocation:
    """An inventory holding one container, written by run 2 with an errored member."""

    def previous_state(self, location: str) -> PreviousState:
        return PreviousState(size=10, modified=100.0, etag=None, status="scanned",
                             last_run=2, member_errors=True)


@pytest.mark.parametrize("full", [False, True])
def test_a_resume_does_not_redo_a_container_this_run_wrote_with_an_errored_member(full):
    item = SourceItem("/s/a.zip", 10, 100.0)
    resumed = RescanPlanner(OneLocation(), run_id=2, full=full, progress=ScanProgress())
    next_run = RescanPlanner(OneLocation(), run_id=3, full=full, progress=ScanProgress())
    assert (resumed.needs_scan(item), next_run.needs_scan(item)) == (False, True)


def interrupt_mid_run(share: Path, out: Path, signum: signal.Signals,
                      whole_group: bool) -> subprocess.CompletedProcess:
    """A scan stopped by `signum` once 20 rows are written: to its process group as a
    terminal's Ctrl-C is, or to the scanning process alone as `kill` or systemd send it."""
    process = subprocess.Popen(scan_command(share, out), start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while rows_written(out) < 20:
        assert process.poll() is None, "scan finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    if whole_group:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(("signum", "whole_group"), [(signal.SIGINT, True),
                                                     (signal.SIGTERM, False)])
def test_an_interrupted_scan_exits_3_says_so_and_resumes(tmp_path, signum, whole_group):
    share = tmp_path / "share"
    build_notes_share(share)
    out = tmp_path / "out"
    stopped = interrupt_mid_run(share, out, signum, whole_group)
    assert stopped.returncode == 3, stopped.stderr[-2000:]
    said = f"scan interrupted ({signum.name})"
    assert said in stopped.stderr and "--resume" in stopped.stderr
    log = (out / "phiscan.log").read_text()
    assert said in log and "--resume" in log
    assert "Traceback" not in stopped.stderr
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT id, status FROM runs").fetchall() == [(1, "interrupted")]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["run"]["status"] == "interrupted"
    assert 20 <= summary["locations"] < FILE_COUNT

    resumed = subprocess.run(scan_command(share, out, "--resume"), capture_output=True,
                             text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT id, status FROM runs").fetchall() == [(1, "completed")]
        assert db.execute("SELECT count(*) FROM locations WHERE gone = 0").fetchone() == (
            FILE_COUNT,)


def test_an_interrupted_rescan_s_summary_says_which_rows_are_its_own(tmp_path):
    """The exports after an interrupted rescan are the inventory as it stands: the rows
    the run reached (read, or found unchanged) and the rest as the earlier run left them.
    The summary's run counts each, so they never pass for a completed run's."""
    from phiscan.inventory.exports import write_exports
    from phiscan.inventory.store import Inventory
    from phiscan.model import LocationResult, Status

    pharmacy = [f"/mnt/pharmacy/batch-{index}.csv" for index in range(5)]
    with Inventory(tmp_path) as inventory:
        first = inventory.start_run("scan", ["/mnt/pharmacy"])
        inventory.write_results(first, [LocationResult(location, Status.SCANNED)
                                         for location in pharmacy])
        inventory.finish_run(first, "completed", {})
        second = inventory.start_run("scan", ["/mnt/pharmacy"])
        inventory.write_results(second, [LocationResult(pharmacy[0], Status.SCANNED)])
        inventory.carry_forward(second, pharmacy[1:3])  # listed, unchanged
        inventory.finish_run(second, "interrupted", {})
        counts = inventory.rows_of_run(second)
        assert counts == {"rows_this_run": 3, "rows_earlier_runs": 2}
        summary = write_exports(inventory, tmp_path,
                                {"id": second, "status": "interrupted", **counts})
    assert (summary["locations"], summary["run"]["rows_this_run"],
            summary["run"]["rows_earlier_runs"]) == (5, 3, 2)
