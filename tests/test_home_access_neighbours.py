"""HOME_ACCESS beside a neighbouring field or clause (issue 14, session 18 trial): what kind
of code a code is (`diagnosis`, `promo`, `dress`: `home_access_code_kinds.txt`) is read in
the match's own piece and its own field's name only, and a thing named in one phrase
(`dressings box`) in that phrase only; a record's `Diagnosis` field or a clause before a
comma never hides a key safe. A batch written for this session (a tenancy-sustainment team's
records, a hospice-at-home rota, a podiatry round), not the trial's caseload."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

# Each a way in beside a neighbour that names a code kind or a thing in another piece.
ACCESS = [
    # records, one field a line (as the CSV, XLSX and JSON readers write a row)
    "tenant: Mr Tomasz Nowak\nprimary_diagnosis: Parkinson's disease\nlockbox_pin: 2958",
    "Client: Bronwen Price\nDiagnostic summary: COPD, oxygen at home\nKS code: 6107",
    "resident=Femi Adeyemi; diagnosis=MND; keysafe=8834; visits=QDS",
    '{"client":"Aileen Dunn","diagnosis":"bowel cancer","keySafeCode":"3390"}',
    "| Patient | Diagnosis | Key safe |\n| Rhodri Evans | heart failure | 7125 |",
    "Name: Harpreet Gill\nICD-10: F03.90\nKey box: 4417 left of porch",
    # prose: the code kind in an earlier piece of the sentence
    "Mrs Joan Tait, diagnosis Lewy body dementia, key safe 5263 by the back door.",
    "Diagnosis: COPD; lockbox 9014 under the meter cupboard.",
    # a thing named in an earlier phrase, not the key safe's
    "Mr Ivor Hale - leg ulcer dressings, key box 3391 behind the water butt.",
    "Bloods, flush of the line and IV, keysafe 6612.",
    "Compression bandaging: tools, lock box 2804 on the garage wall.",
]

# Near misses: the code kind or the carried store governs the code in its own piece.
NEAR_MISSES = [
    "Diagnosis code 4019 entered on the system",
    "diagnosis_code: 4019\nkey_safe: yes",
    "Read code 8 4 1 9 for the key safe review",
    "Dressings box code 4471, ask the team",
    "The drugs box combination is 2290",
    "Promo code 2290 for the key safe order",
]


@pytest.mark.parametrize("text", ACCESS)
def test_a_way_in_beside_a_neighbour_is_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_code_kind_in_the_codes_own_piece_is_no_way_in(text):
    assert not found(text)
