"""Labels are content too: a finding's position, record and field name pass detection.

A position (`sheet Jane Example 9434765919 row 2`), a record name and a field
name (a JSON key path, an XML tag, a column name) are written by whoever made
the file, so they can hold an identifier. Before a finding leaves the worker
its labels go through `LabelGuard`:

- each label is scanned in its own words: positional parts (`row 12`, `page 3`,
  `[4]`) are left out, so one scan serves every row of a sheet and is
  remembered by keyed hash (offsets only, never the text);
- the scan keeps every candidate a recognizer returns, whatever its score (a
  bare NHS number in a sheet name has no context and scores below the
  threshold, but it is still an NHS number to mask), the names spaCy finds in
  it (a sheet named after its patient: reported only next to another candidate,
  as in text), and capitalised words beside an identifier (masked as a name
  either way); an identifier glued to letters (`n9434765919`, an XML tag)
  is read as well;
- every candidate, and every value found in the unit's own text that the label
  repeats, is masked with the mask its value gets (`943 *** ****`, `J*** E******`);
- a candidate at or over the threshold is a finding of its own (field `[label]
  ...`, offsets within the label), and so is one with no context either way
  (`NO_CONTEXT_SCORE`) over a record that holds reportable findings: an
  identifier naming a person's record is that person's identifier.

Guarded labels are `Label`s; the inventory masks any label that is not one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex
from presidio_analyzer import RecognizerResult

from phiscan.data import field_words
from phiscan.detect.engine import is_test_data, recognizer_name
from phiscan.detect.entities import ADDRESS_ENTITIES, IDENTIFYING_ENTITIES, mask_value
from phiscan.detect.memory import remember
from phiscan.detect.tiered import (
    CAPITALISED_PAIR,
    NO_CONTEXT_SCORE,
    PERSON,
    PERSON_WINDOW_CHARS,
    TieredAnalyzer,
)
from phiscan.model import Label

# Counters a reader adds to its positions: `row 12`, `table 2`, `page 3`, `[4]`.
POSITION_WORDS = ("row", "page", "table", "section", "paragraph", "column", "message", "entry",
                  "line", "slide", "part", "item", "sheet")
POSITION = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{'|'.join(POSITION_WORDS)})[ ]\d{{1,7}}(?![\p{{L}}\d])|\[\d{{1,7}}\]")
# An identifier-length run of digits glued to letters: read again with a space between.
GLUED_DIGITS = regex.compile(r"(?<=\p{L})(?=\d{6})|(?<=\d{6})(?=\p{L})")
LABEL_FIELD_PREFIX = "[label] "
WORD = regex.compile(r"\p{L}+")
# Two or more capitalised words: masked as a name when an identifier sits beside them.
CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’.\-]*(?:[^\S\n]+\p{Lu}[\p{L}\p{M}'’.\-]*)+")
NAME_NEIGHBOURS = (IDENTIFYING_ENTITIES | ADDRESS_ENTITIES) - {PERSON}
MIN_REPEATED_VALUE_CHARS = 4
HOME_ACCESS = "HOME_ACCESS"
MEMORY_LABELS = 4096


@dataclass(frozen=True)
class Hit:
    """A candidate inside a label (offsets within it)."""

    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str
    test_data: bool


def free_parts(label: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the label's own words, between its positional counters."""
    start = 0
    for position in POSITION.finditer(label):
        if position.start() > start:
            yield start, position.start()
        start = position.end()
    if start < len(label):
        yield start, len(label)


def spaced(text: str) -> tuple[str, list[int]] | None:
    """The text with a space between letters and a glued identifier, and for each of
    its characters the offset it came from; None when nothing is glued."""
    cuts = [match.start() for match in GLUED_DIGITS.finditer(text)]
    if not cuts:
        return None
    pieces, origin, previous = [], [], 0
    for cut in [*cuts, len(text)]:
        pieces.append(text[previous:cut])
        origin.extend(range(previous, cut))
        if cut < len(text):
            pieces.append(" ")
            origin.append(cut)
        previous = cut
    return "".join(pieces), origin


def names_a_way_in_only(label: str, hit: Hit) -> bool:
    """A home-access hit in a label with no code in it (a column named `Key holders /
    contacts` or `Responders / key holders`): the label names what its values may hold, and
    each value says whether it is a way in (read with the value, `HomeAccessRecognizer`).
    Reported from the label, it gave every row of the column a way in of no kind."""
    return hit.entity_type == HOME_ACCESS and not any(
        character.isdigit() for character in label[hit.start:hit.end])


def without_overlaps(hits: Iterable[Hit]) -> list[Hit]:
    """Longest first where candidates overlap, in text order."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= other.start or other.end <= hit.start for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def masked(label: str, hits: Iterable[Hit]) -> Label:
    pieces, previous = [], 0
    for hit in without_overlaps(hits):
        pieces.append(label[previous:hit.start])
        pieces.append(mask_value(hit.entity_type, label[hit.start:hit.end]))
        previous = hit.end
    pieces.append(label[previous:])
    return Label("".join(pieces))


FoldedValue = tuple[str, str, int]  # entity type, value casefolded, the value's length


def folded_values(values: Iterable[tuple[str, str]]) -> list[FoldedValue]:
    """(entity type, raw value) pairs as `repeated_values` looks for them: folded once per
    unit, not once per label."""
    return [(entity_type, value.casefold(), len(value)) for entity_type, value in values
            if len(value) >= MIN_REPEATED_VALUE_CHARS]


def repeated_values(label: str, values: Iterable[FoldedValue]) -> Iterator[Hit]:
    """Where the label repeats a value found in the text (a sheet named after its patient)."""
    folded = label.casefold()
    for entity_type, value, length in values:
        start = folded.find(value)
        while start != -1:
            yield Hit(entity_type, start, start + length, 0.0, "", False)
            start = folded.find(value, start + 1)


def names_beside_identifiers(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """Capitalised words next to an identifier in a label, to mask as a name whether or
    not spaCy calls them one (`Jane Example 9434765919`); never reported (score 0)."""
    anchors = [hit for hit in hits if hit.entity_type in NAME_NEIGHBOURS]
    if not anchors:
        return
    for run in CAPITALISED_RUN.finditer(text):
        if any(run.end() <= hit.start or hit.end <= run.start() for hit in anchors) and any(
                abs(run.start() - hit.start) <= PERSON_WINDOW_CHARS for hit in anchors):
            yield Hit(PERSON, run.start(), run.end(), 0.0, "", False)


# A label that is a word and an initial, the way a workbook names a sheet after a person
# (`Danielle R`, a night sitter's timesheet; `Entwistle A`, a client's MAR chart), unless the
# word names a part of something (`Table A`, `Ward B`, `Plan B`).
_NAME_WORD = r"(?:\p{Lu}\p{Ll}+|\p{Lu}(?=[-'’]))(?:[-'’]\p{Lu}?\p{Ll}+)?"
NAME_AND_INITIAL = regex.compile(
    rf"^\s*(?:sheet[ _]+)?(?:(?P<word>{_NAME_WORD})[ _]+\p{{Lu}}\.?"
    rf"|\p{{Lu}}\.?[ _]+(?P<after>{_NAME_WORD}))\s*$")
STRUCTURE_WORDS = frozenset([
    "table", "plan", "block", "ward", "zone", "appendix", "annex", "section", "part",
    "schedule", "form", "team", "group", "site", "unit", "floor", "phase", "option", "level",
    "type", "class", "grade", "room", "area", "bay", "bed", "wing", "house", "flat", "week",
    "day", "shift", "list", "sheet", "tab", "page", "set", "batch", "round", "run", "route",
    "van", "car", "stage", "step", "tier", "band", "category", "cohort", "region", "district",
    "patch", "sector", "hub", "base", "pod", "cluster", "sample", "test", "version", "draft",
    "copy", "summary", "data", "report", "chart", "figure", "exhibit", "case", "model",
    "scenario", "panel", "corridor", "court", "lodge", "building", "street", "road", "lane",
    "close", "locality", "practice", "surgery", "clinic"])


def name_and_initial(text: str) -> Iterator[Hit]:
    """A label that is a word and an initial (`NAME_AND_INITIAL`), masked as a name whether
    or not spaCy reads one; never reported (score 0)."""
    found = NAME_AND_INITIAL.match(text)
    if found is None:
        return
    group = "word" if found.group("word") else "after"
    if found.group(group).casefold() in STRUCTURE_WORDS or found.group(group).casefold() in (
            field_words()):
        return
    yield Hit(PERSON, found.start(group), found.end(group), 0.0, "", False)


def column_words_only(label: str, hit: Hit) -> bool:
    """A name in a label made of column words only (`Patient name (SURNAME, Forename)`
    read as `SURNAME, Forename`): the column's shape, nobody's name."""
    words = WORD.findall(label[hit.start:hit.end].lower())
    return hit.entity_type == PERSON and bool(words) and all(
        word in field_words() for word in words)


class LabelGuard:
    """Scans and masks labels; one per Detector (per worker process)."""

    def __init__(self, layered: TieredAnalyzer, threshold: float) -> None:
        self.layered = layered
        self.threshold = threshold
        self.secret = os.urandom(16)
        self.memory: dict[bytes, Any] = {}  # offsets and indexes, no text
        self.labels: dict[bytes, list[Hit]] = {}  # whole labels' candidates: offsets, no text

    def guard(self, label: str, values: Iterable[FoldedValue] = ()) -> tuple[Label, list[Hit]]:
        """The label masked, and its candidates. `values`: the findings of the text the
        label names (`folded_values`)."""
        return self.guard_hits(label, self.hits(label), values)

    def guard_hits(self, label: str, hits: list[Hit], values: Iterable[FoldedValue] = ()
                   ) -> tuple[Label, list[Hit]]:
        """`guard`, the label's candidates (`hits`) known already."""
        repeated = list(repeated_values(label, values))
        if not hits and not repeated:
            return Label(label), hits
        return masked(label, [*hits, *repeated]), hits

    def hits(self, label: str) -> list[Hit]:
        """The label's candidates, remembered for the whole label (a column name, a sheet
        and row counter) as for each of its parts."""
        key = self.key_of(label, b"label")
        hits = self.labels.get(key)
        if hits is None:
            hits = remember(self.labels, key, self.label_hits(label), MEMORY_LABELS)
        return hits

    def label_hits(self, label: str) -> list[Hit]:
        hits = []
        for start, end in free_parts(label):
            for hit in self.part_hits(label[start:end]):
                hits.append(Hit(hit.entity_type, hit.start + start, hit.end + start, hit.score,
                                hit.recognizer, hit.test_data))
        return hits

    def names_hits(self, labels: list[str]) -> list[list[Hit]]:
        """Each of a unit's field names' candidates (`hits`), remembered for the whole list
        (every row of a table has the same names): one digest a row, not one a field."""
        key = self.key_of(json.dumps(labels), b"names")  # lossless: names never run together
        known = self.memory.get(key)
        if known is None:
            known = [self.hits(label) for label in labels]
            self.remember(key, known)
        return known

    def part_hits(self, part: str) -> list[Hit]:
        if not part.strip():
            return []
        key = self.key_of(part, b"part")
        if key not in self.memory:
            self.remember(key, self.scan(part))
        return self.memory[key]

    def key_of(self, text: str, kind: bytes) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16,
                               key=self.secret, person=kind).digest()

    def remember(self, key: bytes, value: Any) -> None:
        remember(self.memory, key, value, MEMORY_LABELS)

    def scan(self, part: str) -> list[Hit]:
        hits = self.scan_text(part)
        glued = spaced(part)
        if glued is not None:
            text, origin = glued
            for hit in self.scan_text(text):
                start, end = origin[hit.start], origin[hit.end - 1] + 1
                hits.append(Hit(hit.entity_type, start, end, hit.score, hit.recognizer,
                                hit.test_data))
        return list(dict.fromkeys(hits))

    def scan_text(self, text: str) -> list[Hit]:
        candidates = self.layered.candidates(text)
        hits = [Hit(result.entity_type, result.start, result.end, float(result.score),
                    recognizer_name(result), is_test_data(result)) for result in candidates]
        hits += self.people(text, candidates)
        hits += names_beside_identifiers(text, hits)
        return [hit for hit in hits if not column_words_only(text, hit)
                and not names_a_way_in_only(text, hit)]

    def people(self, text: str, candidates: list[RecognizerResult]) -> list[Hit]:
        """Names spaCy finds in the label (a sheet named after its patient). Masked
        always; reported only within reach of another candidate, as in text."""
        if (self.layered.ner_recognizer is None or PERSON not in self.layered.entities
                or not CAPITALISED_PAIR.search(text)):
            return []
        others = [c for c in candidates if c.entity_type != PERSON]
        hits = []
        for person in next(iter(self.layered.ner_people_in([text])), []):
            if not CAPITALISED_PAIR.search(text, person.start, person.end):
                continue
            near = any(abs(person.start - other.start) <= PERSON_WINDOW_CHARS
                       for other in others)
            hits.append(Hit(PERSON, person.start, person.end,
                            float(person.score) if near else 0.0,
                            recognizer_name(person), is_test_data(person)))
        return hits

    def reportable(self, hit: Hit, record_has_findings: bool) -> bool:
        return hit.score >= self.threshold or (
            record_has_findings and hit.score >= NO_CONTEXT_SCORE)


# A name's words a label may repeat alone (`sheet Entwistle A`, a MAR chart's sheet per
# client): words of three letters or more, never a positional counter's word.
MIN_NAME_WORD_CHARS = 3


def name_words(raw_names: Iterable[str]) -> set[str]:
    """The casefolded words of names found in a document (in memory only, never stored)."""
    return {word.casefold() for name in raw_names for word in WORD.findall(name)
            if len(word) >= MIN_NAME_WORD_CHARS and word.casefold() not in POSITION_WORDS}


def name_hits(label: str, words: set[str]) -> list[Hit]:
    """A label's words that repeat a word of a name found anywhere in its document (a sheet
    named after its client labels every row of it, most of which never name her), and its
    parts that are a word and an initial (`NAME_AND_INITIAL`): masked as names (`masked`),
    never reported."""
    hits = [Hit(PERSON, match.start(), match.end(), 0.0, "", False)
            for match in WORD.finditer(label) if match.group().casefold() in words] if words else []
    for start, end in free_parts(label):
        hits += [Hit(PERSON, hit.start + start, hit.end + start, 0.0, "", False)
                 for hit in name_and_initial(label[start:end])]
    return hits


def positions_of(where: str) -> str:
    """The positional counters of a place (`row 40` of `sheet Entwistle A row 40`): what a
    partial reason says of where reading stopped, a count and never a label's words."""
    return " ".join(match.group() for match in POSITION.finditer(where))
