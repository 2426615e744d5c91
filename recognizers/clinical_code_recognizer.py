"""Clinical codes: `CLINICAL_CODE` (a diagnosis code is health data).

Only where the code system is named, because the shapes alone (`E11.9`, a
long number) are everywhere:
- ICD-10 (`E11.9`, `F03`, `J44.1`, `I10`) after `ICD-10`, `ICD10`, `diagnosis code`;
- SNOMED CT concept ids (6-18 digits, Verhoeff check digit, concept partition
  `00`/`10`) after `SNOMED`, `SCT`, `concept id`.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, context_of
from recognizers.triggers import Trigger, sign

ICD10 = r"(?<![\w.])[A-TV-Z]\d{2}(?:\.\d{1,4}|\d{1,2})?[A-Z]?(?![\w])(?!\.\d)"
SNOMED = r"(?<![\w.])[1-9]\d{5,17}(?![\w])(?!\.\d)"
ICD_CONTEXT = Terms(["icd", "icd 10", "icd10", "diagnosis code", "diag code", "dx code",
                     "dx", "icd code"])
SNOMED_CONTEXT = Terms(["snomed", "snomed ct", "sct", "sctid", "concept id", "concept"])
SCORE = 0.85

_VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_valid(digits: str) -> bool:
    check = 0
    for index, digit in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[index % 8][int(digit)]]
    return check == 0


def is_snomed_concept_id(value: str) -> bool:
    return value[-3:-1] in ("00", "10") and verhoeff_valid(value)


class ClinicalCodeRecognizer(ContextScoredRecognizer):
    line_local_scoring = True  # the match and `context_of` only
    ENTITY = "CLINICAL_CODE"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanClinicalCodeRecognizer",
            patterns=patterns or [Pattern("icd-10", ICD10, SCORE),
                                  Pattern("snomed ct", SNOMED, SCORE)],
            context=context or [*ICD_CONTEXT.phrases, *SNOMED_CONTEXT.phrases],
            supported_language=supported_language,
            triggers=None if patterns else {"icd-10": sign(r"[A-TV-Z]\d\d")},
            # A code is kept only after its system's name on its line: the long numbers
            # of a log (ids, counters) are not checked one by one.
            context_gate=None if patterns else Trigger(sign=Terms(
                context or [*ICD_CONTEXT.phrases, *SNOMED_CONTEXT.phrases]).raw_signs()),
        )
        # A tuned context labels both kinds of code; the shipped one tells them apart.
        self.icd_context = self.context_terms if context else ICD_CONTEXT
        self.snomed_context = self.context_terms if context else SNOMED_CONTEXT

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start:result.end]
        if value.isdigit() and not is_snomed_concept_id(value):
            return None  # most long numbers: no need to read their context
        context = context_of(text, result.start, result.end, before=40, after=0)
        label = f"{context.field} {context.label}"
        if value.isdigit():
            wanted = is_snomed_concept_id(value) and self.snomed_context.found_in(label)
        else:
            wanted = self.icd_context.found_in(label)
        return result if wanted else None
