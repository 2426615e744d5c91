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
  `moved into ... care home`, `now permanently at`, `permanent placement`, `now resident at`,
  `has moved in with her daughter`, `moved to live with family`.
A home's code said changed with the new one kept out of the records (`New code NOT held - ring
duty SW`, `KS code changed by family - ring pt for new code`) gives `code_out_of_use`, a state of
the home's way in: scoping puts the person's codes apart (not on a line naming a workplace:
`Office key safe code changed - ring reception for the new code`).
A record saying someone still lives there (`Mrs Ivy Kershaw still lives at the address`) gives
`survivor`, keyed as the name it opens with: a death the record states is not that person's.
A move out is not one when the same text says the person came back home after it (`moved into
Oakwood care home on 15/03/2026 ... moved back home 02/06/2026`, `returned home`, `discharged
home`), the dates checked: a return dated before the move (`back home from respite 02/03/2026.
Moved into Oakwood permanently 15/06/2026`) leaves the move; undated, only a return later on the
move's own line ends it, and never one of another list item (`2. Edna ... discharged home`).
Not when a relative's word comes right before (`Husband deceased 02/02/2027`, `mother passed
away`, `her son moved into a nursing home`: `relatives.txt`), nor `the deceased's brother` (a
survivor). The phrases and that rule are `recognizers.life_states`'s, the one definition.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, line_bounds, normalise_words
from recognizers.dates import parse_date
from recognizers.life_states import (
    ANY_DATE,
    CODE_OUT_OF_USE,
    CODE_OUT_OF_USE_WORDS,
    DEATH_DATE,
    DEATH_FLAG,
    DEATH_WORDS,
    DECEASED,
    END_REASON_DEATH,
    END_REASON_MOVE,
    MOVE_WORDS,
    MOVED_OUT,
    SURVIVOR_WORDS,
    WHERE_GOT,
    relative_before,
    state_of,
)
from recognizers.triggers import Literal, Trigger
from recognizers.vocabulary import load_vocabulary

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
    "moved", "resident", "lives", "living", "resides", "care home", "nursing home",
    "residential home", "care_home", "nursing_home", "residential_home")]
    + [Literal("perm", word_end=False)])
_CODE_STATE = Trigger(literals=[Literal(word) for word in ("new", "changed", "reset", "altered",
                                                            "removed", "taken")])
# (a field's label may run its words together: `EndReason`, `reason_for_closure`)
_END_REASON = Trigger(literals=[Literal(word, word_start=False, word_end=False)
                                for word in ("reason", "status", "outcome")])
TRIGGERS = {"death date": _DEATH, "death flag": _DEATH, "death words": _DEATH,
            "move words": _HOME, "survivor words": _HOME, "code out of use words": _CODE_STATE,
            "end reason death": _END_REASON, "end reason move": _END_REASON}
_PATTERNS = {"death date": DEATH_DATE, "death flag": DEATH_FLAG, "death words": DEATH_WORDS,
             "move words": MOVE_WORDS, "survivor words": SURVIVOR_WORDS,
             "code out of use words": CODE_OUT_OF_USE_WORDS,
             "end reason death": END_REASON_DEATH, "end reason move": END_REASON_MOVE}
# A return to the person's own home, after a stay or a move elsewhere (`moved back home`,
# `returned home`, `back home since`, `discharged home`): a move out the text states before it
# is over (`LifeStateRecognizer.among_others`).
RETURN_WORDS = regex.compile(
    r"(?<![\w])(?i:moved back(?: home| to (?:her|his|their) (?:own )?(?:home|house|flat))"
    r"|returned (?:back )?(?:home|to (?:her|his|their) (?:own )?(?:home|house|flat))"
    r"|back (?:at |in )?(?:home|(?:her|his|their) own (?:home|house|flat))"
    r"(?= (?:since|from|on|after|now)\b)|discharged (?:back )?home)(?![\w])")
_ANY_DATE = regex.compile(ANY_DATE)
# A list item's start on a line of its own (another person's entry of a list).
_LIST_ITEM = regex.compile(r"(?m)^[ \t]*(?:\d{1,3}[.)]|[-*\u2022])[ \t]")


def _line_date(text: str, at: int):
    """The first date written on the line of `at` (a statement's date), or None."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    found = _ANY_DATE.search(text, line_start, len(text) if line_end == -1 else line_end)
    return parse_date(found[0]) if found else None


def _later(text: str, back: int, back_date, move: int, move_date) -> bool:
    """Whether a return home (at `back`, dated `back_date`) comes after a move (at `move`):
    by their dates where both lines are dated, else, on one line, by their order."""
    if back_date is not None and move_date is not None and back_date != move_date:
        return back_date > move_date
    return back > move and "\n" not in text[move:back]


def _one_entry(text: str, first: int, second: int) -> bool:
    """Whether two places of a text lie in one person's entry: no list item (`2. Edna ...`,
    `- Mr ...`) starts on a line from the first one's line to the second's."""
    low, high = min(first, second), max(first, second)
    first_line_end = text.find("\n", low, high)
    return first_line_end == -1 or _LIST_ITEM.search(text, first_line_end + 1, high) is None


def _said_of(text: str, result: RecognizerResult) -> str:
    """A code's statement read for what the code opens: its line up to the statement's end,
    without where the new code is got (`carers ring the office for it`, `ring the office for
    the new code`)."""
    statement = text[line_bounds(text, result.start, result.end)[0]:result.end]
    where_got = WHERE_GOT.search(statement)
    return statement[:where_got.start()] if where_got else statement


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
        # what a code is for when it is not a home (the home-access recognizer's own file)
        self.not_a_home = Terms(load_vocabulary("home_access_exclusions.txt"))

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return self.among_others(text, super().analyze(text, entities, nlp_artifacts,
                                                       regex_flags))

    def among_others(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """The results less each move out that a return home ends (module docstring): a
        return after the move, by their dates where both are dated on their lines, else by
        their order in the text. (A table's rows read line by line reach this too.)"""
        moves = [result for result in results if result.recognition_metadata
                 and result.recognition_metadata.get(ACCESS_KINDS_KEY) == [MOVED_OUT]]
        if not moves:
            return results
        returns = [(found.start(), _line_date(text, found.start())) for found in
                   RETURN_WORDS.finditer(text)]
        if not returns:
            return results
        ended = {id(move) for move in moves
                 if any(_one_entry(text, move.start, back)
                        and _later(text, back, when, move.start,
                                   _line_date(text, move.start))
                        for back, when in returns)}
        return [result for result in results if id(result) not in ended]

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        state = state_of(text[result.start:result.end])
        if state == CODE_OUT_OF_USE and self.not_a_home.found_in(normalise_words(
                _said_of(text, result))):
            return None  # `Office key safe code changed - ring reception for the new code`
        if state in (DECEASED, MOVED_OUT) and relative_before(text, result.start):
            return None  # (a relative still living there is a survivor all the same; a
            # home's code out of use is the home's, whoever is named before it)
        result.recognition_metadata = {
            **(result.recognition_metadata or {}), ACCESS_KINDS_KEY: [state]}
        return result
