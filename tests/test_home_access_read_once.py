"""HOME_ACCESS reads what a span's pattern does not change once per span: two patterns
finding the same span (every span of a visit note) share its owner, window, sentence and
purpose words, and find exactly what reading them for each pattern finds."""

from __future__ import annotations

import pytest

import recognizers.home_access_recognizer as home_access

NOTES = [
    "Visit log\nKey safe code 5812 by the front door. Carer left at 10:05.",
    "Spare key under the blue plant pot by the back gate; neighbour at no. 7 holds a key.",
    "Code for the key box is 3 9 0 6 (new one since March), do not share with the depot.",
    "| Name | Access |\n| Mrs Pell | key safe 2287 left of the porch |\n",
    "Ward 4 treatment room door code 1 4 7 7.\nHis mum's house: key safe 6620 round the side.",
]


def found(recognizer, text):
    results = recognizer.analyze(text, recognizer.supported_entities)
    return sorted((r.start, r.end, round(r.score, 6),
                   tuple(r.recognition_metadata.get("access_kinds", ()) or ())) for r in results)


@pytest.fixture(scope="module")
def recognizer():
    return home_access.HomeAccessRecognizer()


def test_a_span_two_patterns_find_is_resolved_once(recognizer, monkeypatch):
    text = NOTES[0]
    spans = {(r.start, r.end) for r in recognizer.pattern_matches(
        text, recognizer.global_regex_flags)}
    patterns = [r.analysis_explanation.pattern_name for r in recognizer.pattern_matches(
        text, recognizer.global_regex_flags)]
    # `Key safe code 5812` and `front door`: each found by two patterns
    assert (len(spans), len(patterns)) == (2, 4)
    calls = []
    resolve = recognizer.purpose.resolve
    monkeypatch.setattr(recognizer.purpose, "resolve",
                        lambda *args: calls.append(args[1:3]) or resolve(*args))
    assert len(found(recognizer, text)) == 1
    assert sorted(calls) == sorted(spans)  # (read for each, kept or not)


def test_reading_once_finds_what_reading_per_pattern_finds(recognizer, monkeypatch):
    once = [found(recognizer, text) for text in NOTES]
    monkeypatch.setattr(home_access, "_once", lambda _rec, _text, _key, read: read())
    assert [found(recognizer, text) for text in NOTES] == once
    assert [len(spans) for spans in once] == [1, 2, 1, 1, 1]  # (a ward's door code is no home's)
