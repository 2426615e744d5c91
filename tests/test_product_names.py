"""Products written with a title's or a clinical abbreviation's letters (`MS Teams`,
`product_names.txt`): no person called Teams and no multiple sclerosis. An IG analyst's
trial on real files found `MS Access` made a format corpus's metadata critical."""

from __future__ import annotations

import pytest

from phiscan.model import TextUnit

CASES = [
    ("The attached MS Access database holds the stock list.", []),
    ("Please use MS Teams for the meeting and save it in MS Excel.", []),
    ("MS ACCESS export of the stock", []),
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
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_products_are_neither_people_nor_conditions(detector, text, expected):
    found = sorted((finding.entity_type, raw)
                   for finding, raw in detector.detect_unit_values(TextUnit(text)))
    assert found == sorted(expected)
