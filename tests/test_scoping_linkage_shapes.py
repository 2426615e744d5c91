"""One person across files in three name shapes (issue 15): a FHIR Patient gives the name
(`given` with a middle name, `family`) and the NHS number, a befriending referrals CSV the
surname in capitals in its own column with the forename and date of birth, a volunteer's
welfare-call log the name with an age and a door left on the latch for `Mr Oyelaran`: one
row with the number, the date of birth and the door left open (the two halves join by
`link_halves`, the log's item by the one person carrying its name). A father and his son of
one name at one address (the father's number and date of birth, the son's date of birth)
stay two people, and the log's item naming that name with an age joins neither: an age is
no date of birth, and a name two people carry attaches nothing. Scanned and exported by the
real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values


def patient(nhs: str, family: str, given: list[str], postcode: str,
            birth_date: str | None = None) -> dict:
    resource = {"resourceType": "Patient",
                "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": nhs}],
                "name": [{"family": family, "given": given, "prefix": ["Mr"]}],
                "address": [{"line": ["5 Weaver Close"], "city": "Kelsford",
                             "postalCode": postcode}]}
    if birth_date:
        resource["birthDate"] = birth_date
    return {"resource": resource}


BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    patient("4862110002", "Oyelaran", ["Percival", "James"], "WR14 2AB"),
    patient("4873310008", "Okoro", ["Daniel"], "WR14 3DE", "1979-08-21"),
]}
REFERRALS = (
    "Surname,Forename,DOB,Postcode,Referred by,Notes\n"
    "OYELARAN,Percival,14/02/1937,WR14 2AB,Ward 7 discharge team,Lives alone\n"
    "Okoro,Daniel,03/03/2015,WR14 3DE,School nurse,Young carer for his father\n"
)
WELFARE_LOG = (
    "HOME FROM HOSPITAL - WELFARE CALL LOG - week 49\n"
    "Volunteer: Bethan Lloyd\n"
    "\n"
    "01/12/2026 10:05  Percival Oyelaran (89) - settled, eating well. Daughter says she left"
    " the door on the latch for Mr Oyelaran's carers.\n"
    "01/12/2026 10:40  Daniel Okoro (11) - young carer check-in, all fine.\n"
)
SHARE = {
    "virtual_ward/patients_0412.json": json.dumps(BUNDLE, indent=1),
    "befriending/referrals.csv": REFERRALS,
    "befriending/welfare_calls_week49.txt": WELFARE_LOG,
}
RAW = ["4862110002", "Oyelaran", "14/02/1937", "Daniel Okoro", "03/03/2015"]


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    return scanned_share(tmp_path_factory, "linkage-shapes", SHARE)


def test_one_person_in_three_shapes_is_one_row_and_a_father_and_son_two(shapes, tmp_path):
    rows = export_individuals(shapes, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["nhs_number"],
                   key("DATE_OF_BIRTH", row["date_of_birth"]), row["home_access_kinds"],
                   row["records"], row["linkage_fault"]) for row in rows) == sorted([
        (key("PERSON", "Percival Oyelaran"), "4862110002", key("DATE_OF_BIRTH", "14/02/1937"),
         "left_open", "3", ""),
        (key("PERSON", "Daniel Okoro"), "4873310008", key("DATE_OF_BIRTH", "21/08/1979"),
         "", "1", ""),
        (key("PERSON", "Daniel Okoro"), "", key("DATE_OF_BIRTH", "03/03/2015"), "", "1", ""),
    ])


def test_the_report_counts_three_people_and_leaves_the_shared_name_unattributed(shapes):
    report = report_json(shapes)
    assert (report["individuals"]["total"], report["individuals"]["with_home_access"],
            report["individuals"]["linkage_faults"]) == (3, 1, 0)
    assert (report["records"]["linked_to_individuals"], report["records"]["unattributed"]) == (
        5, 2)


def test_nothing_raw_without_reveal(shapes, tmp_path):
    assert len(export_individuals(shapes, tmp_path)) == 3
    assert_no_raw_values(shapes, RAW)
    assert_no_raw_values(tmp_path, RAW)
