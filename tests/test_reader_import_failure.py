"""A format whose reader cannot be imported costs its own files, never the scan."""

from __future__ import annotations

import sqlite3

from phiscan import extract
from phiscan.config import Config
from phiscan.scan.runner import run_scan


def test_a_reader_that_cannot_be_imported_fails_its_files_only(tmp_path, monkeypatch):
    broken = extract.Lazy("no_such_reader_module", "extract")
    monkeypatch.setitem(extract.EXTRACTORS, "csv", broken)
    extract.import_every_reader()  # a fork pool's parent does this before forking
    share = tmp_path / "share"
    share.mkdir()
    (share / "rows.csv").write_text("nhs_number,name\n9434765919,Jane Example\n")
    (share / "note.txt").write_text("NHS number 943 476 5919 for Jane Example.\n")
    config = Config()
    config.scan.workers = 1  # in this process, where the broken reader is patched in
    run_scan([str(share)], tmp_path / "out", config)
    with sqlite3.connect(tmp_path / "out" / "inventory.sqlite") as db:
        rows = dict(db.execute("SELECT location, status FROM locations"))
        reasons = [reason for (reason,) in db.execute(
            "SELECT reason FROM locations WHERE status = 'error'")]
    assert rows == {str(share / "note.txt"): "scanned", str(share / "rows.csv"): "error"}
    assert reasons == ["reader unavailable: phiscan.extract.no_such_reader_module could not "
                       "import phiscan.extract.no_such_reader_module"]
