"""Home access per person where the note names who else lives in the home, or names its
person in lower case (issue 15): a hospice-at-home team's JSON case export whose access
field for one patient reads `(home shared with Ciaran Mulvey) key safe ...`, where Ciaran
is a patient too at the same postcode (before, his name inside the note was no person, or
an unmarked mention dropped beside the case's marked patient, so he did not share the
code); a night-sitting service's handover list whose item names its patient in lower case
(`* bronagh keane (12 Lark Rise, Tolby) - ... Access: key under the grey slate ...`, no
postcode: before, her name was not read and the item's hidden key was nobody's). Near
misses of the same
worlds: `Lives with Motor Neurone Disease` names nobody, a couple written `lives with
Harold Threlfall (DOB ...)` stay two people of one entry (the co-resident role gives way to
the name's own identifier), the hospice base's door code and a bullet that names no one
(`* see notes (2 visits)`) open no home. An access sheet naming nobody but the neighbour
who holds a key (`Wilf Oddie at 38 Mill Row holds a key`) is the one person's at its
postcode. A referral's `Emergency contact` cell (`Gordon Peel - 07700 ...`) names her husband,
at her postcode, so she shares the code written in his record. Scanned and exported by the
real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, names_with_roles, scanned_share
from tests.conftest import assert_no_raw_values

REGISTER = (
    "Name,Date of birth,NHS number,Address,Postcode\n"
    "Marjorie Quayle,14/03/1950,4713000019,7 Wren Close Tolby,TB4 2LP\n"
    "Ciaran Mulvey,02/11/1948,4713000027,7 Wren Close Tolby,TB4 2LP\n"
    "Bronagh Keane,21/06/1939,4713000035,12 Lark Rise Tolby,TB6 1QS\n"
    "Edwin Saltmarsh,30/09/1944,4713000043,3 Fold End Tolby,TB2 8HN\n"
    "Tamsin Pollock,08/01/1961,4713000051,40 Mill Row Tolby,TB7 3DA\n"
)
CASES = {"team": "Tolby Hospice at Home", "cases": [
    {"case_id": "HAH-2201",
     "patient": {"name": "Marjorie Quayle", "dob": "1950-03-14", "nhs": "4713000019",
                 "address": "7 Wren Close, Tolby TB4 2LP"},
     "key_nurse": "Lorna Pike",
     "access_notes": "(home shared with Ciaran Mulvey) key safe by the side door, code 7316"},
    {"case_id": "HAH-2202",
     "patient": {"name": "Edwin Saltmarsh", "dob": "1944-09-30", "nhs": "4713000043",
                 "address": "3 Fold End, Tolby TB2 8HN"},
     "key_nurse": "Lorna Pike",
     "access_notes": "Lives with Motor Neurone Disease Association support; ring and wait"},
    {"case_id": "HAH-2203",
     "patient": {"name": "Tamsin Pollock", "dob": "1961-01-08", "nhs": "4713000051",
                 "address": "40 Mill Row, Tolby TB7 3DA"},
     "key_nurse": "Dev Sandhu",
     "access_notes": ""},
]}
HANDOVER = (
    "NIGHT SITTING HANDOVER 02.12.26  from Lorna Pike to Dev Sandhu\n"
    "On call tonight: Priya Okonjo 07700 900318\n"
    "\n"
    "* Mr Edwin Saltmarsh (3 Fold End, Tolby TB2 8HN) - syringe driver checked at 22:00.\n"
    "* bronagh keane (12 Lark Rise, Tolby) - settled by 23:00. Access: key under the"
    " grey slate by the back step.\n"
    "* see notes (2 visits) - nothing else to hand over.\n"
    "\n"
    "Hospice base door code 4471 for the night bag.\n"
)
COUPLE = (
    "Hospice at Home - first visit\n"
    "Mrs Ivy Threlfall (DOB 02/02/1936) lives with Harold Threlfall (DOB 09/09/1933).\n"
    "Spare key in the meter box by the front door.\n"
    "Seen by Lorna Pike, clinical nurse specialist.\n"
)
# A visit planning sheet naming nobody but the neighbour who holds a key (`Wilf Oddie at 38
# Mill Row holds a key`): the neighbour is a key holder (related), so the sheet is about the
# one person at its postcode; unmarked, he was a name that joined nobody and took the sheet.
ACCESS_SHEET = (
    "Tolby Hospice at Home - access information sheet\n"
    "Ref: HAH-2204\n"
    "Address: 40 Mill Row, Tolby TB7 3DA\n"
    "Access: spare key is kept in the coal bunker; Wilf Oddie at 38 Mill Row holds a key"
    " (07700 900562)\n"
    "Checked by: Dev Sandhu\n"
)
# A referral export whose `Emergency contact` cell writes the husband's phone after a dash
# (`Gordon Peel - 07700 900611`): before, the name was not read (a name field's value ended
# only before a comma and a number), so his wife, at his postcode, did not share the code
# written in his own record.
REFERRALS = (
    "Case number,First name,Last name,Date of birth,Postcode,Emergency contact\n"
    "FR-2026-0117,Maureen,Peel,1942-05-03,TB8 4RR,Gordon Peel - 07700 900611\n"
)
PENDANT_JOB = (
    "Falls pendant install - job sheet\n"
    "Client: Gordon Peel (DOB 12/12/1940), 9 Slack Lane, Tolby TB8 4RR\n"
    "Key safe by the back door, code 2468.\n"
)
SHARE = {
    "register/hospice_register.csv": REGISTER,
    "hospice_at_home/case_export.json": json.dumps(CASES, indent=2),
    "night_sitting/handover_2026-12-02.txt": HANDOVER,
    "hospice_at_home/first_visit_threlfall.txt": COUPLE,
    "hospice_at_home/access_sheet_HAH-2204.txt": ACCESS_SHEET,
    "falls/referrals.csv": REFERRALS,
    "falls/pendant_job_peel.txt": PENDANT_JOB,
}
RAW = ["7316", "Ciaran Mulvey", "bronagh keane", "4713000027", "grey slate"]
GIVEN = {  # name -> the kinds of way into their home the share gives
    "Marjorie Quayle": "code",
    "Ciaran Mulvey": "code",
    "Bronagh Keane": "hidden_key",
    "Edwin Saltmarsh": "",
    "Tamsin Pollock": "hidden_key;key_holder",
    "Maureen Peel": "code",
    "Gordon Peel": "code",
    "Ivy Threlfall": "hidden_key",
    "Harold Threlfall": "hidden_key",
}


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-co-residents", SHARE)


@pytest.fixture(scope="module")
def revealed(homes, tmp_path_factory):
    return export_individuals(homes, tmp_path_factory.mktemp("co-residents-export"), "--reveal")


def test_each_person_gets_exactly_their_homes_way_in(revealed):
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in revealed) == (
        sorted((key("PERSON", name), kinds) for name, kinds in GIVEN.items()))


def test_a_co_resident_named_in_the_access_note_is_related_and_shares_the_home(revealed, homes):
    rows = {key("PERSON", row["name"]): row for row in revealed}
    assert rows[key("PERSON", "Marjorie Quayle")]["related_people"] == "Ciaran Mulvey"
    assert rows[key("PERSON", "Ciaran Mulvey")]["home_access_kinds"] == "code"
    assert ("cases[0]", "C***** M*****", "related") in names_with_roles(homes, "case_export")


def test_a_neighbour_whose_clause_says_he_holds_a_key_is_a_key_holder(revealed, homes):
    assert [role for _, _, role in names_with_roles(homes, "access_sheet")] == [
        "related", "staff"]
    rows = {key("PERSON", row["name"]): row for row in revealed}
    assert rows[key("PERSON", "Tamsin Pollock")]["related_people"] == "Wilf Oddie"


def test_an_emergency_contact_before_a_dashed_phone_is_read_and_shares_the_home(revealed):
    rows = {key("PERSON", row["name"]): row for row in revealed}
    assert rows[key("PERSON", "Maureen Peel")]["related_people"] == "Gordon Peel"
    assert rows[key("PERSON", "Maureen Peel")]["home_access_kinds"] == "code"


def test_names_after_a_household_phrase_or_heading_an_item_in_lower_case(homes):
    # the case's patient, its nurse and the co-resident; no name from `Lives with Motor ...`
    assert [role for record, _, role in names_with_roles(homes, "case_export")
            if record == "cases[1]"] == ["subject", "staff"]
    # the lower-case name is read at its item's head; `see notes` is no name
    handover = names_with_roles(homes, "handover")
    assert [(masked, role) for _, masked, role in handover if masked[0].islower()] == [
        ("b****** k****", "")]
    # a partner with their own date of birth stays a person of the entry, not a relative
    assert [role for _, _, role in names_with_roles(homes, "first_visit")
            ] == ["", "", "staff"]


def test_nothing_raw_without_reveal(homes, tmp_path):
    assert len(export_individuals(homes, tmp_path)) == len(GIVEN)
    assert_no_raw_values(homes, RAW)
    assert_no_raw_values(tmp_path, RAW)
