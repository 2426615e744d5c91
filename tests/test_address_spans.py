"""Where `recognizers.addresses` reads an address in text (session 13's review of it): the
words of each span it gives, exactly."""

from __future__ import annotations

import pytest

from recognizers.addresses import places


def spans_of(text: str) -> list[str]:
    return [text[start:end] for start, end in places().address_spans(text)]


# A letter's address block is read the same whatever its line breaks (`\r\n` from Windows, `\r`).
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_an_address_block_is_read_whatever_its_line_breaks(line_break):
    text = line_break.join(["Mr John Smith", "Bryn Awel", "Llanbedr", "LD9 7ES", ""])
    assert spans_of(text) == ["Bryn Awel", "Llanbedr", "LD9 7ES"]
