"""Normalise detected values before hashing, so one person links across formats.

`943 476 5919` and `9434765919` hash alike; `SMITH, Jane`, `Mrs Jane Smith` and
`jane smith` hash alike; `22/10/2010`, `2010-10-22` and `20101022` hash alike.
"""

from __future__ import annotations

import re
from datetime import date

TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "rev",
     "revd", "master"]
)
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

_NON_DIGIT = re.compile(r"\D")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{1,4})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WORD_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_US_WORD_DATE = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def digits_only(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def normalise_name(value: str) -> str:
    """Order-free, case-free, title-free: `SMITH, Jane` == `Mrs Jane Smith`."""
    tokens = [token.casefold() for token in _NAME_TOKEN.findall(value)]
    tokens = [token for token in tokens if token.rstrip(".") not in TITLES]
    return " ".join(sorted(tokens))


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(value: str) -> str | None:
    """ISO date for the formats a UK record uses (day first), or None."""
    text = " ".join(value.strip().split())
    if match := _COMPACT_DATE.match(text):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC_DATE.match(text):
        first, second, third = match[1], match[2], match[3]
        if len(first) == 4:
            return _safe_date(int(first), int(second), int(third))
        year = int(third)
        if len(third) == 2:
            year += 1900 if year > 30 else 2000
        return _safe_date(year, int(second), int(first))
    if match := _WORD_DATE.match(text):
        month = MONTHS.get(match[2].casefold())
        return _safe_date(int(match[3]), month, int(match[1])) if month else None
    if match := _US_WORD_DATE.match(text):
        month = MONTHS.get(match[1].casefold())
        return _safe_date(int(match[3]), month, int(match[2])) if month else None
    return None


def normalise_phone(value: str) -> str:
    digits = digits_only(value)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


def normalise(entity_type: str, value: str) -> str:
    if entity_type in ("UK_NHS", "UK_CHI", "UK_HCN"):
        return digits_only(value)
    if entity_type == "PERSON":
        return normalise_name(value)
    if entity_type in ("DATE_OF_BIRTH", "DATE_TIME"):
        return normalise_date(value) or " ".join(value.casefold().split())
    if entity_type == "UK_POSTCODE":
        return "".join(value.upper().split())
    if entity_type == "UK_NINO":
        return "".join(value.upper().split())
    if entity_type in ("PHONE_NUMBER", "UK_PHONE"):
        return normalise_phone(value)
    return " ".join(value.casefold().split())
