"""A student service's records are about its students (session 18, s18-ids): a college
counselling service's case export names each client under `student` (`student.name.given`,
`student.name.family`) and a welfare form labels its client `Student:`. `student` was read
as a job word (a student on placement is staff), so every client of such a service was
staff and no individual. A student named as staff keeps that role (`Medical student:`,
`placement student`). Written for this batch (before: 0 of the 3 students found).
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

CASES = {"system": "Harbourside College counselling", "cases": [
    {"ref": "HC-101", "student": {"id": "A7731204", "name": {"given": "Tamsin", "middle": "Joy",
                                                             "family": "Ravensworth"},
                                  "birthDate": "2005-09-17", "programme": "BA Fine Art"},
     "concern": "generalised anxiety disorder", "counsellor": "Wendell Ashby",
     "emergencyContact": {"name": "Gillian Ravensworth", "relation": "mother"}},
    {"ref": "HC-102", "student": {"id": "A7731877", "name": {"given": "Oluwaseun",
                                                             "family": "Adeyemi-Clarke"},
                                  "birthDate": "2004-02-29", "programme": "BSc Nursing"},
     "concern": "depression", "counsellor": "Wendell Ashby"},
]}

STUDENTS = {
    "counselling/case_export.json": json.dumps(CASES, indent=2),
    "welfare/form_0312.txt": (
        "WELFARE CONCERN FORM\n"
        "Student: Marisol Quintero-Brandt\n"
        "Date of birth: 12/12/2003\n"
        "Concern: panic attacks since the exams\n"
        "Medical student: Fergus Dunmore (shadowing), DOB 03/03/2001\n"),
}


@pytest.fixture(scope="module")
def students_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "student-subjects", STUDENTS)


def test_a_student_service_s_students_are_its_people(students_scanned, tmp_path):
    rows = export_individuals(students_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted([
                      (key("PERSON", "Tamsin Ravensworth"), key("DATE_OF_BIRTH", "17/09/2005")),
                      (key("PERSON", "Oluwaseun Adeyemi-Clarke"),
                       key("DATE_OF_BIRTH", "29/02/2004")),
                      (key("PERSON", "Marisol Quintero-Brandt"),
                       key("DATE_OF_BIRTH", "12/12/2003"))])


def test_nothing_raw_without_reveal(students_scanned, tmp_path):
    export_individuals(students_scanned, tmp_path)
    for written in (tmp_path, students_scanned):
        assert_no_raw_values(written, ["Tamsin", "Ravensworth", "Oluwaseun", "Marisol"])
