"""A watched root that is unmounted, mounted over or replaced by an empty folder is
unavailable, never a mass `gone`: when it comes back, its unchanged files are not
alerted again (the real daemon, the polling and inotify observers, a real tmpfs mount)."""

from __future__ import annotations

import shutil
import subprocess
import sys
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

CODES = ["7391", "2846", "5173"]


def _hide(share: Path, how: str) -> None:
    if how.startswith("replaced"):
        share.rename(share.with_name("share.off"))
        share.mkdir()
    else:
        subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(share)], check=True)


def _restore(share: Path, how: str) -> None:
    if how.startswith("replaced"):
        share.rmdir()
        share.with_name("share.off").rename(share)
    else:
        subprocess.run(["umount", str(share)], check=True)


def _can_mount(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "tmpfs", str(probe)], capture_output=True).returncode:
        return False
    subprocess.run(["umount", str(probe)], check=True)
    return True


@pytest.mark.parametrize("how", ["replaced", "mounted over", "replaced, inotify"])
def test_a_root_that_goes_away_is_unavailable_not_gone(tmp_path: Path, how: str):
    if how == "mounted over" and not _can_mount(tmp_path):
        pytest.skip("mounting a tmpfs needs privileges this machine does not give")
    share = tmp_path / "share"
    share.mkdir()
    out = tmp_path / "out"
    polled = {} if how.endswith("inotify") else {"poll_paths": [str(share)]}
    config = write_config(tmp_path / "watch.toml", **polled,
                          poll_interval_seconds=0.3, settle_seconds=0.3,
                          heartbeat_seconds=0.3, workers=1)
    daemon = start_daemon([share], out, config, tmp_path / "logs")
    wait_until_running(out, daemon)
    for number, code in enumerate(CODES):
        (share / f"keysafe-{number}.txt").write_text(f"Key safe code {code}.\n")
    files = {str(share / f"keysafe-{n}.txt") for n in range(len(CODES))}
    wait_for(lambda: set(present(out)) == files and len(alert_lines(out)) == 3,
             "three files scanned and alerted", daemon)

    _hide(share, how)
    try:
        wait_for(lambda: read_status(out).get("unavailable") == [str(share)]
                 or set(present(out)) != files, "the root reported unavailable", daemon)
        assert set(present(out)) == files  # nothing marked gone
        shown = subprocess.run([sys.executable, "-m", "phiscan", "status", str(out)],
                               capture_output=True, text=True, timeout=60).stdout
        assert f"unavailable: {share} " in shown
    finally:
        _restore(share, how)
    (share / "keysafe-new.txt").write_text("Key safe code 4410.\n")
    wait_for(lambda: str(share / "keysafe-new.txt") in present(out), "a new file", daemon)
    wait_for(lambda: read_status(out).get("unavailable") == [], "the root back", daemon)
    assert daemon.stop() == 0
    assert set(present(out)) == files | {str(share / "keysafe-new.txt")}
    alerted = [(a["event"], a["location"]) for a in alert_lines(out)]
    assert sorted(alerted) == sorted(("sensitive_location", f) for f in
                                     files | {str(share / "keysafe-new.txt")})
    assert daemon.stderr().count(" is unavailable") == 1  # logged once, not per file
