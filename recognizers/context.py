"""Context read from the raw text around a match, without spaCy.

Presidio's context enhancer needs spaCy lemmas and looks only a few tokens
back; it does not split a column name such as `nhs_number`, and it cannot run
on a fast path that skips the NLP pipeline. Our recognizers read their context
here instead, from three places:

- `field`: the name of a structured `field: value` line (a CSV column, a
  flattened JSON path, an HL7 field) when the match sits in its value;
- `label`: the few words written just before the match on its own line;
- `nearby`: a window before and after the match (for structured lines: the
  same line and its sibling fields, such as `identifier[0].system` next to
  `identifier[0].value`).

Words are normalised so `nhs_number`, `NHS-Number`, `nhsNumber` and
`NHS:9434765919` all expose the word `nhs`.
"""

from __future__ import annotations

import re as stdlib_re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import regex as re

from recognizers.vocabulary import DATA_DIR, load_vocabulary, read_classes

# Word normalisation runs for every candidate's context, tens of times per text:
# the standard library's engine runs these three simple patterns (ASCII classes,
# no look-around beyond one character) in well under half the time of `regex`.
_CAMEL = stdlib_re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER_DIGIT = stdlib_re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_NON_WORD = stdlib_re.compile(r"[^0-9a-z&]+")
_DIGITS = re.compile(r"\d")
# `name: value` at the start of a line; the name is short and has no sentence in it. A
# Markdown label in bold closes after its colon (`**Student:** Kieran ...`).
_FIELD_KEY = re.compile(r"[ \t]*([^:\n\r]{1,80}?):(?:\*\*|__)?[ \t]+")
_HL7_SEGMENT = re.compile(r"[A-Z][A-Z0-9]{2}\|")
_IDENTIFIER = re.compile(r"\d(?:[ \-\u00a0]?\d){5,}")




def _label_readings() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Other languages' form labels (`form_labels.txt`), each form's words -> the words of
    the English label it reads as (`rhif gig` -> `nhs number`)."""
    readings = {}
    for language, entries in read_classes(DATA_DIR / "form_labels.txt").items():
        for entry in entries:
            form, _, english = entry.partition("=")
            words = tuple(word for word in _NON_WORD.split(form.lower()) if word)
            if language and words and english.strip():
                readings[words] = tuple(_NON_WORD.split(english.strip().lower()))
    return readings


LABEL_READINGS = _label_readings()
_LONGEST_FORM = max((len(form) for form in LABEL_READINGS), default=0)
_FIRST_WORDS = frozenset(form[0] for form in LABEL_READINGS)


def read_labels(words: list[str]) -> list[str]:
    """Normalised words with each other language's form label read as its English label
    (`dyddiad geni` -> `date of birth`), the longest form first."""
    if _FIRST_WORDS.isdisjoint(words):
        return words
    read, index = [], 0
    while index < len(words):
        for size in range(min(_LONGEST_FORM, len(words) - index), 0, -1):
            english = LABEL_READINGS.get(tuple(words[index:index + size]))
            if english is not None:
                read.extend(english)
                index += size
                break
        else:
            read.append(words[index])
            index += 1
    return read


def label_readings() -> list[str]:
    """The English labels other languages' form labels read as (`name`, `address`)."""
    return sorted({" ".join(english) for english in LABEL_READINGS.values()})


def foreign_forms(words: list[str]) -> list[tuple[str, ...]]:
    """The other languages' forms whose English label holds the phrase `words`
    (`birth`: `dyddiad geni`, read `date of birth`)."""
    return [form for form, english in LABEL_READINGS.items() if holds(list(english), words)]


# Context is read around every candidate, and the same few labels and windows recur
# (`Patient name:`, a letter's salutation): on the breach corpus 150,000 calls per 600
# files held 11,000 distinct texts.
@lru_cache(maxsize=16384)
def normalise_words(text: str) -> str:
    """Lower-case words separated by single spaces, padded with a space each side."""
    if not text:
        return "  "
    text = _CAMEL.sub(" ", fold_accents(text)).lower()
    text = _LETTER_DIGIT.sub(" ", text)
    words = read_labels([word for word in _NON_WORD.split(text) if word])
    return " " + " ".join(words) + " "


def fold_accents(text: str) -> str:
    """The text with its letters' accents dropped (`Rhif ffôn` -> `Rhif ffon`): labels are
    matched without them (`form_labels.txt` spells its forms so)."""
    if text.isascii():
        return text
    return "".join(char for char in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(char))


def without_digits(normalised: str) -> str:
    return normalise_words(" ".join(w for w in normalised.split() if not _DIGITS.search(w)))


class Terms:
    """A set of context phrases, matched as whole words in normalised text (each
    phrase padded with a space each side, all found in one Aho-Corasick pass)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(
            sorted({normalise_words(p).strip() for p in phrases if p.strip()}, key=len)
        )
        self.padded = tuple(f" {phrase} " for phrase in self.phrases)
        self.automaton = ahocorasick.Automaton()
        for padded in self.padded:
            self.automaton.add_word(padded, padded)
        if self.padded:
            self.automaton.make_automaton()

    def raw_signs(self) -> tuple[str, ...]:
        """Regexes, one per phrase, that find in raw text every place a phrase could
        come from: its words in order with only separators (or nothing: `dateOfBirth`)
        between them, any case. Normalising never joins characters, so a phrase found
        in the normalised form of any piece of a line has a match of one on that line.
        One per phrase, not one alternation: see `recognizers.triggers.Trigger`."""
        separator = r"[^0-9a-z&]*"
        phrases = [phrase.split() for phrase in self.phrases]
        kept = [words for words in phrases
                if not any(other != words and holds(words, other) for other in phrases)]
        forms = [list(form) for words in kept for form in foreign_forms(words)]
        return tuple(dict.fromkeys(
            "(?i:" + separator.join(re.escape(word) for word in words) + ")"
            for words in [*kept, *forms]))

    def found_in(self, normalised: str) -> bool:
        return bool(self.padded) and next(self.automaton.iter(normalised), None) is not None

    def ends(self, normalised: str) -> bool:
        return normalised.endswith(self.padded)

    def equals(self, normalised: str) -> bool:
        return normalised in self.padded


def holds(words: list[str], other: list[str]) -> bool:
    """Whether every raw match of the phrase `words` holds a raw match of `other`: its
    words in a row, or its one word inside one of them (`date of birth` holds `birth`,
    `sctid` holds `sct`). Such a phrase adds nothing to a sign."""
    if len(other) == 1:
        return any(other[0] in word for word in words)
    return any(words[index:index + len(other)] == other
               for index in range(len(words) - len(other) + 1))


# The last word of a label that names an identifier (`Local ID`, `Case Ref`, `Job No`).
IDENTIFIER_LABEL_WORDS = frozenset(entry.lower() for entry in
                                   load_vocabulary("identifier_label_words.txt"))
# An identifier's value right after its label: three digits or more, letters before them
# at most (`CFS833483`, `HC-20427`, `943 476 5919`, `: 4471`).
_IDENTIFIER_AFTER_LABEL = re.compile(
    r"[ \t]{0,4}[:#.]?[ \t]{0,4}(?:\p{L}{1,6}[\-/]?)?\d(?:[ \-/]?\d){2,}(?![\p{L}\d])")


def labels_identifier(text: str, start: int, end: int) -> bool:
    """Whether the words text[start:end] are the label of the identifier right after them
    (`Local ID CFS833483`, `Case Ref: CWD-20931`): a label ending in a word that names an
    identifier, never a person's name, whatever reads it as one."""
    last = text[start:end].rsplit(None, 1)[-1:]
    return (bool(last) and normalise_words(last[0]).strip() in IDENTIFIER_LABEL_WORDS
            and _IDENTIFIER_AFTER_LABEL.match(text, end) is not None)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line holding start..end (lines end at `\n` or `\r`). The carriage return is
    looked for only inside the `\n`-line: a text without one would otherwise be
    searched to its ends for every match (quadratic on a long log)."""
    newline = text.rfind("\n", 0, start)
    line_start = max(newline, text.rfind("\r", newline + 1, start)) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    return_at = text.find("\r", end, line_end)
    return line_start, line_end if return_at == -1 else return_at


@dataclass(frozen=True)
class MatchContext:
    field: str  # normalised field name, "" outside structured lines
    label: str  # normalised words just before the match on its line
    after: str  # normalised words just after the match on its line
    nearby: str  # normalised window around the match (field name included)
    hl7_segment: str = ""  # "PID" when the match sits in a raw HL7 segment
    hl7_field: int = -1  # field number inside that segment (PID-3 -> 3)

    def has(self, terms: Terms) -> bool:
        return terms.found_in(self.nearby)

    def immediate(self) -> str:
        """The label, or the field name when the value starts right at the match."""
        return self.label if self.label.strip() else self.field


def _field_key(line: str) -> tuple[str, int] | None:
    match = _FIELD_KEY.match(line)
    if match is None or _HL7_SEGMENT.match(line):
        return None
    return match.group(1), match.end()


def line_field(line: str) -> str | None:
    """The normalised field name `context_of` reads for a match in the value of this
    `name: value` line (one without a carriage return); None when it reads none there
    (an HL7 segment, prose, a line with no field name)."""
    if "\r" in line:
        raise ValueError("a line with a carriage return has more than one context line")
    key = _field_key(line)
    return None if key is None else normalise_words(key[0])


def line_value_start(line: str) -> int | None:
    """Where the value of a `name: value` line starts when `context_of` reads a match in it
    from the line alone (its field name, the words before and after the match up to the
    line's ends): a field line with no carriage return and no dotted name (whose sibling
    lines are read too); None for any other line (prose, an HL7 segment)."""
    if "\r" in line:
        return None
    key = _field_key(line)
    return None if key is None or "." in key[0] else key[1]


def raw_line_field(line: str) -> str | None:
    """The field name of a `name: value` line as written (`Patient (as recorded)`), or
    None where `line_field` reads none."""
    key = _field_key(line)
    return None if key is None else key[0]


def field_value_of(text: str, start: int, end: int) -> str | None:
    """The normalised field name when start..end lies in the value of a `name: value`
    line, else None."""
    line_start, line_end = line_bounds(text, start, end)
    key = _field_key(text[line_start:line_end])
    if key is None or line_start + key[1] > start:
        return None
    return normalise_words(key[0])


def _sibling_text(text: str, key: str, line_start: int, line_end: int, reach: int) -> str:
    """Other `key: value` lines of the same object (`identifier[0].system` for
    `identifier[0].value`), within `reach` characters."""
    if "." not in key:
        return ""
    prefix = key.rsplit(".", 1)[0] + "."
    lo = max(0, line_start - reach)
    hi = min(len(text), line_end + reach)
    siblings = []
    for line in text[lo:hi].splitlines():
        if line.lstrip().startswith(prefix):
            siblings.append(line)
    return " ".join(siblings)


def _label(before: str, words: int) -> str:
    tokens = normalise_words(before).split()
    return normalise_words(" ".join(tokens[-words:])) if words else " "


# Contexts remembered: a candidate's score and then its finding's role read the same
# match's context (a third of the calls on table rows). Only the text being read now,
# per thread, and at most this many of its matches: a window of a huge text is never
# held once the next text comes.
CONTEXT_MEMORY = 4096
_contexts = threading.local()


def context_of(
    text: str, start: int, end: int, *, before: int = 100, after: int = 60,
    label_words: int = 3, sibling_reach: int = 600,
) -> MatchContext:
    """What a match's surroundings say: its field, the words before and after it on its
    line, and a window around it (immutable, so one answer serves every caller)."""
    memo = getattr(_contexts, "memo", None)
    if memo is None or memo[0] is not text or len(memo[1]) >= CONTEXT_MEMORY:
        memo = _contexts.memo = (text, {})
    key = (start, end, before, after, label_words, sibling_reach)
    found = memo[1].get(key)
    if found is None:
        found = memo[1][key] = _context_of(text, start, end, before, after, label_words,
                                           sibling_reach)
    return found


def _context_of(text: str, start: int, end: int, before: int, after: int, label_words: int,
                sibling_reach: int) -> MatchContext:
    line_start, line_end = line_bounds(text, start, end)
    line = text[line_start:line_end]
    key = _field_key(line)
    if key is not None and line_start + key[1] <= start:
        name, value_offset = key
        value_start = line_start + value_offset
        before_text = text[max(value_start, start - before):start]
        after_text = text[end:min(line_end, end + after)]
        field = normalise_words(name)
        siblings = _sibling_text(text, name, line_start, line_end, sibling_reach)
        nearby = normalise_words(f"{name} {before_text} {after_text} {siblings}")
        return MatchContext(field, _label(before_text, label_words),
                            _label_after(after_text, label_words), nearby)
    if _HL7_SEGMENT.match(line):
        # Context is the field repetition itself: `9434765919^^^NHS^NH`, not its neighbours.
        component_start = max(text.rfind(ch, line_start, start) for ch in "|~") + 1
        ends = [pos for pos in (text.find(ch, end, line_end) for ch in "|~") if pos != -1]
        before_text = text[max(component_start, start - before):start]
        after_text = text[end:min([line_end, end + after, *ends])]
        segment = line[:3]
        field_number = text.count("|", line_start, start)
        return MatchContext(
            "", _label(before_text, label_words), _label_after(after_text, label_words),
            normalise_words(f"{before_text} {after_text}"), segment, field_number,
        )
    # Prose: this line up to the match, earlier lines back to the last other identifier
    # (whose label is its own), and the rest of this line.
    own_line_before = text[max(line_start, start - before):start]
    earlier = _after_last_identifier(text[max(0, start - before):max(0, line_start)])
    own_line_after = text[end:min(line_end, end + after)]
    return MatchContext(
        "", _label(own_line_before, label_words), _label_after(own_line_after, label_words),
        normalise_words(f"{earlier} {own_line_before} {own_line_after}"),
    )


def _after_last_identifier(text: str) -> str:
    ends = [match.end() for match in _IDENTIFIER.finditer(text)]
    return text[ends[-1]:] if ends else text


def _label_after(after_text: str, words: int) -> str:
    tokens = normalise_words(after_text).split()
    return normalise_words(" ".join(tokens[:words])) if words else " "


def text_before_last_digit(text: str) -> str:
    """The part of `text` after its last digit: context that no other number separates."""
    for index in range(len(text) - 1, -1, -1):
        if text[index].isdigit():
            return text[index + 1:]
    return text
