"""A given name that is also a medicine's trade name is a name where a name stands (session
19, people-names): share 18's occupational-health list named an employee `Mr Tobi Davies`
(`TOBI`, inhaled tobramycin): his name was cut at the medicine, nobody was made of the row
and the word was reported as his medication. A trade name alone (`Tobi`, `Yasmin`,
`Allegra`: no generic or condition of that spelling) written as a name is, after a title, in
a name field, before a date of birth or an NHS number, with another name word beside it, is a
given name; a medicine inside a person's name is never reported as one (the herbs that are
names too: `Heather`, `Rosemary`). The same words in a medicines list stay medicines.
Written for this batch (before: 2 of the 5 people missing, one row without a name, 3 given
names reported as medicines).
"""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

REFERRALS = (
    "Ref,Employee,Staff no,DOB,Job title,Reason,OH clinician\n"
    "R-101,Mr Tobi Davies,E9398078,04/05/1984,Porter,long COVID,Ivor Penhallow\n"
    "R-102,Ms Allegra Pryce-Jones,E9398079,17/10/1990,Librarian,asthma,Ivor Penhallow\n"
)
CLINIC_LETTER = (
    "Castlegate Medical Partnership\n\n"
    "Re: Yasmin Okonkwo (DOB 09/02/2005), NHS 943 476 5919\n\n"
    "Dear Dr Sandhu,\n\nI saw Ms Okonkwo in the asthma clinic today. Her inhaler technique "
    "was good.\n\nYours sincerely\n\nDr Miriam Achterberg\n"
)
CLINIC_LIST = (
    "Asthma clinic list\n"
    "- Heather Rosemary Lowe (DOB 21/03/1961): review inhaler, peak flow 320\n"
)
MEDICATIONS = (
    "Patient: Harriet Quennell\nDOB: 30/08/1979\nDiagnosis: cystic fibrosis\n"
    "Medication: Tobi 300mg nebulised bd; Yasmin 1 tablet daily\n"
)
FILES = {"oh/referrals.csv": REFERRALS, "gp/letter.txt": CLINIC_LETTER,
         "gp/clinic_list.txt": CLINIC_LIST, "gp/medications.txt": MEDICATIONS}


@pytest.fixture(scope="module")
def brand_names_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "brand-forenames", FILES)


def test_each_person_once_by_their_whole_name(brand_names_scanned, tmp_path):
    rows = export_individuals(brand_names_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted([
                      (key("PERSON", "Tobi Davies"), key("DATE_OF_BIRTH", "04/05/1984")),
                      (key("PERSON", "Allegra Pryce-Jones"), key("DATE_OF_BIRTH", "17/10/1990")),
                      (key("PERSON", "Yasmin Okonkwo"), key("DATE_OF_BIRTH", "09/02/2005")),
                      (key("PERSON", "Heather Rosemary Lowe"),
                       key("DATE_OF_BIRTH", "21/03/1961")),
                      (key("PERSON", "Harriet Quennell"), key("DATE_OF_BIRTH", "30/08/1979"))])


def test_medicines_only_where_they_are_medicines(brand_names_scanned):
    with sqlite3.connect(brand_names_scanned / "inventory.sqlite") as db:
        found = Counter(location.rsplit("/", 1)[-1] for (location,) in db.execute(
            "SELECT l.location FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'MEDICATION'"))
    assert found == {"medications.txt": 2}


def test_nothing_raw_without_reveal(brand_names_scanned, tmp_path):
    export_individuals(brand_names_scanned, tmp_path)
    for written in (tmp_path, brand_names_scanned):
        assert_no_raw_values(written, ["Tobi", "Allegra", "Okonkwo", "Quennell"])
