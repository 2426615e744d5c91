"""A job-title cell says what a row's person does, never who they are (session 18,
s18-ids): an employer's occupational-health referral list gives each employee's name, date
of birth and job title. A title NER takes for a name (`Grounds Maintenance Operative`,
`Reprographics Operative`: no job word of `[job heads]`) became a person with the
employee's date of birth. A `[role fields]` column (`Job title`, `Designation`, `Role`)
holds no name. Written for this batch (before: two titles read as names, one employee's
row named by her title).
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import docx
import pytest

from tests.cli import export_individuals, key, scan_quietly, scanned_share
from tests.conftest import assert_no_raw_values

REFERRALS = (
    "Ref,Employee,Staff no,DOB,Job title,Referred by,Reason,Appointment,OH clinician\n"
    "R-301,Mrs Philippa Gorringe,E5512093,14/03/1972,Grounds Maintenance Operative,"
    "Wilma Stroud,lower back pain,03/09/2026,Ivor Penhallow\n"
    "R-302,Mr Desmond Achterberg,E5519921,02/11/1988,Reprographics Operative,Wilma Stroud,"
    "asthma,10/09/2026,Ivor Penhallow\n"
    "R-303,Ms Yolanda Ferreira-Stott,E5520114,21/06/1979,Senior Lecturer,Wilma Stroud,"
    "work-related stress,17/09/2026,Ivor Penhallow\n"
)


@pytest.fixture(scope="module")
def referrals_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "job-title-cells", {"oh/referrals.csv": REFERRALS})


def test_each_employee_once_and_no_title_as_a_name(referrals_scanned, tmp_path):
    rows = export_individuals(referrals_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted([
                      (key("PERSON", "Philippa Gorringe"), key("DATE_OF_BIRTH", "14/03/1972")),
                      (key("PERSON", "Desmond Achterberg"), key("DATE_OF_BIRTH", "02/11/1988")),
                      (key("PERSON", "Yolanda Ferreira-Stott"),
                       key("DATE_OF_BIRTH", "21/06/1979"))])


def test_nothing_raw_without_reveal(referrals_scanned, tmp_path):
    export_individuals(referrals_scanned, tmp_path)
    for written in (tmp_path, referrals_scanned):
        assert_no_raw_values(written, ["Gorringe", "Achterberg", "Yolanda"])



def test_no_name_read_in_a_job_title_cell(referrals_scanned):
    with sqlite3.connect(referrals_scanned / "inventory.sqlite") as db:
        fields = Counter(field for (field,) in db.execute(
            "SELECT field FROM findings WHERE entity_type = 'PERSON'"))
    assert fields == {"Employee": 3, "OH clinician": 3}




# Session 19 (people-names): a referral written up as a report, the job title on a `Role:`
# line of its text (share 18 seed 2's OH reports, a paragraph a line, as written there): NER
# read the title as a name, a second person with the employee's date of birth and home access.
OH_REPORT = [
    "Medivale Occupational Health - on behalf of the University of Wexcombe",
    "Management referral report",
    "Employee: Mr Dylan Edward Walker", "Date of birth: 27/04/1991", "Staff number: E4386774",
    "Role: Grounds Maintenance Operative",
    "Mr Walker was seen on 21/11/2026 by Dr Ian Gallagher. He has long COVID. In my opinion he "
    "is fit for a phased return over 4 weeks with adjustments.",
    "Home visit by OH nurse Mark Ferris arranged for 28/11/2026 at 180 Kestrel Drive, "
    "Stourmere ST17 4XY; door is on the latch in the daytime, walk straight in.",
    "cc Colin Mbeki, HR",
]


def test_a_role_line_of_a_report_holds_no_name(tmp_path_factory):
    document = docx.Document()
    for line in OH_REPORT:
        document.add_paragraph(line)
    share = tmp_path_factory.mktemp("job-title-lines-share")
    document.save(share / "OH_report_E4386774.docx")
    out = tmp_path_factory.mktemp("job-title-lines-out") / "inventory"
    scan_quietly(share, out)
    with sqlite3.connect(out / "inventory.sqlite") as db:
        people = Counter(role for (role,) in db.execute(
            "SELECT role FROM findings WHERE entity_type = 'PERSON'"))
    # the employee (his full name, and `Mr Walker` standing for it), the doctor, the nurse
    assert people == {"": 2, "staff": 2}
