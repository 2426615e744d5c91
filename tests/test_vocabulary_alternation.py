"""A vocabulary's alternation with its entries' first characters shared: the same matches."""

from __future__ import annotations

import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers.vocabulary import DATA_DIR, alternation, load_vocabulary, phrase_regex


def reference_alternation(entries: list[str]) -> str:
    """The alternation as first written: one branch per entry, longest first."""
    ordered = sorted(set(entries), key=lambda entry: (-len(entry), entry))
    return r"(?<![\w])(?:" + "|".join(phrase_regex(entry) for entry in ordered) + r")(?![\w])"


def spans(source: str, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in regex.compile(source, regex.M).finditer(text)]


def test_entries_with_one_first_letter_test_it_once():
    source = alternation(["lock box", "latch", "Lift", "LB", "key safe", "keysafe", "k/s"])
    assert source.count("(?i:l)") == 1
    # (`lb` is no entry: `LB` is written in capitals)
    assert spans(source, "LATCH, lock  box, lb, LB, KEYSAFE; k/s") == [
        (0, 5), (7, 16), (22, 24), (26, 33), (35, 38)]


def test_a_case_sensitive_entry_stays_case_sensitive_under_a_shared_letter():
    entries, text = ["KSC", "key safe code", "ks", "KS box"], "ksc KSC Ksc ks KS box ks box"
    # (`KS box` holds a small letter: it ignores case, as `ks` does)
    assert spans(alternation(entries), text) == [(4, 7), (12, 14), (15, 21), (22, 28)]
    assert spans(alternation(entries), text) == spans(reference_alternation(entries), text)


ENTRY_LETTERS = list("abkKSsAB-' *é\u212a1")
TEXT_LETTERS = [*ENTRY_LETTERS, "\n", ".", "\t", "ſ", "İ", "ı"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet=st.sampled_from(ENTRY_LETTERS), min_size=1, max_size=6)
                .map(lambda entry: " ".join(entry.split())).filter(bool), min_size=1, max_size=12),
       st.lists(st.text(alphabet=st.sampled_from(TEXT_LETTERS), max_size=40), max_size=4))
def test_the_same_matches_as_one_branch_per_entry(entries, texts):
    shared, reference = alternation(entries), reference_alternation(entries)
    for text in [*texts, " ".join(entries), " ".join(entries).upper(), "-".join(entries)]:
        assert spans(shared, text) == spans(reference, text)


def variants(entries: list[str], seed: int) -> str:
    """A text holding every entry as written, in capitals, title case, run together with
    the next, cut short, and hyphens spaced or dropped."""
    chooser = random.Random(seed)
    pieces = []
    for entry in entries:
        pieces += [entry, entry.upper(), entry.title(), entry.replace("-", " "),
                   entry.replace("-", ""), entry[:-1], entry + chooser.choice(entries)]
    chooser.shuffle(pieces)
    return " ".join(piece + chooser.choice([" ", ", ", ".\n", "; ", "-"]) for piece in pieces)


def test_shipped_vocabularies_find_what_they_found():
    """Every shipped vocabulary (the largest two sampled): the same matches on a text of
    their entries' variants."""
    chooser = random.Random(16)
    for path in sorted(DATA_DIR.glob("*.txt")):
        entries = [entry for entry in load_vocabulary(path.name) if not entry.startswith("[")]
        if len(entries) > 2500:
            entries = chooser.sample(entries, 600)
        text = variants(entries, len(entries))
        assert spans(alternation(entries), text) == spans(reference_alternation(entries), text), (
            path.name)
