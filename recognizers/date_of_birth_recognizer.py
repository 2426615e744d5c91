"""Dates of birth: `DATE_OF_BIRTH`.

A date is a date of birth only with birth context: a field named like `dob`,
`date_of_birth`, `birthDate`; HL7 PID-7; or `DOB`, `D.O.B.`, `date of birth`,
`born` written just before it (no other number in between) or `(DOB)` just
after; or a person's name just before it, as lists write one: in brackets right after
the name (`BEGUM, Reginald (20/12/1957)`), or right after a `SURNAME, Forename`
(`JONES, Sandra, 12/04/1930`), when it is at least two years old (a recent date there is
a visit's or a letter's). Other dates (visits, invoices) are not reported. The date must
be real and not in the future.
"""

from __future__ import annotations

from datetime import date

import regex as re
from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern, RawMatch
from recognizers.context import (
    Terms,
    context_of,
    normalise_words,
    text_before_last_digit,
)
from recognizers.dates import MONTH_NAME, MONTH_PREFIXES, parse_birth_date
from recognizers.triggers import Literal, Trigger, sign
from recognizers.vocabulary import NICKNAME, PARTICLES_BEFORE

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_PATTERNS = [
    Pattern("numeric date", r"(?<![\d/\-])(?<!\d\.)\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})"
            r"(?![\d/\-])(?!\.\d)", 0.3),
    # `1930-04-12`, `1930/04/12`, `1930.4.12`
    Pattern("iso date", r"(?<![\d/\-])(?<!\d\.)\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\d/\-])(?!\.\d)",
            0.3),
    # `12 April 1930`, `12th of April, 1930`, `12-Apr-30`, `12 Apr '30` (a two-digit year
    # ends a word)
    Pattern("day month year", rf"(?<![\w]){_DAY}(?:[ ]of)?[ \-]{MONTH_NAME}\.?,?[ \-]"
            r"(?:\d{4}(?!\d)|['’]?\d{2}(?![\w:/\-]|\.\d))", 0.3),
    Pattern("month day year", rf"(?<![\w]){MONTH_NAME}\.?[ ]{_DAY},?[ ]\d{{4}}(?![\d])", 0.3),
    Pattern("compact date", r"(?<![\w])(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
            r"(?![\d])", 0.3),
]
# `do b`: `DoB` as the word splitter reads it (a capital inside a word starts a new one)
BIRTH_CONTEXT = Terms(["dob", "d o b", "do b", "date of birth", "birth date", "birthdate", "born",
                       "birth", "date of birth dd mm yyyy", "bday"])
EARLIEST_YEAR = 1880
SCORE_DOB = 0.9


def plausible_birth_date(value: str, today: date | None = None) -> bool:
    today = today or date.today()
    parsed = parse_birth_date(value, today)
    return parsed is not None and parsed.year >= EARLIEST_YEAR


# Patterns that start with a digit scan fast on their own. A numeric date holds a
# digit, a separator and a digit; `March 5, 1950` starts with a month's name.
DATE_TRIGGERS = {
    "numeric date": sign(r"\d[/.\-]\d"),
    "month day year": Trigger(literals=[
        Literal(month, word_end=False, confirm=rf"(?<![\w]){MONTH_NAME}\.?[ ]\d")
        for month in MONTH_PREFIXES]),
}

# `BEGUM, Reginald (20/12/1957)`, `Eric CARTWRIGHT (1961-08-29)`: a list's date of birth
# in brackets right after the name (capitalised words, the last of two letters or more, or an
# initial: `Chauhan, Ramesh D.  (8 April 1950)`; spaces or a tab before the bracket).
_BRACKET_AFTER_NAME = r"[ \t]{0,4}\("
NAME_THEN_BRACKET = re.compile(rf"(?:(?:\p{{Lu}}[\p{{L}}'’\-]*\.?,?|{NICKNAME})[ ]+"
                               rf"{PARTICLES_BEFORE}){{1,4}}"
                               rf"(?:\p{{Lu}}[\p{{L}}'’\-]+|\p{{Lu}}\.){_BRACKET_AFTER_NAME}$")
# A recent date after a name is an event's (a visit, a letter, a review).
BRACKETED_MIN_AGE_DAYS = 2 * 365

# `JONES, Sandra, 12/04/1930`, `WEBB-MORTON, Alan James 04/05/1941`, `STANSFIELD, Gordon -
# 08/10/1953` (a visit note's heading): a date right after a name written surname first (the
# surname in capitals, the forenames capitalised).
_FORENAME = r"\p{Lu}\p{Ll}+(?:['’\-]\p{Lu}?\p{Ll}+)*"
LISTED_NAME_THEN_DATE = (rf"(?<![\p{{L}}'’\-])\p{{Lu}}(?:\p{{Lu}}|['’\-](?=\p{{Lu}}))+,[ ]"
                         rf"{_FORENAME}(?:[ ](?:{_FORENAME}|\p{{Lu}}\.?|{NICKNAME})){{0,3}}"
                         r"(?:,?[ \t]+|[ \t]+[-–—][ \t]+)")
_LISTED_BEFORE_DATE = re.compile(LISTED_NAME_THEN_DATE + "$")
# `Whitworth, Gladys     03.01.1934`, `07:40  Ernest Mallinson\t1937-02-27`: a list row's
# name at the head of its line (after a list marker or a time at most), two to four
# capitalised words, and its date of birth across a gap (two spaces or more, or a tab);
# after a list marker one space will do (`1. Harold Entwistle 04/06/1933 - FBC`): the
# marker says the line is a list row, as the gap does without one. A chat export's
# message head (`[01/12/2026, 07:59] Priya Raman:`) is such a marker: each message is a row.
CHAT_HEAD = r"\[[^\]\n]{4,40}\][ \t]*[^:\n\[\]]{2,40}:"
ROW_MARKER = rf"(?:[-*•]|\d{{1,3}}[.)]|\d{{1,2}}[:.]\d{{2}}|{CHAT_HEAD})[ \t]+"
GAPPED_ROW_HEAD = rf"(?:{ROW_MARKER})?"
ROW_NAME = rf"{_FORENAME}(?:,?[ ](?:{_FORENAME}|\p{{Lu}}\.?)){{1,3}}"
DATE_GAP = r"(?:[ ]{2,40}|[ ]{0,40}\t[ \t]{0,40})"
GAPPED_NAME_THEN_DATE = rf"{ROW_NAME}{DATE_GAP}"
MARKED_ROW_NAME_THEN_DATE = rf"(?:^|(?<=[\n\r]))[ \t]*{ROW_MARKER}{ROW_NAME}[ ]"
_GAPPED_BEFORE_DATE = re.compile(rf"(?:^|(?<=[\n\r]))[ \t]*{GAPPED_ROW_HEAD}"
                                 rf"{GAPPED_NAME_THEN_DATE}$|{MARKED_ROW_NAME_THEN_DATE}$")

# Every date kept has birth words on its line (label, field name, the words after), sits
# in an HL7 PID segment (segments end at a carriage return) or after a name.
BIRTH_LINES = Trigger(sign=(*BIRTH_CONTEXT.raw_signs(), r"(?:^|(?<=\r))PID\|",
                           rf"(?:\p{{L}}|\p{{Lu}}\.){_BRACKET_AFTER_NAME}\d",
                           rf"{LISTED_NAME_THEN_DATE}\d",
                           rf"{GAPPED_NAME_THEN_DATE}\d", rf"{MARKED_ROW_NAME_THEN_DATE}\d"))


def bracketed_after_name(text: str, start: int, end: int, today: date | None = None) -> bool:
    """A date of birth in brackets after the name it belongs to, old enough not to be an
    event's date."""
    if text[end:end + 1] != ")" or not NAME_THEN_BRACKET.search(text[max(0, start - 80):start]):
        return False
    today = today or date.today()
    parsed = parse_birth_date(text[start:end], today)
    return parsed is not None and (today - parsed).days >= BRACKETED_MIN_AGE_DAYS


def after_listed_name(text: str, start: int, end: int, today: date | None = None) -> bool:
    """A date right after `SURNAME, Forename`, or across a gap after a list row's name at
    the head of its line, old enough not to be an event's date."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    # Searched in place, so the look-behind sees the real text (as the line gate does).
    if not (_LISTED_BEFORE_DATE.search(text, max(line_start, start - 80), start)
            or _GAPPED_BEFORE_DATE.search(text, max(line_start, start - 80), start)):
        return False
    today = today or date.today()
    parsed = parse_birth_date(text[start:end], today)
    return parsed is not None and (today - parsed).days >= BRACKETED_MIN_AGE_DAYS


class DateOfBirthRecognizer(ContextScoredRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    line_local_scoring = True  # where its line decides: `scored_on_line`

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanDateOfBirthRecognizer",
            patterns=patterns or DATE_PATTERNS, context=context or list(BIRTH_CONTEXT.phrases),
            supported_language=supported_language, triggers=None if patterns else DATE_TRIGGERS,
            # The birth-word line gate holds only for the shipped patterns and words.
            context_gate=None if patterns or context else BIRTH_LINES,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return plausible_birth_date(pattern_text)

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        is_birth = self.birth_on_line(text, result.start, result.end)
        if is_birth is None:
            is_birth = (bracketed_after_name(text, result.start, result.end)
                        or after_listed_name(text, result.start, result.end))
        if not is_birth:
            return None
        result.score = SCORE_DOB
        return result

    def birth_on_line(self, text: str, start: int, end: int) -> bool | None:
        """Whether the date is a birth date by its own line: its field, HL7 field, label
        or the words right after it; None when that says no for a written date, which may
        still head a list entry (`bracketed_after_name`, `after_listed_name`: other lines)."""
        value = text[start:end]
        context = context_of(text, start, end, before=40, after=12, label_words=6)
        if context.hl7_segment:
            return context.hl7_segment == "PID" and context.hl7_field == 7
        if value.isdigit():  # a bare 8-digit run is a date only in a birth field
            return self.context_terms.found_in(context.field)
        own_label = normalise_words(text_before_last_digit(
            text[max(0, start - 40):start].split("\n")[-1]))
        first_after = " ".join(context.after.split()[:2])
        birth = self.context_terms
        return (birth.found_in(own_label) or birth.found_in(f" {first_after} ")
                or (not own_label.strip() and birth.found_in(context.field))) or None

    def scored_on_line(self, text: str, raw: RawMatch) -> tuple[RecognizerResult | None, bool]:
        """Decided by its line unless the line says no for a written date (other lines are
        read then)."""
        _index, start, end = raw
        return self.scored_raw(text, raw), self.birth_on_line(text, start, end) is not None
