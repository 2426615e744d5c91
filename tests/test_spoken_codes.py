"""Codes read through speech-to-text, handwriting OCR and keyboard damage
(recognizers/spoken_codes.py): read only where the result is code-shaped, findings on the
file's own characters, near misses damaged the same way still rejected."""

from __future__ import annotations

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer
from recognizers.ocr_reading import read_ocr
from recognizers.spoken_codes import near_code_words


def _read(text: str) -> str:
    reading = read_ocr.__wrapped__(text)
    return text if reading is None else reading.text


@pytest.mark.parametrize(("text", "read"), [
    # figures and digit words mixed, `oh` for zero beside a digit
    ("keys safe code is 3 oh 8 8, under the window", "key safe code is 3 0 8 8, under the window"),
    ("key safe 3 nine 7 two by the bins", "key safe 3 9 7 2 by the bins"),
    # fillers dropped inside a code, a digit said twice or three times
    ("the code is 2 er 9 er 1 4 by the step", "the code is 2 9 1 4 by the step"),
    ("lockbox code is treble seven one", "lockbox code is 7 7 7 1"),
    ("combination is double 3 5 8", "combination is 3 3 5 8"),
    # homophones after a word naming a code, digit by digit
    ("the code is for for 7 9", "the code is 4 4 7 9"),
    ("k/s code is 5 8 2 one", "k/s code is 5 8 2 1"),
    # a code spoken all in words with a homophone, a filler or a repeat among them
    ("entry code is ate ate too one", "entry code is 8 8 2 1"),
    ("the code for the keysafe is seven seven, er, four one",
     "the code for the keysafe is 7 7 4 1"),
    ("gate code is double oh 7 5", "gate code is 0 0 7 5"),
    # letters read for digits in a token mostly of digits; an abbreviation fused to its code
    ("Keysafe - code: 2O9B", "Keysafe - code: 2098"),
    ("key safe code 8g14", "key safe code 8914"),
    ("access: KS3371 porch", "access: KS 3371 porch"),
    # a fused code word whose key is also an OCR form (`code5` for `codes`)
    ("key safe: code5123 porch", "key safe: code 5123 porch"),
    # a code word one edit away before a code
    ("key safe cpde 4 4 1 9", "key safe code 4 4 1 9"),
    # `no` and `number` right before a code
    ("key safe no. for 4 1 2", "key safe no. 4 4 1 2"),
    ("keysafe number: to 9 for 1", "keysafe number: 2 9 4 1"),
])
def test_a_damaged_code_is_read_as_its_digits(text, read):
    assert _read(text) == read


@pytest.mark.parametrize("text", [
    "visits for 2 to 3 weeks",                     # homophones with no code word
    "1 to 1 for 2 hours",
    "we went for one to one support, the code was changed",
    "the new one, 5 1 5 1, we changed it",          # a word that is English first starts it
    "code 1 3 5 7 to turn it off",                  # a homophone never ends a code
    "KS code for 12 Fore St",                       # a homophone only beside one digit
    "paracetamol 500g and 10g",                     # `g` last is a weight
    "Flat 12B",                                     # too short for `B`
    "a cold 2 days ago",                            # no code-shaped run after it
    "thanks3371",                                   # a prefix only as a whole word
    # `no` and `number` name a code only right before it; a duration is never a code
    "key safe by the door, no visits for 2 to 3 weeks",
    "Key safe at front door. No calls for 2 to 4 weeks, per daughter.",
    "key safe: no carers for 2 to 3 days",
    "a number of carers come for 2 to 3 days",
    "key safe code 12BB",                           # two `B`s in four: a flat, not a code
])
def test_prose_and_other_numbers_are_left_as_written(text):
    assert _read(text) == text


@pytest.mark.parametrize(("text", "span"), [
    ("Mr Dale's keys safe code is 3 oh 8 8, it's under the kitchen window",
     "keys safe code is 3 oh 8 8"),
    ("ACCESS ARRANGEMENTS: Keysafe - code: 2O9B", "Keysafe - code: 2O9B"),
    ("Referral form, section 4 (access): KS3371 porch", "KS3371"),
])
def test_a_finding_points_at_the_damaged_characters(text, span):
    found = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert [text[result.start:result.end] for result in found] == [span]


@pytest.mark.parametrize("text", [
    "message: the office door code is oh oh 4 won, see you at the team meeting",
    "voice note: the server room keypad code is eight won zero five, don't give it out",
    "[captions] the drug fridge code is 7 3 er 1 1 in the treatment room",
    "Office keysafe c0de:5S19 - for pool car keys only",
    "Clinic: code:4471 is the diagnosis code on the form",
    "your booking reference is treble seven one, the appointment is at 10",
])
def test_a_near_miss_damaged_alike_is_still_rejected(text):
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"]) == []


def test_the_misspelt_code_words_come_from_the_lexicon_not_a_list():
    forms = near_code_words()
    assert forms["cpde"] == "code" and forms["cobination"] == "combination"
    # the lexicon's own spellings are not forms; a form two edits away is not read
    assert "coed" not in forms and "cold" not in forms
