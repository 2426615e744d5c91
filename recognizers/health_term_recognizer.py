"""Base of the health recognizers: mentions from the health vocabulary, one pass per text.

`HealthConditionRecognizer` and `MedicationRecognizer` read the same mentions
(`recognizers.health_vocabulary`: one automaton pass per text, shared), each
keeping its own entity, at a fixed score. Presidio's constructor arguments are
accepted (`supported_entity` renames the entity reported; `context` is kept as
Presidio keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers.health_vocabulary import health_vocabulary, mentions_in


class HealthTermRecognizer(EntityRecognizer):
    ENTITY = ""
    NAME = ""
    SCORE = 0.7
    LABEL_WORDS: tuple[str, ...] = ()

    def __init__(self, patterns: None = None, context: list[str] | None = None,
                 supported_language: str = "en", supported_entity: str | None = None,
                 vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        self.vocabulary = health_vocabulary(tuple(str(folder) for folder in vocabulary_dirs))
        super().__init__(supported_entities=[supported_entity or self.ENTITY], name=self.NAME,
                         supported_language=supported_language,
                         context=context or list(self.LABEL_WORDS))

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        for mention in mentions_in(self.vocabulary, text):
            if mention.entity != self.ENTITY:
                continue
            score = self.SCORE
            explanation = AnalysisExplanation(
                recognizer=self.name, original_score=score, pattern_name=mention.kind,
                textual_explanation=f"health vocabulary: {mention.kind}")
            results.append(RecognizerResult(
                entity_type=self.supported_entities[0], start=mention.start, end=mention.end,
                score=score, analysis_explanation=explanation,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True}))
        return results
