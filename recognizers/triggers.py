"""Triggers: where a pattern can match, found in one fast pass.

A recognizer's patterns are slow to scan over long text (case-insensitive
alternations of hundreds of phrases, look-behinds at every position). A
pattern's trigger is a necessary sign of a match, cheap to find: every match
contains a hit (a vocabulary entry's first word, confirmed by the entries; a
short regex such as the six digits of an NI number) and lies on the hit's line,
within `reach` characters of it when `reach` is set. The pattern then runs only
in those regions. Patterns that start with a digit or a literal scan fast on
their own and have no trigger (measured pattern by pattern).

Why the matches are exactly those of a whole-text scan: no match crosses a line
or leaves its hit's region, so every match lies inside one merged region and
none straddles a region's start; scanning a region with `pos` lets look-behinds
see the real text before it, and `endpos` a little past the region's end
(`LOOKAHEAD_CHARS`) lets look-aheads see the real text after the last match.
`tests/test_triggers.py` checks the equality on corpora and on adversarial text.

Vocabulary words are found with an Aho-Corasick automaton over the case-folded
text (a superset for entries matched case-sensitively); the folded text is
computed once per text and shared by all recognizers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
import regex as re

from recognizers.vocabulary import alternation

# How far past a region's end a look-ahead of our patterns reads (the longest
# reads a few words: `key` then `stage`, `performance`, ...).
LOOKAHEAD_CHARS = 64
# A reach for patterns of bounded length (identifiers, dates, codes): longer
# than any of their matches.
SHORT_REACH = 48

_WORD_CHAR = re.compile(r"\w")

Span = tuple[int, int]


def fold_in_place(text: str) -> str:
    """The text case-folded character by character where folding would move offsets
    (`ß` stays `ß`, `İ` becomes `i`): one character for one, so a unit holding one of
    them is still read, and a form folded the same way still meets it."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(_fold_char(character) for character in text)


def _fold_char(character: str) -> str:
    for folded in (character.casefold(), character.lower()):
        if len(folded) == 1:
            return folded
    return "i" if character == "\u0130" else character


@lru_cache(maxsize=1)  # the text all recognizers are reading now
def case_folded(text: str) -> str | None:
    """The case-folded text (what case-insensitive patterns compare), folded in place
    (`fold_in_place`) where whole-text folding would move offsets."""
    return fold_in_place(text)


@dataclass(frozen=True)
class Literal:
    """A piece of text every match holds (compared case-folded). `word_start` /
    `word_end`: no letter, digit or underscore before / after it in a match;
    `confirm`: a regex that matches wherever the literal starts in a match (`key`
    but not `key stage`)."""

    text: str
    word_start: bool = True
    word_end: bool = True
    confirm: str | None = None


@dataclass
class Trigger:
    """What every match of a pattern contains: one of `literals`, or a match of `sign`
    (a regex, or several: every match contains a match of one of them).

    Several signs are scanned one after the other, never joined into one alternation:
    `regex` finds a pattern that starts with a literal (`PID|`, a bracket) by a fast
    search for it, but tries an alternation at every position of the text: the date of
    birth's four signs cost eleven times as much as one alternation of them."""

    literals: Iterable[Literal] = ()
    sign: str | tuple[str, ...] | None = None
    reach: int | None = None
    anchored: bool = False  # every match starts where a hit starts
    # Whether a hit's line (its text) may hold a result the recognizer keeps: a line it
    # refuses is not scanned (a `field: value` line whose field holds no name). Asked once
    # per line; it must refuse only lines on which no match would survive scoring.
    keep_line: Callable[[str], bool] | None = None
    _automaton: ahocorasick.Automaton | None = field(default=None, init=False, repr=False)
    _signs: tuple[re.Pattern, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self.literals = tuple(dict.fromkeys(self.literals))
        if self.literals:
            self._automaton = literal_automaton(self.literals)
        signs = (self.sign,) if isinstance(self.sign, str) else self.sign or ()
        self._signs = tuple(re.compile(pattern, re.MULTILINE) for pattern in signs)

    def hits(self, text: str) -> list[Span] | None:
        """Spans of every hit in text, or None when the text cannot be gated."""
        found: list[Span] = []
        for pattern in self._signs:
            found += [match.span() for match in pattern.finditer(text)]
        if self._automaton is not None:
            folded = case_folded(text)
            if folded is None:
                return None
            found += self.literal_hits(text, folded)
        return found

    def literal_hits(self, text: str, folded: str) -> Iterator[Span]:
        size = len(text)
        for last, (length, word_start, word_end, confirm) in self._automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if word_start and start > 0 and is_word_char(text[start - 1]):
                continue
            if word_end and end < size and is_word_char(text[end]):
                continue
            if confirm is not None and not confirm.match(text, start):
                continue
            yield start, end

    def starts(self, text: str) -> list[int] | None:
        """Where matches may start, in order (anchored triggers); None: anywhere."""
        hits = self.hits(text)
        return None if hits is None else sorted({start for start, _end in hits})

    def regions(self, text: str) -> list[Span] | None:
        """Merged spans to scan, in order; None to scan the whole text."""
        hits = self.hits(text)
        if hits is None:
            return None
        merged: list[Span] = []
        line: Span = (0, -1)
        kept = True
        for start, end in sorted(hits):
            if start > line[1]:  # hits never hold a line break: each line is found once
                line = line_around(text, start, end)
                kept = self.keep_line is None or self.keep_line(text[line[0]:line[1]])
            if not kept:
                continue
            if self.reach is None:
                region = line
            else:
                region = (max(line[0], start - self.reach), min(line[1], end + self.reach))
            if merged and region[0] <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], region[1]))
            else:
                merged.append(region)
        return merged


def within(regions: list[Span] | None, gate: list[Span]) -> list[Span]:
    """The parts of `regions` (None: the whole text) inside the `gate` regions; both
    sorted and merged. A match that straddles neither list's starts straddles none
    of the result's."""
    if regions is None:
        return gate
    found: list[Span] = []
    index = 0
    for start, end in regions:
        while index < len(gate) and gate[index][1] <= start:
            index += 1
        probe = index
        while probe < len(gate) and gate[probe][0] < end:
            found.append((max(start, gate[probe][0]), min(end, gate[probe][1])))
            probe += 1
    return found


def starts_within(starts: list[int], gate: list[Span]) -> list[int]:
    """The starts that lie inside a gate region."""
    bounds = [start for start, _end in gate]
    return [start for start in starts
            if (index := bisect_right(bounds, start) - 1) >= 0 and start < gate[index][1]]


def is_word_char(char: str) -> bool:
    """What `\\w` matches, without a regex call for ASCII (run for every literal hit)."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return _WORD_CHAR.match(char) is not None


def line_around(text: str, start: int, end: int) -> Span:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


class LazyRegex:
    """A regex compiled when first used: most vocabulary words never occur, and
    compiling hundreds of small alternations would slow every worker's start."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.compiled: re.Pattern | None = None

    def match(self, text: str, position: int) -> re.Match | None:
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, re.MULTILINE)
        return self.compiled.match(text, position)


def literal_automaton(literals: Iterable[Literal]) -> ahocorasick.Automaton:
    """Literals by their case-folded text; literals sharing a text share one entry
    (bounded only where all are, confirmed by any of their regexes)."""
    grouped: dict[str, list[Literal]] = {}
    for literal in literals:
        grouped.setdefault(literal.text.casefold(), []).append(literal)
    automaton = ahocorasick.Automaton()
    for key, group in grouped.items():
        confirms = [literal.confirm for literal in group]
        confirm = None if None in confirms else LazyRegex(
            "|".join(f"(?:{pattern})" for pattern in dict.fromkeys(confirms)))
        automaton.add_word(key, (len(key), all(lit.word_start for lit in group),
                                 all(lit.word_end for lit in group), confirm))
    automaton.make_automaton()
    return automaton


def scan(pattern: re.Pattern, text: str, regions: list[Span] | None, timeout: float
         ) -> Iterator[re.Match]:
    """The matches of pattern in text, in order: over the regions, or everywhere."""
    if regions is None:
        yield from pattern.finditer(text, timeout=timeout)
        return
    for start, end in regions:
        limit = min(len(text), end + LOOKAHEAD_CHARS)
        for match in pattern.finditer(text, start, limit, timeout=timeout):
            if match.start() >= end:
                break
            yield match


def anchored_scan(pattern: re.Pattern, text: str, starts: list[int], timeout: float
                  ) -> Iterator[re.Match]:
    """The matches of a pattern that can only start at `starts`: tried there alone,
    in order, past the end of the last match, exactly as a whole-text scan meets them."""
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start, timeout=timeout)
        if match is not None and match.end() > start:
            position = match.end()
            yield match


def entry_literal(entry: str, entries_alike: list[str]) -> Literal:
    """Where every match of a vocabulary entry starts: its first word, or the first
    part of a hyphenated one (`x-ray` may be written `xray`: no word end then),
    confirmed by the entries that start the same way."""
    first = entry.split()[0]
    part = first.split("-")[0] or first
    return Literal(part, word_end=part == first, confirm=alternation(entries_alike))


def vocabulary_trigger(entries: Iterable[str], anchored: bool = False) -> Trigger:
    """Every match of a vocabulary alternation starts with an entry's first word, and
    that entry matches there: hits are exactly the entries' occurrences. `anchored`
    for a pattern that starts with the alternation."""
    by_start: dict[str, list[str]] = {}
    for entry in entries:
        by_start.setdefault(entry.split()[0].split("-")[0].casefold(), []).append(entry)
    return Trigger(literals=[entry_literal(group[0], group) for group in by_start.values()],
                   anchored=anchored)


def sign(pattern: str) -> Trigger:
    """A pattern of bounded length that always holds a match of `pattern`."""
    return Trigger(sign=pattern, reach=SHORT_REACH)
