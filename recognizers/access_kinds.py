"""The kinds of way into a home a HOME_ACCESS finding gives (no Presidio: the inventory's
readers use them too).

- `code`: a key safe, lock box, door, keypad or gate with its code, or where the key safe is;
- `hidden_key`: where a key is hidden or kept (`under the stone frog by the side gate`);
- `left_open`: a door left open, on the latch or snib, or an instruction to walk in;
- `key_holder`: someone named as holding a key (`Neighbour at no. 9 holds a key`); not a
  pronoun keeping a key at a place (`they keep a key under the doormat`: a hidden key).

The first three open the home from the leaked text alone: whoever reads it can get in, so
the responder changes the code or moves the key. A key holder is a person to ask.

A pattern that finds an instruction to go in or a route in (`let yourself in`, `access
via ...`) gives `GO_IN`, which is not a kind of its own: going in is by whatever the same
line gives (`Let ourselves in using the key safe, code 0462`, `Access via keysafe (by the
back door) - code 8203`: the code's way in), and only a line with no code and no hidden
key means the door is open (`left_open`). A key device written as absent (`No key safe -
key is left in the meter cupboard`) gives no code: the place is the key's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import regex

ACCESS_KINDS_KEY = "access_kinds"  # where a result's recognition metadata lists them
CODE, HIDDEN_KEY, LEFT_OPEN, KEY_HOLDER = "code", "hidden_key", "left_open", "key_holder"
ACCESS_KINDS = (CODE, HIDDEN_KEY, LEFT_OPEN, KEY_HOLDER)
ENTRY_KINDS = frozenset({CODE, HIDDEN_KEY, LEFT_OPEN})  # the home opens from the text alone
KIND_SEPARATOR = ","
GO_IN = "go_in"  # a pattern's: go in by what the line gives (see above); never stored
KEY_WAYS = (CODE, HIDDEN_KEY)  # what going in can be by, the first preferred
# A code as written (`2802`, `2 8 0 2`, `C1234X`, `*2580#`, a letter inside: a French
# digicode's `45A12`, an entry phone's `27К4539`): 3 to 8 digits, not part of a date, a time
# (`10h30`), a size (`20x30`), a price or a longer number. The recognizer's patterns use it too.
CODE_SHAPE = (
    r"(?=\d)(?<=(?<![\w/.,\-£$€])(?<!\d[ \-])[#*]?[A-Za-z]?)"
    r"(?:\d(?:[ \-]?\d){2,7}|\d{1,4}(?![hHxX])[^\W\d_]\d{2,4})[A-Za-z]?[#*]?"
    r"(?![\w/:])(?![ \-.]?\d)"
)
# Right before a key device: it is not there (`No key safe - key is ...`, `not a keysafe`).
_ABSENT = re.compile(r"(?i)(?<![\w])(?:no|not[^\S\n]+an?|without[^\S\n]+an?)[^\S\n]*$")
# A key of its own, not a key device's word (`key safe`, `keysafe`, `key box`).
_OWN_KEY = re.compile(r"(?i)(?<![\w])keys?(?![\w])(?![^\S\n]*-?[^\S\n]*(?:safe|box|pad|lock))")
# Right after a hidden key's match: its `key` was a key device's first word (`they share the
# one key| safe`) or a key holder's (`on the wall of the porch 7790 Key| holder: ...`), so
# the match names no key of its own.
_DEVICE_REST = re.compile(r"(?i)[^\S\n]*-?[^\S\n]*(?:safe|box|pad|lock|holders?)(?![\w])")
_CODE_SHAPE = regex.compile(CODE_SHAPE)
# A key device's own word (`key safe`, `keysafe`, `key box`, `lock box`).
_DEVICE = re.compile(r"(?i)(?<![\w])(?:key|lock)[^\S\n]*-?[^\S\n]*(?:safe|box|pad)(?![\w])")


class Span(Protocol):
    start: int
    end: int
    recognition_metadata: dict | None


Typed = tuple[Span, str]  # a pattern's match and the kind its pattern gives


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _absent(text: str, match: Span) -> bool:
    return bool(_ABSENT.search(text, _line_start(text, match.start), match.start))


def _present(text: str, typed: Sequence[Typed]) -> list[Typed]:
    """The matches, less codes whose key device is written as absent; a hidden key read
    inside such a code's match is the device's unless it names a key of its own (`No key
    safe - key is left in the shed`: a hidden key; `No key safe by the door`: nothing)."""
    absent = [match for match, kind in typed if kind == CODE and _absent(text, match)]
    return [(match, kind) for match, kind in typed if not (kind == CODE and match in absent)
            and not (kind == HIDDEN_KEY and any(
                _inside(match, code) and not _OWN_KEY.search(text[code.start:code.end])
                for code in absent))]


# A pronoun keeping a key (`they keep a key ...`): the household itself, or someone a pronoun
# stands for (`take meds to number 11, they have her key`); so is the family as a whole
# (`Family keep a key under the gnome by the garage`), never one of them (`her son`).
_PRONOUN_HOLDER = re.compile(r"(?i)(?:they|we|he|she|(?:the[^\S\n]+)?family|household)"
                             r"(?![\w'\u2019])")


def _kept_at_a_place(match: Span, kind: str, text: str, typed: Sequence[Typed]) -> bool:
    """A pronoun's key (`they keep a key under the doormat`, `they keep a key in the gas meter
    box`) read as a hidden key too (a place after the key it keeps): the household keeps it
    there, so the way in is the place, no one to ask. A named holder keeps its kind (`her son
    keeps a key under the mat` is both: a person and a place); a pronoun with no place stays
    a key holder (`... number 11, they have her key`)."""
    return (kind == KEY_HOLDER and _PRONOUN_HOLDER.match(text, match.start) is not None
            and any(other_kind == HIDDEN_KEY and match.start < other.start < match.end
                    < other.end for other, other_kind in typed))


def _held_after_the_place(match: Span, typed: Sequence[Typed]) -> bool:
    """A place read before a key that someone holds (`key safe on the side of the garage if
    no ans daughter Helen Hey has a key`, `(on the side of the garage) keys held by Helen
    Hey`): the key is the holder's, the place the key safe's or nothing's, so no hidden
    key."""
    return any(kind == KEY_HOLDER and match.start < other.start < match.end <= other.end
               for other, kind in typed)


# Between two clauses or sentences (`Key safe code 3938. Spare key ...`, `code 3938; Key ...`).
_CLAUSE_BREAK = re.compile(r"[.;!?](?=\s)|\n")


def _own_clause_key(text: str, key: Span, code: Span) -> bool:
    """A key of its own told in a clause after a code's (`Key safe code 3938. Spare key under
    the mat`, `Front door keypad code 3938; Key on a string through the letterbox`): the place
    is the key's, though the code's match read it as where the key safe is."""
    told = text[key.start:key.end]
    return (code.start < key.start and _CLAUSE_BREAK.search(text, code.start, key.start)
            is not None and names_own_key(told) and not _DEVICE.search(told))


def _resolved(text: str, typed: Sequence[Typed]) -> list[Typed]:
    """Each `GO_IN` match as the kind of the way in its line gives, else `left_open`; a
    hidden key whose place is read inside a key safe's own match is the key safe's, not a
    hidden key (`Key safe by the back door` as a key by a door, `the key from the key safe
    by the garage, code 2291`), as is one whose `key` is a key device's first word (`by the
    garage door, code 1930 - they share the one key safe`) or a key holder's (`on the wall
    of the porch 3386 Key holder: ...`) or a code's object's (`key safe
    number is 1 2 3 4, it's by the back door`). A hidden key's match naming a key device
    and no key of its own is where the device is: `code` (`Side gate padlock 4563 then key
    safe on back wall`)."""
    labelled = _label_devices(text, typed)
    codes = [match for match, kind in typed if kind == CODE and match not in labelled]
    resolved: list[Typed] = []
    for match, kind in typed:
        if kind == CODE and match in labelled or _kept_at_a_place(match, kind, text, typed):
            continue
        if kind == HIDDEN_KEY and (any((code.start < match.end <= code.end
                                        or code.start == match.start)
                                       and not _own_clause_key(text, match, code)
                                       for code in codes)
                                   or _DEVICE_REST.match(text, match.end)):
            continue
        if kind == HIDDEN_KEY and _held_after_the_place(match, typed):
            continue
        if kind == HIDDEN_KEY and _device_place(text[match.start:match.end]):
            kind = CODE
        if kind == GO_IN:
            kind = _way_in(text, match, typed)
        if kind == LEFT_OPEN and _ENCLOSURE_ONLY.search(text[match.start:match.end]) and (
                not _WALK_IN.search(text, match.start, match.end)):
            kind = _way_in(text, match, typed, whole_line=True)  # the way to the key
        resolved.append((match, kind))
    return resolved


def names_own_key(text: str) -> bool:
    """A key of its own (`spare key under the slate`), not a key device's word (`key safe`)."""
    return _OWN_KEY.search(text) is not None


def _label_devices(text: str, typed: Sequence[Typed]) -> list[Span]:
    """Codes whose key device is only their label's (`Keysafe / entry: key kept inside the
    coal bunker`): the value after the label names no device and no code, and a hidden key
    read in it names a key of its own. A label says what its field may hold, the value what
    this record holds: the key's hiding place, not a key safe's."""
    hidden = [match for match, kind in typed if kind == HIDDEN_KEY]
    labelled: list[Span] = []
    for code, kind in typed:
        colon = text.find(":", code.start, code.end) if kind == CODE else -1
        if colon == -1 or _DEVICE.search(text, colon, code.end) or _CODE_SHAPE.search(
                text, colon, code.end):
            continue
        if any(_inside(key, code) and key.end > colon
               and names_own_key(text[max(key.start, colon + 1):key.end]) for key in hidden):
            labelled.append(code)
    return labelled


# An opening that is not the home's own door: a porch, a gate, a yard, a building's
# communal door. Unlocked beside a code or a hidden key on its line (`KS inside the porch
# (porch not locked): 8632`), it is how the key safe or the key is reached, not a door left
# open: the home still needs the code, so it is the code's way in (as going in is).
_ENCLOSURE_ONLY = re.compile(
    r"(?i)^(?:(?!\b(?:front|back|rear|side|kitchen|flat|house|patio|french)[^\S\n]+doors?\b)"
    r"[\s\S])*\b(?:porch|gate|yard|garden|garage|shed|communal|main[^\S\n]+entrance|"
    r"building|block|stairwell)\b(?:(?!\b(?:front|back|rear|side|kitchen|flat|house|patio|"
    r"french)[^\S\n]+doors?\b)[\s\S])*$")


# An outer door's state that says to go in through it (`Porch door unlocked, walk in`) is
# the home left open whatever code its line gives too: the reader walks in, no code needed.
_WALK_IN = re.compile(
    r"(?i)(?<![\w])(?:(?:walk|go|come|step)(?:[^\S\n]+(?:straight|right))?[^\S\n]+in"
    r"|let[^\S\n]+(?:yourself|yourselves|ourselves|themselves)[^\S\n]+in)(?![\w])")


def _device_place(matched: str) -> bool:
    """A hidden key's match that names a key device and no key of its own (`key safe on
    back wall` after `Side gate padlock 4563 then`): where the key safe is, a code's kind."""
    return bool(_DEVICE.search(matched)) and not _OWN_KEY.search(matched)


# A sentence's end within a line (`..., HX5 9TG. Access: Porch and inner door unlocked`: the
# date of birth and the address before it are another sentence's numbers).
_SENTENCE_BREAK = re.compile(r"[.;!?](?=\s)")


def _sentence(text: str, match: Span, line_start: int, line_end: int) -> tuple[int, int]:
    """The bounds of the sentence of a match, within its line."""
    before = [found.end() for found in _SENTENCE_BREAK.finditer(text, line_start, match.start)]
    after = _SENTENCE_BREAK.search(text, match.end, line_end)
    return (before[-1] if before else line_start), (after.start() if after else line_end)


def _way_in(text: str, match: Span, typed: Sequence[Typed], whole_line: bool = False) -> str:
    """Going in by the way its line gives; by a code when the instruction itself holds one
    (`Access notes: Yes - 2802 (by the front door)`: no code pattern read the number, yet
    the door is not left open), or, for an outer door's state (`whole_line`), when its line
    does (`Access: Yes - 4003 (inside the porch (porch not locked))`); else the door is open."""
    line_start = _line_start(text, match.start)
    line_end = text.find("\n", match.end)
    line_end = len(text) if line_end == -1 else line_end
    on_line = {kind for other, kind in typed
               if line_start <= other.start and other.end <= line_end}
    start, end = _sentence(text, match, line_start, line_end) if whole_line else (
        match.start, match.end)
    if not on_line & set(KEY_WAYS) and _CODE_SHAPE.search(text, start, end):
        return CODE
    return next((kind for kind in KEY_WAYS if kind in on_line), LEFT_OPEN)


def assign_kinds(text: str, findings: Iterable[Span], typed: Sequence[Typed]) -> None:
    """Each finding's kinds of way in, sorted, in its metadata: those of every match inside
    it (a note with a key-safe code and a neighbour holding a key is both)."""
    kept, every = _resolved(text, _present(text, typed)), _resolved(text, typed)
    for finding in findings:
        # a finding of an absent device alone keeps what it found: never no kind at all
        found = sorted({kind for match, kind in kept if _inside(match, finding)}) or sorted(
            {kind for match, kind in every if _inside(match, finding)})
        finding.recognition_metadata = {**(finding.recognition_metadata or {}),
                                        ACCESS_KINDS_KEY: found}
