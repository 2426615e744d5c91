"""`ETHNICITY` from labelled fields only.

Census category names (`data/ethnicity.txt`) count only in a field
or after a label such as `ethnicity:`;
in prose these words describe nobody in particular (an Art. 9 special category).
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
