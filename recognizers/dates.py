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
# `12 April 1930`, `12th of April, 1930`, `12-Apr-30`
_WORD_DATE = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?{_DATE_GAP}([A-Za-z]+)\.?,?{_DATE_GAP}"
    rf"(\d{{4}}|\d{{2}})$")
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
    (a date of birth is moved back a century when that puts it in the future)."""
    year = int(written)
    if len(written) == 2:
        year += 1900 if year > 30 else 2000
    return year


def _numeric(first: str, second: str, third: str) -> date | None:
    if len(first) == 4:
        return _safe_date(int(first), int(second), int(third))
    if len(first) > 2 or len(third) not in (2, 4):
        return None
    return _safe_date(_year(third), int(second), int(first))


def parse_date(value: str) -> date | None:
    """The date a UK record means (day first), or None when it is not a date."""
    text = " ".join(value.strip().split())
    if match := _COMPACT_DATE.match(text):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC_DATE.match(text):
        return _numeric(match[1], match[2], match[3])
    if match := _WORD_DATE.match(text):
        return _safe_date(_year(match[3]), MONTHS.get(match[2].casefold()), int(match[1]))
    if match := _US_WORD_DATE.match(text):
        return _safe_date(int(match[3]), MONTHS.get(match[1].casefold()), int(match[2]))
    return None
