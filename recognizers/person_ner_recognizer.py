"""spaCy PERSON, checked: `PERSON`.

Presidio's SpacyRecognizer reports whatever the small English model tags as a
person. In care records that includes labels (`Carer`, `Tel`, `Neighbour`),
street names (`Mill Lane`), field names and places glued to postcodes, and its
spans take in a field label (`Sandra Jones DOB`) or leave out part of a name
(`Dorothy Cartwright` of `Teresa Dorothy Cartwright`, `Teresa` of `CARTWRIGHT,
Teresa`). This recognizer keeps spaCy's other entity types as they are; a PERSON
span ends before a field label (`field_labels.txt`: one vocabulary of phrases,
shared by every name rule: `name_span`), takes in a forename or a `SURNAME,` written
just before it, and is dropped when it has a digit or `_` in it, does not start with
a capital letter, is only a label or a word from `not_names.txt`, ends with a word that
names a place (`place_words.txt`: `Mill Lane`, `Hawthorn House`), or holds a clinical word:
a word of `clinical_words.txt` (nursing shorthand, findings, devices, procedures:
`ABD SOFT`, `FOLEY DRAINING`) or a condition or medication from the health
vocabularies (`GALLSTONE PANCREATITIS`, `Procardia XL`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.addresses import places
from recognizers.compiled_patterns import prebuilt
from recognizers.context import Terms, label_readings, normalise_words
from recognizers.health_vocabulary import PRODUCTS_FILE, health_vocabulary, written_as_product
from recognizers.vocabulary import (
    SURNAME_PARTICLES,
    TITLES,
    ends_as_organisation,
    load_vocabulary,
)

# A block read in capitals: at least this many letters, nearly all capitals.
CAPITALS_MIN_LETTERS = 12
CAPITALS_SHARE = 0.85
# Titles as written in capitals: `MX` there is the clinical abbreviation (metastasis,
# management), not the title.
CAPITALS_TITLES = TITLES - {"mx"}
_WORD = prebuilt(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# `CARTWRIGHT, ` just before a forename (one to three words in capitals).
_CAPS_WORD = r"\p{Lu}(?:\p{Lu}|['’\-](?=\p{Lu}))*\p{Lu}"
_SURNAME_FIRST_BEFORE = prebuilt(
    rf"(?<![\p{{L}}'’\-])({_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}}),[ ]+$")
# A capitalised word just before a name: `Teresa ` of `Teresa Dorothy Cartwright`.
_FORENAME_BEFORE = prebuilt(
    r"(?<![\p{L}'’\-.])(\p{Lu}\p{Ll}+(?:['’\-]\p{Lu}?\p{Ll}+)*)[ ]$")
# What comes before a word inside a sentence: a lower-case word (after a label's colon
# a capitalised word is as likely a role: `notes: Daughter Susan Thompson`).
_INSIDE_SENTENCE = prebuilt(r"\p{Ll}[,;]?[ \t]+$")
_WORD_SPAN = prebuilt(r"\S+")
# What separates a list item's parts (`07:12  Market St - Joanne ROONEY (...)`, `Bed 3 |
# Kieran DOYLE`, `Ward 7: SMITH, Ann`): a name never spans one.
LIST_SEPARATOR = prebuilt(r"[ \t]+[-–—|][ \t]+|:[ \t]+")
# A surname in capitals right after a forename spaCy read alone (`Joanne` of `Joanne
# ROONEY`): two letters at least, `Mc`/`Mac` as written (`McKAY`).
_CAPS_SURNAME_AFTER = prebuilt(
    r"[ ]((?:Ma?c)?\p{Lu}(?:\p{Lu}|['’\-](?=\p{Lu}))*\p{Lu})(?![\p{L}'’\-])")
# Words before a place, never before a person's full name (`sleeping outside Ferrier
# House`): a person's name after one is their home's, a possessive. Not `at` nor `in`:
# people are shouted at, lashed out at, and in a photograph (`spat at Margaret Hollis`).
PLACE_PREPOSITIONS = frozenset({"outside", "near", "opposite", "behind", "inside"})
_WORD_BEFORE = prebuilt(r"([\p{L}]+)[ \t]+$")
# The rest of a capitalised run after a candidate: the rest of its last word, then words
# one space apart in title case (`Brightstone Live-` + `in Care`, `Kestrel` + ` Homecare
# Ltd`); a word in capitals is a label, not the run's (`Jane Smith NHS 485 ...`).
_RUN_AFTER = prebuilt(r"[\p{L}'’\-]*(?:[ ]\p{Lu}\p{Ll}[\p{L}'’\-]*)*")


def not_name_terms(vocabulary_dirs: Sequence[str | Path] = ()) -> Terms:
    """Words that alone are never a person's name: `not_names.txt`, the field labels, and
    the labels other languages' form labels read as (`form_labels.txt`: `Cyswllt`, read
    `contact`, is no name nor a name's first word)."""
    return Terms([*load_vocabulary("not_names.txt", vocabulary_dirs),
                  *load_vocabulary("field_labels.txt", vocabulary_dirs), *label_readings()])


def product_terms(vocabulary_dirs: Sequence[str | Path] = ()) -> Terms:
    """Products named with a title's or an abbreviation's letters (`MS Teams`,
    `product_names.txt`: the health vocabulary reads them as no term too): never a name."""
    return Terms(load_vocabulary(PRODUCTS_FILE, vocabulary_dirs))


def names_a_product(products: Terms, text: str, start: int, end: int,
                    word_before: bool = True) -> bool:
    """Whether the span, or the word before it and the span, begins with a product's
    name written as its maker writes it (`MS Teams`: spaCy may take `Teams` alone).
    `Ms Edge` is a woman, `Ms Access-Brown` and `MS EDGE` too."""
    before = _WORD_BEFORE.search(text[max(0, start - 20):start]) if word_before else None
    words = ([before[1]] if before else []) + text[start:end].split()
    return any(products.equals(normalise_words(phrase)) and written_as_product(phrase)
               for count in range(2, len(words) + 1)
               if (phrase := " ".join(words[:count])))


class ClinicalWords:
    """Words and phrases of clinical text that are never part of a person's name: the
    words of `clinical_words.txt`, and the conditions, medicines and abbreviations of
    the health vocabularies (`recognizers.health_vocabulary`: the same definition the
    health recognizers report from), everyday English words among them excepted."""

    def __init__(self, vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        self.words = Terms(load_vocabulary("clinical_words.txt", vocabulary_dirs))
        self.health = health_vocabulary(tuple(str(folder) for folder in vocabulary_dirs))

    def found_in(self, value: str) -> bool:
        """Whether the raw text `value` holds a clinical word."""
        return (self.words.found_in(normalise_words(value))
                or self.health.names_a_term(value))

    def brand_forename(self, words: Sequence[str], index: int) -> bool:
        """Whether `words[index]` of a name a rule read (after a title, in a name field,
        before a date of birth) is a given name that is also a medicine's trade name (`Mr
        Tobi Davies`, `Yasmin Khan (DOB ...)`): one word written as a name is (capital,
        then lower case), only a trade name (`HealthVocabulary.brand_only`: no generic,
        condition or clinical word), with another word of the name that is none of these
        (`Tobi Podhaler`, `Yasmin Tobi`: no name)."""
        word = words[index].strip(",")
        return (is_name_cased(word) and self.health.brand_only(word) and any(
            position != index and is_name_cased(other := words[position].strip(","))
            and not self.found_in(other) for position in range(len(words))))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where text holds a condition, medicine or abbreviation of the vocabularies
        (everyday words excepted): a name overlapping one is no name (`FUGAX EPISODE`)."""
        return self.health.term_spans(text)


def is_name_cased(word: str) -> bool:
    """A word written as a name is: a capital, then lower case (`Tobi`, `O'Neill`)."""
    return len(word) > 1 and word[0].isupper() and any(char.islower() for char in word[1:]) \
        and not any(char.isupper() for char in word[1:2])


def clinical_terms(vocabulary_dirs: Sequence[str | Path] = ()) -> ClinicalWords:
    return ClinicalWords(vocabulary_dirs)


def in_capitals(text: str) -> bool:
    """A block written in capitals (a nursing note): at least `CAPITALS_MIN_LETTERS`
    letters, `CAPITALS_SHARE` of them capitals."""
    letters = [char for char in text if char.isalpha()]
    upper = sum(1 for char in letters if char.isupper())
    return len(letters) >= CAPITALS_MIN_LETTERS and upper >= CAPITALS_SHARE * len(letters)


def field_labels(vocabulary_dirs: Sequence[str | Path] = ()) -> Terms:
    return Terms(load_vocabulary("field_labels.txt", vocabulary_dirs))


def name_end(text: str, start: int, end: int, labels: Terms) -> int | None:
    """The end of the name text[start:end] before its first field label (the label
    read to the end of its line: `D.O.B.`, `NHS No`), without the separators before
    it; None when the name starts with one."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for word in _WORD_SPAN.finditer(text, start, end):
        if not normalise_words(text[word.start():line_end][:40]).startswith(labels.padded):
            continue
        kept = text[start:word.start()].rstrip(" \t,;:-(")
        return start + len(kept) if kept else None
    return end


class CheckedSpacyRecognizer(SpacyRecognizer):
    def __init__(self, supported_entities: list[str],
                 vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        super().__init__(supported_language="en", supported_entities=supported_entities)
        self.not_names = not_name_terms(vocabulary_dirs)
        self.labels = field_labels(vocabulary_dirs)
        self.clinical = clinical_terms(vocabulary_dirs)
        self.products = product_terms(vocabulary_dirs)
        self.places = places(tuple(str(folder) for folder in vocabulary_dirs))

    def is_plausible_name(self, value: str) -> bool:
        words = value.split()
        if not words or any(ch.isdigit() or ch == "_" for ch in value):
            return False
        if not words[0][0].isupper() or self.places.names_place(value):
            return False
        if any(word.islower() and word not in SURNAME_PARTICLES for word in words):
            return False  # `Cinder St hub`: a place described, not a name
        if any(word in ("/", "&") for word in words):
            return False  # `Gwasanaeth Teleofal / Telecare & Falls Response`: a service
        normalised = normalise_words(value)
        return not self.not_names.equals(normalised) and not self.clinical.found_in(value)

    def without_leading_labels(self, text: str, result):
        """`Carer Leanne Bishop` -> `Leanne Bishop`: a role word spaCy took into the name
        stays outside it (it is what tells whose name it is)."""
        while True:
            value = text[result.start:result.end]
            first, _, rest = value.partition(" ")
            if not rest.strip() or not self.not_names.equals(normalise_words(first)):
                return result
            result.start += len(first) + len(rest) - len(rest.lstrip()) + 1

    def bounded(self, text: str, result):
        """The name as written: without labels either side (`Carer Leanne Bishop`,
        `Sandra Jones DOB`), with the forename or `SURNAME,` just before it that spaCy
        left out; None when no name is left."""
        result = self.without_leading_labels(text, result)
        end = name_end(text, result.start, result.end, self.labels)
        if end is None:
            return None
        # spaCy may end a name with the line break after it (`Amandeep Kaur Dhillon\n` over
        # a job title): the name ends where its words do, so its line is its own.
        result.end = result.start + len(text[result.start:end].rstrip())
        result.start = self.name_start(text, result.start)
        return result

    def name_start(self, text: str, start: int) -> int:
        """Where the name spaCy found at `start` begins: a surname in capitals and a
        comma before a forename (`CARTWRIGHT, Teresa`: the NHS's list convention), or a
        forename before it (`Teresa` of `Teresa Dorothy Cartwright`) when that word is
        inside a sentence (after a lower-case word): a word that opens a sentence or a
        label's value is as likely a verb or a role (`Visited Jane Smith`, `Daughter
        Susan Thompson`)."""
        before = text[max(0, start - 60):start]
        if (listed := _SURNAME_FIRST_BEFORE.search(before)) and not any(
                self.is_common_word(word) for word in listed[1].split()):
            return start - len(before) + listed.start(1)
        forename = _FORENAME_BEFORE.search(before)
        if (forename is None or self.is_common_word(forename[1]) or forename[1].casefold()
                in TITLES or self.labels.found_in(normalise_words(forename[1]))):
            return start
        if not _INSIDE_SENTENCE.search(before[:forename.start(1)]):
            return start
        return start - len(before) + forename.start(1)

    def is_common_word(self, word: str) -> bool:
        """A word of clinical or everyday text, never part of a name."""
        normalised = normalise_words(word)
        return (normalised.strip() in STOP_WORDS or self.not_names.equals(normalised)
                or self.clinical.found_in(word))

    def truecased(self, text: str) -> str:
        """Text in capitals as the model reads best (it learnt names from mixed case):
        common and clinical words in lower case, the rest (names, titles) capitalised;
        other text unchanged. Offsets are kept: a word whose case changes its length
        (`ß`) stays as it is."""
        if not in_capitals(text):
            return text
        terms = self.clinical.spans(text)  # `AMAUROSIS FUGAX`: its words are no names
        return _WORD.sub(lambda match: self._truecased_word(match, terms), text)

    def _truecased_word(self, match: regex.Match, terms: list[tuple[int, int]]) -> str:
        word = match[0]
        if not word.isupper() or len(word) < 2:
            return word
        if any(start <= match.start() < end for start, end in terms):
            return word.lower() if len(word.lower()) == len(word) else word
        cased = (word.capitalize() if word.casefold() in CAPITALS_TITLES
                 or not self.is_common_word(word) else word.lower())
        return cased if len(cased) == len(word) else word

    def parts(self, text: str, result) -> list:
        """The span cut at list separators (`Market St - Bartosz SZYMANSKI`: a place, then
        the person): each part is judged as a name of its own."""
        value = text[result.start:result.end]
        cuts = [(match.start(), match.end()) for match in LIST_SEPARATOR.finditer(value)]
        if not cuts:
            return [result]
        bounds = [0, *(edge for cut in cuts for edge in cut), len(value)]
        return [RecognizerResult(result.entity_type, result.start + start, result.start + end,
                                 result.score, result.analysis_explanation,
                                 result.recognition_metadata)
                for start, end in zip(bounds[::2], bounds[1::2], strict=True) if end > start]

    def with_surname_in_capitals(self, text: str, result):
        """`Joanne` -> `Joanne ROONEY`: a list's surname in capitals after a forename in
        mixed case is the same name (spaCy leaves it out), unless it is a common,
        clinical or label word (`Jane Smith DOB`, `Jane ASAP`)."""
        value = text[result.start:result.end]
        after = _CAPS_SURNAME_AFTER.match(text, result.end)
        if (after is None or value.isupper() or not value[-1:].islower()
                or self.is_common_word(after[1])
                or self.labels.found_in(normalise_words(after[1]))):
            return result
        result.end = after.end(1)
        return result

    def after_place_preposition(self, text: str, result) -> bool:
        """A candidate right after `outside`, `near`... names a place (`outside Ferrier
        House`, `near Marlowe Arcade`), unless it is a possessive (`at Jane Smith's`: her home)."""
        before = _WORD_BEFORE.search(text[max(0, result.start - 20):result.start])
        return (before is not None and before[1].casefold() in PLACE_PREPOSITIONS
                and not text[result.start:result.end].endswith(("'s", "’s")))

    def heads_organisation(self, text: str, result) -> bool:
        """A candidate that is (the head of) an organisation's name: its capitalised run ends
        as one does (`Brightstone Live-in Care`, `Kestrel Homecare Ltd`: a care agency in a
        brokerage log, never a person, and with a client's date of birth on its line whose
        name was not read it made a row of nobody)."""
        run = text[result.start:_RUN_AFTER.match(text, result.end).end()]
        return ends_as_organisation(normalise_words(run).split())

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        terms = self.clinical.spans(text) if results else []
        kept = []
        for result in results:
            if result.entity_type != "PERSON":
                kept.append(result)
            elif (name := self.checked(text, result, terms)) is not None:
                kept.append(name)
        return kept

    def checked(self, text: str, result, terms: list[tuple[int, int]]):
        """The name of a PERSON span, or None. A span spaCy ran across list separators
        keeps its last part that is a name (`Bryn Awel - Dafydd Rhys JENKINS (...)`: an
        item's head runs from where to whom, and the person is the part next to their
        details); the earlier parts say where, never who."""
        names = [name for part in self.parts(text, result)
                 if (name := self.name_of(text, part, terms)) is not None]
        return names[-1] if names else None

    def name_of(self, text: str, result, terms: list[tuple[int, int]]):
        result = self.bounded(text, result)
        if result is None or self.after_place_preposition(text, result) or names_a_product(
                self.products, text, result.start, result.end) or self.heads_organisation(
                    text, result):
            return None
        result = self.with_surname_in_capitals(text, result)
        if not self.is_plausible_name(text[result.start:result.end]) or any(
                start < result.end and result.start < end for start, end in terms):
            return None
        return result
