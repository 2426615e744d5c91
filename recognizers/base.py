"""The shape every phiscan recognizer shares: Presidio patterns, then our own context.

Patterns find candidates and `validate_result` checks them (checksums,
formats), exactly as in Presidio's `PatternRecognizer`; a pattern with a
trigger (`recognizers.triggers`) is scanned only where it can match.
`score_match` then reads the raw text around each candidate (see
`recognizers.context`) and sets the score, or drops the candidate. The result
is marked as already context-scored so Presidio's lemma enhancer leaves it
alone, and the same recognizer works when called without spaCy artifacts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

import presidio_analyzer
import regex as re
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from recognizers.compiled_patterns import compiled
from recognizers.context import Terms
from recognizers.ocr_reading import read_ocr
from recognizers.triggers import Trigger, anchored_scan, scan, starts_within, within

log = logging.getLogger("phiscan.recognizers")

# Our patterns spell out case where it matters (postcodes, NI numbers).
DEFAULT_FLAGS = re.MULTILINE
# (pattern index, start, end): a pattern's match before validation and scoring.
RawMatch = tuple[int, int, int]
# Raw matches handed to `pattern_matches` by `analyze_given` (per thread: a Dask worker
# may run threads).
_given = threading.local()


class Pattern(presidio_analyzer.Pattern):
    """Presidio's Pattern, compiled once, with the flags our recognizers run it with.
    Presidio's constructor compiles a pattern without flags only to validate it, and
    the recognizer compiles it again with its flags at first use: for the vocabulary
    alternations that was a third of each worker's start-up.

    `lazy`: compiled when a text first reaches it (past its trigger) instead of here.
    For a grammar built by our own code (escaped vocabulary words), whose compiling
    costs more than a start-up should pay for patterns most texts never reach; read
    from the table compiled at build time when it holds it (`recognizers.compiled_patterns`)."""

    def __init__(self, name: str, regex: str, score: float, flags: int = DEFAULT_FLAGS,
                 *, lazy: bool = False) -> None:
        if not 0 <= score <= 1:
            raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
        self.name, self.regex, self.score, self.lazy = name, regex, score, lazy
        self.compiled_regex = None if lazy else self.compile(flags)
        self.compiled_with_flags = flags

    def compile(self, flags: int) -> re.Pattern:
        try:
            return compiled(self.regex, flags)
        except re.error as exc:
            raise ValueError(f"Invalid regex pattern: {exc}") from None


class ContextScoredRecognizer(PatternRecognizer):
    """A PatternRecognizer whose final score comes from `score_match`.

    `triggers` maps a pattern name to its trigger; `context_gate`, a trigger whose
    hits' lines hold every result `score_match` keeps (birth words for a date of
    birth), so no other line is scanned: a log of a million timestamps costs one pass.
    `gated = False` scans every pattern over the whole text (the reference the
    triggers and the gate are tested against).

    `quiet_without_matches`: `analyze` returns nothing when `raw_matches` finds nothing
    (every result comes from a raw match), so a caller that knows a text's raw matches
    (`phiscan.detect.record_lines`) need not call it when there are none. True for this
    class's `analyze`; a subclass that overrides `analyze` is taken not to be unless it
    says so (one that reads another text, such as an OCR reading, is not)."""

    gated = True
    quiet_without_matches = True
    # Whether `score_match` reads nothing but the match and `context_of`, whose answer for a
    # match in the value of a `name: value` line (`recognizers.context.line_value_start`)
    # is the line's own: then a table row's line scored once is scored for every row
    # holding it (`phiscan.detect.record_lines`). False unless a recognizer says so; one
    # that reads other lines for some matches says which in `scored_on_line`.
    line_local_scoring = False
    # Whether some raw matches are refused by their own line whatever the text around it
    # (`refused_by_line`): a caller that remembers lines (`phiscan.detect.record_lines`)
    # drops them before `analyze`, which then need not run for a text holding no other.
    refuses_by_line = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "analyze" in cls.__dict__ and "quiet_without_matches" not in cls.__dict__:
            cls.quiet_without_matches = False
    # Whether text is also read through OCR damage (`recognizers.ocr_reading`).
    reads_ocr = True

    def __init__(
        self, entity: str, name: str, patterns: list[Pattern], context: list[str],
        flags: int = DEFAULT_FLAGS, extra_entities: tuple[str, ...] = (),
        triggers: Mapping[str, Trigger] | None = None, context_gate: Trigger | None = None,
        supported_language: str = "en",
    ) -> None:
        super().__init__(
            supported_entity=entity, name=name, patterns=patterns, context=context,
            supported_language=supported_language, global_regex_flags=flags,
        )
        self.supported_entities = [entity, *extra_entities]
        # The words `score_match` looks for: Presidio's `context` argument tunes them.
        self.context_terms = Terms(context)
        self.triggers = dict(triggers or {})
        self.context_gate = context_gate
        unknown = set(self.triggers) - {pattern.name for pattern in patterns}
        if unknown:
            raise ValueError(f"triggers for unknown patterns: {sorted(unknown)}")

    def reads_another_text(self, text: str) -> bool:
        """Whether `analyze` reads text through a reading of it (OCR damage read as the
        words meant), which may hold matches `raw_matches(text)` does not find."""
        return self.reads_ocr and read_ocr(text) is not None

    def lazy_patterns(self) -> list[tuple[str, int]]:
        """(source, flags) of the patterns compiled when first needed, as `raw_matches`
        compiles them (`recognizers.compiled_patterns` writes them at build time)."""
        return [(pattern.regex, self.global_regex_flags) for pattern in self.patterns
                if getattr(pattern, "lazy", False)]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        scored = self.scored_matches(text, regex_flags)
        return EntityRecognizer.remove_duplicates(scored) if len(scored) > 1 else scored

    def scored_matches(self, text: str, regex_flags=None) -> list[RecognizerResult]:
        """Every pattern's matches that `score_match` keeps, duplicates included. A text
        with OCR damage is read through it (`recognizers.ocr_reading`): matched and scored
        as read (`the vvard keypad` is a ward's), each result mapped back to the text's
        own characters."""
        reading = read_ocr(text) if self.reads_ocr else None
        if reading is None:
            return self.scored_in(text, regex_flags)
        scored = self.scored_in(reading.text, regex_flags)
        for result in scored:
            result.start, result.end = reading.origin(result.start, result.end)
        return scored

    def scored_in(self, text: str, regex_flags=None) -> list[RecognizerResult]:
        scored: list[RecognizerResult] = []
        # Scored before duplicates are removed: a match that the context rejects (a name
        # field excluded by its word) must not hide the same span found by another pattern.
        for result in self.pattern_matches(text, regex_flags or self.global_regex_flags):
            kept = self.context_scored(text, result)
            if kept is not None:
                scored.append(kept)
        return scored

    def context_scored(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """A candidate's result once `score_match` has read its context, marked as scored."""
        kept = self.score_match(text, result)
        if kept is None:
            return None
        kept.recognition_metadata = {
            **(kept.recognition_metadata or {}),
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
        }
        return kept

    def scored_raw(self, text: str, raw: RawMatch) -> RecognizerResult | None:
        """One raw match of text validated and scored, as `scored_in` does it (without an
        OCR reading: the caller knows text has no damage)."""
        index, start, end = raw
        result = self.pattern_result(self.patterns[index], text, start, end,
                                     self.global_regex_flags)
        return None if result is None else self.context_scored(text, result)

    def scored_on_line(self, text: str, raw: RawMatch) -> tuple[RecognizerResult | None, bool]:
        """`scored_raw`, and whether the match's line alone decided it (so the same line in
        another row gives the same): always, for a `line_local_scoring` recognizer."""
        return self.scored_raw(text, raw), self.line_local_scoring

    def refused_by_line(self, text: str, raw: RawMatch) -> bool:
        """Whether `analyze` keeps nothing of a raw match of text whatever the other lines
        say: decided by the match's own line (the one it matched, a line break or the
        text's start before it), so the same line in another row is refused alike."""
        return False

    def among_others(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """What `analyze` keeps of its scored results without duplicates, each judged
        beside the others (all of them, for this class)."""
        return results

    def match_patterns(self, text: str, flags: int) -> list[RecognizerResult]:
        """What `PatternRecognizer` finds (same scores, validation and explanations),
        each pattern scanned only in its trigger's regions."""
        results = self.pattern_matches(text, flags)
        return EntityRecognizer.remove_duplicates(results) if len(results) > 1 else results

    def pattern_matches(self, text: str, flags: int) -> list[RecognizerResult]:
        """Every pattern's matches, duplicates included: those `given_matches` hands in
        for this text, or those `raw_matches` finds."""
        given = _given.__dict__.get("matches")
        raw = (given[2] if given is not None and given[0] is self and given[1] is text
               and flags == self.global_regex_flags else self.raw_matches(text, flags))
        results = []
        for index, start, end in raw:
            result = self.pattern_result(self.patterns[index], text, start, end, flags)
            if result is not None:
                results.append(result)
        return results

    def raw_matches(self, text: str, flags: int) -> list[RawMatch]:
        """(pattern index, start, end) of every pattern's matches, pattern by pattern,
        each pattern's in text order, before validation. No pattern crosses a line and
        triggers and the context gate work by lines, so a line's raw matches are the
        same in any text that holds it after a line break (or at its start) and ends it
        with one (`phiscan.detect.record_lines` remembers them per line)."""
        raw: list[RawMatch] = []
        where_by_trigger: dict[int, list | None] = {}  # regions, or starts if anchored
        gate = self.context_gate.regions(text) if self.gated and self.context_gate else None
        if gate == []:
            return raw
        for index, pattern in enumerate(self.patterns):
            trigger = self.triggers.get(pattern.name) if self.gated else None
            where = None
            if trigger is not None:
                if id(trigger) not in where_by_trigger:
                    where_by_trigger[id(trigger)] = (trigger.starts(text) if trigger.anchored
                                                     else trigger.regions(text))
                where = where_by_trigger[id(trigger)]
            anchored = trigger is not None and trigger.anchored and where is not None
            if gate is not None:
                where = starts_within(where, gate) if anchored else within(where, gate)
            if where == []:  # no hit: the pattern cannot match
                continue
            if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
                pattern.compiled_with_flags = flags
                pattern.compiled_regex = pattern.compile(flags)
            if anchored:
                matches = anchored_scan(pattern.compiled_regex, text, where, REGEX_TIMEOUT_SECONDS)
            else:
                matches = scan(pattern.compiled_regex, text, where, REGEX_TIMEOUT_SECONDS)
            try:
                for match in matches:
                    raw.append((index, match.start(), match.end()))
            except TimeoutError:
                log.warning("pattern '%s' of %s timed out; skipped", pattern.name, self.name)
        return raw

    def pattern_result(self, pattern: Pattern, text: str, start: int, end: int, flags: int
                       ) -> RecognizerResult | None:
        """Presidio's result for a match (validation True scores 1.0; a failed or
        invalidated match is dropped), built only for matches that survive."""
        matched = text[start:end]
        if not matched:
            return None
        validation = self.validate_result(matched)
        if validation is False or self.invalidate_result(matched):
            return None
        score = EntityRecognizer.MAX_SCORE if validation else pattern.score
        if score <= EntityRecognizer.MIN_SCORE:
            return None
        explanation = self.build_regex_explanation(
            self.name, pattern.name, pattern.regex, pattern.score, validation, flags)
        explanation.score = score
        return RecognizerResult(
            entity_type=self.supported_entities[0], start=start, end=end, score=score,
            analysis_explanation=explanation,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id},
        )

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """Set `result.score` from context, or return None to drop the candidate."""
        return result


def flag(result: RecognizerResult, key: str, value: object) -> None:
    result.recognition_metadata = {**(result.recognition_metadata or {}), key: value}


def analyze_given(recognizer: ContextScoredRecognizer, text: str, raw: list[RawMatch],
                  entities: list[str]) -> list[RecognizerResult]:
    """`recognizer.analyze(text, entities)` taking `raw` as the raw matches that
    `raw_matches(text, ...)` would find (remembered elsewhere): validation, scoring and
    everything after run on `text` as always. Nothing, without a call, when there are no
    raw matches and the recognizer finds nothing without them (`quiet_without_matches`), unless
    it reads the text through OCR damage (its reading may hold matches the text does not)."""
    if not raw and recognizer.quiet_without_matches and not recognizer.reads_another_text(text):
        return []
    _given.matches = (recognizer, text, raw)
    try:
        return recognizer.analyze(text, entities, None) or []
    finally:
        _given.matches = None

