"""Health conditions and clinical findings: `HEALTH_CONDITION` (Art. 9 health data).

Vocabulary: `data/health_conditions.txt` (curated by the phiscan authors).
"""

from __future__ import annotations

from recognizers.term_list import TermListRecognizer


class HealthConditionRecognizer(TermListRecognizer):
    ENTITY = "HEALTH_CONDITION"
    VOCABULARY = "health_conditions.txt"
    NAME = "PhiscanHealthConditionRecognizer"
    SCORE = 0.7
    LABEL_WORDS = ("diagnosis", "condition", "history", "pmh", "problem")
