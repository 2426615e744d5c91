"""Addresses written in text, which are never a person's name.

A reader knows `121 Mill Fold, Hartside NV4 1EZ` for an address without a label: a house
number before capitalised words makes them a street when their last word names a street
or a building (`place_words.txt`: `Lane`, `Mews`, `Cottage`; `street_words_after_number.txt`:
words that are surnames too, `Fold`, `Hill`, `Bank`, streets only after a number), or when
a postcode follows on the line (`121 Mill Fold, NV4 1EZ`). A name found there (spaCy
reads `Mill Fold` as a person; `3 Priory Gardens, Hartside, DOB ...` looks like
`SURNAME, Forename` before a date of birth) is no person's. A number after a word that
numbers something else (`Bed 4 Mary Hill`, `Room 12`, `Ward 7`) is no house number, nor
is one inside a date, a time or a reference (`12/04`, `10:30`, `#12`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import regex

from recognizers.compiled_patterns import prebuilt
from recognizers.context import Terms, normalise_words
from recognizers.uk_postcode_recognizer import POSTCODE, POSTCODE_ANY_CASE
from recognizers.vocabulary import TITLES, load_vocabulary, organisation_words

_CAPITALISED = r"\p{Lu}[\p{L}'’\-]*\p{L}"
# A house number (`121`, `12a`, `3-5`) and up to five capitalised words after it; after a
# flat's number, a comma may come first (`Flat 32, Orchard Lea`: the building).
HOUSE_NUMBER_THEN_WORDS = prebuilt(
    rf"(?<![\w/.:\-£$#])\d{{1,4}}[A-Za-z]?(?:[-–]\d{{1,4}})?"
    rf"(?:(?<=(?i:flat|apartment|apt|maisonette)\.?[ \t]*\d{{1,4}}[A-Za-z]?),)?[ \t]+"
    rf"((?:{_CAPITALISED}[ \t]+){{0,4}}{_CAPITALISED})(?![\w'’\-])")
# After the street: its town (up to two capitalised words) and a postcode, on the line.
TOWN_AND_POSTCODE = prebuilt(
    rf"(?:[ \t]*,?[ \t]*{_CAPITALISED}(?:[ \t]+{_CAPITALISED})?)?[ \t]*,?[ \t]*"
    rf"{POSTCODE_ANY_CASE}")
# Words before a number that count something other than houses.
NUMBERING_WORDS = Terms(["bed", "bay", "room", "rm", "ward", "side room", "chair", "cubicle",
                         "trolley", "pt", "patient", "client", "no", "number", "age", "aged",
                         "visit", "day", "week", "page", "item", "case", "ext", "bleep",
                         "extension", "line", "row", "table", "level", "floor", "step",
                         "stage", "band", "grade", "year", "years", "x", "list", "slot"])
_WORD_BEFORE = prebuilt(r"(\p{L}+)\.?[ \t]*$")
SAINTS = frozenset({"st", "saint", "ste"})
# A full name's home written after it and its comma (`Mrs Gwenllian Pritchard, Bryn Awel,
# Llanbedr (DOB ...)`: a house named, not numbered, and its village), or after a list
# item's separator and the person's age (`FORBES, Morag - 88 - Burnside, Lochend - NHS
# ...`: the item's segments say who, how old, where): what stands between the name and the
# next capitalised words, and what follows those up to the name's date of birth or number.
_ITEM_SEPARATOR = r"[ ]+[-–|]"
_AGE_SEGMENT = r"(?:aged[ ])?\d{1,3}[ ]?(?:y|yo|yrs?|years|[MF])?"
ADDRESS_AFTER_NAME = prebuilt(
    rf"(?:,|{_ITEM_SEPARATOR})(?:[ ]+(?:\p{{Lu}}[\p{{L}}'’\-]*|{_AGE_SEGMENT})"
    rf"(?:,|{_ITEM_SEPARATOR})?)*[ ]+")
_SEPARATED = prebuilt(_ITEM_SEPARATOR)
_ON_TO_IDENTIFIER = prebuilt(
    r"(?:,?[ ]+\p{Lu}[\p{L}'’\-]*)*[,.]?[ ]*[(\-–]?[ ]*"
    r"(?:DOB|D\.O\.B|Dob|DoB|dob|[Bb]orn|NHS|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})")


# Field names whose value is an address (`Address:`, `Cyfeiriad:`, read `address` through
# `form_labels.txt`; a CSV column, HL7 `PID-11 address`, FHIR `address[0].line[0]`): NER
# reads no name there, and no rule does in `ADDRESS_VALUE_FIELDS` (a `Key location` may
# name the neighbour who holds it).
_ADDRESS_VALUE_WORDS = ("address", "addr", "street", "road", "town", "city", "county")
ADDRESS_FIELDS = Terms([*_ADDRESS_VALUE_WORDS, "location", "residence"])
ADDRESS_VALUE_FIELDS = Terms(_ADDRESS_VALUE_WORDS)
# A label's numbering after its address word (`Address line 1`, `address 2`).
_LABEL_NUMBERING = prebuilt(r"(?: line| \d+)+ $")
_FIELD_VALUE = prebuilt(r"(?m)^[ \t]*([^:\n\r]{1,80}?):[ \t]+([^\n\r]*)")
# Where a postcode shows the words before it are an address (`recognizers.addresses`,
# session 13): the segments of a line before its postcode (split at commas and list
# separators), and the lines of a block above a postcode line.
POSTCODE_AT = prebuilt(POSTCODE)
_SEGMENT_BREAK = prebuilt(r",|[ \t]+[-–—|][ \t]+")
# A segment of an address: a house number at most, then capitalised words with the short
# lower-case words of place names between (`Heol y Llan`, `Stow on the Wold`).
_ADDRESS_SEGMENT = prebuilt(
    rf"(?:\d{{1,4}}[A-Za-z]?[ \t]+)?{_CAPITALISED}"
    rf"(?:[ \t]+(?:{_CAPITALISED}|y|yr|on|upon|the|le|in|by|under|cum|de|la|of)){{0,5}}")
# A line of an address block: no label, no date, short.
_BLOCK_LINE = prebuilt(
    rf"[ \t]*{_ADDRESS_SEGMENT.pattern}(?:[ \t]*,[ \t]*{_ADDRESS_SEGMENT.pattern})*[ \t]*,?[ \t]*")
_POSTCODE_LINE = prebuilt(
    rf"[ \t]*(?:{_ADDRESS_SEGMENT.pattern}(?:[ \t]*,[ \t]*{_ADDRESS_SEGMENT.pattern})*"
    rf"[ \t]*,?[ \t]+)?{POSTCODE}[ \t]*,?[ \t]*")
# A person's identity line: the label of a date of birth or an NHS number on it (a date
# alone may be a heading's: `Visits 3/12/2026`).
_IDENTITY_LINE = prebuilt(r"(?i:\b(?:dob|d\.o\.b|born|date of birth|nhs)\b)")
MAX_BLOCK_LINES = 6
_TWO_CAPITALISED = prebuilt(rf"{_CAPITALISED}[ \t]+{_CAPITALISED}")
_A_HOUSE_NUMBER = prebuilt(r"(?<![\w/.:\-])\d{1,4}[A-Za-z]?\b")
# Up to three capitalised words right after a word (`Lavender| Close`, `Heather| Bank Road`).
_WORDS_AFTER = prebuilt(rf"(?:[ \t]+{_CAPITALISED}){{1,3}}")


class Places:
    """The place-word vocabularies (shipped, and a configured folder's)."""

    def __init__(self, vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        self.place_words = frozenset(
            normalise_words(word).strip()
            for word in load_vocabulary("place_words.txt", vocabulary_dirs))
        self.place_heads = frozenset(
            folded_word(word) for word in load_vocabulary("place_heads.txt", vocabulary_dirs))
        self.street_words = self.place_words | frozenset(
            normalise_words(word).strip()
            for word in load_vocabulary("street_words_after_number.txt", vocabulary_dirs))

    def ends_with_place_word(self, value: str) -> bool:
        """Whether capitalised words name a place wherever they stand (`Hawthorn House`)."""
        words = value.split()
        return bool(words) and normalise_words(words[-1]).strip() in self.place_words

    def names_place(self, value: str) -> bool:
        """Whether capitalised words name a place, by their last word (`Hawthorn House`,
        `Harbour View B&B`), by their first (`place_heads.txt`: `The Old Forge`, `Tŷ Gwyn`,
        `Plas Newydd`), or as a saint's possessive (`St Peter's`, `St Brendan's`: a church,
        a hostel, a hospital, never a person's name)."""
        words = value.split()
        if len(words) < 2:
            return self.ends_with_place_word(value)
        first = folded_word(words[0])
        return (self.ends_with_place_word(value) or first in self.place_heads
                or (first in SAINTS and words[-1].endswith(("'s", "’s"))))

    def reads_as_place(self, line: str) -> bool:
        """Whether a line reads as a place: a house number, a street's word, or words that
        name a place (`names_place`)."""
        words = [normalise_words(word).strip() for word in regex.findall(_CAPITALISED, line)]
        return (_A_HOUSE_NUMBER.search(line) is not None
                or any(word in self.street_words for word in words)
                or any(self.names_place(part) for part in line.split(",")))

    def opens_home_name(self, text: str, start: int, end: int) -> bool:
        """Whether capitalised words at text[start:end] open the name of a street or a home:
        capitalised words after them end in a place word that is no organisation's
        (`Lavender Close`, `Camomile Cottage`, `Sage Tree Farm`; not `Warfarin Clinic`)."""
        if not text[start:end][:1].isupper():
            return False
        after = _WORDS_AFTER.match(text, end)
        if after is None:
            return False
        words = [normalise_words(word).strip() for word in after[0].split()]
        return any(word in self.place_words and word not in organisation_words()
                   for word in words)

    def address_spans(self, text: str) -> list[tuple[int, int]]:
        """Where text writes a house number and its street (with the town and postcode
        after it when they follow on the line)."""
        return list(_address_spans(self, text))

    def find_address_spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in HOUSE_NUMBER_THEN_WORDS.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = _WORD_BEFORE.search(text[max(line_start, match.start() - 20):match.start()])
            if before and NUMBERING_WORDS.equals(normalise_words(before[1])):
                continue
            end = self._street_end(text, match)
            if end is None:
                continue
            after = TOWN_AND_POSTCODE.match(text, end)
            spans.append((match.start(), after.end() if after else end))
        if POSTCODE_AT.search(text):
            spans += segments_before_postcodes(text, self.names_place) + address_block_lines(
                text, self.reads_as_place)
        return spans + address_field_values(text)

    def _street_end(self, text: str, match: regex.Match) -> int | None:
        """The end of the street's name: its last street word, or all its words when a
        postcode follows; None when the words name no street."""
        words = list(regex.finditer(_CAPITALISED, text, pos=match.start(1), endpos=match.end(1)))
        for word in reversed(words):
            if normalise_words(word[0]).strip() in self.street_words:
                return word.end()
        return match.end(1) if TOWN_AND_POSTCODE.match(text, match.end(1)) else None


@lru_cache(maxsize=2)  # the unit both the medicines' recognizer and the name pass read
def _address_spans(where: Places, text: str) -> tuple[tuple[int, int], ...]:
    return tuple(where.find_address_spans(text))


def address_field_values(text: str) -> list[tuple[int, int]]:
    """The values of a text's `name: value` lines whose name's last word (but its numbering:
    `Address line 1`) is an address's (`Home address`, not `County Council social worker`)."""
    if ":" not in text:
        return []
    return [match.span(2) for match in _FIELD_VALUE.finditer(text)
            if match[2].strip() and ADDRESS_VALUE_FIELDS.ends(
                _LABEL_NUMBERING.sub(" ", normalise_words(match[1])))]


def segments_before_postcodes(text: str, names_place: Callable[[str], bool]
                              ) -> list[tuple[int, int]]:
    """The segments of a line right before its postcode that name a house, a street or a
    village (`Re: Mrs Glenys Pugh, Tŷ Isaf, Bryncelyn Uchaf, LD9 7ES`: `Tŷ Isaf`,
    `Bryncelyn Uchaf`). A run of such segments that opens the line (or a label's value)
    keeps its first segment out, as the person's name comes first there (`Glenys Pugh, Tŷ
    Isaf, ...`); a segment in capitals, or right after one, is a name (`PUGH, Glenys`), and
    so is one of exactly two capitalised words that names no place (`Sarah Jones, Mark Jones,
    LS1 1AA`)."""
    spans = []
    for postcode in POSTCODE_AT.finditer(text):
        line_start = max(text.rfind("\n", 0, postcode.start()),
                         text.rfind("\r", 0, postcode.start())) + 1
        value_start = text.rfind(":", line_start, postcode.start()) + 1 or line_start
        segments = _segments(text, value_start, postcode.start())
        run: list[tuple[int, int]] = []
        for index in range(len(segments) - 1, -1, -1):
            start, end = segments[index]
            value = text[start:end]
            if (not _ADDRESS_SEGMENT.fullmatch(value) or value.isupper()
                    or value.split()[0].casefold().rstrip(".") in TITLES
                    or _TWO_CAPITALISED.fullmatch(value) and not names_place(value)
                    and not _after_a_place(text, segments[:index], names_place)):
                break
            run.insert(0, (start, end))
        if not run:
            continue
        opens = len(run) == len(segments)
        before = segments[len(segments) - len(run) - 1] if len(run) < len(segments) else None
        after_capitals = before is not None and text[before[0]:before[1]].isupper()
        spans += run[1:] if opens or after_capitals else run
    return spans


def _after_a_place(text: str, before: list[tuple[int, int]],
                   names_place: Callable[[str], bool]) -> bool:
    """Whether the segment before names a place (`Flat 12, Priory Court, Beck Side,
    Harrowfield HX9 7UY`: `Beck Side` is a street after a block's name, where a person's
    name would come first: `Sarah Jones, Mark Jones, LS1 1AA`)."""
    return bool(before) and names_place(text[before[-1][0]:before[-1][1]])


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty parts of text[start:end] between commas and list separators, trimmed."""
    parts, at = [], start
    for cut in [*_SEGMENT_BREAK.finditer(text, start, end), None]:
        stop = end if cut is None else cut.start()
        value = text[at:stop]
        if value.strip():
            lead = len(value) - len(value.lstrip())
            parts.append((at + lead, at + len(value.rstrip())))
        if cut is not None:
            at = cut.end()
    return parts


def address_block_lines(text: str, reads_as_place: Callable[[str], bool]
                        ) -> list[tuple[int, int]]:
    """The lines of an address block between its first line (the addressee or the
    organisation) and its postcode line, that one's town included (`Mr Callum Sinclair` /
    `Craigmore` / `Kirk Wynd` / `Auchterarder` / `PH3 1AB`). The block runs up from a
    postcode line over lines of capitalised words only (no label, date or sentence) to
    a blank line, a titled name's line or at most `MAX_BLOCK_LINES` lines. A postcode line
    right under a person's identity line (`2. Rhys Wyn Ellis  DOB 18 May 1925` / `Glan Ceri,
    Capel Dewi Fach, LD9 2XG`) is that person's address, whole. Under a top line with no
    title (a heading, `PRIVATE AND CONFIDENTIAL`, `Referral`), the next line is the
    addressee's name unless it reads as a place (`reads_as_place`), and is left out."""
    bounds = line_spans(text)
    lines = _Lines(text, bounds)
    spans = []
    for index in postcode_lines(text, bounds):
        line = lines[index]
        if not _POSTCODE_LINE.fullmatch(line):
            continue
        first = index
        while (first > 0 and index - first < MAX_BLOCK_LINES
               and _BLOCK_LINE.fullmatch(lines[first - 1])
               and not _titled(lines[first])):
            first -= 1
        if first == index:
            if index > 0 and _under_identity(lines[index - 1]) and not _titled(line):
                spans.append(bounds[index])  # the home of the person named just above
            continue
        if first + 1 < index and not _titled(lines[first]) and not reads_as_place(
                lines[first + 1]):
            first += 1  # (the addressee's name under a heading)
        spans += bounds[first + 1:index + 1]
    return spans


_LINE_BREAK = prebuilt(r"\r\n|\r|\n")


def postcode_lines(text: str, bounds: list[tuple[int, int]]) -> list[int]:
    """The indices, in order, of the lines (`bounds`) holding a postcode: the only lines a
    postcode line (`_POSTCODE_LINE`) can be. A postcode holds no line break and what it looks
    at either side is no word character there as at a line's end, so one matched in a line
    alone is matched in the text too; a message or a row of thirty lines is not split into
    thirty strings for its one postcode."""
    starts = [start for start, _end in bounds]
    return sorted({bisect_right(starts, postcode.start()) - 1
                   for postcode in POSTCODE_AT.finditer(text)})


class _Lines:
    """A text's lines by index, each cut from the text when first asked for."""

    def __init__(self, text: str, bounds: list[tuple[int, int]]) -> None:
        self.text, self.bounds, self.cut = text, bounds, {}

    def __getitem__(self, index: int) -> str:
        line = self.cut.get(index)
        if line is None:
            start, end = self.bounds[index]
            line = self.cut[index] = self.text[start:end]
        return line


def line_spans(text: str) -> list[tuple[int, int]]:
    """Where each of a text's lines starts and ends, its line break (`\\r\\n`, `\\r` or
    `\\n`) left out."""
    breaks = list(_LINE_BREAK.finditer(text))
    starts = [0, *(line_break.end() for line_break in breaks)]
    ends = [*(line_break.start() for line_break in breaks), len(text)]
    return list(zip(starts, ends, strict=True))


def _under_identity(line: str) -> bool:
    """A line naming a person by an identifier's label (`2. Rhys Wyn Ellis  DOB 18 May 1925`),
    with no postcode of its own: the postcode line under it is that person's home."""
    return _IDENTITY_LINE.search(line) is not None and POSTCODE_AT.search(line) is None


def _titled(line: str) -> bool:
    words = line.split()
    return bool(words) and words[0].casefold().rstrip(".") in TITLES


def folded_word(word: str) -> str:
    """A word in lower case without its accents or a final dot (`Tŷ` = `ty`, `St.` = `st`)."""
    decomposed = unicodedata.normalize("NFKD", word.strip().rstrip(".").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def places(vocabulary_dirs: tuple[str, ...] = ()) -> Places:
    return Places(vocabulary_dirs)


def is_address_after_name(text: str, name_end: int, start: int, end: int) -> bool:
    """Whether capitalised words at text[start:end] are the home of the name ending at
    `name_end`: only its comma and capitalised words between, and only capitalised words
    after them up to the name's date of birth or number (`Mrs Gwenllian Pritchard, Bryn
    Awel, Llanbedr (DOB ...)`: `Bryn Awel` is no second person)."""
    return (is_home_after(text, name_end, start)
            and _ON_TO_IDENTIFIER.match(text, end) is not None)


def is_home_after(text: str, name_end: int, start: int) -> bool:
    """Whether only the name's comma, or an item's separators and the person's age, and
    capitalised words stand between a name ending at `name_end` and words at `start`. Past
    an item's separator, a name whose first word is in capitals (`Ann Smith - SMITH,
    John (DOB ...)`) is the next person's, not a place."""
    if ADDRESS_AFTER_NAME.fullmatch(text, name_end, start) is None:
        return False
    first = text[start:start + 40].split(None, 1)[:1]
    return not (_SEPARATED.search(text, name_end, start) and first
                and first[0].rstrip(",").isupper())


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(span_start < end and start < span_end for span_start, span_end in spans)
