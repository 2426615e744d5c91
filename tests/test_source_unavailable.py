"""A local source that goes away mid-scan: a share unmounted (a real tmpfs, as
root) or its folder moved away. Reads that fail are `error: source unavailable`,
the run ends `incomplete`, and nothing already in the inventory is marked gone."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.inventory.store import Inventory
from phiscan.scan.executors import BATCH_SIZE
from phiscan.scan.pipeline import scan_item
from phiscan.scan.runner import run_scan
from phiscan.sources.local import LocalSource

NOTE = "Patient Jane Smith, NHS number 943 476 5919, seen for diabetes review.\n"
# More than one batch: a serial scan reports progress after each batch of files, so the
# share is taken away while the walk still has files and a folder to list.
FILES = BATCH_SIZE + 6


def fill(share: Path) -> None:
    for index in range(FILES):
        (share / f"note-{index}.txt").write_text(NOTE)
    (share / "sub").mkdir()
    (share / "sub" / "later.txt").write_text(NOTE)


class Share:
    """A share that can be taken away and brought back."""

    def __init__(self, base: Path, how: str) -> None:
        self.path = base / "share"
        self.path.mkdir()
        self.how = how
        self.away = base / "moved-away"
        if how == "unmounted":
            mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs",
                                      str(self.path)], capture_output=True)
            if mounted.returncode != 0:
                pytest.skip("cannot mount a tmpfs here (needs root)")
        fill(self.path)

    def take_away(self) -> None:
        if self.how == "unmounted":
            subprocess.run(["umount", "--lazy", str(self.path)], check=True)
        else:
            os.rename(self.path, self.away)

    def bring_back(self) -> None:
        if self.how == "unmounted":
            subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(self.path)],
                           check=True)
            fill(self.path)
        else:
            os.rename(self.away, self.path)

    def close(self) -> None:
        if self.how == "unmounted":
            subprocess.run(["umount", "--lazy", str(self.path)], capture_output=True)


@pytest.fixture(params=["unmounted", "moved-away"])
def share(request, tmp_path):
    handle = Share(tmp_path, request.param)
    yield handle
    handle.close()


EXPECTED_REASON = {
    "unmounted": "source unavailable: the scanned root was unmounted or replaced",
    "moved-away": "source unavailable: the scanned root is gone",
}


def test_reads_after_the_source_went_away_are_errors(share, detector):
    config = Config()
    source = LocalSource(str(share.path), config)
    items = list(source.walk())
    share.take_away()
    results = [scan_item(item, source, detector, config)[0] for item in items]
    assert len(results) == FILES + 1
    assert {(r.status, r.reason) for r in results} == {("error", EXPECTED_REASON[share.how])}


def test_run_is_incomplete_and_nothing_is_marked_gone(share, tmp_path):
    config = Config()
    config.scan.workers = 1
    out = tmp_path / "out"
    first = run_scan([str(share.path)], out, config)
    assert first.summary["run"]["status"] == "completed"

    def take_away_after_two_files(progress) -> None:
        if progress.files_done == 2 and share.path.exists() and any(share.path.iterdir()):
            share.take_away()

    second = run_scan([str(share.path)], out, config, on_progress=take_away_after_two_files,
                      full=True)
    assert second.summary["run"]["status"] == "incomplete"
    assert second.progress.unavailable == [str(share.path)]
    with Inventory(out, readonly=True) as inventory:
        kept = [loc for loc in inventory.locations() if loc.status == "scanned"]
        assert len(kept) == FILES + 1  # the first run's rows stand; none marked gone
        runs = [row["status"] for row in inventory.runs()]
    assert runs == ["completed", "incomplete"]

    share.bring_back()
    third = run_scan([str(share.path)], out, config)
    assert third.summary["run"]["status"] == "completed"
    assert third.summary["status"] == {"scanned": FILES + 1, "skipped": 0, "error": 0}
