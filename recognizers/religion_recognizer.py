"""`RELIGION` from labelled fields only.

Census category names (`data/religion.txt`) count only in a field
or after a label such as `religion:`;
in prose these words describe nobody in particular (an Art. 9 special category).
"""

from __future__ import annotations

from recognizers.term_list import TermListRecognizer


class ReligionRecognizer(TermListRecognizer):
    ENTITY = "RELIGION"
    VOCABULARY = "religion.txt"
    NAME = "PhiscanReligionRecognizer"
    SCORE = 0.8
    LABEL_WORDS = ("religion", "religious", "faith", "belief", "beliefs", "denomination")
    NEEDS_LABEL = True
