"""A move told in prose leaves its old home's ways in behind (issue 15, from blind share 27).

A care-software supplier's support ticket says `Audrey Haigh (DOB 27/03/1945) moved on
24/06/2026 from 30 Heath Street, Bradford, BD8 5DG to: 65 Hanson Crescent ... BD6 3QW`, and
that the client now lets carers in. The agency's older access sheet gives the old house's key
safe code, and the visit log's notes before the move repeat it (`KS code 49284 stiff`) with no
address at all. The code counted as a way into the home she lives in. The postcode after
`moved ... from` is a home left (`recognizers.life_states.moved_from_before`); a record giving
no postcode says nothing of which home a kind the old home's records give is for
(`Individual.current_home_kinds`). Her neighbour's code, in the same shapes, stays current.
"""

from __future__ import annotations

import pytest

from tests.cli import scanned_share, ways_in_by_number

HAIGH, LUMB = "4851000006", "4851000014"
ACCESS_SHEET = (
    "NHS number,Client,DOB,Address,Postcode,Access\n"
    f"{HAIGH},Miss Audrey Haigh,27/03/1945,30 Heath Street Bradford,BD8 5DG,"
    "Key safe next to the electric meter box code 49284\n"
    f"{LUMB},Mrs Winifred Lumb,02/12/1939,14 Heath Street Bradford,BD8 5DQ,"
    "Key safe by the back door code 7731\n"
)
VISITS = (
    "VisitID,Client,NHS number,Start,CareWorker,Notes\n"
    f"676975,Miss A Haigh,{HAIGH},2026-05-26 12:45,Aneela Adeyemi,Used Keysafe code 49284\n"
    f"677052,Miss A Haigh,{HAIGH},2026-05-27 12:30,Aneela Adeyemi,"
    "\"KS code 49284 stiff, had to try 3 times\"\n"
    f"677060,Mrs W Lumb,{LUMB},2026-05-27 13:30,Zainab Mahmood,\"KS code 7731 stiff\"\n"
)
TICKET = (
    "Ticket: KCS-50200\nSubject: Change of address - Miss A Haigh\n\n"
    "Hi,\nAudrey Haigh (DOB 27/03/1945) moved on 24/06/2026 from 30 Heath Street, Bradford, "
    "BD8 5DG to:\n\n65 Hanson Crescent\nBradford\nBD6 3QW\n\n"
    "New access: client will let carers in for now.\nMany thanks\nTendai\n"
)
FILES = {"access/Client_Access_Sheet.csv": ACCESS_SHEET, "ECM/visits_2026-05.csv": VISITS,
         "tickets/KCS-50200 Change_of_address.txt": TICKET}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "moved-from", FILES)


def test_the_old_homes_code_is_a_home_left(scanned, tmp_path):
    assert ways_in_by_number(scanned, tmp_path) == {
        HAIGH: ("false", "", "code", ""), LUMB: ("true", "code", "", "")}


HIRST = "4851000022"
HIRST_FILES = {
    "access/Client_Access_Sheet.csv": (
        "NHS number,Client,DOB,Postcode,Access\n"
        f"{HIRST},Ms Lilian Hirst,02/10/1927,S64 6PH,Door on the latch - knock and walk in\n"),
    "tickets/KCS-49237 Client_moved_out_of_area.txt": (
        "Subject: Client moved out of area\n\nHi,\nMs Lilian Hirst has moved permanently to "
        "live with her niece - niece's house (107 Saville Road, Wath upon Dearne S63 8UE) - "
        "from 19/05/2026, not coming back to the old address.\n"),
}


def test_a_move_out_naming_the_new_home_is_still_the_persons(tmp_path_factory, tmp_path):
    """The ticket names her in full with the new home's postcode only: it is still hers
    (`linkage._attach_target`), and her old home's way in is one she left."""
    scanned = scanned_share(tmp_path_factory, "moved-out-postcode", HIRST_FILES)
    assert ways_in_by_number(scanned, tmp_path) == {
        HIRST: ("false", "", "left_open", "moved_out")}
