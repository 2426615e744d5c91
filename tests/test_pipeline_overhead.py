"""The per-file work around recognition: values hashed and masked once per worker, the
inventory's batched writes, the writer's heap kept out of the collector's walks."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

from phiscan.config import Config
from phiscan.detect import detector as detector_module
from phiscan.detect.detector import Detector, ValueMemo
from phiscan.detect.entities import mask_value, normalise
from phiscan.inventory.store import Inventory
from phiscan.model import Finding, Label, LocationResult, Status, TextUnit
from phiscan.scan.runner import run_scan
from phiscan.security.keys import keyed_hash

KEY = b"test-key-not-secret"
ROWS = ("NHS number 943 476 5919, Jane Example, 12 Mill Lane, LS1 4AB.\n"
        "NHS number 401 023 2137, John Sample, 3 Hill Road, LS2 9ZZ.\n")


def found(detector: Detector, text: str) -> list[tuple]:
    return [(f.entity_type, f.start, f.end, f.masked, f.value_hash, f.role)
            for f in detector.detect_unit(TextUnit(text))]


def test_each_value_is_hashed_and_masked_once_and_remembered_by_digest(config):
    detector = Detector(config, KEY)
    first = found(detector, ROWS)
    remembered = dict(detector.memo.known)
    assert found(detector, ROWS * 3) == found(Detector(config, KEY), ROWS * 3)
    # one entry per value, and two more per name: its initial form (`j. example`) and its
    # variant form (`phiscan.detect.normalize.variant_form`)
    names = {f[4] for f in first if f[0] == "PERSON"}
    assert len(names) == 2
    assert len(detector.memo.known) == len(remembered) == (len({f[4] for f in first})
                                                           + 2 * len(names))
    for finding in detector.detect_unit(TextUnit(ROWS)):
        raw = ROWS[finding.start:finding.end]
        assert finding.value_hash == keyed_hash(KEY, finding.entity_type,
                                                normalise(finding.entity_type, raw))
        assert finding.masked == mask_value(finding.entity_type, raw)
    # Keys are keyed digests and values hashes and masks: no value's text is held.
    assert all(isinstance(key, bytes) and len(key) == 16 for key in remembered)
    held = repr(remembered)
    assert not any(raw in held for raw in ("943 476 5919", "9434765919", "Jane Example",
                                            "LS1 4AB"))


def test_the_memory_of_values_is_bounded_and_forgets_the_oldest(config, monkeypatch):
    monkeypatch.setattr(detector_module, "MEMORY_VALUES", 3)
    memo = ValueMemo()
    keys = [memo.key("UK_NHS", str(number)) for number in range(5)]
    for number, key in enumerate(keys):
        memo.put(key, (f"hash{number}", "***"))
    assert list(memo.known) == keys[2:]
    assert memo.get(keys[0]) is None and memo.get(keys[4]) == ("hash4", "***")
    detector = Detector(config, KEY)
    detector.memo = memo
    assert found(detector, ROWS) == found(Detector(config, KEY), ROWS)
    assert len(memo.known) == 3


def finding(value_hash: str) -> Finding:
    return Finding(entity_type="UK_NHS", score=1.0, recognizer="r", where=Label("row 2"),
                   start=0, end=10, masked="943 *** ****", value_hash=value_hash,
                   record=Label("row 2"), field=Label("nhs_number"))


def stored(out: Path) -> tuple[list, list]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        current = db.execute("SELECT l.location, f.value_hash, f.position, f.field"
                             " FROM findings f JOIN locations l ON l.id=f.location_id"
                             " ORDER BY f.id").fetchall()
        replaced = db.execute("SELECT value_hash, superseded_run FROM superseded_findings"
                              " ORDER BY id").fetchall()
    return current, replaced


def test_a_batch_writes_each_location_with_its_own_findings(tmp_path):
    """Findings of a batch go in together; a location written twice in one batch (the
    watch daemon's) keeps its last findings, the first ones superseded, as when the two
    writes come one batch after the other."""
    def results(location: str, hashes: list[str]) -> LocationResult:
        return LocationResult(location=location, status=Status.SCANNED,
                              findings=[finding(value_hash) for value_hash in hashes])

    batches = {"one": [[results("/s/a", ["h1", "h2"]), results("/s/b", ["h3"]),
                        results("/s/a", ["h4"])]],
               "apart": [[results("/s/a", ["h1", "h2"]), results("/s/b", ["h3"])],
                         [results("/s/a", ["h4"])]]}
    outcomes = {}
    for name, writes in batches.items():
        with Inventory(tmp_path / name) as inventory:
            run_id = inventory.start_run("scan", ["/s"], {})
            for batch in writes:
                inventory.write_results(run_id, batch)
        outcomes[name] = stored(tmp_path / name)
    assert outcomes["one"] == outcomes["apart"]
    current, replaced = outcomes["one"]
    assert sorted(current) == [("/s/a", "h4", "row 2", "nhs_number"),
                               ("/s/b", "h3", "row 2", "nhs_number")]
    assert replaced == [("h1", 1), ("h2", 1)]


def test_a_scan_leaves_the_collector_as_it_found_it(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "rows.csv").write_text("nhs_number,name\n9434765919,Jane Example\n")
    config = Config()
    config.scan.workers = 1
    assert gc.get_freeze_count() == 0
    outcome = run_scan([str(share)], tmp_path / "out", config)
    assert outcome.progress.findings > 0
    assert gc.get_freeze_count() == 0 and gc.isenabled()
