"""Recover the real values behind keyed hashes, for the letters under Art. 34.

The inventory never holds a value. To write to people, `individuals --reveal`
re-reads the source files of the people exported, re-extracts them, and keeps a
value only when its keyed hash equals a stored finding's hash: first at the
stored offsets, then, for anything not recovered that way (a file edited since
the scan), by detecting again. Values live in memory and in the 0600 export only.
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
from phiscan.detect.detector import Detector
from phiscan.detect.entities import normalise
from phiscan.extract import ExtractContext, choose_extractor, run_extractor
from phiscan.inventory.store import Inventory
from phiscan.model import MEMBER_SEP, Child, SourceItem, TextUnit
from phiscan.security.keys import keyed_hash
from phiscan.sources import Source, SourceReadError, open_source, with_connection_settings
from phiscan.sources.base import source_key

log = logging.getLogger("phiscan.reveal")
PROGRESS_SECONDS = 10.0


@dataclass
class Wanted:
    """A stored finding whose value is wanted."""

    entity_type: str
    value_hash: str
    position: str
    start: int
    end: int


@dataclass
class RevealOutcome:
    values: dict[str, str] = field(default_factory=dict)  # value hash -> recovered value
    locations_read: int = 0
    locations_failed: int = 0
    locations_not_needed: int = 0  # every value they hold was recovered from other files
    # top-level location -> why it could not be re-read (phiscan's own words, no content)
    unread: dict[str, str] = field(default_factory=dict)


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

    def detector(self) -> Detector:
        if self._detector is None:
            self._detector = Detector(self.config, self.key)
        return self._detector

    def matches(self, wanted: Wanted, raw_value: str) -> bool:
        normalised = normalise(wanted.entity_type, raw_value)
        return keyed_hash(self.key, wanted.entity_type, normalised) == wanted.value_hash

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
                            values: dict[str, str]) -> None:
        """`wanted`: the findings stored at this unit's position."""
        for item in wanted:
            candidate = unit.text[item.start:item.end]
            if item.value_hash not in values and self.matches(item, candidate):
                values[item.value_hash] = candidate

    def _redetect(self, unit: TextUnit, wanted: list[Wanted], values: dict[str, str]) -> None:
        hashes = {item.value_hash for item in wanted} - set(values)
        for finding, value in self.detector().detect_unit_values(unit):
            if finding.value_hash in hashes:
                values[finding.value_hash] = value

    def recover_location(self, top: str, root: str, size: int,
                         wanted_by_location: dict[str, list[Wanted]],
                         values: dict[str, str], needed: set[str]) -> None:
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
            remaining.difference_update(item.value_hash for item in stored_here
                                        if item.value_hash in values)
            if not remaining:
                units.close()
                return
            read[location].append(unit)
        for location, location_units in read.items():  # a file edited since the scan
            wanted = wanted_by_location[location]
            if any(item.value_hash not in values for item in wanted):
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


def wanted_findings(inventory: Inventory, hashes: set[str]) -> dict[str, list[Wanted]]:
    by_location: dict[str, list[Wanted]] = defaultdict(list)
    for row in inventory.findings():
        if row["value_hash"] in hashes:
            by_location[row["location"]].append(Wanted(
                row["entity_type"], row["value_hash"], row["position"], row["start"], row["end"]
            ))
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


def hashes_by_top(wanted: dict[str, list[Wanted]]) -> dict[str, set[str]]:
    by_top: dict[str, set[str]] = defaultdict(set)
    for location, items in wanted.items():
        by_top[top_level(location)].update(item.value_hash for item in items)
    return by_top


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


def reveal_values(out_dir: Path, hashes: set[str], key: bytes, config: Config) -> RevealOutcome:
    """Smallest files first, and a file whose wanted values were all recovered from
    others is not read: one occurrence of a value is enough to know it."""
    outcome = RevealOutcome()
    with Inventory(out_dir, readonly=True) as inventory:
        wanted = wanted_findings(inventory, hashes)
        by_top = hashes_by_top(wanted)
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
            if by_top[top] <= outcome.values.keys():
                outcome.locations_not_needed += 1
                continue
            try:
                revealer.recover_location(top, location.root, location.size, wanted,
                                          outcome.values, by_top[top])
                outcome.locations_read += 1
            except Exception as exc:  # a source gone or a file changed into garbage
                reason = unread_reason(exc)
                log.warning("reveal: cannot re-read %s (%s)", top, reason)
                outcome.locations_failed += 1
                outcome.unread[top] = reason
    finally:
        revealer.close()
    return outcome
