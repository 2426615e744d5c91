"""One person across files (issue 15): what evidence joins two partial records of one
person, in the shapes a children's or a community service writes them. A cohort list whose
own columns are in no vocabulary (`School`, `Fluoride varnish`, `Photo consent`) still has
its header read when two columns are named by the vocabulary and one of them heads dates
(`Child | Date of birth`): before, the list was read headerless, so its children's names and
dates of birth were never read and a child without an NHS number was missed. A child named
with an NHS number and no date of birth in a letter (`Re: WHITWORTH, Amelia-Rose`) is the
same child as the list's row of that name with a date of birth: one row. Scanned and exported
by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import export_individuals, person, scanned_share
from tests.conftest import assert_no_raw_values

COHORT_SHARE = {
    "dental/screening_cohort_2026.csv": (
        "Oral health programme - fluoride varnish cohort (community dental service)\n"
        "Child,Date of birth,School,Fluoride varnish,Photo consent\n"
        "Amelia-Rose Whitworth,14/07/2020,Hollinside Primary,second application due,yes\n"
        "Kacper Nowicki,02/11/2019,Carr Bank Infants,declined,no\n"
        "Ivy Sunderland,23/03/2020,Hollinside Primary,first application due,yes\n"),
    "dental/letters/referral_CDS-2231.txt": (
        "Community Dental Service - referral to paediatric dentistry\n\n"
        "Re: WHITWORTH, Amelia-Rose   NHS number 460 195 4061\n"
        "Address: 12 Carr Bank, Hollinside, CW7 2RT\n\n"
        "Screening at school found caries in two upper molars. Mum consents to referral.\n\n"
        "Kind regards\nJoanne Pickersgill\nDental Therapist\n"),
}
RAW = ["Whitworth", "Nowicki", "Sunderland", "Pickersgill", "14/07/2020", "460 195 4061"]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "cohort", COHORT_SHARE)


def people_of(rows: list[dict]) -> list[tuple[str, str, str]]:
    return sorted(person(row["name"], row["nhs_number"].replace(" ", ""), row["date_of_birth"])
                  for row in rows)


def test_a_cohort_list_with_columns_in_no_vocabulary_gives_its_children(cohort, tmp_path):
    assert people_of(export_individuals(cohort, tmp_path, "--reveal")) == sorted([
        person("Amelia-Rose Whitworth", "4601954061", "14/07/2020"),
        person("Kacper Nowicki", "", "02/11/2019"),
        person("Ivy Sunderland", "", "23/03/2020"),
    ])


def test_the_cohort_export_holds_no_raw_value_without_reveal(cohort, tmp_path):
    rows = export_individuals(cohort, tmp_path)
    assert len(rows) == 3
    assert_no_raw_values(cohort, RAW)
    assert_no_raw_values(tmp_path, RAW)
