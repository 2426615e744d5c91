"""Incremental rescans, --full, gone locations and detection-settings changes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.inventory.store import PreviousState
from phiscan.model import SourceItem
from phiscan.scan.runner import is_unchanged, run_scan
from phiscan.synthetic.demo_share import build_sample_share

SAMPLE_TOP_LEVEL_FILES = 16
SAMPLE_ZIP_MEMBERS = 4


def serial_config() -> Config:
    config = Config()
    config.scan.workers = 1
    return config


def location_rows(out: Path) -> dict[str, tuple]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT location, status, entities, first_run, last_run, scanned_at, gone"
            " FROM locations").fetchall()
    return {row[0]: row[1:] for row in rows}


def finding_rows(out: Path) -> set[tuple]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return set(db.execute(
            "SELECT l.location, f.run_id, f.entity_type, f.start, f.end, f.position, f.record,"
            " f.field, f.masked, f.value_hash FROM findings f"
            " JOIN locations l ON l.id=f.location_id").fetchall())


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    build_sample_share(root)
    return root


def test_rescan_skips_every_unchanged_location_and_keeps_its_rows(share, tmp_path):
    out = tmp_path / "out"
    first = run_scan([str(share)], out, serial_config())
    rows_before, findings_before = location_rows(out), finding_rows(out)
    second = run_scan([str(share)], out, serial_config())
    assert first.progress.unchanged == 0
    assert second.progress.unchanged == SAMPLE_TOP_LEVEL_FILES
    assert sum(second.progress.statuses.values()) == 0
    assert finding_rows(out) == findings_before  # same rows, still tagged with run 1
    rows_after = location_rows(out)
    assert set(rows_after) == set(rows_before)
    for location, (status, entities, first_run, last_run, scanned_at, gone) in rows_after.items():
        assert (status, entities, first_run, scanned_at, gone) == (
            rows_before[location][:3] + rows_before[location][4:])
        assert last_run == second.run_id
    assert second.summary["locations"] == SAMPLE_TOP_LEVEL_FILES + SAMPLE_ZIP_MEMBERS


def test_rescan_scans_changed_and_new_and_marks_deleted_gone(share, tmp_path):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    changed = share / "admin" / "invoices.txt"
    changed.write_text("Patient NHS number 943 476 5919 seen in clinic.\n")
    os.utime(changed, (1_700_000_000, 1_700_000_000))
    (share / "care-notes" / "visit-001.txt").unlink()
    (share / "admin" / "new-note.txt").write_text("Nothing to see here.\n")
    outcome = run_scan([str(share)], out, serial_config())
    assert outcome.progress.unchanged == SAMPLE_TOP_LEVEL_FILES - 2
    assert dict(outcome.progress.statuses) == {"scanned": 2}
    assert outcome.progress.gone == 1
    rows = location_rows(out)
    assert rows[str(share / "care-notes" / "visit-001.txt")][-1] == 1
    assert rows[str(changed)][1] == '{"UK_NHS": 1}'
    assert rows[str(changed)][3] == outcome.run_id
    members = [loc for loc in rows if "!" in loc]
    assert len(members) == SAMPLE_ZIP_MEMBERS
    assert all(rows[member][3] == outcome.run_id and rows[member][-1] == 0 for member in members)
    assert outcome.summary["locations"] == SAMPLE_TOP_LEVEL_FILES + SAMPLE_ZIP_MEMBERS


def test_full_rescans_everything(share, tmp_path):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    findings_before = {row[:1] + row[2:] for row in finding_rows(out)}
    outcome = run_scan([str(share)], out, serial_config(), full=True)
    assert outcome.progress.unchanged == 0
    assert sum(outcome.progress.statuses.values()) == SAMPLE_TOP_LEVEL_FILES + SAMPLE_ZIP_MEMBERS
    assert {row[:1] + row[2:] for row in finding_rows(out)} == findings_before
    assert {row[1] for row in finding_rows(out)} == {outcome.run_id}


def test_excluded_locations_are_not_marked_gone(share, tmp_path):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    config = serial_config()
    config.scan.exclude = ["*.md"]
    outcome = run_scan([str(share)], out, config)
    assert outcome.progress.gone == 0
    assert location_rows(out)[str(share / "admin" / "team-meeting.md")][-1] == 0


def test_changed_detection_settings_force_a_full_rescan(share, tmp_path):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    config = serial_config()
    config.detection.threshold = 0.6
    outcome = run_scan([str(share)], out, config)
    assert outcome.progress.unchanged == 0


def test_etag_and_size_decide_when_the_source_has_etags():
    previous = PreviousState(size=10, modified=100.0, etag='"abc"', status="scanned", last_run=1)
    same = SourceItem("s3://b/k", size=10, modified=999.0, etag='"abc"')
    assert is_unchanged(same, previous)
    assert not is_unchanged(SourceItem("s3://b/k", 10, 100.0, etag='"abd"'), previous)
    assert not is_unchanged(SourceItem("s3://b/k", 11, 100.0, etag='"abc"'), previous)


def test_size_and_mtime_decide_locally_and_errors_are_retried():
    previous = PreviousState(size=10, modified=100.0, etag=None, status="scanned", last_run=1)
    assert is_unchanged(SourceItem("/s/a", 10, 100.0), previous)
    assert not is_unchanged(SourceItem("/s/a", 10, 100.5), previous)
    errored = PreviousState(size=10, modified=100.0, etag=None, status="error", last_run=1)
    assert not is_unchanged(SourceItem("/s/a", 10, 100.0), errored)



def test_an_unchanged_container_with_an_errored_member_is_scanned_again(tmp_path):
    import email.message
    import zipfile

    share = tmp_path / "share"
    share.mkdir()
    with zipfile.ZipFile(share / "export.zip", "w") as archive:
        archive.writestr("cases.json", '[{"nhs": "943 476 5919"')  # cut short: an error
        archive.writestr("notes.txt", "Clinic moved to Tuesday.\n")
    with zipfile.ZipFile(share / "clean.zip", "w") as archive:
        archive.writestr("notes.txt", "Clinic moved to Tuesday.\n")
    mail = email.message.EmailMessage()
    mail["Subject"] = "extract"
    mail.set_content("See attached.")
    mail.add_attachment(b'{"broken": ', maintype="application", subtype="json",
                        filename="extract.json")
    (share / "extract.eml").write_bytes(mail.as_bytes())
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    errored = {location for location, row in location_rows(out).items() if row[0] == "error"}
    assert errored == {f"{share}/export.zip!cases.json", f"{share}/extract.eml!extract.json"}
    again = run_scan([str(share)], out, serial_config())
    assert again.progress.unchanged == 1  # clean.zip only
    assert dict(again.progress.statuses) == {"scanned": 3, "error": 2}  # both read again
    rows = location_rows(out)
    assert [rows[location][0] for location in sorted(errored)] == ["error", "error"]


def test_a_member_error_makes_its_container_changed():
    previous = PreviousState(size=10, modified=100.0, etag=None, status="scanned", last_run=1,
                             member_errors=True)
    assert not is_unchanged(SourceItem("/s/a.zip", 10, 100.0), previous)


def scoping_warnings(out: Path, caplog) -> list[str]:
    from phiscan.scoping.report import load_scope

    caplog.clear()
    with caplog.at_level("WARNING", logger="phiscan.scoping"):
        load_scope(out)
    return [record.getMessage() for record in caplog.records]


def test_a_new_key_format_rescans_everything_and_scoping_warns_until_then(
        share, tmp_path, caplog, monkeypatch):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    findings_before = finding_rows(out)
    assert scoping_warnings(out, caplog) == []
    for module in ("phiscan.scan.runner", "phiscan.scoping.report"):
        monkeypatch.setattr(f"{module}.KEY_FORMAT", "next")
    warnings = scoping_warnings(out, caplog)
    assert len(warnings) == 1 and warnings[0].endswith("rescan it before scoping")
    rescan = run_scan([str(share)], out, serial_config())
    assert rescan.progress.unchanged == 0
    assert {row[:1] + row[2:] for row in finding_rows(out)} == {
        row[:1] + row[2:] for row in findings_before}
    assert scoping_warnings(out, caplog) == []


def test_an_inventory_from_before_key_formats_were_recorded_is_warned_about(
        share, tmp_path, caplog):
    out = tmp_path / "out"
    run_scan([str(share)], out, serial_config())
    with sqlite3.connect(out / "inventory.sqlite") as db:
        db.execute("DELETE FROM meta WHERE key = 'key_format'")
    assert len(scoping_warnings(out, caplog)) == 1


def test_a_changed_name_variants_vocabulary_changes_the_fingerprint(tmp_path, monkeypatch):
    """Stored variant hashes are `name_variants.txt`'s and the particles': a change to either
    must force a full rescan, as a changed setting does."""
    import shutil

    import phiscan.detect.normalize as normalize
    from phiscan.scan.runner import detection_fingerprint

    before = detection_fingerprint(Config())
    shutil.copy(normalize.DATA_DIR / "name_variants.txt", tmp_path / "name_variants.txt")
    monkeypatch.setattr(normalize, "DATA_DIR", tmp_path, raising=False)
    assert detection_fingerprint(Config()) == before
    with (tmp_path / "name_variants.txt").open("a", encoding="utf-8") as vocabulary:
        vocabulary.write("yusuf yousef\n")
    edited = detection_fingerprint(Config())
    monkeypatch.setattr(normalize, "_PARTICLES", normalize._PARTICLES | {"zu"})
    assert len({before, edited, detection_fingerprint(Config())}) == 3
