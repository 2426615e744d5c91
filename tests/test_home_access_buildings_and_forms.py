"""HOME_ACCESS in questionnaires and in buildings that are no one's home (session 15, brief
s15-access): a `N` answer to a key holder question names no holder, a questionnaire's next
field says nothing of what a code before it is for, a door code said with a visitors' book
or a reception desk is a building's (a care home's, supported living's, an office's), a key
safe `at the old address` is of a home left, and a forced entry is no way in; the same
access told at a home is found."""

from __future__ import annotations

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer


@pytest.fixture(scope="module")
def recognizer() -> HomeAccessRecognizer:
    return HomeAccessRecognizer()


def found(recognizer: HomeAccessRecognizer, text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in recognizer.analyze(text, ["HOME_ACCESS"]))


@pytest.mark.parametrize("text", [
    # a questionnaire's `no` to a key holder
    "Carer at night N / Key holder N / Pendant alarm Y",
    "Key holder: No | Stairlift: Y",
    "Keyholder? N; steps to front door Y",
    # a building whose visitors sign in or ask at reception
    "Fernlea Lodge (residential): visitors must sign in; door code 7718# from the nurse",
    "Seen at Willow Court extra care. Main door code 5092, ask at reception for the lift.",
    # a key safe at a home the person has left
    "Moved into Ashdene permanently. Key safe at the old address (8830) to come off the wall",
    # a way in forced by police or a burglar
    "Fire crew attended, forced entry via the patio door, door boarded up by the landlord",
    "Burglary reported: they broke in through the kitchen window at the back",
])
def test_no_way_into_a_home(recognizer, text):
    assert found(recognizer, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Lives alone Y / Key safe Y - code 7391 / Fire alarm Y / Pets N",
     ["Key safe Y - code 7391"]),
    ("Key holder Y - son Dean, 07700 900412 / Door chain N", ["Key holder"]),
    ("Key holder: Nadia Bell (niece) / Stairs N", ["Key holder"]),
    ("Key safe 4408 by the back door; sit with her in the reception room after",
     ["Key safe 4408 by the back door"]),
    # (a route named by a noun alone is directions since session 26: the knack is the way in)
    ("Entry via the patio door, it sticks so lift the handle",
     ["patio door, it sticks so lift the handle"]),
    ("Spare key is kept at the warden's office, ask reception for it",
     ["Spare key is kept at the warden's"]),
])
def test_a_way_in_next_to_the_same_words(recognizer, text, expected):
    assert found(recognizer, text) == expected
