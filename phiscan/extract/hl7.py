"""HL7 v2: one record per message, every field named `SEG-n`, patient fields by meaning.

PID-3 (identifiers, with assigning authority), PID-5 (name), PID-7 (date of
birth) and PID-11 (address) get names such as `PID-3 nhs_number` and
`PID-5 patient_name`, so the recognizers see what each value is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.text import decode_text

SEGMENT_SPLIT = re.compile(r"\r\n|\r|\n")
SEGMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{2}$")
NHS_AUTHORITIES = frozenset({"NHS", "NHSNMBR", "NHS NUMBER", "2.16.840.1.113883.2.1.4.1",
                             "HTTPS://FHIR.NHS.UK/ID/NHS-NUMBER"})
Pairs = list[tuple[str, str]]


@dataclass(frozen=True)
class Delimiters:
    field: str = "|"
    component: str = "^"
    repetition: str = "~"
    escape: str = "\\"
    subcomponent: str = "&"

    @classmethod
    def from_msh(cls, segment: str) -> Delimiters:
        if len(segment) < 8 or not segment.startswith("MSH"):
            raise ExtractionError("malformed hl7: bad MSH segment")
        field, encoding = segment[3], segment[4:8]
        if field.isalnum() or len(set(field + encoding)) != 5:
            raise ExtractionError("malformed hl7: bad delimiters")
        return cls(field, encoding[0], encoding[1], encoding[2], encoding[3])

    def unescape(self, value: str) -> str:
        escape = self.escape
        for code, char in (("F", self.field), ("S", self.component), ("R", self.repetition),
                           ("T", self.subcomponent), ("E", escape)):
            value = value.replace(f"{escape}{code}{escape}", char)
        return value

    def plain(self, value: str) -> str:
        """A field as words: component and repetition marks become spaces."""
        for mark in (self.component, self.repetition, self.subcomponent):
            value = value.replace(mark, " ")
        return self.unescape(value)


def split_messages(text: str) -> Iterator[list[str]]:
    message: list[str] = []
    for segment in SEGMENT_SPLIT.split(text):
        segment = segment.strip("\x0b\x1c ")  # MLLP framing bytes
        if not segment:
            continue
        if segment.startswith("MSH") and message:
            yield message
            message = []
        message.append(segment)
    if message:
        yield message


def hl7_date(value: str) -> str:
    """YYYYMMDD[HHMM...] as an ISO date so date recognizers know it."""
    digits = value[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return value


def identifier_pairs(value: str, marks: Delimiters) -> Pairs:
    pairs: Pairs = []
    for repetition in value.split(marks.repetition):
        components = repetition.split(marks.component)
        identifier = marks.unescape(components[0])
        authority = components[3].split(marks.subcomponent)[0] if len(components) > 3 else ""
        kind = components[4] if len(components) > 4 else ""
        if authority.upper() in NHS_AUTHORITIES or kind.upper() == "NH":
            pairs.append(("PID-3 nhs_number", identifier))
        else:
            label = marks.unescape(authority or kind) or "unknown authority"
            pairs.append((f"PID-3 identifier ({label})", identifier))
    return pairs


# Person-name fields outside PID-5: XPN (FAMILY^GIVEN^MIDDLE, skip 0) and XCN
# (ID^FAMILY^GIVEN^MIDDLE, skip 1). Named by meaning so the role of the name is plain.
NAME_FIELDS = {
    ("NK1", 2): ("next_of_kin_name", 0),
    ("PD1", 4): ("gp_name", 1),
    ("PV1", 7): ("attending_doctor_name", 1),
    ("PV1", 8): ("referring_doctor_name", 1),
    ("PV1", 9): ("consulting_doctor_name", 1),
    ("PV1", 17): ("admitting_doctor_name", 1),
    ("ROL", 4): ("role_person_name", 1),
    ("ORC", 12): ("ordering_provider_name", 1),
    ("OBR", 16): ("ordering_provider_name", 1),
    ("TXA", 9): ("originator_name", 1),
}


def name_pairs(value: str, marks: Delimiters, field: str = "PID-5 patient_name",
               skip: int = 0) -> Pairs:
    """`FAMILY^GIVEN^MIDDLE` repetitions as `Given Middle Family`."""
    names = []
    for repetition in value.split(marks.repetition):
        parts = [marks.unescape(part) for part in repetition.split(marks.component)][skip:]
        if not parts:
            continue
        family = parts[0].split(marks.subcomponent)[0]
        given = parts[1:3]
        names.append(" ".join(part for part in (*given, family) if part))
    return [(field, name) for name in names if name]


def address_pairs(value: str, marks: Delimiters) -> Pairs:
    pairs: Pairs = []
    for repetition in value.split(marks.repetition):
        parts = [marks.unescape(part) for part in repetition.split(marks.component)]
        lines = [part for part in parts[:4] if part]
        pairs.append(("PID-11 address", ", ".join(lines)))
        if len(parts) > 4 and parts[4]:
            pairs.append(("PID-11 postcode", parts[4]))
    return pairs


def pid_field_pairs(number: int, value: str, marks: Delimiters) -> Pairs | None:
    if number == 3:
        return identifier_pairs(value, marks)
    if number == 5:
        return name_pairs(value, marks)
    if number == 7:
        return [("PID-7 date_of_birth", hl7_date(value))]
    if number == 11:
        return address_pairs(value, marks)
    return None


def segment_pairs(segment: str, marks: Delimiters) -> Pairs:
    segment_id = segment[:3]
    fields = segment.split(marks.field)
    # MSH-1 is the field separator itself, so MSH field numbers are one higher.
    first = 2 if segment_id == "MSH" else 1
    pairs: Pairs = []
    for number, value in enumerate(fields[1:], start=first):
        if not value or (segment_id == "MSH" and number == 2):
            continue
        named = pid_field_pairs(number, value, marks) if segment_id == "PID" else None
        if (segment_id, number) in NAME_FIELDS:
            meaning, skip = NAME_FIELDS[segment_id, number]
            named = name_pairs(value, marks, f"{segment_id}-{number} {meaning}", skip)
        pairs.extend(named if named is not None
                     else [(f"{segment_id}-{number}", marks.plain(value))])
    return pairs


def message_pairs(segments: list[str]) -> Pairs:
    if not segments[0].startswith("MSH"):
        raise ExtractionError("malformed hl7: message does not start with MSH")
    marks = Delimiters.from_msh(segments[0])
    pairs: Pairs = []
    for segment in segments:
        if not SEGMENT_ID.match(segment[:3]) or (len(segment) > 3 and segment[3] != marks.field):
            raise ExtractionError("malformed hl7: bad segment")
        pairs.extend(segment_pairs(segment, marks))
    return pairs


def extract_hl7(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    if not text.lstrip("\x0b\ufeff \r\n").startswith("MSH"):
        raise ExtractionError("malformed hl7: no MSH segment at the start")
    for number, segments in enumerate(split_messages(text), start=1):
        where = f"message {number}"
        yield record_unit(message_pairs(segments), where, where)
