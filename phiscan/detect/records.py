"""Group the findings of free text into records, so one person's details link.

A structured unit (CSV row, JSON record, HL7 message, FHIR Patient) already
names its record. Free text does not: a name in one paragraph and a key-safe
code in the next are about the same person in a visit note, but not in a
200-page care log. The text is only available in the worker, so the grouping
happens at detection time:

- a short text (at most SHORT_TEXT_CHARS) is one record: `document` (or the
  unit's own `where`, such as `page 3`);
- a longer text is cut into sections at separator lines (`---`, `===`, `***`,
  a form feed, a Markdown heading): `section N`;
- a section that is still long is cut into paragraphs at blank lines:
  `section N paragraph M`.

The unit's own `where` (`page 3`, `sheet Visits`) prefixes the record name; a
window of a long text (`phiscan.detect.windows`) is `part N` of it, its records named within.

Several people in one record (a ward list, a handover sheet, a clinic list, a rota note):
when a record holds two or more different values of one identifier kind (health numbers,
dates of birth, NI numbers: `DIRECT_IDENTIFIERS`), it is cut into entries by its lines, so
a date of birth links only to the name of its own entry:

- a line starts a new entry when it brings a second value of a kind the entry holds
  already (a subject's full name, an NHS number, a date of birth): table rows, list
  items, `Name:`/`DOB:` blocks in either order; a line whose only names are staff or
  related people (`Next of kin: Karen Jones, DOB ...`) never does: it stays with the
  entry above, its related person listed beside that entry's person;
- a paragraph that opens without a person is the person's it goes on to name (`Visit 2` /
  `Access: ...` / `Client: ...`); one that names nobody stays with the entry above;
- after a Markdown heading that opened a person's entry, the next heading of its level or
  higher starts a new entry, even when its name is not read (`## SIDNEY THORNTON, 98`):
  the section's access note is never the person's of the section above;
- an entry with no identifier but a name (`Discussed with Sarah Lee`) is not a person's
  entry: its names become records of their own, its other findings stay with the entry
  above;
- a line holding several values of a kind is cut at each repeat (`Alice Tanner
  (DOB ...), George Tanner (DOB ...)`); when that leaves identifiers without a name, the
  line's names and identifiers are not paired at all: each becomes a record of its own
  (an NHS number still makes a person, a date of birth without a name is one more
  possible person in the upper bound, a name alone makes nobody).

Entries are named by their first line: `line 12` (`page 3 line 12`). Without two people's
identifiers, a list is cut too: its items (`list_items`), its blocks between separator lines
(`separated_items`), its homes (`address_items`), its lines or paragraphs that open with
different people's names (`name_lines`: a driver's notes, a visiting list).

A related person's own identifiers are theirs: a date of birth, number, phone, e-mail or
postcode written after a related person's name on its line, with no other name between
(`Next of kin: Carol Wragg (daughter), DOB 20/07/1960`), gets the related role, so it
never becomes the subject's (`phiscan.scoping.subject_records` leaves it out of the
record's keys). A home-access note after a key holder's name stays the subject's: it is
the way into the subject's home.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from phiscan.detect.entities import (
    ADDRESS_ENTITIES,
    DIRECT_IDENTIFIERS,
    ENTITIES,
    HEALTH_NUMBERS,
    SPECIAL_CATEGORIES,
    category_of,
)
from phiscan.detect.normalize import (
    is_full_name,
    is_title,
    variant_keys,
    without_leading_titles,
)
from phiscan.detect.postal_addresses import postal_address
from phiscan.detect.roles import NOT_SUBJECT, RELATED, STAFF, SUBJECT, UNMARKED, default_rules
from phiscan.model import Finding, Label, TextUnit
from recognizers.access_kinds import ENTRY_KINDS, KIND_SEPARATOR
from recognizers.context import normalise_words
from recognizers.vocabulary import TITLES, ends_as_organisation

SHORT_TEXT_CHARS = 4_000
# A line may end `\r\n` (a file written on Windows): its `\r` is the line's end, not a
# character of it, or a CRLF text would be one paragraph whatever its blank lines and rules.
_SECTION_BREAK = re.compile(
    r"^(?:[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*\r?|\f.*|#{1,6}[ \t].*)$", re.MULTILINE)
_RULE_LINE = re.compile(r"^[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*\r?$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
# A heading line: Markdown's (`## Mrs Krystyna Clegg`) or a wiki's, its text between runs of
# `=` (`== Reuben Shackleton ==`, a file note's person); its level is the run's length.
_HEADING = re.compile(r"^(?:(?P<level>#{1,6})[ \t]+\S|(?P<framed>={1,6})[ \t]*[^=\s][^\n]*?"
                      r"[ \t]*(?P=framed)[ \t]*\r?$)", re.MULTILINE)
_NEWLINE = re.compile("\n")
_HEAD_WORD = re.compile(r"[^\W\d_]{2,}")
_MARKER_WORD = re.compile(r"[\d:./()|\-–]+")
# A line that opens a list item: a date (`19/11/2026`, `2026-11-02 01:46`) or a time (`10:45`),
# a number (`3.`, `(2)`, `#2`), a word and a number (`Drop 3  10:31  Ms Eileen Kilbride`, `Job
# 2:`, `Pick-up 4`) or a bullet, at its start. The groups name the marker's shape (`ItemShape`).
# A word and a day before a month is a sentence about a date (`Born 24 July 1952.`), no marker:
# read as one, each person's `Born ...` line ended the person above's entry before their
# date, and the next block's name took that date.
_LIST_ITEM = re.compile(r"(?P<indent>[ \t]*)(?:(?P<when>\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?"
                        r"|\d{1,2}[:.]\d{2})|(?P<number>\(?\d{1,3}[.)]|#\d{1,3})|(?P<bullet>[-*•–])"
                        r"|(?P<word>[^\W\d_]{2,10}(?:-[^\W\d_]{2,10})?)\.?[ \t]?#?\d{1,3}"
                        r"(?![:.]\d)(?![ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
                        r"(?=[\s|;,:]|$)")
# An item's marker shape: its indent and its kind (a date or a time, a number, the bullet, or
# the marker's word: `stop`, `flat`). One list's items share one shape, so a `Flat 4, ...`
# address line under `Stop 1  Mrs Gwen Hardcastle` is no item of the stops' list.
ItemShape = tuple[str, str]
# A list item's whole date and time (`2025-11-13 04:30:00`, `19/11/2026 10:45`).
_STAMP = re.compile(r"\d[\d\-/.:]*(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
# Who wrote a stamped line, after its stamp (`19/10/2026 Qasim: visited ...`, `2026-11-02
# 08:02 Ffion Hale: ...`): one to three words and a colon. A name with a title (`12/03/2026
# Mrs Ann Lee: key safe ...`) or followed by an identifier (`Ivy Booth: DOB 03/03/1933`,
# `Len Ashworth: NHS 943 ...`) is whom the line is about, never its writer.
_TITLED = r"(?i:Mrs|Mr|Ms|Miss|Dr|Mx)\.?[ \t]"
_IDENTIFIER_NEXT = (r"[ \t]*(?:\(?\d(?:[ \-/.]?\d){2,}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
                    r"|(?:DOB|D\.O\.B|Dob|DoB|dob|[Bb]orn|NHS|[Dd]ate[ ]of[ ][Bb]irth)\b)")
_SPEAKER = re.compile(r"(?:[ \t]*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?[ \t]+"
                      rf"(?!{_TITLED})[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){{0,2}}"
                      rf"[ \t]*:(?![\d/]|{_IDENTIFIER_NEXT})")
# A time of day in a stamp (`22:14`, `2025-11-13T04:30`, `13/11/2025 10.45`); a date has none.
_TIME_OF_DAY = re.compile(r"\d:\d|[ T]\d{1,2}\.\d{2}")


def _starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    """Offsets where each block starts (the first block starts at 0)."""
    return [0, *(match.start() for match in breaks.finditer(text) if match.start() > 0)]


def _block_index(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


class FreeTextRecords:
    """Names the record of any offset in one free text; the text is cut once."""

    def __init__(self, text: str, where: str = "") -> None:
        self.text = text
        self.where = where
        self.short = len(text) <= SHORT_TEXT_CHARS
        self.section_starts = [] if self.short else _starts(text, _SECTION_BREAK)
        self.paragraph_starts: dict[int, list[int]] = {}

    def record_at(self, offset: int) -> str:
        if self.short:
            return self.where or "document"
        section = _block_index(self.section_starts, offset)
        start = self.section_starts[section]
        end = (self.section_starts[section + 1] if section + 1 < len(self.section_starts)
               else len(self.text))
        name = f"{self.where} section {section + 1}".strip()
        if end - start <= SHORT_TEXT_CHARS:
            return name
        if section not in self.paragraph_starts:
            self.paragraph_starts[section] = _starts(self.text[start:end], _PARAGRAPH_BREAK)
        paragraph = _block_index(self.paragraph_starts[section], offset - start)
        return f"{name} paragraph {paragraph + 1}"


SUBJECT_NAME = "PERSON"
# A part of an entry (`line 3 part 2`): a second person on the entry's line, or a person
# who lives with the entry's (`household` in `phiscan/data/roles.txt`).
ENTRY_PART = re.compile(r"^(?P<entry>.*\b(?:line|row|table) \d+) part (?P<part>\d+)$")


# How far after `lives with` the name of the person above may come (`lives with her
# husband Albert`).
HOUSEHOLD_NAME_WORDS = 5


# A table's columns about a second (third...) person of the row (`Client 2 Forename`, `Client
# 2 DOB`, `Patient 2 NHS`, `Second client surname`): a monitoring centre's export keeps a
# couple on one alarm unit in one row.
PERSON_COLUMNS = re.compile(
    r"^\s*(?:(?:client|patient|person|resident|tenant|service\s+user|occupant|customer)"
    r"\s*(?P<number>[2-9])(?!\d)|(?P<word>second|2nd|third|3rd)\s+(?:client|patient|person|"
    r"resident|tenant|service\s+user|occupant|customer)\b)", re.IGNORECASE)
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3}
# What makes a group of such columns a person of their own: a name and an identifier (a
# health-service number of any UK nation, or a date of birth).
_IDENTIFYING_KINDS = HEALTH_NUMBERS | {"DATE_OF_BIRTH"}


def person_of_column(name: str | None) -> int | None:
    """The number of the person a column is about when its name says (`Client 2 DOB` -> 2),
    else None (the row's own person, or the row's shared cells)."""
    match = PERSON_COLUMNS.match(name or "")
    if match is None:
        return None
    return int(match.group("number")) if match.group("number") else _ORDINALS[
        match.group("word").lower()]


def with_column_people(unit: TextUnit, findings: list[Finding]) -> list[Finding]:
    """A row holding a second person in columns of their own (`Client 2 Title`, `Client 2
    Forename`, `Client 2 Surname`, `Client 2 DOB`, `Client 2 NHS`, `Client 2 Medical`:
    a couple on one careline unit) is two people's: the findings of those columns are a part
    of the row's entry (`row 5 part 2`) when they name the person with an identifier, so
    each DOB and NHS number pairs with its own name, and the row's access note, written once
    for the home, is both people's (`phiscan.scoping.subject_records.share_home_access`).
    As one record, the row made one person of the two, or none: its two NHS numbers."""
    if unit.record is None or not unit.fields or any(finding.record is None
                                                     for finding in findings):
        return findings
    person = {id(finding): person_of_column(unit.field_at(finding.start, finding.end))
              for finding in findings}
    parts: dict[int, set[str]] = defaultdict(set)
    for finding in findings:
        if person[id(finding)] is not None:
            parts[person[id(finding)]].add(finding.entity_type)
    # (`Client 1 ...` columns, or the row's unnumbered ones, are the row's own person: the
    # address and the access note stay with them in the row's record)
    own = {number for number, kinds in parts.items()
           if number > 1 and SUBJECT_NAME in kinds and kinds & _IDENTIFYING_KINDS}
    if not own:
        return findings
    return [finding.but(record=Label(f"{finding.record} part {person[id(finding)]}"))
            if person[id(finding)] in own else finding for finding in findings]


# The recognizer reading names in free text (spaCy's NER, checked): in a row, the names it finds
# are in a free-text cell, never in the row's name columns (the field recognizers read those).
NER_RECOGNIZER = "CheckedSpacyRecognizer"
LIFE_STATE = "LIFE_STATE"


def with_cell_mentions(unit: TextUnit, findings: list[Finding]) -> list[Finding]:
    """A row whose name columns name its person (`Forename | Surname`, `Client name`) keeps
    that person: a full name NER reads in one of its free-text cells (`Record Notes: Client 2
    (Ken Hesketh) deceased 06/11/26 - removed`, an equipment cell's `Vela Classic`) is a
    person the row mentions, in a record of its own (`row 2 mention 1`, no entry of the
    row's: `ENTRY_PART`), with none of the row's identifiers. In the row's record it took the
    row's date of birth and, marked by its `Client` label, displaced the name columns' name:
    a widow's row became her late husband's. Names with a role of their own (staff,
    related) stay: their role keeps them out of the row's keys already; so does an unmarked
    name beside columns the structure marks the subject's (`Record.settle`)."""
    if unit.record is None or not unit.fields:
        return findings
    people = [finding for finding in findings
              if finding.entity_type == SUBJECT_NAME and finding.role not in NOT_SUBJECT
              and is_full_name(finding.masked)]
    columns = {finding.value_hash for finding in people if finding.recognizer != NER_RECOGNIZER}
    if not columns:
        return findings
    # Beside a name the structure marks the subject's (HL7 PID-5, a FHIR Patient), an unmarked
    # name is one the record mentions already (`Record.settle`); a marked one would be a second
    # subject's, and beside unmarked columns either would be.
    columns_marked = any(finding.role == SUBJECT for finding in people
                         if finding.recognizer != NER_RECOGNIZER)
    mentions: dict[str, int] = {}
    moved: dict[int, str] = {}
    for finding in people:
        if (finding.recognizer == NER_RECOGNIZER and finding.value_hash not in columns
                and (finding.role == SUBJECT or not columns_marked)):
            number = mentions.setdefault(finding.value_hash, len(mentions) + 1)
            moved[id(finding)] = f"{finding.record} mention {number}"
    if not moved:
        return findings
    moved.update(_mentions_states(unit, findings, people, moved))
    return [finding.but(record=Label(moved[id(finding)])) if id(finding) in moved
            else finding for finding in findings]


def _mentions_states(unit: TextUnit, findings: list[Finding], people: list[Finding],
                     moved: dict[int, str]) -> dict[int, str]:
    """What a cell states of a life right after a mentioned name (`(Ken Hesketh) deceased`),
    before any other name: the mention's, never the row's person's."""
    states: dict[int, str] = {}
    names = sorted((finding for finding in findings if finding.entity_type == SUBJECT_NAME),
                   key=lambda finding: finding.start)
    for state in findings:
        if state.entity_type != LIFE_STATE:
            continue
        cell = unit.field_at(state.start, state.end)
        before = [name for name in names if name.end <= state.start
                  and unit.field_at(name.start, name.end) == cell]
        if before and id(before[-1]) in moved:
            states[id(state)] = moved[id(before[-1])]
    return states


def with_listed_people(unit: TextUnit, findings: list[Finding]) -> list[Finding]:
    """A form naming several people in one cell, each identifier cell listing as many values
    in the same order (an installer's job sheet for a couple: `Client name(s) | Harold Ratcliffe
    & Brenda Ratcliffe`, `Date of birth | 02/02/1935 / 14/05/1932`, `NHS number | ... / ...`):
    the n-th name, date of birth and NHS number are one person's, a part of the form's entry
    (`table 1 part 2`); what the form says once (the address, the key safe) stays the entry's,
    so both people of the home have its way in (`share_home_access`). As one record, the form
    made one person of the couple, with both their numbers. Only when every identifier cell
    holding more than one value holds one per name: anything else is left one record."""
    if unit.record is None or not unit.fields or any(finding.record is None
                                                     for finding in findings):
        return findings
    cells: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(findings, key=lambda found: found.start):
        field_name = unit.field_at(finding.start, finding.end)
        if field_name is not None:
            cells[field_name].append(finding)
    names = [(field_name, [found for found in found_in if person_kind(found) == SUBJECT_NAME])
             for field_name, found_in in cells.items()]
    listed = [(field_name, people) for field_name, people in names if len(people) > 1]
    if len(listed) != 1:
        return findings
    people = listed[0][1]
    parts = {id(name): number for number, name in enumerate(people, start=1)}
    for found_in in cells.values():
        for kind in _IDENTIFYING_KINDS:
            values = [found for found in found_in if found.entity_type == kind]
            if len(values) > 1 and len(values) != len(people):
                return findings
            if len(values) > 1:
                parts.update((id(value), number) for number, value in enumerate(values, start=1))
    if not any(len([found for found in found_in if found.entity_type in _IDENTIFYING_KINDS]) > 1
               for found_in in cells.values()):
        return findings
    return [finding.but(record=Label(f"{finding.record} part {parts[id(finding)]}"))
            if parts.get(id(finding), 1) > 1 else finding for finding in findings]


def entry_of(record: str) -> str:
    """The entry a record is a part of (`line 3` of `line 3 part 2`), else the record."""
    match = ENTRY_PART.match(record)
    return match.group("entry") if match else record

# What a person's name can own on its line: identifiers and contact details.
OWNED_BY_NAME = frozenset(name for name, entity in ENTITIES.items()
                          if (entity.identifying or entity.address) and name != SUBJECT_NAME)


def person_kind(finding: Finding) -> str | None:
    """What a finding pins a person by (a person has one value of each kind): a full name
    that is the subject's (or nobody's in particular), or a direct identifier."""
    if finding.entity_type == SUBJECT_NAME:
        return (SUBJECT_NAME if finding.role in (SUBJECT, UNMARKED)
                and is_full_name(finding.masked) else None)
    return (finding.entity_type if finding.entity_type in DIRECT_IDENTIFIERS
            and finding.role not in NOT_SUBJECT else None)


def _values(findings: list[Finding]) -> dict[str, set[str]]:
    values: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if (kind := person_kind(finding)) is not None:
            values[kind].add(finding.value_hash)
    return values


def _repeats(values: dict[str, set[str]], finding_values: dict[str, set[str]]) -> bool:
    return any(hashes - values.get(kind, hashes) for kind, hashes in finding_values.items())


def holds_several_people(findings: list[Finding], line_of: Callable[[Finding], int]) -> bool:
    """Two or more values of one identifier kind, or two lines that each hold a subject's
    name with an identifier. Names alone do not count: a note's unlabelled carer is a
    name, not a second patient (`phiscan.scoping.recurrence` deals with it)."""
    if any(len(hashes) > 1 for kind, hashes in _values(findings).items()
           if kind != SUBJECT_NAME):
        return True
    lines: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        lines[line_of(finding)].append(finding)
    named = [values for values in map(_values, lines.values()) if names_a_person(values)]
    return len(named) > 1 and len(set().union(*(v[SUBJECT_NAME] for v in named))) > 1


def address_items(findings: list[Finding], line_of: Callable[[Finding], int]) -> list[int]:
    """A list of people at their addresses without item markers (a key-safe list: `Mrs
    Edith Hargreaves, 4 Mill Lane HX3 7DJ - KS 4471` over `Mr Walter Brierley, 12 Bank Top
    ...`): when two or more lines each hold a subject's name and a subject's address (a
    postcode), of different people, every line holding such an address opens an item (line
    numbers, sorted), named or not, so each home's access note is its own; else []. A line
    whose name was not read is a home of its own too, never the person's above."""
    lines: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        lines[line_of(finding)].append(finding)
    homes = [number for number, line in lines.items() if any(
        finding.entity_type in ADDRESS_ENTITIES and finding.role not in NOT_SUBJECT
        for finding in line)]
    named = [_values(lines[number]).get(SUBJECT_NAME) for number in homes]
    names = [hashes for hashes in named if hashes]
    if len(names) < 2 or len(set().union(*names)) < 2:
        return []
    return sorted(set(homes) | {number for number, line in lines.items()
                                if _names_own_way_in(line)})


def _names_own_way_in(line: list[Finding]) -> bool:
    """In such a list, a line naming a subject beside their own way in (a code, a hidden key,
    a door left open) is an item too when its postcode is missing or was not read (`Mr
    Thomas Haigh, 14 Moor Road, Guiseley - KS 5521`): else it joins the line above and the
    two people make one record naming two people, counted as neither."""
    return SUBJECT_NAME in _values(line) and any(
        finding.entity_type == "HOME_ACCESS"
        and not ENTRY_KINDS.isdisjoint(finding.kind.split(KIND_SEPARATOR))
        for finding in line)


def line_values(findings: list[Finding]) -> dict[str, set[str]]:
    """The person kinds a line brings; none when its identifiers follow the name of a
    member of staff or a related person and no subject is named (`Next of kin: Carol
    Wragg, DOB ...`: theirs, or the subject's, never a new person). A line whose date
    comes before a carer's name (`9:30 ... (30/03/58) - ... Carer: Amira Bishop`) is
    a subject's entry whose name was not read."""
    values = _values(findings)
    if SUBJECT_NAME in values:
        return values
    others = [f.start for f in findings
              if f.entity_type == SUBJECT_NAME and f.role not in (SUBJECT, UNMARKED)]
    identifiers = [f.start for f in findings if person_kind(f) is not None]
    return {} if others and identifiers and min(others) < min(identifiers) else values


@dataclass
class Entry:
    line: int  # 1-based, within the unit
    findings: list[Finding] = field(default_factory=list)
    values: dict[str, set[str]] = field(default_factory=dict)
    head: int = 0  # the line naming the entry's household: its own, or the entry above's
    record: str = ""
    heading: int | None = None  # the level of the Markdown heading that opened it, if one did
    item: ItemShape | None = None  # the list-item marker of the line that opened it, if any
    stamp: str | None = None  # that marker's date or time (`2025-11-13 04:30:00`), if one
    # A paragraph after a list, back at the list's margin, naming nobody: the whole text's
    # closing note, none of the items' (`_list_ended`)
    closing: bool = False

    @property
    def identified(self) -> bool:
        return any(kind != SUBJECT_NAME for kind in self.values)


def names_a_person(values: dict[str, set[str]]) -> bool:
    """A subject's name with an identifier: a person on their own."""
    return SUBJECT_NAME in values and len(values) > 1


def entries_of(lines: dict[int, list[Finding]],
               opens_paragraph: Callable[[int], bool] = lambda number: False,
               headings: dict[int, int] | None = None,
               blank_between: Callable[[int, int], bool] = lambda first, second: False,
               item_shape: Callable[[int], ItemShape | None] = lambda number: None,
               item_stamp: Callable[[int], str | None] = lambda number: None,
               indent: Callable[[int], int] = lambda number: 0,
               ) -> list[Entry]:
    """Lines grouped into entries: a new one at a line that repeats a kind, or that opens
    a paragraph naming a person with an identifier of their own (the entry above may
    lack its name: `Could you add <name not read>, NHS ...` then, after a blank line,
    `Could you add Dennis Fitzgerald, born ...`), or after a Markdown heading of the
    level (or higher) of the one that opened the entry above: each person's section of
    minutes or a case list is its own, even when its heading's name was not read
    (`## SIDNEY THORNTON, 98`: its access note is nobody's, never the person's above).
    A paragraph that opens without a person (`Visit 2` / `Access: door on the latch` /
    `Client: Mr Ron Dyson` / `DOB: ...`) is the person's it goes on to name; one that
    names nobody (`Access: key safe 2299.` below a person's lines) stays the entry's
    above. An entry opened by a list item (`23:50  Gavin Thorne, aged 44, ...`) ends at the
    next item of its shape (`00:35  ... a man, DOB 02/02/1975, ...`), whatever that item
    brings: a date of birth whose name was not read is its own item's, never the name's
    above. `headings`: line number -> level (`#` count) of each heading line;
    `blank_between(a, b)`: whether a blank line stands between lines a and b;
    `item_shape(n)`: the list-item marker line n opens, or None; `item_stamp(n)`: its date
    or time, when it is one: a log's line stamped as the item above is that event's next
    line (`04:30 NO RESPONSE CHECK | client Mr Gethin Bevan` over `04:30 NOTE | ... holds a
    spare key`), never an item of its own, so its note is never the next event's.
    `indent(n)`: how far line n is indented; a paragraph that opens indented further than
    the head of the entry above is one of its detail lines (`DYSON, Gloria  29.10.1956 ...`,
    its indented notes, a blank line, `  Access: key safe ...`, then `ZIELINSKI, Lorna ...`),
    never the next person's."""
    entries: list[Entry] = []
    headings = headings or {}
    last, section = 0, None  # section: the level of the heading the person's section has
    provisional = False  # the last entry is a paragraph that has named nobody yet
    for number, found in lines.items():
        brought = line_values(found)
        above = [headings[line] for line in range(last + 1, number + 1) if line in headings]
        new_paragraph = bool(entries) and blank_between(last, number)
        previous = last
        if new_paragraph:
            if provisional and not entries[-1].values:
                entries[-2].findings += entries.pop().findings
            provisional = False
        last = number
        cut = section is not None and bool(above) and min(above) <= section
        next_item = bool(entries) and _item_ends(entries[-1], brought, previous + 1, number,
                                                 item_shape, item_stamp)
        if not entries or cut or next_item or (brought and entries[-1].closing) or _repeats(
                entries[-1].values, brought) or (
                entries[-1].values and names_a_person(brought) and opens_paragraph(number)):
            entries.append(Entry(number, heading=above[-1] if cut else None,
                                 item=item_shape(number), stamp=item_stamp(number)))
        elif new_paragraph and not brought and _list_ended(entries[-1], number, previous,
                                                           indent):
            entries.append(Entry(number, closing=True))
        elif new_paragraph and not brought and entries[-1].values and (
                indent(number) <= indent(entries[-1].line)):
            entries.append(Entry(number))
            provisional = True
        entry = entries[-1]
        if brought and not entry.values:
            entry.line = number  # named by its first line about the person
            entry.heading = entry.heading or (above[-1] if above else None)
        section = entry.heading or section
        entry.findings += found
        for kind, hashes in brought.items():
            entry.values.setdefault(kind, set()).update(hashes)
    if provisional and not entries[-1].values:
        entries[-2].findings += entries.pop().findings
    return entries


def _list_ended(entry: Entry, number: int, previous: int,
                indent: Callable[[int], int]) -> bool:
    """Whether a paragraph at line `number` naming nobody ends the list whose item opened
    `entry`: the item's detail lines are indented past its marker, and the paragraph opens at
    the marker's margin or left of it (`3. Cledwyn Jones ...` / `   Access: lock box 1442` /
    blank / `Locks changed after the break-in in the village; key safe taken off`): a note of
    the whole text, never the last item's person's."""
    if entry.item is None or not entry.values or entry.closing:
        return False
    margin = indent(entry.line)
    return indent(number) <= margin and any(indent(line) > margin
                                            for line in range(entry.line + 1, previous + 1))


def _item_ends(entry: Entry, brought: dict[str, set[str]], first: int, number: int,
               item_shape: Callable[[int], ItemShape | None],
               item_stamp: Callable[[int], str | None] = lambda number: None) -> bool:
    """Whether a list item opening at one of lines first..number ends `entry`: the next item
    of the shape that opened it, whatever it brings; or, below a head naming people with no
    mark and no identifier (`On shift: Rhys Bellamy, Tash Oduya`), an item bringing an
    identifier whose name was not read: what stands above a list's first item is the list's,
    so the staff on shift never take the first client's date of birth."""
    if not entry.values:
        return False
    if entry.item is not None:
        return any(item_shape(line) == entry.item
                   and (entry.stamp is None or item_stamp(line) != entry.stamp)
                   for line in range(first, number + 1))
    return (not entry.identified and item_shape(number) is not None
            and any(kind != SUBJECT_NAME for kind in brought)
            and all(finding.role == UNMARKED for finding in entry.findings
                    if person_kind(finding) == SUBJECT_NAME))


def pieces_of(line: list[Finding]) -> list[list[Finding]]:
    """A line cut before each finding that repeats a kind of the piece it would join."""
    pieces: list[list[Finding]] = [[]]
    values: dict[str, set[str]] = {}
    for finding in line:
        kind = person_kind(finding)
        if kind is not None and finding.value_hash not in values.setdefault(
                kind, {finding.value_hash}):
            pieces.append([])
            values = {kind: {finding.value_hash}}
        pieces[-1].append(finding)
    return pieces


def paired(pieces: list[list[Finding]]) -> bool:
    """Every piece with an identifier has a subject's name to pair it with."""
    return all(SUBJECT_NAME in values or not values
               for values in (_values(piece) for piece in pieces))


class LineIndex:
    """Line numbers of offsets in one text; its line breaks are found on first use, once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.heading_levels: dict[int, int] | None = None

    @cached_property
    def newlines(self) -> list[int]:
        return [match.start() for match in _NEWLINE.finditer(self.text)]

    def line_of(self, finding: Finding) -> int:
        return self.line_at(finding.start)

    def line_at(self, offset: int) -> int:
        """The line number (1-based) holding `offset`."""
        return bisect_right(self.newlines, offset - 1) + 1

    def line_start(self, number: int) -> int:
        """Where line `number` (1-based) starts."""
        return self.newlines[number - 2] + 1 if number > 1 else 0

    def line_end(self, number: int) -> int:
        """Where line `number` (1-based) ends (its line break, or the text's end)."""
        return self.newlines[number - 1] if number - 1 < len(self.newlines) else len(self.text)

    def opens_paragraph(self, number: int) -> bool:
        """Whether line `number` (1-based) follows a blank line."""
        if number < 2 or number - 2 >= len(self.newlines):
            return False
        return not self.text[self.line_start(number - 1):self.line_end(number - 1)].strip()

    def indent(self, number: int) -> int:
        """How many spaces or tabs line `number` (1-based) opens with."""
        line = self.text[self.line_start(number):self.line_end(number)]
        return len(line) - len(line.lstrip(" \t"))

    def blank_between(self, first: int, second: int) -> bool:
        """Whether a blank line stands between lines `first` and `second` (1-based)."""
        if second - first < 2 or first < 1:
            return False
        start, end = self.line_end(first), self.line_end(second - 1)
        return _PARAGRAPH_BREAK.search(self.text, start, end + 1) is not None

    def headings(self) -> dict[int, int]:
        """Line number (1-based) -> level of each heading line (`## ...`, `== ... ==`: 2)."""
        if self.heading_levels is None:
            self.heading_levels = {
                self.text.count("\n", 0, match.start()) + 1: len(match["level"] or match["framed"])
                for match in _HEADING.finditer(self.text)}
        return self.heading_levels

    def line_words(self, number: int) -> str:
        """Line `number` (1-based) as normalised words (`recognizers.context`)."""
        return normalise_words(self.text[self.line_start(number):self.line_end(number)])

    @cached_property
    def separators(self) -> list[int]:
        """The line numbers (1-based) of separator lines (`---`, `=====`: `_RULE_LINE`)."""
        return [self.line_at(match.start()) for match in _RULE_LINE.finditer(self.text)]

    def item_shape(self, number: int) -> ItemShape | None:
        """The shape of the list item line `number` (1-based) opens, or None."""
        marker = _LIST_ITEM.match(self.text, self.line_start(number))
        if marker is None:
            return None
        kind = next(name for name in ("when", "number", "bullet") if marker.group(name)) if (
            marker.group("word") is None) else marker.group("word").casefold()
        return marker.group("indent"), kind

    def item_stamp(self, number: int) -> str | None:
        """The date and time that open line `number` as a list item (`2025-11-13 04:30:00`,
        read to the end of its run of digits and separators), or None: None too for a date
        without a time of day (`13/11/2025`), which two events of one day share."""
        marker = _LIST_ITEM.match(self.text, self.line_start(number))
        if marker is None or marker.group("when") is None:
            return None
        match = _STAMP.match(self.text, marker.start("when"))
        stamp = match.group() if match else marker.group("when")
        return stamp if _TIME_OF_DAY.search(stamp) else None

    def speaker_end(self, number: int) -> int | None:
        """Where the writer's label of line `number` ends, when the line opens with a date
        or time and who wrote it (`19/10/2026 Qasim: visited Zubeida Khatun`), else None."""
        marker = _LIST_ITEM.match(self.text, self.line_start(number))
        if marker is None or marker.group("when") is None:
            return None
        speaker = _SPEAKER.match(self.text, marker.end(), self.line_end(number))
        return speaker.end() if speaker else None

    def heads_item(self, finding: Finding) -> bool:
        """Whether a finding comes right after its line's list-item marker (`09:30  Aoife
        Fenwick, 5`, `2. 09:10  Mrs Doris Atherton`), a title or a time allowed between."""
        start = self.text.rfind("\n", 0, finding.start) + 1
        marker = _LIST_ITEM.match(self.text, start)
        if marker is None:
            return False
        words = self.text[marker.end():finding.start].split()
        return all(word.rstrip(".").casefold() in TITLES or _MARKER_WORD.fullmatch(word)
                   for word in words)

    def opens_line(self, finding: Finding) -> bool:
        """Whether a finding is the first thing on its line, titles aside (`Mr Lancelot
        Firbank (2 Osborne Terrace) - ...`, a name on a line of its own)."""
        before = self.text[self.text.rfind("\n", 0, finding.start) + 1:finding.start]
        return all(word.rstrip(".").casefold() in TITLES for word in before.split())

    def blocks(self, first: int, last: int) -> list[list[int]]:
        """The runs of non-blank lines (1-based numbers) between lines `first` and `last`."""
        runs: list[list[int]] = [[]]
        for number in range(first, last + 1):
            if self.text[self.line_start(number):self.line_end(number)].strip():
                runs[-1].append(number)
            elif runs[-1]:
                runs.append([])
        return [run for run in runs if run]

    def at_head(self, finding: Finding) -> bool:
        """Whether a finding opens its line, as a list item's or a label's value does
        (`Bed 4 Mr Frank Oduya`, `2. BELL, Dorothy`, `Patient name: ...`), not a mention
        inside a sentence (`Discussed with Sarah Lee`)."""
        before = self.text[self.text.rfind("\n", 0, finding.start) + 1:finding.start]
        return before.rstrip().endswith(":") or len(_HEAD_WORD.findall(before)) <= 1


class EntryNames:
    """The record of each finding of a record that holds several people."""

    def __init__(self, lines: LineIndex, base: str) -> None:
        self.prefix = "" if base == "document" else f"{base} "
        self.line_of = lines.line_of
        self.at_head = lines.at_head
        self.opens_paragraph = lines.opens_paragraph
        self.indent = lines.indent
        self.headings = lines.headings
        self.blank_between = lines.blank_between
        self.item_shape = lines.item_shape
        self.item_stamp = lines.item_stamp
        self.line_words = lines.line_words
        self.text = lines.text
        self.record: dict[int, str] = {}  # id(finding) -> record name
        self.parts: dict[int, int] = {}  # entry's line -> parts named so far

    def name(self, line: int, suffix: str = "") -> str:
        return f"{self.prefix}line {line}{suffix}"

    def part(self, head: int) -> str:
        """The next part of the entry named by line `head`: `line 3 part 2`."""
        self.parts[head] = self.parts.get(head, 1) + 1
        return self.name(head, f" part {self.parts[head]}")

    def assign(self, findings: list[Finding]) -> None:
        lines: dict[int, list[Finding]] = defaultdict(list)
        for finding in sorted(findings, key=lambda found: found.start):
            lines[self.line_of(finding)].append(finding)
        owner: Entry | None = None
        for entry in entries_of(lines, self.opens_paragraph, self.headings(),
                                self.blank_between, self.item_shape, self.item_stamp,
                                self.indent):
            if entry.closing:  # (the whole text's: a record of its own, nobody's)
                for finding in entry.findings:
                    self.record[id(finding)] = self.name(entry.line)
                continue
            if owner is not None and not entry.identified and not self.heads_line(entry):
                self.name_apart(entry, owner)
                continue
            if owner is not None and entry.identified and self.lives_with(entry, owner):
                entry.head, entry.record = owner.head, self.part(owner.head)
            else:
                entry.head, entry.record = entry.line, self.name(entry.line)
            owner = entry
            for finding in entry.findings:
                self.record[id(finding)] = entry.record
            for number in {self.line_of(finding) for finding in entry.findings}:
                self.split_line(number, lines[number], entry.head)

    def assign_items(self, findings: list[Finding], items: list[int]) -> dict[int, str]:
        """The record of each finding of a list of people that identifies nobody: each
        item (`list_items`) with the lines under it up to the next item is an entry of its
        own (`line 12`), so the access note under one person's line is that person's, never
        the list's as a whole (which joined the one person whose name was known: their
        neighbour's key-safe code became theirs). What stands above the first item (a
        title, the staff on shift, a staff-room code) stays the record's."""
        base = self.prefix.strip() or "document"
        named: dict[int, str] = {}
        for finding in findings:
            at = bisect_right(items, self.line_of(finding)) - 1
            named[id(finding)] = base if at < 0 else self.name(items[at])
        return named

    def lives_with(self, entry: Entry, owner: Entry) -> bool:
        """An entry that says its person shares the home of the person above, by name
        (`Mrs Edna Jones (DOB ...), who lives with Albert`, `at the same address as Mr
        Jones`), or says the two share a home and shares a name with that person
        (`Patient 1: Mr Cyril Dobbs ...`, `Patient 2: Mrs Hilda Dobbs ...`, `Same address.
        Spare key in the meter box`): a part of that person's entry, so an access note
        written once for the home is both people's (`phiscan.scoping.subject_records`).
        `Lives with his daughter` names nobody above: the entry stays its own."""
        above, own = self.name_words(owner), self.name_words(entry)
        for number in {self.line_of(finding) for finding in entry.findings}:
            words = self.line_words(number)
            for phrase in default_rules().household:
                at = words.find(phrase)
                if at != -1 and (above & own or above & set(
                        words[at + len(phrase):].split()[:HOUSEHOLD_NAME_WORDS])):
                    return True
        return False

    def name_words(self, entry: Entry) -> set[str]:
        """The words of an entry's subject names, titles left out."""
        return {word for finding in entry.findings if person_kind(finding) == SUBJECT_NAME
                for word in normalise_words(self.text[finding.start:finding.end]).split()
                if len(word) > 1 and word not in TITLES}

    def heads_line(self, entry: Entry) -> bool:
        """An entry opened by a name at the head of its line (a list item without
        identifiers) is that person's; a name inside a sentence is only a mention. An
        entry a heading opened is a section of its own, named or not. An item holding no
        subject's name (only staff, say) heads nothing: what it holds stays above. A log's
        item opened by a titled name with an initial (`09/10 23:04  Mrs P Entwistle (CL30412)`, no
        full name, no identifier) is that person's: its access note is never the item
        above's person's."""
        if entry.heading is not None:
            return True
        first = next((f for f in entry.findings if person_kind(f) == SUBJECT_NAME), None)
        if first is None and entry.item is not None:
            first = next((f for f in entry.findings if f.entity_type == SUBJECT_NAME
                          and f.role in (SUBJECT, UNMARKED) and self.line_of(f) == entry.line
                          and is_title(f.masked.split(" ", 1)[0])), None)
        return first is not None and self.at_head(first)

    def name_apart(self, entry: Entry, owner: Entry) -> None:
        """A name without identifiers below a person's entry: a record of its own; the
        rest of its lines stays with the entry above."""
        for finding in entry.findings:
            alone = person_kind(finding) == SUBJECT_NAME
            self.record[id(finding)] = (self.name(self.line_of(finding)) if alone
                                        else owner.record)

    def split_line(self, number: int, line: list[Finding], head: int) -> None:
        if not any(len(hashes) > 1 for hashes in line_values(line).values()):
            return
        pieces = pieces_of(line)
        if paired(pieces):
            for piece in pieces[1:]:
                record = self.part(head)
                for finding in piece:
                    self.record[id(finding)] = record
            return
        kinds = [finding for finding in line if person_kind(finding) is not None]
        for index, finding in enumerate(kinds, start=1):
            self.record[id(finding)] = self.name(number, f" item {index}")


def list_items(findings: list[Finding], lines: LineIndex) -> list[int]:
    """The lines of a list of people (a warden's daily log, a careline call log: `19/11/2026
    Flat 19 Ms Veronica Schofield: fall ...` over an indented `Access note: ...`; a school
    nurse's drop-in log: `09:30  Aoife Fenwick, 5 - ...`, `10:45  Maisie O'Hara (DOB ...)`;
    a phlebotomy round: `* MCCARTHY Hilda - 36 - 48 Kiln Lane HF6 3PF - INR`; a minibus run
    sheet: `Stop 2 - 08:25` over `Name: ...`, `Address: ...`, `Access: ...`): the lines
    opening its items, each item running to the next. A list's items share one marker shape
    (`ItemShape`): a `Flat 4, Lark Court, ...` line under `Stop 1  Mrs Gwen Hardcastle` is
    no item of the stops' list, it stays with the stop above. Every line of that shape is an
    item, with a finding or not: an item whose name was not read (`22/11/2026 SETTLING IN:
    malcolm entwistle, aged 91`) keeps its own access note, never gives it to the item
    above; an item naming nobody (`10:30 Scheme office door code changed`) is an item too.

    [] unless two or more items name different subjects' (or unmarked) full names (on the
    item's line, or at the head of a line of the item: `Name: ...`), or, with no postcode
    above the first item, hold different postcodes (each item a home: a round's names are
    often not all read, and its access notes must not join the one name that was). In a
    record with an identifier (and no two people's: then `holds_several_people` decides) a
    name counts only right after its item's marker, and only when no identifier stands
    above the first item: a client's note (`Client: ... DOB ...` over dated visits, one
    naming a colleague) is one person's. Of several shapes, the one whose items tell most
    people apart is the list."""
    if not findings:
        return []
    numbers = [lines.line_of(finding) for finding in findings]
    identifier_lines = [number for finding, number in zip(findings, numbers, strict=True)
                        if person_kind(finding) not in (None, SUBJECT_NAME)]
    identified = bool(identifier_lines)
    # What each shape's count reads of a finding, read once for all the shapes.
    spoken = _spoken_heads(findings, numbers, lines)
    facts = [_item_fact(finding, number, lines, identified, spoken)
             for finding, number in zip(findings, numbers, strict=True)]
    facts = [fact for fact in facts if fact is not None]
    by_shape: dict[ItemShape, list[int]] = defaultdict(list)
    for number in range(min(numbers), max(numbers) + 1):
        if (shape := lines.item_shape(number)) is not None:
            by_shape[shape].append(number)
    best: tuple[int, int, list[int]] = (1, 0, [])
    for starts in by_shape.values():
        if len(starts) > 1 and (told := _people_told_apart(facts, starts, identified)):
            best = max(best, (told, len(starts), starts))
    items = best[2]
    if not items or any(number < items[0] for number in identifier_lines):
        return []
    return items


class _ItemFact(NamedTuple):
    line: int
    value_hash: str
    name: bool  # a subject's or an unmarked name (else an address not staff's or related's)
    heads: bool  # at the head of its item (identified record) or of its line (any other)


def _spoken_heads(findings: list[Finding], numbers: list[int], lines: LineIndex
                  ) -> dict[int, bool]:
    """On each line a writer's label opens (`LineIndex.speaker_end`), whether each name
    heads its item: the first subject's or unmarked name after the label does (`19/10/2026
    Qasim: visited Zubeida Khatun`: the line is about her), the writer's own and any later
    one do not. {id(finding): heads} for those lines' names only."""
    heads: dict[int, bool] = {}
    ends: dict[int, int | None] = {}
    headed: set[int] = set()  # lines whose item's name is found
    for finding, number in sorted(zip(findings, numbers, strict=True),
                                  key=lambda pair: pair[0].start):
        if person_kind(finding) != SUBJECT_NAME:
            continue
        if number not in ends:
            ends[number] = lines.speaker_end(number)
        end = ends[number]
        if end is None:
            continue
        heads[id(finding)] = finding.start >= end and number not in headed
        if heads[id(finding)]:
            headed.add(number)
    return heads


def _item_fact(finding: Finding, line: int, lines: LineIndex, identified: bool,
               spoken: dict[int, bool]) -> _ItemFact | None:
    if person_kind(finding) == SUBJECT_NAME:
        heads = spoken.get(id(finding))
        if heads is None:
            heads = lines.heads_item(finding) if identified else lines.at_head(finding)
        return _ItemFact(line, finding.value_hash, True, heads)
    if finding.entity_type in ADDRESS_ENTITIES and finding.role not in NOT_SUBJECT:
        return _ItemFact(line, finding.value_hash, False, False)
    return None


def _people_told_apart(facts: list[_ItemFact], starts: list[int], identified: bool) -> int:
    """How many different people the items opening at `starts` name (their names, else
    their postcodes: `list_items`); 0 when fewer than two."""
    named: dict[int, set[str]] = defaultdict(set)
    places: dict[int, set[str]] = defaultdict(set)
    above = False  # a postcode above the first item: a letter's or a client's own address
    for fact in facts:
        item = bisect_right(starts, fact.line) - 1
        if fact.name:
            if not (fact.heads or not identified and item >= 0 and fact.line == starts[item]):
                continue  # a name inside an item, not its head: no address either
            if item < 0:
                return 0  # a person's section opens above the first item (`LESLEY LUMB, 90y`
                # over `HR 63 ...`): these lines are parts of people's sections, not a list
            named[item].add(fact.value_hash)
        elif item < 0:
            above = True
        else:
            places[item].add(fact.value_hash)
    people = len({frozenset(hashes) for hashes in named.values()})
    if people > 1:
        return people
    homes = len({frozenset(hashes) for hashes in places.values()})
    return homes if homes > 1 and not above else 0


def separated_items(findings: list[Finding], lines: LineIndex) -> list[int]:
    """The first lines of the blocks between separator lines (`=====`, `-----`) of a short
    text that lists several people (a day sheet of home visits, a technician's job notes:
    `Client: Mrs Josephine Lord, aged 93` / `Getting in: ...` / `=====` / `Client: ...`),
    so the access note of a block is its own client's, never the sheet's as a whole (whose
    names match nobody). [] unless two or more blocks name different subjects' full names
    (an unmarked one only at the head of its line: `Client: ...`, never `Discussed with
    Sarah Lee`) or, at the head of a line, a title and a surname no full name of the text
    ends with (`Mrs Hendry - home session`: a person of her own, so her key box is never the
    one fully named client's below; `phiscan.scoping.linkage` leaves her block nobody's).
    A block naming nobody (a title, a store's door code) stays the record's,
    as does all of a single person's note cut by separators (dated entries by staff)."""
    if not lines.separators:
        return []
    starts = [1, *(number + 1 for number in lines.separators)]
    named: dict[int, set[str]] = defaultdict(set)
    surnames = _full_names_surnames(findings, lines.text)
    for finding in findings:
        if (person_kind(finding) == SUBJECT_NAME and (
                finding.role == SUBJECT or lines.at_head(finding))) or (
                    _titled_surname_head(finding, lines) not in (None, *surnames)):
            named[starts[bisect_right(starts, lines.line_of(finding)) - 1]].add(
                finding.value_hash)
    if len({frozenset(hashes) for hashes in named.values()}) < 2:
        return []
    return [start for start in starts if start >= min(named)]


def name_lines(findings: list[Finding], lines: LineIndex) -> list[int]:
    """The first lines of the entries of a text that lists people one a line or one a
    paragraph, each opening with the person's name and then their other fields (a window
    cleaner's round book: `Mrs Philippa Rothwell (8 Stubbing Wharf) - ... Side gate padlock
    7302`; a driver's notes; a visiting list: `Mr Cornelius Pighills` / `6 Lumb Lane` / `...
    Key safe ..., code 1964`; never a sentence: `Mrs Ada Lane seen at home today ...`),
    so a way in is its own line's or paragraph's person's, never the text's as a whole (which
    joined nobody, or the one person whose name was known). [] unless two or more different
    subjects' (or unmarked) names open lines and, in a run of lines (no blank between), such
    lines are at least half of the run: then every line of the run is an entry (a line whose
    name was not read too: it joins nobody); else, when at least half of the paragraphs from
    the first named one open with a name on a line above the rest of the paragraph (a
    letter's signature, a name alone, is not such a paragraph), every paragraph is. A
    paragraph after the list is an entry too; what stands above the first entry (a title,
    the driver) stays the record's, and an identifier above it keeps the text one record (a
    client's note). One name on several lines (a customer's job note) is one person."""
    heads: dict[int, str] = {}
    for finding in findings:
        if (finding.entity_type == SUBJECT_NAME and finding.role in (SUBJECT, UNMARKED)
                and lines.opens_line(finding) and _NAME_THEN_FIELD.match(lines.text, finding.end)):
            heads.setdefault(lines.line_of(finding), finding.value_hash)
    if len(set(heads.values())) < 2:
        return []
    numbers = [lines.line_of(finding) for finding in findings]
    blocks = lines.blocks(min(numbers), max(numbers))
    items = [number for block in blocks if _lists_by_line(block, heads) for number in block]
    starts = [block[0] for block in blocks]
    if items:
        items += [start for start in starts if start > items[0]]
    else:
        named = [block[0] for block in blocks if block[0] in heads and len(block) > 1]
        after = [start for start in starts if named and start >= named[0]]
        if len({heads[start] for start in named}) < 2 or 2 * len(named) < len(after):
            return []
        items = after
    if any(person_kind(finding) not in (None, SUBJECT_NAME) and number < min(items)
           for finding, number in zip(findings, numbers, strict=True)):
        return []
    return sorted(set(items))


# What follows a list's name before the person's other fields: a bracket, a dash, a comma or
# a colon, a house number, or the line's end (`Mr Fairclough (17 Bell Lane) - ...`, `Walter
# Nuttall - delivered ok.`); a sentence goes on with a word (`Mrs Ada Lane seen at home`).
_NAME_THEN_FIELD = re.compile(r"[ \t]*(?:[(\[,:;|\-–—]|\d|\r?$)", re.MULTILINE)


def _lists_by_line(block: list[int], heads: dict[int, str]) -> bool:
    """A run of lines listing people one a line: two or more different names open its
    lines, and such lines are at least half of the run (a note's hard-wrapped sentences
    rarely open with a name)."""
    named = [number for number in block if number in heads]
    return len({heads[number] for number in named}) > 1 and 2 * len(named) >= len(block)


def _full_names_surnames(findings: list[Finding], text: str) -> set[str]:
    """The last words of the subjects' full names a text writes (casefolded)."""
    return {text[finding.start:finding.end].split()[-1].casefold() for finding in findings
            if person_kind(finding) == SUBJECT_NAME}


def _titled_surname_head(finding: Finding, lines: LineIndex) -> str | None:
    """The surname (casefolded) of a subject's title and surname opening its line, a
    block's head in a therapist's day notes (`Mrs Hendry - home session` / `Access for next
    session: ...` / `-----` / `Client: BARLOW, Keith (DOB ...)`), else None. It names a
    person of its own only when no full name the text writes ends with it (`Mrs Lord` in a
    note on Josephine Lord's visits is hers)."""
    if finding.entity_type != SUBJECT_NAME or finding.role not in (SUBJECT, UNMARKED):
        return None
    words = finding.masked.split()
    if len(words) != 2 or len(without_leading_titles(words)) != 1 or not lines.at_head(finding):
        return None
    return lines.text[finding.start:finding.end].split()[-1].casefold()


def with_related_identifiers(findings: list[Finding], line_of: Callable[[Finding], int],
                             text: str) -> list[Finding]:
    """The findings, those written after a related person's or a staff member's name on
    its line (no other name between) marked as that person's: their role; and those
    whose label is a relation's or a staff member's possessive (`Mum's date of birth:
    02/05/1958`, `her son's mobile`, `GP's phone`)."""
    last_name: dict[int, Finding] = {}
    owner_role: dict[int, str] = {}
    previous_end = 0
    for finding in sorted(findings, key=lambda found: found.start):
        line = line_of(finding)
        if finding.entity_type == SUBJECT_NAME:
            last_name[line] = finding
        elif finding.entity_type in OWNED_BY_NAME and line in last_name and (
                last_name[line].role in NOT_SUBJECT):
            owner_role[id(finding)] = last_name[line].role
        elif finding.entity_type in OWNED_BY_NAME and not finding.role:
            role = possessor_role(text[max(previous_end, finding.start - LABEL_CHARS):
                                       finding.start])
            if role:
                owner_role[id(finding)] = role
        previous_end = max(previous_end, finding.end)
    return [finding.but(role=owner_role[id(finding)]) if id(finding) in owner_role
            else finding for finding in findings]



def with_organisation_addresses(findings: list[Finding], lines: LineIndex) -> list[Finding]:
    """The findings, an address of an organisation marked staff's (and a "name" on one of
    its numbered lines dropped: a place, `Unit 4, Dean Clough`): one in an address block
    (short lines, no blank between) headed by the organisation's name (a letterhead's
    `Aire Valley Community Care Ltd` over `Unit 4, Kirkstall Forge, Leeds LS5 3BF`) or
    labelled an office's (`Office address:`, `Registered office:`). Else a letter's
    sender's postcode was its patient's, and an office's key safe note at that postcode
    (which names nobody) became the patient's way in. A person's name on a line between
    the organisation's name and the address (a letter's addressee under its letterhead:
    `St Aidan's Hospice Bereavement Service` / `Mrs Margaret Ackroyd` / `14 Park Road,
    Halifax HX3 2AB`) makes the address that person's."""
    marked: dict[int, str] = {}
    places: set[int] = set()
    identified = {lines.line_of(finding) for finding in findings
                  if finding.entity_type in DIRECT_IDENTIFIERS}
    named = frozenset(lines.line_of(finding) for finding in findings
                      if finding.entity_type == SUBJECT_NAME and finding.role in (SUBJECT, UNMARKED)
                      and not _after_a_number(lines, finding, lines.line_of(finding)))
    for finding in findings:
        # a signature block makes its lines' names staff's, its footer's place too (`Calder
        # Valley GP Federation, Unit 4, Dean Clough, ...` under `Yours sincerely`)
        signed = finding.role == STAFF and finding.entity_type == SUBJECT_NAME
        if finding.role != UNMARKED and not signed:
            continue
        number = lines.line_of(finding)
        if finding.entity_type in ADDRESS_ENTITIES and (
                _organisations_block(lines, number, named)
                or _after_an_organisation(lines.text, finding)):
            marked[id(finding)] = STAFF
        elif finding.entity_type == SUBJECT_NAME and number not in identified and (
                _after_a_number(lines, finding, number)) and _organisations_block(lines, number):
            places.add(id(finding))  # `Unit 4, Dean Clough`: a mill's name, not a person's
    marked.update(dict.fromkeys(places, PLACE))
    return [finding.but(role=marked[id(finding)]) if id(finding) in marked else finding
            for finding in findings] if marked else findings


def _after_an_organisation(text: str, finding: Finding) -> bool:
    """A postcode whose address, on its line, follows an organisation's name inside a
    sentence (`Please book him at Todmorden Health Centre, 1 Lower George Street, Todmorden
    OL14 5RN`): the organisation's, as a letterhead's is (`postal_address`, one reading of
    an address for detection and for letters)."""
    return finding.entity_type == "UK_POSTCODE" and postal_address(
        text, finding.start, finding.end).organisation


def _after_a_number(lines: LineIndex, finding: Finding, number: int) -> bool:
    """A place on an address line: the "name" follows a unit's or a house's number on its
    unlabelled line (`Unit 4, Dean Clough`); a person's line (`John Smith 01/02/1950`) does
    not put the number first."""
    line = lines.text[lines.line_start(number):lines.line_end(number)].strip()
    before = lines.text[lines.line_start(number):finding.start]
    return any(char.isdigit() for char in before) and not _LABEL_LINE.match(line)


def _organisations_block(lines: LineIndex, number: int,
                         named: frozenset[int] = frozenset()) -> bool:
    """Whether line `number` holds an organisation's address: its own line labelled an
    office's, or an organisation's name above it with only unlabelled address lines between
    (a `Patient:` or `Address:` line between starts another person's block)."""
    own = lines.text[lines.line_start(number):lines.line_end(number)].strip()
    if _OFFICE_LABEL.match(own) or _opens_with_organisation(own):
        return True
    for above in range(number - 1, max(0, number - ADDRESS_BLOCK_LINES), -1):
        line = lines.text[lines.line_start(above):lines.line_end(above)].strip()
        if not line or len(line.split()) > ADDRESS_LINE_WORDS:
            return False
        if _names_an_organisation(line):
            return True
        if _LABEL_LINE.match(line) or above in named:
            return False
    return False


def _opens_with_organisation(line: str) -> bool:
    """A one-line address block: the organisation's name, then its address after a comma
    (`Beech Tree Surgery, 1 Station Road, Halifax HX1 1AA`), as a letterhead writes on one
    line what it otherwise writes on several. A labelled line (`Address: ...`) is not."""
    head, comma, rest = line.partition(",")
    return (bool(comma) and bool(rest.strip()) and len(line.split()) <= ONE_LINE_ADDRESS_WORDS
            and not _LABEL_LINE.match(line) and _names_an_organisation(head))


def _is_a_name(head: str) -> bool:
    """The whole head is the organisation's name (`Beech Tree Surgery`, `Friends of Bankfield
    Museum`), not a sentence naming it (`Seen at Beech Tree Surgery`)."""
    return all(word[0].isupper() or word.lower() in _NAME_JOINERS or not word[0].isalpha()
               for word in head.split()) and head.strip()[:1].isupper()


def _names_an_organisation(line: str) -> bool:
    return _is_a_name(line) and ends_as_organisation(normalise_words(line.rstrip(",")).split())


# The role of a "name" that is a place on an organisation's address line: the detector
# drops such findings (kept until then: the findings stay aligned with their values).
PLACE = "place"
ADDRESS_BLOCK_LINES = 5
_NAME_JOINERS = frozenset({"of", "and", "the", "for", "&", "upon"})
ADDRESS_LINE_WORDS = 9
ONE_LINE_ADDRESS_WORDS = 16  # a name, two street lines, a town and a postcode
_OFFICE_LABEL = re.compile(r"(?i)(?:head|registered|office|team|company|practice|"
                           r"business)[ \t]+(?:office[ \t]+)?(?:address|base|office)"
                           r"[ \t]*[:\-–]|(?:head|registered)[ \t]+office\b")
# A labelled line (`Patient: Mrs Ada Thwaite`, `Next of kin:`): a block of its own.
_LABEL_LINE = re.compile(r"[^\W\d_][\w'’/]*(?:[ \t]+[^\W\d_][\w'’/]*){0,3}[ \t]*:")


def possessor_role(label: str) -> str:
    """The role of whoever a value's label says it belongs to, when the label is a
    possessive (`Mum's date of birth:`, `Her husband's phone -`): staff or related, else
    ''. Only the label's own clause counts (after the last sentence end or line break)."""
    clause = _CLAUSE_END.split(label)[-1]
    match = _POSSESSIVE_LABEL.search(clause)
    if match is None:
        return UNMARKED
    role = default_rules().phrase_ending(normalise_words(match["owner"]).split(), 1)
    return role if role in NOT_SUBJECT else UNMARKED


_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|[\n\r|]")
_POSSESSIVE_LABEL = re.compile(
    r"(?<![\w'’])(?P<owner>[^\W\d_]+)['’]s(?:[ \t]+[^\W\d_][\w.]*){1,4}[ \t]*[:\-–]?[ \t]*$")
LABEL_CHARS = 60


# A log's line: a date and a time of day at its start (`2026-05-19 14:04:48,291 ERROR ...`,
# `2026-07-04T08:11:08Z WARN ...`, `19/11/2026 10:45:02 ...`).
_LOG_STAMP = re.compile(r"[ \t]*\[?(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})[ T]\d{1,2}:\d{2}"
                        r"(?::\d{2}(?:[,.]\d+)?)?")
# Most of the lines between a record's first and last findings so stamped make it a log.
LOG_LINE_SHARE = 0.8
LOG_ENTRY_LINES = 5  # how far above its first finding a log's entry may start
_FILLED = re.compile(r"\S")


def log_lines(findings: list[Finding], lines: LineIndex) -> list[int]:
    """The lines of a log (an import job's, an app's sync log echoing rejected rows): each
    stamped line an event of its own, so a row it echoes (`... :: CT-00502|KOWALENKO|...|KEY
    SAFE BEHIND THE WHEELIE BINS, CODE 99860`) is never the row's of the line above, whose
    person was read. [] unless most non-empty lines from the first finding's entry to the
    last finding are stamped, two of them with findings."""
    numbers = sorted({lines.line_of(finding) for finding in findings})
    first = numbers[0]
    while first > max(1, numbers[0] - LOG_ENTRY_LINES) and not _stamp(lines, first):
        first -= 1
    # (read until it is decided: a paragraph of prose is no log after a fifth of its lines)
    most_unstamped = (1 - LOG_LINE_SHARE) * (numbers[-1] - first + 1)
    stamps: dict[int, str] = {}
    unstamped = 0
    for number in range(first, numbers[-1] + 1):
        if stamp := _stamp(lines, number):
            stamps[number] = stamp
        elif _FILLED.search(lines.text, lines.line_start(number), lines.line_end(number)):
            unstamped += 1
            if unstamped > most_unstamped:
                return []
    if len(stamps) < LOG_LINE_SHARE * (len(stamps) + unstamped):
        return []
    # (lines of one stamp are one event: `22:14 | FALL | client ...` then `22:14 | NOTE |
    # ... holds a spare key`)
    events = [number for number, stamp in stamps.items()
              if stamps.get(number - 1) != stamp]
    held = {bisect_right(events, number) for number in numbers}  # the events with findings
    return events if len(held - {0}) >= 2 else []


def _stamp(lines: LineIndex, number: int) -> str:
    found = _LOG_STAMP.match(lines.text, lines.line_start(number), lines.line_end(number))
    return found.group().strip(" \t[") if found else ""


def assign_records(unit: TextUnit, findings: list[Finding], where: str | None = None
                   ) -> list[Finding]:
    """Findings of a free-text unit with their record set (and a related person's own
    identifiers marked theirs); structured units unchanged. `where`: the unit's position
    as it is stored, when that differs (masked)."""
    if unit.record is not None or not findings:
        return findings
    lines = LineIndex(unit.text)
    findings = with_related_identifiers(findings, lines.line_of, unit.text)
    findings = with_organisation_addresses(findings, lines)
    stored = unit.where if where is None else where
    name = stored if unit.window is None else f"{stored} part {unit.window.number}"
    records = FreeTextRecords(unit.text, name.strip())
    by_record: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_record[records.record_at(finding.start)].append(finding)
    named: dict[int, str] = {}
    for record, found in by_record.items():
        entries = EntryNames(lines, record)
        if len(found) > 1 and (items := log_lines(found, lines)):
            named.update(entries.assign_items(found, items))
        elif len(found) > 1 and holds_several_people(found, lines.line_of):
            entries.assign(found)
            one_record = len(set(entries.record.values())) == 1  # one person after all
            named.update((key, record if one_record else name)
                         for key, name in entries.record.items())
        elif len(found) > 1 and (items := list_items(found, lines)
                                 or separated_items(found, lines)
                                 or address_items(found, lines.line_of)
                                 or name_lines(found, lines)):
            named.update(entries.assign_items(found, items))
        else:
            named.update((id(finding), record) for finding in found)
    findings = [finding.but(record=named[id(finding)]) for finding in findings]
    findings = with_bound_identifiers(findings, unit.text)
    return with_related_subjects(with_flat_access(findings, lines), lines)


# What may stand between a name and its own identifier (`Mr Gordon Stansfield (DOB
# 08/10/1953)`, `Ann Price, NHS no. 485 ...`): a bracket, a comma, a dash and a label.
_BOUND_GAP = re.compile(r"[\s,;:(\[\-\u2013\u2014]*(?:(?i:dob|d\.o\.b\.?|date[ ]of[ ]birth|"
                        r"born|b\.|nhs(?:[ ]*(?:no|number|num)\.?)?|nhs[ ]?#)[\s:.#\-]*)?")
BOUND_GAP_CHARS = 40


def _same_person(first: Finding, second: Finding) -> bool:
    """One name in two forms (`Edna Mary Stansfield` and `Mary Stansfield`), by the keyed
    hashes only."""
    return (first.value_hash == second.value_hash
            or first.value_hash in variant_keys(second.variant_hash)
            or second.value_hash in variant_keys(first.variant_hash))


def _bound_to(text: str, name: Finding, identifier: Finding) -> bool:
    return (0 <= identifier.start - name.end <= BOUND_GAP_CHARS
            and _BOUND_GAP.fullmatch(text, name.end, identifier.start) is not None)


def with_bound_identifiers(findings: list[Finding], text: str) -> list[Finding]:
    """The findings, in a record naming two people, the one whose identifier is written
    right after their name keeping the record, another marked the subject a mention of its
    own (`record mention 1`): `Mr Gordon Stansfield (DOB 08/10/1953) died in hospital ... His
    wife Mrs Mary Stansfield (also on our caseload) told us` gave his date of birth to her, as
    the record's marked subject. A name alone makes nobody, so the mention counts no one
    more."""
    by_record: dict[str | None, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_record[finding.record].append(finding)
    moved: dict[int, str] = {}
    for record, found in by_record.items():
        names = [finding for finding in found if finding.entity_type == SUBJECT_NAME
                 and finding.role in (SUBJECT, UNMARKED) and is_full_name(finding.masked)]
        if len(names) < 2:
            continue
        identifiers = [finding for finding in found if finding.entity_type in DIRECT_IDENTIFIERS
                       and finding.role not in NOT_SUBJECT]
        bound = [name for name in names
                 if any(_bound_to(text, name, identifier) for identifier in identifiers)]
        if not bound or any(not _same_person(bound[0], name) for name in bound[1:]):
            continue
        # a name on the bound name's line before it heads the line (`Re: Glenys Jones, Gwynfa,
        # Pont-y-Gwyddel (DOB 8/6/1939)`: a house and a village read as a name)
        if any(name.start < bound[0].start and "\n" not in text[name.end:bound[0].start]
               and not _same_person(bound[0], name) for name in names):
            continue
        mentions: dict[str, int] = {}
        for name in names:
            # (an unmarked name stays: a carer's recurs across records, `recurrence`)
            if name.role == SUBJECT and not _same_person(bound[0], name):
                number = mentions.setdefault(name.value_hash, len(mentions) + 1)
                moved[id(name)] = f"{record} mention {number}"
    if not moved:
        return findings
    return [finding.but(record=Label(moved[id(finding)])) if id(finding) in moved
            else finding for finding in findings]


# A flat named by its number (`flat 22`, `Flat 7,`, `apartment 3B`, `his flat is number 31`).
_FLAT = re.compile(r"(?<![\w])(?i:flat|apartment|apt\.?)[^\S\n]*(?:(?i:is)[^\S\n]+)?"
                   r"(?:(?i:no\.?|number)[^\S\n]*)?(?P<number>\d{1,4}[A-Za-z]?)(?![\w])")


def with_flat_access(findings: list[Finding], lines: LineIndex) -> list[Finding]:
    """A way in through a building's shared entrance that names the flat it leads to
    (`Access: main entrance keypad 2580, flat 22.`) on a line of its own, in a text of several
    people's records: the way into the home of the person whose record names that flat (`Mrs
    Doreen Whitfield (DOB ...), flat 22`), not of the person above it. The flat is read on the
    access note's line (one flat only); the person is the one named last before that flat on
    another line (or first on it), when the text names one such person only."""
    if len({finding.record for finding in findings}) < 2 or _FLAT.search(lines.text) is None:
        return findings
    people: dict[int, list[Finding]] = defaultdict(list)  # line -> its people, in order
    for finding in sorted(findings, key=lambda found: found.start):
        if person_kind(finding) is not None:
            people[lines.line_of(finding)].append(finding)
    notes = [access for access in findings if access.entity_type == "HOME_ACCESS"
             and lines.line_of(access) not in people]  # (its own line names nobody)
    if not notes or not people:
        return findings
    # each flat named on a line with a person: (line, flat, the person named last before it,
    # else the first after it)
    mentions = [(number, match["number"].casefold(), before[-1] if before else on_line[0],
                 bool(before))
                for match in _FLAT.finditer(lines.text)
                if (on_line := people.get(number := lines.line_at(match.start())))
                for before in ([p for p in on_line if p.start < match.start()],)]
    moved: dict[int, Finding] = {}
    apart: set[str] = set()
    for access in notes:
        number = lines.line_of(access)
        flats = {match["number"].casefold() for match in _FLAT.finditer(
            lines.text, lines.line_start(number), lines.line_end(number))}
        if len(flats) != 1:
            continue
        flat = flats.pop()
        owners = {person.record for line, named, person, _before in mentions
                  if named == flat and line != number}
        if len(owners) != 1:
            continue
        owner = owners.pop()
        if access.record != owner:
            moved[id(access)] = access.but(record=owner)
        # (a part of the owner's entry whose person names another flat right after them is
        # not one home with them: `Mr Kenneth Barlow (DOB ..., flat 31) and Mrs Edna
        # Sharples (DOB ..., flat 12)`: a record of its own, `line 3 home 2`)
        apart.update(person.record for _line, named, person, before in mentions
                     if before and named != flat and person.record != owner
                     and entry_of(person.record) == entry_of(owner))
    if apart:
        moved.update((id(finding), finding.but(record=ENTRY_PART.sub(
            r"\g<entry> home \g<part>", finding.record)))
            for finding in findings if finding.record in apart and id(finding) not in moved)
    return [moved.get(id(finding), finding) for finding in findings]


def with_related_subjects(findings: list[Finding], lines: LineIndex) -> list[Finding]:
    """A related person who is a data subject in their own right: their own NHS number or
    date of birth and health data in their sentence (`the death of your mother,
    Ivy Gledhill (date of birth ..., NHS number ...), who died ... of metastatic lung
    cancer`: a bereavement letter's deceased patient). Their name, their own identifiers
    and the health data of their sentence become a record of their own (`line 5 related
    2`), the subject's; the rest stays the record's (the bereaved addressee's own
    insomnia is theirs). A next of kin's or a neighbour's own NHS number or date of birth
    with no health data of theirs stays a related person's (counted apart, issue 15)."""
    owned: dict[int, list[Finding]] = defaultdict(list)  # id(related name) -> its own
    owner: dict[int, Finding] = {}  # line -> its last name so far
    for finding in sorted(findings, key=lambda found: found.start):
        line = lines.line_of(finding)
        if finding.entity_type == SUBJECT_NAME:
            owner[line] = finding
        elif (finding.role == RELATED and finding.entity_type in OWNED_BY_NAME
              and line in owner and owner[line].role == RELATED):
            owned[id(owner[line])].append(finding)
    moved: dict[int, Finding] = {}
    for number, name in enumerate(found for found in findings if id(found) in owned):
        health = _sentence_health(findings, lines, name)
        kinds = {found.entity_type for found in owned[id(name)]}
        if health and kinds & _IDENTIFYING_KINDS:
            record = f"{name.record} related {number + 1}"
            moved.update((id(found), found.but(record=record, role=SUBJECT))
                         for found in (name, *owned[id(name)]))
            moved.update((id(found), found.but(record=record)) for found in health)
    return [moved.get(id(finding), finding) for finding in findings]


def _sentence_health(findings: list[Finding], lines: LineIndex, name: Finding
                     ) -> list[Finding]:
    """The special-category findings after a name up to the end of its sentence, or of its
    item in a list of people (`sister Philippa Varley, ..., DOB 27/12/1948; Alistair ...`)."""
    end = lines.line_end(lines.line_of(name))
    stop = _SENTENCE_END.search(lines.text, name.end, end)
    until = stop.start() if stop else end
    return [found for found in findings if name.end <= found.start < until
            and category_of(found.entity_type) in SPECIAL_CATEGORIES]


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")
