"""UK telephone numbers: `PHONE_NUMBER`.

National (`0113 496 0000`, `(0113) 496 0000`, `07700 900123`) and
international (`+44 113 496 0000`, `+44 (0)7700 900123`, `0044 ...`) forms of
10- or 11-digit UK numbers (area codes 01/02/03/05/07/08/09), checked with
libphonenumber's length rules (Ofcom drama ranges included, on purpose: they
look like real numbers to a reader). The entity keeps Presidio's name so
findings and allow-lists line up with other Presidio-based tools.
"""

from __future__ import annotations

import phonenumbers
from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, context_of

_GAP = r"[ \u00a0\-]?"
PHONE = (
    r"(?<![\w+])(?<!\d[ \-])"
    rf"(?:(?:\+44|0044){_GAP}(?:\(0\){_GAP})?|\(?0)"
    r"[1235789]\d{1,4}\)?"
    rf"(?:{_GAP}\d){{6,8}}"
    r"(?![\d])(?![ \-]\d)"
)
CONTEXT = Terms(["tel", "telephone", "phone", "mobile", "mob", "call", "ring", "contact",
                 "landline", "fax", "sms", "whatsapp"])

SCORE_BARE = 0.6
SCORE_UNFORMATTED = 0.45  # `0101011113` alone could as well be an account or CHI number
SCORE_WITH_CONTEXT = 0.9


def national_digits(value: str) -> str:
    digits = "".join(character for character in value if character.isdigit())
    if value.lstrip().startswith("+44") or digits.startswith("0044"):
        digits = digits[2:] if digits.startswith("44") else digits[4:]
        digits = digits[1:] if digits.startswith("0") else digits
        return "0" + digits
    return digits


def is_uk_phone(value: str) -> bool:
    digits = national_digits(value)
    if len(digits) not in (10, 11) or not digits.startswith("0") or len(set(digits[1:])) == 1:
        return False
    number = phonenumbers.parse(digits, "GB")
    return phonenumbers.is_possible_number(number)


class UkPhoneRecognizer(ContextScoredRecognizer):
    line_local_scoring = True  # the match and `context_of` only
    ENTITY = "PHONE_NUMBER"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanUkPhoneRecognizer",
            patterns=patterns or [Pattern("uk phone", PHONE, SCORE_BARE)],
            context=context or list(CONTEXT.phrases), supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return is_uk_phone(pattern_text)

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        context = context_of(text, result.start, result.end, before=40, after=10)
        value = text[result.start:result.end]
        if context.has(self.context_terms):
            result.score = SCORE_WITH_CONTEXT
        elif value.isdigit():
            result.score = SCORE_UNFORMATTED
        else:
            result.score = SCORE_BARE
        return result
