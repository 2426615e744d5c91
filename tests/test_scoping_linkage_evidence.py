"""One person across files (issue 15): what evidence joins two partial records of one
person, in the shapes a children's or a community service writes them. A cohort list whose
own columns are in no vocabulary (`School`, `Fluoride varnish`, `Photo consent`) still has
its header read when two columns are named by the vocabulary and one of them heads dates
(`Child | Date of birth`): before, the list was read headerless, so its children's names and
dates of birth were never read and a child without an NHS number was missed. A child named
with an NHS number and no date of birth in a letter (`Re: WHITWORTH, Amelia-Rose`) is the
same child as the list's row of that name with a date of birth: one row. A walk-in log whose
items give ages and one date of birth (`09:25  Norman Beever (DOB 12/01/1940) - ...` under
`09:10  Glenys Hartley, 81 - ...`) gives that date to its own item's person only, so the
person met again with an NHS number and no date of birth (`BEEVER, Norman` in a letter) is
one row: read as one record, the log's date was beside two names and the halves never met.
Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
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
WALK_IN_SHARE = {
    "pharmacy/flu_clinic_walk_in_log.txt": (
        "Hollins Pharmacy - flu clinic walk-in log - Saturday 14 November 2026\n"
        "Pharmacist: Ruth Okonjo   Consulting room code 4471 (staff only)\n\n"
        "09:10  Glenys Hartley, 81 - flu vaccine given, left arm, no reaction.\n"
        "09:25  Norman Beever (DOB 12/01/1940) - flu vaccine given, right arm.\n"
        "09:40  Pauline Ossett, 77 - deferred, feverish today.\n"),
    "pharmacy/letters/gp_notification_0412.txt": (
        "Hollins Pharmacy - notification of vaccination to the GP practice\n\n"
        "Patient: BEEVER, Norman   NHS number 412 809 6792\n"
        "Influenza vaccine given in the pharmacy on 14/11/2026, batch FL2231.\n\n"
        "Kind regards\nRuth Okonjo\nPharmacist\n"),
}
RAW = ["Whitworth", "Nowicki", "Sunderland", "Pickersgill", "14/07/2020", "460 195 4061",
       "Beever", "Hartley", "Ossett", "Okonjo", "12/01/1940", "412 809 6792"]


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


@pytest.fixture(scope="module")
def walk_in(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "walk-in", WALK_IN_SHARE)


def test_a_date_of_birth_in_a_list_item_is_its_own_person_s(walk_in, tmp_path):
    assert people_of(export_individuals(walk_in, tmp_path, "--reveal")) == [
        person("Norman Beever", "4128096792", "12/01/1940")]
    assert_no_raw_values(walk_in, RAW)
