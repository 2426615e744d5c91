"""The daemon's pure parts: observer choice from /proc/mounts, the rate limit,
and `phiscan status` without a daemon."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from phiscan.config import WatchConfig
from phiscan.watch.channels import RateLimiter
from phiscan.watch.observers import filesystem_of, parse_mounts, plan_watches

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/care /mnt/care cifs rw,vers=3.1.1 0 0
nas:/exports/team /srv/team\\040drive nfs4 rw 0 0
/dev/sdb1 /srv ext4 rw 0 0
nas:/exports/scans /srv/local/scans nfs rw 0 0
"""


def test_mount_table_is_parsed_with_escaped_spaces():
    mounts = parse_mounts(MOUNTS)
    assert [(m.point, m.fs_type) for m in mounts] == [
        ("/", "ext4"), ("/mnt/care", "cifs"), ("/srv/team drive", "nfs4"), ("/srv", "ext4"),
        ("/srv/local/scans", "nfs")]
    assert filesystem_of("/mnt/care/letters", mounts) == "cifs"
    assert filesystem_of("/srv/team drive/x", mounts) == "nfs4"
    assert filesystem_of("/srv/teams", mounts) == "ext4"
    assert filesystem_of("/home", mounts) == "ext4"


def test_network_mounts_are_polled_and_local_disks_use_native_events(tmp_path):
    mounts = parse_mounts(MOUNTS)
    plans = plan_watches(["/mnt/care", "/home/ig"], WatchConfig(), mounts)
    assert [(p.path, p.observer) for p in plans] == [
        ("/mnt/care", "polling"), ("/home/ig", "native")]
    assert "network filesystem cifs" in plans[0].reason
    assert plans[1].reason == "local filesystem ext4"


def test_poll_paths_and_nested_network_mounts_get_polling(tmp_path):
    local = tmp_path / "local"
    nested = local / "scans"
    nested.mkdir(parents=True)
    mounts = parse_mounts(f"/dev/sda1 / ext4 rw 0 0\nnas:/x {nested} nfs rw 0 0\n")
    plans = plan_watches([str(local)], WatchConfig(), mounts)
    assert [(p.path, p.observer) for p in plans] == [
        (str(local), "native"), (str(nested), "polling")]
    declared = plan_watches([str(local)], WatchConfig(poll_paths=[str(local)]), mounts)
    assert [(p.path, p.observer) for p in declared] == [(str(local), "polling")]
    assert declared[0].reason == f"listed in [watch] poll_paths ({local})"


def test_rate_limit_counts_a_sliding_minute():
    now = [1000.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [limiter.allow() for _ in range(3)] == [True, True, False]
    now[0] += 59.9
    assert not limiter.allow()
    now[0] += 0.2
    assert limiter.has_room()
    assert [limiter.allow() for _ in range(3)] == [True, True, False]
    unlimited = RateLimiter(0, clock=lambda: now[0])
    assert all(unlimited.allow() for _ in range(1000))


def run_status(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "phiscan", "status", str(out)],
                          capture_output=True, text=True, timeout=60)


def test_status_without_a_daemon(tmp_path):
    missing = run_status(tmp_path)
    assert missing.returncode == 2
    assert "no watch status" in missing.stderr
    (tmp_path / "watch-status.json").write_text(json.dumps({
        "pid": 2 ** 22 + 7, "state": "running", "started_at": 0, "heartbeat_at": 0,
        "heartbeat_seconds": 2, "paths": [], "counts": {}}))
    dead = run_status(tmp_path)
    assert dead.returncode == 3
    assert dead.stdout.startswith(f"phiscan watch: not running (process {2 ** 22 + 7} is gone")


def test_watch_refuses_a_missing_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "watch", str(tmp_path / "nope"), "--out",
         str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "not a folder" in result.stderr


def test_watch_refuses_a_url_as_given(tmp_path):
    """A share URL is named exactly as typed (no slash folded away) and no --out is made."""
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "watch", "smb://127.0.0.1/Fed", "--out",
         str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "smb://127.0.0.1/Fed" in result.stderr
    assert "local or mounted folder" in result.stderr
    assert not (tmp_path / "out").exists()


def unit_settings(name: str) -> dict[str, str]:
    unit = (Path(__file__).parent.parent / "contrib" / name).read_text()
    settings: dict[str, str] = {}
    for line in unit.splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), value.strip())
    return settings


def _option(command: str, name: str) -> str:
    words = command.split()
    return words[words.index(name) + 1]


def test_the_weekly_scan_unit_shares_the_config_never_the_watch_folder():
    """The daemon holds its folder's writer lock (a scan into it exits 2); the people
    keys match only under one HMAC key, so both units read one config."""
    watch, scan = unit_settings("phiscan-watch.service"), unit_settings("phiscan-scan.service")
    assert scan["ExecStart"].split()[1] == "scan"
    assert _option(scan["ExecStart"], "--out") != _option(watch["ExecStart"], "--out")
    assert _option(scan["ExecStart"], "--config") == _option(watch["ExecStart"], "--config")
    assert scan["ReadWritePaths"] == _option(scan["ExecStart"], "--out")
    assert (scan["Type"], scan["UMask"], scan["KillSignal"]) == ("oneshot", "0077", "SIGTERM")
    assert unit_settings("phiscan-scan.timer")["OnCalendar"] == "Mon *-*-* 06:00:00"


def test_systemd_unit_is_hardened():
    settings = unit_settings("phiscan-watch.service")
    assert settings["ExecStart"].split()[1:3] == ["watch", "/srv/shares/care-team"]
    assert "--out /var/lib/phiscan" in settings["ExecStart"]
    assert settings["ReadOnlyPaths"].split()[0] == "/srv/shares/care-team"
    assert settings["ReadWritePaths"] == "/var/lib/phiscan"
    for key, value in {"NoNewPrivileges": "yes", "PrivateTmp": "yes", "ProtectSystem": "strict",
                       "KillSignal": "SIGTERM", "UMask": "0077", "CapabilityBoundingSet": ""
                       }.items():
        assert settings[key] == value, key


def test_a_recursive_chmod_queues_each_permission_change_once(tmp_path):
    """`chmod -R` sends an attribute event for every folder and file: the folder's
    re-exposure covers all below it, so the writer re-reads each stored file once, not once
    per folder above it; a move between two changes keeps them apart."""
    import queue
    import threading

    from watchdog.events import DirAttribEvent, FileAttribEvent, FileMovedEvent

    from phiscan.watch.messages import Moved, Reexpose, ReexposeTree
    from phiscan.watch.settle import Debouncer, RootMap

    root = tmp_path / "share"
    (root / "team" / "sub").mkdir(parents=True)
    debouncer = Debouncer(RootMap([str(root)]), 0.1, 1000, queue.Queue(), queue.Queue(),
                          threading.Event(), lambda: None, lambda _root, _path: [])
    team, sub = str(root / "team"), str(root / "team" / "sub")
    for event in [DirAttribEvent(sub), FileAttribEvent(f"{sub}/a.txt"), DirAttribEvent(team),
                  FileAttribEvent(f"{team}/b.txt"), FileAttribEvent(f"{sub}/c.txt"),
                  DirAttribEvent(sub)]:
        debouncer.on_event(event)
    assert list(debouncer.controls) == [ReexposeTree(team)]
    debouncer.on_event(FileMovedEvent(f"{team}/b.txt", f"{team}/d.txt"))
    debouncer.on_event(FileAttribEvent(f"{team}/d.txt"))
    debouncer.on_event(FileAttribEvent(f"{team}/d.txt"))
    assert list(debouncer.controls) == [
        ReexposeTree(team), Moved(f"{team}/b.txt", f"{team}/d.txt"), Reexpose(f"{team}/d.txt")]
