"""Whose name is it: the role of every PERSON finding.

`subject` (the patient, client, service user, resident), `staff` (carer, nurse, GP,
author, signatory, e-mail sender or recipient, meeting attendee) or `related` (next of
kin, a neighbour holding a key, a family contact: exposed, but not the patient).

The role is read from the text around the name, at detection time (the only time the
text is there), from the strongest signal first:

1. HL7 v2: PID is the patient, NK1 the next of kin, any other segment (PV1-7/8, ROL,
   ORC, OBR, TXA...) a clinician;
2. the words just before the name on its line (`Carer Leanne Bishop`, `Seen by`,
   `Client: JONES, Sandra  Carer: Ms Leanne Bishop`): the rightmost phrase wins;
3. the field name (`client_name`, `next_of_kin`, `gp_name`, `Present:`, an e-mail's
   `From`/`To`/`Cc`): again the rightmost phrase, so `patient_gp` is the GP's;
4. a clinical title on the name (`Dr`, `Nurse`, `Prof`);
5. a role word just after it (`Karen Jones (daughter)`, `Leanne Bishop, carer`);
6. a signature block (`Yours sincerely` on one of the lines above);
7. the FHIR resource it sits in (Practitioner, RelatedPerson, Patient);

and otherwise no role (`''`): such a name counts as the subject's, unless it recurs
across many subjects (`phiscan.scoping.recurrence`). The phrases live in
`phiscan/data/roles.txt`. Only the role leaves this module: no name is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from recognizers.context import context_of, normalise_words

SUBJECT, STAFF, RELATED = "subject", "staff", "related"
UNMARKED = ""  # no signal: counted as the subject's, unless it recurs across subjects
ROLES = (SUBJECT, STAFF, RELATED)
ROLES_FILE = Path(__file__).parent.parent / "data" / "roles.txt"
MAX_PHRASE_WORDS = 4
SIGNATURE_LINES = 4  # a name this many lines below `Yours sincerely` signs the letter
AFTER_WORDS = 2
HL7_ROLES = {"PID": SUBJECT, "NK1": RELATED}
_HL7_FIELD = re.compile(r"([A-Z][A-Z0-9]{2})-\d+(?:\s|$)")
FHIR_ROLES = {"practitioner": STAFF, "practitioner role": STAFF, "related person": RELATED,
              "patient": SUBJECT, "person": SUBJECT}


def _sections(lines: Iterable[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(normalise_words(line).strip())
    return sections


@dataclass(frozen=True)
class RoleRules:
    phrases: dict[tuple[str, ...], str]  # role words (subject, staff, related)
    staff_fields: frozenset[str]
    staff_titles: frozenset[str]
    signatures: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = ROLES_FILE) -> RoleRules:
        sections = _sections(path.read_text(encoding="utf-8").splitlines())
        phrases = {tuple(phrase.split()): role for role in ROLES
                   for phrase in sections.get(role, [])}
        return cls(phrases, frozenset(sections.get("staff fields", [])),
                   frozenset(sections.get("staff titles", [])),
                   tuple(sections.get("signature", [])))

    def rightmost(self, normalised: str) -> str | None:
        """The role of the last role phrase in these words (the longest one ending there)."""
        words = normalised.split()
        for end in range(len(words), 0, -1):
            for length in range(min(MAX_PHRASE_WORDS, end), 0, -1):
                role = self.phrases.get(tuple(words[end - length:end]))
                if role is not None:
                    return role
        return None

    def first(self, normalised: str) -> str | None:
        """The role of a phrase at the start of these words (`(daughter)`, `, carer`)."""
        words = normalised.split()[:AFTER_WORDS]
        for length in range(len(words), 0, -1):
            role = self.phrases.get(tuple(words[:length]))
            if role is not None:
                return role
        return None

    def field_role(self, field: str) -> str | None:
        if field.strip() in self.staff_fields:
            return STAFF
        return self.rightmost(field)

    def titled(self, text: str, start: int, end: int) -> bool:
        """`Dr Anna Hughes` (title inside the match) or `Nurse` right before it."""
        inside = normalise_words(text[start:end]).split()[:1]
        before = normalise_words(text[max(0, start - 20):start]).split()[-1:]
        return any(word in self.staff_titles for word in inside + before)

    def signed(self, text: str, start: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        lines = text[max(0, line_start - 400):line_start].splitlines()[-SIGNATURE_LINES:]
        return any(normalise_words(line).strip().startswith(self.signatures)
                   for line in lines if line.strip())

    def role_of(self, text: str, start: int, end: int, where: str = "",
                field: str | None = None) -> str:
        context = context_of(text, start, end)
        segment = context.hl7_segment or hl7_segment_of(field or "")
        if segment:
            return HL7_ROLES.get(segment, STAFF)
        role = self.rightmost(context.label)
        if role is None:
            field_words = context.field if context.field.strip() else normalise_words(field or "")
            role = self.field_role(field_words)
        if role is None and self.titled(text, start, end):
            role = STAFF
        if role is None:
            role = self.first(context.after)
        if role is None and not context.field.strip() and self.signed(text, start):
            role = STAFF
        return role or fhir_role(where) or UNMARKED


def hl7_segment_of(field: str) -> str:
    """`PV1-8` or `PID-5 patient_name` (an HL7 field as the extractor names it) -> segment."""
    match = _HL7_FIELD.match(field)
    return match.group(1) if match else ""


def fhir_role(where: str) -> str | None:
    """The role a FHIR resource gives its names: `entry[3] Practitioner` -> staff."""
    words = normalise_words(where).split()
    for length in (2, 1):
        for index in range(len(words) - length, -1, -1):
            role = FHIR_ROLES.get(" ".join(words[index:index + length]))
            if role is not None:
                return role
    return None


@cache
def default_rules() -> RoleRules:
    return RoleRules.load()
