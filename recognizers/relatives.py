"""One vocabulary of a person's relatives and the people around them (`data/relatives.txt`),
read by every rule that asks whether a word names someone else than the record's person:

- `HOME_ACCESS`: every entry is a key holder (with `home_access_keyholders.txt`); a family
  word is also whose own way in a lock may be (`Nan's back door`), who is somewhere (`son is
  at work`) and who a bracket describes (`Mum (dementia)`);
- `LIFE_STATE`: a death or a move right after any entry is theirs (`Husband deceased`).

Entries are lower case; the rules read them in any case, with a possessive or a plural.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers.vocabulary import DATA_DIR, read_classes

FILE = "relatives.txt"


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    return {name: tuple(entries) for name, entries in read_classes(DATA_DIR / FILE).items()}


def family() -> tuple[str, ...]:
    """Relatives by blood, marriage or partnership (`[family]`)."""
    return _classes()["family"]


def relatives() -> tuple[str, ...]:
    """Every entry: the family and the people around the person (`[others]`: a friend, a
    neighbour, a carer, a lodger)."""
    return (*family(), *_classes()["others"])


def words_pattern(words: tuple[str, ...]) -> str:
    """A regex alternation of `words`, longest first, a space or a hyphen between words read
    as any run of either on one line (`son-in-law`, `next door`); no group, no case flag."""
    forms = sorted(words, key=len, reverse=True)
    return "|".join(r"(?:[^\S\n]|-)+".join(re.escape(part) for part in re.split(r"[-\s]+", form))
                    for form in forms)
