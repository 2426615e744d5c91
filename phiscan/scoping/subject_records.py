"""Records: the findings about one subject in one place, read back from the inventory.

A record is (location, record name). Its findings are reduced to keyed hashes
by kind: valid NHS numbers, test-range NHS numbers, full names, dates of birth,
postcodes, and the categories of data it exposes. Names are kept apart by the role
detection gave them (`phiscan.detect.roles`): only the subject's full names identify
the record's person; staff names (a carer, the letter's author) and related people's
(next of kin) never do, nor do a related person's own identifiers (a next of kin's date
of birth: `phiscan.detect.records`). Nothing here is a raw value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from phiscan.detect.entities import HEALTH_NUMBERS, SPECIAL_CATEGORIES, category_of
from phiscan.detect.normalize import (
    family_forms,
    is_full_name,
    variant_keys,
    without_leading_titles,
)
from phiscan.detect.records import entry_of
from phiscan.detect.roles import LEGAL_NAME, NOT_SUBJECT, RELATED, STAFF, SUBJECT
from phiscan.inventory.store import Inventory
from recognizers.access_kinds import KIND_SEPARATOR
from recognizers.life_states import FORMER_ADDRESS, SURVIVOR

HOME_ACCESS = category_of("HOME_ACCESS")
LIFE_STATE = "LIFE_STATE"
# Findings of a location scanned before records existed: one record for the whole file.
WHOLE_LOCATION = "document"
RECORD_COLUMNS = "l.location, f.record, f.entity_type, f.value_hash, f.masked, f.test_data"
FINDINGS_QUERY = (
    f"SELECT {RECORD_COLUMNS}, {{role}}, {{kind}}, {{initial}}, {{variant}}"
    " FROM findings f JOIN locations l ON l.id = f.location_id{where}"
    " ORDER BY l.location, f.id"
)


@dataclass(slots=True)
class Record:
    location: str
    name: str
    # The person's health-service numbers: NHS, and Scotland's CHI and Northern Ireland's
    # H&C numbers alike (`phiscan.detect.entities.HEALTH_NUMBERS`: one number, one person).
    nhs: set[str] = field(default_factory=set)
    test_nhs: set[str] = field(default_factory=set)
    full_names: set[str] = field(default_factory=set)  # the subject's (or role unknown)
    unmarked_names: set[str] = field(default_factory=set)  # of those, found with no role
    marked_names: set[str] = field(default_factory=set)  # of those, marked the subject's
    # of those, the one the record says is the person's legal name beside a name they go by
    # (`legal name ...`: `phiscan.detect.roles.LEGAL_NAME`)
    legal_names: set[str] = field(default_factory=set)
    staff_names: set[str] = field(default_factory=set)
    related_names: set[str] = field(default_factory=set)
    # related name -> what the record says they are to its person (`daughter`: a finding's kind,
    # `phiscan.detect.relations`)
    relations: dict[str, str] = field(default_factory=dict)
    dobs: set[str] = field(default_factory=set)
    postcodes: set[str] = field(default_factory=set)
    # Of those, the postcodes of a home its person has left (`Previous address: ...`:
    # `recognizers.life_states.FORMER_ADDRESS`).
    former_postcodes: set[str] = field(default_factory=set)
    # An organisation's numbers for the subject (`PMR no`, `Client ID`: namespace and value
    # keyed together): they join the person they are bound to (`link_local_ids`).
    local_ids: set[str] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    access_kinds: set[str] = field(default_factory=set)  # `code`, `key_holder`... (home access)
    # Of those, the kinds only another person of its entry's access note gave (one home:
    # `share_home_access`), and whether such a note exists.
    household_kinds: set[str] = field(default_factory=set)
    household_access: bool = False
    # What the record states of its person's life (`deceased`, `moved_out`: `LIFE_STATE`),
    # and the names it says still live at the home (`survivor`: never the dead).
    life_states: set[str] = field(default_factory=set)
    survivors: set[str] = field(default_factory=set)
    # Names it gives only in part (`Mr Kershaw`, `Mr A LLOYD-PRITCHARD`: keyed as written, an
    # initial's as its initial form), not staff's or a relative's.
    partial_names: set[str] = field(default_factory=set)
    # Of those, the family names (`Mr Kershaw`: a title and one word) marked the subject's
    # (`Re Mr Kershaw (26.12.1950)`), and each full name's family names' hashes.
    marked_families: set[str] = field(default_factory=set)
    # and the names with an initial marked the subject's (`Patient: Ms H Kershaw`), keyed as
    # their initial form, as `initials` keys a full name's.
    marked_initials: set[str] = field(default_factory=set)
    name_families: dict[str, frozenset[str]] = field(default_factory=dict)
    # Joined to its person by its postcode alone (it names nobody fully:
    # `linkage._at_postcode`): a death or move it states of someone it names in part who is
    # not them is not theirs (`Individual.life_state`: a widow's home).
    at_postcode_only: bool = False
    masked: dict[str, str] = field(default_factory=dict)  # value hash -> masked preview
    # full name -> its initial form's hash (`Graham Pickles` -> `g. pickles`), for names with
    # a forename; a name written with an initial keys as that form (`link_initials`).
    initials: dict[str, str] = field(default_factory=dict)
    # full name -> its variant forms' hashes where those are not its key (`Abdul Rashid
    # Muhammad` -> `abdul mohammed rashid`; a joined name's given cell, `Mary Ann` of `Mary
    # Ann` | `O'Neill`): join only with a date of birth (`link_variants`).
    variants: dict[str, frozenset[str]] = field(default_factory=dict)
    # the family names' hashes of its subject's full names (`clegg` of `Trevor Clegg`:
    # `phiscan.detect.normalize.FAMILY_FORM`)
    family_names: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str]:
        return self.location, self.name

    @property
    def home_access(self) -> bool:
        return HOME_ACCESS in self.categories

    @property
    def special_category(self) -> bool:
        return not self.categories.isdisjoint(SPECIAL_CATEGORIES)

    @property
    def is_seed(self) -> bool:
        """Identifies a data subject on its own: a real NHS (or CHI, H&C) number, or full
        name + DOB.

        Test-range numbers and names without a date of birth (staff on a rota,
        a signature) never make a person on their own.
        """
        if self.is_test_only:
            return False
        return bool(self.nhs) or bool(self.full_names and self.dobs)

    @property
    def is_test_only(self) -> bool:
        return bool(self.test_nhs) and not self.nhs

    def settle(self) -> None:
        """Once all its findings are in: where a name is marked the subject's (`Re:`,
        `Patient:`, PID-5, a FHIR Patient), the names nothing marked are people the
        record mentions (`known to Harriet Fenwick of the district nursing team`), not
        the subject's own; they still count towards recurring names
        (`phiscan.scoping.recurrence` reads `unmarked_names`)."""
        if self.marked_names:
            self.full_names -= self.unmarked_names - self.marked_names
        elif self.marked_initials:
            # `Patient: Ms H Kershaw (16.10.70)` beside `Discussion: High IDWG`: a full name
            # nothing marked whose initial form is not the subject's is not the subject.
            self.full_names -= {name for name in self.unmarked_names
                                if self.initials.get(name) not in self.marked_initials}
        elif self.marked_families:
            # `Re Mrs Verity (10th March 1933) ... once Una Booth has cleared the house`: a
            # name nothing marked, of another family, is someone the record mentions. (One of
            # the subject's family may be the subject in full: it stays.)
            self.full_names -= {name for name in self.unmarked_names
                                if self.name_families.get(name)
                                and self.name_families[name].isdisjoint(self.marked_families)}


# Where a finding's hash goes in its record, by entity type (PERSON goes by role). A
# CHI or H&C number counts as an NHS number does: a responder counts one person per number.
KEY_ATTRIBUTES = {**dict.fromkeys(HEALTH_NUMBERS, "nhs"), "DATE_OF_BIRTH": "dobs",
                  "UK_POSTCODE": "postcodes", "LOCAL_ID": "local_ids"}
NAME_ATTRIBUTES = {STAFF: "staff_names", RELATED: "related_names"}

# One findings row as FINDINGS_QUERY selects it (plain tuples: a breach has millions).
FindingRow = tuple[str, str | None, str, str, str, int, str, str, str, str]
# A HOME_ACCESS finding stored before kinds were (kind ''): counted as an entry detail.
UNKNOWN_KIND = "unknown"


def _is_family_name(masked: str) -> bool:
    """A name given by its family name alone, after a title (`Mrs V*****`), not by an
    initial (`Mr E. M******`, keyed as its initial form)."""
    words = masked.split()
    return len(words) >= 2 and len(without_leading_titles(words)) == 1


def _is_initial_name(masked: str) -> bool:
    """A name given by initials and its family name (`Ms H K******`, `J. S****`)."""
    words = without_leading_titles(masked.split())
    return len(words) >= 2 and all(len(word.rstrip(".")) == 1 for word in words[:-1])


def _target(record: Record, entity: str, masked: str, role: str) -> set[str] | None:
    """The set of `record` a finding's hash belongs in, or None (kept as a category only)."""
    if entity == "PERSON":
        if not is_full_name(masked):
            return None
        attribute = NAME_ATTRIBUTES.get(role, "full_names")
    else:
        attribute = KEY_ATTRIBUTES.get(entity)
    return None if attribute is None else getattr(record, attribute)


def add_finding(record: Record, entity: str, value_hash: str, masked: str, test_data: int,
                role: str, category: str, kind: str = "", initial: str = "",
                variant: str = "") -> None:
    if test_data:
        if entity == "UK_NHS":
            record.test_nhs.add(value_hash)
            record.masked[value_hash] = masked
        return
    if entity == LIFE_STATE:
        if kind == SURVIVOR:
            record.survivors.add(value_hash)
        elif role not in NOT_SUBJECT:  # a relative's death is not the subject's
            record.life_states.add(kind)
        return
    record.categories.add(category)
    if category == HOME_ACCESS:
        record.access_kinds.update(kind.split(KIND_SEPARATOR) if kind else (UNKNOWN_KIND,))
    if role in NOT_SUBJECT and entity != "PERSON":
        return  # a relative's or a clinician's own date of birth or number: never the subject's
    target = _target(record, entity, masked, role)
    if target is None:
        if entity == "PERSON" and role not in NOT_SUBJECT:
            record.partial_names.add(value_hash)
            if role == SUBJECT and _is_family_name(masked):
                record.marked_families.add(value_hash)
            elif role == SUBJECT and _is_initial_name(masked):
                record.marked_initials.add(value_hash)
        return
    target.add(value_hash)
    record.masked[value_hash] = masked
    if target is record.postcodes and kind == FORMER_ADDRESS:
        record.former_postcodes.add(value_hash)
    if target is record.related_names and kind:
        record.relations.setdefault(value_hash, kind)
    if target is record.full_names:
        (record.marked_names if role == SUBJECT else record.unmarked_names).add(value_hash)
        if kind == LEGAL_NAME and role == SUBJECT:
            record.legal_names.add(value_hash)
        if initial:
            record.initials[value_hash] = initial
        if variant:
            forms, surnames = family_forms(variant_keys(variant))
            record.family_names |= surnames
            if surnames:
                record.name_families[value_hash] = surnames
            if forms:
                record.variants[value_hash] = (record.variants.get(value_hash, frozenset())
                                               | forms)


def build_records(rows: Iterable[FindingRow]) -> list[Record]:
    """Records in inventory order (location, then record name as first seen)."""
    records: dict[tuple[str, str], Record] = {}
    categories: dict[str, str] = {}  # entity type -> category, looked up once per type
    for (location, record_name, entity, value_hash, masked, test_data, role, kind, initial,
         variant) in rows:
        key = (location, record_name or WHOLE_LOCATION)
        record = records.get(key)
        if record is None:
            record = records[key] = Record(*key)
        category = categories.get(entity)
        if category is None:
            category = categories[entity] = category_of(entity)
        add_finding(record, entity, value_hash, masked, test_data, role, category, kind, initial,
                    variant)
    for record in records.values():
        record.settle()
    share_home_access(records.values())
    return list(records.values())


def share_home_access(records: Iterable[Record]) -> None:
    """An access note is the way into a home, so it exposes everyone the text places in
    that home: the people of one entry (a couple on one line, a partner who lives with
    the patient: `phiscan.detect.records.entry_of`) all have their home access exposed
    when any of their records does."""
    entries: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        entries[(record.location, entry_of(record.name))].append(record)
    for household in entries.values():
        if len(household) > 1 and any(record.home_access for record in household):
            kinds = set().union(*(record.access_kinds for record in household))
            for record in household:
                others = [other for other in household if other is not record and other.home_access]
                record.household_access = record.household_access or bool(others)
                record.household_kinds |= kinds - record.access_kinds
            for record in household:
                record.categories.add(HOME_ACCESS)
                record.access_kinds |= kinds


def load_records(inventory: Inventory, run_id: int | None = None,
                 include_gone: bool = False) -> list[Record]:
    """Streamed with only the columns needed: a large breach has millions of findings.
    The current findings (with `include_gone`, those of deleted locations too), or those
    held when run `run_id` ended (its history)."""
    columns = {row[1] for row in inventory.db.execute("PRAGMA table_info(findings)")}
    # An inventory written before roles or kinds (opened read-only, so not migrated): ''.
    role = "f.role" if "role" in columns else "'' AS role"
    kind = "f.kind" if "kind" in columns else "'' AS kind"
    initial = "f.initial_hash" if "initial_hash" in columns else "'' AS initial_hash"
    variant = "f.variant_hash" if "variant_hash" in columns else "'' AS variant_hash"
    if run_id is not None:
        return build_records(inventory.findings_at(
            run_id, f"{RECORD_COLUMNS}, {role}, {kind}, {initial}, {variant}"))
    cursor = inventory.db.cursor()
    cursor.row_factory = None
    return build_records(cursor.execute(FINDINGS_QUERY.format(
        role=role, kind=kind, initial=initial, variant=variant,
        where="" if include_gone else " WHERE l.gone = 0")))
