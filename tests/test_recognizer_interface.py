"""Our recognizers keep Presidio's interface: the constructor arguments of a
`PatternRecognizer`, and the candidates upstream's own pattern loop would find."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from presidio_analyzer import PatternRecognizer

from recognizers import RECOGNIZER_CLASSES, build_recognizers
from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.nhs_number_recognizer import NhsNumberRecognizer
from recognizers.uk_nino_recognizer import UkNinoRecognizer
from recognizers.uk_postcode_recognizer import UkPostcodeRecognizer
from tests.test_triggers import corpus_texts  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent
NO_NETWORK = (
    "import socket\n"
    "def _refuse(*args, **kwargs):\n"
    "    raise OSError('network refused in this test')\n"
    "socket.socket.connect = _refuse\n"
)

ALL = [r for r in build_recognizers() if isinstance(r, ContextScoredRecognizer)]


def candidates(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


@pytest.mark.parametrize("recognizer", ALL, ids=lambda r: r.name)
def test_pattern_loop_finds_what_upstream_finds(recognizer, corpus_texts):  # noqa: F811
    """`match_patterns` replaces Presidio's private pattern loop (for triggers and
    compile-once patterns). Upstream's `PatternRecognizer.analyze` on the same recognizer
    must give the same candidates, scores and validation on every text: this pins the
    copy to the Presidio version installed."""
    recognizer.gated = False
    try:
        for text in corpus_texts:
            ours = recognizer.match_patterns(text, recognizer.global_regex_flags)
            upstream = PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)
            assert candidates(ours) == candidates(upstream)
    finally:
        recognizer.gated = True


@pytest.mark.parametrize("recognizer_class", RECOGNIZER_CLASSES, ids=lambda c: c.__name__)
def test_presidio_constructor_arguments_are_accepted(recognizer_class):
    recognizer = recognizer_class(supported_language="en", supported_entity="MY_TYPE",
                                  context=["my label"])
    assert recognizer.supported_entities[0] == "MY_TYPE"
    assert recognizer.supported_language == "en"


def test_context_argument_changes_the_score():
    text = "payroll: AB 12 34 56 C"
    shipped = UkNinoRecognizer().analyze(text, ["UK_NINO"])
    tuned = UkNinoRecognizer(context=["payroll"]).analyze(text, ["UK_NINO"])
    assert [r.score for r in shipped] == [0.65]
    assert [r.score for r in tuned] == [0.95]


def test_patterns_argument_replaces_the_shipped_patterns():
    only_london = UkPostcodeRecognizer(patterns=[Pattern("london", r"\bSW1A 1AA\b", 0.6)])
    text = "Address: 1 Road, SW1A 1AA and LS1 4AP"
    assert [text[r.start:r.end] for r in only_london.analyze(text, ["UK_POSTCODE"])] == [
        "SW1A 1AA"]


def test_strong_context_tunes_nhs_numbers():
    text = "client ref 943 476 5919"
    assert NhsNumberRecognizer(context=["client ref"]).analyze(text, ["UK_NHS"])[0].score == 1.0


def test_the_plain_presidio_example_in_the_docs_runs_offline(tmp_path):
    """The code block in docs/development/extending.md, run as written, outside the repo
    (sockets refused: the example must not reach for a model download)."""
    page = (ROOT / "docs" / "development" / "extending.md").read_text()
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "example.py"
    script.write_text(NO_NETWORK + example)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "type: UK_NHS, start: 11, end: 23, score: 1.0" in result.stdout


def test_one_recognizer_per_module_named_after_it():
    """Presidio's layout: each recognizer class in its own `*_recognizer.py`."""
    modules = [recognizer_class.__module__ for recognizer_class in RECOGNIZER_CLASSES]
    assert all(module.endswith("_recognizer") for module in modules), modules
    assert len(modules) == len(set(modules))
