"""Staff named in ward rounds, MDT minutes and care-home logs; letters to relatives (issue 15).

A ward round lists its staff once (`Present: Dr Tobias Lindqvist (CT2 Psychiatry), ...`)
and then names them with no label under each patient (`Plan: ECG. Tobias Lindqvist to
action.`): such a mention is the same member of staff, never the patient's name nor a
new entry that takes the next bed's date of birth. A letter to a relative names its
subject as the reader's relation (`Re: your relative, Miss Halina Sugden (DOB ...)`):
that name is the subject's, not a related person's, so the date of birth is hers, not the
addressee's. A discharge letter whose patient is named only in its details table still
exposes that patient's key-safe code written in its body. Scanned and exported by the
real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.cli import export_individuals, key, names_with_roles, person, run_cli, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"kershaw": "4851989385", "lumb": "4857538733", "garside": "4856829408"}

WARD_ROUND = f"""ROWAN WARD - Consultant ward round 20 August 2026
Present: Dr Hugo Castell (Consultant Psychiatrist), Callum Rigsby (Staff Nurse), \
Dr Tobias Lindgren (CT2 Psychiatry), Imran Quershi (Clinical Pharmacist)

Bed 1 - Mrs Ethel Kershaw (18/03/1930)  NHS {NHS['kershaw']}
  DoLS in place. Diagnosis: vascular dementia.
  Plan: home visit with OT. Tobias Lindgren to action.

Bed 2: LUMB, Bashir  DOB 06/11/1930  NHS {NHS['lumb']}
  Informal. Known generalised anxiety disorder.
  Plan: bloods. Imran Quershi to action.

Bed 3 - Ms Jean Garside (17/04/1945)  NHS {NHS['garside']}
  Detained s3 MHA. Diagnosis: mixed dementia.
  Plan: ECG. Callum Rigsby to action.

Bed 4 - Mrs Kathleen Cheeseman (02/10/1934)
  Detained s2 MHA. Diagnosis: mild cognitive impairment.
  Plan: home visit with OT. Tobias Lindgren to action.
"""
LETTER_TO_RELATIVE = """Wealdmoor Community Health NHS Trust
12 September 2026

Mr Ernest Bellwood
19 Mill Lane, Little Ashby

Dear Mr Bellwood

Re: your relative, Miss Halina Sugsworth (DOB 18th October 1946)

Thank you for meeting with me. Current medication: olanzapine 5 mg nocte.

With best wishes
Yasmin Rahmani
Community Psychiatric Nurse
"""
# A progress-notes export with Windows line ends: `Client: Surname, Forename` is the
# client's name; the member of staff in `Plan agreed with ...` is marked by his own
# e-mail's `From:` in another file; the husband is a relation, not a name's first word.
PROGRESS_NOTES = ("Community Team - Progress notes\r\n\r\n"
                  "Client: Rushmore, Sylvie\r\nNHS No: 485-710-4652\r\nDOB: 1946-11-28\r\n"
                  "\r\n12/08/2026 10:45  Joint home visit\r\n"
                  "Husband Herbert Rushmore present; Mr Rushmore also on our caseload.\r\n"
                  "Plan agreed with Stephen Rowtree. Review in 4 weeks.\r\n")
# A note whose subject no label marks: both names unmarked, one date of birth.
REVIEW_NOTE = "Mr Errol Kowalsky (DOB 30/05/1930) reviewed at home with Stephen Rowtree.\n"
COUNCIL_MAIL = """From: Stephen Rowtree <s.rowtree@council.example>
To: Duty Desk <duty@trust.example>
Subject: Key safe installations

Installed this week, codes held by the team.
"""
# Names at a list's head, the surname in capitals: `Bed 2  Forename SURNAME  aged N`,
# `5. Forename SURNAME, DOB ...`, `Re: Forename SURNAME, Room 55, DOB ...` (the forename
# before `SURNAME,` is no `SURNAME, Forename`: `Room` is no forename).
LIST_HEADS = """Bed 2  Esther NGUYENA  aged 70  dob 20th May 1956
  Known frontotemporal dementia.

5. Bridget GRIMSTONE, DOB 14th July 1935
   Risk: falls. Visit twice daily.

6. Piet van der BERGEN, DOB 01/02/1946
   Risk: falls.
"""
CARE_HOME_LETTER = """Dear Diane

Re: Precious KITCHINGS, Room 55, DOB 17-Nov-1936

I reviewed Mrs Kitchings today. Known dementia with Lewy bodies.

Re: your relative, Ms Sandra da Sylva (DOB 08/04/1931)
Known frontotemporal dementia.
"""
STAFF = ("Hugo Castell", "Callum Rigsby", "Tobias Lindgren", "Imran Quershi",
         "Yasmin Rahmani", "Stephen Rowtree")


DISCHARGE_BODY = ("INPATIENT DISCHARGE SUMMARY",
                  "Diagnosis on discharge: generalised anxiety disorder.",
                  "Home access for CRHT follow-up: Spare key kept under the mat at the back door.",
                  "Next of kin: Philippa Fitzwilliam (daughter), 07700 900608")
DISCHARGE_TABLE = (("Name", "LUMLEY, Bashira"), ("DOB", "06/11/1931"),
                   ("NHS No", "485 094 5562"))


def write_discharge_summary(path: Path) -> None:
    document = docx.Document()
    for line in DISCHARGE_BODY:
        document.add_paragraph(line)
    table = document.add_table(rows=len(DISCHARGE_TABLE), cols=2)
    for row, (label, value) in zip(table.rows, DISCHARGE_TABLE, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("staff-lists-share")
    out = tmp_path_factory.mktemp("staff-lists-out") / "inventory"
    write_files(share, {"ward/round.txt": WARD_ROUND,
                        "letters/to_relative.txt": LETTER_TO_RELATIVE,
                        "mail/council.eml": COUNCIL_MAIL, "crht/handover.txt": LIST_HEADS,
                        "homes/review.txt": CARE_HOME_LETTER,
                        "notes/review_note.txt": REVIEW_NOTE})
    write_discharge_summary(share / "ward" / "discharge.docx")
    (share / "notes" / "progress.txt").write_bytes(PROGRESS_NOTES.encode())
    scan_quietly(share, out)
    return share, out


def people(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
             key("DATE_OF_BIRTH", row["date_of_birth"])) for row in rows}


def test_staff_listed_once_are_staff_in_every_entry_of_the_text(scanned, tmp_path):
    _share, out = scanned
    rows = [row for row in export_individuals(out, tmp_path, "--reveal")
            if "round.txt" in row["first_locations"]]
    assert people(rows) == {
        person("Ethel Kershaw", NHS["kershaw"], "18/03/1930"),
        person("Bashir Lumb", NHS["lumb"], "06/11/1930"),
        person("Jean Garside", NHS["garside"], "17/04/1945"),
        person("Kathleen Cheeseman", "", "02/10/1934")}
    assert all(row["other_names"] == "" for row in rows)
    names = names_with_roles(out, "round.txt")
    assert [(masked, role) for _record, masked, role in names if role == "staff"] == [
        ("Dr H*** C******", "staff"), ("C***** R*****", "staff"),
        ("Dr T***** L*******", "staff"), ("I**** Q******", "staff"),
        ("T***** L*******", "staff"),  # `Tobias Lindgren to action`, below bed 1
        ("I**** Q******", "staff"), ("C***** R*****", "staff"),
        ("T***** L*******", "staff")]
    assert [role for _record, _masked, role in names if role != "staff"] == [""] * 4
    # the mention below bed 3 opens no entry: bed 4's date of birth is Kathleen's alone
    assert {record for record, masked, _role in names if masked.startswith("Mrs K")
            } == {"line 16"}


def test_a_letter_to_a_relative_is_about_its_subject(scanned, tmp_path):
    _share, out = scanned
    found = names_with_roles(out, "to_relative.txt")
    assert [(masked, role) for _record, masked, role in found][:3] == [
        ("Mr E***** B*******", ""),  # the addressee: no label
        ("Mr E***** B*******", ""),  # Dear Mr Bellwood: the letter's one Bellwood, `Mr`
        ("Miss H***** S********", "subject")]  # Re: your relative, ...
    rows = [row for row in export_individuals(out, tmp_path, "--reveal")
            if "to_relative.txt" in row["first_locations"]]
    assert [(key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
            for row in rows] == [(key("PERSON", "Halina Sugsworth"),
                                 key("DATE_OF_BIRTH", "1946-10-18"))]


def test_names_at_a_list_head_and_after_a_label_with_windows_line_ends(scanned, tmp_path):
    _share, out = scanned
    revealed = export_individuals(out, tmp_path, "--reveal")
    rows = {key("PERSON", row["name"]): row for row in revealed}
    for name, dob in (("Esther Nguyena", "1956-05-20"), ("Bridget Grimstone", "1935-07-14"),
                      ("Precious Kitchings", "1936-11-17"), ("Sylvie Rushmore", "1946-11-28"),
                      ("Piet van der Bergen", "1946-02-01"), ("Sandra da Sylva", "1931-04-08")):
        assert key("DATE_OF_BIRTH", rows[key("PERSON", name)]["date_of_birth"]) == key(
            "DATE_OF_BIRTH", dob)
    assert [(masked, role) for _record, masked, role in names_with_roles(out, "review.txt")] == [
        ("P******* K********", "subject"), ("Mrs K********", ""),
        ("Ms S***** d* S****", "subject")]


def test_a_name_marked_staff_in_another_file_is_no_part_of_a_subject(scanned, tmp_path):
    _share, out = scanned
    full_names = [(masked, role) for _record, masked, role in names_with_roles(out, "progress.txt")
                  if not masked.startswith("Mr ")]  # a surname alone identifies nobody
    assert full_names == [
        ("R******** S*****", "subject"), ("H****** R*******", "related"),
        ("S****** R******", "")]  # no mark in this file
    rows = [row for row in export_individuals(out, tmp_path, "--reveal")
            if "progress.txt" in row["first_locations"]]
    assert [(row["name"], row["other_names"], row["related_people"]) for row in rows] == [
        ("Sylvie Rushmore", "", "Herbert Rushmore")]
    rows = [row for row in export_individuals(out, tmp_path, "--reveal")
            if "review_note.txt" in row["first_locations"]]
    assert [(row["name"], row["other_names"]) for row in rows] == [("Mr Errol Kowalsky", "")]
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    staff = json.loads(result.stdout)["staff"]
    assert [(item["name_masked"], item["records"]) for item in staff["marked_names"]] == [
        ("S****** R******", 1)]  # the review note's


def test_a_letter_body_belongs_to_the_one_patient_of_its_details_table(scanned, tmp_path):
    _share, out = scanned
    rows = [row for row in export_individuals(out, tmp_path, "--reveal")
            if "discharge.docx" in row["first_locations"]]
    assert [(row["name"], row["home_access"], row["related_people"]) for row in rows] == [
        ("Bashira Lumley", "true", "Philippa Fitzwilliam")]


def test_no_raw_name_in_outputs(scanned, tmp_path):
    _share, out = scanned
    export_individuals(out, tmp_path)
    assert_no_raw_values(tmp_path, [*STAFF, "Halina Sugsworth", "Ethel Kershaw"])
    assert_no_raw_values(out, [*STAFF, "Halina Sugsworth", NHS["lumb"]])
