"""The output folder fills up mid-scan: a clear error, a consistent inventory, and a
rerun that completes once there is space. The full disk is a real one: a tmpfs of a
few hundred kilobytes mounted for the test (needs root; skipped otherwise)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.cli import run_process as run_cli  # the process is the subject

FILES = 150


@pytest.fixture
def tiny_mount(tmp_path):
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs",
                              str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def consistent(inventory: Path) -> tuple[int, int]:
    """(locations, findings); every location's findings match its entity counts."""
    db = sqlite3.connect(f"file:{inventory}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT id, entities FROM locations").fetchall()
        for location_id, entities in rows:
            stored = dict(db.execute(
                "SELECT entity_type, count(*) FROM findings WHERE location_id=?"
                " GROUP BY entity_type", (location_id,)).fetchall())
            assert stored == json.loads(entities)
        findings = db.execute("SELECT count(*) FROM findings").fetchone()[0]
        return len(rows), findings
    finally:
        db.close()


def test_disk_full_then_rerun(tmp_path, tiny_mount):
    share = tmp_path / "share"
    share.mkdir()
    for index in range(FILES):
        (share / f"note-{index:03d}.txt").write_text(
            f"Visit {index}: Patient Jane Smith, NHS number 943 476 5919, "
            "contact jane.smith@example.org, seen for diabetes review.\n")
    config = tmp_path / "phiscan.toml"
    config.write_text("[scan]\nworkers = 1\n")
    out = tiny_mount / "out"

    first = run_cli("scan", str(share), "--out", str(out), "--config", str(config), "--quiet")
    assert first.returncode == 3, first.stderr
    assert "output folder full" in first.stderr
    assert "Traceback" not in first.stderr and "Logging error" not in first.stderr
    # How many whole batches were committed before the disk filled depends on timing
    # (batches are committed by count or once a second); what must hold is that the
    # scan did not finish and nothing is half-written.
    locations, _findings = consistent(out / "inventory.sqlite")
    assert locations < FILES

    subprocess.run(["mount", "-o", "remount,size=64m", str(tiny_mount)], check=True)
    second = run_cli("scan", str(share), "--out", str(out), "--config", str(config), "--quiet")
    assert second.returncode == 0, second.stderr
    assert consistent(out / "inventory.sqlite")[0] == FILES
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == {"scanned": FILES, "skipped": 0, "error": 0}
    assert summary["entities"]["UK_NHS"] == FILES
