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
- The alerted state keeps each location's risk: a location already alerting whose risk
  rises (a letter made readable by every account, `high` to `critical`) is alerted again,
  with its `previous_risk`; a fall is recorded silently, so a later rise alerts.
- A restart therefore does not re-alert. A location that stops being sensitive,
  or is deleted, leaves the alerted state: if it becomes sensitive again, that
  is a new transition and a new alert. A move carries the state to the new name.
- The first time the daemon meets an inventory that already has sensitive
  locations (from `phiscan scan`), those are the baseline and are not alerted.

Policy violations (`[[policy]]` rules) follow the same rules, keyed by location and
rule: one `policy_violation` alert when a location starts breaking a rule, with the
rule's name, the categories and exposure concerned, never content or previews.
"""

from __future__ import annotations

import json
import logging
import socket
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.inventory.store import Inventory, StoredLocation, StoredViolation
from phiscan.model import RISK_ORDER, LocationResult, Risk, Status, utc_time
from phiscan.policy.rules import Violation
from phiscan.watch.channels import AlertChannels

log = logging.getLogger("phiscan.watch")

STATE_FILENAME = "watch-state.sqlite"
ALERT_RISKS = frozenset({str(Risk.HIGH), str(Risk.CRITICAL)})
MAX_PREVIEWS = 5
STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerted (
    location TEXT PRIMARY KEY, dev INTEGER, ino INTEGER, size INTEGER, modified REAL,
    risk TEXT
);
CREATE TABLE IF NOT EXISTS outbox (alert_id TEXT PRIMARY KEY, payload TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS violated (location TEXT NOT NULL, rule TEXT NOT NULL,
                                     PRIMARY KEY (location, rule));
"""
VIOLATIONS_BASELINE = "violations_baseline_at"  # a state file from before policies has none


def is_alerting(status: str, special_category: bool, risk: str) -> bool:
    return status == str(Status.SCANNED) and (special_category or risk in ALERT_RISKS)


RISK_RANK = {str(risk): rank for rank, risk in enumerate(RISK_ORDER)}


def risk_rose(previous: str | None, risk: str) -> bool:
    """Whether an alerting location's risk is higher than when last recorded (a state
    file written before risks were kept records none: no rise)."""
    return previous is not None and RISK_RANK.get(risk, 0) > RISK_RANK.get(previous, 0)


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


def _envelope(event: str, via: str) -> dict:
    """What every alert opens with: its id, kind, time, host and how it was sent."""
    return {"alert_id": uuid.uuid4().hex, "event": event,
            "time": utc_time(time.time()),
            "host": socket.gethostname(), "via": via}


def build_payload(subject: Subject, via: str, previous_risk: str | None = None) -> dict:
    """A `sensitive_location` alert: the location became sensitive, or (`previous_risk`)
    its risk rose while it was."""
    return {
        **_envelope("sensitive_location", via),
        "location": subject.location,
        **({"previous_risk": previous_risk} if previous_risk is not None else {}),
        "risk": subject.risk,
        "special_category": subject.special_category,
        "categories": subject.categories,
        "entities": subject.entities,
        "previews": subject.previews,
    }


def violation_payload(location: str, violation: Violation, via: str) -> dict:
    return {
        **_envelope("policy_violation", via),
        "location": location,
        "rule": violation.rule,
        "categories": list(violation.categories),
        "exposure": violation.exposure,
        "reason": violation.reason,
    }


ViolationKey = tuple[str, str]  # (location, rule)


@dataclass
class Change:
    """One commit of the alert state: locations entering and leaving the alerted set,
    (location, rule) pairs entering and leaving the violated set, alerts to deliver."""

    added: dict[str, Identity | None]
    removed: list[str]
    payloads: list[dict]
    violated: set[ViolationKey]
    cleared: set[ViolationKey]
    risks: dict[str, str] = field(default_factory=dict)  # of locations added, where known

    @classmethod
    def of(cls, added: dict[str, Identity | None] | None = None,
           removed: list[str] | None = None, payloads: list[dict] | None = None,
           violated: set[ViolationKey] | None = None,
           cleared: set[ViolationKey] | None = None,
           risks: dict[str, str] | None = None) -> Change:
        return cls(added or {}, removed or [], payloads or [], violated or set(),
                   cleared or set(), risks or {})

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.payloads or self.violated
                    or self.cleared)


class AlertState:
    """The alerted set and the outbox, in their own SQLite file (this daemon's only)."""

    def __init__(self, out_dir: Path) -> None:
        self.db = sqlite3.connect(out_dir / STATE_FILENAME, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        with self.db:
            self.db.executescript(STATE_SCHEMA)
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(alerted)")}
            if "risk" not in columns:  # a state file from before risks were kept
                self.db.execute("ALTER TABLE alerted ADD COLUMN risk TEXT")
        self.fresh = self.db.execute(
            "SELECT 1 FROM meta WHERE key='baseline_at'").fetchone() is None

    def load(self) -> tuple[dict[str, Identity | None], dict[str, str]]:
        """The alerted locations with their identities, and the risks recorded of them."""
        alerted: dict[str, Identity | None] = {}
        risks: dict[str, str] = {}
        for location, dev, ino, size, modified, risk in self.db.execute(
                "SELECT location, dev, ino, size, modified, risk FROM alerted"):
            alerted[location] = Identity(dev, ino, size, modified) if ino is not None else None
            if risk is not None:
                risks[location] = risk
        return alerted, risks

    def violated(self) -> set[ViolationKey]:
        return {(location, rule) for location, rule in self.db.execute("SELECT * FROM violated")}

    def commit(self, change: Change) -> None:
        with self.db:
            self.db.executemany("DELETE FROM alerted WHERE location=?",
                                [(location,) for location in change.removed])
            self.db.executemany(
                "INSERT OR REPLACE INTO alerted VALUES (?,?,?,?,?,?)",
                [(location, *(_identity_row(identity)), change.risks.get(location))
                 for location, identity in change.added.items()])
            self.db.executemany("DELETE FROM violated WHERE location=? AND rule=?",
                                sorted(change.cleared))
            self.db.executemany("INSERT OR REPLACE INTO violated VALUES (?,?)",
                                sorted(change.violated))
            self.db.executemany("INSERT INTO outbox VALUES (?,?)",
                                [(p["alert_id"], json.dumps(p)) for p in change.payloads])

    def has_meta(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM meta WHERE key=?", (key,)).fetchone() is not None

    def mark_baseline(self, key: str = "baseline_at") -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(time.time())))
        if key == "baseline_at":
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
        self.alerted, self.risks = self.state.load()
        self.violated = self.state.violated()
        self.raised = 0

    # Start-up
    def reconcile(self, inventory: Inventory) -> None:
        alerting = {loc.location: loc for loc in inventory.locations()
                    if is_alerting(loc.status, loc.special_category, loc.risk)}
        self._deliver_outbox()
        self._reconcile_violations(inventory.violations())
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
        # A state file from before risks were kept: the inventory's risk, not alerted.
        unknown = {location: self.alerted[location] for location in self.alerted
                   if location in alerting and location not in self.risks}
        added = {**unknown, **{s.location: None for s in missed}}
        self._change(Change.of(added=added, removed=stale, payloads=payloads,
                               risks={location: alerting[location].risk for location in added}))

    def _reconcile_violations(self, stored: list[StoredViolation]) -> None:
        """Violations in the inventory (checked against the rules as configured now) that
        were never alerted are alerted now, unless this state file predates them: then
        they are the baseline."""
        current = {(item.location, item.violation.rule): item for item in stored}
        cleared = set(self.violated) - set(current)
        missed = [item for key, item in current.items() if key not in self.violated]
        if not self.state.has_meta(VIOLATIONS_BASELINE):
            if missed:
                log.info("%d policy violations already in the inventory are the baseline "
                         "(not alerted)", len(missed))
            self._change(Change.of(violated=set(current), cleared=cleared))
            self.state.mark_baseline(VIOLATIONS_BASELINE)
            return
        if missed:
            log.warning("%d policy violations were recorded but not alerted: alerting now",
                        len(missed))
        self._change(Change.of(
            violated={(item.location, item.violation.rule) for item in missed}, cleared=cleared,
            payloads=[violation_payload(item.location, item.violation, "restart")
                      for item in missed]))

    def _baseline(self, alerting: dict[str, StoredLocation]) -> None:
        if alerting:
            log.info("%d sensitive locations already in the inventory are the baseline "
                     "(not alerted)", len(alerting))
        risks = {location: stored.risk for location, stored in alerting.items()}
        self._change(Change.of(added={location: None for location in alerting}, risks=risks))
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
    def on_results(self, scanned: list[tuple[LocationResult, Identity | None]],
                   violations: dict[str, list[Violation]] | None = None) -> int:
        """Alerts for locations that became sensitive and for rules newly broken; the
        scanned locations' `violations` replace what they broke before."""
        change = Change.of()
        for result, identity in scanned:
            alerting = is_alerting(str(result.status), result.special_category, str(result.risk))
            fresh = result.location not in self.alerted and result.location not in change.added
            risk = str(result.risk)
            previous = change.risks.get(result.location, self.risks.get(result.location))
            if alerting and fresh:  # once, also when one batch holds two scans of it
                change.added[result.location] = identity
                change.risks[result.location] = risk
                change.payloads.append(build_payload(Subject.from_result(result), "watch"))
            elif alerting:
                if risk_rose(previous, risk):  # already alerting, and its risk went up
                    change.payloads.append(build_payload(Subject.from_result(result), "watch",
                                                         previous_risk=previous))
                if identity is not None or risk != previous:
                    # keep inode/size/mtime and the risk current (a fall too: a later rise
                    # alerts again)
                    change.added[result.location] = (
                        identity if identity is not None else
                        change.added.get(result.location, self.alerted.get(result.location)))
                    change.risks[result.location] = risk
            elif result.status == Status.SCANNED and result.location in self.alerted:
                change.removed.append(result.location)
        broken: dict[str, set[str]] = {}
        for location, rule in self.violated:
            broken.setdefault(location, set()).add(rule)
        for location, found in (violations or {}).items():
            now = {(location, violation.rule): violation for violation in found}
            change.cleared |= {(location, rule) for rule in broken.get(location, ())
                               if (location, rule) not in now}
            for key, violation in now.items():
                if key not in self.violated and key not in change.violated:
                    change.violated.add(key)
                    change.payloads.append(violation_payload(location, violation, "watch"))
        self._change(change)
        return len(change.payloads)

    def forget(self, location: str) -> None:
        prefix = location + "!"
        self._forget(lambda loc: loc == location or loc.startswith(prefix))

    def forget_tree(self, directory: str) -> None:
        prefix = directory.rstrip("/") + "/"
        self._forget(lambda loc: loc.startswith(prefix))

    def _forget(self, matches) -> None:
        self._change(Change.of(removed=[loc for loc in self.alerted if matches(loc)],
                               cleared={key for key in self.violated if matches(key[0])}))

    def carry(self, source: str, destination: str) -> None:
        self._carry(source, destination, lambda loc: loc == source or
                    loc.startswith(source + "!"))

    def carry_tree(self, source: str, destination: str) -> None:
        prefix = source.rstrip("/") + "/"
        self._carry(prefix, destination.rstrip("/") + "/", lambda loc: loc.startswith(prefix))

    def _carry(self, old: str, new: str, matches) -> None:
        moving = [loc for loc in self.alerted if matches(loc)]
        added = {new + loc[len(old):]: self.alerted[loc] for loc in moving}
        leaving = {key for key in self.violated if matches(key[0])}
        self._change(Change.of(
            added=added, removed=moving, cleared=leaving,
            violated={(new + loc[len(old):], rule) for loc, rule in leaving},
            risks={new + loc[len(old):]: self.risks[loc] for loc in moving if loc in self.risks}))

    def missing_identities(self) -> dict[Identity, str]:
        """Alerted files no longer at their location: a catch-up pass may find them renamed."""
        return {identity: location for location, identity in self.alerted.items()
                if identity is not None and not Path(location).exists()}

    def _change(self, change: Change) -> None:
        change.removed = [location for location in change.removed
                          if location not in change.added]
        change.cleared -= change.violated
        if not change:
            return
        self.state.commit(change)
        for location in change.removed:
            self.alerted.pop(location, None)
            self.risks.pop(location, None)
        self.alerted.update(change.added)
        self.risks.update(change.risks)
        self.violated -= change.cleared
        self.violated |= change.violated
        if change.payloads:
            self.channels.file.append(change.payloads)
            self.state.delivered(change.payloads)
            self.channels.announce(change.payloads)
            self.raised += len(change.payloads)

    def close(self) -> None:
        self.state.close()


def _left_alerting(stored: StoredLocation | None) -> bool:
    """True when an alerted location is gone or was rescanned clean (not on errors)."""
    return stored is None or stored.gone or stored.status == str(Status.SCANNED)
