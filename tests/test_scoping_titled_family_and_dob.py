"""A person named by title and family name with a date of birth is the one person of that
family name born that day (issue 15).

A hospice's e-mail lists tonight's visits as `- Mr Clegg (23/04/1953), 42 Providence St:
Spare key kept in the meter box`: no full name, so the line joined nobody and Trevor Clegg's
hidden key was lost. Another Clegg of another date of birth, and two Cleggs born the same
day, are never joined.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

REGISTER = ("NHS Number,Surname,Forename,DOB,Postcode\n"
            "485 100 0006,Clegg,Trevor Patrick,23/04/1953,HX5 8UA\n"
            "485 100 0014,Clegg,Stanley,02/10/1941,HD7 7WF\n"
            "485 100 0022,Pickup,Ada,09/09/1944,HX1 1AA\n"
            "485 100 0030,Pickup,Ida,09/09/1944,HX1 1AA\n")
MAIL = (
    "From: Sue Bamforth <sue@hospice.example.org>\nTo: Joanne <jo@nhs.example.net>\n"
    "Subject: Verification of death visits tonight\n\n"
    "Access details below where we have them:\n\n"
    "- Mr Clegg (23/04/1953), 42 Providence St: Spare key kept in the meter box (left side).\n"
    "- Mr Clegg (02/10/1941), 63 Hill Top Close: ring ahead\n"
    "- Mrs Pickup (09/09/1944), 7 Mill Lane: key safe by the back door, code 4471\n\nThanks\n"
)
SHARE = {"register/export.csv": REGISTER, "mail/tonight.eml": MAIL}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "titled-family-dob", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("titled-family-dob-export"),
                              "--reveal")


def test_the_titled_family_name_born_that_day_is_the_one_person(rows):
    assert {row["nhs_number"].replace(" ", ""): row["home_access_kinds"] for row in rows} == {
        "4851000006": "hidden_key", "4851000014": "",
        # twins of one family name and birthday: the line is neither's
        "4851000022": "", "4851000030": ""}
    assert len(rows) == 4 and all(key("PERSON", row["name"]) for row in rows)
