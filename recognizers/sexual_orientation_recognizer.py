"""`SEXUAL_ORIENTATION` from labelled fields only.

Census category names (`data/sexual_orientation.txt`) count only in a field
or after a label such as `sexual orientation:`;
in prose these words describe nobody in particular (an Art. 9 special category).
"""

from __future__ import annotations

from recognizers.term_list import TermListRecognizer


class SexualOrientationRecognizer(TermListRecognizer):
    ENTITY = "SEXUAL_ORIENTATION"
    VOCABULARY = "sexual_orientation.txt"
    NAME = "PhiscanSexualOrientationRecognizer"
    SCORE = 0.8
    LABEL_WORDS = ("sexual orientation", "sexuality", "orientation")
    NEEDS_LABEL = True
