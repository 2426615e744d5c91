"""What a related person is to the record's person (`daughter`, `neighbour`), where the record
says it beside their name: a bracket or a comma after it (`Karen Jones (daughter)`, `Lee
Pollitt, nephew`), a word or label just before it (`her son Mark Bell`, `Daughter: Ann Hill`),
or, in a row, the relationship cell of the same contact (`Responder 1 | Resp 1 Relationship`,
`NOK name | NOK relationship`). One word of `recognizers/data/relatives.txt` (the one
vocabulary of relatives), lower case; '' when the record does not say. A letter after a death
goes to a next of kin by what they are to the person (`individuals --export`, `next_of_kin`).
"""

from __future__ import annotations

import re
from functools import cache

from phiscan.model import TextUnit
from recognizers.relatives import relatives, words_pattern

# How far before or after a name its relation may be written.
REACH = 40
_NUMBER = re.compile(r"\d+")


@cache
def _after() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]*(?:\([^\S\n]*|,[^\S\n]*|[^\S\n]+[-\u2013][^\S\n]*)"
                      rf"(?:(?:her|his|their|the|client['\u2019]s|pt['\u2019]s)[^\S\n]+)?"
                      rf"(?P<word>{words_pattern(relatives())})(?![\w])", re.IGNORECASE)


@cache
def _before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?P<word>{words_pattern(relatives())})(?:['\u2019]s)?"
                      r"[^\S\n]*(?:\([^)\n]{0,20}\))?[^\S\n]*[:\-\u2013]?[^\S\n]*"
                      r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[^\S\n]+)?\Z", re.IGNORECASE)


@cache
def _cell() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]*(?P<word>{words_pattern(relatives())})[^\S\n]*\Z",
                      re.IGNORECASE)


def _word(match: re.Match[str] | None) -> str:
    return "" if match is None else " ".join(match["word"].casefold().replace("-", " ").split())


def relation_near(text: str, start: int, end: int) -> str:
    """The relation written right after the name text[start:end], else right before it."""
    after = _word(_after().match(text, end, min(len(text), end + REACH)))
    if after:
        return after
    return _word(_before().search(text, max(0, start - REACH), start))


def _relation_cell(unit: TextUnit, name_field: str) -> str | None:
    """The row's relationship field of the contact in `name_field`: the one with the same
    number (`Resp 1 Relationship` for `Responder 1`), else the row's only one."""
    fields = [span.name for span in unit.fields if "relation" in span.name.casefold()]
    numbers = _NUMBER.findall(name_field)
    if numbers:
        fields = [name for name in fields if _NUMBER.findall(name) == numbers]
    return fields[0] if len(fields) == 1 else None


def relation_of(unit: TextUnit, start: int, end: int, field: str | None) -> str:
    """What the related person named at text[start:end] is to the record's person."""
    if field is not None and unit.fields and (cell := _relation_cell(unit, field)):
        span = next(span for span in unit.fields if span.name == cell)
        value = _word(_cell().match(unit.text, span.start, span.end))
        if value:
            return value
    return relation_near(unit.text, start, end)
