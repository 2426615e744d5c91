"""Fields that hold one part of a name (`forename`, `client_surname`, `Last Name`): one
definition for the split-name join (`phiscan.detect.split_names`) and for the name-field
recognizer, which reads a lower-case part in such a field as a name's part."""

from __future__ import annotations

from functools import lru_cache

from recognizers.context import normalise_words

GIVEN_WORDS = ("forename", "forenames", "first name", "firstname", "given", "given name",
               "given names", "christian name", "christian names", "first names", "fname",
               "first")  # `client_first` beside `client_surname`, `FIRST` beside `LAST`
FAMILY_WORDS = ("surname", "last name", "lastname", "family", "family name", "lname", "last")
MIDDLE_WORDS = ("middle name", "middle names", "middlename", "middle", "other forenames")


@lru_cache(maxsize=4096)
def part_prefix(field: str, words: tuple[str, ...]) -> str | None:
    """The field's prefix when it ends with one of `words` (digits ignored), else None.
    Remembered per field name: every row of an extract asks it of the same columns."""
    normalised = " ".join(word for word in normalise_words(field).split()
                          if not word.isdigit() and len(word) > 1)  # `Forename(s)`, `name[0]`
    for word in sorted(words, key=len, reverse=True):
        if normalised == word or normalised.endswith(" " + word):
            return normalised[: len(normalised) - len(word)].strip()
    return None


def holds_a_name_part(field: str) -> bool:
    """Whether the field holds a forename, a middle name or a surname alone."""
    return any(part_prefix(field, words) is not None
               for words in (GIVEN_WORDS, FAMILY_WORDS, MIDDLE_WORDS))
