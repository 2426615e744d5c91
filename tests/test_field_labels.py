"""Labels are content: headers decided by evidence, and every position, record and field
name passes detection before it is stored (issue 13 item 3, issue 16's one-row tables).

One real scan through the CLI over files made by the real tools (openpyxl, python-docx);
then, per file, what the inventory holds, and that no file in the output folder holds a
raw value.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import openpyxl
import pytest

from phiscan.extract.tables import is_header
from phiscan.inventory.store import Inventory
from phiscan.model import Finding, LocationResult, Status
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values

PATIENT_ROW = ["Jane Example", "943 476 5919", "SW1A 1AA", "key safe 4821 COPD"]
SECOND_ROW = ["John Brown", "401 023 2137", "LS1 6AE", "asthma"]
ONE_ROW = "Patient John Smith, NHS number 943 476 5919, DOB 12/03/1941, type 2 diabetes"
SHEET_NAME = "Jane Example 9434765919"
RAW_VALUES = ["9434765919", "943 476 5919", "Jane Example", "SW1A 1AA", "key safe 4821",
              "4010232137", "401 023 2137", "John Smith", "12/03/1941", "John Brown",
              "6401000007", "4505000001", "Margaret Thompson", "Susan Rivers", "02/07/1950"]


def one_sheet(path: Path, rows: list[list[str]], title: str = "Clinic") -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def one_table(path: Path, rows: list[list[str]]) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, row, strict=True):
            cell.text = text
    document.save(path)


def build_share(share: Path) -> None:
    share.mkdir()
    (share / "headerless.csv").write_text(
        "\n".join(",".join(row) for row in (PATIENT_ROW, SECOND_ROW)) + "\n")
    one_sheet(share / "headerless.xlsx", [PATIENT_ROW, SECOND_ROW])
    one_sheet(share / "one-row.xlsx", [[ONE_ROW]])
    one_table(share / "one-row.docx", [[ONE_ROW]])
    (share / "keyed.json").write_text(json.dumps(
        {"943 476 5919": {"name": "Jane Example", "dob": "1941-03-12"}}))
    (share / "tags.xml").write_text(
        '<patients><n9434765919>Jane Example</n9434765919>'
        '<visit id6401000007="seen">asthma review</visit></patients>')
    one_sheet(share / "sheet-name.xlsx", [["visit_date", "notes"],
                                          ["2024-01-02", "diabetes review at home"]],
              title=SHEET_NAME)
    one_table(share / "form.docx", [["Patient name", "Susan Rivers"],
                                    ["NHS number", "450 500 0001"],
                                    ["Date of birth", "02/07/1950"], ["Diagnosis", "COPD"]])
    one_sheet(share / "per-patient.xlsx", [["nhs_number", "visit_notes"],
                                           ["450 500 0001", "home visit"]],
              title="Margaret Thompson")
    one_sheet(share / "empty-column.xlsx", [["nhs_number", "client_name", "COPD"],
                                            ["943 476 5919", "Jane Example", ""]])


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("labels")
    share, out = root / "share", root / "out"
    build_share(share)
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    for stream in (result.stdout, result.stderr):
        assert not [value for value in RAW_VALUES if value in stream]
    return out


def rows_of(out: Path, name: str) -> list[tuple]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute(
            "SELECT f.entity_type, f.masked, f.position, f.record, f.field FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE l.location LIKE ?"
            " ORDER BY f.id", (f"%/{name}",)).fetchall()


def test_nothing_in_the_output_folder_holds_a_raw_value(scanned):
    files = sorted(path.name for path in scanned.iterdir())
    assert "inventory.sqlite" in files
    assert_no_raw_values(scanned, RAW_VALUES)


@pytest.mark.parametrize(("name", "position"), [("headerless.csv", "row 1"),
                                                ("headerless.xlsx", "sheet Clinic row 1")])
def test_a_patient_in_the_first_row_of_a_headerless_table_is_read_as_data(scanned, name,
                                                                           position):
    rows = rows_of(scanned, name)
    first = {(entity, masked, field) for entity, masked, where, _r, field in rows
             if where == position}
    assert first == {("PERSON", "J*** E******", "column_1"), ("UK_NHS", "943 *** ****", "column_2"),
                     ("UK_POSTCODE", "SW1A ***", "column_3"),
                     ("HOME_ACCESS", "*** **** ****", "column_4"),
                     ("HEALTH_CONDITION", "****", "column_4")}
    assert ("UK_NHS", "401 *** ****", "column_2") in {(e, m, f) for e, m, _w, _r, f in rows}
    assert {field for *_rest, field in rows} <= {"column_1", "column_2", "column_3", "column_4"}


@pytest.mark.parametrize(("name", "position"), [("one-row.xlsx", "sheet Clinic row 1"),
                                                ("one-row.docx", "table 1 row 1")])
def test_a_one_row_sheet_or_table_is_data(scanned, name, position):
    assert sorted(rows_of(scanned, name)) == sorted(
        (entity, masked, position, position, "column_1") for entity, masked in [
            ("UK_NHS", "943 *** ****"), ("DATE_OF_BIRTH", "**/**/****"),
            ("PERSON", "J*** S****"), ("HEALTH_CONDITION", "**** * ********")])


def test_an_nhs_number_as_a_json_key_is_found_and_masked_in_the_field_names(scanned):
    assert sorted(rows_of(scanned, "keyed.json")) == [
        ("DATE_OF_BIRTH", "****-**-**", "", "document", "943 *** ****.dob"),
        ("PERSON", "J*** E******", "", "document", "943 *** ****.name"),
        ("UK_NHS", "943 *** ****", "", "document", None),
    ]


def test_identifiers_in_xml_tag_and_attribute_names(scanned):
    assert sorted(rows_of(scanned, "tags.xml")) == [
        ("HEALTH_CONDITION", "******", "", "document", "visit"),
        ("PERSON", "J*** E******", "", "document", "n943 *** ****"),
        ("UK_NHS", "640 *** ****", "", "document", "[label] visit@id640 *** ****"),
        ("UK_NHS", "943 *** ****", "", "document", "[label] n943 *** ****"),
    ]


def test_a_sheet_named_after_a_patient(scanned):
    where = "sheet J*** E****** 943 *** **** row 2"
    assert rows_of(scanned, "sheet-name.xlsx") == [
        ("HEALTH_CONDITION", "********", where, where, "notes"),
        ("UK_NHS", "943 *** ****", where, where, f"[label] {where}"),
    ]


def test_a_sheet_named_after_a_patient_without_an_identifier_in_the_name(scanned):
    where = "sheet M******* T******* row 2"
    assert rows_of(scanned, "per-patient.xlsx") == [
        ("UK_NHS", "450 *** ****", where, where, "nhs_number")]


def test_a_form_table_is_one_record_under_its_row_labels(scanned):
    assert sorted(rows_of(scanned, "form.docx")) == [
        ("DATE_OF_BIRTH", "**/**/****", "table 1", "table 1", "Date of birth"),
        ("HEALTH_CONDITION", "****", "table 1", "table 1", "Diagnosis"),
        ("PERSON", "S**** R*****", "table 1", "table 1", "Patient name"),
        ("UK_NHS", "450 *** ****", "table 1", "table 1", "NHS number"),
    ]


def test_a_header_over_an_empty_column_keeps_its_label(scanned):
    assert sorted(rows_of(scanned, "empty-column.xlsx")) == [
        ("HEALTH_CONDITION", "****", "sheet Clinic row 1", "sheet Clinic row 1", None),
        ("PERSON", "J*** E******", "sheet Clinic row 2", "sheet Clinic row 2", "client_name"),
        ("UK_NHS", "943 *** ****", "sheet Clinic row 2", "sheet Clinic row 2", "nhs_number"),
    ]


def test_a_label_that_skipped_detection_is_stored_masked(tmp_path):
    finding = Finding("UK_NHS", 1.0, "test", "sheet 9434765919 row 2", 0, 10, "943 *** ****",
                      "h", record="sheet 9434765919 row 2", field="nhs 9434765919")
    with Inventory(tmp_path) as inventory:
        run = inventory.start_run("scan", ["/share"])
        inventory.write_results(run, [LocationResult("/share/a.xlsx", Status.SCANNED,
                                                     findings=[finding])])
        (row,) = inventory.findings()
    assert (row["position"], row["record"], row["field"]) == (
        "***** ********** *** *", "***** ********** *** *", "*** **********")


@pytest.mark.parametrize(("first", "below", "expected"), [
    (["nhs_number", "access_notes"], [["943 476 5919", "key safe 4821"]], True),
    (["Surname", "Forename", "Town"], [["Smith", "Jane", "Leeds"]], True),
    (["Smith", "Jane", "Leeds"], [["Brown", "John", "York"]], False),
    (PATIENT_ROW, [SECOND_ROW], False),
    (["Patient name", "Jane Smith"], [["NHS number", "943 476 5919"]], False),
    (["client", "date_of_birth"], [], False),
    (["notes", "notes"], [["a", "b"]], False),
    (["status"], [["status"]], False),
    # two columns the vocabulary names, one over dates: a header whatever the others' names
    (["Client", "DOB", "Round", "Left with", "Safe place"],
     [["Ann Lee", "01/02/1940", "North", "neighbour", "porch"]], True),
    (["Client", "Town", "Round", "Left with", "Safe place"],
     [["Ann Lee", "Hull", "North", "neighbour", "porch"]], False),
    # a word and `no` over numbers is a number's label (share 26's MDT table: read as data,
    # its Discussion column's `High IDWG` took the row's date of birth)
    (["Patient", "Hosp no", "Therapy", "Discussion", "Action / who"],
     [["Ms H Kershaw (16.10.70)", "K991585", "HHD", "High IDWG, review TW", "Anjali U"],
      ["Lee Wadsworth", "K252199", "HPN", "Reduce PN nights - trial 5/7", "Merlene C"]], True),
])
def test_header_evidence(first, below, expected):
    assert is_header(first, below) is expected


def test_reveal_recovers_a_value_found_only_in_a_label(scanned, tmp_path):
    export = tmp_path / "people.csv"
    result = run_cli("individuals", str(scanned), "--export", str(export), "--reveal")
    assert result.returncode == 0, result.stderr[-2000:]
    revealed = {value for line in export.read_text().splitlines() for value in line.split(",")}
    assert "6401000007" in {part.strip() for value in revealed for part in value.split(";")}


def test_a_welsh_label_with_accents_reads_as_its_english_label() -> None:
    from phiscan.extract.tables import has_field_word
    from recognizers.context import normalise_words

    assert [normalise_words(label) for label in ("Rhif ffôn", "Ffôn symudol:", "Rhif ffon")] \
        == [" phone number ", " phone symudol ", " phone number "]
    assert [has_field_word(cell) for cell in ("Ffôn", "Rhif ffôn")] == [True, True]
