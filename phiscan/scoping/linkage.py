"""Link records into individuals: the people a breach touched.

Who counts as a data subject: a record *seeds* a person only when it
identifies one on its own, with a valid NHS number outside the test range, or
with a full name (two words or more) together with a date of birth. Records
that only carry a name (a carer on a rota, a signature), only a date, or only
a test-range NHS number never create a person; they attach to one when the
evidence points to exactly one.

Three linkages over the seeds, from loose to strict:

- loose (the lower bound of the count): same NHS number; same full name + DOB
  even when the NHS numbers differ (a mistyped number); the standard's name carried by
  two people who disagree on nothing; same full name + postcode,
  for names not seen beside two or more NHS numbers (staff, streets read as names).
- standard (the reported total): same NHS number; same full name + DOB unless
  the two sides carry different NHS numbers; a full name carried by exactly two
  people who disagree on nothing (one known by an NHS number, the other by a date
  of birth: `link_halves`); a date of birth carried by exactly two people, one numbered
  and never named (a national dataset's row), the other named and never numbered, who
  disagree on nothing (`link_unnamed_halves`).
- strict (the upper bound): same NHS number; same full name + DOB only when a
  postcode agrees too. Records that make nobody and match nobody count as
  possible further people: an unknown full name next to health or home-access
  data, and a date of birth whose name was not read (one per distinct DOB and
  postcodes).

Non-seed records attach after the standard linkage: a test-range record with a
full name + DOB joins the person with that name + DOB; a name-only record joins
the one person carrying that full name, unless both sides have postcodes and
none agrees ("postcode as supporting evidence"). A name carried by two or more
people attaches nothing: it is ambiguous, or staff who visit many people. A row of
a table that names nobody and holds no identifier (a medication chart's `Access |
key safe code ...` row, a `GP | Dr ...` row) joins the person of the table's one row
that identifies anyone (`table_of`): a sheet about one patient is about that patient
in every row; a table with two identified rows attaches nothing. Any other record that
points at nobody joins the one person whose records give its postcode (a visit planning
note whose patient's name was not read, over the home's access note), else (a discharge
letter's body, whose patient is named only in its details table) the one person the other
records of its location make, when they make exactly one; never an entry of a text cut
because it holds several people (`line 5`: a therapist's block headed `Mrs Hendry`, whose
name is not read as a full name, is not the one fully named client's). A record whose only
identifier is a date of birth (a Word letter's body, `Patient born 29/07/1938`, under a
header naming the patient with an NHS number) joins that one person too, when the person
carries no other date of birth (`_dated_only`, `_carries_dates`); never a row, element or
entry of a series, each its own person's (`_SERIES_RECORD`). Two people of one home (one
names the other as a related person, and both give one postcode) share its way in
(`share_homes`); a home's list of its residents (its tenants marked, one postcode, its way in)
opens each listed person's home (`open_named_homes`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from operator import attrgetter

from phiscan.detect.entities import SPECIAL_CATEGORIES
from phiscan.scoping.subject_records import HOME_ACCESS, Record
from recognizers.access_kinds import CODE, KEY_HOLDER
from recognizers.life_states import CODE_OUT_OF_USE, MOVED_OUT, person_state

# What identifies a person (`Individual.identified_by`).
BY_NHS_NUMBER, BY_NAME_AND_DOB, BY_NAME_AND_ADDRESS = (
    "nhs_number", "name_and_date_of_birth", "name_and_address")
# A record of a table as the extractors name it: `sheet MAR row 4`, `table 2 row 3`,
# `row 12`, `table 1 column 2`; the rest of the name is the table.
_TABLE_RECORD = re.compile(r"^(.*?)(?:row|column) \d+(?: part \d+)?$")
# One person's entry of a text cut because it holds several (`line 5`, `line 5 part 2`:
# `phiscan.detect.records`): it names nobody read (`Miss Hendry - home session` over her
# key box's code), so it is nobody's rather than the one identified client's of the file.
_ENTRY_RECORD = re.compile(r"(?:^| )line \d+(?: part \d+)?$")
# A record that is one of a series, each its own person's: a table's row or column, a JSON
# element, an HL7 message, a FHIR entry (`row 3`, `cases[1]`, `message 2`, `entry[1] Patient`).
# A form's whole table or a page's header, which gives a document's subject by its labelled
# fields (`table 1`, `section 1 header`: `_to_form_subject`); never one of its rows.
_FORM_RECORD = re.compile(r"(?:^| )(?:table \d+|header)$")
_SERIES_RECORD = re.compile(r"(?:row|column) \d+(?: part \d+)?$|\[\d+\]|^message \d+$")


class Linkage(StrEnum):
    LOOSE = "loose"
    STANDARD = "standard"
    STRICT = "strict"


class UnionFind:
    """Groups of record indices; each root keeps the NHS numbers of its group."""

    def __init__(self, records: list[Record]) -> None:
        self.parent = list(range(len(records)))
        # Each root's numbers; shared with its record until a union makes a new set.
        self.nhs: list[set[str]] = [record.nhs for record in records]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def conflict(self, first: int, second: int) -> bool:
        """Both groups carry NHS numbers and share none: two different people."""
        a, b = self.nhs[self.find(first)], self.nhs[self.find(second)]
        return bool(a) and bool(b) and not a & b

    def copy(self) -> UnionFind:
        """The same groups, to link further without changing these (sets are shared:
        `union` makes a new set rather than adding to one)."""
        copied = UnionFind.__new__(UnionFind)
        copied.parent, copied.nhs = list(self.parent), list(self.nhs)
        return copied

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a
            if not self.nhs[b] <= self.nhs[a]:
                self.nhs[a] = self.nhs[a] | self.nhs[b]

    def groups(self, indices: Iterable[int]) -> dict[int, list[int]]:
        grouped: dict[int, list[int]] = defaultdict(list)
        for index in indices:
            grouped[self.find(index)].append(index)
        return grouped


# Keys come in sorted order, never a set's: which of a record's keys links first decides
# which group a conflicting record joins, and a set's order changes from one process to the
# next (string hashing is salted), so one inventory gave different people on each report.
def name_dob_keys(record: Record) -> Iterator[tuple[str, str]]:
    for name in sorted(record.full_names):
        for dob in sorted(record.dobs):
            yield name, dob


def name_postcode_keys(record: Record) -> Iterator[tuple[str, str]]:
    for name in sorted(record.full_names):
        for postcode in sorted(record.postcodes):
            yield name, postcode


def _link_by(groups: UnionFind, records: list[Record], seeds: list[int], keys,
             block_conflicts: bool) -> None:
    first_with_key: dict[object, int] = {}
    for index in seeds:
        for key in keys(records[index]):
            if key not in first_with_key:
                first_with_key[key] = index
                continue
            other = first_with_key[key]
            if block_conflicts and groups.conflict(other, index):
                continue
            groups.union(other, index)


def _strict_name_dob_keys(record: Record) -> Iterator[tuple[str, str, str]]:
    for name, dob in name_dob_keys(record):
        for postcode in sorted(record.postcodes):
            yield name, dob, postcode


def seed_indices(records: list[Record]) -> list[int]:
    return [index for index, record in enumerate(records) if record.is_seed]


@dataclass
class Seeds:
    """The records that seed people, grouped by NHS number: where all three linkages
    start (a report runs all three; found once, as they are most of each one's work)."""

    indices: list[int]
    by_nhs: UnionFind


def seeds_of(records: list[Record]) -> Seeds:
    indices = seed_indices(records)
    groups = UnionFind(records)
    _link_by(groups, records, indices, lambda record: record.nhs, block_conflicts=False)
    return Seeds(indices, groups)


def link_seeds(records: list[Record], linkage: Linkage, found: Seeds) -> UnionFind:
    groups, seeds = found.by_nhs.copy(), found.indices
    if linkage is Linkage.STRICT:
        _link_by(groups, records, seeds, _strict_name_dob_keys, block_conflicts=True)
    elif linkage is Linkage.STANDARD:
        _link_by(groups, records, seeds, name_dob_keys, block_conflicts=True)
        # variants first: `Ron Southall` and `Ronald Southall` of one date of birth are one
        # holder of the initial form `Mr R. Southall` then
        link_variants(groups, records, seeds)
        link_initials(groups, records, seeds)
        link_halves(groups, records, seeds)
        link_unnamed_halves(groups, records, seeds)
        link_local_ids(groups, records, seeds)
    else:
        _link_by(groups, records, seeds, name_dob_keys, block_conflicts=False)
        link_variants(groups, records, seeds)
        link_initials(groups, records, seeds)
        link_halves(groups, records, seeds)
        link_unnamed_halves(groups, records, seeds)
        link_local_ids(groups, records, seeds)
        shared = shared_names(records, seeds, groups)
        _link_by(groups, records, seeds,
                 lambda record: ((n, p) for n, p in name_postcode_keys(record) if n not in shared),
                 block_conflicts=False)
    return groups


@dataclass
class Evidence:
    """What one group of records says about its person (keyed hashes)."""

    nhs: set[str] = field(default_factory=set)
    dobs: set[str] = field(default_factory=set)
    postcodes: set[str] = field(default_factory=set)

    def agrees(self, other: Evidence) -> bool:
        """Nothing told twice differs: no two NHS numbers, dates of birth or postcodes
        that share nothing."""
        return all(not (mine and theirs) or bool(mine & theirs)
                   for mine, theirs in ((self.nhs, other.nhs), (self.dobs, other.dobs),
                                        (self.postcodes, other.postcodes)))

    def add(self, other: Evidence) -> None:
        self.nhs |= other.nhs
        self.dobs |= other.dobs
        self.postcodes |= other.postcodes


def link_initials(groups: UnionFind, records: list[Record], seeds: list[int]) -> None:
    """A name written with an initial is the one person whose forename it agrees with, of
    the same surname and date of birth (`Mr G. Pickles, born 21 June 1975` in a clinic note
    is `PICKLES, Graham, 1975-06-21` of an extract): the initial form's key (`g. pickles`,
    `phiscan.detect.normalize.initial_form`) with the date of birth matches exactly one
    person's full name (twins `Graham` and `Gary` of one date of birth: two, no join), and
    the two sides carry no different NHS numbers. Never on the initial and surname alone."""
    full: dict[tuple[str, str], set[int]] = defaultdict(set)  # (initial form, dob) -> people
    for index in seeds:
        record = records[index]
        for name in record.full_names:
            if name in record.initials:
                for dob in record.dobs:
                    full[(record.initials[name], dob)].add(index)
    if not full:
        return
    for index in seeds:
        for name, dob in name_dob_keys(records[index]):
            holders = {groups.find(other) for other in full.get((name, dob), ())}
            if len(holders) == 1 and not groups.conflict(next(iter(holders)), index):
                groups.union(next(iter(holders)), index)


def link_variants(groups: UnionFind, records: list[Record], seeds: list[int]) -> None:
    """One person's name written in another order, with or without a particle, or in
    another romanisation (`Mohammed Abdul Rashid` / `Abdul Rashid Muhammad`, `Nurul Aisyah
    binti Ahmad` / `Nurul Aisyah Ahmad`): names of one variant form
    (`phiscan.detect.normalize.variant_form`) with one date of birth are one person, when at
    most one of the people they would join carries NHS numbers (two numbered people of one
    form and date of birth: ambiguous, no join). Never on the form alone: two men called
    `Muhammad Iqbal` of different dates of birth stay two; an NHS number joins regardless."""
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)  # (form, dob) -> people
    for index in seeds:
        record = records[index]
        if not record.variants:
            continue  # its names' forms are their keys: the name + DOB linkage joined them
        for name, dob in name_dob_keys(record):
            for form in sorted(record.variants.get(name, (name,))):
                holders[(form, dob)].add(index)
    if not holders:
        return
    for index in seeds:
        for key in name_dob_keys(records[index]):
            holders.get(key, set()).add(index)
    # (in the order each key was first met, seeds in their order: `seeds_of` fixes it)
    for members in holders.values():
        roots = sorted({groups.find(index) for index in members})
        if len(roots) > 1 and sum(bool(groups.nhs[root]) for root in roots) <= 1:
            for root in roots[1:]:
                groups.union(roots[0], root)


def link_halves(groups: UnionFind, records: list[Record], seeds: list[int]) -> None:
    """One person written twice, once with a number and once with a date of birth
    (`Victor Jagger, NHS ...` in an e-mail, `JAGGER, Victor (21/01/1973)` on a list): a
    full name that exactly two people carry, each in a record that names nobody else,
    and who disagree on nothing (no two different NHS numbers, dates of birth or
    postcodes), is one person. A name carried by three or more is common or staff's,
    and links nobody; a name beside another in every record of one of them may be a
    carer's."""
    holders: dict[str, set[int]] = defaultdict(set)
    alone: dict[str, set[int]] = defaultdict(set)  # people with a record naming only them
    for index in seeds:
        names = records[index].full_names
        if not names:
            continue
        root = groups.find(index)
        for name in sorted(names):
            holders[name].add(root)
            if len(names) == 1:
                alone[name].add(root)
    pairs = [roots for name, roots in holders.items()
             if len(roots) == 2 and alone.get(name) == roots]
    if not pairs:
        return
    # Evidence only for the people a pair may join (a report's linkages run this over
    # every seed: gathering everyone's evidence cost a third of a large report).
    wanted = set().union(*pairs)
    evidence: dict[int, Evidence] = defaultdict(Evidence)
    for index in seeds:
        root = groups.find(index)
        if root in wanted:
            record = records[index]
            evidence[root].add(Evidence(record.nhs, record.dobs, record.postcodes))
    for roots in pairs:
        first, second = (groups.find(root) for root in roots)
        if first != second and evidence[first].agrees(evidence[second]):
            groups.union(first, second)
            evidence[first].add(evidence.pop(second))


# A date of birth is no key between people: a numbered-only and a named-only person who
# share one are the same only while chance would rarely pair two strangers. Expected
# strangers sharing a date: numbered-only x named-only people over the dates of birth they
# can have (about 30 years of days for a care caseload: a narrow spread is the cautious
# reading). On a share of a hundred people that is about 0.002; on a breach of thousands it
# is hundreds, and nobody is linked by a date of birth alone.
DOB_DAYS_SPREAD = 30 * 365
CHANCE_PAIRS_ALLOWED = 0.05


def _chance_pairs(records: list[Record], seeds: list[int], groups: UnionFind) -> float:
    """How many numbered-only and named-only strangers would share a date of birth by
    chance across the scan."""
    numbered: set[int] = set()
    named: set[int] = set()
    for index in seeds:
        record, root = records[index], groups.find(index)
        if record.nhs:
            numbered.add(root)
        if record.full_names:
            named.add(root)
    return len(numbered - named) * len(named - numbered) / DOB_DAYS_SPREAD


def link_unnamed_halves(groups: UnionFind, records: list[Record], seeds: list[int]) -> None:
    """One person written twice, once by number and date of birth with no name anywhere (a
    national dataset's row: `LOCAL_PATIENT_ID|NHS_NUMBER|PERSON_BIRTH_DATE|...`), once by
    name and date of birth with no number (a checklist log's `SURNAME, Forename  DOB`): a
    date of birth that exactly two people carry, one never named and numbered, the other
    named and never numbered, who disagree on nothing (no two different dates of birth or
    postcodes), is one person. A date three or more people carry, or two named people, or
    two numbered ones, links nobody: a date of birth is never a key between named people."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index in seeds:
        for dob in records[index].dobs:
            holders[dob].add(groups.find(index))
    pairs = [roots for roots in holders.values() if len(roots) == 2]
    if not pairs or _chance_pairs(records, seeds, groups) > CHANCE_PAIRS_ALLOWED:
        return
    wanted = set().union(*pairs)
    evidence: dict[int, Evidence] = defaultdict(Evidence)
    named: set[int] = set()
    for index in seeds:
        root = groups.find(index)
        if root in wanted:
            record = records[index]
            evidence[root].add(Evidence(record.nhs, record.dobs, record.postcodes))
            if record.full_names:
                named.add(root)
    for roots in pairs:
        first, second = (groups.find(root) for root in roots)
        if first == second or first not in evidence or second not in evidence:
            continue
        if ((first in named) == (second in named)
                or bool(evidence[first].nhs) == bool(evidence[second].nhs)
                or bool(evidence[first].nhs) == (first in named)):
            continue  # both or neither named or numbered; or the named one has the number
        if evidence[first].agrees(evidence[second]):
            groups.union(first, second)
            evidence[first].add(evidence.pop(second))
            named.add(first)


def local_id_holders(groups: UnionFind, records: list[Record], seeds: list[int],
                     issuers: Issuers | None = None) -> dict[str, set[int]]:
    """Each local identifier (`recognizers.local_ids`: namespace and value; with `issuers`,
    qualified by its record's issuer) -> the groups of the seeds that hold it: a record
    naming the person (NHS number, or name and date of birth) beside the number binds the
    number to that person."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index in seeds:
        record = records[index]
        for local_id in record.local_ids:
            key = local_id if issuers is None else issuers.issued(record, local_id)
            holders[key].add(groups.find(index))
    return holders


def link_local_ids(groups: UnionFind, records: list[Record], seeds: list[int]) -> None:
    """One person written twice beside an organisation's number for them (`PMR no 10234`
    with an NHS number in a PMR export, and with `Mrs D ASHWORTH` and her date of birth on
    an owings list): the people holding one local identifier are one person when they
    disagree on nothing that identifies (no two NHS numbers or dates of birth that share
    nothing). A number held by people who disagree (a couple's delivery account, a family
    account, a typo, two organisations' `Client ID 10234`) joins nobody across its issuers;
    within one issuer (`Issuers`), its holders who agree are one person."""
    holders = local_id_holders(groups, records, seeds)
    pairs = [roots for roots in holders.values() if len(roots) > 1]
    if not pairs:
        return
    evidence = _evidence(groups, records, seeds, set().union(*pairs))
    contested = _join_agreeing(groups, evidence, holders)
    if contested:
        issued = local_id_holders(groups, records, seeds, Issuers(records))
        _join_agreeing(groups, evidence, {key: roots for key, roots in issued.items()
                                          if Issuers.plain(key) in contested})


def _evidence(groups: UnionFind, records: list[Record], seeds: list[int], wanted: set[int]
              ) -> dict[int, Evidence]:
    """What the seeds of each group in `wanted` say about its person."""
    evidence: dict[int, Evidence] = {}
    for index in seeds:
        root = groups.find(index)
        if root in wanted:
            record = records[index]
            evidence.setdefault(root, Evidence()).add(Evidence(record.nhs, record.dobs))
    return evidence


def _join_agreeing(groups: UnionFind, evidence: dict[int, Evidence],
                   holders: dict[str, set[int]]) -> set[str]:
    """Join the people holding each key when they all agree; the keys whose people
    disagree."""
    contested = set()
    for key, roots in sorted(holders.items(), key=lambda item: sorted(item[1])):
        people = sorted({groups.find(root) for root in roots})
        if len(people) < 2:
            continue
        if not _all_agree([evidence[root] for root in people]):
            contested.add(key)
            continue
        for other in people[1:]:
            groups.union(people[0], other)
            evidence[people[0]].add(evidence.pop(other))
    return contested


class Issuers:
    """Who issued a record's local numbers, as the share says it: the top folder of its
    file under the folder all the scanned files share (`council/asc/review.txt`,
    `trust/nursing/visit.txt`). A breach share of several organisations keeps each one's
    files apart (an export of a shared drive, a mailbox per body), so two organisations'
    `Client ID 10234` for two people are two keys; one organisation's number read in
    several of its folders (`exports/`, `care-notes/`) is still one key where its
    holders agree, as only a number its holders disagree on is read per issuer."""

    SEPARATOR = "\x1f"

    def __init__(self, records: Iterable[Record]) -> None:
        parts = [folder.split("/") for folder in {
            _slashed(record.location).rsplit("/", 1)[0] for record in records}]
        common = 0
        while parts and all(len(part) > common and part[common] == parts[0][common]
                            for part in parts):
            common += 1
        self.common = common

    def issuer(self, record: Record) -> str:
        parts = _slashed(record.location).split("/")
        return parts[self.common] if len(parts) > self.common + 1 else ""

    def issued(self, record: Record, local_id: str) -> str:
        return f"{self.issuer(record)}{self.SEPARATOR}{local_id}"

    @classmethod
    def plain(cls, key: str) -> str:
        return key.rsplit(cls.SEPARATOR, 1)[-1]


def _slashed(location: str) -> str:
    return location.replace("\\", "/")


def _all_agree(people: list[Evidence]) -> bool:
    return all(first.agrees(second) for position, first in enumerate(people)
               for second in people[position + 1:])


def shared_local_ids(people: list[Individual]) -> dict[str, int]:
    """Local identifiers the linked people's own identifying records give to two or more of
    them under one issuer (`Issuers`) -> how many (a couple's delivery account, an order
    naming several people): no key, listed as a linkage fault. Only the numbers: never who
    holds them."""
    issuers = Issuers(record for person in people for record in person.records)
    holders: dict[str, set[int]] = defaultdict(set)
    issued: dict[str, set[int]] = defaultdict(set)
    for position, person in enumerate(people):
        for record in person.records:
            if record.is_seed:
                for local_id in record.local_ids:
                    holders[local_id].add(position)
                    issued[issuers.issued(record, local_id)].add(position)
    shared = {Issuers.plain(key) for key, held in issued.items() if len(held) > 1}
    return {local_id: len(held) for local_id, held in holders.items() if local_id in shared}


def _people_by_local_id(individuals: list[Individual], issuers: Issuers
                        ) -> dict[str, set[int]]:
    """Each local identifier, plain and qualified by its issuer (`Issuers`) -> the
    individuals whose identifying records hold it."""
    by_id: dict[str, set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for record in person.records:
            for local_id in record.local_ids:
                by_id[local_id].add(position)
                by_id[issuers.issued(record, local_id)].add(position)
    return by_id


def _by_local_id(record: Record, by_id: dict[str, set[int]], by_name: dict[str, set[int]],
                 issuers: Issuers) -> int | None:
    """The one person a record's local identifiers are bound to (`PMR no 10234` on an
    owings list that names her only as `Mrs Ashworth`), or None: a number bound to two
    people (but one of them by the record's own issuer: `Issuers`), numbers of two people,
    or a record naming someone else (a driver's note about another customer beside her
    account number) attach nothing. A name no individual carries does not stop it (a case
    report's `Re: Adeyemi-Cole v Mr P. Dalby` over the claimant's claim number)."""
    if not record.local_ids:
        return None
    target = _only_person(set().union(*(by_id.get(local_id, set())
                                        for local_id in record.local_ids)))
    if target is None:
        target = _only_person(set().union(*(by_id.get(issuers.issued(record, local_id), set())
                                            for local_id in record.local_ids)))
    if target is not None and any(by_name.get(name, {target}) != {target}
                                  for name in record.full_names):
        return None
    return target


def shared_names(records: list[Record], seeds: list[int], groups: UnionFind) -> set[str]:
    """Names seen beside two or more NHS numbers: staff, a street, a common name."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index in seeds:
        if records[index].nhs:
            for name in records[index].full_names:
                holders[name].add(groups.find(index))
    return {name for name, roots in holders.items() if len(roots) > 1}


def union_of(records: Iterable[Record], attribute: str) -> set[str]:
    # `attrgetter` in `map`: no Python frame per record (a report calls this for every
    # person and several attributes).
    return set().union(*map(attrgetter(attribute), records))


class computed_once:  # noqa: N801 - used as a decorator, like functools.cached_property
    """functools.cached_property without its per-access lock (Python 3.11 takes one on
    every first read: a report on a large breach reads hundreds of thousands)."""

    def __init__(self, compute: Callable) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass
class Individual:
    """One person: the records that describe them. Only hashes and masked previews.

    The aggregates are computed once, on first use, after all records are attached.
    """

    id: str
    records: list[Record] = field(default_factory=list)
    linkage_fault: str = ""  # `3 dates of birth`: set by `mark_linkage_faults`
    # Kinds of way in to a home this person shares with another person (`share_homes`).
    household_kinds: set[str] = field(default_factory=set)
    # Whether another person's note opens this person's home (`share_homes`,
    # `open_named_homes`), whatever its kinds.
    household_access: bool = False

    @computed_once
    def nhs(self) -> set[str]:
        return union_of(self.records, "nhs")

    @computed_once
    def dobs(self) -> set[str]:
        return union_of(self.records, "dobs")

    @computed_once
    def full_names(self) -> set[str]:
        return union_of(self.records, "full_names")

    @computed_once
    def partial_names(self) -> set[str]:
        return union_of(self.records, "partial_names")

    @computed_once
    def name_forms(self) -> set[str]:
        """Their full names' keys and those names' initial forms (`g. pickles`)."""
        return self.full_names | set().union(*(record.initials.values()
                                               for record in self.records))

    @computed_once
    def related_names(self) -> set[str]:
        return union_of(self.records, "related_names") - self.full_names

    @computed_once
    def postcodes(self) -> set[str]:
        return union_of(self.records, "postcodes")

    @computed_once
    def categories(self) -> set[str]:
        own = union_of(self.records, "categories")
        return own | {HOME_ACCESS} if self.household_kinds else own

    @computed_once
    def locations(self) -> list[str]:
        return sorted({record.location for record in self.records})

    @computed_once
    def life_state(self) -> str:
        """`deceased` or `moved_out` (for good: a care home) when any of their records says
        so (`LIFE_STATE`), else ''. A death outranks a move (a resident who died there).
        Not from a record saying they still live at the home (a row for a husband who died,
        naming his widow: `Mrs Ivy Kershaw still lives at the address`, `survivor`): its
        death is another person's of that home. Nor from a record joined to them by its
        postcode alone (`Record.at_postcode_only`) that names someone in part who is not
        them (`Mr Kershaw passed away ... collect the bed from 14 Mill Lane HX3 7DJ` joins his
        widow, the one person known at that postcode, and `Mr Kershaw` is no form of her
        name); a collection row's `Mr A LLOYD-PRITCHARD ... Deceased` at his postcode is his
        (his name's initial form)."""
        forms = self.name_forms
        states = set().union(*(record.life_states for record in self.records
                               if record.survivors.isdisjoint(self.full_names)
                               and not (record.at_postcode_only and record.partial_names
                                        and record.partial_names.isdisjoint(forms))))
        return person_state(states)

    @computed_once
    def any_home_access(self) -> bool:
        """A way into a home of theirs is in the leak, the home they live in or one they left,
        working or not."""
        return HOME_ACCESS in self.categories

    @computed_once
    def home_access(self) -> bool:
        """A way into the home they live in that still opens it: not one they left by dying
        or moving out for good (`former_home_access`: a family may still live there; the
        responder decides), nor only a code since changed (`withdrawn_kinds`)."""
        return (self.any_home_access and not self.life_state
                and not (self.withdrawn_kinds and not self.access_kinds))

    @computed_once
    def former_home_access(self) -> bool:
        """A way in the leak gives that no longer opens the home they live in: a home left,
        or a code changed since (`withdrawn_kinds`)."""
        return self.any_home_access and bool(self.life_state or self.withdrawn_kinds)

    @computed_once
    def found_kinds(self) -> set[str]:
        """The kinds of way into this person's home the leak gives (`code`, `hidden_key`,
        `left_open`, `key_holder`; `unknown` from an inventory older than kinds), their own
        records' and their household's (`share_homes`), working or not."""
        return union_of(self.records, "access_kinds") | self.household_kinds

    @computed_once
    def withdrawn_kinds(self) -> set[str]:
        """Of those, the kinds a record of theirs says no longer open the home they live in:
        - a code, when a record says the code was changed and the new one kept out of the
          records (`New code NOT held - ring duty SW`, `KS code changed - ring pt for new
          code`: `recognizers.life_states.CODE_OUT_OF_USE`): every code of theirs, whichever
          record gave it (an old record's code is the one changed);
        - the kinds given only in records of a home they left: records whose postcodes are
          all one a record of theirs names as a former address (`Previous address: ...`,
          `OLD: ... NEW: ...`), unless a record of another home gives that kind too."""
        out_of_use = any(CODE_OUT_OF_USE in record.life_states for record in self.records)
        return ((self.found_kinds & {CODE} if out_of_use else set())
                | (self.old_home_kinds - self.current_home_kinds))

    @computed_once
    def former_postcodes(self) -> set[str]:
        return union_of(self.records, "former_postcodes")

    def _of_old_home(self, record: Record) -> bool:
        return bool(record.postcodes) and record.postcodes <= self.former_postcodes

    @computed_once
    def old_home_kinds(self) -> set[str]:
        """The kinds given in records of a home they left only (`withdrawn_kinds`)."""
        if not self.former_postcodes:
            return set()
        return set().union(*(record.access_kinds for record in self.records
                              if self._of_old_home(record)))

    @computed_once
    def current_home_kinds(self) -> set[str]:
        """The kinds given in records of a home they live in. A record giving no postcode
        (a visit log's note, `KS code 49284 stiff`) gives a kind the old home's records give
        as the old home's: a kind is current only where a record of the home they live in,
        or one with no postcode and a kind no old home's record gives, says so."""
        old = self.old_home_kinds
        return set().union(*(record.access_kinds if record.postcodes else
                             record.access_kinds - old for record in self.records
                             if not self._of_old_home(record))) | self.household_kinds

    @computed_once
    def access_kinds(self) -> set[str]:
        """The kinds of way in that still open their home (`found_kinds` less
        `withdrawn_kinds`)."""
        return self.found_kinds - self.withdrawn_kinds

    @computed_once
    def own_access_kinds(self) -> set[str]:
        """Of those, the kinds their own records give (not only another person's note for
        their home: `share_home_access`, `share_homes`, `open_named_homes`)."""
        return set().union(*(record.access_kinds - record.household_kinds
                             for record in self.records)) - self.withdrawn_kinds

    @computed_once
    def home_access_via(self) -> str:
        """Whose records give the way in: `own`, `household` (another person's of their
        home), `both`, or '' (none)."""
        own = bool(self.own_access_kinds)
        household = self.household_access or bool(self.household_kinds) or any(
            record.household_access for record in self.records)
        if not self.any_home_access:
            return ""
        return "both" if own and household else ("own" if own else "household")

    @computed_once
    def entry_details(self) -> bool:
        """Their home opens from the leak alone (a code, a hidden key, a door left open):
        the responder changes the code or moves the key. Only a key holder named is not.
        Never a home they left (`former_home_access`)."""
        return self.home_access and bool(self.access_kinds - {KEY_HOLDER})

    @computed_once
    def identified_by(self) -> str:
        """What makes this person someone: an NHS number, else a name with a date of birth,
        else a name at an address with the way into that home (`may_be_at_home`)."""
        if self.nhs:
            return BY_NHS_NUMBER
        if any(record.full_names and record.dobs for record in self.records):
            return BY_NAME_AND_DOB
        return BY_NAME_AND_ADDRESS

    @computed_once
    def identities(self) -> int:
        """How many people its names and dates of birth are (`identities`): at most one
        unless it has two names and two dates of birth (most people: counted at once)."""
        if len(self.dobs) < 2 or len(self.full_names) < 2:
            return int(any(record.full_names and record.dobs for record in self.records))
        return identities(self.records)

    @computed_once
    def special_category(self) -> bool:
        return not self.categories.isdisjoint(SPECIAL_CATEGORIES)

    @computed_once
    def test_range_nhs(self) -> bool:
        return any(record.test_nhs for record in self.records)


def identities(records: Iterable[Record]) -> int:
    """How many people the names and dates of birth of these records are: a name and a
    date of birth written in one record are one identity, and identities sharing a name
    (a typo in the date) or a date of birth (a nickname, a married name) are one. Two
    left apart (`Margaret Ellwood, DOB 14/07/1938` and `Alice Ashworth, DOB 01/02/1950`
    under one NHS number) are two people, whichever of them the number is."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    both: set[tuple[str, str]] = set()  # a name and a date of birth in one record
    for record in records:
        nodes = [("name", name) for name in record.full_names] + [
            ("dob", dob) for dob in record.dobs]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
        if record.full_names and record.dobs:
            both.add(nodes[0])
    return len({find(node) for node in both})


def linkage_fault(person: Individual, limit: int) -> str:
    """What makes a row more than one person's: more than `limit` different dates of birth
    or NHS numbers (`3 dates of birth; 4 NHS numbers`), or, within the limit, names and
    dates of birth that disagree on both (`2 identities`: one NHS number written for two
    people), else ''. One person has one date of birth and one NHS number; a typo or an
    old number makes two. More means records of several people joined: a file read as one
    record, or people chained through a shared identifier (siblings given a parent's NHS
    number). The row is kept as linked, not split on a guess (which date goes with which
    number is what the linkage could not tell), and the fault is reported so a responder
    checks it before writing to anyone."""
    if limit <= 0:
        return ""
    fault = "; ".join(f"{len(keys)} {label}" for keys, label in (
        (person.dobs, "dates of birth"), (person.nhs, "NHS numbers")) if len(keys) > limit)
    return fault or (f"{person.identities} identities" if person.identities > 1 else "")


def mark_linkage_faults(people: list[Individual], limit: int) -> list[Individual]:
    """Each person's `linkage_fault`; the people with one."""
    for person in people:
        person.linkage_fault = linkage_fault(person, limit)
    return [person for person in people if person.linkage_fault]


def most_people_in(person: Individual) -> int:
    """How many people a faulty row may be: one per date of birth, NHS number or identity."""
    return max(len(person.dobs), len(person.nhs), person.identities, 1)


def shared_nhs_numbers(person: Individual) -> int:
    """The person's NHS numbers whose own records give two or more identities: one number
    keyed for several people in the source systems (a data-quality finding for the
    controller, apart from the breach: a clinician may read one patient's record as
    another's)."""
    by_number: dict[str, list[Record]] = defaultdict(list)
    for record in person.records:
        for number in record.nhs:
            by_number[number].append(record)
    return sum(identities(records) > 1 for records in by_number.values())


def individual_id(records: list[Record]) -> str:
    """Pseudonymous and stable for one key: derived from the person's keyed hashes."""
    anchors = sorted(set().union(*(record.nhs for record in records))) or sorted(
        f"{name}:{dob}" for record in records for name, dob in name_dob_keys(record)
    ) or sorted(f"{name}@{postcode}" for record in records
                for name, postcode in name_postcode_keys(record))
    digest = hashlib.sha256(("phiscan-individual\x1f" + anchors[0]).encode()).hexdigest()
    return f"P-{digest[:12]}"


@dataclass
class Linked:
    """The outcome of the standard linkage: individuals and the records nobody claimed."""

    individuals: list[Individual]
    unattributed: list[Record]


def _make_ids_unique(individuals: list[Individual]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for person in individuals:
        seen[person.id] += 1
        if seen[person.id] > 1:
            person.id = f"{person.id}-{seen[person.id]}"


def _index_individuals(individuals: list[Individual]) -> tuple[dict, dict]:
    by_name_dob: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_name: dict[str, set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for record in person.records:
            for key in name_dob_keys(record):
                by_name_dob[key].add(position)
            for name in record.full_names:
                by_name[name].add(position)
    return by_name_dob, by_name


def variant_dob_keys(record: Record) -> Iterator[tuple[str, str]]:
    """(variant form, initial form or name key, date of birth) for each name and date of
    birth of a record: `Ron Southall` gives `ronald southall`'s
    (`phiscan.detect.normalize.variant_form`), `Gareth Pugh` gives `g. pugh`'s (the key of
    `Mr G. Pugh`: `initial_form`)."""
    for name, dob in name_dob_keys(record):
        forms = record.variants.get(name, frozenset()) | {name}
        if name in record.initials:
            forms |= {record.initials[name]}
        for form in forms:
            yield form, dob


def _index_variants(individuals: list[Individual]) -> dict[tuple[str, str], set[int]]:
    by_variant_dob: dict[tuple[str, str], set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for record in person.records:
            for key in variant_dob_keys(record):
                by_variant_dob[key].add(position)
    return by_variant_dob


def listed_subjects(record: Record) -> set[str]:
    """The names a record marks its subjects when it marks two or more (a house's list of
    its residents `Tenants: A; B; C`, a case's legal and preferred names)."""
    listed = record.marked_names & record.full_names
    return listed if len(listed) >= 2 else set()


def own_names(individuals: list[Individual]) -> dict[str, set[int]]:
    """Who carries each name as their own: by records that list no several subjects. A
    house's list that joined one tenant (its `Lead tenant DOB`) makes each housemate's name
    no name of that tenant's (`named_residents`)."""
    own: dict[str, set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for record in person.records:
            for name in record.full_names - listed_subjects(record):
                own[name].add(position)
    return own


def _attach_target(record: Record, seed_postcodes: list[set[str]], by_name_dob: dict,
                   by_name: dict, by_variant_dob: dict | None = None) -> int | None:
    """The one individual a non-seed record belongs to, or None. Its name and date of
    birth first; else a variant form of its name with the date (a test-range master list's
    `Ronald Southall` and the person `Ron Southall` of that date: `link_variants`); else
    its name alone."""
    candidates: set[int] = set()
    for key in name_dob_keys(record):
        candidates |= by_name_dob.get(key, set())
    if not candidates and by_variant_dob:
        for key in variant_dob_keys(record):
            candidates |= by_variant_dob.get(key, set())
    if not candidates:
        for name in record.full_names:
            candidates |= by_name.get(name, set())
    if len(candidates) != 1:
        return None
    target = next(iter(candidates))
    person_postcodes = seed_postcodes[target]
    # (a record of a move out gives the new home's postcode: `Ms Lilian Hirst has moved
    # permanently to live with her niece ... S63 8UE`)
    if (record.postcodes and person_postcodes and not record.postcodes & person_postcodes
            and MOVED_OUT not in record.life_states):
        return None
    return target


def _names_another_row(record: Record, person: Individual) -> bool:
    """A table's row that names its own person in part (`Miss J Wozniak` on a driver's run
    sheet), none of whose names is a form of the file's one identified person's: another
    row's person, never theirs (their key box's code is not hers)."""
    if not _SERIES_RECORD.search(record.name) or not record.partial_names:
        return False
    return (record.partial_names.isdisjoint(person.name_forms)
            and record.partial_names.isdisjoint(person.partial_names))


def _people_by_location(individuals: list[Individual]) -> dict[str, set[int]]:
    by_location: dict[str, set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for record in person.records:
            by_location[record.location].add(position)
    return by_location


def _people_by_postcode(seed_postcodes: list[set[str]]) -> dict[str, set[int]]:
    at_postcode: dict[str, set[int]] = defaultdict(set)
    for position, postcodes in enumerate(seed_postcodes):
        for postcode in postcodes:
            at_postcode[postcode].add(position)
    return at_postcode


def _at_postcode(record: Record, at_postcode: dict[str, set[int]]) -> int | None:
    """The one person living at the postcodes of a record that names nobody (a visit
    planning note whose `Re: AGNES RAMSBOTTOM, 137 Foundry Lane, ... WR11 2ZS` was not read
    as a name, over its access note; a run sheet's drop whose name was not read). A postcode
    two people carry (a couple, a street's neighbours) attaches nothing."""
    return _only_person(set().union(*(at_postcode.get(postcode, set())
                                      for postcode in record.postcodes)))


def _one_person_of(identified: set[int], named: set[int]) -> int | None:
    """The one person a file's identifiers give, when its records name no other individual
    (a log whose other items name other identified clients is no one person's file; a name
    that links to no individual does not count here)."""
    return _only_person(identified) if named <= identified else None


def _dated_only(record: Record) -> bool:
    """A record whose only identifier is a date of birth: no name, no NHS number (a letter's
    body, `Patient born 29/07/1938`, whose patient is named in its header). A part of a
    document, never one of a series (`_SERIES_RECORD`, `_ENTRY_RECORD`: each its own
    person's, whose name was not read)."""
    return bool(record.dobs) and not (record.full_names or record.nhs or record.test_nhs)


def _carries_dates(person: Individual, record: Record) -> bool:
    """The person's dates of birth (none yet, or the record's own) and postcodes (none on
    either side, or one shared) agree with the record's: a date of birth that is not the
    file's one person's may be anyone's, and stays unattributed."""
    dates = union_of(person.records, "dobs")
    postcodes = union_of(person.records, "postcodes")
    return (not dates or record.dobs <= dates) and (
        not record.postcodes or not postcodes or bool(record.postcodes & postcodes))


def _only_person(positions: set[int]) -> int | None:
    return next(iter(positions)) if len(positions) == 1 else None


# The classes of evidence the strict bound counts as possible further people
# (`possible_extra_evidence`).
NAME_ONLY, DATE_OF_BIRTH_ONLY = "name_only", "date_of_birth_only"


def possible_extra_evidence(records: list[Record], seeds: list[int]) -> dict[str, set]:
    """What the strict bound adds, by class of evidence: records about someone that make
    nobody on their own and match nobody. Each unknown full name next to health or
    home-access data (`name_only`: a name with no date of birth or NHS number), and each
    distinct date of birth (with its postcodes) whose name was not read (`date_of_birth_only`),
    may be one more person. Test-range records never count."""
    known = union_of((records[index] for index in seeds), "full_names")
    is_seed = set(seeds)
    names: set[str] = set()
    dates: set[tuple] = set()
    for index, record in enumerate(records):
        if index in is_seed or record.is_test_only:
            continue
        if record.special_category or record.home_access:
            names.update(record.full_names - known)
        if record.dobs and not record.full_names:
            dates.add((frozenset(record.dobs), frozenset(record.postcodes)))
    return {NAME_ONLY: names, DATE_OF_BIRTH_ONLY: dates}


def possible_extra_people(records: list[Record], seeds: list[int]) -> int:
    """How many further people the strict bound counts (`possible_extra_evidence`)."""
    return sum(map(len, possible_extra_evidence(records, seeds).values()))


def strict_people(records: list[Record], found: Seeds) -> int:
    """The people the strict linkage makes of the seeds (before possible further people)."""
    return len(link_seeds(records, Linkage.STRICT, found).groups(found.indices))


def count_people(records: list[Record], linkage: Linkage, found: Seeds | None = None) -> int:
    """How many people one linkage finds (bounds need the count, not the people);
    `found`: `seeds_of(records)`, when the caller runs several linkages."""
    found = found or seeds_of(records)
    seeds = found.indices
    if linkage is Linkage.STRICT:  # unknown names at home included
        return strict_people(records, found) + possible_extra_people(records, seeds)
    count = len(link_seeds(records, linkage, found).groups(seeds))
    if any(map(may_be_at_home, records)) and (homes := homes_of(
            records, union_of((records[index] for index in seeds), "full_names"),
            union_of((records[index] for index in seeds), "postcodes"))):
        count += (len(homes) if linkage is Linkage.STANDARD
                  else len({name for group in homes for name in group[0].full_names}))
    return count


def may_be_at_home(record: Record) -> bool:
    """A record that may identify a person by name and address (`people_at_home` decides,
    knowing who else is known by that name or lives at that postcode): one full name with
    its forename (not `Mr G. Kitchen`, which may be any of a family), one postcode (a
    driver's run notes giving several are several homes) and the way into a home (a
    key-safe list's line `Mrs Edith Hargreaves, 4 Mill Lane HX3 7DJ - KS 4471`), and no NHS
    number or date of birth (those make a person already, or join one). Name and address
    identify someone, and the leak opens their door: the responder must warn them, so they
    are counted."""
    return (len(record.full_names) == 1 and len(record.postcodes) == 1 and record.home_access
            and not (record.nhs or record.dobs or record.test_nhs)
            and record.full_names <= record.initials.keys())


def homes_of(records: list[Record], known: set[str], lived_in: set[str]
             ) -> list[list[Record]]:
    """The people identified by name and address among `records` (`people_at_home`): each
    record that may be one (`may_be_at_home`) under a name no one is `known` by, at a
    postcode no one has `lived_in` (one definition for the linkage and its bounds). A name
    no one is known by at a known person's postcode is more likely theirs misread
    (`Siobhan Freda Lindqvist` read as `Freda Lindqvist`) or a relative's than a new person."""
    return people_at_home([record for record in records if may_be_at_home(record)
                           and record.full_names.isdisjoint(known)
                           and record.postcodes.isdisjoint(lived_in)])


def people_at_home(records: list[Record]) -> list[list[Record]]:
    """Records of `may_be_at_home` grouped into people: one name at one postcode is one person
    (the same list kept twice); one name at two postcodes two (a loose linkage's lower
    bound counts names)."""
    groups: dict[tuple[str, str], list[Record]] = {}
    people: list[list[Record]] = []
    for record in records:
        keys = list(name_postcode_keys(record))
        group = next((groups[key] for key in keys if key in groups), None)
        if group is None:
            group = []
            people.append(group)
        group.append(record)
        for key in keys:
            groups.setdefault(key, group)
    return people


def link(records: list[Record], found: Seeds | None = None) -> Linked:
    """The standard linkage, with non-seed records attached where the evidence is unique;
    `found` as for `count_people`."""
    found = found or seeds_of(records)
    seeds = found.indices
    groups = link_seeds(records, Linkage.STANDARD, found)
    individuals = [
        Individual(individual_id([records[i] for i in members]), [records[i] for i in members])
        for members in groups.groups(seeds).values()
    ]
    _make_ids_unique(individuals)
    by_name_dob, by_name = _index_individuals(individuals)
    by_variant_dob = _index_variants(individuals)
    seed_postcodes = [union_of(person.records, "postcodes") for person in individuals]
    unattributed: list[Record] = []
    is_seed = set(seeds)
    at_postcode = _people_by_postcode(seed_postcodes)
    identified_in = _people_by_location(individuals)
    issuers = Issuers(records)
    by_local_id = _people_by_local_id(individuals, issuers)
    naming_nobody: list[Record] = []
    dated_only: list[Record] = []
    for index, record in enumerate(records):
        if index in is_seed:
            continue
        target = _attach_target(record, seed_postcodes, by_name_dob, by_name, by_variant_dob)
        if target is None:
            target = _by_local_id(record, by_local_id, by_name, issuers)
        if target is None and not identifies_anyone(record):
            naming_nobody.append(record)
        elif target is None and _dated_only(record):
            dated_only.append(record)
        elif target is None:
            unattributed.append(record)
        else:
            individuals[target].records.append(record)
    # (after every record naming someone is placed: a file's one person is the one person
    # its identifiers give, and only when none of its records names anyone else)
    named_in = _people_by_location(individuals)
    for record in naming_nobody:
        target = _at_postcode(record, at_postcode) if record.postcodes else None
        record.at_postcode_only = target is not None
        if target is None and not _ENTRY_RECORD.search(record.name):
            target = _one_person_of(identified_in.get(record.location, set()),
                                    named_in.get(record.location, set()))
            if target is not None and _names_another_row(record, individuals[target]):
                target = None
        if target is None:
            unattributed.append(record)
        else:
            individuals[target].records.append(record)
    by_family_dob = _index_family_names(individuals) if any(
        record.partial_names for record in dated_only) else {}
    for record in dated_only:
        target = family_and_dob_target(record, by_family_dob)
        if target is None:
            target = None if _ENTRY_RECORD.search(record.name) or _SERIES_RECORD.search(
                record.name) else _one_person_of(
                identified_in.get(record.location, set()), named_in.get(record.location, set()))
        if target is None or not _carries_dates(individuals[target], record):
            unattributed.append(record)
        else:
            individuals[target].records.append(record)
    unattributed = _to_form_subject(unattributed, individuals, identified_in, named_in)
    unattributed = _attach_table_rows(records, unattributed, individuals)
    unattributed = _people_at_home(unattributed, individuals, set(by_name))
    share_homes(individuals)
    open_named_homes(records, unattributed, individuals, by_name)
    open_survivors_homes(records, individuals)
    individuals.sort(key=lambda person: person.id)
    return Linked(individuals, unattributed)


def _index_family_names(individuals: list[Individual]) -> dict[tuple[str, str], set[int]]:
    """(family name's hash, date of birth) -> the people whose full names and dates of
    birth give them."""
    by_family_dob: dict[tuple[str, str], set[int]] = defaultdict(set)
    for position, person in enumerate(individuals):
        for family in union_of(person.records, "family_names"):
            for dob in person.dobs:
                by_family_dob[(family, dob)].add(position)
    return by_family_dob


def family_and_dob_target(record: Record, by_family_dob: dict[tuple[str, str], set[int]]
                          ) -> int | None:
    """The one person a record naming someone by title and family name with a date of birth
    is (`- Mr Clegg (23/04/1953), 42 Providence St: Spare key kept in the meter box`, an
    e-mail's list of tonight's visits): the only person of that family name born that day.
    Two such people (a couple, twins) or none: None."""
    if not by_family_dob or not record.partial_names:
        return None
    return _only_person(set().union(*(by_family_dob.get((name, dob), set())
                                      for name in record.partial_names
                                      for dob in record.dobs)))


def _form_subject(records: list[Record]) -> bool:
    """The person's records of one file give them by labelled fields (`Name`, `Date of
    birth`, `NHS number` in a form's table or a page header: `_FORM_RECORD`) and identify
    them there on their own (`Record.is_seed`)."""
    return any(record.is_seed and _FORM_RECORD.search(record.name) for record in records)


def _to_form_subject(unattributed: list[Record], individuals: list[Individual],
                     identified_in: dict[str, set[int]], named_in: dict[str, set[int]]
                     ) -> list[Record]:
    """A document whose subject a form gives (an assessment's table `Name | ...`, `Date of
    birth`, `NHS number`; a letter's header) over body text whose access note names no one
    (`Access to the property: keys in keysafe ..., combination 7426.`) is that subject's
    body: its way in is theirs, though the text also names people no individual is (a
    solicitor on its `cc` line) and so joined nobody. Only when the file's identifiers give
    one person and name no other (`_one_person_of`), the text marks no subject of its own
    (`Client: ...`, `Re: ...`), holds no identifier, is no entry or row of a series (each its
    own person's), names no one any individual is, and its postcodes agree with theirs
    (`_carries_dates`). The names it gives stay nobody's: the subject takes the text's
    findings, not its names (they still count as possible further people)."""
    left: list[Record] = []
    for record in unattributed:
        target = None
        if (record.home_access and record.full_names and not record.marked_names
                and not (record.nhs or record.test_nhs or record.dobs)
                and not _ENTRY_RECORD.search(record.name)
                and not _SERIES_RECORD.search(record.name)):
            target = _one_person_of(identified_in.get(record.location, set()),
                                    named_in.get(record.location, set()))
        if target is not None and (
                not _form_subject([own for own in individuals[target].records
                                   if own.location == record.location])
                or not _carries_dates(individuals[target], record)):
            target = None
        if target is None:
            left.append(record)
        else:
            individuals[target].records.append(replace(
                record, full_names=set(), unmarked_names=set(), initials={}, variants={}))
    return left


def _people_at_home(unattributed: list[Record], individuals: list[Individual],
                    known: set[str]) -> list[Record]:
    """People identified by name and address (`may_be_at_home`, a name no one is known by,
    at a postcode no one lives at) added to `individuals`; the records left unattributed."""
    if not any(may_be_at_home(record) for record in unattributed):
        return unattributed
    homes = homes_of(unattributed, known,
                     set().union(*(person.postcodes for person in individuals)))
    if not homes:
        return unattributed
    individuals += [Individual(individual_id(group), group) for group in homes]
    _make_ids_unique(individuals)
    placed = {record.key for group in homes for record in group}
    return [record for record in unattributed if record.key not in placed]


def table_of(record: Record) -> tuple[str, str] | None:
    """(location, table) for a record that is a table's row or column, else None."""
    match = _TABLE_RECORD.match(record.name)
    return None if match is None else (record.location, match.group(1))


def identifies_anyone(record: Record) -> bool:
    return bool(record.nhs or record.test_nhs or record.dobs or record.full_names)


def _attach_table_rows(records: list[Record], unattributed: list[Record],
                       individuals: list[Individual]) -> list[Record]:
    """Rows naming nobody join the person of their table's one identifying row, unless they
    name another in part (`_names_another_row`). Only the locations holding such rows are
    looked at (a breach has millions of records)."""
    unnamed = [record for record in unattributed
               if not identifies_anyone(record) and table_of(record) is not None]
    locations = {record.location for record in unnamed}
    if not locations:
        return unattributed
    identifying: dict[tuple[str, str] | None, list[Record]] = defaultdict(list)
    for record in records:
        if record.location in locations and identifies_anyone(record):
            identifying[table_of(record)].append(record)
    owner = {record.key: position for position, person in enumerate(individuals)
             for record in person.records if record.location in locations}
    attached: set[tuple[str, str]] = set()
    for record in unnamed:
        rows = identifying.get(table_of(record), [])
        target = owner.get(rows[0].key) if len(rows) == 1 else None
        if target is not None and not _names_another_row(record, individuals[target]):
            individuals[target].records.append(record)
            attached.add(record.key)
    return [record for record in unattributed if record.key not in attached]


def share_homes(individuals: list[Individual]) -> None:
    """Two people of one home share its way in: a person whose records name another person
    of the breach as a related person (a next of kin, an emergency contact: `Sanjay
    Wetherall - 07700 ...` in his wife's referral) where both people's records give one
    postcode is that person's household, and each has the other's kinds of way in (a
    couple who are both patients, a parent and an adult child both supported; the access
    note may be written in one of their records only). Only a name exactly one person
    carries counts; a related person of another postcode (a daughter across town) shares
    nothing. Each person's own records decide what is shared (one step, not chained)."""
    carrying: dict[str, list[int]] = defaultdict(list)
    for position, person in enumerate(individuals):
        for name in person.full_names:
            carrying[name].append(position)
    # Their own records' kinds only (`access_kinds` holds the household's too).
    own = [union_of(person.records, "access_kinds") for person in individuals]
    for position, person in enumerate(individuals):
        for name in person.related_names:  # never the person's own names
            other = carrying.get(name, [])
            if len(other) == 1 and person.postcodes & individuals[other[0]].postcodes:
                person.household_kinds |= own[other[0]] - own[position]
                individuals[other[0]].household_kinds |= own[position] - own[other[0]]
                person.household_access |= bool(own[other[0]])
                individuals[other[0]].household_access |= bool(own[position])


def open_named_homes(records: list[Record], unattributed: list[Record],
                     individuals: list[Individual], by_name: dict[str, set[int]]) -> None:
    """A note naming the people of one home and its way in (a letter to two tenants of a
    shared house about their front-door key safe, a run sheet's stop for a couple), with no
    identifier of its own, joins neither (a name two people carry attaches nothing), yet it
    opens both their homes: each person it names, when each name is exactly one person's
    and all of them live at one of the note's postcodes, has its kinds of way in. A note
    without a postcode (a call handler's log naming several callers) opens nobody's home.
    The record stays unattributed (it is counted once).

    A home's list of its residents (a lettings agent's row `Tenants: ... | Access: key
    safe ...`, a `tenant_names` cell) says itself who lives there: a record that marks two
    or more names its subjects (`data/roles.txt`: `tenant`, `resident`) beside one postcode
    and a way in opens the home of each of them exactly one person carries, whatever
    postcode their other records give (a student's family home) and whoever else it names
    (a housemate who is no one's record); so does such a list that joined one of them (its
    row's `Lead tenant DOB`: that birth date stays the one tenant's, the way in is each's)."""
    loose = {record.key for record in unattributed}
    own = own_names(individuals)
    for record in records:
        if (not record.home_access or not record.postcodes or record.nhs
                or len(record.full_names) < 2):
            continue
        residents = named_residents(record, own)
        if not residents and record.key in loose and not record.dobs:
            residents = named_household(record, individuals, by_name)
        for position in residents:
            individuals[position].household_kinds |= record.access_kinds
            individuals[position].household_access = True


def named_household(record: Record, individuals: list[Individual],
                    by_name: dict[str, set[int]]) -> set[int]:
    """The people a note names, when each name is exactly one person's and all of them
    live at one of its postcodes (`open_named_homes`)."""
    named = [by_name.get(name, set()) for name in record.full_names]
    if any(len(people) != 1 for people in named):
        return set()
    positions = set().union(*named)
    homes = [individuals[position].postcodes for position in positions]
    if len(positions) > 1 and set.intersection(*homes) & record.postcodes:
        return positions
    return set()


def named_residents(record: Record, own: dict[str, set[int]]) -> set[int]:
    """The people a home's list of residents names (`open_named_homes`): two or more names
    marked its subjects beside one postcode, each exactly one person's own (`own_names`)."""
    if len(record.postcodes) != 1:
        return set()
    return {next(iter(people)) for name in listed_subjects(record)
            if len(people := own.get(name, set())) == 1}


def open_survivors_homes(records: list[Record], individuals: list[Individual]) -> None:
    """A home left by a death is still the home of whoever the record says lives there: a
    collection list's row for a man who died (`Reason: Deceased ...`), whose access note says
    `Mrs Pauline McKellar still lives at the address ... key safe code 7772`, joins him (his
    way in is a former home's), and opens her home too, when exactly one person carries her
    name and, where the record gives a postcode, lives at it (a household's way in:
    `home_access_via`)."""
    telling = [record for record in records if record.survivors and record.home_access]
    if not telling:
        return
    carrying: dict[str, list[Individual]] = defaultdict(list)
    for person in individuals:
        for name in person.full_names:
            carrying[name].append(person)
    for record in telling:
        for name in record.survivors:
            people = carrying.get(name, [])
            if len(people) != 1 or any(own is record for own in people[0].records):
                continue
            person = people[0]
            if not record.postcodes or record.postcodes & person.postcodes:
                person.household_kinds |= record.access_kinds
                person.household_access = True
