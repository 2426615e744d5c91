"""A return's end reason says who died or moved out for good (issue 15, from blind share 27).

A care agency's quarterly return to the council lists every client with `END_DATE` and
`END_REASON` (`DIED`, `RES` for residential care, `MOVED`); its access sheet still carries the
key safe codes. The reason was read as nothing: the dead and the moved kept a current way into
homes they had left, and a letter went to each as if they lived there. A hospital stay or a
blank reason ends nothing.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

RETURN = (
    "NHS_NO,SURNAME,FORENAME,DOB,POSTCODE,HOURS_DELIVERED,END_DATE,END_REASON\n"
    "4851000006,FARAH,Amina,1947-09-16,DN12 7DR,136.5,2026-08-19,DIED\n"
    "4851000014,PRIESTLEY,Marjorie,1931-02-11,HX3 6TL,91.0,2026-04-22,RES\n"
    "4851000022,HIRST,Lilian,1927-10-02,S64 6PH,136.5,2026-05-19,MOVED\n"
    "4851000030,KAUR,Kuldeep,1927-06-16,DN2 8TX,182.0,2026-07-02,HOSP\n"
    "4851000049,WOMERSLEY,Ruby,1925-06-02,DN2 4XU,91.0,,\n"
)
ACCESS_SHEET = (
    "NHS number,Client,Key safe code\n"
    "4851000006,Mrs Amina Farah,1942\n"
    "4851000014,Mrs Marjorie Priestley,3310\n"
    "4851000022,Ms Lilian Hirst,5528\n"
    "4851000030,Mrs Kuldeep Kaur,7741\n"
    "4851000049,Mrs Ruby Womersley,2206\n"
)
SHARE = {"returns/LA_return_Q2.csv": RETURN, "access/client_access_sheet.csv": ACCESS_SHEET}
# life state, current ways in, ways into a home left
EXPECTED = {"Amina Farah": ("deceased", "", "code"),
            "Marjorie Priestley": ("moved_out", "", "code"),
            "Lilian Hirst": ("moved_out", "", "code"),
            "Kuldeep Kaur": ("", "code", ""),
            "Ruby Womersley": ("", "code", "")}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "end-reason", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("end-reason-export"), "--reveal")


def test_a_death_or_a_move_for_good_ends_the_way_into_the_home(rows):
    assert {key("PERSON", row["name"]): (row["life_state"], row["home_access_kinds"],
                                         row["former_home_access_kinds"]) for row in rows} == {
        key("PERSON", name): state for name, state in EXPECTED.items()}
