"""Medicines: `MEDICATION` (Art. 9 health data: a medicine reveals a condition).

Vocabulary: `data/medications.txt` (generic names, curated by the phiscan authors).
"""

from __future__ import annotations

from recognizers.term_list import TermListRecognizer


class MedicationRecognizer(TermListRecognizer):
    ENTITY = "MEDICATION"
    VOCABULARY = "medications.txt"
    NAME = "PhiscanMedicationRecognizer"
    SCORE = 0.7
    LABEL_WORDS = ("medication", "medicine", "drug", "prescribed", "dose", "mg")
