"""One vocabulary of relatives, and who is a key holder (session 19, `life-unify`).

- Every word of `recognizers/data/relatives.txt` is a relative wherever the project asks: the
  home-access grammar reads it as someone holding a key, the life state reads a death or a
  move right after it as theirs, never the record's person's. (Before, three lists: the life
  state's own, the grammar's inline ones and the key holders' file, each missing words the
  others had: `nan`, `stepdad` and `lodger` were no relatives for a death; `mom`, `spouse`
  and `sibling` held no key.)
- A relative's possessive standing alone is their home (`the key for Nan's is in the meter
  box`): with every family word now read as a person somewhere (`son is at home`), the home
  that line named was no owner any more and `School holidays` took its place.
- A pronoun keeping a key at a place (`they keep a key under the doormat`) is the household
  hiding it: a hidden key, no key holder to ask. Share 18 (a university's student houses) gave
  four people of seed 1 and three of seed 2 a key holder for such a line.
Lines written for these tests.
"""

from __future__ import annotations

from functools import cache

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer
from recognizers.life_state_recognizer import LifeStateRecognizer
from recognizers.relatives import relatives


@cache
def recognizer() -> HomeAccessRecognizer:
    return HomeAccessRecognizer()


def access_kinds(text: str) -> list[list[str]]:
    return [result.recognition_metadata["access_kinds"]
            for result in recognizer().analyze(text, ["HOME_ACCESS"])]


@pytest.mark.parametrize(("text", "kinds"), [
    # the household keeps its key at a place: the place is the way in
    ("Access: they keep a key under the doormat.", [["hidden_key"]]),
    ("Tenants' note: they keep a key in the gas meter box at the side of the house",
     [["hidden_key"]]),
    ("Delivery: we keep a key behind the loose brick left of the back door.", [["hidden_key"]]),
    # a pronoun with no place stands for someone to ask
    ("Pharmacy delivery: if out, take meds to number 11, they have her key", [["key_holder"]]),
    # a named holder is a person to ask wherever the key is
    ("Her son keeps a key under the mat", [["hidden_key", "key_holder"]]),
])
def test_who_keeps_a_key_and_where(text, kinds):
    assert access_kinds(text) == kinds


@pytest.mark.parametrize("text", [
    "School holidays so son is at home; if no answer, the key for Nan's is in the meter box.",
    "School holidays so grandson is at home; if no answer, the key for Nan's is in the meter box.",
])
def test_a_relatives_possessive_alone_is_their_home(text):
    assert access_kinds(text) == [["hidden_key"]]


def test_the_vocabulary_has_the_words_every_list_had():
    words = set(relatives())
    assert {"mom", "spouse", "sibling", "nan", "stepdad", "lodger", "son-in-law",
            "next-door neighbour", "carer", "friend"} <= words
    assert len(words) == len(relatives())  # no word twice


@pytest.mark.parametrize("word", relatives())
def test_every_relative_holds_a_key(word):
    assert access_kinds(f"Her {word} holds a spare key.") == [["key_holder"]]


@pytest.mark.parametrize("word", relatives())
def test_a_relatives_death_is_theirs(word):
    text = f"{word.capitalize()} passed away in June; she manages alone."
    assert LifeStateRecognizer().analyze(text, ["LIFE_STATE"]) == []
