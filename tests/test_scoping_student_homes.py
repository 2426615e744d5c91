"""Students' homes: a residence list's row, a lettings agent's tenants (session 18, share 18).

Share 18 (a university's student wellbeing service) showed three faults, written here first
in a world no share had (an agricultural college's residential students and a letting
agent's farm cottages; 6 people) and measured before any change: 0 of the 4 people with a
way in given it; after: 4 of 4, and none given a way in the note says is not there.

- A `Student` column was no name field, and `student` was a job word (staff): a warden's
  list's rows (`Student | Hostel | Room | Door code`) named nobody, so each door code
  joined nobody; in a case export the student's own name read as staff's.
- A lettings list's row naming its tenants (`tenant_names: A; B; C` beside the cottage's
  postcode and its key safe) opened no one's home: each tenant's other records give their
  family's postcode, not the cottage's, and a housemate the breach does not hold is named
  too (`open_named_homes` wanted every name a person and a postcode in common).
- `no key safe at the property` read as a key safe at the property (a code's device): once
  a student's own note joined its student, she was given a way in it says is not there.
"""

from __future__ import annotations

import pytest

from phiscan.detect.roles import SUBJECT
from recognizers.home_access_recognizer import HomeAccessRecognizer
from tests.cli import export_individuals, key, names_with_roles, scanned_share

ENROLMENTS = """Name,Date of birth,Home postcode,Course
Tegan Marsh-Whitlow,04/05/2007,SY16 2AB,Level 3 Agriculture
Callum Rudd,19/09/2006,LD1 5CD,Level 3 Forestry
Anwen Pryce-Lloyd,11/02/2006,SA20 0EF,Level 3 Equine
Oskar Lindqvist,27/08/2005,HR3 6GH,Level 4 Agri-tech
Bethan Maddox,30/12/2006,SY21 7JK,Level 3 Countryside
Ifan Gethin,15/06/2007,LL23 7LM,Level 2 Land-based
"""
WARDENS_LIST = """Student,Hostel,Room,Door code,Warden
Tegan Marsh-Whitlow,Hafod,H12,5174,Rhodri Evans
Callum Rudd,Hafod,H14,8302,Rhodri Evans
Ifan Gethin,Brynhir,B3,ask the warden,Sian Morgan
"""
LETTINGS = ("address,tenant_names,access\n"
            '"Cottage 2 Home Farm, Llanfair SY21 9QR",'
            "Anwen Pryce-Lloyd; Oskar Lindqvist; Gruffydd Harcourt,"
            "key safe by the side gate 6619\n")
WELLBEING = """Student: Bethan Maddox
Date of birth: 30/12/2006
Home visit planned. No key safe at the property - she lets people in herself.
"""

ACCESS = {"Tegan Marsh-Whitlow": "code", "Callum Rudd": "code", "Anwen Pryce-Lloyd": "code",
          "Oskar Lindqvist": "code", "Bethan Maddox": "", "Ifan Gethin": ""}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "student-homes", {
        "registry/enrolments_2026.csv": ENROLMENTS,
        "residence/wardens_list.csv": WARDENS_LIST,
        "lettings/gas_check_access.csv": LETTINGS,
        "wellbeing/maddox_home_visit.txt": WELLBEING,
    })


def test_each_student_has_exactly_their_way_in(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted((key("PERSON", name), kinds) for name, kinds in ACCESS.items())


def test_a_student_column_names_the_rows_subject(scanned):
    roles = [(record, role) for record, _masked, role in names_with_roles(scanned, "wardens")
             if record != "row 1"]
    assert [role for _record, role in roles if role == SUBJECT] == [SUBJECT] * 3


@pytest.mark.parametrize("text", [
    "No key safe at the property - she lets people in herself.",
    "There is no key safe at the front door.", "a cottage without a key safe by the door",
])
def test_a_device_said_not_to_be_there_is_no_way_in(text):
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize("text", [
    "Key safe no. 4 8 1 6 by the side gate",
    "No key safe - key in the log store by the back door",  # the way in comes after it
])
def test_a_device_with_more_after_no_is_still_one(text):
    assert len(HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])) == 1
