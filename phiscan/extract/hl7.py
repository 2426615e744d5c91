"""HL7 v2: one record per message, every field named `SEG-n`, patient fields by meaning.

PID-3 (identifiers, with assigning authority), PID-5 (name), PID-7 (date of
birth) and PID-11 (address) get names such as `PID-3 nhs_number` and
`PID-5 patient_name`, and every person-name field (`NAME_FIELDS`: NK1-2, PV1-7,
ROL-4, OBR-16...) a name by its meaning, so the recognizers see what each value is.

The standard segments say what each field holds, so their fields are coded
(`FieldSpan.coded`: spaCy never reads them; names come from the name fields)
except the free text (`PROSE_FIELDS`: an OBX-5 of a text type, NTE-3...). Fields
of Z-segments and segments not listed here are of unknown meaning, read as text.
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
        if escape not in value:  # most fields: nothing to replace
            return value
        for code, char in (("F", self.field), ("S", self.component), ("R", self.repetition),
                           ("T", self.subcomponent), ("E", escape)):
            value = value.replace(f"{escape}{code}{escape}", char)
        return value

    def plain(self, value: str) -> str:
        """A field as words: component and repetition marks become spaces."""
        for mark in (self.component, self.repetition, self.subcomponent):
            if mark in value:
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
# (ID^FAMILY^GIVEN^MIDDLE, skip 1). Named by meaning (`..._name`): the role of such a
# name is its segment's (`phiscan.detect.roles.HL7_ROLES`: PID the patient, NK1, GT1 and
# IN1 related people, the rest clinicians); names in free text are read from the text.
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
    ("PID", 9): ("patient_alias_name", 0),
    ("NK1", 30): ("contact_person_name", 0),
    ("GT1", 3): ("guarantor_name", 0),
    ("GT1", 19): ("guarantor_spouse_name", 0),
    ("GT1", 45): ("guarantor_contact_name", 0),
    ("IN1", 16): ("insured_name", 0),
    ("MRG", 7): ("prior_patient_name", 0),
    ("EVN", 5): ("operator_name", 1),
    ("PV1", 52): ("other_provider_name", 1),
    ("OBX", 16): ("responsible_observer_name", 1),
    ("ORC", 10): ("entered_by_name", 1),
    ("ORC", 11): ("verified_by_name", 1),
    ("OBR", 28): ("result_copies_to_name", 1),
    ("DG1", 16): ("diagnosing_clinician_name", 1),
    ("PR1", 11): ("surgeon_name", 1),
    ("PR1", 12): ("anesthesiologist_name", 1),
    ("TXA", 5): ("primary_activity_provider_name", 1),
    ("TXA", 10): ("assigned_authenticator_name", 1),
    ("TXA", 11): ("transcriptionist_name", 1),
    ("TXA", 22): ("authentication_person_name", 1),
    ("TXA", 23): ("distributed_copies_name", 1),
    ("RXA", 10): ("administering_provider_name", 1),
    ("SCH", 12): ("placer_contact_name", 1),
    ("AIP", 3): ("personnel_resource_name", 1),
    ("PRT", 5): ("participation_person_name", 1),
    ("STF", 3): ("staff_name", 0),
}
# Segments whose fields' meaning is fixed by the standard: all but their free text
# (`PROSE_FIELDS`) are coded.
STANDARD_SEGMENTS = frozenset({
    "MSH", "EVN", "PID", "PD1", "PV1", "PV2", "NK1", "MRG", "AL1", "DG1", "PR1", "GT1",
    "IN1", "IN2", "ROL", "ORC", "OBR", "OBX", "TXA", "SPM", "RXA", "RXE", "RXO", "RXR",
    "SCH", "AIS", "AIG", "AIL", "AIP", "MSA", "ERR", "FT1", "DB1", "ACC", "UB1", "UB2",
    "QRD", "QRF", "NTE", "PRT", "STF",
})
PROSE_FIELDS = frozenset({
    ("NTE", 3),  # comment
    ("OBX", 5),  # observation value, when its type (OBX-2) is text: `TEXT_TYPES`
    ("OBR", 13),  # relevant clinical information
    ("DG1", 4), ("PR1", 4),  # diagnosis / procedure description
    ("AL1", 5),  # allergy reaction
    ("PV2", 12),  # visit description
    ("MSA", 3),  # text message
})
TEXT_TYPES = frozenset({"TX", "FT", "ST", ""})


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
    if number == 29:
        return [("PID-29 date_of_death", hl7_date(value))]
    if number == 30:
        return [("PID-30 death_indicator", value)]
    return None


Field = tuple[str, str, bool]  # name, value, free text


def is_prose(segment_id: str, number: int, fields: list[str]) -> bool:
    """Whether a field may hold free text (see the module docstring)."""
    if segment_id not in STANDARD_SEGMENTS:
        return True
    if (segment_id, number) not in PROSE_FIELDS:
        return False
    value_type = fields[2].strip().upper() if len(fields) > 2 else ""
    return segment_id != "OBX" or value_type in TEXT_TYPES


def segment_fields(segment: str, marks: Delimiters) -> list[Field]:
    segment_id = segment[:3]
    fields = segment.split(marks.field)
    # MSH-1 is the field separator itself, so MSH field numbers are one higher.
    first = 2 if segment_id == "MSH" else 1
    found: list[Field] = []
    for number, value in enumerate(fields[1:], start=first):
        if not value or (segment_id == "MSH" and number == 2):
            continue
        named = pid_field_pairs(number, value, marks) if segment_id == "PID" else None
        if (segment_id, number) in NAME_FIELDS:
            meaning, skip = NAME_FIELDS[segment_id, number]
            named = name_pairs(value, marks, f"{segment_id}-{number} {meaning}", skip)
        prose = is_prose(segment_id, number, fields)
        found.extend((name, text, prose) for name, text in (
            named if named is not None else [(f"{segment_id}-{number}", marks.plain(value))]))
    return found


def message_fields(segments: list[str]) -> list[Field]:
    if not segments[0].startswith("MSH"):
        raise ExtractionError("malformed hl7: message does not start with MSH")
    marks = Delimiters.from_msh(segments[0])
    found: list[Field] = []
    for segment in segments:
        if not SEGMENT_ID.match(segment[:3]) or (len(segment) > 3 and segment[3] != marks.field):
            raise ExtractionError("malformed hl7: bad segment")
        found.extend(segment_fields(segment, marks))
    return found


def extract_hl7(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    if not text.lstrip("\x0b\ufeff \r\n").startswith("MSH"):
        raise ExtractionError("malformed hl7: no MSH segment at the start")
    for number, segments in enumerate(split_messages(text), start=1):
        where = f"message {number}"
        fields = message_fields(segments)
        yield record_unit([(name, value) for name, value, _prose in fields], where, where,
                          prose=lambda index, _name, fields=fields: fields[index][2])
