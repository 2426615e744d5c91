"""A register's `Deceased` column answered no is no death (issue 15).

A palliative care coordination register exports every patient with `Deceased` (Y/N) and
`Date of death` columns. The column's label, `Deceased`, was read as the record's own words
whatever its value: every patient on the register was exported deceased, their letters
addressed to their estates, and every key-safe code counted as a home they had left.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

REGISTER = (
    "NHS Number,Surname,Forename,DOB,Postcode,Phase,Key safe code,Deceased,Date of death\n"
    "485 100 0006,Oldroyd,Marjorie,02/03/1938,HX7 8NA,Deceased,3024,Y,20/08/2026\n"
    "485 100 0014,Brearley,Kenneth,14/11/1941,HX3 6TL,Dying,7719,N,\n"
    "485 100 0022,Sunderland,Ivy,30/01/1935,HX5 8UA,Stable,,N,\n"
)
TEXT_REGISTER = (
    "Name: Walter Haigh\nDOB: 09/09/1940\nNHS number: 485 100 0030\nKey safe: 5512\n"
    "Deceased: No\nDate of death:\n"
)
SHARE = {"register/epaccs_export.csv": REGISTER, "register/haigh_summary.txt": TEXT_REGISTER}
EXPECTED = {"Marjorie Oldroyd": ("true", "", "code"), "Kenneth Brearley": ("false", "code", ""),
            "Ivy Sunderland": ("false", "", ""), "Walter Haigh": ("false", "code", "")}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "deceased-column", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("deceased-column-export"), "--reveal")


def test_only_the_patient_the_register_says_died_is_deceased(rows):
    assert {key("PERSON", row["name"]): (row["deceased"], row["home_access_kinds"],
                                         row["former_home_access_kinds"]) for row in rows} == {
        key("PERSON", name): state for name, state in EXPECTED.items()}
