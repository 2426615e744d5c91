"""Medicines: `MEDICATION` (Art. 9 health data: a medicine reveals a condition).

Vocabulary: DrugBank's open vocabulary and the FDA Orange Book (generic and trade
names), built into `data/medications*.txt`; the values of medication headings
(`Medications:`). See `recognizers.health_vocabulary`.
"""

from __future__ import annotations

from recognizers.health_term_recognizer import HealthTermRecognizer


class MedicationRecognizer(HealthTermRecognizer):
    ENTITY = "MEDICATION"
    NAME = "PhiscanMedicationRecognizer"
    SCORE = 0.7
    NAMES_PLACES = True  # herbs and plants: `74 Heather View`, `Camomile Cottage`
    LABEL_WORDS = ("medication", "medicine", "drug", "prescribed", "dose", "mg")
