"""Session 27: a key of its own told in a clause after a code is a hidden key, not where the key
safe is (`Front door keypad code 3938; Key on a string through the letterbox` gave `code` only:
the code's match read the string as the keypad's place and swallowed the key). Found on blind
share 25's crew access lines. From set aa (after it was recorded): a code said no longer
working is out of use even when its sentence says a new one exists but not what it is, and a
door to use is directions, not a door left open (three authors label `use the side entrance`
alone a near miss). Lines written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer


def _found(text: str) -> list[tuple[str, list[str]]]:
    results = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    return [(text[result.start:result.end], result.recognition_metadata[ACCESS_KINDS_KEY])
            for result in results]


@pytest.mark.parametrize(("text", "found"), [
    ("Key safe code 6104. Spare key under the blue pot.",
     [("Key safe code 6104. Spare key under the blue pot", ["code", "hidden_key"])]),
    ("Back door keypad 2275#; key on a cord behind the letterbox",
     [("keypad 2275#; key on a cord behind the letterbox", ["code", "hidden_key"])]),
    # the key safe's own place stays the code's
    ("Key safe under the porch light, code 6104",
     [("Key safe under the porch light, code 6104", ["code"])]),
    ("Key safe by the garage, code 6104. The key goes back in the key safe after.",
     [("Key safe by the garage, code 6104", ["code"])]),
])
def test_a_key_told_after_a_code_is_a_hidden_key_of_its_own(text, found):
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # a code said no longer working, the new one held elsewhere (set aa, after it was recorded)
    ("Please note the key safe code changed today. Old code 3390 no longer works, new code "
     "given to the coordinators only.", []),
    # a new code given keeps the match
    ("Key safe 3390 changed - new code is 7151", [("Key safe 3390 changed - new code is 7151",
                                                   ["code"])]),
    # which door to use is directions; its state says it is open
    ("His daughter asked that carers use the back door, the front path is icy.", []),
    ("Use the back door, it is never locked", [("back door, it is never locked",
                                                 ["left_open"])]),
])
def test_an_old_code_and_a_door_to_use_are_no_way_in(text, found):
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # when the door is open, told by what the person is on: no owner of the door (share 26)
    ("side door left unlocked while on the machine - let yourself in",
     [("side door left unlocked", ["left_open"]), ("let yourself in", ["left_open"])]),
    ("Key safe 5120, she is on the machine Mon/Wed/Fri", [("Key safe 5120", ["code"])]),
])
def test_what_the_person_is_on_is_when_not_whose(text, found):
    assert _found(text) == found


def test_when_on_a_ward_names_the_ward():
    """`when` makes a when-clause only with who is on something (`when she is on the
    machine`): `when on the ward` names the ward the code is for."""
    assert _found("Door code 1234 when on the ward") == []
