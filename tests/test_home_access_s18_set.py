"""Session 18 (s18-set): classes set_s showed, each in a new batch of my own lines: a place
in a note's label that sends a visit to the home (`Food bank parcel round:`,
`... lunch club driver:`) is who calls, not whose the lock after it is; a keyholder field
left as a template's placeholder or a redaction names no one; a code's field talked about as
data (`deleted the lockbox code column from customer 5521`) gives no code; `no answer` then a
key under anything. Near misses beside each: a label naming a place only, a pick-up at a
place, a field that gives its value, an answer key."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # a place in a label that sends a visit to the home (each missed before this change)
    "Food bank parcel round: Mrs Kay, 8 Holt Lane, side gate code 5 2 7 7.",
    "Church hall lunch club driver: door code 4 1 1 8.",
    # `no answer` then a key under anything (missed before this change)
    "Knock twice, if no answer key under the dahlia.",
    # a code's field that gives its value (found before, still found)
    "Key safe code field: 4471",
    "Client 4471: key safe code 2 2 8 1",
    # (found before, still found)
    "Knock twice, if no answer key under the hedgehog ornament.",
    "Keyholder: daughter, Mrs Lyle, 4 Birch Close.",
    "Day centre driver: key safe on the garage wall, code 2 2 5 8.",
]

NEAR_MISSES = [
    # a label naming a place only, or a place's own collection point (not found before either)
    "Church hall lunch club: door code 4 1 1 8.",
    "Leisure centre: door code 4 1 1 8, staff only.",
    "Office collection point: door code 4 1 1 8.",
    # a pick-up may be at the place (`Nursery pick-up`): it sends no visit
    "Swimming club pick-up: side gate code 1 9 0 7, parents wait outside.",
    # a keyholder field left unfilled or redacted (each a false alarm before this change)
    "Keyholder: {{holder_full_name}}",
    "Emergency key holder - [redacted]",
    "Key holder: \u2588\u2588\u2588\u2588\u2588 (tel \u2588\u2588\u2588\u2588)",
    "Keyholder = <KEYHOLDER>",
    # a code's field talked about as data (each a false alarm before this change)
    "Admin 03/04: deleted the lockbox code column from customer 5521's record.",
    "Migration 12: keysafe code field renamed in table 2207.",
    # an answer key is no door key
    "Mark the quiz with the answer key under the desk lid.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_access_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_found(text):
    assert not found(text)
