"""Triggers: a recognizer scanning only where its patterns can match finds exactly
what scanning the whole text finds, on corpora and on adversarial text."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recognizers import build_recognizers
from recognizers.base import ContextScoredRecognizer
from recognizers.context import Terms, fold_accents, normalise_words, read_labels
from recognizers.home_access_recognizer import _clause_after, _words_before
from recognizers.triggers import (
    Literal,
    Trigger,
    anchored_scan,
    case_folded,
    vocabulary_trigger,
)
from recognizers.vocabulary import alternation
from tests.test_tiered import corpus_units

GATED = [r for r in build_recognizers() if isinstance(r, ContextScoredRecognizer)
         and r.triggers]


def keys(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


def whole_text(recognizer: ContextScoredRecognizer, text: str) -> list[tuple]:
    recognizer.gated = False
    try:
        return keys(recognizer.analyze(text, recognizer.supported_entities))
    finally:
        recognizer.gated = True


def gated(recognizer: ContextScoredRecognizer, text: str) -> list[tuple]:
    return keys(recognizer.analyze(text, recognizer.supported_entities))


def test_every_slow_pattern_has_a_trigger():
    names = {r.name: set(r.triggers) for r in GATED}
    # session 20: two new (a thread's turns, a holder bringing a key), both gated
    assert len(names["PhiscanHomeAccessRecognizer"]) == 60
    assert "uk postcode" in names["PhiscanUkPostcodeRecognizer"]
    assert names["PhiscanLifeStateRecognizer"] == {
        "death date", "death flag", "death words", "move words", "survivor words",
        "code out of use words", "end reason death", "end reason move"}
    # The health recognizers have no patterns: one automaton pass (health_vocabulary).
    assert {"PhiscanEthnicityRecognizer", "PhiscanReligionRecognizer",
            "PhiscanSexualOrientationRecognizer", "PhiscanNameFieldRecognizer",
            "PhiscanDateOfBirthRecognizer", "PhiscanClinicalCodeRecognizer"} <= set(names)


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    labelled = ("ethnicity: White British\nreligion: Church of England\n"
                "sexual orientation: Bisexual\nICD-10 code: E11.9\nSNOMED CT: 22298006\n")
    # The corpora state no life state: a record's fields and words that do (`LIFE_STATE`).
    life = ("Date_of_death: 03/04/2027\nD.O.D = 20270403\nis_deceased: Y\nRIP 4/4\n"
            "Client passed away at home. The late Mr Pell's flat.\nPt died 2am; removal after "
            "death at 9.\nMoved into Elm Lodge care home, now permanently at Elm Lodge.\n"
            "Mrs Rose Pell still lives at the address; son living there too.\n")
    return [unit.text for unit in corpus_units()] + [labelled, "Routine admin. " * 300 + labelled,
                                                     life, "Routine admin. " * 300 + life]


@pytest.mark.parametrize("recognizer", GATED, ids=lambda r: r.name)
def test_gated_equals_whole_text_on_the_corpora(recognizer, corpus_texts):
    found = 0
    for text in corpus_texts:
        expected = whole_text(recognizer, text)
        assert gated(recognizer, text) == expected
        found += len(expected)
    assert found > 0  # the corpora exercise this recognizer


# Pieces that start, end or break matches: vocabulary, codes, dates, labels, separators.
PIECES = [
    "key safe", "keysafe", "key-safe", "Key safe code", "key stage", "monkey", "spare key",
    "under the mat", "neighbour has a key", "keyholder", "key\nholder", "door code",
    "gate code", "alarm", "lock box", "KS", "ks", "front door", "left unlocked", "let yourself in",
    "1234", "12 34", "#4821", "0113 496 0000", "943 476 5919", "LS1 4AB", "ls1 4ab", "E11.9",
    "ICD-10", "SNOMED", "22298006", "01/02/1950", "1950-02-01", "March 5, 1950", "5 March 1950",
    "may", "Mar", "summary", "diabetes", "type 2 diabetes", "type\n2 diabetes", "COPD", "copd",
    "Parkinson's disease", "co-codamol", "cocodamol", "metformin", "White British", "Christian",
    "Patient:", "Name:", "client_name:", "Jane Smith", "Mrs Jones", "PID|1||", "^", "SMITH^JANE",
    "ß", "İ", "ſ", "K", " ", "  ", "\n", "\n\n", ", ", ". ", ";", ":", "-", "\t", "\u00a0",
    "DOB", "D.O.B.", "d_o_b", "born", "dateOfBirth", "Date of birth", "birth", "B", "O", "\r",
    "PID|1||943^^^NHS||SMITH^JANE||19500201|", "19500201", "seq=0001234", "JK 12 34 56 C",
    "Dx:", "concept id", "SCTID", "icd10",
    "padlock", "Key-safe no. ", "7 4 1 9", "code", "Code 3321", "the code for the", "pin",
    "side gate", "on the snib", "not ", "n't", "is never locked", "ring twice then", "knock",
    "use the key", "enter via the", "under the third", "plant pot", "gnome", "hidden",
    "to get in", "lock box", "fob", "neighbour", "holds a", "office", "ward", "number is",
    "keysave", "kesafe", "KSC", "house key", "is on the", "hook", "for the car", "to disarm",
    "neighbours", "3rd", "the way",
    "spare", "the spare", "spare set", "set", "spares", "box", "lock", "k/safe", "ksafe",
    "the box on the wall", "opens with", "new one is", "Now", "changed!! ", "Mrs Ward",
    "has got", "left at no. ", "pharmacy", "open", " for carers", "so carers", "lost",
    "AB123456C", "ab 12 34 56 d", "QQ123456", "123456", "C", "BEGUM, Reginald ", "(20/12/1957)",
    "JONES, Sandra, ", "Eric CARTWRIGHT (", "diag code", "diagnosis-code", "sctid", "bDay",
    "keyring", "key ring", "key finder", "pull it towards you", "hard push", "locks changed",
    "new set", "team office", "medication cabinet", "k3y safe", "kee", "c0de", "(same code)",
    "tied to the", "hanging off", "Doreen at 14 ", "keeps it", "from the Spar", "off",
    "kcy", "sa fe", "open, come round", "gan in", "fender locker", "p0t", "3",
    "From: ", "to:", "CC:", "Reply-To:", "sender: ", "photo: ", " <l.bishop@care.example>",
    "client_name: ", "postcode: ", "PID-5 patient_name: ", "Albert JACKSON",
    "has agreed to let us use his", "let us  use", "'s got", "'ve got a", "looks after",
    "left with", "lodged with", "hatch", "can be slid from outside", "lift it and come in",
    "come through", "never bolted", "number for the box", "two five eight zero",
    "for seven one for", " | Code: ", "Who else has keys? - ", "I've got a key for ", "Stan's",
    "(7 Dean Rd) ", "in the gnome by the front step", "Ke y Saf e", "mum's",
    "Date of death", "date_of_death", "DateOfDeath", "DOD", "D.O.D.", "d.od", "deathDate",
    "deceased", "Deceased_flag", "isDeceased", "died", "DIED", "=", "|", "Y", "yes", "true",
    "03/04/2027", "20270403", "4 April 2027", "passed away", "the late", "Mr", "Mrs Pell",
    "RIP", "rip", "trip", "after death", "verification of death", "patient ", "has ",
    "moved into", "moved to", "care home", "nursing home", "now ", "permanently at",
    "permanent placement", "resident at", "still lives at", "living there", "still resides in",
    "Rose Pell ", "husband ", "the deceased's", "ſtill", "ſ", "DEAD", "livings",
]


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_gated_equals_whole_text_on_adversarial_text(pieces):
    text = "".join(pieces)
    for recognizer in GATED:
        assert gated(recognizer, text) == whole_text(recognizer, text), recognizer.name


def test_vocabulary_hits_are_exactly_the_entries_occurrences():
    trigger = vocabulary_trigger(["key safe", "COPD", "x-ray", "front door * left unlocked"])
    text = "Monkey safe. key  safe; copd COPD xray x ray front door was left unlocked"
    hits = [text[start:end] for start, end in trigger.hits(text)]
    assert hits == ["key", "COPD", "x", "x", "front"]


def test_word_bounds_and_confirmation():
    trigger = Trigger(literals=[
        Literal("dr"), Literal("co", word_end=False),
        Literal("key", word_start=False, word_end=False, confirm=r"(?i:key)\b(?! stage)")])
    text = "Dr Who, drive, address; Key stage, monkey, keys, key, co-op, taco, cocoa."
    assert [text[s:e] for s, e in trigger.hits(text)] == ["Dr", "key", "key", "co", "co"]


def test_text_whose_case_folding_moves_offsets_is_folded_in_place():
    text = "Straße: key safe 1234 by the door"
    assert case_folded(text) == "straße: key safe 1234 by the door"  # one character for one
    assert case_folded("İyi günler") == "iyi günler"
    home_access = next(r for r in GATED if r.name == "PhiscanHomeAccessRecognizer")
    assert gated(home_access, text) == whole_text(home_access, text)
    assert len(gated(home_access, text)) == 1


def test_a_phrase_never_spans_a_line_break():
    home_access = next(r for r in GATED if r.name == "PhiscanHomeAccessRecognizer")
    assert gated(home_access, "neighbour is the key\nholder") == []
    assert len(gated(home_access, "neighbour is the key holder")) == 1


def reference_words_before(text: str, position: int, count: int) -> str:
    line_start = max(text.rfind("\n", 0, position), 0)
    return normalise_words(" ".join(text[line_start:position].split()[-count:]))


def reference_clause_after(text: str, position: int, words: int) -> str:
    end_match = re.search(r"[.;\n!?]", text[position:])
    end = position + end_match.start() if end_match else len(text)
    return normalise_words(" ".join(text[position:end].split()[:words]))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["key", "x" * 170, " ", "  ", "\n", ".", "safe", "door"]),
                max_size=30), st.integers(min_value=0, max_value=3000),
       st.integers(min_value=1, max_value=4))
def test_home_access_reads_words_near_a_match_in_a_window(pieces, position, count):
    """Long lines are read in a window, with exactly the words of reading the line."""
    text = "".join(pieces)
    position = min(position, len(text))
    assert _words_before(text, position, count) == reference_words_before(text, position, count)
    assert _clause_after(text, position, count) == reference_clause_after(text, position, count)


def test_anchored_scan_meets_matches_as_a_whole_text_scan_does():
    entries = ["key safe", "safe code", "code", "safe"]
    pattern = regex.compile(alternation(entries))
    trigger = vocabulary_trigger(entries, anchored=True)
    for text in ("key safe code 1234", "safe code, key safe; code safe code", "codes safes"):
        expected = [m.span() for m in pattern.finditer(text)]
        found = [m.span() for m in anchored_scan(pattern, text, trigger.starts(text), 5)]
        assert found == expected
    assert [m.span() for m in pattern.finditer("key safe code")] == [(0, 8), (9, 13)]


def normalise_words_with_regex(text: str) -> str:
    """The reference: `normalise_words` as first written, on the `regex` engine (other
    languages' labels read as English as there: `read_labels`; accents dropped first, as
    there since session 13: `Rhif ffôn` is `rhif ffon`)."""
    text = regex.sub(r"(?<=[a-z])(?=[A-Z])", " ", fold_accents(text)).lower()
    text = regex.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text)
    words = read_labels([word for word in regex.split(r"[^0-9a-z&]+", text) if word])
    return " " + " ".join(words) + " "


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZz09_-: &.é٣ßİ\n\tKk")), max_size=40)
       | st.text(max_size=40))
def test_context_words_are_the_same_on_the_standard_engine(text):
    assert normalise_words(text) == normalise_words_with_regex(text)
    assert normalise_words("NHS:9434765919 nhsNumber NHS-Number") == (
        " nhs 9434765919 nhs number nhs number ")
    assert normalise_words("Rhif GIG / NHS number: 123") == " nhs number nhs number 123 "


def test_several_signs_hit_wherever_any_of_them_matches():
    trigger = Trigger(sign=(r"\(\d", r"(?i:dob)"), reach=None)
    text = "Seen (2 visits).\nDoB: 01/02/1950\nNo date here\n(DOB"
    assert [text[start:end] for start, end in sorted(trigger.hits(text))] == [
        "(2", "DoB", "DOB"]
    assert [text[start:end] for start, end in trigger.regions(text)] == [
        "Seen (2 visits).", "DoB: 01/02/1950", "(DOB"]


def test_a_context_phrase_held_by_another_adds_no_sign():
    terms = Terms(["date of birth", "birth", "birth date", "dob", "sct", "sctid", "diag code",
                   "diagnosis code"])
    # Other languages' labels read as a phrase (`form_labels.txt`) are signs of it too.
    assert sorted(terms.raw_signs()) == sorted([
        "(?i:birth)", "(?i:dob)", "(?i:sct)", "(?i:diag[^0-9a-z&]*code)",
        "(?i:diagnosis[^0-9a-z&]*code)", "(?i:dyddiad[^0-9a-z&]*geni)",
        "(?i:ceann[^0-9a-z&]*latha[^0-9a-z&]*breith)"])


def _home_access() -> ContextScoredRecognizer:
    return next(r for r in GATED if r.name == "PhiscanHomeAccessRecognizer")


def test_patterns_tried_at_a_key_start_begin_with_a_door_key():
    """A pattern given the key's starts (`_KeyStarts`) is tried nowhere else, so every one
    of its matches must start where a door key does: its regex begins with the key."""
    from recognizers.home_access_recognizer import _KEY, _UNQUALIFIED, _KeyStarts

    home_access = _home_access()
    key = home_access.key_source
    at_key = [p for p in home_access.patterns
              if isinstance(home_access.triggers.get(p.name), _KeyStarts)]
    assert len(at_key) == 10
    for pattern in at_key:
        assert pattern.regex.startswith((key, _KEY, _UNQUALIFIED + _KEY)), pattern.name


def test_a_pattern_that_starts_with_a_key_is_tried_only_where_a_key_starts():
    """`hidden key` and nine others start with a door key: they are tried at its starts on
    the key lines (overlapping: `spare key` starts at `spare` and at `key`; `front door key`
    at `front`, `door` and `key`), never at `car key` (no door key) or on other lines."""
    trigger = _home_access().triggers["hidden key"]
    text = "Spare key: front door key under the mat.\nCar key in the car key box, hall tidy"
    assert trigger.anchored
    assert trigger.starts(text) == [0, 6, 11, 17, 22]


@pytest.mark.parametrize("text, found", [
    ("Spare key under the mat by the back door", 1),
    ("front door spare key is under the mat by the step", 1),
    ("the car key is under the mat, the house key is under the plant pot", 1),
    ("Klucz pod wycieraczką; spare set under the blue pot", 2),
    ("keys - Iolo Evans, farm neighbour\nthe key is kept by Mrs Green at no 4", 2),
])
def test_key_first_patterns_find_what_a_whole_text_scan_finds(text, found):
    home_access = _home_access()
    assert gated(home_access, text) == whole_text(home_access, text)
    assert len(gated(home_access, text)) == found
