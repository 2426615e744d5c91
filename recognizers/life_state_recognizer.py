"""A person's life state: `LIFE_STATE`, a record stating that its person has died (`deceased`)
or moved out of their home for good (`moved_out`).

A fact about the record's person, not a category of data: scoping reads it to tell a way into
a home someone still lives in from one into a home left (`phiscan.scoping.linkage.Individual.
life_state`). The finding's kind (`findings.kind`) is the state; its value is hashed as the
state's name only (`phiscan.detect.entities.life_state`), never the words or the date.

Bound to the record's person by what states it:
- a field or column that says so: a date of death (`Date of death: 29/10/2026`, `DOD`, HL7
  PID-29 `date_of_death`, FHIR `deceasedDateTime`), a flag answered yes (`Deceased: Y`, PID-30
  `death_indicator: Y`, FHIR `deceasedBoolean: true`), a status or reason of `Deceased`;
- the record's own words: `deceased`, `passed away`, `patient died`, `RIP 02/11`, `the late Mr
  ...`, `collection after death`, `death verified` (not `verification of expected
  death`: the name of an end-of-life plan and its form, written while the person lives);
  `moved into ... care home`, `now permanently at`, `permanent placement`, `now resident at`.
A record saying someone still lives there (`Mrs Ivy Kershaw still lives at the address`) gives
`survivor`, keyed as the name it opens with: a death the record states is not that person's.
Not when a relative's word comes right before (`Husband deceased 02/02/2027`, `mother passed
away`, `her son moved into a nursing home`: `relatives.txt`), nor `the deceased's brother` (a
survivor). The phrases and that rule are `recognizers.life_states`'s, the one definition.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.life_states import (
    DEATH_DATE,
    DEATH_FLAG,
    DEATH_WORDS,
    MOVE_WORDS,
    SURVIVOR,
    SURVIVOR_WORDS,
    relative_before,
    state_of,
)
from recognizers.triggers import Literal, Trigger

ENTITY = "LIFE_STATE"
SCORE = 0.85

# Where each can match (`recognizers.triggers`): a word every match holds, on the match's line;
# one trigger for the death patterns and one for those of who lives at the home (one pass each).
# A field's label may run its words together (`dateofdeath`, `is_deceased`): no bounds there.
_DEATH = Trigger(literals=[
    *(Literal(word, word_start=False, word_end=False) for word in ("death", "died", "deceased")),
    *(Literal(form, word_end=False) for form in ("dod", "d.od", "do.d", "d.o.d")),
    Literal("passed"), Literal("late"), Literal("rip", word_end=False)])
_HOME = Trigger(literals=[Literal(word) for word in (
    "moved", "resident", "lives", "living", "resides")] + [Literal("permanent", word_end=False)])
TRIGGERS = {"death date": _DEATH, "death flag": _DEATH, "death words": _DEATH,
            "move words": _HOME, "survivor words": _HOME}
_PATTERNS = {"death date": DEATH_DATE, "death flag": DEATH_FLAG, "death words": DEATH_WORDS,
             "move words": MOVE_WORDS, "survivor words": SURVIVOR_WORDS}
class LifeStateRecognizer(ContextScoredRecognizer):
    reads_ocr = False
    line_local_scoring = True  # the match and the words before it on its line
    ENTITY = ENTITY

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
                 supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanLifeStateRecognizer",
            patterns=patterns or [Pattern(name, regex, SCORE) for name, regex in _PATTERNS.items()],
            context=context or [], supported_language=supported_language,
            triggers=None if patterns else TRIGGERS)

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        state = state_of(text[result.start:result.end])
        if state != SURVIVOR and relative_before(text, result.start):
            return None  # (a relative still living there is a survivor all the same)
        result.recognition_metadata = {
            **(result.recognition_metadata or {}), ACCESS_KINDS_KEY: [state]}
        return result
