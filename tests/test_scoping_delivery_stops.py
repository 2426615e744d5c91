"""A delivery app's stops are each their customer's record (session 16, share 16), in a world
no share had: a community meals service.

The app's export gives each stop a customer's name and home (`client.givenName`,
`home.postcode`) and the driver's way in, but no date of birth or NHS number. Before, an array
of objects was a list of people only when one of them had an identifier key, so the whole round
was one record: every customer's way in was in one record naming many people, bound to nobody
(or, beside a date of birth, to whoever it was). Now an array whose every object gives a name
and a home is a list of people: each stop is a record, its note its customer's, and the stop
joins the customer's row of the client list by full name and postcode.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


def _stop(number: int, given: str, family: str, postcode: str, door: str) -> dict:
    return {"stop": number, "client": {"givenName": given, "familyName": family},
            "home": {"street": f"{number * 7} Tenter Croft", "postcode": postcode},
            "doorNotes": door, "meals": [{"dish": "cottage pie"}, {"dish": "rice pudding"}]}


ROUND = {"service": "Community meals", "van": "M3", "driver": {"name": "Lowri Capstick"},
         "stops": [
             _stop(1, "Ebenezer", "Whitworth", "HX4 9QT",
                   "Key safe left of the porch, code 3 9 1 7"),
             _stop(2, "Marigold", "Sunderland", "HX4 9RB",
                   "Spare key under the stone frog by the back step"),
             _stop(3, "Percival", "Ormerod", "HX5 2LD", "Ring the bell and wait"),
             _stop(4, "Clementine", "Haigh", "HX5 2NE", "Door left on the latch for us"),
             # typed in lower case by the app's user: each part in its own name field
             _stop(5, "wilfred", "greenhalgh", "HX6 1AW", "keysafe by the bins, 2 0 4 8"),
         ]}

CLIENTS = (
    "Surname,Forename,DOB,Postcode,Diet\n"
    "WHITWORTH,Ebenezer,14/02/1933,HX4 9QT,diabetic\n"
    "SUNDERLAND,Marigold,07/07/1938,HX4 9RB,soft\n"
    "ORMEROD,Percival,21/12/1929,HX5 2LD,normal\n"
    "HAIGH,Clementine,03/03/1936,HX5 2NE,gluten free\n"
    "GREENHALGH,Wilfred,18/08/1931,HX6 1AW,normal\n"
)

SHARE = {"meals/round_M3.json": json.dumps(ROUND, indent=2), "meals/clients.csv": CLIENTS}

EXPECTED = {"Ebenezer Whitworth": "code", "Marigold Sunderland": "hidden_key",
            "Percival Ormerod": "", "Clementine Haigh": "left_open", "Wilfred Greenhalgh": "code"}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "delivery-stops", SHARE)


def test_each_customer_has_their_own_stops_way_in(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted((key("PERSON", name), kinds) for name, kinds in EXPECTED.items())


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(scanned, ["Whitworth", "3 9 1 7", "stone frog"])


def test_each_stop_is_a_record_and_the_rounds_details_one_more():
    from phiscan.extract.structured import json_units

    units = list(json_units(ROUND, None))
    assert [unit.record for unit in units] == [
        "document", "stops[0]", "stops[1]", "stops[2]", "stops[3]", "stops[4]"]
    assert "Capstick" in units[0].text and "Capstick" not in "".join(
        unit.text for unit in units[1:])


@pytest.mark.parametrize("document", [
    # a name without a home (a round's carers) or a home without a name stays in the round
    {"round": "AM", "carers": [{"name": "Jo Ames"}, {"name": "Al Pike"}]},
    {"round": "AM", "drops": [{"postcode": "HX4 9QT"}, {"postcode": "HX5 2LD"}]},
])
def test_an_array_without_names_and_homes_stays_in_its_record(document):
    from phiscan.extract.structured import json_units

    assert [unit.record for unit in json_units(document, None)] == ["document"]


@pytest.mark.parametrize(("text", "kinds"), [
    # `if no answer` is what to do otherwise: the key after it is a door key, hidden, and
    # letting yourself in is by that key, not through an open door
    ("If no answer key under the upturned bucket by the coal shed - let yourself in",
     ["hidden_key"]),
    ("Meals: if no answer key behind the loose brick left of the step", ["hidden_key"]),
    # an answer key is a marking scheme's, no door's
    ("Quiz night: the answer key is under the till tray", []),
])
def test_a_key_after_if_no_answer_is_a_door_key(text, kinds):
    from recognizers.access_kinds import ACCESS_KINDS_KEY
    from recognizers.home_access_recognizer import HomeAccessRecognizer

    found = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert sorted({kind for result in found
                   for kind in result.recognition_metadata[ACCESS_KINDS_KEY]}) == kinds


@pytest.mark.parametrize(("text", "names"), [
    # one part of a name typed in lower case in its own name field is a name's part
    ("stops[4].client.givenName: wilfred\nstops[4].client.familyName: greenhalgh\n",
     ["wilfred", "greenhalgh"]),
    ("Surname: greenhalgh\n", ["greenhalgh"]),
    # a placeholder, a common word, or a field that is no name part is no name
    ("Surname: unknown\nForename: none\n", []),
    ("Notes: wilfred\nDriver: greenhalgh\n", []),
])
def test_a_lower_case_name_part_in_its_own_field_is_read(text, names):
    from recognizers.person_field_recognizer import NameFieldRecognizer

    found = NameFieldRecognizer().analyze(text, ["PERSON"])
    assert [text[result.start:result.end] for result in found] == names
