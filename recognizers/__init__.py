"""phiscan's own Presidio recognizers, importable without phiscan.

    from recognizers import build_recognizers
    for recognizer in build_recognizers():
        analyzer.registry.add_recognizer(recognizer)

Every recognizer reads its context from the raw text (`recognizers.context`),
so it scores the same with or without spaCy artifacts. Vocabularies live in
`recognizers/data/`; `vocabulary_dirs` adds a user's own entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import EntityRecognizer

from recognizers.clinical_code import ClinicalCodeRecognizer
from recognizers.date_of_birth import DateOfBirthRecognizer
from recognizers.health_condition import HealthConditionRecognizer
from recognizers.home_access import HomeAccessRecognizer
from recognizers.medication import MedicationRecognizer
from recognizers.nhs_number import NhsNumberRecognizer, is_test_range, is_valid_nhs_number
from recognizers.person_field import NameFieldRecognizer
from recognizers.special_category import (
    EthnicityRecognizer,
    ReligionRecognizer,
    SexualOrientationRecognizer,
)
from recognizers.uk_nino import UkNinoRecognizer
from recognizers.uk_phone import UkPhoneRecognizer
from recognizers.uk_postcode import UkPostcodeRecognizer

# Recognizers without a vocabulary file.
FIXED_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    NhsNumberRecognizer,
    DateOfBirthRecognizer,
    UkPostcodeRecognizer,
    UkPhoneRecognizer,
    UkNinoRecognizer,
    ClinicalCodeRecognizer,
)
# Recognizers built from vocabulary files a user can extend.
VOCABULARY_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    HomeAccessRecognizer,
    NameFieldRecognizer,
    HealthConditionRecognizer,
    MedicationRecognizer,
    EthnicityRecognizer,
    ReligionRecognizer,
    SexualOrientationRecognizer,
)
RECOGNIZER_CLASSES = FIXED_RECOGNIZERS + VOCABULARY_RECOGNIZERS


def build_recognizers(vocabulary_dirs: Sequence[str | Path] = ()) -> list[EntityRecognizer]:
    recognizers = [recognizer_class() for recognizer_class in FIXED_RECOGNIZERS]
    recognizers += [
        recognizer_class(vocabulary_dirs=vocabulary_dirs)
        for recognizer_class in VOCABULARY_RECOGNIZERS
    ]
    return recognizers


def supported_entity_types() -> list[str]:
    return sorted({entity for recognizer in build_recognizers()
                   for entity in recognizer.supported_entities})


__all__ = [
    "RECOGNIZER_CLASSES",
    "build_recognizers",
    "is_test_range",
    "is_valid_nhs_number",
    "supported_entity_types",
]
