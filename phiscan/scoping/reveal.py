"""Recover the real values behind keyed hashes, for the letters under Art. 34.

The inventory never holds a value. To write to people, `individuals --reveal`
re-reads the source files of the people exported, re-extracts them, and keeps a
value only when its keyed hash equals a stored finding's hash: first at the
stored offsets, then, for anything not recovered that way (a file edited since
the scan), by detecting again. A value is recovered for one finding of one record
(`ValueKey`): a person's row takes only the values of their own records, never a value
another person's file holds under the same key (`Mary Smith-Jones` and `Mary Brown-Jones`,
two names of one key before the key kept both parts of a double surname), and a name only
when its own variant form (every word of it) is the one stored for that finding.
Values live in memory and in the 0600 export only.
"""

from __future__ import annotations

import json
import logging
import posixpath
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.config import Config
from phiscan.detect.detector import Detector, variant_form_hash
from phiscan.detect.entities import normalise
from phiscan.detect.normalize import variant_keys
from phiscan.detect.postal_addresses import Address, postal_address
from phiscan.extract import ExtractContext, choose_extractor, run_extractor
from phiscan.inventory.store import Inventory
from phiscan.model import MEMBER_SEP, Child, SourceItem, TextUnit
from phiscan.scoping.subject_records import WHOLE_LOCATION
from phiscan.security.keys import keyed_hash
from phiscan.sources import Source, SourceReadError, open_source, with_connection_settings
from phiscan.sources.base import source_key

log = logging.getLogger("phiscan.reveal")
PROGRESS_SECONDS = 10.0
POSTCODE = "UK_POSTCODE"
# (location, record, value hash): one stored finding's value, as a person's record holds it.
ValueKey = tuple[str, str, str]


@dataclass
class Wanted:
    """A stored finding whose value is wanted."""

    entity_type: str
    value_hash: str
    position: str
    start: int
    end: int
    key: ValueKey
    variant: str | None = None  # PERSON: the stored `variant_hash`; None when not stored


@dataclass
class RevealOutcome:
    values: dict[ValueKey, str] = field(default_factory=dict)  # -> recovered value
    locations_read: int = 0
    locations_failed: int = 0
    locations_not_needed: int = 0  # every value they hold was recovered from other files
    # top-level location -> why it could not be re-read (phiscan's own words, no content)
    unread: dict[str, str] = field(default_factory=dict)
    # a postcode's finding -> the postal address written before it (`letters.postal_address`)
    addresses: dict[ValueKey, Address] = field(default_factory=dict)


def source_ref(source: Source, location: str) -> str:
    """The handle a source reads by, when it is not the location: an SMB source reads by
    the path below its share, a local one by the file name a location escapes."""
    ref_for = getattr(source, "ref_for", None)
    if ref_for is not None:
        return ref_for(location)
    target = getattr(source, "target", None)
    if target is None:
        return ""
    share_prefix = target.location("") + "/"
    return location[len(share_prefix):] if location.startswith(share_prefix) else ""


def top_level(location: str) -> str:
    return location.split(MEMBER_SEP, 1)[0]


def walk_units(location: str, name: str, data: bytes, ctx: ExtractContext
               ) -> Iterator[tuple[str, TextUnit]]:
    """(location, unit) for a document and every member inside it; a member that
    cannot be read (the scan's `error` row) costs its siblings nothing."""
    extractor, _reason = choose_extractor(name, data)
    if extractor is None:
        return
    for piece in run_extractor(extractor, data, ctx):
        if isinstance(piece, Child):
            if piece.error is None:
                yield from member_units(f"{location}{MEMBER_SEP}{piece.name}", piece, ctx)
        else:
            yield location, piece


def member_units(location: str, piece: Child, ctx: ExtractContext
                 ) -> Iterator[tuple[str, TextUnit]]:
    try:
        yield from walk_units(location, posixpath.basename(piece.name), piece.data,
                              ctx.child(piece.name))
    except Exception as exc:  # a member the scan recorded as `error`
        log.debug("reveal: member not read (%s)", type(exc).__name__)


class Revealer:
    def __init__(self, out_dir: Path, key: bytes, config: Config) -> None:
        self.out_dir = out_dir
        self.key = key
        self.config = config
        self.sources: dict[str, Source] = {}
        self.configs: list[tuple[str, Config]] = []  # (scanned source's prefix, its config)
        self._detector: Detector | None = None
        self.addresses: dict[ValueKey, Address] = {}

    def detector(self) -> Detector:
        if self._detector is None:
            self._detector = Detector(self.config, self.key)
        return self._detector

    def matches(self, wanted: Wanted, raw_value: str) -> bool:
        normalised = normalise(wanted.entity_type, raw_value)
        return (keyed_hash(self.key, wanted.entity_type, normalised) == wanted.value_hash
                and self.same_form(wanted, raw_value))

    def same_form(self, wanted: Wanted, raw_value: str) -> bool:
        """A name is the one stored only when its variant form (all its words) is: the
        key keeps a first given name and a family name, so another name of the key (`Jane
        Ann Smith` for `Jane Smith`) in an edited file is not hers."""
        if wanted.entity_type != "PERSON" or wanted.variant is None:
            return True
        own = variant_form_hash(self.key, raw_value)
        return own in ("", wanted.value_hash) or own in variant_keys(wanted.variant)

    def add_sources(self, connections: dict[str, dict]) -> None:
        """The scan's own source URIs (they carry the SMB user), keyed by their root, each
        opened with the connection settings its run recorded (endpoint, region, port)."""
        for uri, settings in connections.items():
            config = with_connection_settings(self.config, uri, settings)
            self.configs.append((source_key(uri), config))
            try:
                source = open_source(uri, config)
            except Exception as exc:  # a config error or an unreachable endpoint
                log.warning("reveal: cannot open a scanned source (%s)", type(exc).__name__)
                continue
            self.sources.setdefault(getattr(source, "root", uri), source)

    def config_for(self, location: str) -> Config:
        """The recorded settings of the scanned source a location is under."""
        key = source_key(location)  # `smb://h:445/share` as typed, `smb://h/share/x` stored
        for prefix, config in self.configs:
            if key == prefix or key.startswith(prefix + "/"):
                return config
        return self.config

    def _read(self, location: str, root: str, size: int) -> bytes:
        if root not in self.sources:
            self.sources[root] = open_source(root or location, self.config_for(location))
        source = self.sources[root]
        item = SourceItem(location=location, size=size, modified=0.0, root=root,
                          ref=source_ref(source, location))
        return source.read(item, self.config.scan.max_file_bytes)

    def _recover_at_offsets(self, unit: TextUnit, wanted: list[Wanted],
                            values: dict[ValueKey, str]) -> None:
        """`wanted`: the findings stored at this unit's position."""
        for item in wanted:
            candidate = unit.text[item.start:item.end]
            if item.key not in values and self.matches(item, candidate):
                values[item.key] = candidate
                if item.entity_type == POSTCODE:  # a letter's address: what stands before it
                    self.addresses[item.key] = postal_address(unit.text, item.start, item.end)

    def _redetect(self, unit: TextUnit, wanted: list[Wanted],
                  values: dict[ValueKey, str]) -> None:
        """A file edited since the scan: a value found again anywhere in the same file
        stands for the findings of its hash there, when its form is theirs."""
        missing: dict[str, list[Wanted]] = defaultdict(list)
        for item in wanted:
            if item.key not in values:
                missing[item.value_hash].append(item)
        for finding, value in self.detector().detect_unit_values(unit):
            for item in missing.get(finding.value_hash, ()):
                if item.key not in values and self.same_form(item, value):
                    values[item.key] = value

    def recover_location(self, top: str, root: str, size: int,
                         wanted_by_location: dict[str, list[Wanted]],
                         values: dict[ValueKey, str], needed: set[ValueKey]) -> None:
        """Each unit is matched against the findings stored at its own position (an
        export of 100,000 rows is not compared with all its findings row by row), and
        extraction stops once every value wanted from this file is recovered."""
        data = self._read(top, root, size)
        name = posixpath.basename(top.replace("\\", "/"))
        ctx = ExtractContext.for_file(name, self.config.limits, self.config.ocr)
        remaining = needed - values.keys()
        at_position: dict[str, dict[str, list[Wanted]]] = {}
        read: dict[str, list[TextUnit]] = defaultdict(list)
        units = walk_units(top, name, data, ctx)
        for location, unit in units:
            if location not in wanted_by_location:
                continue
            if location not in at_position:
                at_position[location] = by_position(wanted_by_location[location])
            stored_here = at_position[location].get(unit.where, [])
            self._recover_at_offsets(unit, stored_here, values)
            remaining.difference_update(item.key for item in stored_here if item.key in values)
            if not remaining:
                units.close()
                return
            read[location].append(unit)
        for location, location_units in read.items():  # a file edited since the scan
            wanted = wanted_by_location[location]
            if any(item.key not in values for item in wanted):
                for unit in location_units:
                    self._redetect(unit, wanted, values)

    def close(self) -> None:
        for source in self.sources.values():
            source.close()


def by_position(wanted: list[Wanted]) -> dict[str, list[Wanted]]:
    at: dict[str, list[Wanted]] = defaultdict(list)
    for item in wanted:
        at[item.position].append(item)
    return at


def wanted_findings(inventory: Inventory, keys: set[ValueKey]) -> dict[str, list[Wanted]]:
    by_location: dict[str, list[Wanted]] = defaultdict(list)
    # an inventory from before variant forms (opened read-only, not migrated) has none
    stores_variants = "variant_hash" in {
        column[1] for column in inventory.db.execute("PRAGMA table_info(findings)")}
    for row in inventory.findings():
        key = (row["location"], row["record"] or WHOLE_LOCATION, row["value_hash"])
        if key in keys:
            by_location[row["location"]].append(Wanted(
                row["entity_type"], row["value_hash"], row["position"], row["start"],
                row["end"], key, row["variant_hash"] if stores_variants else None))
    return by_location


def unread_reason(exc: Exception) -> str:
    """Why a location could not be re-read: a source's own safe message (`cannot open:
    ENOENT (No such file or directory)`), else only the exception's type (a parser's
    message may quote content)."""
    if isinstance(exc, SourceReadError):
        return f"{type(exc).__name__}: {exc}"
    return type(exc).__name__


def scanned_connections(runs: list) -> dict[str, dict]:
    """Each source URI the runs scanned, latest first, with the connection settings its
    latest run recorded ({} for a run from before they were recorded)."""
    connections: dict[str, dict] = {}
    for run in reversed(runs):
        recorded = json.loads(run["options"] or "{}").get("connections") or {}
        for uri in json.loads(run["sources"]):
            connections.setdefault(uri, recorded.get(uri, {}))
    return connections


def keys_by_top(wanted: dict[str, list[Wanted]]) -> dict[str, set[ValueKey]]:
    by_top: dict[str, set[ValueKey]] = defaultdict(set)
    for location, items in wanted.items():
        by_top[top_level(location)].update(item.key for item in items)
    return by_top


class Coverage:
    """Which people already have a value of a hash from one of their own records: a file
    whose wanted values every person needing them already has is not read."""

    def __init__(self, people_keys: list[set[ValueKey]]) -> None:
        self.owners: dict[ValueKey, list[int]] = defaultdict(list)
        for person, keys in enumerate(people_keys):
            for key in keys:
                self.owners[key].append(person)
        self.done: set[tuple[int, str]] = set()

    def open_keys(self, keys: set[ValueKey]) -> set[ValueKey]:
        return {key for key in keys
                if any((person, key[2]) not in self.done for person in self.owners[key])}

    def recovered(self, keys: set[ValueKey], values: dict[ValueKey, str]) -> None:
        for key in keys & values.keys():
            self.done.update((person, key[2]) for person in self.owners[key])


class RevealProgress:
    """A line on stderr every PROGRESS_SECONDS once a reveal runs that long."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.next_at = time.monotonic() + PROGRESS_SECONDS

    def tick(self, done: int, outcome: RevealOutcome, wanted: int) -> None:
        if time.monotonic() < self.next_at:
            return
        self.next_at = time.monotonic() + PROGRESS_SECONDS
        print(f"reveal: {done:,} of {self.total:,} files done ({outcome.locations_read:,} "
              f"re-read), {len(outcome.values):,} of {wanted:,} values recovered",
              file=sys.stderr, flush=True)


def reveal_values(out_dir: Path, people_keys: list[set[ValueKey]], key: bytes,
                  config: Config) -> RevealOutcome:
    """`people_keys`: each person's findings, by their own records. Smallest files first,
    and a file is not read when each person it holds values for has them already from
    another of their own files: one occurrence of a person's value is enough."""
    outcome = RevealOutcome()
    coverage = Coverage(people_keys)
    with Inventory(out_dir, readonly=True) as inventory:
        wanted = wanted_findings(inventory, set().union(*people_keys))
        by_top = keys_by_top(wanted)
        stored = {top: inventory.location(top) for top in sorted(by_top)}
        connections = scanned_connections(inventory.runs())
    order = sorted(stored, key=lambda top: (stored[top].size if stored[top] else 0, top))
    all_wanted = len(set().union(*by_top.values())) if by_top else 0
    progress = RevealProgress(len(order))
    revealer = Revealer(out_dir, key, config)
    try:
        revealer.add_sources(connections)
        for done, top in enumerate(order):
            progress.tick(done, outcome, all_wanted)
            location = stored[top]
            if location is None:
                outcome.locations_failed += 1
                outcome.unread[top] = "no longer in the inventory"
                continue
            needed = coverage.open_keys(by_top[top])
            if not needed:
                outcome.locations_not_needed += 1
                continue
            try:
                revealer.recover_location(top, location.root, location.size, wanted,
                                          outcome.values, needed)
                coverage.recovered(by_top[top], outcome.values)
                outcome.locations_read += 1
            except Exception as exc:  # a source gone or a file changed into garbage
                reason = unread_reason(exc)
                log.warning("reveal: cannot re-read %s (%s)", top, reason)
                outcome.locations_failed += 1
                outcome.unread[top] = reason
    finally:
        revealer.close()
    outcome.addresses = revealer.addresses
    return outcome
