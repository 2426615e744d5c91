"""The right person behind every record: roles, name shapes, the export (issue 15).

A small share where one patient is written in every shape (prose `SURNAME, Forename`,
HL7 `JONES^Sandra^^^Mrs`, FHIR family/given, split surname/forename columns, dates of
birth in four forms) next to staff (carer, clinician, signatory, e-mail sender) and
related people (next of kin, a neighbour with a key), scanned by the real CLI.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from phiscan.synthetic.people import random_nhs_number
from tests.cli import export_individuals, run_cli, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

SANDRA_NHS = "9434765919"
VISIT_NOTE = """Home visit note
Client: JONES, Sandra, DOB 12/04/1930
NHS number: 943 476 5919
Carer: Ms Leanne Bishop
Seen by Dr Anna Hughes. Next of kin: Karen Jones (daughter), 07700 900123.
Key safe code 4821 by the front door.
Her neighbour Mrs Pat Green holds a key.

Kind regards

Peter Long
Care Coordinator
"""
HL7_MESSAGE = (
    "MSH|^~\\&|PAS|RXX|EPR|RXX|202401011200||ADT^A01|1|P|2.4\r"
    "PID|1||9434765919^^^NHS^NH||JONES^Sandra^^^Mrs||19300412|F\r"
    "PV1|1|I|W1^B2||||C1234^HUGHES^Anna^^^Dr|C999^PATEL^Ravi^^^Dr|\r"
    "NK1|1|JONES^Karen|DAU\r"
)
FHIR_BUNDLE = {"resourceType": "Bundle", "entry": [
    {"resource": {"resourceType": "Patient",
                  "name": [{"family": "JONES", "given": ["Sandra", "May"]}],
                  "birthDate": "1930-04-12"}},
    {"resource": {"resourceType": "Practitioner",
                  "name": [{"family": "Hughes", "given": ["Anna"], "prefix": ["Dr"]}]}},
]}
SPLIT_EXTRACT = (
    "surname,forename,date_of_birth,postcode\n"
    "Jones,Sandra,12 April 1930,LS6 2QB\n"
    "O'Neill,Mary,03/05/1941,BD7 1DP\n"
    "Webb-Morton,Alan J,1941-05-04,HX1 5TT\n"
)
LETTER = """Re: Mrs Mary O'NEILL, born 03.05.1941

Dear Dr Patel

I saw Mrs O'Neill in clinic today.

Yours sincerely

Dr Anna Hughes
Consultant Geriatrician
"""
EMAIL = """From: Leanne Bishop <leanne.bishop@care.example>
To: Peter Long <peter.long@care.example>
Subject: Alan Webb-Morton

Alan Webb-Morton, DOB 04/05/1941, was seen today.
"""
STAFF = ("Leanne Bishop", "Anna Hughes", "Peter Long", "Ravi Patel")
RELATED = ("Karen Jones", "Pat Green")


def build_share(root: Path) -> None:
    files = {"notes/visit.txt": VISIT_NOTE, "hl7/adt.hl7": HL7_MESSAGE,
             "fhir/bundle.json": json.dumps(FHIR_BUNDLE), "exports/split.csv": SPLIT_EXTRACT,
             "letters/clinic.txt": LETTER, "mail/update.eml": EMAIL}
    write_files(root, files)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("roles-share")
    out = tmp_path_factory.mktemp("roles-out") / "inventory"
    build_share(share)
    scan_quietly(share, out)
    return share, out


def roles(out: Path, location_part: str) -> list[tuple[str, str]]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT f.masked, f.role FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'PERSON' AND l.location LIKE ? AND f.masked LIKE '% %'",
            (f"%{location_part}%",)).fetchall()
    return sorted(rows)


def test_every_name_in_a_visit_note_gets_its_role(scanned):
    _share, out = scanned
    assert roles(out, "visit.txt") == [
        ("Dr A*** H*****", "staff"),  # Seen by Dr
        ("J***** S*****", "subject"),  # Client: JONES, Sandra
        ("K**** J****", "related"),  # Next of kin (daughter)
        ("Mrs P** G****", "related"),  # neighbour holding a key
        ("Ms L***** B*****", "staff"),  # Carer:
        ("P**** L***", "staff"),  # signature
    ]


def test_hl7_fhir_letter_and_mail_roles(scanned):
    _share, out = scanned
    assert roles(out, "adt.hl7") == [
        ("A*** H*****", "staff"), ("K**** J****", "related"), ("R*** P****", "staff"),
        ("S***** J****", "subject")]
    assert roles(out, "bundle.json") == [
        ("A*** H*****", "staff"), ("S***** M** J****", "subject")]
    assert roles(out, "clinic.txt") == [  # Re: / Dear Dr / Yours sincerely
        ("Dr A*** H*****", "staff"), ("Dr P****", "staff"),
        # `I saw Mrs O'Neill`: the letter's one O'Neill, written `Mrs` (phiscan.detect.surnames),
        # no role of its own
        ("Mrs M*** O******", ""), ("Mrs M*** O******", "subject")]
    assert roles(out, "update.eml") == [  # From / To, and the patient in the body
        ("A*** W**********", ""), ("L***** B*****", "staff"), ("P**** L***", "staff")]


def test_split_name_columns_make_a_full_name(scanned):
    _share, out = scanned
    assert roles(out, "split.csv") == [  # no role word in `surname`, `forename`
        ("A*** J", ""),  # a forename with an initial: not a full name on its own
        ("A*** J W**********", ""), ("M*** O******", ""), ("S***** J****", "")]


def test_one_person_in_every_shape_is_one_individual_named_once(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path)
    assert len(rows) == 3  # Sandra Jones, Mary O'Neill, Alan Webb-Morton
    sandra = next(row for row in rows if row["nhs_number_masked"] == "943 *** ****")
    # note, HL7, FHIR and the split extract: one person, four locations
    assert sandra["locations"] == "4"
    assert sandra["related_people_count"] == "2"
    assert sandra["related_people_masked"] == "K**** J****; Mrs P** G****"
    mary = next(row for row in rows if row["postcode_masked"] == "BD7 ***")
    assert mary["locations"] == "2"  # the split extract and the letter
    assert sandra["home_access"] == "true"
    assert all(";" not in row["name_masked"] for row in rows)
    assert all(row["other_names_masked"] == "" for row in rows)


def test_report_counts_subjects_and_related_people_apart(scanned):
    _share, out = scanned
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    people = report["individuals"]
    # strict: name + DOB link only with an agreeing postcode (FHIR, letter, mail have none)
    assert (people["lower_bound"], people["total"], people["upper_bound"]) == (3, 3, 7)
    assert people["with_home_access"] == 1 and people["with_nhs_number"] == 1
    assert people["related_people"] == 2
    assert report["staff"]["names"] == 4  # Bishop, Hughes, Long, Patel (`Dr Patel`: no forename)
    raw = [SANDRA_NHS, "Sandra", "Leanne", "Bishop", "Hughes", "Karen", "O'Neill"]
    assert not [value for value in raw if value in result.stdout]


def test_reveal_shows_the_subjects_name_and_never_staff(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    by_postcode = {row["postcode"]: row for row in rows}
    assert {postcode: row["name"] for postcode, row in by_postcode.items()} == {
        "LS6 2QB": "Sandra Jones", "BD7 1DP": "Mary O'Neill", "HX1 5TT": "Alan J Webb-Morton"}
    assert [row["other_names"] for row in rows] == ["", "", ""]
    assert by_postcode["LS6 2QB"]["related_people"] == "Karen Jones; Mrs Pat Green"
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert not [name for name in STAFF if name in revealed]


def test_an_inventory_from_before_roles_is_read_and_migrated(scanned, tmp_path):
    share, out = scanned
    old = tmp_path / "old"
    shutil.copytree(out, old)
    with sqlite3.connect(old / "inventory.sqlite") as db:
        db.execute("ALTER TABLE findings DROP COLUMN role")
    result = run_cli("report", str(old), "--format", "json")  # read-only: every name counts
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["individuals"]["related_people"] == 0
    result = run_cli("scan", str(share), "--out", str(old), "--quiet", "--full")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(old / "inventory.sqlite") as db:
        roles_stored = {row[0] for row in db.execute("SELECT DISTINCT role FROM findings")}
    assert roles_stored == {"", "subject", "staff", "related"}


def test_outputs_hold_no_raw_name(scanned, tmp_path):
    _share, out = scanned
    export_individuals(out, tmp_path)
    assert_no_raw_values(tmp_path, [*STAFF, *RELATED, "Sandra Jones", "Mary O'Neill"])


def recurring_share(root: Path) -> None:
    """Four patients' notes, each naming the same carer without a label."""
    rng = random.Random(5)
    patients = [("Harold", "Brown", "30/01/1944"), ("Edith", "Wilson", "09/09/1929"),
                ("Doris", "Clarke", "17/05/1940"), ("Albert", "Moore", "04/12/1932")]
    for index, (forename, surname, dob) in enumerate(patients, start=1):
        (root / f"note-{index}.txt").write_text(
            f"Patient: {forename} {surname}\nNHS number: {random_nhs_number(rng)}\n"
            f"DOB: {dob}\n\nMedication given at 09:10. Leanne Bishop stayed for lunch.\n")


def test_a_name_recurring_across_subjects_is_staff_and_can_be_kept(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    recurring_share(share)
    result = run_cli("scan", str(share), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["individuals"]["total"] == 4
    (recurring,) = report["staff"]["recurring_names"]
    assert (recurring["name_masked"], recurring["subjects"]) == ("L***** B*****", 4)
    rows = export_individuals(out, tmp_path)
    assert sorted(row["name_masked"] for row in rows) == [
        "A***** M****", "D**** C*****", "E**** W*****", "H***** B****"]
    config = tmp_path / "keep.toml"
    config.write_text(f'[scoping]\nkeep_names = ["{recurring["id"]}"]\n')
    kept = json.loads(run_cli("report", str(out), "--format", "json", "--config",
                              str(config)).stdout)
    assert kept["staff"]["recurring_names"] == []
    off = tmp_path / "off.toml"
    off.write_text("[scoping]\nrecurring_subjects = 0\n")
    result = run_cli("report", str(out), "--format", "json", "--config", str(off))
    assert json.loads(result.stdout)["staff"] == {"names": 0, "recurring_names": [],
                                                  "marked_names": [], "declared_names": []}
    assert_no_raw_values(out, ["Leanne Bishop", "Harold Brown"])



def test_a_responder_declares_a_row_s_name_staff_by_its_id(tmp_path):
    """A carer whose register row gives her own date of birth is a row of the export; the
    responder, who knows her, puts the row's `name_ids` in `[scoping] staff_names`: the row
    goes, the report lists her masked, and the patients stay."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "note.txt").write_text(
        "Patient: Harold Brown\nNHS number: 943 476 5919\nDOB: 30/01/1944\n\n"
        "Medication given at 09:10.\n")
    (share / "register.csv").write_text("name,dob,team\nLeanne Bishop,02/03/1990,North\n")
    scan_quietly(share, out)
    rows = export_individuals(out, tmp_path)
    assert sorted(row["name_masked"] for row in rows) == ["H***** B****", "L***** B*****"]
    carer = next(row for row in rows if row["name_masked"] == "L***** B*****")
    assert len(carer["name_ids"]) == 16
    config = tmp_path / "staff.toml"
    config.write_text(f'[scoping]\nstaff_names = ["{carer["name_ids"]}"]\n')
    rows = export_individuals(out, tmp_path, "--config", str(config))
    assert [row["name_masked"] for row in rows] == ["H***** B****"]
    report = json.loads(run_cli("report", str(out), "--format", "json", "--config",
                                str(config)).stdout)
    assert report["individuals"]["total"] == 1
    assert report["staff"]["declared_names"] == [
        {"id": carer["name_ids"], "name_masked": "L***** B*****", "records": 1}]

def test_an_extract_with_next_of_kin_columns_and_a_visit_by_column(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "extract.csv").write_text(
        "Surname,Forename(s),DOB,NOK Surname,NOK Forename,Visit by,Time\n"
        "Pearson,Irene,4/7/32,Crowther,Julie,Marcus Dunmore,09:00\n")
    result = run_cli("scan", str(share), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert roles(out, "extract.csv") == [
        ("I**** P******", ""), ("J**** C*******", "related"), ("M***** D******", "staff")]
    result = run_cli("report", str(out), "--format", "json")
    people = json.loads(result.stdout)["individuals"]
    assert (people["total"], people["related_people"]) == (1, 1)
