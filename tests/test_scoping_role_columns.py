"""A role column's value gives its role in every name shape (issue 15): a `Crew`, `Call
handler`, `Allocated to`, `Assessor` or `Broker` column holds staff whether a cell reads
`Daniel Okonjo`, `OKONJO, Daniel`, `Okonjo, Daniel`, `OKONJO Daniel` or `Ms P Lal`, and a
header that says its values' shape in brackets (`Patient name (SURNAME, Forename)`,
`Service user [Surname Forename]`) is still the header, so its column is the patient's and
no row is read headerless (where the nurse's `SURNAME, Forename` joined the patient's row).
A column's name made of column words (`SURNAME, Forename`) is nobody's name. A staff
member's own record never makes a subject: a colleague `from the reablement team` on a
joint visit is staff (the client's date of birth never becomes hers), a staff member's own
date of birth beside her name is hers, and a FHIR Practitioner's `birthDate` is the
practitioner's, never a possible person. Scanned and exported by the real CLI.
"""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest

from tests.cli import export_individuals, names_with_roles, person, run_cli, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

NHS = ["4853080236", "4850025315", "4855754641", "4855335533", "4854863978"]
AMBULANCE_CSV = f"""Incident,"Patient name (SURNAME, Forename)",Date of birth,NHS number,Crew,\
Call handler,Allocated to
INC1001,"HARGREAVES, Winifred",12/03/1931,{NHS[0]},"OKONJO, Daniel",Priya Lal,FENWICK Rosa
INC1002,"BAINES, Cyril",04/09/1929,{NHS[1]},Daniel Okonjo,"LAL, Priya",Rosa Fenwick
INC1003,"ATKINSON, Doris",22/11/1940,{NHS[2]},"Okonjo, Daniel",Ms P Lal,"FENWICK, Rosa"
INC1004,"PRIESTLEY, Norman",30/01/1937,{NHS[3]},OKONJO Daniel,PRIYA LAL,Ms Rosa Fenwick
"""
BROKERAGE_ROWS = [
    ["Brokerage requests - week 46"],
    ["Ref", "Service user [Surname Forename]", "DOB", "Assessor", "Broker"],
    ["BR-17", "WHITTAKER Joan", "1938-02-14", "Amir SHAH", "COLLINS, Beth"],
    ["BR-18", "DUCKWORTH Albert", "1942-07-30", "SHAH, Amir", "Beth Collins"],
]
CASE_NOTE = """Adult Social Care - case note
Person: Mrs Iris Mottram (14/08/1939)
Joint visit with Grace Oduya from the reablement team.
Iris would like to stay at home; package of care discussed.
"""
SUPERVISION_NOTE = """Staff supervision record
Staff member: Grace Oduya, DOB 03/03/1980, reablement support worker.
Caseload reviewed; no concerns.
"""
FHIR_BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    {"fullUrl": "urn:uuid:p1", "resource": {
        "resourceType": "Patient", "name": [{"family": "Ogden", "given": ["Walter"]}],
        "birthDate": "1935-05-06",
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": NHS[4]}]}},
    {"fullUrl": "urn:uuid:pr1", "resource": {
        "resourceType": "Practitioner", "birthDate": "1980-03-03",
        "qualification": [{"code": {"text": "Reablement support worker"}}]}},
]}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("role-columns-share")
    out = tmp_path_factory.mktemp("role-columns-out") / "inventory"
    write_files(share, {"ambulance/incidents.csv": AMBULANCE_CSV,
                        "asc/mottram_case_note.txt": CASE_NOTE,
                        "hr/supervision_oduya.txt": SUPERVISION_NOTE,
                        "fhir/ogden.json": json.dumps(FHIR_BUNDLE, indent=1)})
    book = openpyxl.Workbook()
    for row in BROKERAGE_ROWS:
        book.active.append(row)
    book.save(share / "asc" / "brokerage.xlsx")
    scan_quietly(share, out)
    return out


def roles_by_column(out, location_part: str) -> dict[str, list[str]]:
    """Column name -> the roles of the names found in it, by row."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        found = db.execute(
            "SELECT f.field, f.role FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'PERSON' AND l.location LIKE ? ORDER BY f.record, f.start",
            (f"%{location_part}%",)).fetchall()
    by_column: dict[str, list[str]] = {}
    for field, role in found:
        by_column.setdefault(field, []).append(role)
    return by_column


def test_every_shape_in_a_role_column_is_staff(scanned):
    """Cells a recogniser reads as names, whatever their shape, take their column's role;
    the name-shape header is no name and no person (`Patient name`, `Service user`)."""
    incidents = roles_by_column(scanned, "incidents.csv")
    assert incidents.pop("Patient name") == ["subject"] * 4
    assert set(incidents) <= {"Crew", "Call handler", "Allocated to"}
    assert {role for roles in incidents.values() for role in roles} == {"staff"}
    assert sum(map(len, incidents.values())) >= 5
    brokerage = roles_by_column(scanned, "brokerage.xlsx")
    assert brokerage == {"Service user": ["subject"] * 2, "Assessor": ["staff"] * 2,
                         "Broker": ["staff"] * 2}


def test_a_colleague_from_a_team_is_staff_and_her_date_of_birth_hers(scanned):
    assert [role for _r, _m, role in names_with_roles(scanned, "mottram_case_note")] == [
        "", "staff"]
    assert [role for _r, _m, role in names_with_roles(scanned, "supervision_oduya")] == [
        "staff"]


def test_one_row_per_patient_and_no_staff_anywhere(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted(person(row["name"], row["nhs_number"].replace(" ", ""),
                         row["date_of_birth"]) for row in rows) == sorted([
        person("Winifred Hargreaves", NHS[0], "12/03/1931"),
        person("Cyril Baines", NHS[1], "04/09/1929"),
        person("Doris Atkinson", NHS[2], "22/11/1940"),
        person("Norman Priestley", NHS[3], "30/01/1937"),
        person("Walter Ogden", NHS[4], "1935-05-06"),
        person("Joan Whittaker", "", "1938-02-14"),
        person("Albert Duckworth", "", "1942-07-30"),
        person("Iris Mottram", "", "14/08/1939"),
    ])
    assert [row["other_names"] for row in rows] == [""] * len(rows)


def test_a_practitioners_birth_date_is_no_possible_person(scanned):
    result = run_cli("report", str(scanned), "--format", "json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)["individuals"]
    assert (people["total"], people["lower_bound"], people["upper_bound"]) == (8, 8, 8)


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path, ["Daniel Okonjo", "OKONJO", "Grace Oduya", "03/03/1980",
                                    NHS[0]])
