"""How to get into someone's home: `HOME_ACCESS`.

Key-safe codes and locations, door/entry/gate/alarm codes, where a key is
hidden, who holds a key, and instructions to let yourself in. The 2022 supplier
breach exposed exactly this for 890 people receiving care at home.

Patterns are built from the vocabulary files `home_access_*.txt` (see
`recognizers/data/README.md`), so an organisation can add its own wording.
`score_match` then rejects what is not a code to a home: an office or server
room door, a promo or dress code, a year, a time, a date, a phone number.
Overlapping matches are merged, so one note is one finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex as re
from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern
from recognizers.context import Terms, normalise_words
from recognizers.dates import parse_date
from recognizers.triggers import Literal, Trigger, vocabulary_trigger
from recognizers.vocabulary import alternation, load_vocabulary

ENTITY = "HOME_ACCESS"

# A code: 3-8 digits, optionally spaced or hyphenated (`1 2 3 4`, `3-7-1-9`), an
# optional letter either side (`C1234X`), an optional `#`/`*` (`1984#`). Never part of a
# longer number, a time (`1400hrs`), a date (`12/03`) or a phone number.
CODE = (
    r"(?<![\w/.\-])(?<!\d[ \-])[#*]?[A-Za-z]?\d(?:[ \-]?\d){2,7}[A-Za-z]?[#*]?"
    r"(?![\w/:])(?![ \-.]?\d)"
)
# `key` followed by one of these is a figure of speech, not a door key.
_NOT_A_DOOR_KEY = (
    r"(?![^\S\n]+(?i:stage|findings?|performance|indicators?|points?|workers?|messages?|"
    r"issues?|areas?|skills?|roles?|dates?|themes?|risks?|factors?|contacts?|facts?|"
    r"features?|terms?|words?|stakeholders?|priorit(?:y|ies)|objectives?|actions?|"
    r"information|info|lessons?|questions?|changes?|documents?|principles?|results?)\b)"
)
_KEY_WORD = r"(?i:keys?)\b" + _NOT_A_DOOR_KEY
_KEY = (
    r"(?<!(?i:any|press|the\s+shift|function)\s)"
    r"(?i:spare[^\S\n]+|front[^\S\n]+door[^\S\n]+|back[^\S\n]+door[^\S\n]+|door[^\S\n]+|"
    r"house[^\S\n]+)?" + _KEY_WORD
)
_FILLER = r"[^\n.;]{0,40}?"
_SHORT_FILLER = r"[^\n.;]{0,15}?"
_HIDE_PREPOSITION = (
    r"(?i:under(?:neath)?|beneath|in|inside|behind|on[^\S\n]+top[^\S\n]+of|above|below|"
    r"beside|next[^\S\n]+to|by)"
)
_DETERMINER = r"(?:(?i:the|a|an|her|his|their|its)[^\S\n]+)?"
_ADJECTIVE = (
    r"(?:(?i:front|back|side|red|blue|green|large|small|big|black|left|right|garden|grey|"
    r"white|old|stone|brown|terracotta)[^\S\n]+){0,2}"
)
_LOCATED = (
    r"(?i:on|by|behind|beside|next[^\S\n]+to|to[^\S\n]+the[^\S\n]+(?:left|right)[^\S\n]+of|"
    r"left[^\S\n]+of|right[^\S\n]+of|near|under(?:neath)?|above|below|inside|in)"
)
_FIXTURES = ("door", "front door", "back door", "side door", "wall", "gate", "window", "fence",
             "doorbell", "light", "pipe", "porch", "door frame", "garage door")
_HOLD_VERB = r"(?i:holds?|has|have|keeps?|kept)"
_HELD_BY = r"(?i:held[^\S\n]+by|with|kept[^\S\n]+by|left[^\S\n]+with|from|at)"
_YEAR_WORDS = Terms(["in", "since", "from", "until", "during", "year", "fitted", "installed",
                     "replaced", "dated", "of"])
_TIME_WORDS = Terms(["at", "from", "until", "till", "before", "after", "around", "approx",
                     "approximately", "by"])
_TIME_SUFFIX = Terms(["am", "pm", "hrs", "hours", "h", "hr", "o clock"])
_CODE_RE = re.compile(CODE)
_SENTENCE_END = re.compile(r"[.;\n!?]")
WORD_WINDOW_CHARS = 160

SCORE_CODE = 0.9
SCORE_HIDDEN_KEY = 0.85
SCORE_LOCATION = 0.8
SCORE_KEYHOLDER = 0.75
SCORE_ENTRY = 0.75


def build_triggers(extra_dirs: Sequence[str | Path] = ()) -> dict[str, Trigger]:
    """Every pattern needs a device, a door key, a keyholder or an entry phrase."""
    device_entries = load_vocabulary("home_access_devices.txt", extra_dirs)
    device_first = vocabulary_trigger(device_entries, anchored=True)
    device_later = vocabulary_trigger(device_entries)
    door_key = Trigger(literals=[
        Literal("key", word_start=False, word_end=False, confirm=_KEY_WORD)])
    return {
        "code after device": device_first, "code before device": device_later,
        "device location": device_first, "hidden key": door_key,
        "hiding place before key": door_key,
        "keyholder holds key": door_key, "key held by": door_key,
        "entry instruction": vocabulary_trigger(
            load_vocabulary("home_access_entry.txt", extra_dirs), anchored=True),
    }


def build_patterns(extra_dirs: Sequence[str | Path] = ()) -> list[Pattern]:
    devices = alternation(load_vocabulary("home_access_devices.txt", extra_dirs))
    places = alternation(load_vocabulary("home_access_hiding_places.txt", extra_dirs))
    holders = alternation(load_vocabulary("home_access_keyholders.txt", extra_dirs))
    entry = alternation(load_vocabulary("home_access_entry.txt", extra_dirs))
    hiding_place = rf"{_HIDE_PREPOSITION}[^\S\n]+{_DETERMINER}{_ADJECTIVE}{places}"
    fixtures = alternation([*load_vocabulary("home_access_hiding_places.txt", extra_dirs),
                            *_FIXTURES])
    device_location = (
        rf"{_LOCATED}[^\S\n]+{_DETERMINER}{_ADJECTIVE}(?:(?i:side|corner|wall)[^\S\n]+"
        rf"(?i:of)[^\S\n]+{_DETERMINER}{_ADJECTIVE})?{fixtures}"
    )
    return [
        Pattern("code after device", rf"{devices}{_FILLER}{CODE}", SCORE_CODE),
        Pattern("code before device",
                rf"{CODE}[^\S\n]+(?:(?i:is|=)[^\S\n]+)?(?:(?i:the|for[^\S\n]+the)[^\S\n]+)?{devices}",
                SCORE_CODE),
        Pattern("device location", rf"{devices}{_SHORT_FILLER}{device_location}", SCORE_LOCATION),
        Pattern("hidden key", rf"{_KEY}{_FILLER}{hiding_place}", SCORE_HIDDEN_KEY),
        Pattern("hiding place before key", rf"{hiding_place}{_FILLER}{_KEY}", SCORE_HIDDEN_KEY),
        Pattern("keyholder word", r"(?<![\w])(?i:key(?:-|[^\S\n])?holders?)(?![\w])",
                SCORE_KEYHOLDER),
        Pattern("keyholder holds key",
                rf"{holders}{_FILLER}{_HOLD_VERB}[^\S\n]+(?:(?i:a|the|an|her|his|their|spare|"
                rf"front|back|door|house|set[^\S\n]+of)[^\S\n]+){{0,3}}{_KEY}", SCORE_KEYHOLDER),
        Pattern("key held by", rf"{_KEY}{_SHORT_FILLER}{_HELD_BY}[^\S\n]+{_DETERMINER}{holders}",
                SCORE_KEYHOLDER),
        Pattern("entry instruction", entry, SCORE_ENTRY),
    ]


def _words_before(text: str, position: int, count: int) -> str:
    """The last `count` words of the line before position (reading a short window
    first: a long line must not make every match read it all)."""
    start = max(position - WORD_WINDOW_CHARS, 0)
    line_start = text.rfind("\n", start, position)
    if line_start == -1 and start > 0:
        words = text[start:position].split()
        if len(words) > count:  # the window holds the wanted words whole
            return normalise_words(" ".join(words[-count:]))
        line_start = text.rfind("\n", 0, position)
    line_start = max(line_start, 0)
    return normalise_words(" ".join(text[line_start:position].split()[-count:]))


def _clause_after(text: str, position: int, words: int = 4) -> str:
    """The first `words` words after position, up to the end of the sentence."""
    limit = min(position + WORD_WINDOW_CHARS, len(text))
    end_match = _SENTENCE_END.search(text, position, limit)
    if end_match is None and limit < len(text):
        found = text[position:limit].split()
        if len(found) > words:  # the window holds the wanted words whole
            return normalise_words(" ".join(found[:words]))
        end_match = _SENTENCE_END.search(text, position)
    end = end_match.start() if end_match else len(text)
    return normalise_words(" ".join(text[position:end].split()[:words]))


def _is_time(value: str, word_before: str, after: str) -> bool:
    digits = value.strip("#*")
    first_after = " ".join(after.split()[:2])
    if _TIME_SUFFIX.found_in(f" {first_after} ") or _TIME_SUFFIX.found_in(
        f" {after.split()[0] if after.split() else ''} "
    ):
        return True
    if len(digits) == 4 and digits.isdigit() and _TIME_WORDS.found_in(word_before):
        return int(digits[:2]) < 24 and int(digits[2:]) < 60
    return False


def _is_year(value: str, word_before: str) -> bool:
    return (len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2099
            and _YEAR_WORDS.found_in(word_before))


_DATE_SEPARATOR = re.compile(r"[ \-]")


def _is_date(value: str) -> bool:
    groups = _DATE_SEPARATOR.split(value)
    return len(groups) == 3 and any(len(g) > 1 for g in groups) and parse_date(
        value.replace(" ", "/")) is not None


def code_is_plausible(text: str, code_start: int, code_end: int) -> bool:
    """A code value, not a year, a time, a date or a piece of a longer number."""
    value = text[code_start:code_end]
    word_before = _words_before(text, code_start, 1)
    after = _clause_after(text, code_end, 2)
    bare = value.strip("#*")
    return not (_is_time(bare, word_before, after) or _is_year(bare, word_before)
                or _is_date(bare))


class HomeAccessRecognizer(ContextScoredRecognizer):
    """Codes, hidden keys, keyholders and entry instructions for a person's home."""

    ENTITY = ENTITY

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None,
        vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        """The access words, codes and hiding places come from the vocabulary files;
        `context` is kept for Presidio's interface (the grammar is the context here)."""
        self.exclusions = Terms(load_vocabulary("home_access_exclusions.txt", vocabulary_dirs))
        super().__init__(
            entity=supported_entity or ENTITY, name="PhiscanHomeAccessRecognizer",
            patterns=patterns or build_patterns(vocabulary_dirs),
            triggers=None if patterns else build_triggers(vocabulary_dirs),
            context=context or ["key safe", "door code", "key", "let yourself in", "keyholder"],
            supported_language=supported_language,
        )

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return merge_touching(text, super().analyze(text, entities, nlp_artifacts, regex_flags))

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        surroundings = (
            _words_before(text, result.start, 2) + normalise_words(text[result.start:result.end])
            + _clause_after(text, result.end)
        )
        if self.exclusions.found_in(surroundings):
            return None
        for code in _CODE_RE.finditer(text, result.start, result.end):
            if not code_is_plausible(text, code.start(), code.end()):
                return None
        return result


_JOIN = re.compile(r"[\s,]*(?i:and)?[\s,]*")


def merge_touching(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """One finding per note: matches that overlap, or are joined only by `,` or `and`,
    become one span."""
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (r.start, -r.end)):
        if merged and (result.start <= merged[-1].end or _JOIN.fullmatch(
                text, merged[-1].end, result.start)):
            last = merged[-1]
            last.end = max(last.end, result.end)
            last.score = max(last.score, result.score)
            continue
        merged.append(result)
    return merged
