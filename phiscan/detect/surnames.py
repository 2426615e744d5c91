"""`Mr Nolan` is the one person of that surname a text names in full, when the title fits.

A title and a surname alone (`Mr Nolan's key safe is 4821`, `Mrs Hartley approved the
purchase`) names nobody on its own: it may be any of a family. Inside one text (a file, a
page) it names the one person the text writes in full with that surname, and only then:

- exactly one full-name key of the text has that surname (a couple, a parent and child, a
  brother named beside the person: two keys, no join);
- that person is written with a title somewhere in the text, every such title of one class
  with the mention's (`Mr`; `Mrs`, `Ms`, `Miss`; any other title only itself): `Mr` never
  joins a name written `Mrs`, `Dr Patel` never `Mr Raj Patel`, and a name never written
  with a title joins nobody (`Client: Daniel Okafor` then `Mrs Okafor rang`: his mother,
  not him).

The mention then carries the full name's keyed hash and mask (computed from the full name
already found in the text, so nothing new is kept), so its record links to that person and
its role spreads as the full name's does (`phiscan.detect.roles.spread_roles`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from phiscan.detect.normalize import TITLES, is_title, name_parts, normalise_name

MALE_TITLES = frozenset({"mr", "master", "sir", "lord"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady"})
POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")


def title_class(word: str) -> str:
    """`m` or `f` for a title that says a sex (`Mrs`, `Ms` and `Miss` are one class), else
    the title itself (`dr`, `mx`, `prof`: `Dr Patel` is never `Mr Raj Patel`)."""
    title = word.casefold().rstrip(".")
    return "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else title


def titled_surname(raw: str) -> tuple[str, str] | None:
    """(title, surname key) of `Mr Nolan`, `MRS O'NEILL`, `Mr Nolan's`; None for any other
    shape."""
    words = raw.split()
    if len(words) != 2 or not is_title(words[0]):
        return None
    surname = words[1]
    for ending in POSSESSIVE_ENDINGS:
        if surname.endswith(ending):
            surname = surname[:-len(ending)]
            break
    _given, family = name_parts(surname)
    if len(family) != 1 or family[0].casefold() in TITLES:
        return None
    return words[0], family[0].casefold().split("-")[-1]


def full_name_of(raw: str) -> tuple[str, str, str | None] | None:
    """(key, surname key, its title's class or None when untitled) of a full name; None
    when the value is no full name."""
    given, family = name_parts(raw)
    if not given or not family:
        return None
    first = raw.split(None, 1)[0]
    return (normalise_name(raw), family[-1].casefold().split("-")[-1],
            title_class(first) if is_title(first) else None)


def surname_owners(names: Sequence[str]) -> dict[int, int]:
    """For each title-and-surname mention among a text's names (by index), the index of a
    mention of the one full name it stands for (rules above)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    first_index: dict[str, int] = {}
    for index, raw in enumerate(names):
        full = full_name_of(raw)
        if full is None:
            continue
        key, surname, title = full
        by_surname[surname].add(key)
        first_index.setdefault(key, index)
        if title is not None:
            titles[key].add(title)
    owners = {}
    for index, raw in enumerate(names):
        mention = titled_surname(raw)
        if mention is None or len(by_surname.get(mention[1], ())) != 1:
            continue
        (key,) = by_surname[mention[1]]
        if titles[key] == {title_class(mention[0])}:
            owners[index] = first_index[key]
    return owners


# `Mr & Mrs Pickering (Frank DOB 02/03/1940, Joan DOB 04/05/1942)`, `Mr and Mrs Hill
# (Tom, 81; Jean, 79)`: a couple under one surname, each forename in the bracket after it.
_COUPLE_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
COUPLE = re.compile(
    rf"(?<![\w'’]){_COUPLE_TITLE}[ \t]*(?:&|and)[ \t]*{_COUPLE_TITLE}[ \t]+"
    r"(?P<surname>[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*)[ \t]*\([ \t]*"
    r"(?P<first>[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*)(?![\w'’\-])[^()\n;]{0,40}?[;,][ \t]*"
    r"(?:and[ \t]+|&[ \t]*)?(?P<second>[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*)(?![\w'’\-])")


def couple_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, full name) for each forename of a couple written under one surname:
    the forename's own span, and the name it stands for (`Frank Pickering`), so each
    partner's date of birth in the bracket is their own (`phiscan.detect.records` cuts the
    line at its second date of birth)."""
    found = []
    for match in COUPLE.finditer(text):
        forenames = (match.span("first"), match.span("second"))
        words = [text[start:end] for start, end in forenames]
        if any(word.casefold() in STOP_WORDS or word.casefold() in NOT_FORENAMES
               for word in words):
            continue
        found += [(start, end, f"{word} {match['surname']}")
                  for (start, end), word in zip(forenames, words, strict=True)]
    return found


# Beside spaCy's stop words (`both`, `and`), words after a couple's title that are no forename.
NOT_FORENAMES = frozenset({"dob", "born", "aged", "nhs", "tel", "mob", "age"})
