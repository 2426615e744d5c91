"""The recognizer of an organisation's own number for a person: `LOCAL_ID`
(`recognizers.local_ids` says what one is)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.local_ids import HEAD_WORD, LOCAL_ID, NOT_A_PERSONS, local_id_key, word_before
from recognizers.triggers import sign

SCORE = 0.85


class LocalIdRecognizer(ContextScoredRecognizer):
    reads_ocr = False
    line_local_scoring = True  # the match and the word before it on its line
    ENTITY = "LOCAL_ID"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanLocalIdRecognizer",
            patterns=patterns or [Pattern("local id", LOCAL_ID, SCORE)],
            context=context or [], supported_language=supported_language,
            triggers=None if patterns else {"local id": sign(HEAD_WORD)},
        )

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if local_id_key(text[result.start:result.end]) is None:
            return None
        if word_before(text, result.start) in NOT_A_PERSONS:
            return None
        return result
