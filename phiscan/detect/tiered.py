"""Tiered detection: spaCy only where it can change the answer.

A layer around the analyzer (the recognizers and registry are untouched):

1. Cheap pass, over all text: every recognizer except spaCy NER. phiscan's
   recognizers (`recognizers/`) read their context from the raw text, so they
   need no NLP artifacts; Presidio's e-mail, card and IBAN recognizers score
   1.0 on validation, so context cannot change them either. This pass finds
   the candidates: identifiers, dates of birth, postcodes, NI numbers, phone
   numbers, e-mails, home-access phrases, health vocabulary, and names in name
   fields of structured records.
2. NER, only near candidates: spaCy (the `ner` component alone: in the small
   English pipeline it has its own tok2vec) reads the analysis blocks that touch
   a candidate window; a block with no candidate never reaches spaCy.

The product rule for names from NER (the same in tiered and full mode):
a PERSON found by spaCy is reported only when it lies within
`PERSON_WINDOW_CHARS` characters of another reported finding (any type but
PERSON) in the same text unit. A name alone on a page is not what phiscan
hunts; a name next to an NHS number, a date of birth, a diagnosis or a key-safe
code is. A name from NER must also hold two capitalised words in a row on one
line (`Jane Smith`, `Mrs Smith`, `SMITH Jane`): a forename alone identifies
nobody, and a block without such a pair never reaches spaCy.

In structured records (units with fields), names come from field semantics where
they can (`client_name: Jane Smith`, via the name-field recognizer). NER reads a
record only when some cell is unexplained: two words with letters or more (a
name under an unknown column, a free-text note) that no cheap finding covers; a
name from NER counts only inside such a cell. A row of identifiers, dates, codes
and known name fields never reaches spaCy.

Analysis blocks are fixed by the text alone (paragraphs merged up to
`BLOCK_CHARS`; long ones cut at line breaks, then spaces), never by where the
candidates are. Full mode (`[detection] tiered = false`) runs NER over every
block; tiered mode over the blocks that touch a window. NER sees the same
input for every block both modes read, so both report exactly the same
findings (a test proves it on a generated corpus); tiered mode just skips the
blocks whose names the rule would drop anyway.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from phiscan.config import Config
from phiscan.model import TextUnit

PERSON = "PERSON"
PERSON_WINDOW_CHARS = 200
BLOCK_CHARS = 600
NER_CELL_MIN_WORDS = 2
NER_COMPONENTS = frozenset({"ner"})
# Two capitalised words in a row on one line: `Jane Smith`, `Mrs Smith`, `SMITH Jane`.
CAPITALISED_PAIR = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’.\-]*,?[^\S\n]+\p{Lu}")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _cut_points(text: str, start: int, end: int, limit: int) -> Iterator[int]:
    """End offsets splitting text[start:end] into pieces of at most `limit`,
    preferring a line break, then a space, in the second half of each piece."""
    while end - start > limit:
        cut = -1
        for separator in ("\n", " "):
            cut = text.rfind(separator, start + limit // 2, start + limit)
            if cut != -1:
                break
        cut = cut + 1 if cut != -1 else start + limit
        yield cut
        start = cut
    yield end


def paragraphs(text: str) -> Iterator[Span]:
    """Blank-line separated paragraphs (separators included, offsets exact)."""
    start = 0
    while start < len(text):
        gap = text.find("\n\n", start)
        end = len(text) if gap == -1 else gap + 2
        while end < len(text) and text[end] == "\n":
            end += 1
        yield Span(start, end)
        start = end


def text_blocks(text: str, limit: int = BLOCK_CHARS) -> list[Span]:
    """Consecutive paragraphs merged up to `limit` characters; longer ones cut."""
    pieces: list[Span] = []
    for paragraph in paragraphs(text):
        start = paragraph.start
        for cut in _cut_points(text, paragraph.start, paragraph.end, limit):
            pieces.append(Span(start, cut))
            start = cut
    blocks: list[Span] = []
    for piece in pieces:
        if blocks and piece.end - blocks[-1].start <= limit:
            blocks[-1] = Span(blocks[-1].start, piece.end)
        else:
            blocks.append(piece)
    return blocks


def letter_words(value: str) -> int:
    return sum(1 for word in value.split() if any(char.isalpha() for char in word))


def unexplained_cells(unit: TextUnit, cheap: list[RecognizerResult]) -> list[Span]:
    """Record cells NER may read: two words with letters or more (a name, a note),
    and not wholly taken by a cheap finding (a name field, a condition, a code)."""
    cells = []
    for field in unit.fields:
        if letter_words(unit.text[field.start:field.end]) < NER_CELL_MIN_WORDS:
            continue
        if not any(r.start <= field.start and field.end <= r.end for r in cheap):
            cells.append(Span(field.start, field.end))
    return cells


def ner_scope(unit: TextUnit, cheap: list[RecognizerResult]) -> tuple[list[Span], list[Span]]:
    """(blocks NER reads, spans its names must lie in). A record is read whole (NER
    needs its neighbouring fields: `Kenneth Davies` alone reads as an organisation)
    and only when it has an unexplained cell; names count only inside such cells."""
    if not unit.fields:
        blocks = text_blocks(unit.text)
        return blocks, blocks
    cells = unexplained_cells(unit, cheap)
    return ([Span(0, len(unit.text))] if cells else []), cells


VOCABULARY_MARGIN_CHARS = 700  # beyond the 600-character sibling reach of recognizer context


def required_literal(entry: str) -> str:
    """A piece of text every match of a vocabulary entry contains: its longest word."""
    words = [word for word in entry.replace("-", " ").replace("*", " ").split() if word]
    return max(words, key=len) if words else entry


class VocabularyGate:
    """Runs a vocabulary recognizer only on the lines around its literals.

    Its matches never cross a line and its context reaches at most 600
    characters from the line, so reading whole lines with a wider margin gives
    exactly what reading the whole text gives, without scanning a long document
    with a two-hundred-way alternation."""

    def __init__(self, terms: list[str]) -> None:
        entries = [" ".join(term.split()) for term in terms]
        self.exact = sorted({required_literal(e) for e in entries if is_capitals(e)})
        self.folded = sorted({required_literal(e).lower() for e in entries
                              if not is_capitals(e)})

    def segments(self, text: str) -> list[Span] | None:
        """Line-aligned spans to read, or None to read the whole text."""
        lowered = text.lower()
        if len(lowered) != len(text):
            return None  # case mapping changed offsets (rare scripts): no shortcut
        hits = [*_find_all(text, self.exact), *_find_all(lowered, self.folded)]
        spans = sorted(_line_span(text, start, end) for start, end in hits)
        merged: list[Span] = []
        for span in spans:
            if merged and span.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
            else:
                merged.append(span)
        return merged


def is_capitals(entry: str) -> bool:
    letters = [char for char in entry if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _find_all(text: str, literals: list[str]) -> Iterator[tuple[int, int]]:
    for literal in literals:
        position = text.find(literal)
        while position != -1:
            yield position, position + len(literal)
            position = text.find(literal, position + 1)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, max(position, 0)) + 1


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", min(position, len(text)))
    return len(text) if end == -1 else end


def _line_span(text: str, start: int, end: int) -> Span:
    first = _line_start(text, _line_start(text, start) - VOCABULARY_MARGIN_CHARS)
    last = _line_end(text, _line_end(text, end) + VOCABULARY_MARGIN_CHARS)
    return Span(first, last)


def candidate_windows(findings: list[RecognizerResult]) -> list[Span]:
    return [Span(finding.start - PERSON_WINDOW_CHARS, finding.end + PERSON_WINDOW_CHARS)
            for finding in findings if finding.entity_type != PERSON]


class TieredAnalyzer:
    """`analyze(unit)`: the findings for one TextUnit, tiered or full."""

    def __init__(self, analyzer: AnalyzerEngine, entities: list[str], config: Config) -> None:
        self.entities = entities
        self.threshold = config.detection.threshold
        self.tiered = config.detection.tiered
        self.language = config.detection.language
        recognizers = analyzer.registry.get_recognizers(self.language, entities)
        self.cheap = [r for r in recognizers if not isinstance(r, SpacyRecognizer)]
        self.gates = {id(r): VocabularyGate(r.terms) for r in self.cheap
                      if isinstance(getattr(r, "terms", None), list)}
        self.ner_recognizer = next(
            (r for r in recognizers if isinstance(r, SpacyRecognizer)), None)
        self.nlp_engine = analyzer.nlp_engine
        self.nlp = analyzer.nlp_engine.nlp[self.language]
        self.unused_components = [name for name in self.nlp.pipe_names
                                  if name not in NER_COMPONENTS]
        self.blocks_read = 0  # NER blocks analysed, for tests and the benchmark

    def analyze(self, unit: TextUnit) -> list[RecognizerResult]:
        cheap = self.cheap_pass(unit.text)
        people = self.ner_people(unit, cheap)
        return EntityRecognizer.remove_duplicates(cheap + people)

    def cheap_pass(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for recognizer in self.cheap:
            for result in self.run_cheap(recognizer, text):
                if result.score >= self.threshold:
                    _name_recognizer(result, recognizer)
                    results.append(result)
        return results

    def run_cheap(self, recognizer: EntityRecognizer, text: str) -> list[RecognizerResult]:
        gate = self.gates.get(id(recognizer))
        segments = gate.segments(text) if gate is not None else None
        if segments is None:
            return recognizer.analyze(text, self.entities, None) or []
        results = []
        for segment in segments:
            for result in recognizer.analyze(text[segment.start:segment.end], self.entities,
                                             None) or []:
                result.start += segment.start
                result.end += segment.start
                results.append(result)
        return results

    def ner_people(self, unit: TextUnit, cheap: list[RecognizerResult]
                   ) -> list[RecognizerResult]:
        windows = candidate_windows(cheap)
        if self.ner_recognizer is None or PERSON not in self.entities or not windows:
            return []
        blocks, allowed = ner_scope(unit, cheap)
        if self.tiered:
            blocks = [block for block in blocks if any(block.overlaps(w) for w in windows)
                      and CAPITALISED_PAIR.search(unit.text, block.start, block.end)]
        people = []
        for block in blocks:
            for person in self.ner_in_block(unit.text, block):
                if (any(window.contains(person.start, person.end) for window in windows)
                        and any(span.contains(person.start, person.end) for span in allowed)
                        and CAPITALISED_PAIR.search(unit.text, person.start, person.end)):
                    people.append(person)
        return people

    def ner_in_block(self, text: str, block: Span) -> list[RecognizerResult]:
        self.blocks_read += 1
        doc = self.nlp(text[block.start:block.end], disable=self.unused_components)
        artifacts = self.nlp_engine._doc_to_nlp_artifact(doc, self.language)
        found = []
        for result in self.ner_recognizer.analyze(doc.text, [PERSON], artifacts):
            if result.entity_type == PERSON and result.score >= self.threshold:
                _name_recognizer(result, self.ner_recognizer)
                result.start += block.start
                result.end += block.start
                found.append(result)
        return found


def _name_recognizer(result: RecognizerResult, recognizer: EntityRecognizer) -> None:
    metadata = result.recognition_metadata or {}
    metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
    metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
    result.recognition_metadata = metadata
