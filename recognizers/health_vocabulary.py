"""Health language in one pass: conditions, medicines, abbreviations and clinical headings.

The vocabularies (`data/health_conditions*.txt`, `data/medications*.txt`, built from
ICD-10-CM, the Disease Ontology, the Symptom Ontology, DrugBank's open vocabulary
and the FDA Orange Book by `tools/build_vocabularies.py`; see `data/README.md`)
hold about 43,000 terms with their British spellings. They are matched with one
Aho-Corasick automaton over the text folded to lower case with punctuation and
line breaks as spaces (same length, so offsets are the text's), each term padded
with a space each side: a hit is a whole-word match by construction. Overlapping
hits keep the longest; a phrase broken over a line is no hit.

When a mention is health data about someone (measured on held-out medical
transcriptions and news articles: `bench/health_language.py`):
- in a record's cell (the short value of a `field: value` line, or a short text read
  on its own) or after a frame (`history of`, `diagnosed with`, `Diagnosis:`);
- with a clinical sign within `CONTEXT_CHARS`: a cue of clinical records (`mg`,
  `c/o`, `NHS number`: `clinical_cues.txt`) or a clinical heading;
- a term that needs no context (`radiculopathy`, `Percocet`'s generic) also when
  another term (not the same words) lies within `CONTEXT_CHARS`: one disease named
  in a news story is not a record, two near each other in a note are.
Terms that are everyday English (`cold`, `shock`, `gold`: the `*_in_context.txt`
lists), trade names and clinical abbreviations (`MI`, `AF`, `CHF`, matched in
capitals) count only with a sign, a frame, a cell or a kept term nearby, and never
in a field's name (`Date of birth`).

A clinical heading at the start of a line (`PREOPERATIVE DIAGNOSIS:`, `PMH`,
`Allergies:`, `Medication`: `clinical_headings.txt`) is a sign, and makes what
follows it health data: its value (the rest of the line, or the next line when the
heading stands alone) is reported as the heading's entity when no term in it is; what
follows a comma, a bracket or a spaced dash is a comment on it (`bipolar affective
disorder, on lithium`), so only the first item is reported, and only a term in that
item stands for it.
Negation never removes a mention: `no history of diabetes` is a statement about a
person's health.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick
import regex as re

from recognizers.spelling import uk_spelling
from recognizers.vocabulary import DATA_DIR, read_entries

CONDITION = "HEALTH_CONDITION"
MEDICATION = "MEDICATION"
CONTEXT_ONLY = "-"  # a heading or cue that marks clinical text but reports nothing
FRAME = ">"  # a cue that counts for a term written just after it (`history of`)
# How far after a frame its term may start (`history of severe asthma`, `denies any`).
FRAME_CHARS = 12
# How far a clinical sign makes a context-dependent mention count (about two lines
# of a note either side).
CONTEXT_CHARS = 250
# A heading's value: up to the end of its first sentence, at most this long.
HEADING_VALUE_CHARS = 120

# What each vocabulary file holds: (file, entity, needs clinical context, everyday
# English: a word such as `cold` or `Heather` may still be part of a name).
TERM_FILES: tuple[tuple[str, str, bool, bool], ...] = (
    ("health_conditions.txt", CONDITION, False, False),
    ("medications.txt", MEDICATION, False, False),
    ("health_conditions_in_context.txt", CONDITION, True, True),
    ("medications_in_context.txt", MEDICATION, True, True),
    ("medication_trade_names.txt", MEDICATION, True, False),
    ("clinical_abbreviations.txt", CONDITION, True, False),
)
CUES_FILE = "clinical_cues.txt"
HEADINGS_FILE = "clinical_headings.txt"
# Products named with an abbreviation's letters (`MS Teams`): read as no term, so the
# longest match takes the abbreviation inside them out, where written as their maker
# writes them (`written_as_product`).
PRODUCTS_FILE = "product_names.txt"
NOT_A_TERM = "!"
_PRODUCT_WORDS = re.compile(r"[\s\-]+")

# ASCII punctuation, spaces and line breaks read as a word gap (a hit across a line
# break is dropped: no term crosses one).
_GAPS = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})
_LINE_BREAK = re.compile(r"[\n\r]")


def fold(text: str) -> str:
    """Lower case, ASCII punctuation as spaces, same length as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):  # `İ` lowers to two characters: keep such as they are
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    return lowered.translate(_GAPS)


def term_key(term: str) -> str:
    """A term as the automaton stores it: folded, single spaces, padded."""
    return " " + " ".join(fold(term).split()) + " "


def written_as_product(phrase: str) -> bool:
    """Whether a phrase is written as a maker writes a product's name: its first word in
    capitals, each later word a number or capitalised in mixed case (`MS Teams`, `MS 365`).
    `MS works`, `MS forms part of` and `MS EDGE` (a woman called Edge, in a capitals
    record) are not."""
    first, *rest = _PRODUCT_WORDS.split(phrase.strip())
    return is_capitals(first) and bool(rest) and all(
        word[:1].isdigit() or (word[:1].isupper() and any(c.islower() for c in word))
        for word in rest)


def is_capitals(term: str) -> bool:
    letters = [char for char in term if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


@dataclass(frozen=True)
class Term:
    entity: str  # CONDITION, MEDICATION or CONTEXT_ONLY (a cue)
    needs_context: bool
    capitals: bool  # matched only where written in capitals (`MI`, not `mi`)
    everyday: bool  # an everyday English word (`cold`, `sage`): may be part of a name


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    kind: str  # "term", "abbreviation", "heading value"


class TermKeys:
    """Terms by key, as the vocabulary files give them."""

    def __init__(self) -> None:
        self.terms: dict[str, Term] = {}

    def add(self, entry: str, term: Term) -> None:
        key = term_key(entry)
        if len(key) <= 2:
            return
        known = self.terms.get(key)
        # A term in two lists keeps the stronger reading: reported over cue, no
        # context needed over needed.
        if known is not None and (is_reported(known) or not is_reported(term)) \
                and (not known.needs_context or term.needs_context):
            return
        self.terms[key] = term


def automaton_of(keys: Sequence[str]) -> ahocorasick.Automaton:
    """One automaton for the keys; a hit's value is its key's index in `keys`."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, key in enumerate(keys):
        automaton.add_word(key, index)
    automaton.make_automaton()
    return automaton


class HealthVocabulary:
    """The health vocabularies of phiscan and of a user's folders, as one automaton."""

    def __init__(self, keys: dict[str, Term], headings: Iterable[str],
                 automaton: ahocorasick.Automaton | None = None) -> None:
        """`keys`: every term as `term_key` stores it; `automaton`: theirs, as
        `automaton_of(keys)` builds it (given when it was compiled beforehand)."""
        self.keys = keys
        self.key_list = list(keys)
        self.automaton = automaton if automaton is not None else automaton_of(self.key_list)
        self.heading_lines = list(headings)
        self.headings = Headings(self.heading_lines)

    @classmethod
    def from_files(cls, vocabulary_dirs: Sequence[str | Path] = ()) -> HealthVocabulary:
        keys = TermKeys()
        for name, entity, needs_context, everyday in TERM_FILES:
            for entry in entries(name, vocabulary_dirs):
                keys.add(entry, Term(entity, needs_context, name.startswith("clinical_abbr")
                                     and is_capitals(entry), everyday))
        for entry in entries(CUES_FILE, vocabulary_dirs):
            frame = entry.startswith(FRAME + " ")
            entry = entry.removeprefix(FRAME + " ")
            keys.add(entry, Term(FRAME if frame else CONTEXT_ONLY, False, is_capitals(entry),
                                 True))
        for entry in entries(PRODUCTS_FILE, vocabulary_dirs):
            keys.add(entry, Term(NOT_A_TERM, False, False, True))
        return cls(keys.terms, entries(HEADINGS_FILE, vocabulary_dirs))

    def hits(self, text: str) -> list[tuple[int, int, str, Term]]:
        """Every whole-word occurrence of a term (start, end, key, term), longest
        first where they overlap."""
        padded = " " + fold(text) + " "
        found = []
        for last, index in self.automaton.iter(padded):
            key = self.key_list[index]
            start, end = last - len(key) + 1, last - 1
            term = self.keys[key]
            if term.capitals and not is_capitals(text[start:end]):
                continue
            if term.entity == NOT_A_TERM and not written_as_product(text[start:end]):
                continue
            if " " in key.strip() and _LINE_BREAK.search(text, start, end):
                continue
            found.append((start, end, key, term))
        found.sort(key=lambda hit: (hit[0], -hit[1]))
        kept: list[tuple[int, int, str, Term]] = []
        for hit in found:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept

    def mentions(self, text: str) -> list[Mention]:
        """The health mentions of text: terms in clinical context and the values of
        clinical headings."""
        headings = self.headings.find(text)
        labels = [(heading.start, heading.end) for heading in headings]
        # A heading's own words (`ALLERGIES`) are a label, not a mention.
        hits = [hit for hit in self.hits(text) if not any(
            start <= hit[0] < end for start, end in labels)]
        context = Context(text, hits, headings)
        terms = [(start, end, key, term) for start, end, key, term in hits if is_reported(term)]
        specific = {start for start, end, key, term in terms if not term.needs_context
                    and (context.holds(start, end, term) or context.other_term_near(start, key)
                         or context.record_item(start, end, term))}
        context.kept_terms = sorted(specific)
        found = [Mention(start, end, term.entity, "abbreviation" if term.capitals else "term")
                 for start, end, _key, term in terms
                 if (start in specific if not term.needs_context
                     else context.holds_for_everyday(start, end, term))]
        # A heading's first item is reported when no term inside it is (`Left malleolus
        # fracture`): terms found there are the findings (`PMH: HTN, DM`). What follows a
        # comma, a bracket or a dash is a comment on it (`bipolar affective disorder, on
        # lithium`: a medicine in the comment is no reason to miss the condition).
        starts = [mention.start for mention in found]
        for heading in headings:
            end = first_item_end(text, heading.value_start, heading.value_end)
            if heading.entity != CONTEXT_ONLY and end > heading.value_start and not (
                    heading.value_start <= next(iter(starts[bisect_left(
                        starts, heading.value_start):]), end) < end):
                found.append(Mention(heading.value_start, end, heading.entity, "heading value"))
        return sorted(found, key=lambda mention: (mention.start, mention.end))

    def term_spans(self, text: str) -> list[tuple[int, int]]:
        """Where text holds a condition, medicine or clinical abbreviation that is no
        everyday English word."""
        return [(start, end) for start, end, _k, term in self.hits(text)
                if is_reported(term) and not term.everyday]

    def brand_only(self, word: str) -> bool:
        """Whether a word is a medicine's trade name and nothing else (`Tobi`, `Yasmin`: no
        generic, condition or abbreviation of that spelling; read as a medicine only in
        clinical context): such a word may be a given name in a name's position
        (`recognizers.person_ner_recognizer.ClinicalWords.brand_forename`)."""
        hits = self.hits(word)
        return (len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(word)
                and hits[0][3] == Term(MEDICATION, True, False, False))

    def names_a_term(self, text: str) -> bool:
        """Whether text holds a condition, medicine or clinical abbreviation that is no
        everyday English word (`Procardia`, `Amaurosis Fugax`, `HTN`): such words are
        never part of a person's name. Everyday ones (`Heather`, `Rice`) may be."""
        return any(is_reported(term) and not term.everyday
                   for _s, _e, _k, term in self.hits(text))


class Context:
    """The clinical signs of one text: cues and headings (`signs`), frames, and the
    terms kept on their own (`kept_terms`, set once they are known)."""

    def __init__(self, text: str, hits: list[tuple[int, int, str, Term]],
                 headings: list[Heading]) -> None:
        self.text = text
        self.signs = sorted([start for start, _e, _k, term in hits if term.entity == CONTEXT_ONLY]
                            + [heading.start for heading in headings])
        self.frame_ends = [end for _s, end, _k, term in hits if term.entity == FRAME]
        self.terms = [(start, key) for start, _e, key, term in hits
                      if is_reported(term) and not term.needs_context]
        self.kept_terms: list[int] = []
        self.people: list[int] | None = None  # where the text names a person (on first use)

    def holds(self, start: int, end: int, term: Term) -> bool:
        """A cue or heading nearby, a frame just before, or a record's cell."""
        return (near(self.signs, start, end) or framed(self.text, self.frame_ends, start)
                or in_field(self.text, start, term.everyday))

    def other_term_near(self, start: int, key: str) -> bool:
        """Another term (not the same words again) within CONTEXT_CHARS."""
        index = bisect_left(self.terms, (start - CONTEXT_CHARS, ""))
        for other_start, other_key in self.terms[index:]:
            if other_start > start + CONTEXT_CHARS:
                return False
            if other_key != key:
                return True
        return False

    def record_item(self, start: int, end: int, term: Term) -> bool:
        """A condition written as an item of a person's record: a clause of its own, up to
        `ITEM_WORDS` words before it (`Advanced dementia.`, `Lives alone, advanced
        dementia.`, `- vascular dementia -`), in a text that names a person as a record does
        (`PERSON_SIGNS`: a title and a name, a person's field) within CONTEXT_CHARS. News
        names a disease inside a sentence (`advanced dementia affects ...`), not as an
        item."""
        if term.entity != CONDITION or not is_item(self.text, start, end):
            return False
        if self.people is None:
            self.people = [found.start() for found in PERSON_SIGNS.finditer(self.text)]
        return near(self.people, start, end)

    def holds_for_everyday(self, start: int, end: int, term: Term) -> bool:
        """For a term that needs context: a sign, or a kept term nearby; never in a
        field's name (`Date of birth`, `visit_date`)."""
        return ((self.holds(start, end, term) or near(self.kept_terms, start, end))
                and not (term.everyday and in_field_name(self.text, start)))


# What names a person as a record does: a title and a capitalised name (`Mrs Tait`, `Mr
# A. Dunn`) or a person's field (`Client:`, `Resident name:`, `Service user -`).
PERSON_SIGNS = re.compile(
    r"(?<![\w])(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?[A-Z][a-z]"
    r"|(?i:client|patient|resident|service[ \t]+user|tenant)(?:[ \t]+(?i:name))?[ \t]*[:\-])")
# An item's bounds: a line's start or end, a sentence's or a clause's (`.`, `;`, `,`, `:`),
# a bracket, a spaced dash, a bar or a bullet; and how many words may stand before its
# condition (`Advanced`, `Early onset`).
_ITEM_BEFORE = re.compile(r"(?:^|[.;,:!?(|\u2022]|[ \t][\-\u2013\u2014])[ \t]*"
                          r"(?:[A-Za-z][\w'\-]*[ \t]+){0,2}$", re.MULTILINE)
_ITEM_AFTER = re.compile(r"[ \t]*(?:$|[.;,:!?)|\u2022](?:[ \t]|$)|[\-\u2013\u2014][ \t])",
                         re.MULTILINE)
ITEM_WORDS = 2


def is_item(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as an item of its own (`ITEM_WORDS` words before it)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return (_ITEM_BEFORE.search(text, max(line_start, start - 40), start) is not None
            and _ITEM_AFTER.match(text, end) is not None)


def is_reported(term: Term) -> bool:
    return term.entity not in (CONTEXT_ONLY, FRAME, NOT_A_TERM)


def framed(text: str, frame_ends: list[int], start: int) -> bool:
    """Whether a frame (`history of`) ends just before start, on the same line."""
    index = bisect_left(frame_ends, start - FRAME_CHARS)
    return index < len(frame_ends) and frame_ends[index] <= start and not any(
        char in ".,;\n" for char in text[frame_ends[index]:start])


def near(signs: list[int], start: int, end: int) -> bool:
    """Whether a sign (sorted starts) lies within CONTEXT_CHARS of start..end."""
    index = bisect_left(signs, start - CONTEXT_CHARS)
    return index < len(signs) and signs[index] <= end + CONTEXT_CHARS


# A field's value this short is a record's cell (`diagnosis: asthma`, `column_4: COPD`),
# not prose: a term in it is about the record's subject.
FIELD_VALUE_CHARS = 100
_FIELD_LABEL = re.compile(r"[ \t]*([^:\n\r]{1,80}):[ \t]")
# Field names that say the value is health data: an everyday word (`cold`) counts in
# such a field only (`visit_date` does not make `date` a medicine).
HEALTH_FIELDS = re.compile(
    r"(?i)diagnos|condition|history|pmh|problem|medic|drug|allerg|illness|disabilit"
    r"|treatment|prescri|health|clinical|symptom|sick|absence|injur|reason")
# (`reason`: a sickness list's `reason`, a visit's or a referral's; an everyday condition
# word there, `depression`, `stress`, `a fall`, is the row's person's health.)


def in_field(text: str, start: int, everyday: bool) -> bool:
    """Whether the mention lies in the short value of a `field: value` line (the form
    every structured record takes: `phiscan.extract.base.record_unit`), or in a line
    that short read on its own (a cell, a header label). An everyday word counts only
    in a field named as health data."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    match = _FIELD_LABEL.match(text, line_start, start)
    if match is None:
        alone = line_start == 0 and len(text.rstrip()) <= min(line_end, FIELD_VALUE_CHARS)
        return alone and not everyday
    if line_end - match.end() > FIELD_VALUE_CHARS:
        return False
    return not everyday or HEALTH_FIELDS.search(match[1]) is not None


# Where a sentence ends inside what reads as a field's name: the prose before it is no
# label (`She has depression. Medication: metformin`).
_PROSE_BEFORE_LABEL = re.compile(r"[.;!?][ \t]+")


def in_field_name(text: str, start: int) -> bool:
    """Whether the mention lies in the name of a `field: value` line (`Date of birth`,
    `visit_date`): a label, not a statement about anyone. The name starts after the last
    sentence end before the colon."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    match = _FIELD_LABEL.match(text, line_start)
    if match is None or start >= match.end(1):
        return False
    breaks = _PROSE_BEFORE_LABEL.finditer(text, match.start(1), match.end(1))
    name_start = max((found.end() for found in breaks), default=match.start(1))
    return start >= name_start


@dataclass(frozen=True)
class Heading:
    start: int
    end: int
    entity: str
    value_start: int
    value_end: int


class Headings:
    """Clinical section headings at a line start: `PMH:`, `Diagnosis -`, or a line of its
    own (`PAST MEDICAL HISTORY`), optionally numbered. Entries are `ENTITY<tab>heading`."""

    def __init__(self, lines: Iterable[str]) -> None:
        by_entity: dict[str, str] = {}
        for line in lines:
            entity, _, heading = line.partition(" ")
            by_entity[" ".join(fold(heading).split())] = entity
        self.entity_of = by_entity
        words = sorted(by_entity, key=len, reverse=True)
        alternation = "|".join(r"[\s\-/]+".join(map(re.escape, word.split())) for word in words)
        self.pattern = re.compile(
            r"^[ \t]*(?:\d{1,2}[.)][ \t]*)?(?P<heading>(?i:" + alternation + r"))"
            r"(?:[ \t]*(?::|-|–)[ \t]*|[ \t]*$)", re.MULTILINE)

    def find(self, text: str) -> list[Heading]:
        if not self.entity_of:
            return []
        found = []
        for match in self.pattern.finditer(text):
            label = match["heading"]
            own_line = not text[match.end("heading"):match.end()].strip(" \t")
            if own_line and not (label.isupper() or label.istitle()):
                continue  # a plain sentence that starts with a heading's word
            entity = self.entity_of[" ".join(fold(label).split())]
            value_start, value_end = heading_value(text, match.end())
            found.append(Heading(match.start("heading"), match.end("heading"), entity,
                                 value_start, value_end))
        return found


_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
# Where a heading's first item ends and a comment on it starts.
_COMMENT = re.compile(r"[ \t]*(?:(?<!\d),|,(?!\d)|[;(]|[ \t][\-\u2013\u2014][ \t])")


def first_item_end(text: str, start: int, end: int) -> int:
    """Where the first item of a heading's value text[start:end] ends: before a comma, a
    semicolon, a bracket or a spaced dash (`bipolar affective disorder, on lithium`)."""
    comment = _COMMENT.search(text, start + 1, end)
    return comment.start() if comment else end


def heading_value(text: str, position: int) -> tuple[int, int]:
    """The value after a heading: the rest of its line, or the next non-empty line
    when it has none; to its first sentence's end, at most HEADING_VALUE_CHARS."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    if not text[position:line_end].strip():
        position = line_end
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        line_end = text.find("\n", position)
        line_end = len(text) if line_end == -1 else line_end
    while position < line_end and text[position] in " \t:-":
        position += 1
    end = min(line_end, position + HEADING_VALUE_CHARS)
    stop = _SENTENCE_END.search(text, position, end)
    if stop is not None:
        end = stop.start()
    while end > position and text[end - 1] in " \t\r,:;.":
        end -= 1
    return position, end


def entries(name: str, vocabulary_dirs: Sequence[str | Path]) -> list[str]:
    """A vocabulary's shipped entries (already in British and American spelling), then
    a user's, with the British spelling of each user entry added."""
    found = read_entries(DATA_DIR / name)
    for folder in vocabulary_dirs:
        path = Path(folder) / name
        if path.is_file():
            for entry in read_entries(path):
                found.append(entry)
                british = uk_spelling(entry.lower()) if not is_capitals(entry) else entry
                if british != entry.lower():
                    found.append(british)
    return found


@lru_cache(maxsize=8)
def health_vocabulary(vocabulary_dirs: tuple[str, ...] = ()) -> HealthVocabulary:
    """One vocabulary per set of folders, shared by every recognizer of a process.
    phiscan's own (no folders) is read from its compiled form when that is present and
    up to date (`recognizers.compiled_vocabulary`: a fifth of the time)."""
    if not vocabulary_dirs:
        from recognizers.compiled_vocabulary import load_compiled

        compiled = load_compiled()
        if compiled is not None:
            return compiled
    return HealthVocabulary.from_files(vocabulary_dirs)


@lru_cache(maxsize=2)  # the text the condition and medicine recognizers are both reading
def mentions_in(vocabulary: HealthVocabulary, text: str) -> tuple[Mention, ...]:
    return tuple(vocabulary.mentions(text))
