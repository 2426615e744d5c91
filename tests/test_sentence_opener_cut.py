"""A sentence's opening word before a name is read where the line's text starts, never where
the window of words read before the name was cut (session 13's review of
`NameFieldRecognizer.heads_entry_with_birth_date`)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.person_field_recognizer import NameFieldRecognizer


def test_a_word_at_the_windows_cut_opens_no_sentence():
    recognizer = NameFieldRecognizer()
    word = "Q" + "q" * 38  # 39 letters: with its space, the 40 characters read before the name
    recognizer._no_name_answers[word] = True  # (a common word, as `Visited` is)
    for lead, heads in [("", True), ("Seen by staff ", False)]:
        text = f"{lead}{word} Elmi, Sahra Abdi (19 February 1931) at home."
        start, end = text.index("Elmi"), text.index(" (")
        result = RecognizerResult("PERSON", start, end, 0.5)
        assert recognizer.heads_entry_with_birth_date(text, result) is heads
