"""Other Art. 9 special categories, from labelled fields only:
`ETHNICITY`, `RELIGION`, `SEXUAL_ORIENTATION`.

Census category names (`data/ethnicity.txt`, `religion.txt`,
`sexual_orientation.txt`) count only in a field or after a label such as
`ethnicity:` or `religion:`; in prose these words describe nobody in particular.
"""

from __future__ import annotations

from recognizers.term_list import TermListRecognizer


class EthnicityRecognizer(TermListRecognizer):
    ENTITY = "ETHNICITY"
    VOCABULARY = "ethnicity.txt"
    NAME = "PhiscanEthnicityRecognizer"
    SCORE = 0.8
    LABEL_WORDS = ("ethnicity", "ethnic", "ethnic group", "ethnic origin", "race")
    NEEDS_LABEL = True


class ReligionRecognizer(TermListRecognizer):
    ENTITY = "RELIGION"
    VOCABULARY = "religion.txt"
    NAME = "PhiscanReligionRecognizer"
    SCORE = 0.8
    LABEL_WORDS = ("religion", "religious", "faith", "belief", "beliefs", "denomination")
    NEEDS_LABEL = True


class SexualOrientationRecognizer(TermListRecognizer):
    ENTITY = "SEXUAL_ORIENTATION"
    VOCABULARY = "sexual_orientation.txt"
    NAME = "PhiscanSexualOrientationRecognizer"
    SCORE = 0.8
    LABEL_WORDS = ("sexual orientation", "sexuality", "orientation")
    NEEDS_LABEL = True
