"""HL7 messages and FHIR resources read line by line, as table rows are
(`phiscan/detect/record_lines.py`): each distinct `field: value` line's raw matches found
once per worker, with findings exactly those of scanning each record whole (issue 17)."""

from __future__ import annotations

import random

import pytest

from phiscan.detect.record_lines import RecordLines, split_lines
from phiscan.detect.tiered import is_message_record, is_table_row
from phiscan.model import TextUnit
from tests.test_field_recognition import structured_units
from tests.test_record_lines import assert_read_by_lines_as_whole
from tests.test_xml_meaning import fhir_json_to_xml, resources


@pytest.fixture(scope="module")
def records() -> list[TextUnit]:
    """The message records of the breach corpora's HL7 messages and FHIR bundles, the
    tests' ORU message, FHIR bundle and NHS sandbox Patients, and the FHIR resources of
    the XML tests in their XML syntax."""
    from tests.test_field_recognition import units_of

    units = structured_units()
    units += [unit for kind, resource in resources().items()
              for unit in units_of(f"{kind}.xml", fhir_json_to_xml(resource))]
    return [unit for unit in units if is_message_record(unit)]


def test_only_records_of_formats_that_name_their_fields_are_message_records(records):
    kinds = {unit.where.split()[0] for unit in records}
    assert len(records) > 300 and {"message", "entry[0]"} <= kinds
    assert not any(is_table_row(unit) for unit in records)
    assert not is_message_record(TextUnit("From: Jane Example\n", where="headers"))


def test_records_read_by_lines_give_the_findings_of_records_read_whole(detector, records):
    layered = detector.layered
    found = 0
    try:
        for unit in records:
            layered.record_lines = None
            whole = [(f.entity_type, f.start, f.end, f.score, f.role, f.recognizer, f.field,
                      f.value_hash, f.in_label) for f in detector.detect_unit(unit)]
            layered.record_lines = RecordLines(layered.cheap)
            for _twice in range(2):  # scanning its lines, then remembering them
                assert [(f.entity_type, f.start, f.end, f.score, f.role, f.recognizer,
                         f.field, f.value_hash, f.in_label)
                        for f in detector.detect_unit(unit)] == whole
            found += len(whole)
    finally:
        layered.record_lines = RecordLines(layered.cheap)
    assert found > 1000


def test_a_message_line_in_any_record_gives_what_scanning_that_record_gives(detector,
                                                                          records):
    """Records made of other records' lines in any order: a line opens a record it did not
    open, follows other lines, ends a text without its line break."""
    rng = random.Random(23)
    pool = [unit.text[start:end] for unit in records for start, end in split_lines(unit.text)]
    texts = []
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        texts.append(text.rstrip("\n") if rng.random() < 0.3 else text)
    assert_read_by_lines_as_whole(detector.layered, texts)


def test_a_worker_reads_a_message_line_once(detector, records):
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    layered.record_lines = lines
    try:
        for unit in records:
            detector.detect_unit(unit)
    finally:
        layered.record_lines = RecordLines(layered.cheap)
    seen: set[tuple[str, bool]] = set()
    new_lines = 0  # a record's lines not seen in an earlier record (a repeat in it too)
    for unit in records:
        keys = [(unit.text[start:end], start == 0) for start, end in split_lines(unit.text)]
        new_lines += sum(1 for key in keys if key not in seen)
        seen.update(keys)
    assert lines.lines_read == new_lines < sum(len(split_lines(unit.text)) for unit in records)
    assert len(lines.known) == len(seen)


def test_a_message_line_a_line_decides_is_scored_once(detector, records):
    """A message's `field: value` lines are scored once per worker, as a table row's cells
    are (`RecordLines.scored`): a second reading of the same records scores only the lines
    their line does not decide (an HL7 segment, a FHIR field with dotted siblings), and the
    card, IBAN and e-mail recognizers read each distinct line once."""
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    layered.record_lines = lines
    try:
        for unit in records:
            detector.detect_unit(unit)
        scored, found = lines.lines_scored, lines.lines_found
        for unit in records:
            detector.detect_unit(unit)
    finally:
        layered.record_lines = RecordLines(layered.cheap)
    assert scored > 100 and lines.scores
    assert lines.lines_scored - scored < scored
    assert found > 0 and lines.lines_found == found
