"""One location from bytes to classified findings. Runs inside a worker.

The pipeline does not know which source the bytes came from, and detection
does not know which extractor produced the text.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterator
from dataclasses import replace

from phiscan.config import Config
from phiscan.detect.allowlist import ALLOWED_PATH_REASON
from phiscan.detect.classify import classify
from phiscan.detect.detector import Detector, NamePlan, reported_once
from phiscan.detect.labels import masked as masked_label
from phiscan.detect.labels import name_hits, name_words, positions_of
from phiscan.detect.tiered import PERSON, is_message_record, is_table_row
from phiscan.detect.windows import text_windows
from phiscan.extract import (
    EXTRACTORS,
    ExtractContext,
    ExtractionError,
    Piece,
    Skip,
    choose_extractor,
    run_extractor,
    unique_children,
)
from phiscan.extract.base import Budget, Extractor, LimitExceeded, partial_reason
from phiscan.model import (
    MEMBER_SEP,
    Child,
    Finding,
    Label,
    LocationResult,
    SourceItem,
    Status,
    TextUnit,
)
from phiscan.scan.isolation import run_isolated
from phiscan.scan.limits import (
    MEMORY_REASON,
    WHILE_READING,
    FileTimeout,
    IsolatedFailure,
    file_limits,
    memory_refusal,
    read_limit,
    uninterrupted,
)
from phiscan.sources.base import Source, SourceReadError

log = logging.getLogger("phiscan.scan.pipeline")


def failure_reason(stage: str, exc: BaseException) -> str:
    """An unexpected exception as a row's reason: its type only, as its message may
    quote the content that caused it."""
    return f"{stage} failed ({type(exc).__name__})"


def base_result(item: SourceItem) -> LocationResult:
    return LocationResult(
        location=item.location, status=Status.SCANNED, size=item.size,
        modified=item.modified, etag=item.etag, root=item.root, exposure=item.exposure,
    )


# A file read to the end that held no text: scanned, but never taken for "nothing found".
NO_TEXT = "no text found"
# Text a NameReading (or one document) may hold for spaCy before it reads early (a
# batch of letters is far less; a few long documents read their own many blocks in
# one call anyway).
HELD_TEXT_CHARS = 2_000_000
# A table's rows (a message's records) held back, at most this many, so that the lines
# none of them shows before are scanned together (`records_read_ahead`).
RECORDS_AHEAD = 32
Part = NamePlan | list[Finding]


class DocumentParts:
    """A location's text units in order: their findings once complete, the plan while
    spaCy must still read names for it. Only waiting plans hold text, and a document
    holding more than `HELD_TEXT_CHARS` reads its names at once, so the windows of a
    25 MB note pass through the worker instead of piling up."""

    def __init__(self, detector: Detector) -> None:
        self.detector = detector
        self.parts: list[Part] = []
        self.held_chars = 0
        # Each waiting plan's key in the detector's memory of units (`UnitMemo`); none
        # once the document is stopped short, as its findings then lack names.
        self.keys: dict[int, bytes] | None = {}
        # The last place (`row 6160`) whose text was read whole, for a partial reason.
        self.read_to = ""
        # The words of the names found so far (in memory only): a label repeating one is
        # masked in every finding of the document (`labels.name_hits`).
        self.name_words: set[str] = set()
        # Each finding's unit's place and record as the file wrote them (in memory only):
        # two places masked alike (`sheet J*** S****` of John Smith's and of Jane Smyth's
        # sheets) are told apart by them (`without_name_labels`).
        self.raw_labels: dict[int, tuple[str, str | None]] = {}

    def start(self, unit: TextUnit) -> tuple[Part, bytes | None]:
        """A unit's cheap pass, or its findings at once when the same unit was analysed
        before in this worker (`phiscan.detect.unit_memo`); with the unit's key."""
        key = self.detector.units.key(unit)
        known = self.detector.units.findings(key)
        if known is not None:
            self.note_raw_labels(known, unit)
        return (known if known is not None else self.detector.start(unit)), key

    def note_raw_labels(self, findings: list[Finding], unit: TextUnit) -> None:
        raw = (unit.where, unit.record)
        for finding in findings:
            self.raw_labels[id(finding)] = raw

    def add(self, plan: Part, key: bytes | None = None) -> None:
        self.record(plan, key)
        self.bound()

    def record(self, plan: Part, key: bytes | None = None) -> None:
        """The unit's findings, or its plan while its names wait (no name reading here)."""
        if isinstance(plan, list):
            self.found(plan)
            return
        if not plan.unread:
            self.found(self.completed(plan, key))
            return
        if key is not None and self.keys is not None:
            self.keys[id(plan)] = key
        self.parts.append(plan)
        self.held_chars += len(plan.unit.text)

    def bound(self) -> None:
        """Names read at once while the held text is over `HELD_TEXT_CHARS`."""
        if self.held_chars > HELD_TEXT_CHARS:
            self.read_names()

    def found(self, findings: list[Finding]) -> None:
        if self.parts and isinstance(self.parts[-1], list):
            self.parts[-1].extend(findings)
        else:
            self.parts.append(list(findings))

    @property
    def plans(self) -> list[NamePlan]:
        return [part for part in self.parts if isinstance(part, NamePlan)]

    @property
    def unread(self) -> bool:
        return any(plan.unread for plan in self.plans)

    def read_names(self) -> None:
        self.detector.read_names(self.plans)
        self.settle()

    def settle(self) -> None:
        """Plans whose names are read become findings (and let go of their text)."""
        parts, self.parts, self.held_chars = self.parts, [], 0
        for part in parts:
            if isinstance(part, list):
                self.found(part)
            elif part.unread:
                self.parts.append(part)
                self.held_chars += len(part.unit.text)
            else:
                key = self.keys.pop(id(part), None) if self.keys is not None else None
                self.found(self.completed(part, key))

    def completed(self, plan: NamePlan, key: bytes | None) -> list[Finding]:
        """A plan's findings once its names are read, remembered under its unit's key."""
        valued = self.detector.values(plan)
        self.name_words |= name_words(raw for finding, raw in valued
                                      if finding.entity_type == PERSON)
        findings = [finding for finding, _raw in valued]
        self.note_raw_labels(findings, plan.unit)
        if key is not None:
            self.detector.units.keep(key, findings)
        return findings

    def findings(self) -> list[Finding]:
        """Every finding, in the units' order, once all names are read."""
        self.settle()
        return self.findings_so_far()

    def findings_so_far(self) -> list[Finding]:
        return self.without_name_labels(
            [finding for part in self.parts if isinstance(part, list) for finding in part])

    def without_name_labels(self, findings: list[Finding]) -> list[Finding]:
        """The findings with their labels' words that repeat a name of the document, and
        their parts that are a word and an initial (`sheet Danielle R`), masked. Two labels
        masked alike from two labels the file wrote apart (`sheet E******** A` of two
        clients' sheets, `sheet J*** S****` of John Smith's and Jane Smyth's, masked when
        detected) are told apart by a number (`#2`), so their records never merge."""
        done: dict[tuple[str, str], str] = {}
        alike: dict[str, list[str]] = {}  # a label as stored -> the labels written, in order

        def guarded(label: str | None, written: str | None) -> str | None:
            if label is None:
                return None
            written = label if written is None else written
            if (label, written) not in done:
                hits = name_hits(label, self.name_words)
                masked = masked_label(label, hits) if hits else label
                sources = alike.setdefault(masked, [])
                if written not in sources:
                    sources.append(written)
                number = sources.index(written) + 1
                done[label, written] = (Label(f"{masked} #{number}") if number > 1
                                        else masked)
            return done[label, written]

        def written(label: str | None, raw: str | None) -> str | None:
            """The label as the file wrote it, when detection masked it."""
            return raw if label is not None and raw is not None and "*" in label and (
                "*" not in raw) else None

        kept = []
        for finding in findings:
            raw_where, raw_record = self.raw_labels.get(id(finding), (None, None))
            where, record, field = (guarded(finding.where, written(finding.where, raw_where)),
                                    guarded(finding.record, written(finding.record, raw_record)),
                                    guarded(finding.field, None))
            kept.append(finding if where is finding.where and record is finding.record
                        and field is finding.field
                        else finding.but(where=where, record=record, field=field))
        return kept

    def stop(self) -> None:
        """Out of time: blocks spaCy has not read give no names, so the file costs no
        second deadline; every other finding (identifiers, names read) is kept."""
        self.keys = None  # findings without names are never remembered
        for plan in self.plans:
            for key in plan.keys:
                plan.found.setdefault(key, [])
        self.settle()


Waiting = list[tuple[LocationResult, DocumentParts]]


class NameReading:
    """Locations whose text units wait for spaCy's names. `finish` reads the names
    of all of them in one batch (a fraction of the cost of one call per location:
    a worker passes its whole batch of files) and only then classifies each one.

    One location cannot fail the others: if the batch call raises, each location
    reads its own names, and only one that raises again ends as an error.

    The per-file limits still hold: the batch runs under one file's limits; if it
    overruns them, each location reads what it still needs under its own limits,
    and one that overruns them alone ends as a timeout (or out of memory), as it
    would have without batching."""

    def __init__(self, detector: Detector, config: Config) -> None:
        self.detector = detector
        self.config = config
        self.waiting: Waiting = []
        self.held_chars = 0

    def add(self, waiting: Waiting) -> None:
        """A location spaCy has nothing to read for is complete at once; the others
        wait, holding their text, until `finish` or until they hold more than
        `HELD_TEXT_CHARS` (the worker's memory stays bounded by a few files)."""
        for result, parts in waiting:
            if not parts.unread:
                self.complete(result, parts)
                continue
            self.waiting.append((result, parts))
            self.held_chars += parts.held_chars
        if self.held_chars > HELD_TEXT_CHARS:
            self.finish()

    def finish(self) -> None:
        waiting, self.waiting, self.held_chars = self.waiting, [], 0
        try:
            with file_limits(self.config.limits):
                self.detector.read_names([plan for _result, parts in waiting
                                          for plan in parts.plans])
        except (FileTimeout, MemoryError):
            pass  # each location below reads what it still needs, under its own limits
        except Exception as exc:
            log.warning("name batch failed (%s): reading file by file", type(exc).__name__)
        for result, parts in waiting:
            self.complete(result, parts)

    def complete(self, result: LocationResult, parts: DocumentParts) -> None:
        """The location's findings and class. Over its limits while its names are read,
        it is an error that keeps what was found before (identifiers, names read)."""
        try:
            if parts.unread:  # only when the batch overran
                with file_limits(self.config.limits):
                    parts.read_names()
            findings = parts.findings()
        except FileTimeout as exc:
            result.status, result.reason = Status.ERROR, exc.reason
            findings = parts.findings_so_far()
        except MemoryError:
            result.status, result.reason = Status.ERROR, MEMORY_REASON
            findings = parts.findings_so_far()
        except Exception as exc:
            result.status, result.reason = Status.ERROR, failure_reason("detection", exc)
            findings = parts.findings_so_far()
        result.findings.extend(reported_once(findings))
        try:
            result.categories, result.special_category, result.risk = classify(
                result.findings, self.config.risk, result.exposure)
        except Exception as exc:
            result.status, result.reason = Status.ERROR, failure_reason("classification", exc)


def scan_item(item: SourceItem, source: Source, detector: Detector, config: Config,
              names: NameReading | None = None) -> list[LocationResult]:
    """The location's own result first, then one per archive member or attachment.
    With `names`, the results are complete only after `names.finish()`.
    Whatever goes wrong with one location ends in its own row."""
    if names is None:
        names = NameReading(detector, config)
        results = scan_item(item, source, detector, config, names)
        names.finish()
        return results
    try:
        return _scan_item(item, source, detector, config, names)
    except Exception as exc:
        log.warning("scanning one location failed (%s)", type(exc).__name__)
        return [replace(base_result(item), status=Status.ERROR,
                        reason=failure_reason("scan", exc))]


def _scan_item(item: SourceItem, source: Source, detector: Detector, config: Config,
               names: NameReading) -> list[LocationResult]:
    base = base_result(item)
    if item.skip_reason:
        return [replace(base, status=Status.SKIPPED, reason=item.skip_reason)]
    if detector.allowlist.allows_path(item.location):
        return [replace(base, status=Status.SKIPPED, reason=ALLOWED_PATH_REASON)]
    over_memory = memory_refusal(item.size, config.limits)
    if over_memory:
        return [replace(base, status=Status.SKIPPED, reason=over_memory)]
    name = posixpath.basename(item.location.replace("\\", "/"))
    ctx = ExtractContext.for_file(name, config.limits, config.ocr)
    waiting: Waiting = []
    data: bytes | None = None
    try:
        # The read is part of the file: a connection that never answers meets the same
        # deadline, and the bytes read count against the same memory allowance.
        with file_limits(config.limits):
            with read_limit(config.limits):
                data = source.read(item, config.scan.max_file_bytes)
            if len(data) > config.scan.max_file_bytes:
                return [replace(base, status=Status.SKIPPED,
                                reason="too large: over max_file_bytes")]
            results = scan_document(base, name, data, ctx, detector, config, waiting)
    except SourceReadError as exc:
        return [replace(base, status=Status.ERROR, reason=str(exc))]
    except MemoryError:
        reason = MEMORY_REASON if data is not None else f"{MEMORY_REASON} {WHILE_READING}"
        return [replace(base, status=Status.ERROR, reason=reason, findings=[])]
    except FileTimeout as exc:
        if data is None:
            return [replace(base, status=Status.ERROR, reason=f"{exc.reason} {WHILE_READING}")]
        # What was read before the deadline is kept and said: `partial`, not a silent miss.
        base.status, base.reason = Status.ERROR, exc.reason
        for result, parts in waiting:
            if result is base:
                if base.chars:
                    base.reason = partial_reason(exc.reason, base.chars, ctx.text_chars_total,
                                                 parts.read_to)
                parts.stop()
                names.add([(result, parts)])
        return [base]
    names.add(waiting)
    return results


def scan_document(base: LocationResult, name: str, data: bytes, ctx: ExtractContext,
                  detector: Detector, config: Config, waiting: Waiting
                  ) -> list[LocationResult]:
    """Extraction and the cheap pass; `waiting` gets the location and its units,
    whose names are read (and the location classified) by `NameReading`."""
    children: list[LocationResult] = []
    parts = DocumentParts(detector)
    members = 0
    extractor: str | None = "sniff"  # a reader-choice error costs only this file its row
    try:
        extractor, reason = choose_extractor(name, data)
        if extractor is None:
            return [replace(base, status=Status.SKIPPED, reason=reason)]
        base.extractor = extractor
        if reason:  # read, but not as its name said
            base.reason = reason
        waiting.append((base, parts))
        pieces = extract_pieces(extractor, data, ctx, config)
        for piece in records_read_ahead(pieces, detector):
            if isinstance(piece, Child):
                members += 1
                children.extend(scan_child(base, piece, ctx, detector, config, waiting))
            else:
                read_unit(piece, base, ctx, parts, config)
                base.ocr_pages += piece.ocr
        if not base.chars and not members:
            base.reason = NO_TEXT
    except DetectionFailed as exc:
        base.status, base.reason = Status.ERROR, str(exc)
    except Skip as exc:
        base.status, base.reason = Status.SKIPPED, str(exc)
    except ExtractionError as exc:
        base.status, base.reason = Status.ERROR, str(exc)
    except FileTimeout:
        raise
    except MemoryError:
        base.status, base.reason = Status.ERROR, MEMORY_REASON
    except IsolatedFailure as exc:
        base.status, base.reason = Status.ERROR, f"{extractor}: {exc}"
    except Exception as exc:  # a library choking on a malformed file
        log.debug("extractor %s failed", extractor, exc_info=False)
        base.status, base.reason = Status.ERROR, f"{extractor}: malformed ({type(exc).__name__})"
    return [base, *children]


def records_read_ahead(pieces: Iterator[Piece], detector: Detector) -> Iterator[Piece]:
    """The pieces in their order, a table's rows and a message's records (those the cheap
    pass reads line by line) held back in runs of up to `RECORDS_AHEAD`, so that the lines
    none of them holds before are scanned at once (`RecordLines.read_ahead`) before each is
    read as always: one scan where each row's new lines had one. An extractor's failure
    comes after the rows it gave before it, as it would unheld."""
    lines = detector.layered.record_lines
    if lines is None:
        yield from pieces
        return
    held: list[TextUnit] = []
    iterator = iter(pieces)
    while True:
        try:
            piece = next(iterator)
        except StopIteration:
            break
        except Exception as failure:
            lines.read_ahead([unit.text for unit in held])
            yield from held
            raise failure
        if isinstance(piece, TextUnit) and (is_table_row(piece) or is_message_record(piece)):
            held.append(piece)
            if len(held) < RECORDS_AHEAD:
                continue
        if held:
            lines.read_ahead([unit.text for unit in held])
            yield from held
            if held[-1] is piece:
                held = []
                continue
            held = []
        yield piece
    lines.read_ahead([unit.text for unit in held])
    yield from held


class DetectionFailed(Exception):
    """The detector raised on a unit: the location is an error, not `malformed`."""


def read_unit(unit: TextUnit, base: LocationResult, ctx: ExtractContext, parts: DocumentParts,
              config: Config) -> None:
    """The cheap pass over a unit, window by window to its end (`phiscan.detect.windows`);
    `base.chars` counts what was read, `parts.read_to` the last unit read whole. Past
    max_text_chars reading stops, and says so. A deadline never falls between a window's
    findings and its count: what a partial reason says was read is what was found."""
    for window in text_windows(unit, config.limits):
        if base.chars + window.owned_chars > config.limits.max_text_chars:
            raise LimitExceeded(partial_reason("text over max_text_chars", base.chars,
                                               ctx.text_chars_total, parts.read_to))
        try:
            plan, key = parts.start(window)
            with uninterrupted():  # its identifiers are found: it was read
                base.chars += window.owned_chars
                parts.record(plan, key)
                if window.window is None or window.window.keep_end == len(window.text):
                    parts.read_to = positions_of(unit.where)
            parts.bound()
        except MemoryError:
            raise
        except Exception as exc:
            raise DetectionFailed(failure_reason("detection", exc)) from None


def extract_pieces(extractor: str, data: bytes, ctx: ExtractContext, config: Config
                   ) -> Iterator[Piece]:
    """Pieces in-process, or from a helper process for extractors a signal cannot stop."""
    isolated = config.limits.isolate_extractors
    if extractor not in isolated and "*" not in isolated:
        yield from run_extractor(extractor, data, ctx)
        return
    pieces, budget, failure = run_isolated(
        _extract_all, (extractor, EXTRACTORS[extractor], data, ctx),
        config.limits.per_file_memory_mb)
    ctx.budget = budget  # members the child expanded count against the file
    yield from pieces
    if failure is not None:
        raise failure


def _extract_all(extractor: str, function: Extractor, data: bytes, ctx: ExtractContext
                 ) -> tuple[list[Piece], Budget, Exception | None]:
    """Everything an extractor yields before it stops, and why it stopped.

    The function travels with its name: the helper may have been forked before
    an extractor was registered. Library exceptions become our own (their messages
    may quote content and their classes may not survive the trip back)."""
    pieces: list[Piece] = []
    try:
        for piece in unique_children(function(data, ctx)):
            pieces.append(piece)
    except (Skip, ExtractionError) as exc:
        return pieces, ctx.budget, exc
    except MemoryError:
        raise
    except Exception as exc:
        return pieces, ctx.budget, ExtractionError(
            f"{extractor}: malformed ({type(exc).__name__})")
    return pieces, ctx.budget, None


def scan_child(parent: LocationResult, child: Child, ctx: ExtractContext,
               detector: Detector, config: Config, waiting: Waiting) -> list[LocationResult]:
    result = LocationResult(
        location=f"{parent.location}{MEMBER_SEP}{child.name}", status=Status.SCANNED,
        size=len(child.data), modified=parent.modified, root=parent.root,
        parent=parent.location, exposure=parent.exposure,
    )
    if child.error:
        result.status, result.reason = Status.ERROR, child.error
        return [result]
    if child.skip_reason:
        result.status, result.reason = Status.SKIPPED, child.skip_reason
        return [result]
    return scan_document(result, posixpath.basename(child.name), child.data, ctx.child(child.name),
                         detector, config, waiting)
