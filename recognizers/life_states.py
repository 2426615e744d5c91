"""The life states a record can state of its person (`recognizers.life_state_recognizer`): kept
apart from the recognizer so scoping and the entity table read them without Presidio."""

from __future__ import annotations

DECEASED, MOVED_OUT = "deceased", "moved_out"
LIFE_STATES = (DECEASED, MOVED_OUT)


def state_of(value: str) -> str:
    """The state a matched text states (`moved_out` for a move, else `deceased`)."""
    lowered = value.casefold()
    return MOVED_OUT if ("move" in lowered or "permanent" in lowered
                         or "resident at" in lowered) else DECEASED
