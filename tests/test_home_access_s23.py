"""Session 23: a record or a round of jobs kept for a device, with a word or two joined to the
device's (`Syringe driver / VOD combined sheet:`, `concentrator check`), names the visit, not
what a lock is for; where a person will be or is kept (`I'll be at the hospital`, `if we're
held up at school run, the ...`) names no owner; a code misread with a letter between its
digits (`O9l4`, `l9O3`) is read as digits, a postcode district's shape (`SO14`) is not. Lines
written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from recognizers.ocr_reading import read_ocr
from tests.home_access_batches import found

ACCESS = [
    "Hoist / sling check sheet: key safe code 4417, left of the back door.",
    "Feed pump & ventilator combined chart - keysafe by the bins 2 0 6 8",
    "Nebuliser review, Mr Abbott: keysafe under the kitchen window, 7313",
    "We'll be at the clinic all morning, the key safe by the back door is 5521.",
    "Sorry, I'd be at work by then - key safe on the porch wall, 8 3 0 2.",
    "If I'm held up at work, the neighbour at no. 3 has a spare key, just knock.",
    "In case we're stuck at the hospital, the spare key is under the green pot.",
    "ACCESS: KEYSAFE C0DE O7l2, right of garage",
    "keysafe code l4O8 at the side of the house",
]

NEAR_MISSES = [
    # a device's own lock, or a place the job is done in, still owns the match
    "Syringe driver lockbox code 3311, keep it locked between visits.",
    "Hoist repair workshop: key safe by the shutter, code 4410.",
    "I'll be at the office - the office door code is 2580.",
    "Stuck at the depot, the depot gate code is 1470 if you need it.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_found(text):
    assert not found(text)


@pytest.mark.parametrize(("text", "read"), [
    ("code O9l4", "code 0914"),
    ("code l9O3 at rear", "code 1903 at rear"),
])
def test_a_code_misread_with_a_letter_between_its_digits_is_read(text, read):
    reading = read_ocr(text)
    assert reading is not None and reading.text == read


@pytest.mark.parametrize("text", ["Southampton SO14 3AB", "phone on O2 today", "Sheffield S1O"])
def test_a_postcode_district_shape_is_left_as_it_is(text):
    reading = read_ocr(text)
    assert reading is None or reading.text == text
