"""Whose home a code opens, and when (issue 15, session 16 `ha-people`): a housing
association's tenancy sustainment service, a world unlike the continuing-care shares.

- **A home left.** A tenancy register's entry-notes column keeps the key-safe code of a
  home its tenant has left (moved into a care home, died): `Old KS 2290 - n/a now`, `Old
  key safe 6604 - n/a`, `Previous lockbox 7720 (not needed now)`. A code said to be old,
  or not applicable now, is no way into anyone's current home; a new code given beside an
  old one still is (`Key safe: old code 1180, new code 4471`).
- **A note with no person.** Visit notes kept one after another on a Windows PC (lines
  end `\r\n`), each ended by an asterism (`* * *`): a note about a tenancy reference only
  (`Tenancy ref HX-20502 - joint visit with the OT`) gave its key-safe code to the tenant
  of the note above, whose name the text had read: neither the `\r` of a blank line nor a
  spaced rule cut the text, so the whole log was one paragraph. A line's `\r` is now its
  end, and an asterism ends a section as `***` does, so the code is bound to nobody and
  the tenant above keeps only what her own note says.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

REGISTER = (
    "Tenant,Date of birth,Tenancy ref,Status,Entry notes for contractors\n"
    "Agnes Threlfall,04/05/1939,HX-20431,Live,Key safe 3381 by the porch\n"
    "Bernard Oyelaran,17/02/1946,HX-20455,Ended - moved to Larkspur care home,"
    "Old KS 2290 - n/a now\n"
    "Cissy Wardle,09/09/1951,HX-20478,Ended - tenant deceased,Old key safe 6604 - n/a\n"
    "Dermot Achterberg,23/06/1948,HX-20480,Live,\"Key safe: old code 1180, new code 4471\"\n"
    "Enid Pomfret,30/01/1937,HX-20491,Live,Spare key under the stone frog by the shed\n"
    "Fergus Halloran,11/10/1942,HX-20493,Ended - moved in with daughter,"
    "Previous lockbox 7720 (not needed now)\n")
NOTES = (
    "Tenancy Sustainment Team - visit notes, November 2026\n"
    "Officer: Priya Lomas\n\n"
    + "".join(
        f"{day:02d}/11/2026 - estate walkabout, {block} block\n"
        "Communal areas checked: bin store tidy, lights working in the stairwells, fire doors"
        " closed, notices up to date, no graffiti reported by the caretaker this week. Two"
        " bulky items reported to the council for collection; caretaker to chase.\n\n"
        "* * *\n\n"
        for day, block in ((2, "Moorside"), (4, "Hebble"), (6, "Calder"), (9, "Ryburn"),
                           (10, "Luddenden"), (11, "Cragg"), (13, "Ogden"), (17, "Warley"),
                           (18, "Booth"), (19, "Midgley"), (20, "Wainstalls"), (23, "Heptonstall"),
                           (24, "Blackshaw"), (25, "Colden")))
    +     "12/11/2026 - visit to Mrs Gwen Ashworth, DOB 21/03/1944\n"
    "Gwen well, rent account up to date. Boiler serviced last month. No concerns raised.\n\n"
    "* * *\n\n"
    "Tenancy ref HX-20502 - joint visit with the OT\n"
    "Grab rails fitted in the bathroom. Access for the fitter: key safe left of the front"
    " door, code 5527.\n\n"
    "* * *\n\n"
    "14/11/2026 - visit to Mr Harold Quarmby, DOB 02/12/1940\n"
    "Harold has moved permanently to Fernbank care home and the flat is to be cleared."
    " Old keysafe 6139 - n/a now, housing officer to take it off the wall.\n\n"
    "* * *\n\n"
    "16/11/2026 - visit to Miss Ivy Cardwell, DOB 08/08/1950\n"
    "Ivy managing well with the new stairlift. Key is kept in the meter cupboard for the"
    " carers.\n")
RAW = ["Threlfall", "Oyelaran", "Wardle", "Achterberg", "Pomfret", "Halloran", "Ashworth",
       "Quarmby", "Cardwell", "3381", "2290", "6604", "4471", "7720", "5527", "6139"]


@pytest.fixture(scope="module")
def tenancies(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "tenancies", {
        "housing/tenancy_register_2026.csv": REGISTER,
        "housing/sustainment/visit_notes_nov.txt": NOTES.replace("\n", "\r\n"),
    })


def test_a_home_left_and_a_note_without_a_person_give_nobody_a_way_in(tenancies, tmp_path):
    rows = export_individuals(tenancies, tmp_path, "--reveal")
    given = sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows)
    assert given == sorted([
        (key("PERSON", "Agnes Threlfall"), "code"),
        (key("PERSON", "Bernard Oyelaran"), ""),
        (key("PERSON", "Cissy Wardle"), ""),
        (key("PERSON", "Dermot Achterberg"), "code"),
        (key("PERSON", "Enid Pomfret"), "hidden_key"),
        (key("PERSON", "Fergus Halloran"), ""),
        (key("PERSON", "Gwen Ashworth"), ""),
        (key("PERSON", "Harold Quarmby"), ""),
        (key("PERSON", "Ivy Cardwell"), "hidden_key"),
    ])
    assert sum(row["home_access"] == "true" for row in rows) == 4


def test_the_export_holds_no_raw_value_without_reveal(tenancies, tmp_path):
    assert len(export_individuals(tenancies, tmp_path)) == 9
    assert_no_raw_values(tenancies, RAW)
    assert_no_raw_values(tmp_path, RAW)
