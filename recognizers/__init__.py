"""phiscan's own Presidio recognizers, importable without phiscan.

    from recognizers import build_recognizers
    for recognizer in build_recognizers():
        analyzer.registry.add_recognizer(recognizer)

Every recognizer reads its context from the raw text (`recognizers.context`),
so it scores the same with or without spaCy artifacts. Vocabularies live in
`recognizers/data/`; `vocabulary_dirs` adds a user's own entries.
"""

from __future__ import annotations

import importlib
from typing import Any

# Names served from recognizers.catalog on first use: importing the package (as
# `recognizers.dates` does for the inventory) must not import Presidio and spaCy.
__all__ = [
    "RECOGNIZER_CLASSES",
    "build_recognizers",
    "is_test_range",
    "is_valid_nhs_number",
    "supported_entity_types",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("recognizers.catalog"), name)
    raise AttributeError(f"module 'recognizers' has no attribute {name!r}")
