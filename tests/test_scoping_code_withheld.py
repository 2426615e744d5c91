"""A code changed and the new one kept out of the records opens nothing (session 27, from blind
share 25). A safeguarding concern says a relative let themselves in with the key safe code, the
crew changed it and the new code is `NOT written on this form`; the July visit record still
gives the old code. The person's home counted as opened by a code. A record saying its
person's new code is withheld (`recognizers.life_states.CODE_OUT_OF_USE`) puts every code of
theirs apart (`former_home_access_kinds`): the other ways in stay, and a new code written
(`New code 5757`) is a code like any other.
"""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.life_state_recognizer import LifeStateRecognizer
from recognizers.life_states import CODE_OUT_OF_USE
from tests.cli import export_individuals, scanned_share, ways_in_by_number
from tests.conftest import assert_no_raw_values

QUINN, PICKLES, GALLAGHER = "4852107335", "4853771026", "4856401998"
VISITS = (
    "SAFE AND WELL VISIT RECORD\n\n"
    "Name: Rukhsana Quinn\nDOB: 12/08/1933\nNHS no: 485 210 7335\n"
    "Address: Flat 12, Beckett House, Castleford Moor CQ2 2AP\n"
    "Access for crews: Key safe code 4956 - side of garage\n"
    "Health: COPD, on home oxygen\n"
)
CONCERN = (
    "ADULT SAFEGUARDING CONCERN FORM\n\n"
    "Adult at risk: Rukhsana Quinn\nDOB: 12/08/1933\nNHS no: 485 210 7335\n"
    "Concern: Financial abuse suspected. Ms Quinn told the advocate that her daughter has been "
    "letting herself in with the key safe and taking money. Key safe code changed on 04/10/2026 "
    "by crew. New code NOT written on this form - held by allocated SW only.\n"
)
PICKLES_NOTE = (
    "Name: Yetunde Pickles\nDOB: 03/02/1941\nNHS no: 485 377 1026\n"
    "Address: 4 Ivy Street, Kestrel Hill KQ1 4PS\n"
    "Access: KS 7459 by back door. Spare key in the shed, on the hook behind the door.\n"
    "Diagnosis: vascular dementia\n"
)
PICKLES_LATER = (
    "Name: Yetunde Pickles\nNHS no: 485 377 1026\n"
    "Access: KS code changed 12/10/2026 - s/g. New code NOT held - ring duty SW\n"
)
GALLAGHER_NOTE = (
    "Name: Despina Gallagher\nDOB: 21/09/1944\nNHS no: 485 640 1998\n"
    "Address: 9 Lister Avenue, Sallowby SQ8 2DF\n"
    "Access: key safe code 2961 left of the front door\nDiagnosis: Parkinson's disease\n"
)
GALLAGHER_LATER = (
    "Name: Despina Gallagher\nNHS no: 485 640 1998\n"
    "Key safe code changed on 05/10/2026 by crew. New code 5757.\n"
)
FILES = {"visits/SW-1024.txt": VISITS, "safeguarding/AS-1002.txt": CONCERN,
         "visits/SW-1031.txt": PICKLES_NOTE, "visits/SW-1090.txt": PICKLES_LATER,
         "visits/SW-1040.txt": GALLAGHER_NOTE,
         "visits/SW-1101.txt": GALLAGHER_LATER}


@pytest.mark.parametrize("said", [
    "New code NOT written on this form - held by allocated SW only.",
    "KS code changed 12/10/2026 - s/g. New code NOT held - ring duty SW",
    "Code changed. Police to contact the son. New code not to be minuted.",
    "Key safe code changed after s/g concern - new code not recorded, ring SW",
    "new key safe code withheld",
    # changed, the new one to be got elsewhere
    "KS code changed by the family - ring the client for the new code",
    "Code reset after the break-in, son will give the new one by phone",
    # kept off the system the record is in, the new one got from an office (share 27)
    "The new code is NOT to go on Kestrel - carers ring the office for it.",
    "Key safe code changed - ring the office for the new code",
    # a named person's key safe taken off the wall (share 27)
    "The key safe at Ms Dilys Cadwaladr's has been taken off the wall (house being rendered).",
    "Mrs Ann Lee's keysafe was removed last week",
])
def test_a_code_out_of_use_is_stated(said):
    found = LifeStateRecognizer().analyze(said, ["LIFE_STATE"])
    assert [result.recognition_metadata[ACCESS_KINDS_KEY] for result in found] == [
        [CODE_OUT_OF_USE]]


@pytest.mark.parametrize("said", [
    "Key safe code changed on 05/10/2026 by crew. New code 5757.",
    "New key safe fitted by the front door.",
    "Please ring the office with the new code when it is set.",
    # a code changed with nothing said of the new one, or given; a workplace's
    "Code changed by family.",
    "Door code changed to 4471 - ring the office for a fob",
    "Office key safe code changed - ring reception for the new code",
    # a workplace's, where the new one is got said apart (share 26's job sheet)
    "Notes: Unit workshop door code changed, see team email",
    "Key safe to be taken off once the house is cleared",
    # a key safe said removed: a care log's line may name no one, a record may give the new
    # one's code (blind share 23)
    "Keysafe removed by the landlord in May",
    "- Key safe removed by family last month",
    "The key safe at the office has been taken off the wall",
])
def test_a_new_code_given_or_not_said_withheld_is_no_statement(said):
    assert LifeStateRecognizer().analyze(said, ["LIFE_STATE"]) == []


@pytest.fixture(scope="module")
def withheld_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "code-withheld", FILES)


def test_a_code_said_changed_and_withheld_opens_nothing(withheld_scanned, tmp_path):
    assert ways_in_by_number(withheld_scanned, tmp_path) == {
        QUINN: ("false", "", "code", ""), PICKLES: ("true", "hidden_key", "code", ""),
        GALLAGHER: ("true", "code", "", "")}


def test_nothing_raw_without_reveal(withheld_scanned, tmp_path):
    export_individuals(withheld_scanned, tmp_path)
    for written in (tmp_path, withheld_scanned):
        assert_no_raw_values(written, ["Quinn", "Pickles", "Gallagher", "4956", "7459"])


HANDOVER = (
    "NIGHT SITTING HANDOVER 05/11/2026\n\n"
    "1. Gwilym Price  DOB 18 July 1941\n"
    "   NHS 485 999 1117\n"
    "   Access: key safe by the porch, code 0583\n\n"
    "2. Nia Pugh  DOB 28 September 1950\n"
    "   NHS 485 888 2225\n"
    "   Access: lock box behind the water butt, number 1442\n\n"
    "Locks changed after the break-ins in the village; a key safe was removed on the estate.\n"
    "Nerys\n"
)


def test_a_note_after_a_list_at_its_margin_is_none_of_its_items(tmp_path_factory, tmp_path):
    """The list's closing note, back at the margin after a blank line, is the whole text's:
    the last item's person keeps her code (`phiscan.detect.records._list_ended`)."""
    scanned = scanned_share(tmp_path_factory, "list-ended", {"night/handover.txt": HANDOVER})
    rows = {row["nhs_number"].replace(" ", ""): (row["home_access_kinds"],
                                                  row["former_home_access_kinds"])
            for row in export_individuals(scanned, tmp_path, "--reveal")}
    assert rows == {"4859991117": ("code", ""), "4858882225": ("code", "")}


REFITTED = ("OT assessment\nClient: PRYS-JONES Ceri, Miss\nD.O.B 09/01/1942\n"
            "NHS: 485 444 3332\nAddress: Flat 57, Willow Rise, Bradford BD10 8NJ\n"
            "12/10 KS code changed by family - ring pt for new code\n"
            "19/10 Daughter rang: keysafe code 4810 - by the meter cupboard\n")


def test_a_code_given_after_it_changed_is_the_one_in_use(tmp_path_factory, tmp_path):
    """`KS code changed - ring pt for new code` then `keysafe code 4810`: the statement is dropped
    (`phiscan.detect.detector.states_superseded`), the code counts."""
    scanned = scanned_share(tmp_path_factory, "refitted", {"ot/assessment.txt": REFITTED})
    rows = [(row["home_access_kinds"], row["former_home_access_kinds"])
            for row in export_individuals(scanned, tmp_path, "--reveal")]
    assert rows == [("code", "")]


DABEK = "4851000006"
DABEK_FILES = {
    "access/Client_Access_Sheet.csv": (
        "NHS number,Client,DOB,Postcode,Access\n"
        f"{DABEK},Mrs Halina Dąbek,12/05/1941,BD18 3SG,Key safe by the back door code 6900\n"),
    "tickets/KCS-51136 Access_details_changed.txt": (
        "Hi,\nThe family have changed the key safe code for DĄBEK, Halina after the grandson's "
        "friend saw it. The new code is NOT to go on Kestrel - carers ring the office for it. "
        "Please make sure the old code (6900) is gone from the record and from the phones.\n"),
}


def test_a_surname_first_in_any_alphabet_names_whose_code_is_withheld(tmp_path_factory,
                                                                      tmp_path):
    """`DĄBEK, Halina` in a ticket's prose is her name (share 27: the capitals were read in
    ASCII only, and the ticket joined no one)."""
    scanned = scanned_share(tmp_path_factory, "code-withheld-dabek", DABEK_FILES)
    assert ways_in_by_number(scanned, tmp_path) == {DABEK: ("false", "", "code", "")}
