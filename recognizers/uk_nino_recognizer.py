"""National Insurance numbers: `UK_NINO`.

Two prefix letters (first not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
never BG, GB, KN, NK, NT, TN, ZZ), six digits, a suffix A-D; spaced in pairs or not,
in any case (DWP's services take `aa 37 07 73 a` as well as `AA370773A`). HMRC's own
example prefix `QQ` is therefore not reported.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, context_of
from recognizers.triggers import sign

NINO = (
    r"(?<![\w])(?i:(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[A-D])(?![\w])"
)
# Every NI number holds its six digits, perhaps spaced in pairs, right after a letter
# (the prefix's second letter) and right before its suffix letter: runs of digits alone
# are everywhere in logs. The letter before is a look-behind, so the scan starts at
# digits (`regex` tries a pattern that starts with a letter class at every letter).
SIX_DIGITS = sign(r"(?<=[A-Za-z][ \u00a0]?)\d\d[ \u00a0]?\d\d[ \u00a0]?\d\d[ \u00a0]?"
                  r"[A-Da-d](?!\w)")
CONTEXT = Terms(["ni", "nino", "ni no", "ni number", "national insurance", "nat ins", "nins"])

SCORE_BARE = 0.65
SCORE_WITH_CONTEXT = 0.95


class UkNinoRecognizer(ContextScoredRecognizer):
    line_local_scoring = True  # the match and `context_of` only
    ENTITY = "UK_NINO"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanUkNinoRecognizer",
            patterns=patterns or [Pattern("uk nino", NINO, SCORE_BARE)],
            context=context or list(CONTEXT.phrases), supported_language=supported_language,
            triggers=None if patterns else {"uk nino": SIX_DIGITS},
        )

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        context = context_of(text, result.start, result.end, before=60, after=20)
        result.score = SCORE_WITH_CONTEXT if context.has(self.context_terms) else SCORE_BARE
        return result
