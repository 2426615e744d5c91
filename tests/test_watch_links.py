"""The real `phiscan watch` process and links made after it started: the same link
rules as the scan for every event path, with the native and the polling observer.

Each watched root gets, while the daemon runs, a folder holding links out of the
root (to a folder and to a file, both holding a key-safe code) and a `cp -a` copy of
a tree whose `up -> ..` leads back into the root. Nothing outside may be scanned,
alerted or watched, and nothing inside may be scanned twice."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.watch_helpers import (
    alert_lines,
    present,
    read_status,
    start_daemon,
    wait_for,
    wait_until_running,
    write_config,
)

OUTSIDE_CODE = "93111111"
LATER_CODE = "93222222"
INSIDE_CODE = "93333333"
NOT_FOLLOWED = ("skipped", "symlink not followed")
OUT_OF_ROOT = ("skipped", "symlink points outside the scanned root")
LOOP = ("skipped", "symlink loop")


def note(code: str) -> str:
    return f"Key safe code {code}.\n"


def make_outside(base: Path) -> Path:
    outside = base / "outside"
    (outside / "deeper").mkdir(parents=True)
    (outside / "secret.txt").write_text(note(OUTSIDE_CODE))
    (outside / "deeper" / "more.txt").write_text(note(OUTSIDE_CODE))
    return outside


def make_tree_to_copy(base: Path) -> Path:
    tree = base / "tree"
    (tree / "inner").mkdir(parents=True)
    (tree / "inner" / "visit.txt").write_text(note(INSIDE_CODE))
    (tree / "plain.txt").write_text("stock count 4\n")
    (tree / "up").symlink_to("..")
    return tree


def add_links_while_watched(root: Path, outside: Path, tree: Path) -> None:
    """Real tools, as an operator would: mkdir and ln -s, then cp -a."""
    new = root / "new"
    subprocess.run(["sh", "-c", 'mkdir "$1" && ln -s "$2" "$1/to-outside" '
                    '&& ln -s "$2/secret.txt" "$1/to-secret"', "sh", str(new), str(outside)],
                   check=True)
    subprocess.run(["cp", "-a", str(tree), str(root / "copied")], check=True)


def watched_inodes(pid: int) -> set[int]:
    """The inodes of every inotify watch the process holds, from /proc/PID/fdinfo."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fdinfo"):
        try:
            text = Path(f"/proc/{pid}/fdinfo/{fd}").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("inotify wd:"):
                fields = dict(part.split(":", 1) for part in line.split()[1:])
                inodes.add(int(fields["ino"], 16))
    return inodes


def expected_rows(root: Path, follow: bool) -> dict[str, tuple[str, str]]:
    return {
        f"{root}/new/to-outside": OUT_OF_ROOT if follow else NOT_FOLLOWED,
        f"{root}/new/to-secret": OUT_OF_ROOT if follow else NOT_FOLLOWED,
        f"{root}/copied/up": LOOP if follow else NOT_FOLLOWED,
        f"{root}/copied/inner/visit.txt": ("scanned", ""),
        f"{root}/copied/plain.txt": ("scanned", ""),
        f"{root}/marker.txt": ("scanned", ""),
    }


@pytest.mark.parametrize("follow", [False, True], ids=["default", "follow-symlinks"])
def test_links_made_while_watching_are_not_followed(tmp_path, follow):
    outside = make_outside(tmp_path)
    tree = make_tree_to_copy(tmp_path)
    native, polled = tmp_path / "native", tmp_path / "polled"
    native.mkdir()
    polled.mkdir()
    out = tmp_path / "out"
    config = write_config(tmp_path / "watch.toml", settle_seconds=0.3, heartbeat_seconds=0.5,
                          workers=2, max_alerts_per_minute=0, poll_paths=[str(polled)],
                          poll_interval_seconds=0.5)
    if follow:
        config.write_text(config.read_text() + "[scan]\nfollow_symlinks = true\n")
    daemon = start_daemon([native, polled], out, config, tmp_path / "logs")
    try:
        wait_until_running(out, daemon)
        for root in (native, polled):
            add_links_while_watched(root, outside, tree)
        (outside / "later.txt").write_text(note(LATER_CODE))  # after the links exist
        for root in (native, polled):
            (root / "marker.txt").write_text("stock count 1\n")
        expected = {**expected_rows(native, follow), **expected_rows(polled, follow)}

        def settled() -> dict:
            rows = present(out)
            done = read_status(out).get("idle") and set(expected) <= set(rows)
            return rows if done else {}

        rows = wait_for(settled, "the new folders' rows", daemon)
        assert {location: (row.status, reason_of(out, location))
                for location, row in rows.items()} == expected
        alerted = {alert["location"] for alert in alert_lines(out)
                   if alert["event"] == "sensitive_location"}
        assert alerted == {f"{native}/copied/inner/visit.txt", f"{polled}/copied/inner/visit.txt"}
        outside_folders = {outside.stat().st_ino, (outside / "deeper").stat().st_ino}
        assert watched_inodes(daemon.process.pid) & outside_folders == set()
    finally:
        daemon.stop()
    text = "".join(path.read_text(errors="replace") for path in out.iterdir()
                   if path.suffix in (".jsonl", ".json", ".csv", ".log"))
    assert OUTSIDE_CODE not in text and LATER_CODE not in text and INSIDE_CODE not in text


def reason_of(out: Path, location: str) -> str:
    import sqlite3

    db = sqlite3.connect(f"file:{out / 'inventory.sqlite'}?mode=ro", uri=True)
    try:
        return db.execute("SELECT reason FROM locations WHERE location=?",
                          (location,)).fetchone()[0]
    finally:
        db.close()
