"""A unit seen before in a worker gets the findings it gave then, without being analysed
again (`phiscan.detect.unit_memo`): the same findings, row for row, as analysing it."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from bench.corpus import breach_corpus, mixed_corpus
from phiscan.config import Config
from phiscan.detect.unit_memo import UnitMemo
from phiscan.model import FieldSpan, LocationResult, SourceItem, TextUnit, Window
from phiscan.scan.executors import BATCH_SIZE, WorkerState, batches
from phiscan.scan.pipeline import DocumentParts

KEY = b"test-key-not-secret"


def rows(results: list[list[LocationResult]]) -> list[tuple]:
    return [(result.location, result.status, result.reason, result.chars, result.risk,
             tuple(result.categories), tuple(result.findings))
            for batch in results for result in batch]


def scanned(state: WorkerState, root: Path) -> list[tuple]:
    jobs = [(str(root), SourceItem(str(path), path.stat().st_size, path.stat().st_mtime,
                                   root=str(root)))
            for path in sorted(root.rglob("*")) if path.is_file()]
    return [row for batch in batches(iter(jobs), BATCH_SIZE)
            for row in rows(state.scan_batch(batch))]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """FHIR bundles, HL7 messages and the mixed corpus's letters, notes and tables."""
    root = tmp_path_factory.mktemp("memo-corpus")
    files = [*breach_corpus("breach-fhir")(seed=11, files=40),
             *breach_corpus("breach-hl7")(seed=11, files=20),
             *breach_corpus("breach")(seed=11, files=30), *mixed_corpus(seed=11, files=40)]
    for corpus_file in files:
        path = root / corpus_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(corpus_file.data)
    return root


def test_remembered_units_give_exactly_the_findings_of_analysing_them(corpus):
    config = Config()
    remembering = WorkerState(config, KEY)
    forgetting = WorkerState(config, KEY)
    forgetting.detector.units = UnitMemo(size=0)
    first = scanned(remembering, corpus)
    assert first == scanned(forgetting, corpus)
    assert forgetting.detector.units.hits == 0
    # The bundles' practitioners and relatives recur from file to file.
    assert remembering.detector.units.hits > 0
    # A second pass answers every unit but those with too many findings from memory.
    hits = remembering.detector.units.hits
    assert scanned(remembering, corpus) == first
    assert remembering.detector.units.hits - hits > len(remembering.detector.units.known) // 2


def test_units_differing_in_any_part_are_remembered_apart():
    memo = UnitMemo()
    unit = TextUnit("patient_name: Jane Example\n", where="entry[0] Patient",
                    record="entry[0] Patient", fields=[FieldSpan(14, 26, "patient_name", True)])
    others = [
        TextUnit(unit.text, where="entry[1] Patient", record=unit.record, fields=unit.fields),
        TextUnit(unit.text, where=unit.where, record=None, fields=unit.fields),
        TextUnit(unit.text, where=unit.where, record=unit.record,
                 fields=[FieldSpan(14, 26, "patient_name", False)]),
        TextUnit(unit.text, where=unit.where, record=unit.record, fields=unit.fields,
                 window=Window(2, 100, 10, 20)),
        TextUnit(unit.text.upper(), where=unit.where, record=unit.record, fields=unit.fields),
    ]
    keys = {memo.key(other) for other in others}
    assert len(keys) == len(others) and memo.key(unit) not in keys
    assert memo.key(TextUnit("Jane Example " * 6000)) is None  # too long to recur
    same = TextUnit(unit.text, where=unit.where, record=unit.record,
                    fields=[FieldSpan(14, 26, "patient_name", True)])
    assert memo.key(same) == memo.key(unit)


def test_the_memory_holds_no_text_and_forgets_the_oldest(detector):
    memo = UnitMemo(size=2)
    units = [TextUnit(f"NHS number 943 476 5919, Jane Example {number}.\n")
             for number in range(3)]
    for unit in units:
        memo.keep(memo.key(unit), detector.detect_unit(unit))
    assert list(memo.known) == [memo.key(unit) for unit in units[1:]]
    assert memo.findings(memo.key(units[0])) is None
    assert memo.findings(memo.key(units[2])) == detector.detect_unit(units[2])
    held = pickle.dumps(memo.known)
    assert all(raw.encode() not in held for raw in ("943 476 5919", "9434765919",
                                                     "Jane Example", "Example"))


def test_a_unit_cut_short_by_a_deadline_is_not_remembered(config):
    """Stopped before spaCy read its names, a unit's findings lack them: a later copy of
    it must be analysed in full."""
    state = WorkerState(config, KEY)
    unit = TextUnit("Seen today: NHS number 943 476 5919. Mrs Jane Example was well and "
                    "her son Peter Example called.\n")
    parts = DocumentParts(state.detector)
    plan, key = parts.start(unit)
    parts.add(plan, key)
    assert parts.unread
    parts.stop()
    cut_short = parts.findings()
    assert key not in state.detector.units.known
    again = DocumentParts(state.detector)
    plan, key = again.start(unit)
    again.add(plan, key)
    again.read_names()
    whole = again.findings()
    assert [(f.entity_type, f.start) for f in whole if f not in cut_short] == [
        ("PERSON", unit.text.index("Peter Example"))]
    assert state.detector.units.findings(key) == whole
