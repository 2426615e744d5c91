"""A death written at an address is not the one person the scan knows there (session 19,
people-names). An equipment service's collection note says `Mr Kershaw passed away` and
where to collect the bed: it names nobody fully, so it joins the one person whose records
give its postcode, his widow, a district nursing patient with a key safe. Her row was
`deceased`, and the way into the home she still lives in left the home-access figure. A
record joined by its postcode alone (`Record.at_postcode_only`) still joins (its data is
hers to count), but the death or move it states is not shown to be hers. A death her own
record states stays hers. Written for this batch (before: the widow dead, no home access).
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

WIDOW = (
    "Patient: Ivy Kershaw\nDOB: 12/03/1941\nNHS: 943 476 5919\n"
    "Address: 14 Mill Lane, Halifax HX3 7DJ\nDiagnosis: heart failure\n"
    "Access: key safe by the back door, code 4471\n"
)
COLLECTION = (
    "Equipment collection request\n\n"
    "Mr Kershaw passed away on 02/10/2026. Please collect the hospital bed and hoist from "
    "14 Mill Lane, Halifax HX3 7DJ.\n"
)
OWN_DEATH = (
    "Patient: Walter Pennock\nDOB: 02/07/1936\nNHS: 401 023 2137\n"
    "Address: 3 Beck Side, Halifax HX2 9QT\nDiagnosis: COPD\n"
    "Access: key under the plant pot by the front door\n"
    "Update 04/11/2026: patient died at home this morning, death verified by GP.\n"
)
FILES = {"caseload/patient_0412.txt": WIDOW, "equipment/collection_0977.txt": COLLECTION,
         "caseload/patient_0413.txt": OWN_DEATH}


@pytest.fixture(scope="module")
def shared_home_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "death-at-shared-home", FILES)


def test_the_widow_lives_and_her_way_in_counts(shared_home_scanned, tmp_path):
    rows = {key("UK_NHS", row["nhs_number"]): row
            for row in export_individuals(shared_home_scanned, tmp_path, "--reveal")}
    assert sorted(rows) == sorted([key("UK_NHS", "9434765919"), key("UK_NHS", "4010232137")])
    widow, dead = rows[key("UK_NHS", "9434765919")], rows[key("UK_NHS", "4010232137")]
    assert (widow["life_state"], widow["home_access"], widow["home_access_kinds"],
            widow["records"]) == ("", "true", "code", "2")
    assert (dead["life_state"], dead["home_access"], dead["former_home_access_kinds"]) == (
        "deceased", "false", "hidden_key")


def test_nothing_raw_without_reveal(shared_home_scanned, tmp_path):
    export_individuals(shared_home_scanned, tmp_path)
    for written in (tmp_path, shared_home_scanned):
        assert_no_raw_values(written, ["Kershaw", "Pennock"])
