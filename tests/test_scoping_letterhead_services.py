"""A letterhead named after its service (`Calderbrook Community Nursing`, `Dunn & Co
Solicitors`) is an organisation's: its postcode is never the patient's (issue 15). Before, the
nursing team's `HX1 2AB` was the patient's second postcode, and a letter to her would have had
two addresses to choose from. The solicitor and the deputy on the `cc:` lines are no patients.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

LETTER = (
    "Calderbrook Community Nursing\n"
    "12 Mill Lane, Halifax HX1 2AB\n"
    "\n"
    "Re: Mrs Edna Whiteley, DOB 12/05/1936, NHS 485 777 3215\n"
    "28 Moorside Fold, HX3 6QT\n"
    "\n"
    "Dear Dr Ahmed,\n"
    "\n"
    "Mrs Whiteley has a grade 2 pressure ulcer on her sacrum. Her daughter Karen Whiteley holds "
    "a key.\n"
    "\n"
    "Yours sincerely,\n"
    "Sister Janet Broadbent\n"
    "District Nurse\n"
    "\n"
    "cc: Mr Paul Dunn, Dunn & Co Solicitors, 4 Crown Street, Halifax HX1 1TT\n"
    "cc: Ms Olivia Tranter, Deputy (Court of Protection)\n"
)
OPTICIANS = (
    "Riverside Opticians\n"
    "3 Bridge Street, Sowerby Bridge HX6 2AT\n"
    "\n"
    "Domiciliary eye test: Mr Walter Lumb, DOB 02/11/1931, 9 Tenter Croft HX6 3PL\n"
    "Cataract R eye, referred to ophthalmology.\n"
)
SHARE = {"letters/whiteley.txt": LETTER, "letters/lumb.txt": OPTICIANS}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "letterhead-services", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("letterhead-export"), "--reveal")


def test_each_patient_is_one_row_with_their_own_postcode_only(rows):
    assert sorted((key("PERSON", row["name"]), row["postcode"]) for row in rows) == sorted([
        (key("PERSON", "Edna Whiteley"), "HX3 6QT"), (key("PERSON", "Walter Lumb"), "HX6 3PL")])
