"""UK postcodes: `UK_POSTCODE`.

Outward code formats A9, A99, A9A, AA9, AA99, AA9A with the letters Royal Mail
allows in each position (no Q, V, X first; no I, J, Z second), an inward code
9AA without C, I, K, M, O, V, and the special case GIR 0AA. `QA1 1AA` is not a
postcode. Written with a space, capitals: 0.75. Without the space, or in
lower case, it needs an address context (a `postcode` field, `address`).
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, context_of
from recognizers.triggers import sign

_OUTWARD = (
    r"(?:[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]|[A-PR-UWYZ]\d[A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d\d?)"
)
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"
POSTCODE = rf"(?<![\w-])(?:{_OUTWARD}[ \u00a0]?{_INWARD}|GIR ?0AA)(?![\w-])"
POSTCODE_ANY_CASE = rf"(?i:{POSTCODE})"
CONTEXT = Terms(["postcode", "post code", "postal code", "postalcode", "address", "addr",
                 "street", "road", "lane", "avenue", "flat", "house", "city", "town",
                 "county", "zip"])

SCORE_FORMATTED = 0.75
SCORE_WITH_CONTEXT = 0.9
SCORE_BARE = 0.4


# Every postcode ends with its inward code: a digit and two letters (`GIR 0AA` too).
INWARD_CODE = sign(r"\d(?i:[ABD-HJLNP-UW-Z]{2})")


class UkPostcodeRecognizer(ContextScoredRecognizer):
    line_local_scoring = True  # the match and `context_of` only
    ENTITY = "UK_POSTCODE"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanUkPostcodeRecognizer",
            patterns=patterns or [Pattern("uk postcode", POSTCODE_ANY_CASE, SCORE_BARE)],
            context=context or list(CONTEXT.phrases), supported_language=supported_language,
            triggers=None if patterns else {"uk postcode": INWARD_CODE},
        )

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start:result.end]
        context = context_of(text, result.start, result.end, before=60, after=20)
        formatted = value.isupper() and not value.isalpha() and (" " in value or "\u00a0" in value)
        if context.has(self.context_terms):
            result.score = SCORE_WITH_CONTEXT
        elif formatted:
            result.score = SCORE_FORMATTED
        else:
            result.score = SCORE_BARE
        return result
