"""A way in given only at a home its person has left opens nothing of theirs (session 27, from
blind share 26). A homecare company's `Access & contacts` sheet gave a patient's key safe code
beside his old postcode; a change-of-address e-mail (`OLD: ... NEW: ...`) said he had moved to a
home of his own, and the sheets after it give the new postcode and no way in. His old home's
code counted as his home's. A postcode in a field naming a home left (`Previous address`,
`OLD`, `Moved from`: `recognizers.life_states.FORMER_ADDRESS`) marks the records giving only
that postcode as the old home's: their kinds go to `former_home_access_kinds` unless a record
of another home gives them too. A move into a relative's home (`has moved in with her
daughter`) is a move out for good. Lines written for these tests.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, scanned_share, ways_in_by_number
from tests.conftest import assert_no_raw_values

HADDAD, OKORO, BELL = "4853334440", "4855556661", "4857778882"
MAY_SHEET = (
    "Customer,DOB,NHS number,Address,Postcode,Access / driver notes\n"
    "Omar Haddad,05/01/1957,485 333 4440,3 Mill Lane Hollinsby,HX1 1AA,KS 4471 left of back door\n"
    "Grace Okoro,12/03/1949,485 555 6661,8 Tanner Row Hollinsby,HX1 3BB,K/S 2090 by the garage\n"
)
OCTOBER_SHEET = (
    "Customer,DOB,NHS number,Address,Postcode,Access / driver notes\n"
    "Omar Haddad,05/01/1957,485 333 4440,65 Carr Bank Stanbeck,HX2 2XR,pt will answer\n"
    "Grace Okoro,12/03/1949,485 555 6661,40 Weavers Way Stanbeck,HX2 7LU,"
    "spare key under the green pot\n"
)
MOVE_HADDAD = (
    "From: Home Therapies <htu@trust.example>\nTo: Deliveries <orders@homecare.example>\n"
    "Subject: Change of address\nDate: Sat, 29 Aug 2026 10:00:00 +0000\n\n"
    "Please note change of address for Mr Omar Haddad (DOB 05/01/1957) from 27/08/2026:\n\n"
    "OLD: 3 Mill Lane, Hollinsby, HX1 1AA\nNEW: 65 Carr Bank, Stanbeck, HX2 2XR\n\n"
    "Access at new address: pt will be in, ring ahead\n"
)
MOVE_OKORO = (
    "HOME OXYGEN ORDER FORM - change of address\n"
    "Name: Grace Okoro\nDate of birth: 12/03/1949\nNHS number: 485 555 6661\n"
    "Address: 40 Weavers Way, Stanbeck\nPostcode: HX2 7LU\n"
    "Previous address: 8 Tanner Row, Hollinsby, HX1 3BB\n"
)
BELL_NOTE = (
    "Home HD visit\nPatient: Mrs Doris Bell\nDOB: 30/06/1941\nNHS: 485 777 8882\n"
    "Address: 2 Ash Grove, Hollinsby HX1 9CD\nAccess: key safe 6120 on the porch wall\n"
)
BELL_MOVED = (
    "From: Home Therapies <htu@trust.example>\nTo: Deliveries <orders@homecare.example>\n"
    "Subject: Stop deliveries\nDate: Mon, 05 Oct 2026 10:00:00 +0000\n\n"
    "Mrs Doris Bell, DOB 30/06/1941, NHS 485 777 8882, has moved in with her daughter out of "
    "area, so please stop deliveries.\n"
)
FILES = {"schedules/May.csv": MAY_SHEET, "schedules/October.csv": OCTOBER_SHEET,
         "mail/20260829.eml": MOVE_HADDAD, "oxygen/HOOF_CHANGE.txt": MOVE_OKORO,
         "visits/2026-05-02.txt": BELL_NOTE, "mail/20261005.eml": BELL_MOVED}


@pytest.fixture(scope="module")
def moves_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "home-left-by-address", FILES)


def test_a_way_in_given_only_at_a_home_left_is_a_former_homes(moves_scanned, tmp_path):
    assert ways_in_by_number(moves_scanned, tmp_path) == {
        HADDAD: ("false", "", "code", ""), OKORO: ("true", "hidden_key", "code", ""),
        BELL: ("false", "", "code", "moved_out")}


def test_nothing_raw_without_reveal(moves_scanned, tmp_path):
    export_individuals(moves_scanned, tmp_path)
    for written in (tmp_path, moves_scanned):
        assert_no_raw_values(written, ["Haddad", "Okoro", "4471", "HX1 1AA", "Tanner Row"])


RUN_SHEET = (
    "Stop,ETA,Ref,Customer,Address,Phone,Notes\n"
    '1,08:15,MV30836,Miss J Kowal,"108 Foundry Street, Stanbeck",07700 900831,'
    '"key box 43 88, behind drainpipe"\n'
    '2,09:07,MV33019,"MORAWSKA, Jadwiga","99 Beech Grove, Lowther Green",0113 496 0630,'
    "front door on the latch Tues am - just push and shout\n"
    '3,09:48,MV31909,Mr Ibbotson,"90 Sycamore Close, Lowther Green",0113 496 0087,'
    "key under the blue plant pot by the back door\n"
)
LETTER = ("Patient: Jadwiga Morawska\nDOB: 12/03/1941\nNHS: 485 444 3332\n"
          "Address: 99 Beech Grove, Lowther Green\n")


def test_a_row_naming_another_in_part_is_not_the_one_named_rows(tmp_path_factory, tmp_path):
    """A driver's run sheet names one patient in full and the others by title and surname
    (`Mr Ibbotson`): their rows' codes and keys are not hers
    (`phiscan.scoping.linkage._names_another_row`)."""
    scanned = scanned_share(tmp_path_factory, "run-sheet", {"runs/run.csv": RUN_SHEET,
                                                           "letters/letter.txt": LETTER})
    rows = [(row["name"], row["home_access_kinds"])
            for row in export_individuals(scanned, tmp_path, "--reveal")]
    assert rows == [("Jadwiga Morawska", "left_open")]
