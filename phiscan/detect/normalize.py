"""Normalise detected values before hashing, so one person links across formats.

`943 476 5919` and `9434765919` hash alike; `SMITH, Jane`, `Mrs Jane Smith` and
`jane smith` hash alike; `22/10/2010`, `2010-10-22` and `20101022` hash alike.
"""

from __future__ import annotations

import re

from recognizers.dates import parse_date

TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "rev",
     "revd", "master"]
)
_NON_DIGIT = re.compile(r"\D")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def digits_only(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def normalise_name(value: str) -> str:
    """Order-free, case-free, title-free: `SMITH, Jane` == `Mrs Jane Smith`."""
    tokens = [token.casefold() for token in _NAME_TOKEN.findall(value)]
    tokens = [token for token in tokens if token.rstrip(".") not in TITLES]
    return " ".join(sorted(tokens))


def normalise_date(value: str) -> str | None:
    """ISO date for the formats a UK record uses (day first), or None."""
    parsed = parse_date(value)
    return parsed.isoformat() if parsed else None


def normalise_phone(value: str) -> str:
    digits = digits_only(value)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits
