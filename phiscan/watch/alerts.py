"""Alert when a location becomes special-category or high/critical risk.

Exactly one alert per transition, also across crashes and restarts:
- `DIR/watch-state.sqlite` remembers which locations are in the alerted state
  (with inode, size and mtime, so an alerted file renamed while the daemon was
  down is recognised and not alerted again) and an outbox of alerts not yet
  written to the alerts file.
- Order per batch: inventory commit; then state change + outbox in one commit;
  then the alerts file (fsync); then the outbox rows are deleted; then stdout,
  syslog and webhook.
- On start: outbox rows already in the alerts file (by alert id) are dropped,
  the others delivered; inventory locations that are alerting but not in the
  alerted state (a crash between the two commits) are alerted now.
- A restart therefore does not re-alert. A location that stops being sensitive,
  or is deleted, leaves the alerted state: if it becomes sensitive again, that
  is a new transition and a new alert. A move carries the state to the new name.
- The first time the daemon meets an inventory that already has sensitive
  locations (from `phiscan scan`), those are the baseline and are not alerted.
"""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from phiscan.inventory.store import Inventory, StoredLocation
from phiscan.model import LocationResult, Risk, Status
from phiscan.watch.channels import AlertChannels

log = logging.getLogger("phiscan.watch")

STATE_FILENAME = "watch-state.sqlite"
ALERT_RISKS = frozenset({str(Risk.HIGH), str(Risk.CRITICAL)})
MAX_PREVIEWS = 5
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerted (
    location TEXT PRIMARY KEY, dev INTEGER, ino INTEGER, size INTEGER, modified REAL
);
CREATE TABLE IF NOT EXISTS outbox (alert_id TEXT PRIMARY KEY, payload TEXT NOT NULL);
"""


def is_alerting(status: str, special_category: bool, risk: str) -> bool:
    return status == str(Status.SCANNED) and (special_category or risk in ALERT_RISKS)


@dataclass(frozen=True)
class Identity:
    """What survives a rename: used to carry the alerted state across one."""

    dev: int
    ino: int
    size: int
    modified: float


@dataclass(frozen=True)
class Subject:
    location: str
    risk: str
    special_category: bool
    categories: list[str]
    entities: dict[str, int]
    previews: list[str]

    @classmethod
    def from_result(cls, result: LocationResult) -> Subject:
        previews = _unique(f"{f.entity_type} {f.masked}" for f in result.findings)
        return cls(result.location, str(result.risk), result.special_category,
                   list(result.categories), result.entity_counts(), previews)

    @classmethod
    def from_stored(cls, stored: StoredLocation, inventory: Inventory) -> Subject:
        findings = inventory.findings(stored.location)
        previews = _unique(f"{row['entity_type']} {row['masked']}" for row in findings)
        return cls(stored.location, stored.risk, stored.special_category,
                   list(stored.categories), dict(stored.entities), previews)


def _unique(previews: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(previews))[:MAX_PREVIEWS]


def build_payload(subject: Subject, via: str) -> dict:
    return {
        "alert_id": uuid.uuid4().hex,
        "event": "sensitive_location",
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": socket.gethostname(),
        "via": via,
        "location": subject.location,
        "risk": subject.risk,
        "special_category": subject.special_category,
        "categories": subject.categories,
        "entities": subject.entities,
        "previews": subject.previews,
    }


class AlertState:
    """The alerted set and the outbox, in their own SQLite file (this daemon's only)."""

    def __init__(self, out_dir: Path) -> None:
        self.db = sqlite3.connect(out_dir / STATE_FILENAME, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        with self.db:
            self.db.executescript(STATE_SCHEMA)
        self.fresh = self.db.execute(
            "SELECT 1 FROM meta WHERE key='baseline_at'").fetchone() is None

    def load(self) -> dict[str, Identity | None]:
        alerted: dict[str, Identity | None] = {}
        for location, dev, ino, size, modified in self.db.execute("SELECT * FROM alerted"):
            alerted[location] = Identity(dev, ino, size, modified) if ino is not None else None
        return alerted

    def commit(self, added: dict[str, Identity | None], removed: Iterable[str],
               payloads: list[dict]) -> None:
        with self.db:
            self.db.executemany("DELETE FROM alerted WHERE location=?",
                                [(location,) for location in removed])
            self.db.executemany(
                "INSERT OR REPLACE INTO alerted VALUES (?,?,?,?,?)",
                [(location, *(_identity_row(identity))) for location, identity in added.items()])
            self.db.executemany("INSERT INTO outbox VALUES (?,?)",
                                [(p["alert_id"], json.dumps(p)) for p in payloads])

    def mark_baseline(self) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('baseline_at', ?)",
                            (str(time.time()),))
        self.fresh = False

    def outbox(self) -> list[dict]:
        return [json.loads(row[0]) for row in self.db.execute("SELECT payload FROM outbox")]

    def delivered(self, payloads: list[dict]) -> None:
        with self.db:
            self.db.executemany("DELETE FROM outbox WHERE alert_id=?",
                                [(p["alert_id"],) for p in payloads])

    def close(self) -> None:
        self.db.close()


def _identity_row(identity: Identity | None) -> tuple:
    if identity is None:
        return (None, None, None, None)
    return (identity.dev, identity.ino, identity.size, identity.modified)


class Alerter:
    def __init__(self, out_dir: Path, channels: AlertChannels) -> None:
        self.state = AlertState(out_dir)
        self.channels = channels
        self.alerted = self.state.load()
        self.raised = 0

    # Start-up
    def reconcile(self, inventory: Inventory) -> None:
        alerting = {loc.location: loc for loc in inventory.locations()
                    if is_alerting(loc.status, loc.special_category, loc.risk)}
        if self.state.fresh:
            self._baseline(alerting)
            return
        stale = [location for location in self.alerted
                 if location not in alerting and _left_alerting(inventory.location(location))]
        missed = [stored for location, stored in alerting.items()
                  if location not in self.alerted]
        payloads = [build_payload(Subject.from_stored(s, inventory), "restart") for s in missed]
        if missed:
            log.warning("%d sensitive locations were recorded but not alerted before the last "
                        "stop: alerting now", len(missed))
        self._deliver_outbox()
        self._change({s.location: None for s in missed}, stale, payloads)

    def _baseline(self, alerting: dict[str, StoredLocation]) -> None:
        if alerting:
            log.info("%d sensitive locations already in the inventory are the baseline "
                     "(not alerted)", len(alerting))
        self._change({location: None for location in alerting}, [], [])
        self.state.mark_baseline()

    def _deliver_outbox(self) -> None:
        waiting = self.state.outbox()
        if not waiting:
            return
        already = self.channels.file.alert_ids()
        unsent = [payload for payload in waiting if payload["alert_id"] not in already]
        self.channels.file.append(unsent)
        self.state.delivered(waiting)
        self.channels.announce(unsent)
        self.raised += len(unsent)

    # Live
    def on_results(self, scanned: list[tuple[LocationResult, Identity | None]]) -> int:
        added: dict[str, Identity | None] = {}
        removed: list[str] = []
        payloads = []
        for result, identity in scanned:
            alerting = is_alerting(str(result.status), result.special_category, str(result.risk))
            if alerting and result.location not in self.alerted:
                added[result.location] = identity
                payloads.append(build_payload(Subject.from_result(result), "watch"))
            elif alerting and identity is not None:
                added[result.location] = identity  # keep inode/size/mtime current
            elif result.status == Status.SCANNED and result.location in self.alerted:
                removed.append(result.location)
        self._change(added, removed, payloads)
        return len(payloads)

    def forget(self, location: str) -> None:
        prefix = location + "!"
        self._change({}, [loc for loc in self.alerted
                          if loc == location or loc.startswith(prefix)], [])

    def forget_tree(self, directory: str) -> None:
        prefix = directory.rstrip("/") + "/"
        self._change({}, [loc for loc in self.alerted if loc.startswith(prefix)], [])

    def carry(self, source: str, destination: str) -> None:
        self._carry(source, destination, lambda loc: loc == source or
                    loc.startswith(source + "!"))

    def carry_tree(self, source: str, destination: str) -> None:
        prefix = source.rstrip("/") + "/"
        self._carry(prefix, destination.rstrip("/") + "/", lambda loc: loc.startswith(prefix))

    def _carry(self, old: str, new: str, matches) -> None:
        moving = [loc for loc in self.alerted if matches(loc)]
        added = {new + loc[len(old):]: self.alerted[loc] for loc in moving}
        self._change(added, moving, [])

    def missing_identities(self) -> dict[Identity, str]:
        """Alerted files no longer at their location: a catch-up pass may find them renamed."""
        return {identity: location for location, identity in self.alerted.items()
                if identity is not None and not Path(location).exists()}

    def _change(self, added: dict[str, Identity | None], removed: list[str],
                payloads: list[dict]) -> None:
        removed = [location for location in removed if location not in added]
        if not (added or removed or payloads):
            return
        self.state.commit(added, removed, payloads)
        for location in removed:
            self.alerted.pop(location, None)
        self.alerted.update(added)
        if payloads:
            self.channels.file.append(payloads)
            self.state.delivered(payloads)
            self.channels.announce(payloads)
            self.raised += len(payloads)

    def close(self) -> None:
        self.state.close()


def _left_alerting(stored: StoredLocation | None) -> bool:
    """True when an alerted location is gone or was rescanned clean (not on errors)."""
    return stored is None or stored.gone or stored.status == str(Status.SCANNED)
