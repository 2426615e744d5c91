"""spaCy PERSON, checked: `PERSON`.

Presidio's SpacyRecognizer reports whatever the small English model tags as a
person. In care records that includes labels (`Carer`, `Tel`, `Neighbour`),
street names (`Mill Lane`), field names and places glued to postcodes. This
recognizer keeps spaCy's other entity types as they are and drops a PERSON
span that has a digit or `_` in it, does not start with a capital letter, is
only a word from `not_names.txt`, or ends with a street word.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from recognizers.context import Terms, normalise_words
from recognizers.vocabulary import load_vocabulary

STREET_WORDS = frozenset({
    "lane", "road", "street", "avenue", "square", "crescent", "close", "drive", "way",
    "terrace", "place", "gardens", "court", "grove", "row", "walk", "rd", "st", "ave",
})


class CheckedSpacyRecognizer(SpacyRecognizer):
    def __init__(self, supported_entities: list[str],
                 vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        super().__init__(supported_language="en", supported_entities=supported_entities)
        self.not_names = Terms(load_vocabulary("not_names.txt", vocabulary_dirs))

    def is_plausible_name(self, value: str) -> bool:
        words = value.split()
        if not words or any(ch.isdigit() or ch == "_" for ch in value):
            return False
        if not words[0][0].isupper() or words[-1].casefold().strip(".,") in STREET_WORDS:
            return False
        normalised = normalise_words(value)
        return not self.not_names.equals(normalised)

    def without_leading_labels(self, text: str, result):
        """`Carer Leanne Bishop` -> `Leanne Bishop`: a role word spaCy took into the name
        stays outside it (it is what tells whose name it is)."""
        while True:
            value = text[result.start:result.end]
            first, _, rest = value.partition(" ")
            if not rest.strip() or not self.not_names.equals(normalise_words(first)):
                return result
            result.start += len(first) + len(rest) - len(rest.lstrip()) + 1

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        results = [self.without_leading_labels(text, result)
                   if result.entity_type == "PERSON" else result for result in results]
        return [
            result for result in results
            if result.entity_type != "PERSON"
            or self.is_plausible_name(text[result.start:result.end])
        ]
