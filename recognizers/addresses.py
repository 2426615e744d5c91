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
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import regex

from recognizers.context import Terms, normalise_words
from recognizers.uk_postcode_recognizer import POSTCODE_ANY_CASE
from recognizers.vocabulary import load_vocabulary

_CAPITALISED = r"\p{Lu}[\p{L}'’\-]*\p{L}"
# A house number (`121`, `12a`, `3-5`) and up to five capitalised words after it; after a
# flat's number, a comma may come first (`Flat 32, Orchard Lea`: the building).
HOUSE_NUMBER_THEN_WORDS = regex.compile(
    rf"(?<![\w/.:\-£$#])\d{{1,4}}[A-Za-z]?(?:[-–]\d{{1,4}})?"
    rf"(?:(?<=(?i:flat|apartment|apt|maisonette)\.?[ \t]*\d{{1,4}}[A-Za-z]?),)?[ \t]+"
    rf"((?:{_CAPITALISED}[ \t]+){{0,4}}{_CAPITALISED})(?![\w'’\-])")
# After the street: its town (up to two capitalised words) and a postcode, on the line.
TOWN_AND_POSTCODE = regex.compile(
    rf"(?:[ \t]*,?[ \t]*{_CAPITALISED}(?:[ \t]+{_CAPITALISED})?)?[ \t]*,?[ \t]*"
    rf"{POSTCODE_ANY_CASE}")
# Words before a number that count something other than houses.
NUMBERING_WORDS = Terms(["bed", "bay", "room", "rm", "ward", "side room", "chair", "cubicle",
                         "trolley", "pt", "patient", "client", "no", "number", "age", "aged",
                         "visit", "day", "week", "page", "item", "case", "ext", "bleep",
                         "extension", "line", "row", "table", "level", "floor", "step",
                         "stage", "band", "grade", "year", "years", "x", "list", "slot"])
_WORD_BEFORE = regex.compile(r"(\p{L}+)\.?[ \t]*$")
SAINTS = frozenset({"st", "saint", "ste"})
# A full name's home written after it and its comma (`Mrs Gwenllian Pritchard, Bryn Awel,
# Llanbedr (DOB ...)`: a house named, not numbered, and its village): what stands between
# the name and the next capitalised words, and what follows those up to the name's date of
# birth or number.
ADDRESS_AFTER_NAME = regex.compile(r",(?:[ ]+\p{Lu}[\p{L}'’\-]*,?)*[ ]+")
_ON_TO_IDENTIFIER = regex.compile(
    r"(?:,?[ ]+\p{Lu}[\p{L}'’\-]*)*,?[ ]*[(\-–]?[ ]*"
    r"(?:DOB|D\.O\.B|Dob|DoB|dob|[Bb]orn|NHS|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})")


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

    def address_spans(self, text: str) -> list[tuple[int, int]]:
        """Where text writes a house number and its street (with the town and postcode
        after it when they follow on the line)."""
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
        return spans

    def _street_end(self, text: str, match: regex.Match) -> int | None:
        """The end of the street's name: its last street word, or all its words when a
        postcode follows; None when the words name no street."""
        words = list(regex.finditer(_CAPITALISED, text, pos=match.start(1), endpos=match.end(1)))
        for word in reversed(words):
            if normalise_words(word[0]).strip() in self.street_words:
                return word.end()
        return match.end(1) if TOWN_AND_POSTCODE.match(text, match.end(1)) else None


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
    return (ADDRESS_AFTER_NAME.fullmatch(text, name_end, start) is not None
            and _ON_TO_IDENTIFIER.match(text, end) is not None)


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(span_start < end and start < span_end for span_start, span_end in spans)
