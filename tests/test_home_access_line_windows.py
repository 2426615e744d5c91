"""HOME_ACCESS reads two windows before a match from the match's line on (`_line_before`):
where a person is (`_WHEREABOUTS`, which never crosses a line) and the piece a medicine is
named in (`medicine_before`: a line break ends a piece). Both give exactly what reading the
whole window gives, at every position of texts whose lines hold those phrasings, a line
break right before the position and the text's first characters included."""

from __future__ import annotations

import random

import pytest

import recognizers.home_access_recognizer as home_access

LINES = [
    "client_name: Joan Grey", "notes: Key safe 1304", "she is at the", "Mr Dale's in the",
    "pt goes to school and", "back from the day centre", "clozapine kept in a", "and",
    "methadone, insulin pens - then", "her son is usually out at the gym", "home from",
    "key_worker: Rhys Ellery", "| Mrs Pell | key safe 2287 left of the porch |", "",
    "  the carer is still at", "insulin pens in the fridge and the", "Sent from hospital;",
]


def texts(count: int) -> list[str]:
    pick = random.Random(20)
    made = []
    for _ in range(count):
        lines = [pick.choice(LINES) for _ in range(pick.randint(1, 6))]
        made.append(pick.choice(["\n", "\r\n", " "]).join(lines) + pick.choice(["", "\n"]))
    return made


def whole_window_whereabouts(text: str, position: int) -> bool:
    return home_access._WHEREABOUTS.search(
        text, max(position - home_access.WHEREABOUTS_CHARS, 0), position) is not None


def line_window_whereabouts(text: str, position: int) -> bool:
    return home_access._WHEREABOUTS.search(
        text, max(position - home_access.WHEREABOUTS_CHARS,
                  home_access._line_before(text, position)), position) is not None


def whole_window_piece(text: str, position: int) -> str:
    window = text[max(position - home_access.WORD_WINDOW_CHARS, 0):position]
    return home_access._MEDICINE_PIECE_BREAK.split(window)[-1]


def line_window_piece(text: str, position: int) -> str:
    window = text[max(position - home_access.WORD_WINDOW_CHARS,
                      home_access._line_before(text, position)):position]
    return home_access._MEDICINE_PIECE_BREAK.split(window)[-1]


def test_line_before_is_the_start_of_the_line_holding_the_character_before():
    text = "ab\ncd\n\nef"
    assert [home_access._line_before(text, p) for p in range(len(text) + 1)] == [
        0, 0, 0, 0, 3, 3, 3, 6, 7, 7]


@pytest.mark.parametrize("text", texts(300))
def test_windows_from_the_line_find_what_the_whole_window_finds(text):
    for position in range(len(text) + 1):
        assert line_window_whereabouts(text, position) == whole_window_whereabouts(
            text, position)
        assert line_window_piece(text, position) == whole_window_piece(text, position)


def test_whereabouts_on_the_line_before_a_match_that_opens_its_line_still_count():
    # (`$` matches before a line break that ends the search's reach)
    text = "she is at the \nKey safe 1304"
    position = text.index("Key")
    assert line_window_whereabouts(text, position)
    assert whole_window_whereabouts(text, position)


def test_medicine_before_reads_its_line():
    purpose = home_access.HomeAccessRecognizer().purpose
    text = "client_name: Joan Grey\nclozapine kept in a lockbox 1304"
    assert purpose.medicine_before(text, text.index("lockbox"))
    text = "clozapine kept in a\nlockbox 1304"
    assert not purpose.medicine_before(text, text.index("lockbox"))
