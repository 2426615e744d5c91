"""Health conditions and clinical findings: `HEALTH_CONDITION` (Art. 9 health data).

Vocabulary: ICD-10-CM, the Disease Ontology and the Symptom Ontology, built into
`data/health_conditions*.txt`; clinical abbreviations in clinical context; the
values of clinical headings (`Diagnosis:`, `PMH`). See `recognizers.health_vocabulary`.
"""

from __future__ import annotations

from recognizers.health_term_recognizer import HealthTermRecognizer


class HealthConditionRecognizer(HealthTermRecognizer):
    ENTITY = "HEALTH_CONDITION"
    NAME = "PhiscanHealthConditionRecognizer"
    SCORE = 0.7
    LABEL_WORDS = ("diagnosis", "condition", "history", "pmh", "problem")
