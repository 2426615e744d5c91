"""The scoping score compares a row's keys with a person's in one shape whatever the truth's."""

from __future__ import annotations

from phiscan.quality.scoping import score_rows

PERSON = {"forename": "Winifred", "surname": "Ackroyd", "dob": "14/02/1939",
          "nhs_number": "999 123 4561"}


def _row(name: str, dob: str, nhs: str) -> dict[str, str]:
    return {"name": name, "other_names": "", "date_of_birth": dob, "nhs_number": nhs}


def test_a_spaced_nhs_number_in_the_truth_is_the_rows_own():
    score = score_rows([_row("Mrs W Ackroyd", "14.2.39", "9991234561")], [PERSON], [])
    assert (score.identity_recall, score.identity_precision, score.rows_with_other_keys) == (
        1.0, 1.0, 0)


def test_a_relatives_number_in_the_row_is_still_another_key():
    score = score_rows([_row("Winifred Ackroyd", "14/02/1939", "9991234561; 9997654321")],
                       [PERSON], [])
    assert (score.identity_precision, score.rows_with_other_keys) == (1.0, 1)
