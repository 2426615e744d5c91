"""A relation followed by `of` names whom the relation is to: the record's person (issue 15).

A wheelchair service's letter to a child's parent reads `Parent/carer of Amelia Kershaw`
over the child's date of birth and `Dear Mr Ian Kershaw`: the relation word before the child's
name made her a related person, so the letter's person became her father, with her date of
birth. The relation's `of` makes the name after it the subject.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

VOUCHER = (
    "Meridian Community Equipment Ltd - Wexmoor Wheelchair & Posture Service\n"
    "5 October 2026\n\n"
    "Parent/carer of Amelia Kershaw\n16 Calder Avenue\nWexmoor\nWX2 6DJ\n\n"
    "Our ref: WC/2019/5756\nDate of birth: 09/04/2018\n\n"
    "Dear Mr Ian Kershaw,\n"
    "Personal Wheelchair Budget - notional voucher of £480\n"
    "Following your assessment we can offer a personal wheelchair budget.\n\n"
    "Yours sincerely\nRachel Greaves\nWheelchair Therapist\n"
)
SCHOOL = (
    "Community Paediatric Nursing\n\n"
    "To the mother of Kayden Foster, DOB 14/11/2015, NHS number 485 100 0030\n"
    "Re: continence supplies. Deliveries will come on Tuesdays.\n"
)
SHARE = {"letters/voucher_5756.txt": VOUCHER, "letters/foster_supplies.txt": SCHOOL}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "relation-of", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("relation-of-export"), "--reveal")


def test_the_person_a_relation_is_to_is_the_letters_person(rows):
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted(
        (key("PERSON", name), key("DATE_OF_BIRTH", dob)) for name, dob in (
            ("Amelia Kershaw", "09/04/2018"), ("Kayden Foster", "14/11/2015")))
