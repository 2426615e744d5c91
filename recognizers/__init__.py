"""phiscan's own Presidio recognizers, importable without phiscan.

    from recognizers import build_recognizers
    for recognizer in build_recognizers():
        analyzer.registry.add_recognizer(recognizer)
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from recognizers.home_access import HomeAccessRecognizer
from recognizers.nhs_number import NhsNumberRecognizer, is_valid_nhs_number

RECOGNIZER_CLASSES: tuple[type[EntityRecognizer], ...] = (
    NhsNumberRecognizer,
    HomeAccessRecognizer,
)


def build_recognizers() -> list[EntityRecognizer]:
    return [recognizer_class() for recognizer_class in RECOGNIZER_CLASSES]


__all__ = ["RECOGNIZER_CLASSES", "build_recognizers", "is_valid_nhs_number"]
