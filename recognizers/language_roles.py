"""The roles of the home-access grammar a language block of `home_access_languages*.txt` gives
words for (the access objects, the hiding places and their prepositions, a holder, a door
left open, a home, and the owners that make a near miss of a lock), each as a pattern over
the English a form is read as. One definition for the hand-written file's completeness test
and for the built file's `lacks =` lines (`tools/build_language_blocks.py`)."""

from __future__ import annotations

import re

ROLES = {
    "key": r"keys?", "key box": r"key (?:box|safe)", "code": r"code",
    "door": r"(?:the )?door(?: of)?",
    "front door": r"front door", "back door": r"back door", "gate": r"gate", "under": r"under",
    "behind": r"behind", "by": r"by|next to|beside", "mat": r"mat", "plant pot": r"plant pot",
    "neighbour": r"neighbours?", "has": r"has|with|keeps", "open": r"open|unlocked|come in",
    "home": r"house|flat", "office": r"office", "workplace": r"workplace", "hospital": r"hospital",
    "ward": r"ward", "station": r"station", "day centre": r"day centre", "staff": r"staff",
}
# Roles matched as a form's whole reading, the rest as words in it
WHOLE_ROLES = frozenset({"key", "key box", "code", "door"})


def covers(role: str, english: str) -> bool:
    """Does a form read as `english` give the role?"""
    pattern = ROLES[role]
    if role in WHOLE_ROLES:
        return re.fullmatch(pattern, english) is not None
    return re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", english) is not None
