"""Quick fuzz properties (hypothesis, derandomised so CI is reproducible): the long,
randomised run is `python -m fuzz.run` (README, "Hardening and fuzzing")."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.targets import documents, extract_everything, fuzz_limits, seed_documents
from phiscan.extract.text import decode_text
from phiscan.model import TextUnit

SEEDS = seed_documents()
QUICK = settings(max_examples=60, deadline=5000, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])
DETECTION = settings(max_examples=20, deadline=20000, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])
NHS = "943 476 5919"
HEX64 = re.compile(r"[0-9a-f]{64}")


@QUICK
@given(documents(SEEDS))
def test_extractors_only_say_no_in_their_own_words(document):
    """Mutated and arbitrary documents: our extractors raise only Skip or
    ExtractionError (anything else propagates and fails the test), and member
    names never climb out of their archive."""
    name, data = document
    outcomes = extract_everything(name, data, fuzz_limits())
    assert all(isinstance(outcome, str) for outcome in outcomes)


@QUICK
@given(st.binary(max_size=2048))
def test_decoding_never_fails(data):
    assert isinstance(decode_text(data), str)


@QUICK
@given(st.binary(max_size=512).map(lambda b: bytes(x | 0x80 for x in b)),
       st.binary(max_size=512).map(lambda b: bytes(x | 0x80 for x in b)))
def test_invalid_bytes_around_an_identifier_keep_it(prefix, suffix):
    decoded = decode_text(prefix + f" NHS number {NHS} ".encode() + suffix)
    assert f"NHS number {NHS}" in decoded


@DETECTION
@given(st.text(max_size=300))
def test_detection_never_returns_a_raw_value(detector, text):
    findings = detector.detect_unit(TextUnit(text=f"{text}\nNHS number: {NHS}\n"))
    nhs = [finding for finding in findings if finding.entity_type == "UK_NHS"]
    assert nhs, "an identifier after arbitrary text must still be found"
    for finding in findings:
        assert HEX64.fullmatch(finding.value_hash)
        assert NHS.replace(" ", "") not in finding.masked.replace(" ", "")
        assert 0 <= finding.start < finding.end
    assert {finding.masked for finding in nhs} == {"943 *** ****"}
