"""The shape every phiscan recognizer shares: Presidio patterns, then our own context.

`PatternRecognizer` finds candidates and runs `validate_result` (checksums,
formats). `score_match` then reads the raw text around each candidate (see
`recognizers.context`) and sets the score, or drops the candidate. The result
is marked as already context-scored so Presidio's lemma enhancer leaves it
alone, and the same recognizer works when called without spaCy artifacts.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

# Our patterns spell out case where it matters (postcodes, NI numbers).
DEFAULT_FLAGS = re.MULTILINE


class ContextScoredRecognizer(PatternRecognizer):
    """A PatternRecognizer whose final score comes from `score_match`."""

    def __init__(
        self, entity: str, name: str, patterns: list[Pattern], context: list[str],
        flags: int = DEFAULT_FLAGS, extra_entities: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            supported_entity=entity, name=name, patterns=patterns, context=context,
            supported_language="en", global_regex_flags=flags,
        )
        self.supported_entities = [entity, *extra_entities]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        scored: list[RecognizerResult] = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            kept = self.score_match(text, result)
            if kept is None:
                continue
            kept.recognition_metadata = {
                **(kept.recognition_metadata or {}),
                RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
            }
            scored.append(kept)
        return scored

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """Set `result.score` from context, or return None to drop the candidate."""
        return result


def flag(result: RecognizerResult, key: str, value: object) -> None:
    result.recognition_metadata = {**(result.recognition_metadata or {}), key: value}
