"""A person known by a middle name is one person (issue 15).

A palliative register lists `Iredale, Emeka Alwyn` (known as Alwyn) with his NHS number; the
agency's daily log and its rota name him `Mr Alwyn Iredale` with his date of birth. The names'
keys (first given name and family name) differ, so he was two people. A name's middle names,
each with its family name, are forms it is linked by, only with an agreeing date of birth.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

REGISTER = ("NHS Number,Surname,Forename,Known as,DOB,Postcode\n"
            "485 092 7688,Iredale,Emeka Alwyn,Alwyn,27/12/1954,HX3 5NB\n"
            "485 100 0006,Iredale,Olwen,,10/07/1969,HX3 2LG\n")
LOG = ("Calder EoL Care Agency - daily log\nClient: Mr Alwyn Iredale   DOB 27/12/1954\n"
       "Addr: 29 Cragg View, Halifax HX3 5NB\nAlwyn settled, sleeping most of shift.\n")
# another man of the same family name and first name, born another day: never him
OTHER = "Referral: Alwyn Iredale, DOB 03/03/1961, 4 Moor Lane HX2 9QP, COPD\n"
SHARE = {"register/export.csv": REGISTER, "agency/log_0622.txt": LOG, "referrals/r1.txt": OTHER}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "middle-name", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("middle-name-export"), "--reveal")


def test_the_middle_name_he_goes_by_is_his(rows):
    assert sorted((row["nhs_number"].replace(" ", ""), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted([
        ("4850927688", key("DATE_OF_BIRTH", "27/12/1954")),
        ("4851000006", key("DATE_OF_BIRTH", "10/07/1969")),
        ("", key("DATE_OF_BIRTH", "03/03/1961"))])
