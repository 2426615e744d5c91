"""How to get into someone's home: `HOME_ACCESS`.

Key-safe codes, door/entry codes, where a key is hidden, who holds a key and
instructions to let yourself in. The 2022 supplier breach exposed exactly this
for 890 people receiving care at home.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_CODE = r"(?:[A-Z]?\d(?:[ \-]?\d){2,7}[A-Z#]?)"
PATTERNS = [
    Pattern(
        "key safe code",
        r"(?i)\b(?:key[\s-]?safe|key\s?box|lock[\s-]?box|KS)\b[^\n.]{0,30}?\b(?:code|combination|combo|is|no\.?)?"
        r"[\s:=-]*" + _CODE,
        0.85,
    ),
    Pattern(
        "door or entry code",
        r"(?i)\b(?:front\s|back\s|main\s|communal\s|entry\s|gate\s|alarm\s|door\s)(?:door\s)?"
        r"(?:entry\s)?code\b[\s:=-]*(?:is\s)?" + _CODE,
        0.85,
    ),
    Pattern(
        "hidden key",
        r"(?i)\b(?:spare\s)?key\b[^\n.]{0,20}\b(?:under|behind|inside|in)\s(?:the\s)?"
        r"(?:front\s|back\s|door\s)?(?:mat|doormat|plant\s?pot|flower\s?pot|meter\s?box|gnome|stone)\b",
        0.85,
    ),
    Pattern(
        "let yourself in",
        r"(?i)\blet\s(?:yourself|yourselves)\sin\b|\bback\sdoor\s(?:is\s)?(?:left\s)?unlocked\b",
        0.7,
    ),
]
CONTEXT = ["key", "safe", "code", "door", "access", "carer", "visit", "entry"]


class HomeAccessRecognizer(PatternRecognizer):
    ENTITY = "HOME_ACCESS"

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name="PhiscanHomeAccessRecognizer",
            patterns=PATTERNS,
            context=CONTEXT,
            supported_language="en",
        )
