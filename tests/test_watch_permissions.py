"""The real `phiscan watch` notices who can read a file change (session 11, new-user
report item 2): a `chmod` on a file or on a folder above it, while the daemon runs and
while it was down (catch-up), is read again without reading the file's content; risk,
alerts and `max_exposure` rules follow."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from tests.watch_helpers import (
    alert_lines,
    read_status,
    start_daemon,
    wait_for,
    wait_until_running,
)

NOTE = ("Patient: Margaret Ellwood DOB 14/07/1938 NHS 401 023 2137. HIV clinic follow-up, "
        "viral load undetectable.\n")
CONFIG = """[watch]
settle_seconds = 0.5
heartbeat_seconds = 0.5
export_interval_seconds = 0
workers = 1

[[policy]]
name = "sensitive-never-broad"
paths = ["**"]
max_exposure = "group"
max_exposure_for = ["sensitive"]
"""


@pytest.fixture
def open_tree():
    """Folders every account may search (pytest's are 0700: every file restricted)."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-watch-perm-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    shutil.rmtree(top)


def row(out: Path, path: Path) -> tuple[str, str] | None:
    db = sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True, timeout=30)
    try:
        found = db.execute("SELECT risk, exposure FROM locations WHERE location=? AND gone=0",
                           (str(path),)).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        db.close()
    return tuple(found) if found else None


def violations(out: Path) -> list[tuple[str, str]]:
    return [(alert["location"], alert["rule"]) for alert in alert_lines(out)
            if alert["event"] == "policy_violation"]


def test_permission_changes_are_noticed_live_and_on_catch_up(open_tree):
    share, out = open_tree / "share", open_tree / "out"
    team = share / "team"
    team.mkdir(parents=True, mode=0o755)
    share.chmod(0o755)
    team.chmod(0o755)
    lumb, visit = share / "lumb.txt", team / "visit.txt"
    for path in (lumb, visit):
        path.write_text(NOTE)
    lumb.chmod(0o600)
    visit.chmod(0o644)
    config = open_tree / "cfg.toml"
    config.write_text(CONFIG)
    daemon = start_daemon([share], out, config, open_tree / "logs")
    try:
        wait_until_running(out, daemon)
        wait_for(lambda: row(out, lumb) == ("high", "restricted")
                 and row(out, visit) == ("critical", "broad"), "the first rows", daemon)
        wait_for(lambda: violations(out) == [(str(visit), "sensitive-never-broad")],
                 "the broad file's violation", daemon)
        with visit.open("a") as handle:  # a live change: a worker reads the folders above
            handle.write("Seen again today.\n")
        wait_for(lambda: read_status(out).get("counts", {}).get("scanned") == 3,
                 "visit.txt rescanned", daemon)
        lumb.chmod(0o644)  # the file opened to every account
        team.chmod(0o700)  # the folder above the other closed
        wait_for(lambda: row(out, lumb) == ("critical", "broad"), "lumb.txt broad", daemon)
        wait_for(lambda: row(out, visit) == ("high", "restricted"), "visit.txt restricted",
                 daemon)
        wait_for(lambda: (str(lumb), "sensitive-never-broad") in violations(out),
                 "lumb.txt's violation", daemon)
        counts = wait_for(lambda: read_status(out).get("counts", {}).get("reexposed") == 2
                          and read_status(out)["counts"], "two re-permissioned", daemon)
        assert counts["scanned"] == 3  # no content re-read for a permission change
        with visit.open("a") as handle:  # read again: the folder above is still closed
            handle.write("Seen once more.\n")
        wait_for(lambda: read_status(out).get("counts", {}).get("scanned") == 4,
                 "visit.txt rescanned again", daemon)
        assert row(out, visit) == ("high", "restricted")
    finally:
        assert daemon.stop() == 0
    lumb.chmod(0o600)  # while the daemon is down
    daemon = start_daemon([share], out, config, open_tree / "logs")
    try:
        status = wait_until_running(out, daemon)
        assert status["catch_up"]["reexposed"] == 1
        assert status["catch_up"]["queued"] == 0
        wait_for(lambda: row(out, lumb) == ("high", "restricted"), "lumb.txt restricted again",
                 daemon)
        assert "scanned" not in read_status(out)["counts"]
    finally:
        assert daemon.stop() == 0
    assert violations(out) == [(str(visit), "sensitive-never-broad"),
                               (str(lumb), "sensitive-never-broad")]


def risk_alerts(out: Path, path: Path) -> list[tuple[str | None, str]]:
    return [(alert.get("previous_risk"), alert["risk"]) for alert in alert_lines(out)
            if alert["event"] == "sensitive_location" and alert["location"] == str(path)]


def test_an_alerting_file_whose_risk_rises_is_alerted_again(open_tree):
    """A letter already alerting (`high`, readable by its owner only) opened to every
    account becomes `critical`: one more `sensitive_location` alert, with the risk it
    had; closed again, no alert (the fall is recorded), and opened again, one more; after
    a restart, nothing again (the risk is kept in watch-state.sqlite)."""
    share, out = open_tree / "share", open_tree / "out"
    share.mkdir(mode=0o755)
    share.chmod(0o755)
    letter = share / "letter.txt"
    config = open_tree / "cfg.toml"
    config.write_text(CONFIG)
    daemon = start_daemon([share], out, config, open_tree / "logs")
    try:
        wait_until_running(out, daemon)
        letter.write_text(NOTE)
        letter.chmod(0o600)
        wait_for(lambda: risk_alerts(out, letter) == [(None, "high")], "the first alert",
                 daemon)
        letter.chmod(0o644)
        wait_for(lambda: risk_alerts(out, letter) == [(None, "high"), ("high", "critical")],
                 "the rise alerted", daemon)
        letter.chmod(0o600)
        wait_for(lambda: row(out, letter) == ("high", "restricted"), "closed again", daemon)
        letter.chmod(0o644)
        wait_for(lambda: len(risk_alerts(out, letter)) == 3, "the second rise", daemon)
    finally:
        assert daemon.stop() == 0
    assert risk_alerts(out, letter) == [(None, "high"), ("high", "critical"),
                                        ("high", "critical")]
    daemon = start_daemon([share], out, config, open_tree / "logs")
    try:
        wait_until_running(out, daemon)
        letter.chmod(0o600)
        wait_for(lambda: row(out, letter) == ("high", "restricted"), "closed after restart",
                 daemon)
    finally:
        assert daemon.stop() == 0
    assert len(risk_alerts(out, letter)) == 3
