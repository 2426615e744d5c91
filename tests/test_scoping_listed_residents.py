"""Several people's names in one cell: a house list's residents (session 18, share 18).

Share 18's lettings agent lists one student house a row, its tenants in one cell (`Tenants:
A; B; C`, `tenant_names: A / B / C`). A name field's value was one name to the end of its
line, so ` / ` lists were read by NER as free text (names lost or cut: `Poppy Jane Parker`
read `Jane Parker`), and a plural label (`Tenants`, `Residents`) was neither a name field,
a subject's label nor a column name (the list's header was read as a row). Written first in
a world no share had (a housing co-op's member register and its houses; 6 people), measured
before any change: no member given their house's way in, and the lists' names split
or lost (4 of 5 tests fail before); after: each member exactly their house's way in.

A `Lead resident DOB` cell holds one person's birth date: the row joins that person, its
other names never take the date, and its list still opens each resident's home.
"""

from __future__ import annotations

import pytest

from recognizers.person_field_recognizer import NameFieldRecognizer
from tests.cli import export_individuals, key, names_with_roles, scanned_share

REGISTER = """Member,Date of birth,Postcode,Joined
Morwenna Trescothick,12/03/1994,TR1 2AB,2019
Declan Ossory,05/11/1989,PL4 8CD,2021
Hedda Lindgren-Rowe,22/07/1997,EX2 4EF,2022
Faisal Qureshi,17/01/1992,TR18 3GH,2020
Priya Venkataraman,09/09/1995,TQ1 1JK,2023
Barnaby Quill,30/04/1990,PL1 5LM,2018
"""
# The co-op's own list: several residents a cell, split by ` / `, ` and `, `&`.
HOUSES = ("house,resident_names,access_notes\n"
          '"3 Chapel Row, Penryn TR10 8QA",'
          "Morwenna Trescothick / Declan Ossory / Hedda Lindgren-Rowe,"
          "key safe by the back gate 4471\n"
          '"Flat 2, 9 Quay Hill, Falmouth TR11 3HT",Faisal Qureshi and Priya Venkataraman,'
          "front door left unlocked in the day\n")
# The maintenance team's list: a plural label, `;`, and one resident's birth date.
BOILERS = ("Property,Residents,Lead resident DOB,Service due,Access\n"
           '"7 Fore Street, Penzance TR18 2BX",Barnaby Quill; Nessa Pengelly,'
           "Barnaby Quill 30/04/1990,14/01/2027,key safe left of the door 3390\n")

ACCESS = {"Morwenna Trescothick": "code", "Declan Ossory": "code", "Hedda Lindgren-Rowe": "code",
          "Faisal Qureshi": "left_open", "Priya Venkataraman": "left_open", "Barnaby Quill": "code"}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "co-op-houses", {
        "members/register.csv": REGISTER,
        "houses/house_access.csv": HOUSES,
        "maintenance/boiler_service.csv": BOILERS,
    })


@pytest.mark.parametrize(("text", "names"), [
    ("resident_names: Ann Bell / Raj Iyer / Poppy Jane Parker",
     ["Ann Bell", "Raj Iyer", "Poppy Jane Parker"]),
    ("Residents: Ann Bell; Raj Iyer", ["Ann Bell", "Raj Iyer"]),
    ("Tenants: Ann Bell & Raj Iyer and Tom Hart", ["Ann Bell", "Raj Iyer", "Tom Hart"]),
    ("Status: Ann Bell / Raj Iyer", []),  # no name field
    ("Residents: Gas / Electric", []),  # no names
])
def test_a_name_fields_list_reads_each_name(text, names):
    found = NameFieldRecognizer().analyze(text, ["PERSON"])
    assert [text[result.start:result.end] for result in found] == names


def test_each_member_has_exactly_their_houses_way_in(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted((key("PERSON", name), kinds) for name, kinds in ACCESS.items())


def test_each_listed_resident_is_the_rows_subject(scanned):
    houses = [role for record, _masked, role in names_with_roles(scanned, "house_access")
              if record != "row 1"]
    boilers = [role for record, _masked, role in names_with_roles(scanned, "boiler_service")]
    assert houses == ["subject"] * 5
    assert boilers == ["subject"] * 2  # two residents (the lead's cell: its date)


def test_a_lead_residents_birth_date_is_one_persons(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted(row["date_of_birth"] for row in rows if row["date_of_birth"]) == sorted(
        line.split(",")[1] for line in REGISTER.splitlines()[1:])
