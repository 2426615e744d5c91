"""Detection quality floors: a regression in a recognizer fails here.

The corpus is generated from a seed (phiscan.synthetic.corpus); the public vectors are
copies in tests/data (see tests/data/SOURCES.md).
"""

from __future__ import annotations

import json
import socket
import sqlite3
import stat
from pathlib import Path

import pytest

from phiscan.quality.evaluation import (
    Dataset,
    LabelledText,
    Span,
    default_entity_types,
    evaluate,
    load_dataset,
    match_spans,
    phiscan_predictor,
    presidio_predictor,
)
from phiscan.synthetic.corpus import DECOY_KINDS, KINDS, generate_corpus
from tests.cli import run_cli
from tests.conftest import DATA_DIR

CORPUS_SIZE = 250


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("network access during evaluation")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture(scope="module")
def predict(config):
    return phiscan_predictor(config)


@pytest.fixture(scope="module")
def corpus() -> Dataset:
    documents = [
        LabelledText(d.doc_id, d.kind, d.text,
                     [Span(s.entity_type, s.start, s.end, s.test_data) for s in d.spans])
        for d in generate_corpus(seed=7, size=CORPUS_SIZE)
    ]
    return Dataset("generated", documents)


@pytest.fixture(scope="module")
def corpus_evaluation(corpus, predict):
    return evaluate(corpus, predict, default_entity_types(corpus), engine="phiscan")


def test_corpus_is_seeded_and_labels_match_the_text():
    first, second = generate_corpus(seed=3, size=40), generate_corpus(seed=3, size=40)
    assert [d.to_json() for d in first] == [d.to_json() for d in second]
    assert generate_corpus(seed=4, size=40)[20].text != first[20].text
    assert {d.kind for d in first} == set(KINDS)
    for document in first:
        for span in document.spans:
            assert document.text[span.start:span.end] == span.value


def test_nhs_number_floor(corpus_evaluation):
    tally = corpus_evaluation.tallies["UK_NHS"]
    assert tally.gold >= 150
    assert tally.precision >= 0.99 and tally.recall >= 0.99


def test_home_access_floor(corpus_evaluation):
    tally = corpus_evaluation.tallies["HOME_ACCESS"]
    assert tally.gold >= 70
    assert tally.precision >= 0.95 and tally.recall >= 0.95


def test_other_uk_identifier_floors(corpus_evaluation):
    for entity in ("UK_CHI", "UK_HCN", "DATE_OF_BIRTH", "UK_POSTCODE", "PHONE_NUMBER",
                   "UK_NINO", "EMAIL_ADDRESS", "HEALTH_CONDITION", "MEDICATION",
                   "CLINICAL_CODE"):
        tally = corpus_evaluation.tallies[entity]
        assert tally.gold > 0, entity
        assert tally.precision >= 0.95 and tally.recall >= 0.95, (entity, tally.as_dict())


def test_person_floor(corpus_evaluation):
    tally = corpus_evaluation.tallies["PERSON"]
    assert tally.precision >= 0.8 and tally.recall >= 0.85, tally.as_dict()


def test_no_nhs_number_in_decoy_documents(corpus, corpus_evaluation):
    decoys = [doc for doc in corpus.documents if doc.kind in DECOY_KINDS]
    assert {doc.kind for doc in decoys} == set(DECOY_KINDS)
    nhs_findings = [
        (doc.doc_id, span) for doc in decoys for span in corpus_evaluation.predictions[doc.doc_id]
        if span.entity_type in ("UK_NHS", "UK_CHI", "UK_HCN")
    ]
    assert nhs_findings == []
    home_access = [
        doc.doc_id for doc in decoys for span in corpus_evaluation.predictions[doc.doc_id]
        if span.entity_type == "HOME_ACCESS"
    ]
    assert home_access == []


def test_test_range_numbers_are_flagged(corpus_evaluation):
    assert corpus_evaluation.test_data_gold >= 10
    assert corpus_evaluation.test_data_flagged == corpus_evaluation.test_data_gold


def test_nhs_vectors(predict):
    dataset = load_dataset(DATA_DIR / "nhs_vectors_compiled.json")
    evaluation = evaluate(dataset, predict, ["UK_NHS"])
    tally = evaluation.tallies["UK_NHS"]
    # Misses by design: three bare numbers of Presidio's span tests (no context),
    # 0000000000 (degenerate) and 8453035113 (Republic of Ireland).
    assert (tally.gold, tally.predicted, tally.matched) == (40, 35, 35)
    missed = {doc.doc_id for doc in dataset.documents
              if doc.gold and not evaluation.predictions[doc.doc_id]}
    assert missed == {"presidio-span-0", "presidio-span-1", "presidio-span-2",
                      "validity-6", "validity-16"}


def test_presidio_synthetic_set(predict):
    dataset = load_dataset(DATA_DIR / "presidio_synth_dataset_v2_first200.json")
    evaluation = evaluate(dataset, predict, ["PERSON", "EMAIL_ADDRESS", "CREDIT_CARD"])
    assert evaluation.tallies["EMAIL_ADDRESS"].recall >= 0.9
    assert evaluation.tallies["EMAIL_ADDRESS"].precision >= 0.9
    assert evaluation.tallies["CREDIT_CARD"].precision >= 0.9
    # The scan's rule: a name from NER counts only near another finding, and these
    # records are mostly a name alone, so few are reported, and those rightly.
    assert evaluation.tallies["PERSON"].precision >= 0.9


def test_plain_presidio_reports_invoice_numbers_as_nhs(config, corpus):
    """The baseline the README compares against: stock Presidio flags checksum-valid
    invoice references as NHS numbers, which is why phiscan scores by context."""
    invoices = Dataset("invoices", [d for d in corpus.documents if d.kind == "invoice_only"])
    evaluation = evaluate(invoices, presidio_predictor(config), ["UK_NHS"], engine="presidio")
    assert evaluation.tallies["UK_NHS"].predicted > 0


def test_span_matching_is_one_to_one():
    gold = [Span("X", 0, 10), Span("X", 20, 30)]
    predicted = [Span("X", 5, 25), Span("X", 8, 9), Span("X", 40, 45)]
    pairs = match_spans(gold, predicted)
    assert [(g.start, p.start) for g, p in pairs] == [(0, 8), (20, 5)]


def test_eval_command_writes_private_json(tmp_path):
    out = tmp_path / "figures.json"
    result = run_cli("eval", str(DATA_DIR / "nhs_vectors_compiled.json"), "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "UK_NHS" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (figures,) = json.loads(out.read_text())
    assert figures["entities"]["UK_NHS"]["matched"] == 35
    assert figures["entities"]["UK_NHS"]["precision"] == 1.0


def test_eval_command_rejects_a_bad_dataset(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a dataset"}')
    result = run_cli("eval", str(bad))
    assert result.returncode == 2
    assert "expected a list" in result.stderr


def test_eval_reports_what_the_scan_reports(tmp_path, corpus, predict):
    """`phiscan eval` runs the scan's own detector: for the same text, the same
    findings (type and offsets) as `phiscan scan` stores for a plain-text file."""
    documents = [doc for doc in corpus.documents if "\r" not in doc.text][:40]
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    for index, doc in enumerate(documents):
        (share / f"doc-{index:02d}.txt").write_text(doc.text, encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.entity_type, f.start, f.end FROM findings f"
                          " JOIN locations l ON l.id = f.location_id").fetchall()
    scanned: dict[int, set] = {index: set() for index in range(len(documents))}
    for location, entity, start, end in rows:
        scanned[int(Path(location).stem.split("-")[1])].add((entity, start, end))
    evaluated = {index: {(span.entity_type, span.start, span.end) for span in predict(doc.text)}
                 for index, doc in enumerate(documents)}
    assert sum(len(found) for found in scanned.values()) > 100
    assert evaluated == scanned
