"""Tiered detection: same findings as full analysis, spaCy only near candidates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bench.corpus import breach_corpus, mixed_corpus, text_heavy_corpus
from phiscan.config import Config, DetectionConfig
from phiscan.detect.tiered import (
    BLOCK_CHARS,
    Span,
    TieredAnalyzer,
    Windows,
    blocks_near,
    sentences,
    text_blocks,
)
from phiscan.extract import ExtractContext, choose_extractor, run_extractor
from phiscan.model import TextUnit

NHS_NUMBER = "943 476 5919"


def analyzer_for(detector, tiered: bool) -> TieredAnalyzer:
    config = Config(detection=replace(DetectionConfig(), tiered=tiered))
    return TieredAnalyzer(detector.analyzer, detector.entities, config)


@pytest.fixture(scope="module")
def tiered(detector) -> TieredAnalyzer:
    return analyzer_for(detector, tiered=True)


@pytest.fixture(scope="module")
def full(detector) -> TieredAnalyzer:
    return analyzer_for(detector, tiered=False)


def keys(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6),
                   (r.recognition_metadata or {}).get("recognizer_name")) for r in results)


def people(results) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in results if r.entity_type == "PERSON"]


def corpus_units() -> list[TextUnit]:
    """The labelled evaluation corpus (`phiscan.synthetic.corpus`), plus every text unit phiscan
    extracts from small seeded benchmark corpora (office files, long prose, and a breach's
    notes, letters, HL7, FHIR, CSV, XLSX and e-mails)."""
    from phiscan.synthetic.corpus import generate_corpus

    units = [TextUnit(document.text, where=document.doc_id)
             for document in generate_corpus(seed=5, size=150)]
    files = [*mixed_corpus(seed=3, files=60), *text_heavy_corpus(seed=3, files=3, kb_per_file=12),
             *breach_corpus("breach")(seed=3, files=60)]
    for corpus_file in files:
        name = Path(corpus_file.path).name
        extractor, _reason = choose_extractor(name, corpus_file.data)
        if extractor is None:
            continue
        ctx = ExtractContext.for_file(name, Config().limits)
        units += [piece for piece in run_extractor(extractor, corpus_file.data, ctx)
                  if isinstance(piece, TextUnit)]
    return units


def test_tiered_equals_full_on_a_generated_corpus(tiered, full):
    units = corpus_units()
    assert len(units) > 250
    tiered.blocks_read = full.blocks_read = 0
    person_findings = 0
    for unit in units:
        tiered_results, full_results = tiered.analyze(unit), full.analyze(unit)
        assert keys(tiered_results) == keys(full_results), unit.where
        person_findings += len(people(tiered_results))
    assert person_findings > 50
    # The point of tiering: blocks with no candidate never reach spaCy (this corpus is
    # dense with identifiers; a real share is mostly prose without any).
    assert tiered.blocks_read < full.blocks_read * 0.7


def test_a_name_alone_is_not_reported(tiered, full):
    unit = TextUnit("The minutes were taken by Margaret Thompson and circulated on Friday.\n")
    tiered.blocks_read = 0
    assert people(tiered.analyze(unit)) == []
    assert people(full.analyze(unit)) == []
    assert tiered.blocks_read == 0  # no candidate: spaCy never saw the text


def test_a_name_next_to_an_nhs_number_is_reported(tiered):
    text = f"Patient Margaret Thompson was seen today, NHS number {NHS_NUMBER}.\n"
    found = people(tiered.analyze(TextUnit(text)))
    assert [text[start:end] for start, end in found] == ["Margaret Thompson"]


def test_a_forename_alone_is_not_a_person(tiered):
    text = f"Margaret was comfortable today, NHS number {NHS_NUMBER}.\n"
    tiered.blocks_read = 0
    assert people(tiered.analyze(TextUnit(text))) == []
    assert tiered.blocks_read == 0  # no two capitalised words in a row: no spaCy


def test_a_name_far_from_any_candidate_is_not_reported(tiered, full):
    filler = "The rota was discussed at length by the whole team. " * 12
    text = f"Margaret Thompson chaired.\n\n{filler}\n\nNHS number {NHS_NUMBER} for the patient.\n"
    assert people(tiered.analyze(TextUnit(text))) == []
    assert people(full.analyze(TextUnit(text))) == []


def test_records_use_field_semantics_and_ner_only_on_unexplained_cells(tiered, full):
    from phiscan.extract.base import record_unit

    unit = record_unit([("client_name", "Margaret Thompson"), ("nhs_number", NHS_NUMBER),
                        ("postcode", "LS6 2QB"),
                        ("notes", "Daughter Susan Thompson visits on Sundays")], "row 2", "row 2")
    tiered.blocks_read = 0
    results = tiered.analyze(unit)
    names = sorted(unit.text[start:end] for start, end in people(results))
    assert names == ["Margaret Thompson", "Susan Thompson"]
    assert tiered.blocks_read == 1
    explained = record_unit([("client_name", "Margaret Thompson"), ("nhs_number", NHS_NUMBER),
                             ("postcode", "LS6 2QB")], "row 3", "row 3")
    tiered.blocks_read = 0
    assert people(tiered.analyze(explained)) == [(13, 30)]  # the name field, no NER
    assert tiered.blocks_read == 0
    assert keys(results) == keys(full.analyze(unit))


def test_blocks_cover_the_text_exactly_and_respect_the_limit():
    text = ("A short paragraph. Dr. J. Smith said so! Next one.\n\n" + "word " * 400
            + "\n\n\nline one\nline two\n" * 3)
    blocks = text_blocks(text)
    assert blocks[0].start == 0 and blocks[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(blocks, blocks[1:], strict=False))
    assert all(block.end - block.start <= BLOCK_CHARS for block in blocks)
    assert [text[s.start:s.end] for s in sentences(text)][:4] == [
        "A short paragraph. ", "Dr. J. Smith said so! ", "Next one.\n\n", "word " * 400 + "\n\n\n"]
    assert text[blocks[3].start:blocks[3].end] == "word " * 80  # cut at a space


def test_blocks_near_windows_are_exactly_the_text_blocks_that_overlap_them(tiered):
    texts = [unit.text for unit in corpus_units() if not unit.fields]
    texts.append("Intro line.\n\n\nDr. A. Jones saw her. She is well!\n\n" + "x " * 300
                 + "\nEnd.\n\n")
    for text in texts:
        windows = Windows(tiered.cheap_pass(text))
        expected = [b for b in text_blocks(text) if windows.overlap(b.start, b.end)]
        assert blocks_near(text, windows) == expected
    text = texts[-1]
    for position in range(0, len(text), 7):  # windows starting anywhere, newline runs too
        windows = Windows([])
        windows.spans, windows.starts = [Span(position, position + 3)], [position]
        assert blocks_near(text, windows) == [
            b for b in text_blocks(text) if windows.overlap(b.start, b.end)]


def test_a_repeated_block_is_read_once_and_gives_the_same_names(detector):
    analyzer = analyzer_for(detector, tiered=True)
    text = ("Leeds Community Care, Trevelyan Square, Leeds\nDear Jane Smith,\n"
            f"NHS number: {NHS_NUMBER}\n")
    first = analyzer.analyze(TextUnit(text))
    read = analyzer.blocks_read
    assert read >= 1 and [text[s:e] for s, e in people(first)] == ["Jane Smith"]
    assert keys(analyzer.analyze(TextUnit(text))) == keys(first)
    assert analyzer.blocks_read == read  # answered from memory
    # Memory holds keyed digests and offsets, never the text.
    assert all(isinstance(key, bytes) and len(key) == 16 for key in analyzer.ner_memory.results)


def test_street_and_town_names_in_an_address_field_never_reach_spacy(tiered, full):
    text = (f"Address: 164 Victoria Road, Leeds LS1 4AB\nNHS number: {NHS_NUMBER}\n"
            "Next of kin: Jane Smith (daughter)\n")
    unit = TextUnit(text)
    tiered.blocks_read = 0
    results = tiered.analyze(unit)
    assert tiered.blocks_read == 0  # the next-of-kin name is its field's (`Name (relation)`)
    assert [text[s:e] for s, e in people(results)] == ["Jane Smith"]
    assert keys(results) == keys(full.analyze(unit))
