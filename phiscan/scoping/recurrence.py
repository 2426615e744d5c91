"""Recurring names are staff: a name seen with many different subjects is nobody's own.

A carer's or a consultant's name that no label marked sits in the note of every person
they visit, next to that person's NHS number and date of birth. Decided after the scan,
on the inventory's keyed hashes only: a full name found with no role (nothing marked it the
subject's, staff's or a relative's) counts the different subjects it was seen with, in
records about one subject (at most one NHS number and one date of birth) that name
someone else too (another name, whatever its role). A patient's own records name one
subject however often they recur, a name marked `Patient:` is the subject's there, and a
common name alone in many rows is many people: none of these is touched. A name seen so
with `[scoping] recurring_subjects` subjects or more (different NHS numbers or different
dates of birth) is treated as staff wherever it had no role; the report lists it masked
with its id, and `[scoping] keep_names` (ids) keeps a name as a subject.

Marked elsewhere: a name some record marks as staff's (`Present:`, `From:`, a signature)
or as a related person's (`Next of kin:`), and no record marks as the subject's, keeps
that role where another record names it with no mark (`Plan agreed with Stephen
Rowntree` in a client's note, when his e-mail's `From:` marked him; a letter's addressee
who is a next of kin elsewhere), but only in a record that names someone else as well: a
name alone in a row (a resident list) is left as it was, unless records about
`recurring_subjects` or more different subjects mark it as staff's (a volunteer, a PA or
a Shared Lives carer named on many clients' visits, alone with their own date of birth in
the service's register: never a subject). Staff names so treated are
listed like recurring ones (`staff.marked_names`), and `keep_names` keeps them too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from phiscan.detect.roles import RELATED, STAFF
from phiscan.scoping.subject_records import Record

NAME_ID_CHARS = 16


@dataclass(frozen=True)
class ListedName:
    """A name the report lists (masked, with its id) so a responder can override it."""

    value_hash: str
    masked: str

    @property
    def name_id(self) -> str:
        return name_id(self.value_hash)


@dataclass(frozen=True)
class RecurringName(ListedName):
    subjects: int


def name_id(value_hash: str) -> str:
    """How the report and the config refer to a name: a prefix of its keyed hash."""
    return value_hash[:NAME_ID_CHARS]


def _one_subject(record: Record) -> bool:
    return len(record.nhs) <= 1 and len(record.dobs) <= 1 and bool(record.nhs or record.dobs)


def _names_in(record: Record) -> int:
    return (len(record.full_names | record.unmarked_names) + len(record.staff_names)
            + len(record.related_names))


def recurring_names(records: list[Record], threshold: int,
                    keep: frozenset[str] = frozenset()) -> list[RecurringName]:
    """Subject-role names seen beside `threshold` or more different subjects."""
    if threshold <= 0:
        return []
    nhs_seen: dict[str, set[str]] = defaultdict(set)
    dobs_seen: dict[str, set[str]] = defaultdict(set)
    masked: dict[str, str] = {}
    for record in records:
        if not _one_subject(record) or _names_in(record) < 2:
            continue
        for name in record.unmarked_names - record.marked_names:
            nhs_seen[name] |= record.nhs
            dobs_seen[name] |= record.dobs
            masked[name] = record.masked.get(name, "")
    found = []
    for name in masked:
        subjects = max(len(nhs_seen[name]), len(dobs_seen[name]))
        if subjects >= threshold and name_id(name) not in keep:
            found.append(RecurringName(name, masked[name], subjects))
    return sorted(found, key=lambda item: (-item.subjects, item.value_hash))


def treat_as_staff(records: list[Record], names: list[RecurringName]) -> None:
    """Move recurring names from the subject's names to staff, in every record where
    nothing marked them the subject's."""
    hashes = {item.value_hash for item in names}
    for record in records:
        moved = (record.unmarked_names - record.marked_names) & hashes
        if moved:
            record.full_names -= moved
            record.staff_names |= moved



@dataclass(frozen=True)
class DeclaredName(ListedName):
    records: int  # records where it was a subject's name and is now staff's


def declared_staff(records: list[Record], ids: frozenset[str]) -> list[DeclaredName]:
    """Names a responder declared staff (`[scoping] staff_names`, by id): moved to staff in
    every record, marked the subject's or not (the responder knows who they are: a row of
    the export named after a carer). Listed with how many records they left."""
    if not ids:
        return []
    moved: dict[str, int] = defaultdict(int)
    masked: dict[str, str] = {}
    for record in records:
        for name in [name for name in record.full_names if name_id(name) in ids]:
            record.full_names.discard(name)
            record.unmarked_names.discard(name)
            record.marked_names.discard(name)
            record.staff_names.add(name)
            moved[name] += 1
            masked[name] = record.masked.get(name, "")
    return sorted((DeclaredName(name, masked[name], count) for name, count in moved.items()),
                  key=lambda item: (-item.records, item.value_hash))

@dataclass(frozen=True)
class MarkedName(ListedName):
    role: str  # staff or related
    records: int  # records where it had no mark and now has this role


def _marks(records: list[Record]) -> dict[str, set[str]]:
    """Name hash -> the roles records mark it with (subject, staff, related)."""
    marks: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for role, names in (("subject", record.marked_names), (STAFF, record.staff_names),
                            (RELATED, record.related_names)):
            for name in names:
                marks[name].add(role)
    return marks


def _staff_subjects(records: list[Record]) -> dict[str, int]:
    """Name hash -> how many different subjects (NHS numbers, or dates of birth) the records
    that mark it as staff's are about."""
    nhs_seen: dict[str, set[str]] = defaultdict(set)
    dobs_seen: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if not _one_subject(record):
            continue
        for name in record.staff_names:
            nhs_seen[name] |= record.nhs
            dobs_seen[name] |= record.dobs
    return {name: max(len(nhs_seen[name]), len(dobs_seen[name]))
            for name in nhs_seen.keys() | dobs_seen.keys()}


def marked_elsewhere(records: list[Record], keep: frozenset[str] = frozenset(),
                     threshold: int = 0) -> list[MarkedName]:
    """Move names with no mark to the one role other records mark them with (staff or
    related, never the subject's), in records that name someone else too; and in a record
    naming them alone (a register of volunteers, PAs or carers: their own date of birth),
    when records about `threshold` or more different subjects mark them as staff."""
    roles = {name: next(iter(found)) for name, found in _marks(records).items()
             if len(found) == 1 and found & {STAFF, RELATED} and name_id(name) not in keep}
    visiting = ({name for name, count in _staff_subjects(records).items()
                 if count >= threshold and roles.get(name) == STAFF} if threshold > 0 else set())
    moved: dict[str, int] = defaultdict(int)
    masked: dict[str, str] = {}
    for record in records:
        names = (record.unmarked_names - record.marked_names) & record.full_names
        # Decided on the record as it stands, never as its names leave it one by one (that
        # made which of two such names stayed depend on a set's order).
        alone = len(record.full_names) == 1
        for name in sorted(names & roles.keys()):
            if alone and name not in visiting:
                continue  # the only subject-like name of its record: left as it was
            record.full_names.discard(name)
            record.unmarked_names.discard(name)
            (record.staff_names if roles[name] == STAFF else record.related_names).add(name)
            moved[name] += 1
            masked[name] = record.masked.get(name, "")
    return sorted((MarkedName(name, masked[name], roles[name], count)
                   for name, count in moved.items()),
                  key=lambda item: (item.role, -item.records, item.value_hash))
