"""What every extractor shares: its signature, limits, and how it says no."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from phiscan.config import LimitsConfig, OcrConfig
from phiscan.model import Child, FieldSpan, TextUnit

_NATIVE_STDERR = threading.Lock()


@contextmanager
def native_stderr_silenced() -> Iterator[None]:
    """File descriptor 2 sent to /dev/null while a native reader runs: a Rust panic in
    calamine prints its message and a backtrace there directly, and such a message may
    quote the bytes being read. Our own report of the failure is the status row. Other
    threads' writes to stderr in that moment are lost too, so the window is one call."""
    with _NATIVE_STDERR:
        sys.stderr.flush()
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)


class Skip(Exception):
    """The file is fine but will not be read (encrypted, no text layer, ...).

    The message becomes the inventory reason: keep it free of file content.
    """


class ExtractionError(Exception):
    """The file is malformed. The message becomes the reason: no file content."""


class LimitExceeded(ExtractionError):
    """An archive or document went over a configured limit."""


def partial_reason(cause: str, chars_read: int, chars_total: int | None = None,
                   through: str = "") -> str:
    """The reason of a file a limit stopped part way: what stopped it, how much was read
    (a count, never content) and, in a document with places, the last place read whole
    (`row 6160`, `page 3`)."""
    of_total = f" of {chars_total}" if chars_total is not None else ""
    place = f", through {through}" if through else ""
    return f"partial: {cause}: read {chars_read}{of_total} characters{place}, the rest not read"


@dataclass
class Budget:
    """Shared by a top-level file and everything expanded from it (zip bombs)."""

    expanded_bytes_left: int
    members_left: int

    def spend(self, size: int) -> None:
        self.members_left -= 1
        if self.members_left < 0:
            raise LimitExceeded("too many archive members (max_archive_members)")
        self.expanded_bytes_left -= size
        if self.expanded_bytes_left < 0:
            raise LimitExceeded("expanded size over max_expanded_bytes")


# Below this much output any ratio is allowed: a page of blank lines compresses 1000:1.
RATIO_GRACE_BYTES = 1024 * 1024


@dataclass
class ExtractContext:
    name: str  # file or member name, for extension-based choices only
    limits: LimitsConfig
    depth: int = 0
    budget: Budget = field(default_factory=lambda: Budget(0, 0))
    text_chars_used: int = 0  # by extractors' spend_text
    # By the pipeline: characters detection has read, and the document's whole text
    # when an extractor knows it (one text unit), for a `partial:` reason.
    text_chars_read: int = 0
    text_chars_total: int | None = None
    ocr: OcrConfig = field(default_factory=OcrConfig)

    @classmethod
    def for_file(cls, name: str, limits: LimitsConfig, ocr: OcrConfig | None = None
                 ) -> ExtractContext:
        budget = Budget(limits.max_expanded_bytes, limits.max_archive_members)
        return cls(name, limits, 0, budget, ocr=ocr or OcrConfig())

    def child(self, name: str) -> ExtractContext:
        """A member's context: one level deeper, the same budget and settings."""
        return ExtractContext(name, self.limits, self.depth + 1, self.budget, ocr=self.ocr)

    def spend_text(self, text: str) -> str:
        """For extractors that yield many units: the whole document stays under
        max_text_chars, and going over is reported rather than silently dropped."""
        if self.text_chars_used + len(text) > self.limits.max_text_chars:
            raise LimitExceeded(partial_reason("text over max_text_chars", self.text_chars_used))
        self.text_chars_used += len(text)
        return text

    def check_ratio(self, expanded: int, compressed: int) -> None:
        """A stream that expands far beyond its compressed size is a bomb."""
        if expanded > RATIO_GRACE_BYTES and (
                expanded > compressed * self.limits.max_compression_ratio):
            raise LimitExceeded("expands over max_compression_ratio")

    def check_depth(self, kind: str) -> None:
        if self.depth >= self.limits.max_archive_depth:
            raise Skip(f"{kind} nesting deeper than max_archive_depth")


Piece = TextUnit | Child
Extractor = Callable[[bytes, ExtractContext], Iterator[Piece]]


def record_unit(pairs: list[tuple[str, str]], where: str, record: str | None,
                prose: Callable[[int, str], bool] | None = None) -> TextUnit:
    """One structured record as `field: value` lines, each value a named FieldSpan.

    The field name stays next to its value, so context words such as
    `nhs_number` or `date_of_birth` reach the recognizers. `record` None means
    labelled free text (an XML document) rather than one subject's record.
    `prose(index, name)`, from a format that says what its fields hold (HL7, FHIR,
    e-mail headers): whether the index-th pair is free text; every other field is
    coded (`FieldSpan.coded`: spaCy never reads it). Without it no field is coded.
    """
    parts: list[str] = []
    spans = []
    offset = 0
    for index, (name, value) in enumerate(pairs):
        value = " ".join(str(value).split())
        if not value:
            continue
        prefix = f"{name}: "
        start = offset + len(prefix)
        parts.append(f"{prefix}{value}\n")
        coded = prose is not None and not prose(index, name)
        spans.append(FieldSpan(start, start + len(value), name, coded))
        offset += len(prefix) + len(value) + 1
    return TextUnit(text="".join(parts), where=where, record=record, fields=spans)
