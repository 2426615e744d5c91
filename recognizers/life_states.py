"""The life states a record can state of its person (`recognizers.life_state_recognizer`): kept
apart from the recognizer so scoping and the entity table read them without Presidio."""

from __future__ import annotations

import re

DECEASED, MOVED_OUT = "deceased", "moved_out"
LIFE_STATES = (DECEASED, MOVED_OUT)
# Not a state: the record says someone still lives at the home (`Mrs Ivy Kershaw still lives at
# the address`, on a collection list's row for her husband who died), so a death or a move it
# states is of another person of that home than the one it may join.
SURVIVOR = "survivor"
# Where a survivor's statement starts after their name (`Mrs Ivy Kershaw| still lives at`).
_SURVIVOR_PHRASE = re.compile(
    r" (?:still (?:lives|living|resides|resident)|lives there|living there)", re.IGNORECASE)


def state_of(value: str) -> str:
    """The state a matched text states (`moved_out` for a move, `survivor` for someone still
    living there, else `deceased`)."""
    lowered = value.casefold()
    if "still" in lowered or "lives there" in lowered or "living there" in lowered:
        return SURVIVOR
    return MOVED_OUT if ("move" in lowered or "permanent" in lowered
                         or "resident at" in lowered) else DECEASED


def survivor_name(value: str) -> str:
    """The name a survivor's statement opens with (`Mrs Ivy Kershaw` of `Mrs Ivy Kershaw still
    lives at`), '' when it names nobody (`still lives there`)."""
    found = _SURVIVOR_PHRASE.search(" " + value)
    return value[:found.start()].strip() if found else ""
