"""Postal addresses as written before their postcodes.

A letter goes to an address, and the inventory keeps only a postcode's keyed hash: the
address is the text written before the postcode (`postal_address`), on its line from a
house's or a flat's number, or on the lines above it, a letter's block or a row's labelled
parts. One written under or after an organisation's name (`Brighouse Medical Centre, 3 Church
Street, Brighouse HD6 1AA`, `seen at Todmorden Health Centre, 1 Lower George Street, ...`) is
the organisation's (`ends_as_organisation`: one list of organisation words), never a
person's: detection gives its postcode to staff (`phiscan.detect.records`), and a letter
never goes there (`phiscan.scoping.letters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recognizers.context import normalise_words
from recognizers.dates import MONTH_NAME
from recognizers.vocabulary import TITLES, ends_as_organisation

ADDRESS_LINES = 5  # lines above a postcode read for its address
# A label's words that name a part of an address (`Address`, `Address line 2`, `Town`,
# `Post code`): its value is a line of the address. Any other label (`DOB:`, `Name:`,
# `Status:`) ends the address.
ADDRESS_LABEL_WORDS = frozenset({
    "address", "addr", "street", "road", "town", "city", "county", "postcode", "post",
    "postal", "locality", "district", "village", "house", "flat", "building", "property",
    "residence", "line", "area"})
_LABEL = re.compile(r"^[ \t]*([A-Za-z][\w /'’().\-]{0,40}?)[ \t]*:[ \t]*")
# A day and its month (`26 August 1951 of 112 Sandholme Drive`): a date, not a house.
_DATE_START = re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH_NAME}\b")
# Where an address starts: a flat's or a house's number before capitalised words
# (`Flat 3, Orchard Lea`, `14 Park Road`, `12a High Street`), never inside a date or a time.
_ADDRESS_START = re.compile(
    r"(?<![\w/.:\-£$#])(?:(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit|[Mm]aisonette)\.?"
    r"[ \t]*\d{1,4}[A-Za-z]?\b|\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?[ \t]+[A-Z])")
_FLAT = re.compile(r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit|[Mm]aisonette)\.?[ \t]*"
                   r"\d{1,4}[A-Za-z]?(?:[ \t]+[A-Z][\w'’\-]*){0,3}")
# What ends the text before an address on its line: a label, a bracket, a dash between
# items, `of`/`at` (`Mr Graham Pickles (DOB ...) of 5 Bank Street`).
_BEFORE_ADDRESS = re.compile(r".*(?::|\(|\)|;|\||[ \t][-–][ \t]|\bof\b|\bat\b)")
_SENTENCE = re.compile(r"[.!?](?:[ \t]|$)|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")
MAX_ADDRESS_LINE_WORDS = 8


@dataclass(frozen=True)
class Address:
    """A postal address as written before its postcode, one string (`14 Park Road, Elland,
    HX5 0QT`); `organisation` when it is an organisation's (a letterhead's)."""

    text: str
    organisation: bool = False

    @property
    def parts(self) -> int:
        return self.text.count(",") + 1


def _label(line: str) -> tuple[str | None, str]:
    """(label, value) of a `Label: value` line, else (None, line)."""
    match = _LABEL.match(line)
    if match is None:
        return None, line
    return match.group(1), line[match.end():]


def _is_address_label(label: str) -> bool:
    return not ADDRESS_LABEL_WORDS.isdisjoint(normalise_words(label).split())


_NAME_JOINERS = frozenset({"and", "of", "&", "the", "for", "on", "upon"})


def _names_organisation(text: str) -> bool:
    """The text ends with an organisation's name: the capitalised words closing its last
    comma-separated part end as one does (`Brighouse Medical Centre`, `at Todmorden Health
    Centre`, `Calderdale and Huddersfield NHS Foundation Trust`); a sentence's lower-case
    words are no name (`Visit by the district nursing team, 4 Mill Lane ...`: the patient's
    home)."""
    words = text.strip(" \t,").rsplit(",", 1)[-1].split()
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in _NAME_JOINERS):
            break
        run.insert(0, word)
    while run and run[0].casefold() in _NAME_JOINERS:
        run.pop(0)
    return ends_as_organisation(normalise_words(" ".join(run)).split())


def _opens_with_title(text: str) -> bool:
    first = text.strip().split(maxsplit=1)
    return bool(first) and first[0].casefold().rstrip(".") in TITLES


def _split_line(segment: str) -> tuple[str, str, bool]:
    """(head, address part, whether the part opens with a house's or a flat's number) of the
    text before a postcode on its line."""
    for match in _ADDRESS_START.finditer(segment):
        part = segment[match.start():]
        if not re.search(r"[()\[\];|]", part) and not _DATE_START.match(part):
            return segment[:match.start()], part.strip(" \t,"), True
    cut = _BEFORE_ADDRESS.match(segment)
    head, tail = (segment[:cut.end()], segment[cut.end():]) if cut else ("", segment)
    pieces = [piece.strip() for piece in tail.split(",")]
    while pieces and _opens_with_title(pieces[0]):  # a name before the address
        head += pieces.pop(0) + ","
    part = ", ".join(piece for piece in pieces if piece)
    if part and (_SENTENCE.search(part) or len(part.split()) > 2 * MAX_ADDRESS_LINE_WORDS):
        return segment, "", False
    return head, part, False


def _line_above(text: str, line_start: int) -> tuple[str, int]:
    """The line before the one starting at `line_start`, and where it starts."""
    start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    return text[start:max(line_start - 1, 0)].rstrip("\r"), start


def postal_address(text: str, start: int, end: int) -> Address:
    """The address written before the postcode at text[start:end]: on its line from a
    house's or a flat's number (`... of 5 Bank Street, Todmorden OL14 5AA`), else with the
    lines above it up to the one opening with such a number (a letter's block: `14 Park
    Road` / `Elland` / `HX5 0QT`), or up to a name, a blank line or a label of something
    else; a row's labelled parts (`Address: 7 Moor Lane, Hebden Bridge` / `Postcode: ...`)
    are read as lines. An address under or after an organisation's name (`Brighouse Medical
    Centre, 3 Church Street, ...`) is the organisation's."""
    line_start = text.rfind("\n", 0, start) + 1
    label, before = _label(text[line_start:start])
    head, part, numbered = _split_line(before)
    parts = [part] if part else []
    organisation = _names_organisation(head) if head.strip(" \t,") else False
    at = line_start
    if not numbered and not head.strip(" \t,") and at > 0:
        for _ in range(ADDRESS_LINES):
            if at == 0:
                break
            line, at = _line_above(text, at)
            label, value = _label(line)
            value = value.strip(" \t,")
            if not value or (label is not None and not _is_address_label(label)):
                break
            if _names_organisation(value):
                organisation = True
                break
            if label is None and (_opens_with_title(value) or _SENTENCE.search(value)
                                  or len(value.split()) > MAX_ADDRESS_LINE_WORDS):
                break
            parts.insert(0, value)
            if _ADDRESS_START.match(value) and label is None:
                above, above_start = _line_above(text, at) if at else ("", 0)
                if _FLAT.fullmatch(above.strip(" \t,")):  # `Flat 2` / `12 High Street`
                    parts.insert(0, above.strip(" \t,"))
                    above = _line_above(text, above_start)[0] if above_start else ""
                organisation = organisation or bool(above.strip()) and _names_organisation(
                    _label(above)[1])
                break
    postcode = text[start:end].strip()
    return Address(", ".join([*parts, postcode]), organisation)
