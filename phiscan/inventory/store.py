"""The inventory: `DIR/inventory.sqlite`, the product's core artefact.

Schema version 1 (documented in the README):
- meta(key, value): `schema_version`, `created_at`
- runs: one row per scan or watch session, with status `running`, `completed`,
  `incomplete` or `interrupted`, and counts as JSON
- locations: one row per file, object, archive member or attachment; the latest
  state wins (`gone` = 1 once deleted on the source)
- location_history: each state a location took, by run (a row whenever a write or
  a deletion changes it), and superseded_findings: the findings a rescan replaced,
  with the run that replaced them; together they give any run's state
  (`Inventory.locations_at`, `findings_at`) for `phiscan diff`
- findings: entity type, score, recognizer, position, record, field, masked
  preview and keyed hash. Never the raw value; position, record and field are
  stored as detection guarded them (`stored_label`).
- audit: every `individuals --reveal` (when, who, output file, counts).
- source_posture: per run and source root, whether it is publicly readable and
  the settings that say so (S3 bucket posture)
- policy_violations: per location, each `[[policy]]` rule it breaks (rule name,
  categories, exposure, reason), as of the last scan or watch event

One writer per inventory (the process holding DIR/phiscan.lock, phiscan.inventory.lock);
readers may open it any time (WAL mode).
"""

from __future__ import annotations

import errno
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from phiscan import __version__
from phiscan.detect.entities import mask_value
from phiscan.model import (
    MEMBER_SEP,
    Exposure,
    ExposureLevel,
    Finding,
    Label,
    LocationResult,
    Risk,
    Status,
)
from phiscan.policy.rules import Violation
from phiscan.security.files import PRIVATE_FILE_MODE, ensure_private_dir
from phiscan.sources.posture import SourcePosture

SCHEMA_VERSION = 1
# meta keys a scan sets when it completes: what made its findings, and its keys' format
FINGERPRINT_KEY = "detection_fingerprint"
KEY_FORMAT_META = "key_format"
WRITER_CACHE_KIB = 32768
INVENTORY_FILENAME = "inventory.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at REAL NOT NULL,
    finished_at REAL,
    status TEXT NOT NULL,
    sources TEXT NOT NULL,
    phiscan_version TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '{}',
    counts TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS locations (
    id INTEGER PRIMARY KEY,
    location TEXT NOT NULL UNIQUE,
    root TEXT NOT NULL DEFAULT '',
    parent TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    modified REAL NOT NULL DEFAULT 0,
    etag TEXT,
    extractor TEXT NOT NULL DEFAULT '',
    chars INTEGER NOT NULL DEFAULT 0,
    ocr_pages INTEGER NOT NULL DEFAULT 0,
    entities TEXT NOT NULL DEFAULT '{}',
    categories TEXT NOT NULL DEFAULT '[]',
    special_category INTEGER NOT NULL DEFAULT 0,
    risk TEXT NOT NULL DEFAULT 'none',
    exposure TEXT NOT NULL DEFAULT 'unknown',
    exposure_principals TEXT NOT NULL DEFAULT '[]',
    exposure_reason TEXT NOT NULL DEFAULT '',
    first_run INTEGER NOT NULL,
    last_run INTEGER NOT NULL,
    scanned_at REAL NOT NULL,
    gone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS locations_parent ON locations(parent);
CREATE INDEX IF NOT EXISTS locations_root ON locations(root);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    run_id INTEGER NOT NULL,
    entity_type TEXT NOT NULL,
    score REAL NOT NULL,
    recognizer TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    record TEXT,
    field TEXT,
    masked TEXT NOT NULL,
    value_hash TEXT NOT NULL,
    test_data INTEGER NOT NULL DEFAULT 0,
    role TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    initial_hash TEXT NOT NULL DEFAULT '',
    variant_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS findings_location ON findings(location_id);
CREATE INDEX IF NOT EXISTS findings_hash ON findings(entity_type, value_hash);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS source_posture (
    run_id INTEGER NOT NULL,
    root TEXT NOT NULL,
    publicly_readable INTEGER,
    facts TEXT NOT NULL DEFAULT '{}',
    notes TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (run_id, root)
);
CREATE TABLE IF NOT EXISTS policy_violations (
    location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    categories TEXT NOT NULL DEFAULT '[]',
    exposure TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (location_id, rule)
);
CREATE TABLE IF NOT EXISTS location_history (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    location_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS superseded_findings (
    id INTEGER PRIMARY KEY,
    superseded_run INTEGER NOT NULL
);
"""
# The history tables hold every column of the table they keep (added at migration, so a
# column added to locations or findings is kept too), except these.
HISTORY_OMITS = {
    "location_history": ("locations", {"id", "location", "first_run", "last_run",
                                       "scanned_at"}),
    "superseded_findings": ("findings", {"id"}),
}
HISTORY_INDEXES = (
    "CREATE INDEX IF NOT EXISTS location_history_location"
    " ON location_history(location_id, id)",
    "CREATE INDEX IF NOT EXISTS superseded_findings_location"
    " ON superseded_findings(location_id)",
)
# meta key: the first run whose state the history holds (older inventories gain history
# at their next writable open, holding the state of their latest run).
HISTORY_SINCE_META = "history_since_run"
EXPOSURE_NOT_RECORDED = "not recorded (scanned before exposure was read)"
# (name, definition) of columns newer than schema 1: added to older inventories. A finding
# stored before roles existed has role '' (read as a possible subject); one stored before
# kinds of home access has kind '' (its kind unknown: counted as an entry detail).
ADDED_COLUMNS = {
    "findings": (("role", "TEXT NOT NULL DEFAULT ''"), ("kind", "TEXT NOT NULL DEFAULT ''"),
                 ("initial_hash", "TEXT NOT NULL DEFAULT ''"),
                 ("variant_hash", "TEXT NOT NULL DEFAULT ''")),
    "locations": (("chars", "INTEGER NOT NULL DEFAULT 0"),
                  ("ocr_pages", "INTEGER NOT NULL DEFAULT 0"),
                  ("exposure", "TEXT NOT NULL DEFAULT 'unknown'"),
                  ("exposure_principals", "TEXT NOT NULL DEFAULT '[]'"),
                  ("exposure_reason", f"TEXT NOT NULL DEFAULT '{EXPOSURE_NOT_RECORDED}'")),
}


@dataclass(frozen=True)
class PreviousState:
    """What a rescan compares a walked item with."""

    size: int
    modified: float
    etag: str | None
    status: str
    last_run: int
    exposure: tuple[str, tuple[str, ...]] = ("unknown", ())  # level, principals
    member_errors: bool = False  # an archive member or attachment ended `error`


@lru_cache(maxsize=4096)
def _decoded(text: str) -> dict | list:
    """A JSON column's value, decoded once per distinct text (a large inventory repeats a
    few shapes); callers copy it, so a cached value is never changed."""
    return json.loads(text)


@dataclass(frozen=True)
class StoredViolation:
    location: str
    violation: Violation

    def record(self) -> dict:
        """As files and reports show it: location, rule, categories, exposure, reason."""
        return {"location": self.location, "rule": self.violation.rule,
                "categories": list(self.violation.categories),
                "exposure": self.violation.exposure, "reason": self.violation.reason}


@dataclass(frozen=True)
class StoredLocation:
    location: str
    root: str
    parent: str | None
    status: str
    reason: str
    size: int
    modified: float
    etag: str | None
    extractor: str
    chars: int
    ocr_pages: int
    entities: dict[str, int]
    categories: list[str]
    special_category: bool
    risk: str
    gone: bool
    exposure: str
    exposure_principals: list[str]
    exposure_reason: str

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> StoredLocation:
        return cls.from_values(tuple(row[name] for name in LOCATION_COLUMNS))

    @classmethod
    def from_values(cls, values: tuple) -> StoredLocation:
        """From the `locations` columns in LOCATION_COLUMNS order: JSON decoded, flags bool."""
        (location, root, parent, status, reason, size, modified, etag, extractor, chars,
         ocr_pages, entities, categories, special_category, risk, gone, exposure,
         exposure_principals, exposure_reason) = values
        return cls(location, root, parent, status, reason, size, modified, etag, extractor,
                   chars, ocr_pages, dict(_decoded(entities)), list(_decoded(categories)),
                   bool(special_category), risk, bool(gone), exposure,
                   list(_decoded(exposure_principals)), exposure_reason)


LOCATION_COLUMNS = tuple(column.name for column in fields(StoredLocation))


class Inventory:
    def __init__(self, out_dir: str | Path, *, readonly: bool = False) -> None:
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / INVENTORY_FILENAME
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no inventory at {self.path}")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        else:
            ensure_private_dir(self.out_dir)
            self._precreate_private()
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # The writer inserts into three B-trees per finding (the table and its two
            # indexes, one keyed by a random hash): 32 MiB of page cache instead of 2 cuts
            # a scan's write CPU by a fifth; bounded, and only what the pages fill.
            self.db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        self.db.row_factory = sqlite3.Row
        self._copy_columns: dict[str, str] = {}

    def _precreate_private(self) -> None:
        import os

        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{self.path}{suffix}")
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE))
            os.chmod(path, PRIVATE_FILE_MODE)

    def _migrate(self) -> None:
        with self.db:
            had_history = self._has_table("location_history")
            self.db.executescript(SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                (str(SCHEMA_VERSION),))
                self.db.execute("INSERT INTO meta VALUES ('created_at', ?)", (str(time.time()),))
            elif int(row[0]) > SCHEMA_VERSION:
                raise RuntimeError(
                    f"inventory schema {row[0]} is newer than this phiscan ({SCHEMA_VERSION})"
                )
            self._add_missing_columns()
            self._mirror_history_columns()
            if not had_history:
                self._start_history()

    def _has_table(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                               (name,)).fetchone() is not None

    def _mirror_history_columns(self) -> None:
        """Each history table gains the columns of the table it keeps (defaults kept,
        NOT NULL not: SQLite adds no NOT NULL column without a default)."""
        for history, (kept, omitted) in HISTORY_OMITS.items():
            present = {row[1] for row in self.db.execute(f"PRAGMA table_info({history})")}
            for _cid, name, kind, _notnull, default, _pk in self.db.execute(
                    f"PRAGMA table_info({kept})").fetchall():
                if name not in present and name not in omitted:
                    suffix = f" DEFAULT {default}" if default is not None else ""
                    self.db.execute(f"ALTER TABLE {history} ADD COLUMN {name} {kind}{suffix}")
        for statement in HISTORY_INDEXES:
            self.db.execute(statement)

    def _start_history(self) -> None:
        """A new inventory's history starts with its first run; an older one's starts with
        the state of its latest run (the current rows): earlier runs' states are not known."""
        latest = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM runs").fetchone()[0]
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                        (HISTORY_SINCE_META, str(latest)))
        columns = ", ".join(self._history_columns("location_history"))
        self.db.execute(f"INSERT INTO location_history(run_id, location_id, {columns})"
                        f" SELECT ?, id, {columns} FROM locations ORDER BY id", (latest,))

    def _history_columns(self, history: str) -> list[str]:
        """The columns a history table copies from the table it keeps."""
        kept, omitted = HISTORY_OMITS[history]
        return [row[1] for row in self.db.execute(f"PRAGMA table_info({kept})")
                if row[1] not in omitted]

    def _add_missing_columns(self) -> None:
        """Columns added since an inventory was created, with their defaults."""
        for table, added in ADDED_COLUMNS.items():
            present = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            for column, definition in added:
                if column not in present:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Inventory:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # Runs
    def start_run(self, kind: str, sources: list[str], options: dict | None = None) -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO runs(kind, started_at, status, sources, phiscan_version, options)"
                " VALUES (?, ?, 'running', ?, ?, ?)",
                (kind, time.time(), json.dumps(sources), __version__, json.dumps(options or {})),
            )
        return int(cursor.lastrowid)

    def close_orphaned_runs(self) -> list[int]:
        """Runs still `running` become `interrupted`, and their ids are returned. Call
        with DIR's writer lock held (`phiscan.inventory.lock`): no other process writes here,
        so such a run's process was killed (`kill -9`, the OOM killer, a power cut)
        and it must not look as if it were still going."""
        orphaned = [int(row[0]) for row in
                    self.db.execute("SELECT id FROM runs WHERE status='running'")]
        with self.db:
            self.db.executemany("UPDATE runs SET status='interrupted' WHERE id=?",
                                [(run_id,) for run_id in orphaned])
        return orphaned

    def finish_run(self, run_id: int, status: str, counts: dict) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished_at=?, status=?, counts=? WHERE id=?",
                (time.time(), status, json.dumps(counts), run_id),
            )

    def runs(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM runs ORDER BY id").fetchall()

    # Audit: who revealed what, when (counts and paths only, never values)
    def log_audit(self, action: str, actor: str, detail: dict) -> None:
        with self.db:
            self.db.execute("INSERT INTO audit(at, action, actor, detail) VALUES (?, ?, ?, ?)",
                            (time.time(), action, actor, json.dumps(detail)))

    def audit(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM audit ORDER BY id").fetchall()

    # Source posture (bucket settings), one row per run and source root
    def record_postures(self, run_id: int, postures: Iterable[SourcePosture]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO source_posture VALUES (?,?,?,?,?)",
                [(run_id, posture.root,
                  None if posture.publicly_readable is None else int(posture.publicly_readable),
                  json.dumps(posture.facts, sort_keys=True), json.dumps(posture.notes))
                 for posture in postures],
            )

    def postures(self, run_id: int) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT * FROM source_posture WHERE run_id=? ORDER BY root", (run_id,)
        ).fetchall()

    # Policy violations ([[policy]] rules), one row per location and rule broken
    def replace_violations(self, found: Iterable[tuple[str, Violation]]) -> None:
        """Every violation anew (the rules may have changed since the last scan)."""
        with self.db:
            self.db.execute("DELETE FROM policy_violations")
            self._insert_violations(found)

    def update_violations(self, locations: Iterable[str],
                          found: Iterable[tuple[str, Violation]]) -> None:
        """The violations of these locations (just rescanned) replace their old ones."""
        with self.db:
            self.db.executemany(
                "DELETE FROM policy_violations WHERE location_id IN"
                " (SELECT id FROM locations WHERE location=?)",
                [(location,) for location in locations])
            self._insert_violations(found)

    def _insert_violations(self, found: Iterable[tuple[str, Violation]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO policy_violations(location_id, rule, categories, exposure,"
            " reason) SELECT id, ?, ?, ?, ? FROM locations WHERE location=?",
            [(v.rule, json.dumps(list(v.categories)), v.exposure, v.reason, location)
             for location, v in found])

    def holding_data(self) -> Iterator[tuple[str, list[str], bool, str]]:
        """(location, categories, special_category, exposure) of each present location
        where something was found: all a policy rule looks at, without reading the rest."""
        for location, categories, special, exposure in self.db.execute(
                "SELECT location, categories, special_category, exposure FROM locations"
                " WHERE gone=0 AND categories<>'[]'"):
            yield location, json.loads(categories), bool(special), exposure

    def violations(self) -> list[StoredViolation]:
        """Violations at present locations, by location then rule (none in an inventory
        written before policies existed and opened read-only)."""
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table'"
                           " AND name='policy_violations'").fetchone() is None:
            return []
        return [StoredViolation(row[0], Violation(row[1], tuple(json.loads(row[2])), row[3],
                                                  row[4]))
                for row in self.db.execute(
                    "SELECT l.location, v.rule, v.categories, v.exposure, v.reason"
                    " FROM policy_violations v JOIN locations l ON l.id=v.location_id"
                    " WHERE l.gone=0 ORDER BY l.location, v.rule")]

    # Locations and findings
    def write_results(self, run_id: int, results: Iterable[LocationResult]) -> None:
        """One transaction per batch: a crash leaves whole locations or none."""
        now = time.time()
        findings: list[tuple] = []  # the batch's, inserted together
        written: set[str] = set()
        with self.db:
            for result in results:
                if result.location in written:  # again in one batch (watch): the first's
                    self._insert_findings(findings)  # findings go in before it supersedes them
                written.add(result.location)
                location_id = self._write_one(run_id, result, now)
                findings.extend(_finding_row(location_id, run_id, finding)
                                for finding in result.findings)
            self._insert_findings(findings)

    def _insert_findings(self, rows: list[tuple]) -> None:
        self.db.executemany(
            "INSERT INTO findings(location_id, run_id, entity_type, score, recognizer, position,"
            " start, end, record, field, masked, value_hash, test_data, role, kind,"
            " initial_hash, variant_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        rows.clear()

    def _write_one(self, run_id: int, result: LocationResult, now: float) -> int:
        """The location's row (and history); its id, for its findings."""
        row = self.db.execute(
            "SELECT id FROM locations WHERE location=?", (result.location,)
        ).fetchone()
        values = (
            result.root, result.parent, str(result.status), result.reason, result.size,
            result.modified, result.etag, result.extractor, result.chars, result.ocr_pages,
            json.dumps(result.entity_counts()), json.dumps(result.categories),
            int(result.special_category), str(result.risk), *_exposure_values(result.exposure),
            run_id, now,
        )
        if row is None:
            cursor = self.db.execute(
                "INSERT INTO locations(root, parent, status, reason, size, modified, etag,"
                " extractor, chars, ocr_pages, entities, categories, special_category, risk,"
                " exposure, exposure_principals, exposure_reason,"
                " last_run, scanned_at, first_run, location, gone) VALUES"
                " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                (*values, run_id, result.location),
            )
            location_id = int(cursor.lastrowid)
            self._insert_state(run_id, location_id)
        else:
            location_id = int(row[0])
            self.db.execute(
                "UPDATE locations SET root=?, parent=?, status=?, reason=?, size=?, modified=?,"
                " etag=?, extractor=?, chars=?, ocr_pages=?, entities=?, categories=?,"
                " special_category=?, risk=?, exposure=?, exposure_principals=?,"
                " exposure_reason=?, last_run=?, scanned_at=?, gone=0 WHERE id=?",
                (*values, location_id),
            )
            self._supersede_findings(run_id, location_id)
            self._record_states(run_id, [location_id])
        return location_id

    # History: each run's state (see phiscan.scoping.changes)
    def _copied_columns(self, history: str) -> str:
        if history not in self._copy_columns:
            self._copy_columns[history] = ", ".join(self._history_columns(history))
        return self._copy_columns[history]

    def _supersede_findings(self, run_id: int, location_id: int) -> None:
        columns = self._copied_columns("superseded_findings")
        self.db.execute(f"INSERT INTO superseded_findings(superseded_run, {columns})"
                        f" SELECT ?, {columns} FROM findings WHERE location_id=? ORDER BY id",
                        (run_id, location_id))
        self.db.execute("DELETE FROM findings WHERE location_id=?", (location_id,))

    def _record_states(self, run_id: int, location_ids: Iterable[int]) -> None:
        """A history row for each location whose state differs from its last one."""
        columns = self._copied_columns("location_history")
        for location_id in location_ids:
            current = self.db.execute(f"SELECT {columns} FROM locations WHERE id=?",
                                      (location_id,)).fetchone()
            last = self.db.execute(
                f"SELECT {columns} FROM location_history WHERE location_id=?"
                " ORDER BY id DESC LIMIT 1", (location_id,)).fetchone()
            if last is None or tuple(last) != tuple(current):
                self._insert_state(run_id, location_id)

    def _insert_state(self, run_id: int, location_id: int) -> None:
        columns = self._copied_columns("location_history")
        self.db.execute(f"INSERT INTO location_history(run_id, location_id, {columns})"
                        f" SELECT ?, id, {columns} FROM locations WHERE id=?",
                        (run_id, location_id))

    def history_since(self) -> int | None:
        """The first run whose state can be read back; None before history existed."""
        if not self._has_table("location_history"):
            return None
        since = self.meta(HISTORY_SINCE_META)
        return int(since) if since is not None else None

    def locations_at(self, run_id: int) -> list[StoredLocation]:
        """The locations present (not gone) when run `run_id` ended."""
        columns = ", ".join(f"l.{name}" if name == "location" else f"h.{name}"
                            for name in LOCATION_COLUMNS)
        cursor = self.db.cursor()
        cursor.row_factory = None  # plain tuples, as `locations` reads them
        rows = cursor.execute(
            f"SELECT {columns} FROM location_history h"
            " JOIN locations l ON l.id = h.location_id"
            " WHERE h.id IN (SELECT MAX(id) FROM location_history WHERE run_id <= ?"
            "                GROUP BY location_id) AND h.gone = 0"
            " ORDER BY l.location", (run_id,))
        return [StoredLocation.from_values(row) for row in rows]

    def findings_at(self, run_id: int, columns: str) -> sqlite3.Cursor:
        """`columns` (over `f`, the findings, and `l`, their location) of the findings the
        locations present when run `run_id` ended held then, by location, as tuples."""
        present = ("SELECT location_id FROM location_history WHERE id IN (SELECT MAX(id)"
                   " FROM location_history WHERE run_id <= :run GROUP BY location_id)"
                   " AND gone = 0")
        kept = self._copied_columns("superseded_findings")
        cursor = self.db.cursor()
        cursor.row_factory = None  # plain tuples: millions of rows in a large breach
        return cursor.execute(
            f"SELECT {columns} FROM (SELECT {kept}, 0 AS era, id FROM findings"
            "   WHERE run_id <= :run"
            f" UNION ALL SELECT {kept}, 1 AS era, id FROM superseded_findings"
            "   WHERE run_id <= :run AND superseded_run > :run) f"
            f" JOIN locations l ON l.id = f.location_id WHERE f.location_id IN ({present})"
            " ORDER BY l.location, f.run_id, f.era DESC, f.id", {"run": run_id})

    # Incremental rescans and resume (see phiscan.scan.runner)
    def previous_state(self, location: str) -> PreviousState | None:
        row = self.db.execute(
            "SELECT size, modified, etag, status, last_run, exposure, exposure_principals,"
            " EXISTS(SELECT 1 FROM locations WHERE location > ? AND location < ?"
            "        AND status='error' AND gone=0)"
            " FROM locations WHERE location=? AND gone=0",
            (*_member_range(location), location),
        ).fetchone()
        if row is None:
            return None
        return PreviousState(*row[:5], exposure=(row[5], tuple(json.loads(row[6]))),
                             member_errors=bool(row[7]))

    def carry_forward(self, run_id: int, locations: Iterable[str]) -> None:
        """Unchanged locations (and their members) keep rows and findings; only
        `last_run` moves, so the run can tell them from vanished ones."""
        with self.db:
            for location in locations:
                self.db.execute(
                    "UPDATE locations SET last_run=? WHERE location=?"
                    " OR (location > ? AND location < ?)",
                    (run_id, location, *_member_range(location)),
                )

    def unseen_locations(self, run_id: int, root: str) -> Iterator[str]:
        """Locations under root that this run neither scanned nor carried forward."""
        for row in self.db.execute(
            "SELECT location FROM locations WHERE root=? AND last_run<>? AND gone=0",
            (root, run_id),
        ):
            yield row[0]

    def resumable_run(self) -> sqlite3.Row | None:
        """The latest scan run, when it never completed (interrupted or killed)."""
        row = self.db.execute(
            "SELECT * FROM runs WHERE kind='scan' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return row if row is not None and row["status"] in ("running", "interrupted") else None

    def reopen_run(self, run_id: int) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET status='running', finished_at=NULL WHERE id=?", (run_id,)
            )

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def mark_gone(self, locations: Iterable[str], run_id: int) -> None:
        with self.db:
            for location in locations:
                self._mark_gone_where("(location=? OR (location > ? AND location < ?))",
                                      (location, *_member_range(location)), run_id)

    def mark_tree_gone(self, directory: str, run_id: int) -> int:
        """Every location below a deleted directory (an index range scan, case-sensitive)."""
        low = directory.rstrip("/") + "/"
        with self.db:
            return self._mark_gone_where("location >= ? AND location < ?",
                                         (low, low[:-1] + "0"), run_id)

    def _mark_gone_where(self, where: str, params: tuple, run_id: int) -> int:
        ids = [row[0] for row in
               self.db.execute(f"SELECT id FROM locations WHERE gone=0 AND {where}", params)]
        self.db.executemany("UPDATE locations SET gone=1 WHERE id=?", [(i,) for i in ids])
        self._record_states(run_id, ids)
        return len(ids)

    def top_locations_under(self, folder: str) -> dict[str, tuple[int, float, str, tuple]]:
        """Present top-level locations below `folder` (a location): size, mtime, exposure
        level and principals."""
        low = folder.rstrip("/") + "/"
        rows = self.db.execute(
            "SELECT location, size, modified, exposure, exposure_principals FROM locations"
            " WHERE gone=0 AND parent IS NULL AND location >= ? AND location < ?",
            (low, low[:-1] + "0"))
        return {row[0]: (row[1], row[2], row[3], tuple(json.loads(row[4]))) for row in rows}

    def stored_results(self, top: str) -> list[LocationResult]:
        """A present location and its members as results, with the findings stored for
        them (labels as stored: they went through detection once), container first: what
        writing them again needs when only who can read them changed."""
        rows = self.db.execute(
            f"SELECT id, {', '.join(LOCATION_COLUMNS)} FROM locations WHERE gone=0 AND"
            " (location=? OR (location >= ? AND location < ?)) ORDER BY location",
            (top, top + MEMBER_SEP, top + chr(ord(MEMBER_SEP) + 1))).fetchall()
        results = []
        for row in rows:
            stored = StoredLocation.from_values(tuple(row)[1:])
            results.append(LocationResult(
                stored.location, Status(stored.status), stored.reason, stored.size,
                stored.modified, stored.etag, stored.root, stored.parent, stored.extractor,
                stored.chars, stored.ocr_pages, self._stored_findings(row[0]),
                stored.categories, stored.special_category, Risk(stored.risk),
                Exposure(ExposureLevel(stored.exposure), tuple(stored.exposure_principals),
                         stored.exposure_reason)))
        return results

    def _stored_findings(self, location_id: int) -> list[Finding]:
        def label(text: str | None) -> Label | None:
            return None if text is None else Label(text)

        return [Finding(entity_type, score, recognizer, label(where), start, end, masked,
                        value_hash, label(record), label(field), bool(test_data), False, role,
                        kind, initial_hash, variant_hash)
                for (entity_type, score, recognizer, where, start, end, record, field, masked,
                     value_hash, test_data, role, kind, initial_hash, variant_hash)
                in self.db.execute(
                    "SELECT entity_type, score, recognizer, position, start, end, record, field,"
                    " masked, value_hash, test_data, role, kind, initial_hash, variant_hash"
                    " FROM findings"
                    " WHERE location_id=? ORDER BY id", (location_id,))]

    def rows_of_run(self, run_id: int) -> dict[str, int]:
        """Present locations run `run_id` reached (read, or listed and found unchanged) and
        those it did not, as earlier runs left them (an interrupted run's rest)."""
        this_run, earlier = self.db.execute(
            "SELECT COALESCE(SUM(last_run = ?), 0), COALESCE(SUM(last_run <> ?), 0)"
            " FROM locations WHERE gone = 0", (run_id, run_id)).fetchone()
        return {"rows_this_run": int(this_run), "rows_earlier_runs": int(earlier)}

    def locations(self, include_gone: bool = False) -> Iterator[StoredLocation]:
        query = f"SELECT {', '.join(LOCATION_COLUMNS)} FROM locations"
        if not include_gone:
            query += " WHERE gone=0"
        cursor = self.db.cursor()
        cursor.row_factory = None  # plain tuples: a large inventory has millions of rows
        for values in cursor.execute(query + " ORDER BY location"):
            yield StoredLocation.from_values(values)

    def summary(self) -> dict:
        """Locations by status and risk, and those with special-category data, counted by
        SQLite (`phiscan status` on a large inventory answers without reading every row)."""
        statuses = {str(status): 0 for status in Status}
        risks = {str(risk): 0 for risk in Risk}
        total = special = 0
        for status, risk, special_category, count in self.db.execute(
                "SELECT status, risk, special_category, COUNT(*) FROM locations WHERE gone=0"
                " GROUP BY status, risk, special_category"):
            statuses[status] = statuses.get(status, 0) + count
            risks[risk] = risks.get(risk, 0) + count
            total += count
            special += count if special_category else 0
        return {"locations": total, "status": statuses, "risk": risks,
                "special_category_locations": special}

    def location(self, location: str) -> StoredLocation | None:
        row = self.db.execute("SELECT * FROM locations WHERE location=?", (location,)).fetchone()
        return StoredLocation.from_row(row) if row else None

    def findings(self, location: str | None = None) -> list[sqlite3.Row]:
        query = (
            "SELECT f.*, l.location FROM findings f JOIN locations l ON l.id=f.location_id"
            " WHERE l.gone=0"
        )
        params: tuple = ()
        if location is not None:
            query += " AND l.location=?"
            params = (location,)
        return self.db.execute(query + " ORDER BY f.id", params).fetchall()


NOT_READ_REASON = "not read: the walk skipped this location (a folder, link or special file)"


def _exposure_values(exposure: Exposure | None) -> tuple[str, str, str]:
    if exposure is None:
        return str(ExposureLevel.UNKNOWN), "[]", NOT_READ_REASON
    return str(exposure.level), json.dumps(list(exposure.principals)), exposure.reason


def _member_range(location: str) -> tuple[str, str]:
    """Bounds strictly around every `location!member` key ('"' sorts right after '!'),
    an index range scan where LIKE would read the whole table."""
    return location + MEMBER_SEP, location + chr(ord(MEMBER_SEP) + 1)


def stored_label(label: str | None) -> str | None:
    """The gate every position, record and field name passes on its way in: a `Label`
    went through detection (phiscan.detect.labels), anything else is masked whole."""
    if label is None or isinstance(label, Label):
        return label
    return mask_value("LABEL", label)


def _finding_row(location_id: int, run_id: int, finding: Finding) -> tuple:
    return (
        location_id, run_id, finding.entity_type, finding.score, finding.recognizer,
        stored_label(finding.where), finding.start, finding.end, stored_label(finding.record),
        stored_label(finding.field), finding.masked, finding.value_hash, int(finding.test_data),
        finding.role, finding.kind, finding.initial_hash, finding.variant_hash,
    )


def status_counts(locations: Iterable[StoredLocation]) -> dict[str, int]:
    counts = {str(status): 0 for status in Status}
    for location in locations:
        counts[location.status] = counts.get(location.status, 0) + 1
    return counts


def risk_counts(locations: Iterable[StoredLocation]) -> dict[str, int]:
    counts = {str(risk): 0 for risk in Risk}
    for location in locations:
        counts[location.risk] += 1
    return counts


def is_disk_full(exc: BaseException) -> bool:
    """Whether writing the output failed for lack of space (or quota), also when the
    failure surfaced while handling an earlier one."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT,
                                                               errno.EFBIG):
            return True
        if isinstance(current, sqlite3.Error) and getattr(
                current, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        current = current.__context__
    return False
