"""Products written with a title's or a clinical abbreviation's letters (`MS Teams`,
`product_names.txt`): no person called Teams and no multiple sclerosis. An IG analyst's
trial on real files found `MS Access` made a format corpus's metadata critical."""

from __future__ import annotations

import pytest

from phiscan.model import TextUnit

CASES = [
    ("The attached MS Access database holds the stock list.", []),
    ("Please use MS Teams for the meeting and save it in MS Excel.", []),
    ("Meeting on MS Teams with Mrs Joan Smith (DOB 01/02/1950).",
     [("DATE_OF_BIRTH", "01/02/1950"), ("PERSON", "Mrs Joan Smith")]),
    ("MS nurse review: MS Teams call with Ms Patel, relapse of MS last month.",
     [("HEALTH_CONDITION", "MS"), ("HEALTH_CONDITION", "MS"), ("PERSON", "Ms Patel")]),
    # The condition and women whose surnames are product words stay what they are.
    ("She has MS and uses a wheelchair.", [("HEALTH_CONDITION", "MS")]),
    ("Diagnosis: MS (relapsing-remitting).", [("HEALTH_CONDITION", "MS")]),
    ("Seen by Ms Edge and Ms Access-Brown today (DOB 01/02/1950)",
     [("DATE_OF_BIRTH", "01/02/1950"), ("PERSON", "Ms Access-Brown"), ("PERSON", "Ms Edge")]),
    ("Mrs Word came in", [("PERSON", "Mrs Word")]),
    # Written otherwise than a product's maker writes it: the condition, a woman in capitals.
    ("Patient with MS works as a teacher. Seen in clinic.", [("HEALTH_CONDITION", "MS")]),
    ("Her MS forms part of the care plan.", [("HEALTH_CONDITION", "MS")]),
]


def test_a_woman_named_in_capitals_is_no_product(detector):
    """A capitals record's `MS EDGE` is a woman (Edge is a surname), never `MS Edge`."""
    unit = TextUnit("SEEN BY MS EDGE ON WARD 4. DOB 01/02/1950")
    assert ("PERSON", "MS EDGE") in {(finding.entity_type, raw)
                                     for finding, raw in detector.detect_unit_values(unit)}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_products_are_neither_people_nor_conditions(detector, text, expected):
    found = sorted((finding.entity_type, raw)
                   for finding, raw in detector.detect_unit_values(TextUnit(text)))
    assert found == sorted(expected)
