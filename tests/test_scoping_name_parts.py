"""A person's split name cells are one name, whatever the header and however many words
the forename has (session 15, issue 15).

Written in a world no share had before any change (cross-border health referrals between
Donegal and Derry with Irish-language headers and names, a Malaysian university's student
health clinic, a Dutch student's dental record; 7 people, 9 files' worth of shapes) and
measured first on a9d1065: 8 rows, 4 of them right (recall 0.571, precision 0.5); after:
7 rows, all right.

- A forename cell of two words (`Máire Bríd`, `Nurul Aisyah`) beside a surname cell read as
  a full name of its own and named the row. It is a part of the joined name now: the row
  carries the joined name's key and its own variant form, and the part's hash beside them
  (`phiscan.detect.normalize.variant_hashes`), so free text that reads the forenames as the
  name still joins it, with a date of birth only.
- A bilingual header (`Sloinne / Surname` beside `Céadainm / Forename`) gave the two cells
  different prefixes, so they were never joined: a single-word forename's person had no
  row at all. A record's one unpaired given field and one unpaired family field are one
  name (`phiscan.detect.split_names.joined_names`).
"""

from __future__ import annotations

import pytest

from phiscan.detect.normalize import variant_hashes, variant_keys
from phiscan.detect.split_names import NamePart, joined_names
from phiscan.scoping.linkage import Linkage, count_people
from phiscan.scoping.subject_records import Record
from tests.cli import export_individuals, key, scanned_share

REFERRALS = """Ref,Sloinne / Surname,Céadainm / Forename,Date of birth,Service,Coordinator
XB-301,Ní Bhriain,Máire Bríd,04/09/1961,Audiology (Letterkenny),Declan Hughes
XB-302,Mac an tSaoir,Pádraig Seán,17/01/1979,Cardiology (Altnagelvin),Declan Hughes
XB-303,Ó Dochartaigh,Eithne,22/06/1944,Oncology (Altnagelvin),Gráinne Boyle
XB-304,McCrory,Seamus Gerard,09/12/1988,Renal (Letterkenny),Gráinne Boyle
"""
LETTER_301 = """Cross-Border Health Services
Re: Ní Bhriain, Máire Bríd (DOB 04/09/1961)
Dear colleague,
Máire Bríd Ní Bhriain attended the audiology clinic in Letterkenny on 3 November. Hearing loss in
the left ear is progressing.
Yours sincerely,
Declan Hughes, Coordinator
"""
NOTE_302 = """Cross-Border Health Services
Patient: Pádraig Seán Mac an tSaoir
Date of birth: 17/01/1979
Echo booked at Altnagelvin. Declan Hughes to arrange transport across the border.
"""
STUDENTS = """Student ID,Given names,Family name,DOB,Clinic note
UM-88121,Nurul Aisyah,binti Ahmad,11/02/2003,Asthma review
UM-88122,Ahmad Faiz,bin Rahman,30/07/2002,Dental referral
UM-88123,Pieter Jan,van der Berg,05/05/2001,Knee sprain
"""
FILES = {
    "lists/crossborder_referrals.csv": REFERRALS,
    "letters/XB-301.txt": LETTER_301,
    "letters/XB-302.txt": NOTE_302,
    "clinic/student_health.csv": STUDENTS,
    "clinic/ahmad_faiz_letter.txt": ("Student Health Centre\nRe: Ahmad Faiz bin Rahman, born "
                                     "30/07/2002\nSeen for dental pain. Referred on.\n"),
    "clinic/vdberg_dental.txt": ("Dental record\nPatient: VAN DER BERG, Pieter Jan\n"
                                 "DOB: 05/05/2001\nFilling lower left 6.\n"),
}
PEOPLE = [  # (name, date of birth, records)
    ("Máire Bríd Ní Bhriain", "04/09/1961", 2), ("Pádraig Seán Mac an tSaoir", "17/01/1979", 2),
    ("Eithne Ó Dochartaigh", "22/06/1944", 1), ("Seamus Gerard McCrory", "09/12/1988", 1),
    ("Nurul Aisyah binti Ahmad", "11/02/2003", 1), ("Ahmad Faiz bin Rahman", "30/07/2002", 2),
    ("Pieter Jan van der Berg", "05/05/2001", 2)]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "name-parts", FILES)


def test_each_person_is_one_row_under_their_whole_name(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    found = sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]),
                    int(row["records"]), row["other_names"]) for row in rows)
    assert found == sorted((key("PERSON", name), key("DATE_OF_BIRTH", dob), records, "")
                           for name, dob, records in PEOPLE)


def part(field: str, value: str, start: int) -> NamePart:
    return NamePart(start, start + len(value), value, field)


@pytest.mark.parametrize(("fields", "names"), [
    ((("Sloinne / Surname", "Ó Dochartaigh"), ("Céadainm / Forename", "Eithne")),
     ["Eithne Ó Dochartaigh"]),
    ((("Patient surname", "Kelly"), ("Forename", "Ann")), ["Ann Kelly"]),
    # paired by prefix; the next of kin's lone forename is no one's name with her surname
    ((("Surname", "Kelly"), ("Forename", "Ann"), ("NOK forename", "Rose")), ["Ann Kelly"]),
    # two lone forenames: which of them goes with the surname is unknown
    ((("Surname", "Kelly"), ("GP forename", "Rose"), ("NOK forename", "Ann")), []),
    # each lone part's prefix names whose name it is: two people's, never one name
    ((("NOK first name", "Susan"), ("GP surname", "Patel")), []),
    ((("Client first name", "Ann"), ("Keyholder surname", "Kelly")), []),
])
def test_one_unpaired_given_and_family_field_are_one_name(fields, names):
    parts = [part(field, value, index * 20) for index, (field, value) in enumerate(fields)]
    assert [full for _given, _family, full in joined_names(parts)] == names


def test_a_name_carries_every_variant_hash_once_and_in_order():
    assert variant_hashes("b2", "", "a1", "b2") == "a1,b2"
    assert variant_keys(variant_hashes("b2", "a1")) == {"a1", "b2"}
    assert variant_hashes("", "") == "" and variant_keys("") == frozenset()


def test_a_joined_name_links_by_its_part_and_by_its_own_form_with_a_date_of_birth():
    """The joined `Yusuf Hussain Muhammad` carries its variant form and its given cell's
    `Yusuf Hussain`: one record of each shape elsewhere joins it, with its date of birth;
    without one, nobody joins."""
    joined = Record("list.csv", "row 2", full_names={"yusuf hussain muhammad"},
                    dobs={"d1"}, variants={"yusuf hussain muhammad":
                                           frozenset({"form", "yusuf hussain"})})
    by_part = Record("note.txt", "document", full_names={"yusuf hussain"}, dobs={"d1"})
    by_form = Record("mail.eml", "document", full_names={"form"}, dobs={"d1"})
    other_dob = Record("old.txt", "document", full_names={"yusuf hussain"}, dobs={"d2"})
    assert count_people([joined, by_part, by_form], Linkage.STANDARD) == 1
    assert count_people([joined, other_dob], Linkage.STANDARD) == 2
