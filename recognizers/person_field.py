"""People's names from structured fields: `PERSON`.

spaCy finds names in prose; a spreadsheet cell `Jane Smith` under
`client_name`, a flattened FHIR `name[0].family: Smith`, or an HL7 PID-5
`SMITH^JANE` has no sentence around it. This recognizer reads the field name
(see `name_fields.txt`), or a title (`Dr Hughes`, `Mrs Jane Smith`), and accepts
a value that looks like a name: one to six words of letters (apostrophes,
hyphens, dots allowed), no digits, capitalised or in capitals, not a placeholder
such as `Unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex as re
from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, context_of, normalise_words, without_digits
from recognizers.triggers import Literal, Trigger
from recognizers.vocabulary import load_vocabulary

_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*\.?"
# A field value that is one name: on its own after `field: `, to the end of the line.
FIELD_NAME_VALUE = (
    rf"(?<=^[ \t]*[^:\n\r]{{1,80}}:[ \t]+){_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{0,5}}"
    r"(?=[ \t]*$)"
)
# HL7 v2: PID-5 (patient name) and NK1-2 (next of kin): FAMILY^GIVEN^MIDDLE^SUFFIX^PREFIX.
HL7_NAME = (
    r"(?<=(?:^|\r)(?:PID|NK1)\|(?:[^|\n\r]*\|){1,4})"
    rf"{_NAME_WORD}(?:[ \t]{_NAME_WORD})*\^{_NAME_WORD}(?:[ \t]{_NAME_WORD})*"
)
# `Dr Hughes`, `Mrs Jane Smith`: a title makes the next capitalised words a name.
TITLED = "titled name"
TITLED_NAME = (
    r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Revd?)\.?[ ]+"
    r"[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*(?:[ ][A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)*){0,2}"
)
# A name field's value follows a colon (the other patterns scan fast on their own).
TRIGGERS = {
    "name field": Trigger(literals=[Literal(
        ":", word_start=False, word_end=False,
        confirm=r"(?<=^[ \t]*[^:\n\r]{1,80}):[ \t]+[^\W\d_]")]),
}
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "al",
                       "el", "bin", "ibn", "ap", "mac", "st", "dos", "das", "del"})
PLACEHOLDERS = Terms(["unknown", "n a", "na", "none", "null", "not known", "not recorded",
                      "test", "tbc", "anonymous", "redacted", "withheld", "yes", "no", "male",
                      "female", "other", "true", "false", "see notes", "home", "mobile",
                      "official", "usual", "nickname", "maiden", "old"])
SCORE = 0.85
HL7_FIELDS = {"PID": 5, "NK1": 2}


_NAME_SEPARATOR = re.compile(r"[\s,^]+")


def looks_like_name(value: str) -> bool:
    words = [word for word in _NAME_SEPARATOR.split(value) if word]
    if not words or len(value) > 80 or PLACEHOLDERS.found_in(normalise_words(value)):
        return False
    capitalised = [word for word in words if word.casefold() not in PARTICLES]
    return bool(capitalised) and all(word[0].isupper() for word in capitalised)


class NameFieldRecognizer(ContextScoredRecognizer):
    ENTITY = "PERSON"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None,
        vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        """`context`, when given, is the list of field names that hold a name (by default
        `name_fields.txt` and a user's additions to it)."""
        entries = context or load_vocabulary("name_fields.txt", vocabulary_dirs)
        self.name_fields = Terms(e for e in entries if not e.startswith("-"))
        self.excluded = Terms(e[1:] for e in entries if e.startswith("-"))
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanNameFieldRecognizer",
            patterns=patterns or [Pattern("name field", FIELD_NAME_VALUE, SCORE),
                                  Pattern("hl7 name", HL7_NAME, SCORE),
                                  Pattern(TITLED, TITLED_NAME, SCORE)],
            context=[entry for entry in entries if not entry.startswith("-")],
            supported_language=supported_language, triggers=None if patterns else TRIGGERS,
        )

    def is_name_field(self, field: str) -> bool:
        words = without_digits(field)
        return self.name_fields.ends(words) and not self.excluded.found_in(words)

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start:result.end]
        if not looks_like_name(value):
            return None
        if result.analysis_explanation and result.analysis_explanation.pattern_name == TITLED:
            return result
        context = context_of(text, result.start, result.end)
        if context.hl7_segment:
            return result if HL7_FIELDS.get(context.hl7_segment) == context.hl7_field else None
        return result if self.is_name_field(context.field) else None
