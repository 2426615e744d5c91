"""Acceptance: a share with every supported file type and a folder of malformed
files, scanned by the real CLI; exact status and entity counts per location."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli import run_cli
from tests.conftest import assert_no_raw_values, snapshot_tree
from tests.share_builder import RAW_VALUES, build_every_type, build_malformed

# Only pattern recognizers: counts must not depend on spaCy NER.
DETERMINISTIC_CONFIG = """
[detection]
entities = ["UK_NHS", "HOME_ACCESS", "EMAIL_ADDRESS"]
[scan]
workers = 1
"""
NHS, ACCESS, MAIL = "UK_NHS", "HOME_ACCESS", "EMAIL_ADDRESS"
SCANNED = "scanned"

EXPECTED_EVERY_TYPE: dict[str, tuple[str, str, dict[str, int]]] = {
    "note.txt": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "rota.csv": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "rota.tsv": (SCANNED, "", {NHS: 1, MAIL: 1}),
    "export.json": (SCANNED, "", {NHS: 1, MAIL: 1}),
    "patients.json": (SCANNED, "", {NHS: 2, MAIL: 2}),
    "referral.xml": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    # the code inside <script> is not visible text; the mailto href is markup
    "visit.html": (SCANNED, "", {NHS: 1, MAIL: 1}),
    "plan.docx": (SCANNED, "", {NHS: 2, ACCESS: 1, MAIL: 1}),
    "rota.xlsx": (SCANNED, "", {NHS: 1, ACCESS: 1, MAIL: 1}),
    "discharge.pdf": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    # a blank page: nothing to read, and nothing that needs OCR (no image on it)
    "scanned.pdf": (SCANNED, "no text found", {}),
    "protected.pdf": ("skipped", "encrypted pdf (password required)", {}),
    "care-plan.rtf": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "update.eml": (SCANNED, "", {MAIL: 2, ACCESS: 1}),
    "update.eml!visit-note.txt": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "update.eml!rota.xlsx": (SCANNED, "", {NHS: 1, ACCESS: 1, MAIL: 1}),
    "discharge.msg": (SCANNED, "", {NHS: 1, MAIL: 1}),
    "discharge.msg!access.txt": (SCANNED, "", {ACCESS: 1}),
    "adt.hl7": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "letters.zip": (SCANNED, "", {}),
    "letters.zip!letters/letter-1.txt": (SCANNED, "", {NHS: 1}),
    "letters.zip!letters/plan.docx": (SCANNED, "", {NHS: 2, ACCESS: 1, MAIL: 1}),
    "sniffed/report.dat": (SCANNED, "", {NHS: 1}),
    "sniffed/message.out": (SCANNED, "", {NHS: 1, ACCESS: 1}),
    "sniffed/plan.bin": (SCANNED, "", {NHS: 2, ACCESS: 1, MAIL: 1}),
    "sniffed/image.raw": ("skipped", "binary file with no extractor", {}),
}

EXPECTED_MALFORMED: dict[str, tuple[str, str]] = {
    # (text under an Office name is read as text, and says its name lied)
    "malformed/not-really.docx": ("scanned", "read as text: text content with a .docx name"),
    "malformed/truncated.pdf": ("error", "malformed pdf (damaged or not a PDF: pdfium error 3)"),
    "malformed/corrupt.zip": ("error", "corrupt zip: BadZipFile"),
    "malformed/binary.txt": ("skipped", "binary content with a .txt name"),
    "malformed/broken.xlsx": ("error", "malformed xlsx: KeyError"),
    "malformed/bad.eml": ("error", "malformed email: no message headers"),
    "malformed/invalid.hl7": ("error", "malformed hl7: no MSH segment at the start"),
    "malformed/invalid.json": ("error", "malformed json: JSONDecodeError"),
    "malformed/bad.xml": ("error", "malformed xml: XMLSyntaxError"),
    "malformed/bad.msg": ("error", "malformed msg: NotOleFileError"),
    "malformed/bad.rtf": ("error", "malformed rtf: no {\\rtf header"),
}


@pytest.fixture(scope="module")
def every_type_scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("every-type")
    build_every_type(share)
    (share / "malformed").mkdir()
    build_malformed(share / "malformed")
    config = tmp_path_factory.mktemp("config") / "deterministic.toml"
    config.write_text(DETERMINISTIC_CONFIG)
    out = tmp_path_factory.mktemp("out") / "inventory"
    before = snapshot_tree(share)
    result = run_cli("scan", str(share), "--out", str(out), "--config", str(config), "--quiet")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    by_location = {row["location"].removeprefix(f"{share}/"): row for row in rows}
    return share, out, before, by_location, result


def test_every_location_has_its_exact_status_and_counts(every_type_scan):
    _share, _out, _before, rows, _result = every_type_scan
    actual = {location: (row["status"], row["reason"], row["entities"])
              for location, row in rows.items() if not location.startswith("malformed/")}
    assert actual == EXPECTED_EVERY_TYPE


def test_malformed_files_end_with_a_reason_and_the_scan_goes_on(every_type_scan):
    _share, _out, _before, rows, _result = every_type_scan
    actual = {location: (row["status"], row["reason"])
              for location, row in rows.items() if location.startswith("malformed/")}
    assert actual == EXPECTED_MALFORMED
    assert all(rows[location]["entities"] == {} for location in EXPECTED_MALFORMED)


def test_findings_know_where_they_sit(every_type_scan):
    share, out, _before, _rows, _result = every_type_scan
    with sqlite3.connect(out / "inventory.sqlite") as db:
        found = set(db.execute(
            "SELECT l.location, f.entity_type, f.position, f.field FROM findings f "
            "JOIN locations l ON l.id = f.location_id"))
    prefix = f"{share}/"
    expected = {
        ("rota.xlsx", NHS, "sheet Visits row 2", "nhs_number"),
        ("rota.xlsx", MAIL, "sheet Contacts row 2", "email"),
        ("adt.hl7", NHS, "message 1", "PID-3 nhs_number"),
        ("patients.json", NHS, "entry[1] Patient", "nhs_number"),
        ("discharge.pdf", ACCESS, "page 2", None),
        ("plan.docx", ACCESS, "table 1 row 2", "access_notes"),
        ("plan.docx", MAIL, "section 1 footer", None),
        ("update.eml", MAIL, "headers", "To"),
        ("update.eml!rota.xlsx", NHS, "sheet Visits row 2", "nhs_number"),
    }
    assert expected <= {(location.removeprefix(prefix), *rest) for location, *rest in found}


def test_scanned_files_are_byte_identical_with_unchanged_mtime(every_type_scan):
    share, _out, before, _rows, _result = every_type_scan
    assert snapshot_tree(share) == before


def test_no_planted_value_in_any_output(every_type_scan):
    _share, out, _before, _rows, result = every_type_scan
    assert_no_raw_values(out, RAW_VALUES)
    for value in RAW_VALUES:
        assert value not in result.stdout + result.stderr
