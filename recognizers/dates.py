"""Dates as a UK record writes them (day first), parsed without guessing.

Shared by the date-of-birth and home-access recognizers, and by phiscan's
normaliser so `22/10/2010`, `2010-10-22` and `20101022` hash alike.
"""

from __future__ import annotations

from datetime import date

import regex as re

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                  "nov", "dec")
MONTH_NAME = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_GAP = r"(?:\s+|[\-/.])"  # `12 April 1930`, `12-Apr-1930`
# `12 April 1930`, `12th of April, 1930`, `12-Apr-30`, `12th Apr '30`
_WORD_DATE = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?{_DATE_GAP}([A-Za-z]+)\.?,?{_DATE_GAP}"
    rf"(\d{{4}}|['’]?\d{{2}})$")
_US_WORD_DATE = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def _safe_date(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(written: str) -> int:
    """A two-digit year as a record means it: up to 30 this century, then the last
    (a date of birth reads it in the latest century that puts it in the past:
    `parse_birth_date`)."""
    year = int(written)
    if len(written) == 2:
        year += 1900 if year > 30 else 2000
    return year


def _parts(value: str) -> tuple[str, int | None, int] | None:
    """(the year as written, month, day) of a UK date (day first), or None."""
    text = " ".join(value.strip().split())
    if match := _COMPACT_DATE.match(text):
        return match[1], int(match[2]), int(match[3])
    if match := _NUMERIC_DATE.match(text):
        first, second, third = match[1], match[2], match[3]
        if len(first) == 4:
            return first, int(second), int(third)
        if len(first) > 2 or len(third) not in (2, 4):
            return None
        return third, int(second), int(first)
    if match := _WORD_DATE.match(text):
        return match[3].lstrip("'’"), MONTHS.get(match[2].casefold()), int(match[1])
    if match := _US_WORD_DATE.match(text):
        return match[3], MONTHS.get(match[1].casefold()), int(match[2])
    return None


def parse_date(value: str) -> date | None:
    """The date a UK record means (day first), or None when it is not a date."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    return _safe_date(_year(year), month, day)


def parse_birth_date(value: str, today: date | None = None) -> date | None:
    """A date of birth as a record means it: never in the future, so a two-digit year is
    read in the latest century that puts the date in the past (`12/04/30` is 1930 and
    `12/04/25` 2025 in 2026: which century a two-digit year means is not written, and
    `birth_key` leaves it out)."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    today = today or date.today()
    readings = [int(year)] if len(year) != 2 else [2000 + int(year), 1900 + int(year)]
    for reading in readings:
        parsed = _safe_date(reading, month, day)
        if parsed is not None and parsed <= today:
            return parsed
    return None


def birth_key(value: str) -> str | None:
    """One key for a date of birth in every form, without its century (`dd/mm/yy`):
    `12/04/25`, `12 Apr 1925` and `1925-04-12` give the same key, so a record that
    writes the year in two digits links by the day, month and year of the century
    rather than by a guessed century (a mistyped future year keeps its key too); None
    when it is not a real date."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    parsed = _safe_date(_year(year), month, day) or parse_birth_date(value)  # 29/02/32: 1932
    if parsed is None:
        return None
    return f"{parsed.day:02d}/{parsed.month:02d}/{parsed.year % 100:02d}"
