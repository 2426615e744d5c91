"""Session 20 (s20-set): set_u's general classes, in lines of my own (none of set_u's; the
dev set's batch U holds more): where each finding lies and what it says, for the shapes a
reader relies on. A numbered key holder (`KH1`) is found on its abbreviation, `KH` alone is a
writer's initials; a code changed from one to another is the second; a day's slot of hours
(`Tues 10-12`) is no code; speech-to-text's `casey code` is a key safe's code."""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from tests.home_access_batches import found, recognizer


def findings(text: str) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], (r.recognition_metadata or {}).get(ACCESS_KINDS_KEY, ""))
            for r in recognizer().analyze(text, ["HOME_ACCESS"])]


def test_numbered_key_holders_are_found_on_their_abbreviation():
    assert findings("KH1 sister Ruth 07700 900771, KH2 neighbour at 6") == [
        ("KH1", ["key_holder"]), ("KH2", ["key_holder"])]


@pytest.mark.parametrize("line", [
    "09:12 KH pendant test, all OK", "KH1 not on file, KH2 none listed"])
def test_initials_and_an_empty_holder_are_no_key_holder(line):
    assert not found(line)


def test_a_changed_code_is_told_up_to_the_new_one():
    text = "Keysafe code changed from 1999 to 4826 by the landlord"
    assert [span for span, _ in findings(text)] == ["Keysafe code changed from 1999 to 4826"]


@pytest.mark.parametrize("line", [
    "Key safe fitting booked Thurs 10-12, code to be chosen by her son",
    "Keysafe install tomorrow 1-3, no code yet"])
def test_a_slot_of_hours_is_no_code(line):
    assert not found(line)


@pytest.mark.parametrize("line", [
    "dictated: casey code is two seven seven one, box by the meter",
    "NOK daughter attending with her key, ETA 10 mins",
    "Smoke alarm fit: key safe left of the door, 6 1 3 8",
    "FLATS 1-12 ENTRANCE DOOR B5521, THEN STAIRS"])
def test_set_u_classes_in_other_words_are_found(line):
    assert found(line)
