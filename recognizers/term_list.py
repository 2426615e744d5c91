"""A recognizer for a vocabulary file: health conditions, medicines, Art. 9 categories.

Each entry matches as whole words (capitals-only entries case-sensitively).
With `needs_label`, an entry counts only in a field or after a label whose name
contains one of `label_words` (`ethnicity: White British`): words like `White`
or `Christian` say nothing about a person in running prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import context_of
from recognizers.triggers import vocabulary_trigger
from recognizers.vocabulary import alternation, load_vocabulary


class TermListRecognizer(ContextScoredRecognizer):
    line_local_scoring = True  # the match and `context_of` only
    ENTITY = ""
    VOCABULARY = ""
    NAME = ""
    SCORE = 0.7
    LABEL_WORDS: tuple[str, ...] = ()
    NEEDS_LABEL = False

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None,
        vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        self.terms = load_vocabulary(self.VOCABULARY, vocabulary_dirs)
        super().__init__(
            entity=supported_entity or self.ENTITY, name=self.NAME,
            patterns=patterns or [Pattern(self.VOCABULARY, alternation(self.terms), self.SCORE)],
            context=context or list(self.LABEL_WORDS), supported_language=supported_language,
            triggers=None if patterns else {
                self.VOCABULARY: vocabulary_trigger(self.terms, anchored=True)},
        )

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if not self.NEEDS_LABEL:
            return result
        context = context_of(text, result.start, result.end, before=40, after=0)
        labels = self.context_terms
        labelled = labels.found_in(context.field) or labels.found_in(context.label)
        return result if labelled else None
