"""Text read through the noise of the process that wrote it (recognizers/noise_reading.py):
PDF text layers, e-mail sources, speech-to-text and OCR'd forms, each finding mapped back to
the characters the file holds."""

from __future__ import annotations

import re

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer, read_through_ocr
from recognizers.noise_reading import read_noise
from recognizers.ocr_reading import read_ocr

NBSP, SOFT, ZWSP, THIN = "\u00a0", "\u00ad", "\u200b", "\u2009"


@pytest.mark.parametrize(("text", "read"), [
    # a PDF's text layer: soft hyphens and zero-width spaces are nothing, other spaces a space,
    # ligatures their letters
    (f"Spare key in the key{SOFT}safe, code 2{NBSP}4{NBSP}8{NBSP}1",
     "Spare key in the keysafe, code 2 4 8 1"),
    (f"Door code is 5{ZWSP}5{ZWSP}2{ZWSP}9, \ufb02at 3 on the \ufb01rst floor",
     "Door code is 5529, flat 3 on the first floor"),
    (f"code 3{THIN}1{THIN}2{THIN}7", "code 3 1 2 7"),
    # an e-mail's source: entities, quoted-printable leftovers, quote markers, inline images
    ("key safe&nbsp;code&nbsp;is&nbsp;6391 [cid:image001.png@01DA2B3C.5E6F7A80]",
     "key safe code is 6391  "),
    ("he&#39;s in &amp; the door&#8217;s open", "he's in & the door\u2019s open"),
    ("=E2=80=9CThe code is 3409=E2=80=9D she said", "\u201cThe code is 3409\u201d she said"),
    ("> > code for mum's key safe is 5521=20", "code for mum's key safe is 5521 "),
    ("&gt; &gt; The spare key is under the mat", "The spare key is under the mat"),
    ("access >> she's left the back door unlocked >> thanks",
     "access she's left the back door unlocked thanks"),
    # a sentence wrapped at a line's end, a quote marker on the next line
    ("> Mum says the code for the key safe is\n> 2 4 8 1 and it sticks",
     "Mum says the code for the key safe is 2 4 8 1 and it sticks"),
    ("Please use the key safe on the wall by the\nback door",
     "Please use the key safe on the wall by the back door"),
    # speech-to-text's code word heard as another before a number
    ("the co is three three one eight", "the code is three three one eight"),
    # a PDF's letter-spaced heading or a form's boxed letters
    ("A C C E S S   A R R A N G E M E N T S: K E Y  S A F E  C O D E  4 4 7 1",
     "ACCESS ARRANGEMENTS: KEY SAFE CODE  4 4 7 1"),
    # OCR's 0 for O before an apostrophe, `no.` and a house number with letters for digits
    ("Spare key with Mr 0'Brien (n0.l4 Ash St)", "Spare key with Mr O'Brien (no.14 Ash St)"),
    # session 13: emoji keycaps are their digits; one unreadable character in a code a digit
    ("KS = 2\ufe0f\u20e34\ufe0f\u20e38\u20e31\ufe0f\u20e3 new", "KS = 2481 new"),
    ("Code: 4 7 ? 9 (unclear)", "Code: 4 7 0 9 (unclear)"), ("code 4_19", "code 4019"),
    ("new code for the box is 5 7 [smudged] 3", "new code for the box is 5 7 0 3"),
    # an access noun spelt as it sounds, beside what it goes with
    ("Spare kee under the pot by the frunt dore", "Spare key under the pot by the front door"),
    ("The kay's under the brick by the back dower", "The key's under the brick by the back door"),
])
def test_noise_is_read_as_what_was_written(text, read):
    reading = read_noise(text)
    assert reading is not None
    assert reading.text == read


@pytest.mark.parametrize("text", [
    "Key safe code 1234 by the front door",  # clean text: no reading
    "BP > 140 on two readings",  # a comparison, not a quote marker
    "visit_code=2045 room=3",  # a field's value, not quoted-printable
    "Ward 4\tcode 1234\nWard 5\tcode 9999",  # a record's lines are not joined
    "Staff room door code changed.\nKey worker is Sam",  # a sentence ended
    "neighbour is the key\nholder",  # a short line is a line of its own
    "No 10 Downing St, no. 12, n0 way",  # numbers written right; a word
    "Seen by J R Hartley and a b c",  # initials, no word spelt out
    "Is it 4 or 5? 9 people came",  # a question, not a code's unreadable digit
    "code 4?5?6 on the form",  # two unreadable characters: no code to read
    "file_2024_v2 and snake_case",  # an identifier's underscores
    "Kay's bringing the shopping, leave it under the stairs",  # a name
    "The Dower House: visitors sign in",  # a house's name
    "the kee of the song was wrong",  # a sound-alike beside nothing of a key's
])
def test_text_without_noise_is_read_as_it_is(text):
    assert read_noise(text) is None


def test_a_number_ocr_wrote_with_letters_stays_a_number_and_a_word_with_digits_a_word():
    assert read_through_ocr("C0DE: 7l5S and k3y") == "CoDE: 7l5S and key"
    assert read_ocr("CODE: 7l5S").text == "CODE: 7155"


NOISY_ACCESS = [
    ("Re: visit Thurs -- key safe&nbsp;code&nbsp;is&nbsp;6&nbsp;3&nbsp;9&nbsp;1 "
     "[cid:image001.png@01DA2B3C.5E6F7A80]",
     "key safe&nbsp;code&nbsp;is&nbsp;6&nbsp;3&nbsp;9&nbsp;1"),
    (f"PDF: Door code for the block is 5{ZWSP}5{ZWSP}2{ZWSP}9, \ufb02at 3 on the \ufb01rst floor",
     f"Door code for the block is 5{ZWSP}5{ZWSP}2{ZWSP}9"),
    # the form's fields read as a record too: the code and where its key safe is, one span
    ("KEY SAFE: yes  C0DE: 7l5S  L0CATI0N: rt of frt door",
     "KEY SAFE: yes  C0DE: 7l5S  L0CATI0N: rt of frt door"),
    ("Form p.1  K E Y  S A F E  C O D E  4 4 7 1", "K E Y  S A F E  C O D E  4 4 7 1"),
    # a tracked heading on a line of its own, and in brackets
    ("Notes\nK E Y  S A F E  C O D E  4 4 7 1", "K E Y  S A F E  C O D E  4 4 7 1"),
    ("Notes\n(K E Y  S A F E  C O D E  4 4 7 1)", "K E Y  S A F E  C O D E  4 4 7 1"),
    ("Handover:\nMum says the code for the key safe is\n> 2 4 8 1 and it sticks",
     "code for the key safe is\n> 2 4 8 1"),
]


@pytest.mark.parametrize(("text", "span"), NOISY_ACCESS)
def test_a_finding_in_noisy_text_points_at_the_files_own_characters(text, span):
    found = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert [text[result.start:result.end] for result in found] == [span]


@pytest.mark.parametrize(("text", "rewritten"), [
    (f"Spare key in the key{SOFT}safe, code 2{NBSP}4{NBSP}8{NBSP}1 &amp; Mr 0'Brien n0.l4",
     {"keysafe": f"key{SOFT}safe", "O": "0", "no": "n0", "14": "l4"}),
    ("=E2=80=9CThe co is 3409=E2=80=9D > > she said", {"code": "co"}),
    ("Re: key safe&nbsp;code&nbsp;is&nbsp;6&nbsp;3 [cid:image001.png@01DA2B3C]", {}),
    ("KEY SAFE: yes  C0DE: 7l5S  L0CATI0N: rt of frt door",
     {"CoDE": "C0DE", "7155": "7l5S", "LoCATIoN": "L0CATI0N"}),
])
def test_every_word_of_a_reading_maps_back_to_the_characters_it_was_read_from(text, rewritten):
    """Each word of the reading, mapped back, is the same word in the text, or the damaged
    form it was read from."""
    reading = read_ocr(read_through_ocr(text))
    assert reading is not None
    for word in re.finditer(r"\w+", reading.text):
        start, end = reading.origin(*word.span())
        assert text[start:end] == rewritten.get(word.group(), word.group()), word


@pytest.mark.parametrize("text", ["MRN_0012345_01", "ref 943_476_5919", "NHS 943 476 591? check"])
def test_a_mark_inside_a_longer_number_is_left_as_written(text):
    """One unreadable character is a digit only inside a code (up to 8 digits): a longer
    number is an identifier, and reading a mark in it as a digit could make one that passes
    the NHS number's check."""
    reading = read_noise(text)
    assert reading is None or reading.text == text
