"""What changed between two scans: the data behind `phiscan diff` (schema `phiscan.diff/2`).

A side is a scan output folder's current state, or the state one run of an inventory
left (`Inventory.locations_at`, `findings_at`). Locations are compared by their
location key; people by their keyed hashes (an NHS number's, a full name with a date
of birth or with a postcode), so both sides must come from the same HMAC key. Only
locations, levels, counts, pseudonymous ids and masked previews: never a value. Policy
violations are the `[[policy]]` rules of the config given to diff, applied to both sides.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from phiscan.config import Config
from phiscan.inventory.exports import is_sensitive
from phiscan.inventory.store import Inventory, StoredLocation
from phiscan.model import MEMBER_SEP, Status
from phiscan.policy.record import violations_at
from phiscan.policy.rules import PolicyRule
from phiscan.scoping.individuals_csv import export_row
from phiscan.scoping.linkage import Individual, name_dob_keys, name_postcode_keys
from phiscan.scoping.report import Scope, document_header, load_scope
from phiscan.security.keys import KEY_CHECK_META

DIFF_SCHEMA = "phiscan.diff/2"
LOCATION_CHANGES = ("appeared", "went", "became_sensitive", "stopped_being_sensitive",
                    "contents_changed", "exposure_changed", "risk_changed", "no_longer_read")
PERSON_FIELDS = ("individual_id", "nhs_number_masked", "name_masked", "date_of_birth_masked",
                 "categories", "locations", "first_locations")


class DiffProblem(Exception):
    """Two sides that cannot be compared (the message says why; never a value)."""


@dataclass
class Side:
    label: str  # the folder, and the run when one was named
    run: dict  # the run whose state this is (for a folder: its latest run)
    key_check: str | None  # the HMAC key's fingerprint, None in an inventory older than it
    scope: Scope


def _run_info(row) -> dict:
    return {"id": row["id"], "kind": row["kind"], "status": row["status"],
            "started_at": row["started_at"], "finished_at": row["finished_at"]}


def _open(out_dir: Path) -> Inventory:
    try:
        return Inventory(out_dir, readonly=True)
    except FileNotFoundError:
        raise DiffProblem(f"no inventory in {out_dir} (run phiscan scan first)") from None


def folder_side(out_dir: Path, config: Config) -> Side:
    """A scan output folder as it stands (the state its latest run left)."""
    with _open(out_dir) as inventory:
        runs = inventory.runs()
        key_check = inventory.meta(KEY_CHECK_META)
    if not runs:
        raise DiffProblem(f"{out_dir} holds no scan yet")
    return Side(str(out_dir), _run_info(runs[-1]), key_check, load_scope(out_dir, config))


def run_sides(out_dir: Path, config: Config,
              runs: tuple[int, int] | None = None) -> tuple[Side, Side]:
    """Two runs of one inventory; by default its last two completed runs."""
    with _open(out_dir) as inventory:
        since = inventory.history_since()
        rows = {row["id"]: row for row in inventory.runs()}
        key_check = inventory.meta(KEY_CHECK_META)
    if since is None:
        raise DiffProblem(f"the inventory in {out_dir} keeps no per-run state yet (made by an "
                          "older phiscan): scan into it once more, then diff the last two "
                          "runs, or diff two output folders")
    chosen = runs or _last_two_completed(rows, out_dir)
    for run_id in chosen:
        if run_id not in rows:
            raise DiffProblem(f"no run {run_id} in {out_dir} (runs: "
                              f"{', '.join(map(str, rows)) or 'none'})")
        if run_id < since:
            raise DiffProblem(f"run {run_id} in {out_dir} ended before this inventory kept "
                              f"per-run state (from run {since} on): its state is not known")
    old, new = chosen
    return tuple(  # type: ignore[return-value]
        Side(str(out_dir), _run_info(rows[run_id]), key_check,
             load_scope(out_dir, config, run_id))
        for run_id in (old, new))


def _last_two_completed(rows: dict, out_dir: Path) -> tuple[int, int]:
    completed = [run_id for run_id, row in rows.items() if row["status"] == "completed"]
    if len(completed) < 2:
        raise DiffProblem(f"{out_dir} holds {len(completed)} completed run(s): diff needs two "
                          "(scan again into it, name two runs with --runs, or diff two "
                          "output folders)")
    return completed[-2], completed[-1]


def check_same_key(old: Side, new: Side) -> dict:
    """People compare by keyed hash: two keys make everyone look new. Raises DiffProblem
    on a mismatch; says so when an inventory predates key fingerprints."""
    if old.key_check is None or new.key_check is None:
        return {"checked": False, "note": "an inventory older than key fingerprints: people "
                "compare correctly only if both scans used the same HMAC key"}
    if not hmac.compare_digest(old.key_check, new.key_check):
        raise DiffProblem(
            f"{old.label} and {new.label} were made with different HMAC keys (their key "
            "fingerprints differ): people cannot be compared, as everyone would look newly "
            "affected. Diff scans made with the same key (PHISCAN_HMAC_KEY, "
            "PHISCAN_KEY_FILE or [security] hmac_key_file, as the scans used)")
    return {"checked": True, "note": "both sides made with the same HMAC key"}


def _location_brief(location: StoredLocation) -> dict:
    return {"location": location.location, "status": location.status, "risk": location.risk,
            "exposure": location.exposure, "sensitive": is_sensitive(location),
            "categories": location.categories}


def _change(before: StoredLocation, after: StoredLocation, field: str) -> dict:
    return {"location": after.location, "old": getattr(before, field),
            "new": getattr(after, field)}


def _count_changes(before: dict[str, int], after: dict[str, int]) -> tuple[dict, dict]:
    """Per entity type, how many more (`added`) and how many fewer (`removed`) NEW found."""
    added = {name: after.get(name, 0) - before.get(name, 0) for name in sorted(after)
             if after[name] > before.get(name, 0)}
    removed = {name: before[name] - after.get(name, 0) for name in sorted(before)
               if before[name] > after.get(name, 0)}
    return added, removed


def contents_change(was: StoredLocation, now: StoredLocation) -> dict | None:
    """What a location read whole on both sides holds that is new: its categories or entity
    types changed, or a type was found more often (a key-safe code added to a care plan,
    a relative's NHS number to a letter), whatever its risk and sensitivity did; types and
    counts only, never a value. None when nothing was added and no type or category went
    (a type found less often alone is not new)."""
    if was.status != Status.SCANNED or now.status != Status.SCANNED:
        return None
    added, removed = _count_changes(was.entities, now.entities)
    new_categories = sorted(set(now.categories) - set(was.categories))
    gone_categories = sorted(set(was.categories) - set(now.categories))
    if not (added or new_categories or gone_categories or set(was.entities) - set(now.entities)):
        return None
    return {"location": now.location, "risk": now.risk, "added": added, "removed": removed,
            "added_categories": new_categories, "removed_categories": gone_categories}


def location_changes(old: list[StoredLocation], new: list[StoredLocation]) -> dict:
    """Each list sorted by location; a location can be in several (a file made sensitive
    is usually riskier too). A location no longer read (`skipped`, `error`) is listed as
    such, never as having stopped being sensitive or dropped in risk: nothing found is
    not nothing read."""
    before = {location.location: location for location in old}
    after = {location.location: location for location in new}
    changes: dict[str, list[dict]] = {name: [] for name in LOCATION_CHANGES}
    changes["appeared"] = [_location_brief(after[key])
                           for key in sorted(after.keys() - before.keys())]
    changes["went"] = [_location_brief(before[key])
                       for key in sorted(before.keys() - after.keys())]
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        unread = was.status == Status.SCANNED and now.status != Status.SCANNED
        if unread:
            changes["no_longer_read"].append(
                {**_change(was, now, "status"), "reason": now.reason})
        if is_sensitive(now) and not is_sensitive(was):
            changes["became_sensitive"].append(
                {"location": key, "categories": now.categories, "risk": now.risk})
        elif is_sensitive(was) and not is_sensitive(now) and not unread:
            changes["stopped_being_sensitive"].append(
                {"location": key, "categories": now.categories, "risk": now.risk})
        contents = contents_change(was, now)
        if contents:
            changes["contents_changed"].append(contents)
        if was.exposure != now.exposure:
            changes["exposure_changed"].append(
                {**_change(was, now, "exposure"), "old_principals": was.exposure_principals,
                 "new_principals": now.exposure_principals})
        if was.risk != now.risk and not unread:
            changes["risk_changed"].append(_change(was, now, "risk"))
    return changes


def person_keys(person: Individual) -> set[tuple[str, ...]]:
    """What makes two sides' people one person: a shared NHS number, full name with date of
    birth, or full name with postcode for a person with neither an NHS number nor a date of
    birth (a person identified by name and address, `Mrs Edith Hargreaves, 4 Mill Lane HX3
    7DJ - KS 4471`: without it, such a person was newly affected on every diff of an
    unchanged share; with it for everyone, a son of his father's name and home, newly
    affected, was hidden as the father). Keyed hashes, so only under one key."""
    keys: set[tuple[str, ...]] = {("nhs", value_hash) for value_hash in person.nhs}
    by_address = not person.nhs and not person.dobs
    for record in person.records:
        keys.update(("name_dob", name, dob) for name, dob in name_dob_keys(record))
        if by_address:
            keys.update(("name_postcode", name, postcode)
                        for name, postcode in name_postcode_keys(record))
    return keys


def _person_brief(person: Individual) -> dict:
    row = export_row(person)
    return {field: row[field] for field in PERSON_FIELDS}


def not_read_whole(locations: list[StoredLocation]) -> set[str]:
    """Locations a side did not read whole (skipped, error, a partial read)."""
    return {location.location for location in locations if location.status != Status.SCANNED}


def _containers(location: str) -> list[str]:
    """A location and each archive holding it (`a.zip!b.zip!c.txt`: three)."""
    parts = location.split(MEMBER_SEP)
    return [MEMBER_SEP.join(parts[:count]) for count in range(1, len(parts) + 1)]


def _found_in(person: Individual, locations: set[str]) -> bool:
    return any(location in locations for record in person.records
               for location in _containers(record.location))


def people_changes(old: list[Individual], new: list[Individual],
                   unread: set[str] = frozenset()) -> dict:
    """People on one side only. A person OLD found in a location NEW did not read whole
    (`unread`: a file that timed out reads a different part each run) is `not_re_read`,
    never `no_longer_found`: nothing found is not nothing read."""
    old_keys = set().union(*(person_keys(person) for person in old))
    new_keys = set().union(*(person_keys(person) for person in new))
    newly = [person for person in new if not person_keys(person) & old_keys]
    missing = [person for person in old if not person_keys(person) & new_keys]
    not_re_read = [person for person in missing if _found_in(person, unread)]
    gone = [person for person in missing if not _found_in(person, unread)]
    return {
        "old_total": len(old), "new_total": len(new),
        "newly_affected": len(newly), "no_longer_found": len(gone),
        "not_re_read": len(not_re_read),
        "newly_affected_people": [_person_brief(person) for person in newly],
        "no_longer_found_people": [_person_brief(person) for person in gone],
        "not_re_read_people": [_person_brief(person) for person in not_re_read],
    }


def violation_changes(old: Side, new: Side, rules: list[PolicyRule],
                      unread: set[str]) -> dict:
    """The config's `[[policy]]` rules applied to both sides (the same rules, so what
    changed is the data, never the rules): violations new on NEW, those resolved, and
    those on locations NEW no longer read (`unread`: skipped or error now), which are
    not known to be resolved: nothing found is not nothing read."""
    before = {(item.location, item.violation.rule): item.record()
              for item in violations_at(rules, old.scope.locations)}
    after = {(item.location, item.violation.rule): item.record()
             for item in violations_at(rules, new.scope.locations)}
    ended = sorted(before.keys() - after.keys())
    return {"rules": len(rules), "old_total": len(before), "new_total": len(after),
            "new": [after[key] for key in sorted(after.keys() - before.keys())],
            "resolved": [before[key] for key in ended if key[0] not in unread],
            "no_longer_read": [before[key] for key in ended if key[0] in unread]}


def _side_section(side: Side) -> dict:
    locations = side.scope.locations
    return {"label": side.label, "run": side.run, "locations": len(locations),
            "sensitive_locations": sum(is_sensitive(location) for location in locations),
            "people": len(side.scope.individuals)}


def build_diff(old: Side, new: Side, rules: list[PolicyRule]) -> dict:
    key = check_same_key(old, new)
    changes = location_changes(old.scope.locations, new.scope.locations)
    return {
        **document_header(DIFF_SCHEMA),
        "old": _side_section(old),
        "new": _side_section(new),
        "key": key,
        "counts": {name: len(items) for name, items in changes.items()},
        "locations": changes,
        "people": people_changes(old.scope.individuals, new.scope.individuals,
                                 not_read_whole(new.scope.locations)),
        "violations": violation_changes(
            old, new, rules, {item["location"] for item in changes["no_longer_read"]}),
    }
