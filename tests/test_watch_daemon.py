"""The real `phiscan watch` process against real filesystem events.

Sensitive files hold one key-safe code (HOME_ACCESS on its own: risk high, so
alerted); clean files hold two words, so the spaCy engine has little to do.
Every wait polls the inventory or the status file against a deadline.
"""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.watch_helpers import (
    alert_lines,
    count_present,
    inventory_rows,
    leaked,
    present,
    read_status,
    start_daemon,
    wait_for,
    wait_until_running,
    write_config,
)

FOLDERS = 10
# The first burst: twelve times the daemon's queue (`queue_size` 50), so it is busy and
# its queue full while files are still written, renamed and deleted.
BURST = 600
SECOND = 400  # written while it runs, killed part way
SENSITIVE = {"HOME_ACCESS": 1}
NAME = re.compile(r"/[fr](\d{5})\.txt$")


def is_sensitive(number: int) -> bool:
    return number % 4 == 0


def code_for(number: int) -> str:
    return f"{93000000 + number}"  # 8 digits: never a pid, count or size in the logs


def content(number: int) -> str:
    if is_sensitive(number):
        return f"Key safe code {code_for(number)}.\n"
    return f"stock count {number}\n"


def file_path(share: Path, number: int, prefix: str = "f") -> Path:
    return share / f"d{number % FOLDERS}" / f"{prefix}{number:05d}.txt"


def write_files(share: Path, numbers: range) -> dict[int, Path]:
    written = {}
    for number in numbers:
        path = file_path(share, number)
        path.parent.mkdir(exist_ok=True)
        path.write_text(content(number), encoding="utf-8")
        written[number] = path
    return written


def number_of(location: str) -> int:
    match = NAME.search(location)
    assert match, location
    return int(match.group(1))


def assert_inventory_matches(out: Path, files: dict[int, Path]) -> None:
    rows = present(out)
    assert set(rows) == {str(path) for path in files.values()}
    for number, path in files.items():
        row = rows[str(path)]
        assert row.status == "scanned", (path, row)
        if is_sensitive(number):
            assert (row.entities, row.risk) == (SENSITIVE, "high"), (path, row)
        else:
            assert (row.entities, row.risk) == ({}, "none"), (path, row)


def assert_one_alert_per_sensitive_file(out: Path, files: dict[int, Path],
                                        deleted: set[int]) -> None:
    alerts = [a for a in alert_lines(out) if a["event"] == "sensitive_location"]
    per_file = Counter(number_of(alert["location"]) for alert in alerts)
    assert all(is_sensitive(number) for number in per_file), per_file
    duplicates = {number: n for number, n in per_file.items() if n > 1}
    assert duplicates == {}
    surviving_sensitive = {number for number in files if is_sensitive(number)}
    assert surviving_sensitive <= set(per_file)
    # a deleted sensitive file alerted only if it was scanned before it went
    assert set(per_file) - surviving_sensitive <= deleted
    for alert in alerts:
        assert alert["risk"] == "high"
        assert alert["entities"] == SENSITIVE
        assert alert["categories"] == ["home_access"]
        assert not leaked(code_for(number_of(alert["location"])), json.dumps(alert))


def wait_for_inventory(out: Path, files: dict[int, Path], daemon) -> None:
    expected = {str(path) for path in files.values()}

    def settled() -> bool:
        if not read_status(out).get("idle") or count_present(out) != len(expected):
            return False  # cheap checks first: polling must not compete with the daemon
        rows = present(out)
        return set(rows) == expected and all(r.status == "scanned" for r in rows.values())

    wait_for(settled, f"{len(expected)} files in the inventory", daemon)


def run_status(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "phiscan", "status", str(out)],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture()
def watch_setup(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    out = tmp_path / "out"
    config = write_config(tmp_path / "watch.toml", settle_seconds=0.3, heartbeat_seconds=0.5,
                          workers=2, queue_size=50, max_alerts_per_minute=0,
                          export_interval_seconds=5.0)
    return share, out, config, tmp_path / "logs"


def burst_with_renames_and_deletes(share: Path) -> tuple[dict[int, Path], set[int]]:
    files = write_files(share, range(BURST))
    deleted = set(range(3, BURST, 20)) | set(range(8, BURST, 40))  # clean and sensitive
    for number in sorted(deleted):
        files.pop(number).unlink()
    for number in range(1, BURST, 19):  # renamed in place or into another folder
        if number in files:
            target = file_path(share, number + (number % 2), "r")
            target = target.with_name(f"r{number:05d}.txt")
            files[number].rename(target)
            files[number] = target
    return files, deleted


def test_burst_kill_restart_and_clean_stop(watch_setup):
    share, out, config, logs = watch_setup
    daemon = start_daemon([share], out, config, logs)
    wait_until_running(out, daemon)

    # 1. A burst of 600 files with renames and deletes while the daemon is busy.
    files, deleted = burst_with_renames_and_deletes(share)
    wait_for_inventory(out, files, daemon)
    assert_inventory_matches(out, files)
    assert_one_alert_per_sensitive_file(out, files, deleted)
    first_alerts = len(alert_lines(out))
    stdout_alerts = [line for line in daemon.stdout().splitlines()
                     if '"sensitive_location"' in line]
    assert len(stdout_alerts) == first_alerts
    rows = inventory_rows(out)
    renamed = [number for number, path in files.items() if path.name.startswith("r")]
    assert len(renamed) == 30
    for number in renamed:  # the inventory followed the file; the old name is history
        old = rows.get(str(file_path(share, number)))
        assert old is None or old.gone
        assert not rows[str(files[number])].gone

    # 2. SIGKILL in the middle of a second burst; more files and deletes while down.
    before_second_burst = count_present(out)
    files.update(write_files(share, range(BURST, BURST + SECOND)))
    wait_for(lambda: count_present(out) >= before_second_burst + 50,
             "part of the second burst to be scanned", daemon)
    daemon.process.kill()
    daemon.process.wait(timeout=30)
    second_burst_done = sum(1 for loc in present(out) if number_of(loc) >= BURST)
    assert 50 <= second_burst_done < SECOND  # killed mid-burst
    files.update(write_files(share, range(BURST + SECOND, BURST + SECOND + 150)))
    for number in range(2, 400, 50):
        files.pop(number).unlink()
        deleted.add(number)
    renamed_while_down = [n for n in range(400, BURST, 4)
                          if n in files and files[n].name.startswith("f")][:5]
    for number in renamed_while_down:  # alerted already: must not alert again
        target = files[number].with_name(f"r{number:05d}.txt")
        files[number].rename(target)
        files[number] = target
    killed = run_status(out)
    assert killed.returncode == 3
    assert "not running" in killed.stdout and "is gone" in killed.stdout

    # 3. Restart: catch-up finds everything, nothing twice.
    restarted = start_daemon([share], out, config, logs)
    wait_until_running(out, restarted)
    wait_for_inventory(out, files, restarted)
    assert_inventory_matches(out, files)
    assert_one_alert_per_sensitive_file(out, files, deleted)
    catch_up = read_status(out)["catch_up"]
    assert catch_up["renamed"] == len(renamed_while_down) == 5
    assert catch_up["gone"] >= len(range(2, 400, 50)) + len(renamed_while_down)
    shown = run_status(out)
    assert shown.returncode == 0
    assert "phiscan watch: running; pid" in shown.stdout  # the state said once
    assert f"watching: {share} with inotify" in shown.stdout
    assert "catch-up: done" in shown.stdout
    assert f"inventory: {len(files)} locations (scanned {len(files)}, skipped 0, error 0)" \
        in shown.stdout
    as_json = subprocess.run([sys.executable, "-m", "phiscan", "status", str(out), "--json"],
                             capture_output=True, text=True, timeout=60)
    machine = json.loads(as_json.stdout)
    assert (machine["running"], machine["status"]["state"]) == (True, "running")
    assert machine["inventory"]["status"] == {"scanned": len(files), "skipped": 0, "error": 0}
    assert machine["inventory"]["risk"]["high"] == sum(map(is_sensitive, files))
    second = start_daemon([share], out, config, logs)
    assert second.process.wait(timeout=60) == 2
    assert "another phiscan watch" in second.stderr()

    # 4. Clean stop on SIGTERM: exit 0, status stopped, runs recorded, exports current.
    assert restarted.stop(signal.SIGTERM) == 0
    assert read_status(out)["state"] == "stopped"
    stopped = run_status(out)
    assert stopped.returncode == 3 and "stopped cleanly" in stopped.stdout
    runs = inventory_rows_runs(out)
    assert [(kind, status) for kind, status in runs] == [
        ("watch", "interrupted"), ("watch", "completed")]
    exported = (out / "files.jsonl").read_text().splitlines()
    assert len(exported) == len(files)
    for path in out.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name
    codes = [code_for(number) for number in range(BURST + SECOND + 150) if is_sensitive(number)]
    for path in out.iterdir():
        if path.suffix in (".jsonl", ".json", ".csv", ".log"):
            text = path.read_text()
            assert not any(leaked(code, text) for code in codes), path.name


def inventory_rows_runs(out: Path) -> list[tuple[str, str]]:
    import sqlite3

    db = sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True)
    try:
        return db.execute("SELECT kind, status FROM runs ORDER BY id").fetchall()
    finally:
        db.close()


def test_watch_removes_the_reports_of_the_inventory_it_changes(watch_setup):
    """A `report --ico/--html` file left from before describes last week's inventory:
    `watch` removes it when it starts, as `scan` does."""
    from phiscan.scoping.html import HTML_REPORT
    from phiscan.scoping.ico import ICO_JSON, ICO_MARKDOWN

    share, out, config, logs = watch_setup
    out.mkdir(mode=0o700)
    for name in (ICO_MARKDOWN, ICO_JSON, HTML_REPORT):
        (out / name).write_text("last week's figures\n", encoding="utf-8")
    daemon = start_daemon([share], out, config, logs)
    try:
        wait_until_running(out, daemon)
        assert [(out / name).exists() for name in (ICO_MARKDOWN, ICO_JSON, HTML_REPORT)] == [
            False, False, False]
    finally:
        assert daemon.stop() == 0


def test_watch_flags_an_allow_listed_file_that_changed(watch_setup):
    """An allowed path is never read by the daemon either; one rewritten while it runs gets
    the changed reason and a log line, as in a scan."""
    share, out, config, logs = watch_setup
    (share / "fixtures").mkdir()
    fixture = share / "fixtures" / "sample-rows.csv"
    fixture.write_text("ref,value\nA1,3\n", encoding="utf-8")
    allow = config.parent / "allow.toml"
    allow.write_text('paths = ["*/fixtures/*"]\n', encoding="utf-8")
    allow.chmod(0o600)
    with open(config, "a", encoding="utf-8") as handle:
        handle.write(f'[detection]\nallowlist = "{allow}"\n')

    def reason() -> str:
        db = sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True, timeout=30)
        try:
            row = db.execute("SELECT reason FROM locations WHERE location = ?",
                             (str(fixture),)).fetchone()
        except sqlite3.OperationalError:
            row = None
        finally:
            db.close()
        return row[0] if row else ""

    daemon = start_daemon([share], out, config, logs)
    try:
        wait_until_running(out, daemon)
        assert wait_for(reason, "the fixture's row", daemon) == "allow-listed path"
        fixture.write_text("ref,value\nA1,3\nA2,5\n", encoding="utf-8")
        changed = wait_for(lambda: reason() if reason() != "allow-listed path" else "",
                           "the changed reason", daemon)
        assert changed == ("allow-listed path, changed since it was last seen: not scanned, "
                           "re-review it")
    finally:
        assert daemon.stop() == 0
    assert (f"{fixture}: allow-listed path, changed since it was last seen"
            in (out / "phiscan.log").read_text())
