"""HOME_ACCESS in a message thread, one turn a line (issue 14, session 20, brief ha-turns): a
question about a way in answered by a bare code up to `TURNS_BETWEEN` turns later by another
speaker, and a bare code said what it is for turns later (`read_thread_turns` reads the
turns as one line, the same length); a neighbour on a boat, a mooring or a pitch holding a
key. Near misses: an answer that is the asker's own, too many turns later or to a question
about no lock; a code said to be for a thing that is no home's."""

from __future__ import annotations

import pytest

from recognizers.home_access_recognizer import (
    TURNS_BETWEEN,
    HomeAccessRecognizer,
    read_thread_turns,
)
from tests.home_access_batches import found, recognizer

QUESTION = "[09:02] Carer A: what's the key safe code for Mrs B?"

THREADS = [
    # asked, answered turns later by another speaker
    f"{QUESTION}\n[09:04] Carer B: not sure, ask the family\n[09:10] Daughter: 4471",
    f"{QUESTION}\n[09:10] Daughter: yes it's 4 4 7 1",
    # a messaging app's export: the date with the time, a role after the name
    "02/12/2026, 09:02 - Jo (coordinator): Does anyone have the door code for Mr Patel?\n"
    "02/12/2026, 09:05 - Priya: yes it's 5 5 1 9",
    "[02/12/2026, 09:02:11] Carer A: what's the key safe code for Mrs B?\n"
    "[02/12/2026, 09:04:40] Carer B: which one, front or side?\n"
    "[02/12/2026, 09:10:02] Daughter: side - 4471",
    # a bare code, then what it is for
    "[14:01] Son: 7 2 9 0\n[14:02] Son: that's for the key safe round the side",
    "[14:01] Neighbour: 3 8 1 5\n[14:02] Carer: thanks, what's that for?\n"
    "[14:03] Neighbour: it's the code for the lockbox on the porch",
]

NOT_A_WAY_IN = [
    # the asker's own number is no answer
    f"{QUESTION}\n[09:10] Carer A: 4471",
    # too many turns between
    f"{QUESTION}\n[09:03] Carer B: no idea\n[09:04] Carer C: ask Jo\n[09:05] Carer B: Jo's off"
    "\n[09:10] Daughter: 4471",
    # a question about no lock, or about an office's
    "[09:02] Carer A: what time is her appointment?\n[09:10] Daughter: 1430",
    "[09:02] Carer A: what's the wifi code for the office?\n[09:10] Manager: 4471",
    # a code for a thing that is no home's
    "[14:01] Son: 7 2 9 0\n[14:02] Son: that's for the bike lock in the shed",
    "[14:01] Carer: Room 12\n[14:02] Carer: that's for the door on the left",
    # lines that are no thread: a record's fields
    "Key safe: yes\nWhere: porch\nNotes: 4471",
]

HOLDERS = [
    "boater moored next along has a spare",
    "The liveaboard on the next mooring keeps a spare key for her",
    "Spare key with the moorer opposite, green narrowboat",
    "the couple on the next pitch have a spare key",
]

NOT_HOLDERS = [
    "boater moored next along has a spare windlass",
    "the couple on the next pitch have a spare gas bottle",
    "Narrowboat: marina gate fob held by the harbourmaster, boaters' facilities only",
]


@pytest.mark.parametrize("text", THREADS)
def test_a_thread_answer_is_a_way_in(text):
    found_in = [text[r.start:r.end] for r in recognizer().analyze(text, ["HOME_ACCESS"])]
    assert len(found_in) == 1
    assert any(char.isdigit() for char in found_in[0])


@pytest.mark.parametrize("text", NOT_A_WAY_IN)
def test_a_thread_without_an_answer_is_no_way_in(text):
    assert not found(text)


@pytest.mark.parametrize("text", HOLDERS)
def test_a_neighbour_afloat_or_on_a_pitch_holds_a_key(text):
    assert found(text)


@pytest.mark.parametrize("text", NOT_HOLDERS)
def test_a_spare_that_is_no_key_or_an_office_fob_is_no_way_in(text):
    assert not found(text)


def test_thread_turns_are_read_as_one_line_the_same_length():
    text = (f"{QUESTION}\n[09:04] Carer B: not sure\n[09:10] Daughter: the side one, 4471\n"
            "[09:11] Mum: ta")
    read = read_thread_turns(text)
    assert len(read) == len(text)
    lines = read.split("\n")
    # the question and its answer are one line, their times read as spaces; the turn after
    # the answer stays a line of its own (after a bare code, the turns up to
    # `TURNS_BETWEEN + 1` later are read with it: one may say what it is for)
    assert len(lines) == 2 and lines[1] == "[09:11] Mum: ta"
    assert "09:" not in lines[0] and lines[0].count("\u2022") == 2
    assert TURNS_BETWEEN == 2


def test_text_that_is_no_thread_is_read_as_it_is():
    for text in ("Key safe 4471\nby the door", "Name: Ann\nKey safe: 4471", "one line"):
        assert read_thread_turns(text) is text
    assert HomeAccessRecognizer().reads_another_text(f"{QUESTION}\n[09:10] Daughter: 4471")
