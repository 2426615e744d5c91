"""The right person behind structured records (issue 15): HL7 v2 segments, FHIR resources.

Each HL7 person-name field gets the role the standard gives it (PID the patient; NK1,
GT1 guarantor and IN1 insured related people, unless they are the patient; PV1, ROL,
OBR, ORC... clinicians), and free text in a message (OBX-5, NTE) is read like any text.
A FHIR Reference's `display` is read under the type it points at (Practitioner,
RelatedPerson, Patient), so a performer, an author or an attester is staff whatever the
element. Scanned by the real CLI; the export is read back with `--reveal`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.cli import export_individuals, scan_quietly, scanned_share
from tests.share_builder import write_files

ADT = (
    "MSH|^~\\&|PAS|RXX|EPR|RXX|202401011200||ADT^A04|1|P|2.5\r"
    "PID|1||9434765919^^^NHS^NH||JONES^Sandra^^^Mrs||19300412|F\r"
    "PV1|1|I|W1^B2||||C1234^HUGHES^Anna^^^Dr\r"
    "NK1|1|JONES^Karen|DAU\r"
    "GT1|1||JONES^Sandra||||||||SEL\r"  # the patient is her own guarantor
    "IN1|1|||||||||||||||WEBB^Alan|SPO\r"  # insured: her partner
    "ROL|1|AD|PP|C555^FORD^Tina\r"
    "OBX|1|TX|NOTE^Note||Dementia review: her son Peter Jones was present.||||||F\r"
    "NTE|1||Dementia plan agreed with Mary Stone.\r"
    "MSH|^~\\&|PAS|RXX|EPR|RXX|202401011300||ADT^A04|2|P|2.5\r"
    "PID|1||4010232137^^^NHS^NH||WEBB^Alan^^^Mr||19410504|M\r"
    "GT1|1||WEBB^Joan||||||||SPO\r"
    "PRT|1|AD||RP|C777^LOCKE^Nina\r"
)
BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    {"fullUrl": "urn:uuid:p1", "resource": {
        "resourceType": "Patient", "id": "p1",
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "4505577104"}],
        "name": [{"family": "Crabtree", "given": ["Albert"]}], "birthDate": "1931-04-03",
        "contact": [{"relationship": [{"text": "daughter"}],
                     "name": {"family": "Crabtree", "given": ["Lucy"]}}]}},
    {"fullUrl": "urn:uuid:p2", "resource": {
        "resourceType": "Patient", "id": "p2",
        "name": [{"family": "Stead", "given": ["Joan"]}], "birthDate": "1932-05-04"}},
    {"fullUrl": "urn:uuid:pr1", "resource": {
        "resourceType": "Practitioner", "id": "pr1",
        "name": [{"family": "Hughes", "given": ["Anna"]}]}},
    {"fullUrl": "urn:uuid:rp1", "resource": {
        "resourceType": "RelatedPerson", "id": "rp1",
        "patient": {"reference": "urn:uuid:p2", "display": "Joan Stead"},
        "name": [{"family": "Green", "given": ["Pat"]}],
        "telecom": [{"system": "phone", "value": "07700 900123"}]}},
    {"fullUrl": "urn:uuid:o1", "resource": {
        "resourceType": "Observation", "id": "o1",
        "subject": {"reference": "urn:uuid:p2", "display": "Joan Stead"},
        "performer": [{"reference": "urn:uuid:pr1", "display": "Anna Hughes"},
                      {"reference": "RelatedPerson/rp1", "display": "Pat Green"}],
        "valueString": "Parkinson's disease"}},
    {"fullUrl": "urn:uuid:c1", "resource": {
        "resourceType": "Composition", "id": "c1",
        "subject": {"reference": "Patient/p1", "display": "Albert Crabtree"},
        "author": [{"display": "Tina Ford"}],
        "attester": [{"party": {"reference": "PractitionerRole/x", "display": "Ravi Patel"}}],
        "title": "dementia review"}},
    {"fullUrl": "urn:uuid:e1", "resource": {
        "resourceType": "Encounter", "id": "e1", "reasonCode": [{"text": "dementia"}],
        "participant": [{"individual": {"reference": "Practitioner/9",
                                        "display": "Leanne Bishop"}}]}},
]}
STAFF = ("Anna Hughes", "Tina Ford", "Nina Locke", "Ravi Patel", "Leanne Bishop")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "structured-roles",
                         {"hl7/adt.hl7": ADT, "fhir/bundle.json": json.dumps(BUNDLE)})


def roles(out: Path, location_part: str) -> list[tuple[str, str, str]]:
    """(record, masked full name, role) of every full name found in a file."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT f.record, f.masked, f.role FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE f.entity_type = 'PERSON' AND l.location LIKE ?"
            " AND f.masked LIKE '% %'", (f"%{location_part}%",)).fetchall()
    return sorted(rows)


def test_each_hl7_name_field_has_the_role_the_standard_gives_it(scanned):
    assert roles(scanned, "adt.hl7") == [
        ("message 1", "A*** H*****", "staff"),  # PV1-7
        ("message 1", "A*** W***", "related"),  # IN1-16 insured, her partner
        ("message 1", "K**** J****", "related"),  # NK1-2
        ("message 1", "M*** S****", ""),  # NTE-3: `agreed with` says nothing of her
        ("message 1", "P**** J****", "related"),  # OBX-5 text: `her son`
        ("message 1", "S***** J****", "related"),  # GT1-3: the patient herself
        ("message 1", "S***** J****", "subject"),  # PID-5
        ("message 1", "T*** F***", "staff"),  # ROL-4
        ("message 2", "A*** W***", "subject"),
        ("message 2", "J*** W***", "related"),  # GT1-3: his wife
        ("message 2", "N*** L****", "staff"),  # PRT-5
    ]


def test_each_fhir_name_has_the_role_of_what_it_refers_to(scanned):
    # A resource about a Patient of the Bundle is part of that Patient's record (session 13):
    # the RelatedPerson (entry 3) and the Observation (entry 4) are Joan's, the Composition
    # (entry 5) Albert's; each name keeps the role of what it refers to.
    assert roles(scanned, "bundle.json") == [
        ("entry[0] Patient", "A***** C*******", "subject"),
        ("entry[0] Patient", "A***** C*******", "subject"),  # Composition.subject
        ("entry[0] Patient", "L*** C*******", "related"),  # Patient.contact
        ("entry[0] Patient", "R*** P****", "staff"),  # attester -> PractitionerRole
        ("entry[0] Patient", "T*** F***", "staff"),  # author, no reference
        ("entry[1] Patient", "A*** H*****", "staff"),  # performer -> Practitioner
        ("entry[1] Patient", "J*** S****", "subject"),
        ("entry[1] Patient", "J*** S****", "subject"),  # RelatedPerson.patient
        ("entry[1] Patient", "J*** S****", "subject"),  # Observation.subject
        ("entry[1] Patient", "P** G****", "related"),  # the RelatedPerson's own name
        ("entry[1] Patient", "P** G****", "related"),  # performer -> RelatedPerson
        ("entry[2] Practitioner", "A*** H*****", "staff"),
        ("entry[6] Encounter", "L***** B*****", "staff"),  # participant -> Practitioner
    ]


def test_the_export_names_each_patient_once_with_related_people_apart(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    by_name = {row["name"]: row for row in rows}
    # Sandra's record also holds `Mary Stone` (NTE, unmarked): PID-5 names the row
    assert sorted(by_name) == ["Alan Webb", "Albert Crabtree", "Joan Stead", "Sandra Jones"]
    assert [row["other_names"] for row in rows] == ["", "", "", ""]
    related = {name: sorted(row["related_people"].split("; ")) for name, row in by_name.items()}
    assert related == {  # her guarantor is herself: never her own related person
        "Sandra Jones": ["Alan Webb", "Karen Jones", "Peter Jones"],
        "Alan Webb": ["Joan Webb"], "Albert Crabtree": ["Lucy Crabtree"],
        "Joan Stead": ["Pat Green"]}
    assert by_name["Sandra Jones"]["related_people_count"] == "3"
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert not [name for name in STAFF if name.split()[1] in revealed.title()]



def visits_workbook(path: Path) -> None:
    """A visit list under a title line, and a MAR's signature sheet."""
    book = openpyxl.Workbook()
    visits = book.active
    visits.title = "Visits"
    visits.append(["District nursing visits - Monday 2 November 2026"])
    visits.append([])
    visits.append(["Time", "Patient", "DOB", "NHS No", "Visit", "Nurse"])
    visits.append(["09:00", "Enid Shackleton", "01/04/1930", "9434765919", "insulin",
                   "Harriet Tennant"])
    visits.append(["10:00", "Doreen Pickles", "02/04/1930", "4010232137", "catheter care",
                   "Naveed Qureshi"])
    visits.append(["11:00", "Albert Crabtree", "03/04/1931", "4505577104", "leg ulcer",
                   "Harriet Tennant"])
    signatures = book.create_sheet("Signatures")
    signatures.append(["Initials", "Print name", "Designation"])
    signatures.append(["HT", "Harriet Tennant", "Community Staff Nurse"])
    signatures.append(["NQ", "Naveed Qureshi", "GP Partner"])
    log = book.create_sheet("Log")  # no column name in the field vocabulary but `DOB`
    log.append(["Ref", "Date raised", "Adult at risk", "DOB", "Concern", "Raised by"])
    log.append(["SG-2618", "07/08/26", "Mavis Joan Beddoes", "1960-04-19",
                "grandson shouting at patient during visit", "Lachlan Siddiqui"])
    book.save(path)


def handover_document(path: Path) -> None:
    """A ward handover laid out one column per bed, and a round under a title row."""
    document = docx.Document()
    document.add_paragraph("Ward handover")
    by_bed = [["Bed", "Bed 1", "Bed 2"], ["Name", "Enid Shackleton", "Doreen Pickles"],
              ["DOB", "01/04/1930", "02/04/1930"],
              ["NHS number", "943 476 5919", "401 023 2137"]]
    rounds = [["Evening round 2 November", "", "", ""], ["Client", "DOB", "Access", "Carer"],
              ["Albert Crabtree", "03/04/1931", "key safe code 1234 by the door",
               "Leanne Bishop"],
              ["Joan Stead", "04/05/1932", "ring the bell and wait", "Mary Hope"],
              ["", "", "warden holds a spare key, key safe code 5555", ""]]
    for rows in (by_bed, rounds):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(path)


VISIT_PAGE = """<html><head><title>DN visits</title></head><body>
<h1>District nursing visits - Tuesday</h1>
<table border="1">
<tr><th>Time</th><th>Patient</th><th>DOB</th><th>NHS No</th><th>Access</th><th>Nurse</th></tr>
<tr><td>09:00</td><td>Enid Shackleton</td><td>01/04/1930</td><td>943 476 5919</td>
<td>key safe code 1234 by the back door</td><td>Naveed Qureshi</td></tr>
<tr><td>10:00</td><td>Doreen Pickles</td><td>02/04/1930</td><td>401 023 2137</td>
<td>ring the bell</td><td>Naveed Qureshi</td></tr>
</table></body></html>
"""
TABLE_STAFF = ("Harriet Tennant", "Naveed Qureshi", "Leanne Bishop", "Mary Hope",
               "Ciara Tennant")


def medication_chart(path: Path) -> None:
    """One patient's chart: identified in one row, her access and medicines in others."""
    book = openpyxl.Workbook()
    chart = book.active
    chart.title = "MAR"
    chart.append(["MEDICATION ADMINISTRATION RECORD - community"])
    chart.append(["Patient", "PRIESTLEY, Frances", "DOB", "12/03/1941", "NHS", "6687855018"])
    chart.append(["Address", "8 Mill Fold, Halifax", "GP", "Dr Ciara Tennant"])
    chart.append(["Access", "key box code 8 8 8 0 round the back by the bins"])
    chart.append([])
    chart.append(["Medication", "Freq", "Times", "16/11", "17/11"])
    chart.append(["Bisoprolol 2.5mg", "OD", "08:00", "HT", "HT"])
    book.save(path)


@pytest.fixture(scope="module")
def tables_scanned(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("tables-share")
    out = tmp_path_factory.mktemp("tables-out") / "inventory"
    visits_workbook(share / "visits.xlsx")
    handover_document(share / "handover.docx")
    (share / "visits.html").write_text(VISIT_PAGE, encoding="utf-8")
    medication_chart(share / "mar.xlsx")
    scan_quietly(share, out)
    return out


def test_a_header_under_a_title_names_the_columns_of_a_visit_list(tables_scanned):
    assert roles(tables_scanned, "visits.xlsx") == [
        ("sheet Log row 2", "M**** J*** B******", "subject"),  # the whole cell
        ("sheet Signatures row 2", "H****** T******", "staff"),  # Designation: a job
        ("sheet Signatures row 3", "N***** Q******", "staff"),
        ("sheet Visits row 4", "E*** S*********", "subject"),
        ("sheet Visits row 4", "H****** T******", "staff"),  # the Nurse column
        ("sheet Visits row 5", "D***** P******", "subject"),
        ("sheet Visits row 5", "N***** Q******", "staff"),
        ("sheet Visits row 6", "A***** C*******", "subject"),
        ("sheet Visits row 6", "H****** T******", "staff"),
    ]


def test_a_table_with_a_column_per_person_is_a_record_per_column(tables_scanned):
    assert roles(tables_scanned, "handover.docx") == [
        ("table 1 column 2", "E*** S*********", ""),
        ("table 1 column 3", "D***** P******", ""),
        ("table 2 row 3", "A***** C*******", "subject"),
        ("table 2 row 3", "L***** B*****", "staff"),
        ("table 2 row 4", "J*** S****", "subject"),
        ("table 2 row 4", "M*** H***", "staff"),
    ]


def test_an_html_table_is_a_record_per_row(tables_scanned):
    assert roles(tables_scanned, "visits.html") == [
        ("table 1 row 2", "E*** S*********", "subject"),
        ("table 1 row 2", "N***** Q******", "staff"),
        ("table 1 row 3", "D***** P******", "subject"),
        ("table 1 row 3", "N***** Q******", "staff"),
    ]


def test_each_row_of_a_table_is_one_person_in_the_export(tables_scanned, tmp_path):
    rows = export_individuals(tables_scanned, tmp_path, "--reveal")
    by_name = {row["name"]: row for row in rows}
    assert sorted(by_name) == ["Albert Crabtree", "Doreen Pickles", "Enid Shackleton",
                               "Frances Priestley", "Joan Stead", "Mavis Joan Beddoes"]
    assert {name: (row["date_of_birth"], row["nhs_number"].replace(" ", ""), row["other_names"],
                   row["home_access"], row["locations"]) for name, row in by_name.items()} == {
        "Enid Shackleton": ("01/04/1930", "9434765919", "", "true", "3"),
        "Doreen Pickles": ("02/04/1930", "4010232137", "", "false", "3"),
        "Albert Crabtree": ("03/04/1931", "4505577104", "", "true", "2"),
        "Joan Stead": ("04/05/1932", "", "", "false", "1"),
        "Mavis Joan Beddoes": ("1960-04-19", "", "", "false", "1"),
        "Frances Priestley": ("12/03/1941", "6687855018", "", "true", "1"),
    }
    # her chart's form (identity, address, GP, access) is one record and its medicine row,
    # naming nobody, is hers; the round's spare-key row names nobody either, but two people
    # are identified in that table
    chart = by_name["Frances Priestley"]
    assert (chart["records"], chart["special_category"]) == ("2", "true")
    assert (by_name["Albert Crabtree"]["records"], by_name["Joan Stead"]["records"]) == (
        "2", "1")
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert not [name for name in TABLE_STAFF if name in revealed]


CASELOAD_EXPORT = {"export": "caseload", "team": "Upper Valley DN", "data": {"patients": [
    {"name": "Edith Ramsden", "dob": "1929-06-01", "nhs_number": "9434765919",
     "nurse": "Harriet Tennant"},
    {"name": "Walter Ogden", "dob": "1933-07-02", "nhs_number": "4010232137",
     "nurse": "Naveed Qureshi", "next_of_kin": {"name": "Lucy Ogden", "relationship": "daughter"}},
]}}


def test_a_json_list_of_people_is_a_record_per_person(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    write_files(share, {"caseload.json": json.dumps(CASELOAD_EXPORT)})
    scan_quietly(share, out)
    assert roles(out, "caseload.json") == [
        ("data.patients[0]", "E**** R******", "subject"),
        ("data.patients[0]", "H****** T******", "staff"),
        ("data.patients[1]", "L*** O****", "related"),
        ("data.patients[1]", "N***** Q******", "staff"),
        ("data.patients[1]", "W***** O****", "subject"),
    ]
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["date_of_birth"], row["nhs_number"], row["related_people"])
                  for row in rows) == [
        ("Edith Ramsden", "1929-06-01", "9434765919", ""),
        ("Walter Ogden", "1933-07-02", "4010232137", "Lucy Ogden")]


CASE_EXPORT = {"exportedBy": "Marta Tordoff", "system": "Case management", "cases": [
    {"caseId": "ASC-100001", "person": {"displayName": "Grace Longbottom",
                                        "dateOfBirth": "1931-01-07", "nhsNumber": "9434765919"},
     "allocatedWorker": "Kieran Mahmood",
     "carers": [{"name": "Helen Longbottom", "relationship": "daughter",
                 "dateOfBirth": "1961-03-02"}]},
    {"caseId": "ASC-100002", "person": {"displayName": "Desmond Shackleton",
                                        "dateOfBirth": "1929-11-23", "nhsNumber": "4010232137"},
     "allocatedWorker": "Kieran Mahmood",
     "alerts": [{"type": "Lone working", "text": "dog"}]},
    {"caseId": "ASC-100003", "person": {"displayName": "Mrs Doris Lamb",
                                        "dateOfBirth": "1938-05-05", "age": 88},
     "allocatedWorker": "Priya Hargreaves",
     "alerts": [{"type": "Access", "text": "Key safe by the back door, code 1 9 1 9."}]},
    {"caseId": "ASC-100004", "status": "closed awaiting allocation", "team": "Reablement",
     "allocatedWorker": "Priya Hargreaves"},
]}


def test_a_json_case_export_is_a_record_per_case(tmp_path):
    """Each case is its own record, also one naming no person (a closed case: only its
    worker); its carers and alerts stay in it, a carer's own date of birth theirs; the
    exporter's fields join no case."""
    share, out = tmp_path / "share", tmp_path / "out"
    write_files(share, {"cases.json": json.dumps(CASE_EXPORT)})
    scan_quietly(share, out)
    assert roles(out, "cases.json") == [
        ("cases[0]", "G**** L*********", ""),
        ("cases[0]", "H**** L*********", "related"),
        ("cases[0]", "K***** M******", "staff"),
        ("cases[1]", "D****** S*********", ""),
        ("cases[1]", "K***** M******", "staff"),
        ("cases[2]", "Mrs D**** L***", ""),
        ("cases[2]", "P**** H*********", "staff"),
        ("cases[3]", "P**** H*********", "staff"),
    ]
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["date_of_birth"], row["nhs_number"].replace(" ", ""),
                   row["related_people"], row["home_access"]) for row in rows) == [
        ("Desmond Shackleton", "1929-11-23", "4010232137", "", "false"),
        ("Grace Longbottom", "1931-01-07", "9434765919", "Helen Longbottom", "false"),
        ("Mrs Doris Lamb", "1938-05-05", "", "", "true"),
    ]
