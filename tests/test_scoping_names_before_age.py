"""A surname-first name before its age heads a log entry (issue 15): a home library
service's delivery log whose entries open `17/11/2026 DELIVERY: Thistlethwaite, Bernard Hugh
Lionel, aged 88, ...` (two middle names), `Ormondroyd, Mrs Gwen, aged 79` (the title after
the comma) and `HALSTEAD Percy, aged 91` (the surname in capitals, no comma), each over the
way into that member's home. Before, NER read `Bernard Hugh Lionel` and `Mrs Gwen` (no
surname: no full name of the member) and nothing of the third, so each entry's hidden key,
code and key holder was nobody's. A near miss of the same log (`RETURNS: Large Print, Audio,
aged 3 weeks`) names nobody. Scanned and exported by the real CLI.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, names_with_roles, scanned_share
from tests.conftest import assert_no_raw_values

MEMBERS = (
    "Member name,Date of birth,Address,Postcode\n"
    "Bernard Thistlethwaite,02/02/1938,4 Kiln Row Haworthy,HX7 5AQ\n"
    "Gwen Ormondroyd,19/07/1947,12 Kiln Row Haworthy,HX7 5BN\n"
    "Percy Halstead,30/12/1934,9 Kiln Row Haworthy,HX7 5DW\n"
    "Nora Pilkington,11/05/1941,3 Tenter Lane Haworthy,HX2 6PL\n"
)
LOG = (
    "HOME LIBRARY SERVICE - DELIVERY LOG - volunteer Imogen Pratt\n"
    "====\n"
    "17/11/2026 DELIVERY: Thistlethwaite, Bernard Hugh Lionel, aged 88, 4 Kiln Row\n"
    "Six large-print westerns. Spare key under the stone owl by the back step.\n"
    "====\n"
    "18/11/2026 DELIVERY: Ormondroyd, Mrs Gwen, aged 79, 12 Kiln Row\n"
    "Audio books swapped. Key safe by the front door, code 5512.\n"
    "====\n"
    "19/11/2026 DELIVERY: HALSTEAD Percy, aged 91, 9 Kiln Row\n"
    "Key held by neighbour Mavis Birtle at no. 11, knock there first.\n"
    "====\n"
    "20/11/2026 RETURNS: Large Print, Audio, aged 3 weeks, back to the van\n"
    "Van key safe at the depot, code 9012.\n"
)
SHARE = {"library/members.csv": MEMBERS, "library/delivery_log_wk47.txt": LOG}
GIVEN = {  # name -> the kinds of way into their home the share gives
    "Bernard Thistlethwaite": "hidden_key",
    "Gwen Ormondroyd": "code",
    "Percy Halstead": "key_holder",
    "Nora Pilkington": "",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return scanned_share(tmp_path_factory, "names-before-age", SHARE)


def test_each_members_entry_gives_its_way_in_to_that_member(library, tmp_path):
    rows = export_individuals(library, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == (
        sorted((key("PERSON", name), kinds) for name, kinds in GIVEN.items()))


def test_the_whole_surname_first_name_is_read_and_returns_name_nobody(library):
    names = [(record, masked) for record, masked, role in names_with_roles(library, "delivery")
             if role == ""]
    assert names == [("line 3", "T************** B****** H*** L*****"),
                     ("line 6", "O********** M** G***"), ("line 9", "H******* P****")]


def test_nothing_raw_without_reveal(library, tmp_path):
    export_individuals(library, tmp_path)
    assert_no_raw_values(library, ["Thistlethwaite", "Ormondroyd", "5512", "stone owl"])
    assert_no_raw_values(tmp_path, ["Thistlethwaite", "Ormondroyd", "5512", "stone owl"])
