"""The plain data that flows between pipeline stages.

source -> SourceItem -> bytes -> TextUnit (extraction) -> Finding (detection)
-> LocationResult (classification) -> inventory -> reports.

Nothing here holds a raw identifier once detection is done: a Finding carries
only a masked preview and a keyed hash of the normalised value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from phiscan.detect.textclean import clean_text, detection_text


def utc_time(epoch: float) -> str:
    """A time as every output writes it: ISO 8601 in UTC to the second
    (`2026-12-02T16:58:02+00:00`): the exports' `modified`, a document's `generated_at`,
    an alert's `time`, `status` and `diff`. A spreadsheet reads it as a date."""
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


class Status(StrEnum):
    SCANNED = "scanned"
    SKIPPED = "skipped"
    ERROR = "error"


class Risk(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


RISK_ORDER: tuple[Risk, ...] = (Risk.NONE, Risk.LOW, Risk.MEDIUM, Risk.HIGH, Risk.CRITICAL)

# Separator between an outer location and a member inside it (archive member,
# email attachment): "/share/a.zip!letters/jane.docx".
MEMBER_SEP = "!"


class ExposureLevel(StrEnum):
    """Who can read a location, widest first (`phiscan.sources.exposure`)."""

    PUBLIC = "public"  # anyone, without an account (a public bucket or object)
    BROAD = "broad"  # every account on the system or domain
    GROUP = "group"  # the members of named groups
    RESTRICTED = "restricted"  # the owner and individually named accounts only
    UNKNOWN = "unknown"  # the permissions could not be read (the reason says why)


BROADLY_READABLE = frozenset({ExposureLevel.PUBLIC, ExposureLevel.BROAD})


@dataclass(frozen=True)
class Exposure:
    """Who can read a location and the principals that make it so (names, uids, gids;
    never content). `reason` says why the level is `unknown`."""

    level: ExposureLevel
    principals: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class SourceItem:
    """One object a source found: a file, an S3 object, an SMB file.

    `skip_reason` is set when the walk already knows it will not read the item
    (a FIFO, a link out of the root, a file over the size limit): it still gets
    an inventory row.
    """

    location: str
    size: int
    modified: float
    etag: str | None = None
    skip_reason: str | None = None
    root: str = ""
    # The source's own handle when it differs from the display location (a local
    # path whose name is not valid UTF-8 is displayed with escapes).
    ref: str = ""
    exposure: Exposure | None = None  # None: not read (the walk skipped the item)

    @property
    def handle(self) -> str:
        return self.ref or self.location


UNNAMED_FIELD = re.compile(r"column_[0-9]+")


def unnamed_field(index: int) -> str:
    """The name of a column that has none (no header row, or a blank header cell)."""
    return f"column_{index + 1}"


def is_unnamed_field(name: str) -> bool:
    return UNNAMED_FIELD.fullmatch(name) is not None


class Label(str):
    """A position, record or field name that went through detection before storing
    (`phiscan.detect.labels`): identifiers in it are masked. The inventory stores any
    other string as a label fully masked."""

    __slots__ = ()


@dataclass(frozen=True)
class FieldSpan:
    """A named field inside a TextUnit: a CSV column, an HL7 field, a FHIR element.

    `coded`: the format says what the field holds (an identifier, a code, a date, a
    person's name in a name field), so spaCy never reads it: names in it come from
    its meaning. Only a format's free-text fields (an HL7 note, a FHIR narrative) and
    fields of unknown meaning (a CSV column) are left uncoded."""

    start: int
    end: int
    name: str
    coded: bool = False


@dataclass(frozen=True)
class Window:
    """Where a window sits in the unit it was cut from: the `number`-th, its text
    starting at `offset` there. It reports only the findings that start between
    `keep_start` and `keep_end` (its own offsets); the rest of it is overlap with
    its neighbours, read for context."""

    number: int
    offset: int
    keep_start: int
    keep_end: int


@dataclass
class TextUnit:
    """Text to analyse plus where it sits inside its location.

    `where` is human-readable ("page 3", "sheet Visits row 12", "MSH 2 PID").
    `record` groups units that describe one subject (a CSV row, an HL7 message,
    a FHIR Patient); None means the unit is free text.
    `fields` names spans of structured text, so a value under a column called
    `nhs_number` gets that column as context.

    Every unit holds clean Unicode from construction on (`phiscan.detect.textclean`): no
    surrogate reaches spaCy or the inventory, compatibility digits read as digits.

    `window` is set on a window of a longer unit (`phiscan.detect.windows`).
    `ocr` marks a page whose text came from OCR (counted in the summary).
    """

    text: str
    where: str = ""
    record: str | None = None
    fields: list[FieldSpan] = field(default_factory=list)
    window: Window | None = None
    ocr: bool = False

    def __post_init__(self) -> None:
        self.text, offsets = detection_text(self.text)
        if offsets is not None or not all(span.name.isascii() for span in self.fields):
            move = offsets or (lambda offset: offset)
            self.fields = [FieldSpan(move(span.start), move(span.end), clean_text(span.name),
                                     span.coded) for span in self.fields]
        self.where = clean_text(self.where)
        if self.record is not None:
            self.record = clean_text(self.record)

    def owns(self, start: int) -> bool:
        """Whether a finding starting here is this unit's to report."""
        return self.window is None or self.window.keep_start <= start < self.window.keep_end

    @property
    def owned_chars(self) -> int:
        """The characters this unit reads for the first time."""
        if self.window is None:
            return len(self.text)
        return self.window.keep_end - self.window.keep_start

    def field_at(self, start: int, end: int) -> str | None:
        for span in self.fields:
            if span.start <= start and end <= span.end:
                return span.name
        return None


@dataclass(frozen=True)
class Child:
    """A document inside a document: an archive member or an email attachment.

    `error` is set when the member could not be read, `skip_reason` when it was
    deliberately not read; either way it still gets a row.
    """

    name: str
    data: bytes
    error: str | None = None
    skip_reason: str | None = None  # not read on purpose (over a size limit)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_text(self.name))  # becomes a location


@dataclass(frozen=True)
class Finding:
    """One detected entity. Never holds the raw value."""

    entity_type: str
    score: float
    recognizer: str
    where: str
    start: int
    end: int
    masked: str
    value_hash: str
    record: str | None = None
    field: str | None = None
    test_data: bool = False
    in_label: bool = False  # found in a position, record or field name, not in the text
    role: str = ""  # PERSON: subject, staff or related (`phiscan.detect.roles`)
    kind: str = ""  # HOME_ACCESS: its kinds of way in, `code,key_holder` (`access_kinds_of`)
    # PERSON: the keyed hash of the name's initial form (`g. pickles` of `Graham Pickles`:
    # `phiscan.detect.normalize.initial_form`), '' when it has none.
    initial_hash: str = ""
    # PERSON: the keyed hash of the name's variant form (its words in any order, without
    # particles, one spelling per romanisation: `phiscan.detect.normalize.variant_form`),
    # '' when it is the name's own key or the name has fewer than two words.
    variant_hash: str = ""

    def but(self, **changes: object) -> Finding:
        """A copy with `changes`: `dataclasses.replace` without its per-field work (a
        breach's findings are copied between detection steps many times; `replace` was a
        twentieth of a worker's profile)."""
        if not changes.keys() <= self.__dict__.keys():
            raise TypeError(f"Finding has no field {sorted(changes.keys() - self.__dict__.keys())}")
        copy = object.__new__(Finding)
        copy.__dict__.update(self.__dict__, **changes)
        return copy


@dataclass
class LocationResult:
    """Everything the inventory stores about one location after a scan."""

    location: str
    status: Status
    reason: str = ""
    size: int = 0
    modified: float = 0.0
    etag: str | None = None
    root: str = ""
    parent: str | None = None
    extractor: str = ""
    chars: int = 0  # characters of text read: "nothing found" is never "nothing read"
    ocr_pages: int = 0  # pages of this location (not its members) read by OCR
    findings: list[Finding] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    special_category: bool = False
    risk: Risk = Risk.NONE
    exposure: Exposure | None = None  # a member has its container's

    def entity_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.entity_type] = counts.get(finding.entity_type, 0) + 1
        return dict(sorted(counts.items()))
