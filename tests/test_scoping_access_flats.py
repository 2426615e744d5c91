"""Home access per person through a building's shared entrance (issue 15, session 20, brief
ha-turns): a scheme's round sheet and a coordinator's e-mail list several residents with their
flats, and an access note on a line of its own names the entrance's code and the flat it leads
to (`Access: main entrance keypad 2580, flat 22.`). The way in is the home of the resident
whose flat it names (`phiscan.detect.records.with_flat_access`): before, the person named last
above the note took it (the flat's resident had none), and two residents named on one line
were read as one home and both took it. A note naming no flat, or a flat nobody in the text
lives in, stays where it was. Scanned and exported by the real CLI; nothing raw leaves
without `--reveal`."""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

ROUND = (
    "Elm Court sheltered scheme, Elm Road, Leeds LS6 2AB - round sheet\n"
    "Mrs Doreen Whitfield (DOB 03/04/1937), flat 22. Morning call, meds prompt.\n"
    "Mr Albert Nkemelu (DOB 11/09/1940), flat 9. Lunch call.\n"
    "Access: main entrance keypad 2580, flat 22.\n"
)
MAIL = (
    "From: coordinator@care.example\n"
    "To: team@care.example\n"
    "Subject: Wharf Court tonight\n"
    "Date: Wed, 2 Dec 2026 09:00:00 +0000\n"
    "\n"
    "Hi all,\n"
    "\n"
    "Tonight's calls at Wharf Court, York YO1 7HH: Mr Kenneth Barlow (DOB 02/05/1936, flat 31)"
    " and Mrs Edna Sharples (DOB 09/10/1933, flat 12).\n"
    "\n"
    "Communal door fob code 3 6 9 0, his flat is number 31.\n"
    "\n"
    "Thanks\n"
)
# A note naming a flat nobody in the text lives in stays with the entry it follows.
NO_RESIDENT = (
    "Ash House round, Hull HU1 3QT\n"
    "Mrs Iris Cartwright (DOB 05/06/1935), flat 4. Tea call.\n"
    "Mr Stanley Moe (DOB 07/08/1939), flat 5. Lunch call.\n"
    "Access: main entrance keypad 7190, flat 40.\n"
)
SHARE = {"scheme/elm_court_round.txt": ROUND, "mail/wharf_court.eml": MAIL,
         "scheme/ash_house_round.txt": NO_RESIDENT}
GIVEN = {
    "Doreen Whitfield": "code",
    "Albert Nkemelu": "",
    "Kenneth Barlow": "code",
    "Edna Sharples": "",
    "Iris Cartwright": "",
    "Stanley Moe": "code",
}
RAW = ["2580", "3 6 9 0", "7190", "Doreen Whitfield", "Kenneth Barlow"]


@pytest.fixture(scope="module")
def flats(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-flats", SHARE)


def test_a_shared_entrance_note_opens_the_home_of_the_flat_it_names(flats, tmp_path):
    rows = export_individuals(flats, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == (
        sorted((key("PERSON", name), kinds) for name, kinds in GIVEN.items()))


def test_nothing_raw_without_reveal(flats, tmp_path):
    assert len(export_individuals(flats, tmp_path)) == len(GIVEN)
    assert_no_raw_values(flats, RAW)
    assert_no_raw_values(tmp_path, RAW)
