"""Base of the health recognizers: mentions from the health vocabulary, one pass per text.

`HealthConditionRecognizer` and `MedicationRecognizer` read the same mentions
(`recognizers.health_vocabulary`: one automaton pass per text, shared), each
keeping its own entity, at a fixed score. Presidio's constructor arguments are
accepted (`supported_entity` renames the entity reported; `context` is kept as
Presidio keeps it). A vocabulary whose words name streets and houses too
(`NAMES_PLACES`: the medicines' herbs and plants, `74 Heather View`, `Camomile Cottage`)
reports none inside a written address (`recognizers.addresses`) or opening a street's or
home's name (`Lavender Close`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers.addresses import in_spans, places
from recognizers.health_vocabulary import Mention, health_vocabulary, mentions_in


class HealthTermRecognizer(EntityRecognizer):
    ENTITY = ""
    NAME = ""
    SCORE = 0.7
    LABEL_WORDS: tuple[str, ...] = ()
    NAMES_PLACES = False  # whether the vocabulary's words are streets' and houses' too

    def __init__(self, patterns: None = None, context: list[str] | None = None,
                 supported_language: str = "en", supported_entity: str | None = None,
                 vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        self.vocabulary_dirs = tuple(str(folder) for folder in vocabulary_dirs)
        self.vocabulary = health_vocabulary(self.vocabulary_dirs)
        super().__init__(supported_entities=[supported_entity or self.ENTITY], name=self.NAME,
                         supported_language=supported_language,
                         context=context or list(self.LABEL_WORDS))

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        for mention in self.mentions(text):
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

    def mentions(self, text: str) -> list[Mention]:
        """This recognizer's mentions in text, less those that name a place."""
        found = [mention for mention in mentions_in(self.vocabulary, text)
                 if mention.entity == self.ENTITY]
        if not (self.NAMES_PLACES and found):
            return found
        where = places(self.vocabulary_dirs)
        addresses = where.address_spans(text)
        return [mention for mention in found
                if not in_spans(addresses, mention.start, mention.end)
                and not where.opens_home_name(text, mention.start, mention.end)]
