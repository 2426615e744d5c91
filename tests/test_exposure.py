"""Who can read each file: mode bits, POSIX ACLs (set with Debian's setfacl) and the
folders above, read through the CLI into files.jsonl and the inventory."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from phiscan.inventory.store import EXPOSURE_NOT_RECORDED, Inventory
from phiscan.sources.exposure import LocalExposure
from tests.servers import ensure_debian_command

NOTE = "Patient Jane Smith, NHS number 943 476 5919, has type 2 diabetes.\n"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "phiscan", *args], capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def open_tree():
    """A folder every account may search: pytest's own temp folders are 0700, which
    would make every file under them restricted."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-exposure-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    shutil.rmtree(top)


def write(path: Path, mode: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE)
    path.chmod(mode)
    return path


def build_share(top: Path) -> Path:
    share = top / "share"
    share.mkdir(mode=0o755)
    share.chmod(0o755)
    write(share / "open" / "everyone.txt", 0o644)
    write(share / "open" / "owner-only.txt", 0o600)
    team = write(share / "open" / "team.txt", 0o600)
    setfacl = ensure_debian_command("setfacl", "acl")
    subprocess.run([setfacl, "-m", "g:users:r", str(team)], check=True)
    (share / "open").chmod(0o755)
    write(share / "locked" / "note.txt", 0o644)
    (share / "locked").chmod(0o700)
    gated = write(share / "gated" / "team.txt", 0o600)
    subprocess.run([setfacl, "-m", "g:users:r", str(gated)], check=True)
    (share / "gated").chmod(0o750)  # group root may search it, users may not
    return share


def exposures(out: Path) -> dict[str, tuple[str, list[str], str]]:
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {row["location"]: (row["exposure"], row["exposure_principals"],
                              row["exposure_reason"]) for row in rows}


def test_local_exposure_from_modes_acls_and_folders(open_tree):
    share = build_share(open_tree)
    before = {path: path.stat().st_mode for path in share.rglob("*")}
    out = open_tree / "out"
    result = run_cli("scan", str(share), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert exposures(out) == {
        f"{share}/open/everyone.txt": ("broad", ["other"], ""),
        f"{share}/open/owner-only.txt": ("restricted", ["user:root"], ""),
        f"{share}/open/team.txt": ("group", ["group:users", "user:root"], ""),
        f"{share}/locked/note.txt": ("restricted", ["user:root"], ""),
        f"{share}/gated/team.txt": ("restricted", ["user:root"], ""),
    }
    assert {path: path.stat().st_mode for path in share.rglob("*")} == before
    with Inventory(out, readonly=True) as inventory:
        stored = inventory.location(f"{share}/open/team.txt")
    assert (stored.exposure, stored.exposure_principals) == ("group", ["group:users", "user:root"])
    csv_header = (out / "files.csv").read_text().splitlines()[0].split(",")
    assert csv_header[-2:] == ["exposure", "exposure_principals"]


def test_a_rescan_sees_a_file_re_permissioned(open_tree):
    share = build_share(open_tree)
    out = open_tree / "out"
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    (share / "open" / "everyone.txt").chmod(0o600)  # mtime and size unchanged
    (share / "locked").chmod(0o755)
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    found = exposures(out)
    assert found[f"{share}/open/everyone.txt"] == ("restricted", ["user:root"], "")
    assert found[f"{share}/locked/note.txt"] == ("broad", ["other"], "")


def test_an_archive_member_has_its_container_exposure(open_tree):
    share = open_tree / "share"
    share.mkdir()
    share.chmod(0o755)
    (share / "note.txt").write_text(NOTE)
    shutil.make_archive(str(share / "notes"), "zip", share, "note.txt")
    (share / "note.txt").unlink()
    (share / "notes.zip").chmod(0o640)
    out = open_tree / "out"
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    assert exposures(out) == {
        f"{share}/notes.zip": ("group", ["group:root", "user:root"], ""),
        f"{share}/notes.zip!note.txt": ("group", ["group:root", "user:root"], ""),
    }


def test_unreadable_permissions_are_unknown_with_a_reason(tmp_path):
    exposure = LocalExposure().of(str(tmp_path / "gone.txt"))
    assert (exposure.level, exposure.principals) == ("unknown", ())
    assert exposure.reason == f"cannot stat {tmp_path}/gone.txt: ENOENT"


def test_an_older_inventory_gains_the_exposure_columns(tmp_path):
    with Inventory(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "inventory.sqlite")
    for column in ("exposure", "exposure_principals", "exposure_reason"):
        db.execute(f"ALTER TABLE locations DROP COLUMN {column}")
    db.execute("INSERT INTO locations(location, status, first_run, last_run, scanned_at)"
               " VALUES ('/old/a.txt', 'scanned', 1, 1, 0)")
    db.commit()
    db.close()
    with Inventory(tmp_path) as inventory:
        old = inventory.location("/old/a.txt")
    assert (old.exposure, old.exposure_principals, old.exposure_reason) == (
        "unknown", [], EXPOSURE_NOT_RECORDED)
    assert os.stat(tmp_path / "inventory.sqlite").st_mode & 0o077 == 0
