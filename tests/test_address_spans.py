"""Where `recognizers.addresses` reads an address in text (session 13's review of it): the
words of each span it gives, exactly."""

from __future__ import annotations

import pytest

from recognizers.addresses import address_block_lines, line_spans, places, postcode_lines


def spans_of(text: str) -> list[str]:
    return [text[start:end] for start, end in places().address_spans(text)]


# A letter's address block is read the same whatever its line breaks (`\r\n` from Windows, `\r`).
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_an_address_block_is_read_whatever_its_line_breaks(line_break):
    text = line_break.join(["Mr John Smith", "Bryn Awel", "Llanbedr", "LD9 7ES", ""])
    assert spans_of(text) == ["Bryn Awel", "Llanbedr", "LD9 7ES"]


# Under a heading, an address block's first line is its addressee's name (no title), unless it
# reads as a place; under a titled name, it is the address's first line (`Craigmore`).
@pytest.mark.parametrize(("text", "spans"), [
    ("PRIVATE AND CONFIDENTIAL\nJohn Smith\n14 Ash Grove\nLeeds\nLS1 1AA",
     ["14 Ash Grove", "14 Ash Grove", "Leeds", "LS1 1AA"]),
    ("Referral\nJohn Smith\nCraigmore\nKirk Wynd\nAuchterarder\nPH3 1AB",
     ["Craigmore", "Kirk Wynd", "Auchterarder", "PH3 1AB"]),
    ("Referral\nRose Cottage\nKirk Wynd\nAuchterarder\nPH3 1AB",
     ["Rose Cottage", "Kirk Wynd", "Auchterarder", "PH3 1AB"]),
    ("Mr Callum Sinclair\nCraigmore\nKirk Wynd\nAuchterarder\nPH3 1AB",
     ["Craigmore", "Kirk Wynd", "Auchterarder", "PH3 1AB"]),
])
def test_an_untitled_name_under_a_heading_is_no_address(text, spans):
    assert spans_of(text) == spans


# A label names an address by its last word (its numbering aside), not by a word anywhere in it.
@pytest.mark.parametrize(("text", "spans"), [
    ("County Council social worker: Sarah Jones\n", []),
    ("Home address: Bryn Awel\n", ["Bryn Awel"]),
    ("Address line 1: Bryn Awel\n", ["Bryn Awel"]),
    ("Town: Llanbedr\n", ["Llanbedr"]),
])
def test_a_label_names_an_address_by_its_last_word(text, spans):
    assert spans_of(text) == spans


# Two capitalised words before a postcode name a person unless they name a place.
@pytest.mark.parametrize(("text", "spans"), [
    ("Sarah Jones, Mark Jones, LS1 1AA\n", []),
    ("Sarah Jones, Rose Cottage, LS1 1AA\n", ["Rose Cottage"]),
])
def test_two_capitalised_words_naming_no_place_are_no_address(text, spans):
    assert spans_of(text) == spans


# Only a line holding a postcode can be an address block's postcode line: a message's or a
# row's other lines are not cut out and matched one by one (session 16).
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_only_the_lines_holding_a_postcode_are_read_as_a_blocks_last(line_break):
    segments = [f"PID-{n}: {n * 7}" for n in range(1, 30)]
    segments[10] = "PID-11: 3 Fore Street, Truro, TR1 2HE"
    segments[20] = "OBX-5: seen in clinic, postcode checked ls1 1aa"
    text = line_break.join(segments)
    assert postcode_lines(text, line_spans(text)) == [10]
    block = line_break.join(["Mr Callum Sinclair", "Craigmore", "Kirk Wynd", "Auchterarder",
                             "PH3 1AB", "", "2. Rhys Wyn Ellis  DOB 18 May 1925",
                             "Glan Ceri, Capel Dewi Fach, LD9 2XG"])
    bounds = line_spans(block)
    assert postcode_lines(block, bounds) == [4, 7]
    assert [block[start:end] for start, end in
            address_block_lines(block, places().reads_as_place)] == [
        "Craigmore", "Kirk Wynd", "Auchterarder", "PH3 1AB",
        "Glan Ceri, Capel Dewi Fach, LD9 2XG"]
