"""The recognizer classes and how to build them (imports Presidio; `recognizers` re-exports
these names lazily so light modules can use `recognizers.dates` without it)."""


from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presidio_analyzer import EntityRecognizer

from recognizers.clinical_code_recognizer import ClinicalCodeRecognizer
from recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
from recognizers.ethnicity_recognizer import EthnicityRecognizer
from recognizers.health_condition_recognizer import HealthConditionRecognizer
from recognizers.home_access_recognizer import HomeAccessRecognizer
from recognizers.life_state_recognizer import LifeStateRecognizer
from recognizers.local_id_recognizer import LocalIdRecognizer
from recognizers.medication_recognizer import MedicationRecognizer
from recognizers.nhs_number_recognizer import (
    NhsNumberRecognizer,
    is_test_range,
    is_valid_nhs_number,
)
from recognizers.person_field_recognizer import NameFieldRecognizer
from recognizers.religion_recognizer import ReligionRecognizer
from recognizers.sexual_orientation_recognizer import SexualOrientationRecognizer
from recognizers.uk_nino_recognizer import UkNinoRecognizer
from recognizers.uk_phone_recognizer import UkPhoneRecognizer
from recognizers.uk_postcode_recognizer import UkPostcodeRecognizer

# Recognizers without a vocabulary file.
FIXED_RECOGNIZERS: tuple[type[EntityRecognizer], ...] = (
    NhsNumberRecognizer,
    DateOfBirthRecognizer,
    UkPostcodeRecognizer,
    UkPhoneRecognizer,
    UkNinoRecognizer,
    ClinicalCodeRecognizer,
    LocalIdRecognizer,
    LifeStateRecognizer,
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
