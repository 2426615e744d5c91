"""A move out that a return home ends is no move out, the dates checked (session 19,
people-names). A reablement note states the move into a care home and, later, the move back
home: the person was `moved_out` and the key safe of the home they live in again left the
home-access figure. A return home (`moved back home`, `returned home`, `back home from`,
`discharged home`) after the move ends it; one dated before the move (home from respite,
then a permanent placement) does not: the person has moved out. Undated, only a return later
on the move's own line ends it; never another list item's (`tests/test_scoping_life_state.py`).
Written for this batch (before: the person back home was moved out, her code not counted).
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

BACK_HOME = (
    "Patient: Edna Loftus\nDOB: 12/03/1938\nNHS: 943 476 5919\n"
    "Address: 14 Mill Lane, Halifax HX3 7DJ\nDiagnosis: heart failure\n"
    "15/03/2026 moved into Oakwood care home for assessment.\n"
    "02/06/2026 moved back home, package of care restarted. Key safe by the back door, "
    "code 4471.\n"
)
MOVED_AFTER_RESPITE = (
    "Patient: Walter Pennock\nDOB: 02/07/1936\nNHS: 401 023 2137\n"
    "Address: 3 Beck Side, Halifax HX2 9QT\nDiagnosis: COPD\n"
    "Key under the plant pot by the front door.\n"
    "02/03/2026 back home from respite at Oakwood.\n"
    "15/06/2026 moved into Oakwood care home permanently.\n"
)
FILES = {"reablement/client_0412.txt": BACK_HOME, "reablement/client_0413.txt": MOVED_AFTER_RESPITE}


@pytest.fixture(scope="module")
def moves_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "moves-back-home", FILES)


def test_a_move_back_home_ends_the_move_out_only_when_later(moves_scanned, tmp_path):
    rows = {key("UK_NHS", row["nhs_number"]): row
            for row in export_individuals(moves_scanned, tmp_path, "--reveal")}
    assert sorted(rows) == sorted([key("UK_NHS", "9434765919"), key("UK_NHS", "4010232137")])
    home, moved = rows[key("UK_NHS", "9434765919")], rows[key("UK_NHS", "4010232137")]
    assert (home["life_state"], home["home_access"], home["home_access_kinds"]) == (
        "", "true", "code")
    assert (moved["life_state"], moved["home_access"], moved["former_home_access_kinds"]) == (
        "moved_out", "false", "hidden_key")


def test_nothing_raw_without_reveal(moves_scanned, tmp_path):
    export_individuals(moves_scanned, tmp_path)
    for written in (tmp_path, moves_scanned):
        assert_no_raw_values(written, ["Loftus", "Pennock", "Oakwood"])
