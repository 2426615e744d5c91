"""One writer per output folder, through the real CLI and the real daemon.

A second `scan` into a folder a scan was writing to marked most of the first's files
`gone` and the report counted a fifth of the people, both exiting 0.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

from phiscan.synthetic.demo_share import make_people, visit_note
from tests.cli import run_process as run_cli  # the process is the subject
from tests.watch_helpers import start_daemon, wait_until_running, write_config

# Long enough (a second or two on one worker) to be mid-scan when its inventory appears;
# it is then paused (SIGSTOP) while the second scan runs, so no scan length is relied on.
NOTES = 300


def one_line(text: str) -> str:
    return " ".join(text.split())


def build_share(share: Path, count: int) -> None:
    share.mkdir()
    for number, person in enumerate(make_people(random.Random(13), count)):
        (share / f"visit-{number:04d}.txt").write_text(visit_note(person))


def wait_for_inventory(out: Path, process: subprocess.Popen) -> None:
    """Until the first scan has opened its inventory (never a fixed sleep)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (out / "inventory.sqlite").exists():
            return
        assert process.poll() is None, "the first scan ended before opening its inventory"
        time.sleep(0.05)
    raise AssertionError("the first scan never opened its inventory")


def test_a_second_scan_into_a_folder_being_scanned_is_refused(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    build_share(share, NOTES)
    first = subprocess.Popen(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out), "--workers",
         "1", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_inventory(out, first)
        first.send_signal(signal.SIGSTOP)  # holds it mid-scan, its lock held, for any load
        try:
            second = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
            still_running = first.poll() is None
        finally:
            first.send_signal(signal.SIGCONT)
    finally:
        _stdout, stderr = first.communicate(timeout=600)
    assert second.returncode == 2
    assert (f"another phiscan scan (pid {first.pid}) is writing to {out}; wait for it to "
            "finish") in one_line(second.stderr)
    assert still_running
    assert first.returncode == 0, stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["locations"] == NOTES
    assert summary["status"] == {"scanned": NOTES, "skipped": 0, "error": 0}
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT kind, status FROM runs").fetchall() == [("scan", "completed")]
        assert db.execute("SELECT count(*) FROM locations WHERE gone=1").fetchone() == (0,)


def test_the_watch_daemon_holds_its_folder_until_it_ends_even_by_kill_9(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    build_share(share, 3)
    config = write_config(tmp_path / "watch.toml", settle_seconds=0.3, heartbeat_seconds=0.5,
                          workers=1)
    daemon = start_daemon([share], out, config, tmp_path / "logs")
    try:
        wait_until_running(out, daemon)
        holder = f"another phiscan watch (pid {daemon.process.pid}) is writing to {out}"
        refused = [run_cli("scan", str(share), "--out", str(out)),
                   run_cli("individuals", str(out), "--export", str(tmp_path / "people.csv"),
                           "--reveal"),
                   run_cli("report", str(out), "--html")]
        reading = run_cli("report", str(out), "--format", "json")
        elsewhere = run_cli("report", str(out), "--ico", "--html", "--to",
                            str(tmp_path / "reports"))
    finally:
        daemon.process.send_signal(signal.SIGKILL)
        daemon.process.wait(timeout=60)
    for result in refused:
        assert result.returncode == 2, result.args
        assert holder in one_line(result.stderr), result.args
    assert not (tmp_path / "people.csv").exists() and not (out / "report.html").exists()
    assert refused[2].stdout == ""  # refused before the report was built and printed
    assert "or write the report files elsewhere with --to FOLDER" in one_line(
        refused[2].stderr)
    # while the daemon writes DIR, the report files can go to another folder
    assert elsewhere.returncode == 0, elsewhere.stderr
    reports = tmp_path / "reports"
    assert sorted(path.name for path in reports.iterdir()) == [  # no lock left to hand over
        "ico-art33.json", "ico-art33.md", "report.html"]
    assert stat.S_IMODE(reports.stat().st_mode) == 0o700
    assert json.loads((reports / "ico-art33.json").read_text())["data_subjects"][
        "approximate_number"] == 3
    assert reading.returncode == 0 and json.loads(reading.stdout)["individuals"]["total"] == 3
    after_kill = run_cli("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")
    assert after_kill.returncode == 0, after_kill.stderr



def test_a_handed_over_folder_s_lock_file_goes_with_the_lock(tmp_path):
    """Removed while still held (so no writer holds a removed file's lock), made anew by
    the next writer, which takes the file at the path, never a removed one."""
    from phiscan.inventory.lock import LOCK_FILENAME, _acquire, output_lock

    with output_lock(tmp_path, "report", remove=True):
        assert (tmp_path / LOCK_FILENAME).exists()
    assert not (tmp_path / LOCK_FILENAME).exists()
    with output_lock(tmp_path, "report", remove=True):
        pass
    assert not (tmp_path / LOCK_FILENAME).exists()
    fd = _acquire(tmp_path, "scan")
    try:
        assert os.fstat(fd).st_ino == (tmp_path / LOCK_FILENAME).stat().st_ino
    finally:
        os.close(fd)
