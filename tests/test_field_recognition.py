"""Recognition inside records: a recognizer reads a record's field lines only where its
field can hold what it keeps (the name-field path only on name fields), and the findings
are exactly those of reading every line of the record (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.corpus import CORPORA
from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, choose_extractor, run_extractor
from phiscan.model import TextUnit
from recognizers.base import ContextScoredRecognizer
from recognizers.person_field_recognizer import NameFieldRecognizer
from tests.test_structured_names import BUNDLE, EMAIL, ORU

DATA = Path(__file__).parent / "data"
STRUCTURED_KINDS = ("breach-hl7", "breach-fhir", "breach-csv", "breach-xlsx")


def units_of(name: str, data: bytes) -> list[TextUnit]:
    extractor, _reason = choose_extractor(name, data)
    if extractor is None:
        return []
    pieces = run_extractor(extractor, data, ExtractContext.for_file(name, LimitsConfig()))
    return [piece for piece in pieces if isinstance(piece, TextUnit)]


def structured_units() -> list[TextUnit]:
    """Every record of the breach corpora's structured files (HL7, FHIR, CSV, XLSX, and
    the e-mails with CSV attachments of the whole breach corpus), and the tests' own
    structured fixtures (an ORU message, a FHIR bundle, an e-mail, NHS sandbox FHIR
    Patients, public XLSX files)."""
    files = [(Path(f.path).name, f.data) for kind in STRUCTURED_KINDS
             for f in CORPORA[kind](3, 40)]
    files += [(Path(f.path).name, f.data) for f in CORPORA["breach"](3, 120)
              if Path(f.path).suffix in {".eml", ".csv", ".xlsx", ".hl7", ".json"}]
    files += [("oru.hl7", ORU.encode()), ("bundle.json", json.dumps(BUNDLE).encode()),
              ("visit.eml", EMAIL.encode())]
    files += [(path.name, path.read_bytes()) for folder in ("fhir", "formats/public")
              for path in sorted((DATA / folder).iterdir())
              if path.suffix in {".json", ".xlsx"}]
    return [unit for name, data in files for unit in units_of(name, data) if unit.fields]


def findings(detector, unit: TextUnit, gated: bool) -> list[tuple]:
    recognizers = [r for r in detector.layered.cheap if isinstance(r, ContextScoredRecognizer)]
    for recognizer in recognizers:
        recognizer.gated = gated
    try:
        return [(f.entity_type, f.start, f.end, f.score, f.role, f.recognizer, f.field,
                 f.value_hash, f.in_label) for f in detector.detect_unit(unit)]
    finally:
        for recognizer in recognizers:
            recognizer.gated = True


def test_field_by_field_equals_every_line_of_the_record(detector):
    units = structured_units()
    kinds = {unit.where.split()[0] for unit in units}
    assert len(units) > 400 and {"message", "sheet", "row"} <= kinds
    found = 0
    for unit in units:
        expected = findings(detector, unit, gated=False)
        assert findings(detector, unit, gated=True) == expected, unit.where
        found += len(expected)
    assert found > 2000


@pytest.fixture(scope="module")
def names() -> NameFieldRecognizer:
    return NameFieldRecognizer()


def test_the_name_field_path_reads_only_name_fields(names):
    text = ("client_name: Jane Smith\npostcode: Leeds Road\nnotes: Seen Today\n"
            "key_worker: Amir Khan\nPID-11 address: Mill Lane\n")
    regions = names.triggers["name field"].regions(text)
    lines = [text[start:end] for start, end in regions]
    assert lines == ["client_name: Jane Smith", "key_worker: Amir Khan"]
    found = [text[r.start:r.end] for r in names.analyze(text, ["PERSON"])]
    assert found == ["Jane Smith", "Amir Khan"]


def test_lines_that_read_otherwise_are_still_scanned(names):
    """An HL7 segment and a line broken by a carriage return are read as before: their
    context is not a `field: value` line's."""
    trigger = names.triggers["name field"]
    text = "postcode: Leeds Road\rclient_name: Jane Smith\nPID|1||x: Jane Smith\n"
    assert [text[s:e] for s, e in trigger.regions(text)] == [
        "postcode: Leeds Road\rclient_name: Jane Smith", "PID|1||x: Jane Smith"]
    gated = names.analyze(text, ["PERSON"])
    names.gated = False
    try:
        assert names.analyze(text, ["PERSON"]) == gated
    finally:
        names.gated = True


def test_a_users_name_fields_widen_the_path(tmp_path):
    (tmp_path / "name_fields.txt").write_text("lodger\n", encoding="utf-8")
    widened = NameFieldRecognizer(vocabulary_dirs=[tmp_path])
    text = "lodger: Jane Smith\n"
    assert [text[s:e] for s, e in widened.triggers["name field"].regions(text)] == [
        "lodger: Jane Smith"]
    assert NameFieldRecognizer().triggers["name field"].regions(text) == []
