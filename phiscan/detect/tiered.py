"""Tiered detection: spaCy only where it can change the answer.

A layer around the analyzer (the recognizers and registry are untouched):

1. Cheap pass, over all text: every recognizer except spaCy NER. phiscan's
   recognizers (`recognizers/`) read their context from the raw text, so they
   need no NLP artifacts, and scan their slow patterns only where a trigger
   says they can match (`recognizers/triggers.py`); Presidio's e-mail, card and
   IBAN recognizers score 1.0 on validation, so context cannot change them. This
   pass finds the candidates: identifiers, dates of birth, postcodes, NI and
   phone numbers, e-mails, home-access phrases, health vocabulary, and names in
   name fields or after a title.
2. NER, only near candidates: spaCy (the `ner` component alone: in the small
   English pipeline it has its own tok2vec) reads, in one batch per text unit,
   the sentences that could hold a name the rule below keeps; no other text
   reaches spaCy.

The product rule for names from NER (the same in tiered and full mode):
a PERSON found by spaCy is reported only when it lies within
`PERSON_WINDOW_CHARS` characters of another reported finding (any type but
PERSON) in the same text unit. A name alone on a page is not what phiscan
hunts; a name next to an NHS number, a date of birth, a diagnosis or a key-safe
code is. A name from NER must also hold two capitalised words in a row on one
line (`Jane Smith`, `Mrs Smith`, `SMITH Jane`): a forename alone identifies
nobody. A name from NER that overlaps a name the cheap pass found (a name
field, `Mrs Jones`) adds nothing and is dropped; capitalised words in the value
of an address field (`Address: 12 Victoria Road, Leeds`) never make a name.

In structured records (units with fields), names come from field semantics where
they can (`client_name: Jane Smith`, via the name-field recognizer). NER reads a
record only when some cell is unexplained: two words with letters or more (a
name under an unknown column, a free-text note) holding a capitalised pair, that
no cheap finding covers; a name from NER counts only inside such a cell. A row of
identifiers, dates, codes and known name fields never reaches spaCy. Formats that
say what their fields hold (HL7 v2, FHIR, e-mail headers) mark every field but
their free text as coded (`FieldSpan.coded`): their names come from the name
fields (PID-5, NK1-2, PV1-7, HumanName, From/To), and NER reads only their
free-text cells (an OBX-5 note, NTE, a narrative `text.div`, an annotation), each
on its own, cropped like a free-text block.

Analysis blocks are fixed by the text alone (sentences: lines, cut after a
sentence's end; long ones cut at spaces), never by where the candidates are.
Of a free-text block NER reads the stretch from a few words before its first
capitalised pair to a few words after its last (`around_pairs`): spaCy's entity
decisions depend on the words nearby, and on the evaluation and benchmark
corpora (1,754 texts) this gives exactly the names of reading whole sentences.
Full mode (`[detection] tiered = false`) runs NER over every block; tiered mode
only over blocks holding a capitalised pair inside a window that no cheap
PERSON finding covers: in any other block the rule would drop every name NER
found. NER sees the same input for every block both modes read, and batching
does not change spaCy's output, so both modes report exactly the same findings
(a test proves it on a generated corpus).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

import regex
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.language import Language

from phiscan.config import Config
from phiscan.detect.capitals import marked_name
from phiscan.detect.engine import NER_COMPONENTS, LazyPipelines
from phiscan.detect.ner_decoder import GreedyNer
from phiscan.detect.record_lines import RecordLines
from phiscan.model import TextUnit, is_unnamed_field
from recognizers.addresses import ADDRESS_FIELDS, in_spans, is_address_after_name, places
from recognizers.base import RawMatch, analyze_given
from recognizers.context import field_value_of, labels_identifier
from recognizers.ocr_reading import read_ocr
from recognizers.person_ner_recognizer import in_capitals

PERSON = "PERSON"
# Types that open no window for names: an organisation's labelled number (`Order no 4471`
# on a job sheet) says nothing about whether a name near it is someone's data.
NO_NAME_WINDOW = frozenset({PERSON, "LOCAL_ID", "LIFE_STATE"})
PERSON_WINDOW_CHARS = 200
BLOCK_CHARS = 400
# After a line break, or after a sentence's end and its spaces when a capital follows
# (not after a title or an initial: `Dr. Smith`, `J. Smith`).
SENTENCE_BOUNDARY = regex.compile(
    r"\n+|(?<=[.!?][\"'’”)\]]*)(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Revd|St|Sr|Jr|No|\p{Lu})\.)"
    r"[^\S\n]+(?=[\"'‘“(\[]?\p{Lu})")
NER_CELL_MIN_WORDS = 2
# A candidate whose context says neither yes nor no (the NHS recognizer's 0.3); one whose
# label says it is something else (`invoice ref`, 0.1) is below it.
NO_CONTEXT_SCORE = 0.3
# spaCy's batches sized by characters, not by blocks (blocks run from a 20-character
# note to a 400-character sentence); measured fastest here by bench/ner_batch.py.
NER_BATCH_CHARS = 16000
NER_CONTEXT_CHARS = 60
NER_MEMORY_BLOCKS = 4096
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


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Lines, cut after a sentence's end (`.`, `!`, `?`, then a space and a capital);
    separators stay with the sentence before them, so the spans cover the text.
    `start`/`end` (block boundaries: see `blocks_near`) limit them to a range."""
    end = len(text) if end is None else end
    for boundary in SENTENCE_BOUNDARY.finditer(text, start, end):
        if boundary.end() > start:
            yield Span(start, boundary.end())
            start = boundary.end()
    if start < end:
        yield Span(start, end)


def text_blocks(text: str, limit: int = BLOCK_CHARS, start: int = 0, end: int | None = None
                ) -> list[Span]:
    """The sentences of text; a longer one is cut at a space."""
    blocks: list[Span] = []
    for sentence in sentences(text, start, end):
        start = sentence.start
        for cut in _cut_points(text, sentence.start, sentence.end, limit):
            blocks.append(Span(start, cut))
            start = cut
    return blocks


def letter_words(value: str) -> int:
    return sum(1 for word in value.split() if any(map(str.isalpha, word)))


def unexplained_cells(unit: TextUnit, cheap: list[RecognizerResult]) -> list[Span]:
    """Record cells NER may read: not coded (`FieldSpan.coded`: the format says what
    they hold), two words with letters or more (a name, a note) holding a name pair
    (the cheap sign that a name may be there: no name NER finds elsewhere is kept),
    and not wholly taken by a cheap finding (a name field, a condition, a code)."""
    cells = []
    for field in unit.fields:
        if field.coded or letter_words(unit.text[field.start:field.end]) < NER_CELL_MIN_WORDS:
            continue
        if any(r.start <= field.start and field.end <= r.end for r in cheap):
            continue
        if name_pairs(unit.text, field.start, field.end):
            cells.append(Span(field.start, field.end))
    return cells


def is_table_row(unit: TextUnit) -> bool:
    """A record of a table (a CSV or spreadsheet row, a Word table's): fields named by
    its columns, none coded (formats that say what each field holds are not tables)."""
    return unit.record is not None and bool(unit.fields) and not names_from_fields(unit)


def is_message_record(unit: TextUnit) -> bool:
    """A record of a format that says what its fields hold (an HL7 message, a FHIR
    resource): `field: value` lines as a table row's, so read by lines as well."""
    return unit.record is not None and names_from_fields(unit)


def names_from_fields(unit: TextUnit) -> bool:
    """Whether the unit's format names its people in fields (HL7, FHIR, e-mail headers):
    then NER reads only its free-text fields, each on its own."""
    return any(field.coded for field in unit.fields)


def ner_scope(unit: TextUnit, cheap: list[RecognizerResult], windows: Windows | None
              ) -> tuple[list[Span], list[Span]]:
    """(blocks NER reads, spans its names must lie in). Free text: its blocks, or with
    `windows` only those that overlap one. A record of a format that names its people
    in fields: the blocks of its free-text cells that may hold a name, each read alone
    (a note is its own context). Another record (a CSV row) is read whole (NER needs
    its neighbouring fields: `Kenneth Davies` alone reads as an organisation) and only
    when it has an unexplained cell; names count only inside such cells."""
    if not unit.fields:
        whole = [Span(0, len(unit.text))]
        if windows is None:
            return text_blocks(unit.text), whole
        return blocks_near(unit.text, windows), whole
    cells = unexplained_cells(unit, cheap)
    if names_from_fields(unit):
        return [block for cell in cells
                for block in text_blocks(unit.text, start=cell.start, end=cell.end)], cells
    return ([Span(0, len(unit.text))] if cells else []), cells


def blocks_near(text: str, windows: Windows) -> list[Span]:
    """The blocks of `text_blocks(text)` that overlap a window, found without
    splitting the whole text: a line start after a run of line breaks is always a
    block boundary, so each window's lines are split on their own."""
    ranges: list[Span] = []
    for window in windows.spans:
        start, end = line_block_start(text, window.start), line_block_end(text, window.end)
        if ranges and start <= ranges[-1].end:
            ranges[-1] = Span(ranges[-1].start, max(ranges[-1].end, end))
        else:
            ranges.append(Span(start, end))
    return [block for found in ranges for block in text_blocks(text, start=found.start,
                                                                end=found.end)
            if windows.overlap(block.start, block.end)]


def line_block_start(text: str, position: int) -> int:
    """The start of the line holding position, as a block boundary (a position on a
    run of line breaks belongs to the line before it)."""
    start = text.rfind("\n", 0, max(position, 0)) + 1
    while 0 < start < len(text) and text[start] == "\n":
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def line_block_end(text: str, position: int) -> int:
    """Just past the run of line breaks that ends the line holding position."""
    end = text.find("\n", min(max(position, 0), len(text)))
    if end == -1:
        return len(text)
    while end < len(text) and text[end] == "\n":
        end += 1
    return end


class Windows:
    """Where a name from NER may be reported: within `PERSON_WINDOW_CHARS` of a
    finding of another type (overlapping windows merged, kept in order)."""

    def __init__(self, findings: list[RecognizerResult]) -> None:
        spans = sorted(Span(f.start - PERSON_WINDOW_CHARS, f.end + PERSON_WINDOW_CHARS)
                       for f in findings if f.entity_type not in NO_NAME_WINDOW)
        self.spans: list[Span] = []
        for span in spans:
            if self.spans and span.start <= self.spans[-1].end:
                self.spans[-1] = Span(self.spans[-1].start, max(self.spans[-1].end, span.end))
            else:
                self.spans.append(span)
        self.starts = [span.start for span in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def contain(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.spans[index].end

    def overlap(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        if index >= 0 and self.spans[index].end > start:
            return True
        return index + 1 < len(self.spans) and self.spans[index + 1].start < end


@dataclass
class NamePlan:
    """One unit's cheap findings and what NER must read for it: `blocks` (with
    `keys`, their keyed hashes) and where a name may be kept (`windows`, `allowed`
    cells, not over a cheap name: `named`). `found`: spaCy's PERSON results for the
    blocks read so far, by key, offsets within the block."""

    unit: TextUnit
    cheap: list[RecognizerResult]
    windows: Windows
    blocks: list[Span] = dataclasses.field(default_factory=list)
    allowed: list[Span] = dataclasses.field(default_factory=list)
    named: list[Span] = dataclasses.field(default_factory=list)
    keys: list[bytes] = dataclasses.field(default_factory=list)
    found: dict[bytes, list[RecognizerResult]] = dataclasses.field(default_factory=dict)
    # Written addresses in the unit (`recognizers.addresses`), once asked for.
    addresses: list[tuple[int, int]] | None = None
    pairs: NamePairs | None = None  # its name pairs, once per block

    @property
    def unread(self) -> bool:
        return any(key not in self.found for key in self.keys)


class TieredAnalyzer:
    """`analyze(unit)`: the findings for one TextUnit, tiered or full."""

    def __init__(self, analyzer: AnalyzerEngine, entities: list[str], config: Config) -> None:
        self.entities = entities
        self.threshold = config.detection.threshold
        self.tiered = config.detection.tiered
        self.language = config.detection.language
        self.vocabulary_dirs = config.detection.vocabulary_dirs
        recognizers = analyzer.registry.get_recognizers(self.language, entities)
        self.cheap = [r for r in recognizers if not isinstance(r, SpacyRecognizer)]
        self.ner_recognizer = next(
            (r for r in recognizers if isinstance(r, SpacyRecognizer)), None)
        self.nlp_engine = analyzer.nlp_engine
        self.batch_chars = NER_BATCH_CHARS
        self.blocks_read = 0  # blocks spaCy read, for tests and the benchmark
        self.spacy_calls = 0
        self.ner_memory = NerMemory()
        # A table row's raw matches remembered per line; None reads every row whole.
        self.record_lines: RecordLines | None = RecordLines(self.cheap)
        self.load_guard: Callable[[], AbstractContextManager] = nullcontext

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded by the first block NER reads (`LazyPipelines`), under
        `load_guard` (a scan's worker: outside the file's limits, as the load is the
        engine's cost, not the file's)."""
        pipelines = self.nlp_engine.nlp
        if isinstance(pipelines, LazyPipelines) and not pipelines.loaded:
            with self.load_guard():
                return pipelines[self.language]
        return pipelines[self.language]

    @functools.cached_property
    def unused_components(self) -> list[str]:
        return [name for name in self.nlp.pipe_names if name not in NER_COMPONENTS]

    @functools.cached_property
    def decoder(self) -> GreedyNer | None:
        return GreedyNer.of(self.nlp, self.unused_components)

    def analyze(self, unit: TextUnit) -> list[RecognizerResult]:
        plan = self.plan(unit)
        self.read([plan])
        return self.results(plan)

    def cheap_pass(self, text: str) -> list[RecognizerResult]:
        return [result for result in self.candidates(text) if result.score >= self.threshold]

    def candidates(self, text: str, lines: RecordLines | None = None
                   ) -> list[RecognizerResult]:
        """What the cheap recognizers return, whatever the score (labels mask them all).
        `lines`: a record's raw matches remembered per line (`record_lines`), and its
        lines' scored results (`RecordLines.scored`: a table row's cells, a message's
        `field: value` lines; a line its own line does not decide, an HL7 segment or a
        FHIR field with dotted siblings, is scored in its record every time)."""
        results: list[RecognizerResult] = []
        given, row = lines.read_row(text) if lines is not None else ({}, None)
        # A record's lines scored once each (`RecordLines.scored`), unless OCR damage has
        # the record read whole through its reading.
        by_lines = row is not None and read_ocr(text) is None
        for recognizer in self.cheap:
            if by_lines and lines.scores_lines(recognizer):
                found = lines.scored(recognizer, text, row) if given[id(recognizer)] else []
            elif row is not None and id(recognizer) in lines.line_finders:
                found = lines.found_by_lines(recognizer, text, row, self.entities)
            else:
                raw = given.get(id(recognizer))
                if raw and row is not None and getattr(recognizer, "refuses_by_line", False):
                    raw = lines.unrefused(recognizer, text, row)
                found = self.run_cheap(recognizer, text, raw)
            for result in found:
                if result.score > 0:
                    _name_recognizer(result, recognizer)
                    results.append(result)
        return results

    def run_cheap(self, recognizer: EntityRecognizer, text: str,
                  raw: list[RawMatch] | None = None) -> list[RecognizerResult]:
        """A cheap recognizer's results; `raw`: its raw matches in text, known already."""
        if raw is not None:
            return analyze_given(recognizer, text, raw, self.entities)
        return recognizer.analyze(text, self.entities, None) or []

    def plan(self, unit: TextUnit) -> NamePlan:
        """The cheap pass over a unit, and the blocks NER must read for it."""
        lines = (self.record_lines if is_table_row(unit) or is_message_record(unit)
                 else None)
        candidates = self.candidates(unit.text, lines)
        cheap = [result for result in candidates if result.score >= self.threshold]
        addresses = (self.address_spans(unit.text)
                     if any(result.entity_type == PERSON for result in cheap) else None)
        cheap = names_outside(addresses, cheap)
        cheap = [result for result in cheap if result.entity_type != PERSON
                 or not labels_identifier(unit.text, result.start, result.end)]
        cheap += record_evidence(unit, candidates, cheap, self.threshold)
        windows = Windows(cheap)
        if self.ner_recognizer is None or PERSON not in self.entities or not windows:
            return NamePlan(unit, cheap, windows, addresses=addresses)
        blocks, allowed = ner_scope(unit, cheap, windows if self.tiered else None)
        named = [Span(r.start, r.end) for r in cheap if r.entity_type == PERSON]
        pairs = NamePairs(unit.text)
        if self.tiered:
            blocks = [block for block in blocks
                      if has_unnamed_pair(pairs.within(block.start, block.end), windows, named)]
        if not unit.fields or names_from_fields(unit):
            blocks = [crop for block in blocks
                      if (crop := around_pairs(unit.text, block,
                                               pairs.within(block.start, block.end)))]
        keys = [self.ner_memory.key(unit.text[block.start:block.end]) for block in blocks]
        found = {key: self.ner_memory.get(key) for key in keys if key in self.ner_memory}
        return NamePlan(unit, cheap, windows, blocks, allowed, named, keys, found, addresses,
                        pairs)

    def address_spans(self, text: str) -> list[tuple[int, int]]:
        return places(tuple(self.vocabulary_dirs)).address_spans(text)

    def read(self, plans: list[NamePlan]) -> None:
        """spaCy NER over the blocks the plans still need, in one batch (the same
        entities as block by block, at a fraction of the per-call cost); blocks with
        the same text are read once. A block read before (a letterhead, a template
        line) was answered from memory when its plan was made."""
        unread: dict[bytes, str] = {}
        for plan in plans:
            for block, key in zip(plan.blocks, plan.keys, strict=True):
                if key not in plan.found and key not in unread:
                    unread[key] = plan.unit.text[block.start:block.end]
        people_by_key = dict(zip(unread, self.ner_people_in(list(unread.values())),
                                 strict=True))
        for key, people in people_by_key.items():
            self.ner_memory.put(key, people)
        for plan in plans:
            for key in plan.keys:
                if key not in plan.found:
                    plan.found[key] = people_by_key[key]

    def results(self, plan: NamePlan) -> list[RecognizerResult]:
        """The unit's findings, once its blocks are read: cheap ones, and the names
        from NER the rule keeps."""
        return EntityRecognizer.remove_duplicates(plan.cheap + self.kept_people(plan))

    def kept_people(self, plan: NamePlan) -> list[RecognizerResult]:
        text, people = plan.unit.text, []
        for block, key in zip(plan.blocks, plan.keys, strict=True):
            for found in plan.found[key]:
                start, end = found.start + block.start, found.end + block.start
                span = Span(start, end)
                if (plan.windows.contain(start, end)
                        and any(cell.contains(start, end) for cell in plan.allowed)
                        and not any(name.overlaps(span) for name in plan.named)
                        and plan.pairs is not None and plan.pairs.inside(start, end)
                        and (not in_capitals(text[block.start:block.end])
                             or marked_name(text, start, end, self.vocabulary_dirs))):
                    if plan.addresses is None:  # worked out once per unit
                        plan.addresses = self.address_spans(text)
                    if in_spans(plan.addresses, start, end) or labels_identifier(
                            text, start, end) or home_after_a_name(text, plan.cheap, start, end):
                        continue
                    people.append(RecognizerResult(
                        found.entity_type, start, end, found.score,
                        found.analysis_explanation, found.recognition_metadata))
        return people

    def ner_people_in(self, pieces: list[str]) -> Iterator[list[RecognizerResult]]:
        """For each piece, spaCy's PERSON results (offsets within the piece)."""
        self.blocks_read += len(pieces)
        if not pieces:
            return
        self.spacy_calls += 1
        truecased = getattr(self.ner_recognizer, "truecased", None)
        if truecased is not None:  # blocks in capitals: see CheckedSpacyRecognizer
            pieces = [truecased(piece) for piece in pieces]
        if self.decoder is not None:  # the same entities (`phiscan.detect.ner_decoder`)
            docs = self.decoder.pipe(pieces, batch_size(pieces, self.batch_chars))
        elif len(pieces) == 1:  # `nlp.pipe` costs about a millisecond more per call
            docs = [self.nlp(pieces[0], disable=self.unused_components)]
        else:
            docs = self.nlp.pipe(pieces, disable=self.unused_components,
                                 batch_size=batch_size(pieces, self.batch_chars))
        for doc in docs:
            artifacts = self.nlp_engine._doc_to_nlp_artifact(doc, self.language)
            people = []
            for result in self.ner_recognizer.analyze(doc.text, [PERSON], artifacts):
                if result.entity_type == PERSON and result.score >= self.threshold:
                    _name_recognizer(result, self.ner_recognizer)
                    people.append(result)
            yield people


def batch_size(pieces: list[str], batch_chars: int) -> int:
    """Blocks per spaCy batch for about `batch_chars` characters per batch."""
    total = sum(len(piece) for piece in pieces)
    return max(1, batch_chars * len(pieces) // max(total, 1))


class NerMemory:
    """spaCy's PERSON results for recently read blocks, by a keyed hash of the
    block's text (the text itself is not kept): letterheads, signatures and
    template lines repeat across thousands of files of a share."""

    def __init__(self, size: int = NER_MEMORY_BLOCKS) -> None:
        self.secret = os.urandom(16)
        self.size = size
        self.results: OrderedDict[bytes, list[RecognizerResult]] = OrderedDict()

    def key(self, piece: str) -> bytes:
        data = piece.encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16, key=self.secret).digest()

    def __contains__(self, key: bytes) -> bool:
        return key in self.results

    def get(self, key: bytes) -> list[RecognizerResult]:
        self.results.move_to_end(key)
        return self.results[key]

    def put(self, key: bytes, people: list[RecognizerResult]) -> None:
        self.results[key] = people
        if len(self.results) > self.size:
            self.results.popitem(last=False)


def record_evidence(unit: TextUnit, candidates: list[RecognizerResult],
                    cheap: list[RecognizerResult], threshold: float) -> list[RecognizerResult]:
    """Candidates with no context either way (`NO_CONTEXT_SCORE`) in a column with no
    name, in a record that holds other findings: a headerless table gives its cells no
    context but their record (a ten-digit number beside a patient's name, postcode and
    condition), so the record is the context. Reported at the threshold."""
    if unit.record is None or not cheap:
        return []
    unnamed = [span for span in unit.fields if is_unnamed_field(span.name)]
    promoted = []
    for result in candidates:
        if (NO_CONTEXT_SCORE <= result.score < threshold
                and any(span.start <= result.start and result.end <= span.end
                        for span in unnamed)):
            result.score = threshold
            promoted.append(result)
    return promoted


def names_outside(addresses: list[tuple[int, int]] | None,
                  results: list[RecognizerResult]) -> list[RecognizerResult]:
    """The results without names read inside a written address (`121 Mill Fold, NV4 1EZ`:
    `recognizers.addresses`)."""
    if not addresses:
        return results
    return [result for result in results if result.entity_type != PERSON
            or not in_spans(addresses, result.start, result.end)]


def home_after_a_name(text: str, cheap: list[RecognizerResult], start: int, end: int) -> bool:
    """A name from NER that is the home written after a name the cheap pass found, between
    it and its identifier (`Mrs Gwenllian Pritchard, Bryn Awel, Llanbedr (DOB ...)`)."""
    return any(result.entity_type == PERSON and result.end <= start
               and is_address_after_name(text, result.end, start, end) for result in cheap)


def name_pairs(text: str, start: int, end: int) -> list[Span]:
    """The capitalised pairs in text[start:end] that could be part of a name: all of
    them, overlapping ones included (a name may start at any capital), except those
    in the value of an address field (`Address: 12 Victoria Road, Leeds`): street and
    town names, which spaCy often reads as people."""
    return [Span(*pair.span()) for pair in CAPITALISED_PAIR.finditer(text, start, end,
                                                                     overlapped=True)
            if not in_address(text, *pair.span())]


def in_address(text: str, start: int, end: int) -> bool:
    field = field_value_of(text, start, end)
    return field is not None and ADDRESS_FIELDS.found_in(field)


def around_pairs(text: str, block: Span, pairs: list[Span]) -> Span | None:
    """What NER reads of a free-text block, given its name `pairs`: from
    `NER_CONTEXT_CHARS` before its first name pair to as far after its last, at word
    boundaries (spaCy's entity decisions look a few words either side); None when the
    block has none, as no name NER could find there would be kept."""
    if not pairs:
        return None
    start = max(block.start, pairs[0].start - NER_CONTEXT_CHARS)
    if start > block.start:
        start = text.rfind(" ", block.start, start) + 1 or block.start
    end = min(block.end, max(pair.end for pair in pairs) + NER_CONTEXT_CHARS)
    if end < block.end:
        space = text.find(" ", end, block.end)
        end = block.end if space == -1 else space
    return Span(start, end)


def has_unnamed_pair(pairs: list[Span], windows: Windows, named: list[Span]) -> bool:
    """Whether a name NER finds in a block (its name `pairs`) could be kept: one holds a
    name pair inside a window that no cheap PERSON finding covers."""
    return any(windows.contain(pair.start, pair.end)
               and not any(name.overlaps(pair) for name in named)
               for pair in pairs)


class NamePairs:
    """`name_pairs` of one unit's text, each stretch's worked out once: a plan asks for a
    block's pairs to decide whether NER reads it, then to crop it, and the name rule
    asks for those inside each name spaCy finds there. The pairs of a part of a stretch
    are the stretch's that lie in the part (a pair's match depends on nothing after it,
    and its look-behind sees before the stretch), so they are filtered, not found again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[int, int], list[Span]] = {}

    def within(self, start: int, end: int) -> list[Span]:
        pairs = self.found.get((start, end))
        if pairs is None:
            pairs = self.found[start, end] = name_pairs(self.text, start, end)
        return pairs

    def inside(self, start: int, end: int) -> list[Span]:
        for (low, high), pairs in self.found.items():
            if low <= start and end <= high:
                return [pair for pair in pairs if start <= pair.start and pair.end <= end]
        return self.within(start, end)


def _name_recognizer(result: RecognizerResult, recognizer: EntityRecognizer) -> None:
    metadata = result.recognition_metadata or {}
    metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
    metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
    result.recognition_metadata = metadata
