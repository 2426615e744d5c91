"""The breach summary as data: the stable JSON document behind `phiscan report`.

Schema `phiscan.report/2` is documented in the README ("Breach scoping").
Only counts, categories, locations and masked previews: never a value.
"""

from __future__ import annotations

import gc
import json
import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from phiscan import __version__
from phiscan.config import Config
from phiscan.detect.normalize import KEY_FORMAT
from phiscan.detect.roles import STAFF
from phiscan.inventory.exports import (
    build_summary,
    is_sensitive,
    is_sensitive_and_broadly_readable,
    violation_counts,
)
from phiscan.inventory.store import (
    FINGERPRINT_KEY,
    KEY_FORMAT_META,
    Inventory,
    StoredLocation,
    StoredViolation,
)
from phiscan.model import MEMBER_SEP, RISK_ORDER, utc_time
from phiscan.policy.record import violations_at
from phiscan.scoping.linkage import (
    BY_NAME_AND_ADDRESS,
    BY_NAME_AND_DOB,
    BY_NHS_NUMBER,
    DATE_OF_BIRTH_ONLY,
    NAME_ONLY,
    Individual,
    Linkage,
    Linked,
    count_people,
    link,
    mark_linkage_faults,
    most_people_in,
    possible_extra_evidence,
    seeds_of,
    shared_local_ids,
    shared_nhs_numbers,
    strict_people,
)
from phiscan.scoping.recurrence import (
    DeclaredName,
    MarkedName,
    RecurringName,
    declared_staff,
    marked_elsewhere,
    recurring_names,
    treat_as_staff,
)
from phiscan.scoping.subject_records import HOME_ACCESS, UNKNOWN_KIND, Record, load_records
from phiscan.sources.base import source_key
from recognizers.access_kinds import ACCESS_KINDS
from recognizers.life_states import DECEASED, MOVED_OUT

REPORT_SCHEMA = "phiscan.report/2"
TOP_LOCATIONS = 20
TOP_FOLDERS = 10
LISTED_LOCATIONS = 5  # locations named under a count a responder must read (the rest: a count)
NOT_READ_STATUSES = ("skipped", "error")
log = logging.getLogger("phiscan.scoping")
IDENTIFIED_BY = (BY_NHS_NUMBER, BY_NAME_AND_DOB, BY_NAME_AND_ADDRESS)
CATEGORY_ORDER = ("identifiers", "contact", "financial", "health", "ethnicity", "religion",
                  "sexual_orientation", "home_access", "other")


@dataclass
class Scope:
    """Everything a report needs, computed once from an inventory."""

    out_dir: Path
    locations: list[StoredLocation]
    records: list[Record]
    standard: Linked
    lower_bound: int
    upper_bound: int
    recurring: list[RecurringName]
    violations: list[StoredViolation] = field(default_factory=list)
    marked: list[MarkedName] = field(default_factory=list)
    faults: list[Individual] = field(default_factory=list)  # rows of several people's keys
    declared: list[DeclaredName] = field(default_factory=list)  # [scoping] staff_names
    not_read: list[dict] = field(default_factory=list)  # sources the figures leave out
    removed: dict = field(default_factory=dict)  # locations deleted since a scan read them
    versions_not_read: list[dict] = field(default_factory=list)  # S3 older object versions
    # What makes up upper_bound - total, by class of evidence (`upper_bound_evidence`).
    beyond_counted: dict[str, int] = field(default_factory=dict)

    @property
    def individuals(self) -> list[Individual]:
        return self.standard.individuals


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Reference counting only while a report is built. Its records, sets and individuals
    hold no reference cycles, and the cyclic collector re-walking every one of them as
    millions are made took over a third of a large report's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keys_of_another_format(inventory: Inventory) -> bool:
    """A completed scan whose keys another phiscan formed (before formats were recorded: none)."""
    key_format = inventory.meta(KEY_FORMAT_META)
    if key_format is None:
        return inventory.meta(FINGERPRINT_KEY) is not None
    return key_format != KEY_FORMAT


def load_scope(out_dir: str | Path, config: Config | None = None,
               run_id: int | None = None) -> Scope:
    """The inventory's current state, or the state when run `run_id` ended."""
    with without_cyclic_gc():
        return _load_scope(out_dir, config or Config(), run_id)


def _load_scope(out_dir: str | Path, config: Config, run_id: int | None) -> Scope:
    settings = config.scoping
    with Inventory(out_dir, readonly=True) as inventory:
        if keys_of_another_format(inventory):
            log.warning("%s was scanned by a phiscan that formed names and dates into keys "
                        "differently: people may be split or missed; rescan it before scoping",
                        out_dir)
        locations = (list(inventory.locations()) if run_id is None
                     else inventory.locations_at(run_id))
        records = load_records(inventory, run_id)
        # A past run's violations are not kept: the config's rules applied to its state.
        violations = (inventory.violations() if run_id is None
                      else violations_at(config.policy, locations))
        not_read = sources_not_read(inventory.runs(), run_id)
        removed = removed_section(inventory, config) if run_id is None else {}
        versions = versions_not_read(inventory, run_id)
    declared, recurring, marked, seeds, standard = _linked(records, config)
    total = len(standard.individuals)
    faults = mark_linkage_faults(standard.individuals, settings.max_person_keys)
    # A faulty row is counted once in the total and up to its people in the upper bound
    # (the strict linkage joins one NHS number's records too).
    beyond_total = sum(most_people_in(person) - 1 for person in faults)
    extra = possible_extra_evidence(records, seeds.indices)
    upper_bound = max(strict_people(records, seeds) + sum(map(len, extra.values())),
                      total) + beyond_total
    return Scope(
        Path(out_dir), locations, records, standard,
        lower_bound=min(count_people(records, Linkage.LOOSE, seeds), total),
        upper_bound=upper_bound,
        recurring=recurring, violations=violations, marked=marked, faults=faults,
        declared=declared, not_read=not_read, removed=removed, versions_not_read=versions,
        beyond_counted=upper_bound_evidence(upper_bound - total, extra, standard.individuals,
                                            beyond_total),
    )


# The classes of evidence that make up the upper bound beyond the people counted, in the
# order a report lists them, and what each is (one definition for text, JSON and HTML).
KEPT_APART, SEVERAL_PEOPLE = "kept_apart_by_strict_linkage", "rows_of_several_people"
UPPER_BOUND_CLASSES = {
    NAME_ONLY: "records with a name only (a full name no counted person carries, beside "
               "health or home-access data, no date of birth or NHS number)",
    DATE_OF_BIRTH_ONLY: "records with a date of birth only (its name not read)",
    KEPT_APART: "records of one name and date of birth without an agreeing postcode (none, "
                "or another), one person in the total, kept apart by the strict linkage",
    SEVERAL_PEOPLE: "rows of several people (linkage faults), counted once, up to their "
                    "people",
}


def upper_bound_evidence(difference: int, extra: dict[str, set],
                         individuals: list[Individual], several: int) -> dict[str, int]:
    """How `difference` (upper bound - total) is made up, by class of evidence
    (`UPPER_BOUND_CLASSES`): names only that no counted person carries (a name identified
    by name and address is counted already), dates of birth only, rows of several people,
    and what is left, which is people the strict linkage keeps apart. The counts add up to
    the difference (the classes are counted as the bound counts them)."""
    carried = set().union(*(person.full_names for person in individuals))
    names = min(len(extra[NAME_ONLY] - carried), difference)
    dates = min(len(extra[DATE_OF_BIRTH_ONLY]), difference - names)
    rows = min(several, difference - names - dates)
    return {NAME_ONLY: names, DATE_OF_BIRTH_ONLY: dates,
            KEPT_APART: difference - names - dates - rows, SEVERAL_PEOPLE: rows}


def upper_bound_section(scope: Scope) -> dict:
    """The upper bound explained: the people counted, the possible further people by class
    of evidence (adding up to the bound), and the locations not read, which neither bound
    counts (their people are unknown)."""
    total = len(scope.individuals)
    return {"upper_bound": scope.upper_bound, "counted": total,
            "possible_further_people": scope.upper_bound - total,
            "by_evidence": dict(scope.beyond_counted),
            "locations_not_read": locations_not_read(scope.locations)["total"]}


def upper_bound_lines(section: dict) -> list[tuple[str, int]]:
    """The explanation as (label, count) lines, for the text and HTML reports."""
    return [(f"{UPPER_BOUND_CLASSES[name]}", count)
            for name, count in section["by_evidence"].items() if count] + (
        [("locations not read (unreadable or skipped files): their people are in "
          "neither bound", section["locations_not_read"])]
        if section["locations_not_read"] else [])


def _linked(records: list[Record], config: Config) -> tuple[
        list[DeclaredName], list[RecurringName], list[MarkedName], set, Linked]:
    """Staff set apart by the [scoping] rules, then the standard linkage of the rest."""
    settings = config.scoping
    declared = declared_staff(records, frozenset(settings.staff_names))
    recurring = recurring_names(records, settings.recurring_subjects,
                                frozenset(settings.keep_names))
    treat_as_staff(records, recurring)
    marked = marked_elsewhere(records, frozenset(settings.keep_names),
                              settings.recurring_subjects)
    seeds = seeds_of(records)
    return declared, recurring, marked, seeds, link(records, seeds)


def versions_not_read(inventory: Inventory, until: int | None = None) -> list[dict]:
    """Per source root, as its latest scan (up to `until`) listed them, the noncurrent
    object versions it did not read and the delete markers (S3 posture
    `object_versions`): an overwritten or deleted object's earlier bytes stay readable."""
    try:
        rows = inventory.db.execute(
            "SELECT run_id, root, facts FROM source_posture ORDER BY run_id").fetchall()
    except sqlite3.OperationalError:  # an inventory from before postures were recorded
        return []
    latest: dict[str, dict] = {}
    for run_id, root, facts in rows:
        if until is None or run_id <= until:
            latest[root] = json.loads(facts).get("object_versions") or {}
    return [{"source": root, "noncurrent": held["noncurrent"],
             "delete_markers": held["delete_markers"]}
            for root, held in latest.items() if held.get("noncurrent") and not held.get("read")]


def removed_section(inventory: Inventory, config: Config) -> dict:
    """Locations with personal data an earlier scan read and a later one found deleted
    (containment), and the people found only there: the current figures leave them out.
    The people are those of the linkage over every record, removed ones included."""
    removed = {location.location for location in inventory.locations(include_gone=True)
               if location.gone and location.categories}
    if not removed:
        return {"locations": 0, "people_only_there": 0}
    _declared, _recurring, _marked, _seeds, linked = _linked(
        load_records(inventory, include_gone=True), config)
    only_there = sum(bool(person.locations) and set(person.locations) <= removed
                     for person in linked.individuals)
    return {"locations": len(removed), "people_only_there": only_there}


INTERRUPTED = ("the scan was interrupted before every location was read "
               "(phiscan scan --resume continues it)")
RUNNING = ("a scan is running or was killed: not every location was read (report when it "
           "ends, or phiscan scan --resume continues a killed one)")
NOT_RECORDED = ("the scan was incomplete and this version did not record which source: "
                "scan it again")


def sources_not_read(runs: list, until: int | None = None) -> list[dict]:
    """The sources (or roots) whose latest scan up to `until` did not read them whole: a
    source it could not list or whose reads failed, the sources of a scan interrupted,
    killed or still running, or of an incomplete scan by a version that did not say
    which. A later scan that reads a source clears it. Sources compare by the keys runs
    stored at scan time, never by anything resolved now (the report's cwd)."""
    state: dict[str, dict] = {}
    for run in runs:
        if until is not None and run["id"] > until:
            break
        if _field(run, "kind", "scan") != "scan":
            continue  # a watch run is running for as long as it watches
        keys = _run_source_keys(run)
        counts = json.loads(run["counts"] or "{}")
        unread = counts.get("unavailable") if isinstance(counts, dict) else None
        for key in keys:
            state.pop(key, None)
        for item in unread or ():
            key = item.get("key") or source_key(item["source"])
            state[key] = {"source": item["source"], "reason": item["reason"], "run": run["id"]}
        reason = {"interrupted": INTERRUPTED, "running": RUNNING}.get(run["status"])
        if reason is None and run["status"] == "incomplete" and unread is None:
            reason = NOT_RECORDED
        for key in keys if reason else ():
            state.setdefault(key, {"source": key, "run": run["id"], "reason": reason})
    return list(state.values())


def _field(run: object, name: str, default: str) -> str:
    # sqlite3.Row's `in` looks at values: its keys() are the column names.
    return run[name] if name in run.keys() else default  # noqa: SIM118


def _run_source_keys(run: object) -> list[str]:
    """The keys a run stored for its sources; for a run from before they were stored,
    the sources as stored (a relative local path as typed: never resolved now)."""
    options = json.loads(_field(run, "options", "") or "{}")
    keys = options.get("source_keys") if isinstance(options, dict) else None
    if isinstance(keys, list):
        return keys
    return [source_key(source) for source in json.loads(run["sources"])]  # type: ignore[index]


def completeness_section(scope: Scope) -> dict:
    """Whether the figures cover every source, and a sentence saying so, first: then the
    locations listed but not read (skipped, error) and those removed since a scan read
    them, whose people the figures leave out too."""
    unread = locations_not_read(scope.locations)
    removed = scope.removed or {"locations": 0, "people_only_there": 0}
    tail = (_unread_sentence(unread) + _versions_sentence(scope.versions_not_read)
            + _removed_sentence(removed))
    common = {"locations_not_read": unread["total"], "removed": removed,
              "older_versions_not_read": scope.versions_not_read}
    if not scope.not_read:
        return {"status": "complete", "figures_are_lower_bounds": False, "not_read": [],
                **common,
                "statement": ("Every source of the scan was listed and every location read."
                              if not unread["total"] else "Every source of the scan was "
                              "listed.") + tail}
    named = "; ".join(f"{item['source']} ({item['reason']})" for item in scope.not_read)
    return {"status": "incomplete", "figures_are_lower_bounds": True, "not_read": scope.not_read,
            **common,
            "statement": (
                f"INCOMPLETE SCAN: every figure here is a lower bound. {len(scope.not_read)} "
                f"source(s) or location(s) were not read: {named}. The people and records "
                "there are not counted; scan them again and report again before relying on "
                "these numbers.") + tail}


def _unread_sentence(unread: dict) -> str:
    if not unread["total"]:
        return ""
    reasons = "; ".join(f"{reason}: {count}" for reason, count in unread["by_reason"].items())
    return (f" {unread['total']} location(s) were not read ({reasons}): what they hold is "
            "not counted; read them another way (a password, a larger limit) before relying "
            "on these numbers.")


def leaves_out(completeness: dict) -> bool:
    """Whether the figures leave anything out: a source or a location not read, older
    object versions not read, locations removed since a scan read them."""
    return bool(completeness["figures_are_lower_bounds"]
                or completeness.get("locations_not_read")
                or completeness.get("older_versions_not_read")
                or completeness.get("removed", {}).get("locations"))


def _versions_sentence(versions: list[dict]) -> str:
    return "".join(
        f" {item['source']}: {item['noncurrent']} older object version(s) (an overwritten or "
        f"deleted object's earlier bytes; {item['delete_markers']} delete marker(s)) were "
        "not read and are not counted (phiscan scan --s3-versions reads them)."
        for item in versions)


def _removed_sentence(removed: dict) -> str:
    if not removed["locations"]:
        return ""
    return (f" {removed['locations']} location(s) with personal data that an earlier scan "
            "read have since been removed and are not counted here; "
            f"{removed['people_only_there']} people were found only in them. For the "
            "breach's figures, report on the scan taken before containment.")


def locations_not_read(locations: list[StoredLocation],
                       limit: int = LISTED_LOCATIONS) -> dict:
    """Locations listed but not read (`skipped`, `error`), by `status: reason`, and the
    first few, riskiest then most exposed: a public encrypted workbook is one of them."""
    unread = [loc for loc in locations if loc.status in NOT_READ_STATUSES]
    by_reason = Counter(f"{loc.status}: {loc.reason}" for loc in unread)
    ranked = sorted(unread, key=lambda loc: (-RISK_ORDER.index(loc.risk),
                                             loc.exposure != "public", loc.location))
    return {"total": len(unread), "by_reason": dict(by_reason.most_common()),
            "locations": [{"location": loc.location, "status": loc.status,
                           "reason": loc.reason, "exposure": loc.exposure}
                          for loc in ranked[:limit]]}


def _with_containers(locations: set[str]) -> set[str]:
    """The locations and every archive or message holding them (`a.zip!b.zip!c.txt`
    gives `a.zip` and `a.zip!b.zip` too)."""
    held = set(locations)
    for location in locations:
        parts = location.split(MEMBER_SEP)
        held.update(MEMBER_SEP.join(parts[:depth]) for depth in range(1, len(parts)))
    return held


def sensitive_without_people(scope: Scope, limit: int = LISTED_LOCATIONS) -> dict:
    """Locations holding special-category or home-access data where no counted person
    was found, in them or in a member (a patient named without a date of birth or NHS
    number counts no one): a responder must read them to find who they are about."""
    counted = _with_containers(set(_people_per_location(scope.individuals)))
    found = [loc for loc in scope.locations if is_sensitive(loc) and loc.location not in counted]
    ranked = sorted(found, key=lambda loc: (-RISK_ORDER.index(loc.risk), loc.location))
    return {"total": len(found),
            "locations": [{"location": loc.location, "risk": loc.risk,
                           "categories": loc.categories} for loc in ranked[:limit]]}


def _people_by_category(individuals: list[Individual]) -> dict[str, int]:
    """People per category. Home access is the way into a home they live in, the people of
    `with_home_access` (the ICO draft's Home-access row is that figure): a home its person
    left by dying or moving out for good is counted apart (`with_former_home_access`)."""
    counts: Counter[str] = Counter()
    for person in individuals:
        counts.update(category for category in person.categories
                      if category != HOME_ACCESS or person.home_access)
    return {category: counts[category] for category in CATEGORY_ORDER if counts[category]}


def _people_by_access_kind(individuals: list[Individual]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for person in individuals:
        if person.home_access:  # a home they live in (never one left: `former_home_access`)
            counts.update(person.access_kinds)
    return {kind: counts[kind] for kind in (*ACCESS_KINDS, UNKNOWN_KIND) if counts[kind]}


def _people_by_evidence(individuals: list[Individual]) -> dict[str, int]:
    """What identifies each person: an NHS number, a name and date of birth, or a name and
    address with the way into that home (`phiscan.scoping.linkage.may_be_at_home`)."""
    counts = Counter(person.identified_by for person in individuals)
    return {kind: counts[kind] for kind in IDENTIFIED_BY}


def individuals_section(scope: Scope) -> dict:
    people = scope.individuals
    total = len(people)
    return {
        "total": total,
        "lower_bound": scope.lower_bound,
        "upper_bound": scope.upper_bound,
        "upper_bound_explained": upper_bound_section(scope),
        "with_special_category": sum(person.special_category for person in people),
        "with_home_access": sum(person.home_access for person in people),
        "with_entry_details": sum(person.entry_details for person in people),
        "with_key_holder_only": sum(person.home_access and not person.entry_details
                                    for person in people),
        # of `with_home_access`, those whose own records give the way in (not only a note of
        # another person of their home: `home_access_via`)
        "with_own_home_access": sum(person.home_access and person.home_access_via != "household"
                                    for person in people),
        # a way into a home they left by dying or moving out for good: apart, never above
        "with_former_home_access": sum(person.former_home_access for person in people),
        "deceased": sum(person.life_state == DECEASED for person in people),
        "moved_out": sum(person.life_state == MOVED_OUT for person in people),
        "by_access_kind": _people_by_access_kind(people),
        "identified_by": _people_by_evidence(people),
        "with_nhs_number": sum(bool(person.nhs) for person in people),
        "without_nhs_number": sum(not person.nhs for person in people),
        "with_test_range_nhs_number": sum(person.test_range_nhs for person in people),
        "by_category": _people_by_category(people),
        "related_people": len(related_people(scope)),
        "linkage_faults": len(scope.faults),
        "people_in_linkage_faults": sum(most_people_in(person) for person in scope.faults),
    }


def linkage_faults_section(scope: Scope) -> list[dict]:
    """Rows carrying more dates of birth or NHS numbers than one person has ([scoping]
    max_person_keys): each by id, with its counts; never a value."""
    return [{"id": person.id, "fault": person.linkage_fault,
             "dates_of_birth": len(person.dobs), "nhs_numbers": len(person.nhs),
             "identities": person.identities,
             "nhs_numbers_for_several_people": shared_nhs_numbers(person),
             "records": len(person.records), "locations": len(person.locations)}
            for person in scope.faults]


def data_quality_section(scope: Scope) -> dict:
    """What the source systems got wrong, for the controller apart from the breach: NHS
    numbers written for two or more people (names and dates of birth that disagree), and
    local identifiers (`PMR no`, `Client ID`) bound to two or more people (a couple's
    account): no key, so records naming someone only by one are nobody's."""
    return {"nhs_numbers_for_several_people": sum(
        shared_nhs_numbers(person) for person in scope.faults),
            "local_ids_for_several_people": len(shared_local_ids(scope.individuals))}


def related_people(scope: Scope) -> set[str]:
    """Next of kin, neighbours with a key, family contacts: exposed, never a subject."""
    subjects = set().union(*(person.full_names for person in scope.individuals))
    return set().union(*(record.related_names for record in scope.records)) - subjects


def staff_section(scope: Scope) -> dict:
    """Names that are not subjects: marked staff where they were found, or recurring."""
    staff = set().union(*(record.staff_names for record in scope.records))
    return {
        "names": len(staff),
        "recurring_names": [
            {"id": item.name_id, "name_masked": item.masked, "subjects": item.subjects}
            for item in scope.recurring
        ],
        "marked_names": [
            {"id": item.name_id, "name_masked": item.masked, "records": item.records}
            for item in scope.marked if item.role == STAFF
        ],
        "declared_names": [
            {"id": item.name_id, "name_masked": item.masked, "records": item.records}
            for item in scope.declared
        ],
    }


def records_section(scope: Scope) -> dict:
    unattributed = scope.standard.unattributed
    return {
        "total": len(scope.records),
        "linked_to_individuals": len(scope.records) - len(unattributed),
        "unattributed": len(unattributed),
        "test_data_only": sum(record.is_test_only for record in unattributed),
        "with_special_category": sum(record.special_category for record in scope.records),
        "with_home_access": sum(record.home_access for record in scope.records),
    }


def test_data_section(scope: Scope) -> dict:
    test_numbers = set().union(*(record.test_nhs for record in scope.records))
    return {
        "test_range_nhs_numbers": len(test_numbers),
        "records_with_test_range_nhs_number": sum(bool(r.test_nhs) for r in scope.records),
    }


def locations_section(summary: dict) -> dict:
    return {
        "total": summary["locations"],
        "by_status": summary["status"],
        "by_risk": summary["risk"],
        "special_category": summary["special_category_locations"],
        "by_category": summary["categories"],
        "bytes": summary["bytes"],
    }


def _people_per_location(individuals: list[Individual]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for person in individuals:
        counts.update(person.locations)
    return counts


def top_locations(scope: Scope, limit: int = TOP_LOCATIONS) -> list[dict]:
    people = _people_per_location(scope.individuals)
    ranked = sorted(
        (location for location in scope.locations if location.risk != "none"),
        key=lambda loc: (-RISK_ORDER.index(loc.risk), -people[loc.location], loc.location),
    )
    return [
        {"location": location.location, "risk": location.risk,
         "individuals": people[location.location], "categories": location.categories,
         "entities": location.entities, "exposure": location.exposure,
         "readers": list(location.exposure_principals)}
        for location in ranked[:limit]
    ]


def who_can_read(item: dict) -> str:
    """A location's exposure and the principals that make it so (`group: group:hr,
    user:root`), as files.csv has them: who can read the group's and the owner's files
    too, not only the ones every account can read."""
    readers = ", ".join(item["readers"])
    return f"{item['exposure']}: {readers}" if readers else item["exposure"]


def folder_of(location: str) -> str:
    """The folder holding a location (a member's is its container's)."""
    top = location.split(MEMBER_SEP, 1)[0]
    return top.rsplit("/", 1)[0] if "/" in top else top


def _people_by_location(individuals: list[Individual]) -> dict[str, set[int]]:
    people: dict[str, set[int]] = {}
    for number, person in enumerate(individuals):
        for location in person.locations:
            people.setdefault(location, set()).add(number)
    return people


def _people_in(people: dict[str, set[int]], locations: set[str]) -> int:
    return len(set().union(*(people.get(location, set()) for location in locations)))


def broad_readers(broad: list[StoredLocation], people: dict[str, set[int]],
                  limit: int = TOP_LOCATIONS) -> list[dict]:
    """The sensitive locations every account (`broad`) or anyone (`public`) can read,
    most people first (then risk), each with the principals that read it as its source
    named them (`other`, `group:staff`, `Everyone`, a SID): who to take off, and where."""
    ranked = sorted(broad, key=lambda loc: (-len(people.get(loc.location, ())),
                                            -RISK_ORDER.index(loc.risk), loc.location))
    return [
        {"location": location.location, "people": len(people.get(location.location, ())),
         "risk": location.risk, "exposure": location.exposure,
         "readers": list(location.exposure_principals)}
        for location in ranked[:limit]
    ]


def exposure_section(scope: Scope, limit: int = TOP_FOLDERS) -> dict:
    """Sensitive data every account or anyone can read, and the folders to lock down first."""
    broad_locations = [loc for loc in scope.locations if is_sensitive_and_broadly_readable(loc)]
    broad = {loc.location for loc in broad_locations}
    people = _people_by_location(scope.individuals)
    folders: dict[str, dict] = {}
    for location in scope.locations:
        if not is_sensitive(location):
            continue
        folder = folders.setdefault(folder_of(location.location), {
            "sensitive": set(), "broad": set()})
        folder["sensitive"].add(location.location)
        if location.location in broad:
            folder["broad"].add(location.location)
    rows = [
        {"folder": name, "people": _people_in(people, held["sensitive"]),
         "sensitive_locations": len(held["sensitive"]),
         "broadly_readable_locations": len(held["broad"]),
         "people_broadly_readable": _people_in(people, held["broad"])}
        for name, held in sorted(folders.items())
    ]
    by_people = sorted(rows, key=lambda row: (-row["people"], row["folder"]))
    by_broad = sorted((row for row in rows if row["broadly_readable_locations"]),
                      key=lambda row: (-row["broadly_readable_locations"],
                                       -row["people_broadly_readable"], row["folder"]))
    by_level = Counter(location.exposure for location in scope.locations if is_sensitive(location))
    return {
        "personal_data_by_exposure": personal_data_by_exposure(scope.locations, people),
        "sensitive_broadly_readable": {"locations": len(broad),
                                       "people": _people_in(people, broad),
                                       "top_locations": broad_readers(broad_locations, people)},
        "sensitive_by_exposure": dict(sorted(by_level.items())),
        "top_folders_by_people": by_people[:limit],
        "top_folders_by_broad_exposure": by_broad[:limit],
        "folders_with_sensitive_data": len(by_people),
        "folders_with_broadly_readable_sensitive_data": len(by_broad),
    }


def personal_data_by_exposure(locations: list[StoredLocation],
                              people: dict[str, set[int]]) -> dict[str, dict]:
    """For each exposure level, the locations holding any personal data (a category found)
    and the people counted there: a public file of NHS numbers and dates of birth is
    exposed to anyone even with no health data in it."""
    held: dict[str, set[str]] = {}
    for location in locations:
        if location.categories:
            held.setdefault(str(location.exposure), set()).add(location.location)
    return {level: {"locations": len(names), "people": _people_in(people, names)}
            for level, names in sorted(held.items())}


def policy_section(scope: Scope) -> dict:
    """The [[policy]] rules broken: counts, and every violation (location, rule,
    categories, exposure, reason), by location then rule."""
    return {**violation_counts(scope.violations),
            "violations": [item.record() for item in scope.violations]}


def method_section() -> dict:
    return {
        "data_subject": "a record with a valid NHS number outside the test range (or a "
                        "Scottish CHI or Northern Irish H&C number, counted as one), or a full "
                        "name with a date of birth, or a full name no one else is known by "
                        "at a postcode with the way into that home (a key-safe list's "
                        "line: identified by name and address, individuals.identified_by); "
                        "names alone never make a person",
        "total": "standard linkage: same NHS number, or same full name and date of birth "
                 "unless the NHS numbers differ",
        "lower_bound": "loose linkage: also same full name and postcode, and name and date "
                       "of birth despite different NHS numbers",
        "upper_bound": "strict linkage: name and date of birth link only with an agreeing "
                       "postcode; unknown names next to health or home-access data, and "
                       "dates of birth without a name, count as possible people",
        "test_data": "NHS numbers in the 999 test range are test data, not people",
        "roles": "only the subject's names identify a person: names marked staff (carer, "
                 "clinician, author, sender) or related (next of kin) where they were found "
                 "never do, nor a name seen beside [scoping] recurring_subjects different "
                 "subjects (listed under staff.recurring_names; [scoping] keep_names "
                 "overrides), nor a name a responder declared staff ([scoping] staff_names, "
                 "listed under staff.declared_names)",
        "home_access": "with_home_access counts people with any way into their home in the "
                       "leak; with_entry_details those whose home opens from the leaked text "
                       "alone (a key-safe or door code, a hidden key, a door left open: "
                       "change the code, move the key), the ICO figure; "
                       "with_key_holder_only those for whom only a key holder is named; "
                       "with_own_home_access those whose own records give it (not only a "
                       "note of another person of their home); a way into a home its "
                       "person left by dying or moving out for good (a record's date of "
                       "death, deceased flag, a move into a care home) is in none of these "
                       "but in with_former_home_access; deceased and moved_out people stay "
                       "in the total and are counted apart",
        "linkage_faults": "rows carrying more than [scoping] max_person_keys different dates "
                          "of birth or NHS numbers, or names and dates of birth of two or "
                          "more people (one NHS number written for several): records of "
                          "several people joined; kept as linked (counted once in the total, "
                          "up to people_in_linkage_faults in the upper bound), listed for a "
                          "responder to check; people_in_linkage_faults is the most people "
                          "they may be",
    }


def build_report(scope: Scope) -> dict:
    with without_cyclic_gc():
        return _build_report(scope)


def document_header(schema: str) -> dict:
    """What every JSON document phiscan writes opens with: its schema, version and time."""
    return {"schema": schema, "phiscan_version": __version__,
            "generated_at": utc_time(time.time())}


def _build_report(scope: Scope) -> dict:
    summary = build_summary(scope.locations)
    return {
        **document_header(REPORT_SCHEMA),
        "completeness": completeness_section(scope),
        "individuals": individuals_section(scope),
        "records": records_section(scope),
        "staff": staff_section(scope),
        "linkage_faults": linkage_faults_section(scope),
        "data_quality": data_quality_section(scope),
        "test_data": test_data_section(scope),
        "locations": {**locations_section(summary),
                      "not_read": locations_not_read(scope.locations),
                      "sensitive_without_people": sensitive_without_people(scope)},
        "entities": summary["entities"],
        "top_locations": top_locations(scope),
        "exposure": exposure_section(scope),
        "policy": policy_section(scope),
        "method": method_section(),
    }
