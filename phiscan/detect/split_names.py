"""A full name from separate name fields: `surname: Jones` + `forename: Sandra`.

An extract with surname and forename columns (CSV, XLSX, a flattened FHIR
`name[0].family` / `name[0].given[0]`) holds each part as a one-word PERSON finding,
which identifies nobody. In the detector, where the raw values still are, the parts
of one record that belong together (same field prefix: `client_forename` with
`client_surname`, `nok_first_name` with `nok_last_name`) are joined into one full name,
hashed like any other (`Sandra Jones`, the same key as `JONES, Sandra`). A record's one
given field and one family field that no prefix pairs are one name too: a bilingual
header (`Sloinne / Surname` beside `Céadainm / Forename`) or a prefix on one side only
(`Patient surname` beside `Forename`), unless both prefixes name whose name it is
(`NOK first name` beside `GP surname`: two people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phiscan.detect.roles import default_rules
from recognizers.name_part_fields import FAMILY_WORDS, GIVEN_WORDS, MIDDLE_WORDS, part_prefix

SPLIT_NAME_RECOGNIZER = "PhiscanSplitNameFields"


@dataclass(frozen=True)
class NamePart:
    start: int
    end: int
    value: str
    field: str


def joined_names(parts: list[NamePart]) -> list[tuple[NamePart, NamePart, str]]:
    """(the given part, the family part, `Given Family`) for each prefix holding both
    parts, in order."""
    given: dict[tuple[str, str], NamePart] = {}
    family: dict[tuple[str, str], NamePart] = {}
    middle: dict[tuple[str, str], NamePart] = {}
    for part in parts:
        prefix = part_prefix(part.field, GIVEN_WORDS)
        if prefix is not None:
            given.setdefault((prefix, _numbered(part.field)), part)
            continue
        prefix = part_prefix(part.field, MIDDLE_WORDS)
        if prefix is not None:
            middle.setdefault((prefix, _numbered(part.field)), part)
            continue
        prefix = part_prefix(part.field, FAMILY_WORDS)
        if prefix is not None:
            family.setdefault((prefix, _numbered(part.field)), part)
    pairs = [(prefix, given[prefix], family[prefix]) for prefix in family if prefix in given]
    lone_given = [prefix for prefix in given if prefix not in family]
    lone_family = [prefix for prefix in family if prefix not in given]
    if len(lone_given) == 1 and len(lone_family) == 1 and _may_pair(lone_given[0][0],
                                                                     lone_family[0][0]):
        pairs.append((lone_given[0], given[lone_given[0]], family[lone_family[0]]))
    # (a middle name of the given name's prefix goes between: `givenName` Olive,
    # `middleName` Maud, `familyName` Oldroyd is `Olive Maud Oldroyd`, known as Maud)
    return [(given_part, family_part, " ".join(
        [given_part.value, *([middle[prefix].value] if prefix in middle else []),
         family_part.value])) for prefix, given_part, family_part in pairs]


_NUMBER = re.compile(r"\d+")


def _numbered(field: str) -> str:
    """The number a field's name gives its person, '' for none: `Tenant 2 First name` and
    `Tenant 2 Surname` are the second tenant's name, never joined with `Tenant 1 Surname`
    (a couple kept in one row, `phiscan.detect.records.with_column_people`)."""
    found = _NUMBER.search(field)
    return found.group() if found else ""


def _may_pair(given_prefix: str, family_prefix: str) -> bool:
    """Lone parts are one person's when a prefix is on one side only (`Patient surname`
    beside `Forename`) or neither prefix names whose name it is (`Sloinne / Surname` beside
    `Céadainm / Forename`): `NOK first name` beside `GP surname` are two people's."""
    if not given_prefix or not family_prefix:
        return True
    rules = default_rules()
    return rules.rightmost(given_prefix) is None and rules.rightmost(family_prefix) is None


# A form's label just before a value on its line, after the line's start or a gap (`Surname:
# SCHOLEFIELD      Forename(s): Mohammed`).
_LABEL_BEFORE = re.compile(
    r"(?:^|[ \t]{2,}|\t|\|)[ \t]*(?P<label>[^\W\d_][^:|\t\n]{0,30}?)[ \t]*:[ \t]*$", re.MULTILINE)


def labelled_parts(text: str, spans: list[tuple[int, int, str]]) -> list[NamePart]:
    """The name parts of free text (`spans`: start, end, value of each one-word name) that
    follow a form's label on their line, each with that label as its field."""
    parts = []
    for start, end, value in spans:
        label = _LABEL_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start)
        if label is not None:
            parts.append(NamePart(start, end, value, label["label"]))
    return parts


def joined_in_text(text: str, parts: list[NamePart]) -> list[tuple[NamePart, NamePart, str]]:
    """`joined_names` of a free text's labelled parts, one form at a time: parts on one line
    or on lines next to each other (`Surname: ...` beside or over `Forename(s): ...`) are one
    form's; a part further off starts another (the next person's form in the same text)."""
    forms: list[list[NamePart]] = []
    last_line, line, counted_to = -2, 0, 0
    for part in sorted(parts, key=lambda found: found.start):
        line += text.count("\n", counted_to, part.start)  # counted once: a long note's parts
        counted_to = part.start
        if line - last_line > 1 or not forms:
            forms.append([])
        forms[-1].append(part)
        last_line = line
    return [pair for form in forms for pair in joined_names(form)]
