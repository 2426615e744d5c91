"""Word lists phiscan reads at run time (plain text, one or more words a line)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent
FIELD_WORDS_FILE = DATA_DIR / "field_words.txt"


@cache
def field_words() -> frozenset[str]:
    """The words column names are made of (`surname`, `forename`, `dob`): a header reads
    as one by them, and a name made of them only is a column's name, never a person's."""
    return frozenset(word for line in FIELD_WORDS_FILE.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#") for word in line.split())
