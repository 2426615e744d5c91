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

import pytest

from tests.cli import export_individuals, key, scanned_share
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
