"""A move into a care home named by its own name is a move out (issue 15).

A hospice's transfer note reads `Moved to Moorview House (nursing) on 04/09/2026`, and the
register's `Care home` column names the home: neither said `care home` after `moved to`, so
the key safe at her old address counted as the way into the home she lives in.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

TRANSFER = (
    "Transfer of care note - Moorview House (nursing)\n"
    "Mrs Cynthia Stead  DOB 24/12/1947  NHS 485 100 0006\n"
    "Previously at 106 Intake Lane, Honley HD9 6XH.\n"
    "Moved to Moorview House (nursing) on 04/09/2026 as family no longer able to manage.\n"
)
REGISTER = (
    "Surname,Forename,DOB,NHS Number,Postcode,Care home,Access information\n"
    "Stead,Cynthia,24/12/1947,485 100 0006,HD9 6XH,,key safe by the back door code 5521\n"
    "Lumb,Walter,08/02/1942,485 100 0014,HD7 2NW,Moorview House,key safe left of porch 7335\n"
    "Haigh,Doris,03/03/1939,485 100 0022,HD7 2NX,,key safe by the front door 1188\n"
)
SHARE = {"transfers/transfer_stead_c.txt": TRANSFER, "register/export.csv": REGISTER}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "moved-named-home", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("moved-named-home-export"), "--reveal")


def test_a_move_into_a_named_home_leaves_the_old_homes_way_in_former(rows):
    assert {key("PERSON", row["name"]): (row["life_state"], row["home_access_kinds"],
                                         row["former_home_access_kinds"]) for row in rows} == {
        key("PERSON", "Cynthia Stead"): ("moved_out", "", "code"),
        key("PERSON", "Walter Lumb"): ("moved_out", "", "code"),
        key("PERSON", "Doris Haigh"): ("", "code", "")}
