"""spaCy PERSON, checked: `PERSON`.

Presidio's SpacyRecognizer reports whatever the small English model tags as a
person. In care records that includes labels (`Carer`, `Tel`, `Neighbour`),
street names (`Mill Lane`), field names and places glued to postcodes. This
recognizer keeps spaCy's other entity types as they are and drops a PERSON
span that has a digit or `_` in it, does not start with a capital letter, is
only a word from `not_names.txt`, ends with a street word, or holds a clinical word:
a word of `clinical_words.txt` (nursing shorthand, findings, devices, procedures:
`ABD SOFT`, `FOLEY DRAINING`) or a condition or medication from the health
vocabularies (`GALLSTONE PANCREATITIS`, `Procardia XL`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.context import Terms, normalise_words
from recognizers.vocabulary import load_vocabulary

# A block read in capitals: at least this many letters, nearly all capitals.
CAPITALS_MIN_LETTERS = 12
CAPITALS_SHARE = 0.85
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev",
                    "revd"})
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
STREET_WORDS = frozenset({
    "lane", "road", "street", "avenue", "square", "crescent", "close", "drive", "way",
    "terrace", "place", "gardens", "court", "grove", "row", "walk", "rd", "st", "ave",
})


def clinical_terms(vocabulary_dirs: Sequence[str | Path] = ()) -> Terms:
    """Words and phrases of clinical text that are never part of a person's name."""
    return Terms([*load_vocabulary("clinical_words.txt", vocabulary_dirs),
                  *load_vocabulary("health_conditions.txt", vocabulary_dirs),
                  *load_vocabulary("medications.txt", vocabulary_dirs)])


class CheckedSpacyRecognizer(SpacyRecognizer):
    def __init__(self, supported_entities: list[str],
                 vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        super().__init__(supported_language="en", supported_entities=supported_entities)
        self.not_names = Terms(load_vocabulary("not_names.txt", vocabulary_dirs))
        self.clinical = clinical_terms(vocabulary_dirs)

    def is_plausible_name(self, value: str) -> bool:
        words = value.split()
        if not words or any(ch.isdigit() or ch == "_" for ch in value):
            return False
        if not words[0][0].isupper() or words[-1].casefold().strip(".,") in STREET_WORDS:
            return False
        normalised = normalise_words(value)
        return not self.not_names.equals(normalised) and not self.clinical.found_in(normalised)

    def without_leading_labels(self, text: str, result):
        """`Carer Leanne Bishop` -> `Leanne Bishop`: a role word spaCy took into the name
        stays outside it (it is what tells whose name it is)."""
        while True:
            value = text[result.start:result.end]
            first, _, rest = value.partition(" ")
            if not rest.strip() or not self.not_names.equals(normalise_words(first)):
                return result
            result.start += len(first) + len(rest) - len(rest.lstrip()) + 1

    def is_common_word(self, word: str) -> bool:
        """A word of clinical or everyday text, never part of a name."""
        normalised = normalise_words(word)
        return (normalised.strip() in STOP_WORDS or self.not_names.equals(normalised)
                or self.clinical.found_in(normalised))

    def truecased(self, text: str) -> str:
        """Text in capitals as the model reads best (it learnt names from mixed case):
        common and clinical words in lower case, the rest (names, titles) capitalised;
        other text unchanged. Offsets are kept: a word whose case changes its length
        (`ß`) stays as it is."""
        letters = [char for char in text if char.isalpha()]
        upper = sum(1 for char in letters if char.isupper())
        if len(letters) < CAPITALS_MIN_LETTERS or upper < CAPITALS_SHARE * len(letters):
            return text
        return _WORD.sub(self._truecased_word, text)

    def _truecased_word(self, match: regex.Match) -> str:
        word = match[0]
        if not word.isupper() or len(word) < 2:
            return word
        cased = (word.capitalize() if word.casefold() in TITLES
                 or not self.is_common_word(word) else word.lower())
        return cased if len(cased) == len(word) else word

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        results = [self.without_leading_labels(text, result)
                   if result.entity_type == "PERSON" else result for result in results]
        return [
            result for result in results
            if result.entity_type != "PERSON"
            or self.is_plausible_name(text[result.start:result.end])
        ]
