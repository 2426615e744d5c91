"""A letter after a death goes to the next of kin by what they are to the person (issue 15):
the export's `next_of_kin` gives each related person with the relation their records state,
from a bracket or a label beside the name in free text, or from the row's relationship cell of
the same contact (`Responder 1 | Resp 1 Relationship`). Before, the names were listed bare and a
responder could not tell the daughter from the neighbour holding a key.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

CLOSURES = (
    "Client Ref,Forename,Surname,DOB,Postcode,Status,Responder 1,Resp 1 Relationship,"
    "Responder 2,Resp 2 Relationship\n"
    "AL5120,Albert,Crowther,01/02/1930,HX4 8QT,Deceased 03/10/26,Susan Crowther,daughter,"
    "Gail Moss,neighbour\n"
    "AL5121,Doris,Haigh,17/07/1936,HX4 9LB,Active,Peter Haigh,son,,\n"
)
LETTER = (
    "Re: Mrs Ivy Sutcliffe, DOB 22/03/1929, 4 Wood Lane, HX5 0DD\n"
    "\n"
    "We were sorry to learn that Mrs Sutcliffe passed away at home on 12 October 2026.\n"
    "Next of kin: Graham Sutcliffe (nephew), 07700 900512.\n"
)
SHARE = {"exports/closures.csv": CLOSURES, "letters/sutcliffe.txt": LETTER}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "next-of-kin-relations", SHARE)
    return {key("PERSON", row["name"]): row
            for row in export_individuals(out, tmp_path_factory.mktemp("nok-export"), "--reveal")}


def test_the_dead_have_their_next_of_kin_with_what_they_are_to_them(rows):
    albert = rows[key("PERSON", "Albert Crowther")]
    assert sorted(albert["next_of_kin"].split("; ")) == [
        "Gail Moss (neighbour)", "Susan Crowther (daughter)"]
    assert sorted(albert["next_of_kin_masked"].split("; ")) == [
        "G*** M*** (neighbour)", "S**** C******* (daughter)"]
    assert rows[key("PERSON", "Ivy Sutcliffe")]["next_of_kin"] == "Graham Sutcliffe (nephew)"


def test_the_living_have_no_next_of_kin_column(rows):
    assert rows[key("PERSON", "Doris Haigh")]["deceased"] == "false"
    assert rows[key("PERSON", "Doris Haigh")]["next_of_kin"] == ""
    assert rows[key("PERSON", "Doris Haigh")]["related_people"] == "Peter Haigh"
