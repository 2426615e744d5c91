"""Home access per person (issue 15): the right people, the right kind. An instruction to
go in is by what its line gives (`let ourselves in using the key safe, code ...` is the
code's way in, not a door left open; alone, `let yourself in` is), and a key device
written as absent (`No key safe - spare key is under ...`) gives the key's place, not a
code (`recognizers/access_kinds.py`). Cases in the genres of a community health service
and a housing association's careline (podiatry bookings, a hospital-to-home volunteer's
log, a careline call, a children's nurse's home visit), with near misses from the same
worlds (a volunteers' office code, a school gate code). Scanned and exported by the real
CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

PEOPLE = {  # name, DOB, the kinds of way in the share gives
    "Olive Brannigan": ("14/02/1938", "code"),
    "Reginald Tolley": ("30/09/1929", "hidden_key"),
    "Edith Fenwick": ("04/05/1936", "code"),
    "Albert Quayle": ("12/12/1931", "left_open"),
    "Poppy Shaw": ("03/03/2019", "code"),
}
KINDS_SHARE = {
    "podiatry/bookings.csv": (
        "Patient,DOB,NHS number,Clinic,Podiatrist,Access notes\n"
        "Olive Brannigan,14/02/1938,4868123106,Home visit,Dawn Kettlewell,\"Let yourself in"
        " with the key from the key safe by the garage, code 2291.\"\n"
        "Reginald Tolley,30/09/1929,4869256681,Home visit,Dawn Kettlewell,No key safe - spare"
        " key is under the green plant pot by the back step.\n"),
    "hospital_to_home/visit_log_fenwick.txt": (
        "Hospital to Home - volunteer visit log\n"
        "Client: Mrs Edith Fenwick   DOB 04/05/1936   NHS 486 938 7859\n"
        "Volunteer: Josh Penrose\n"
        "Visit 1: Please enter via the keysafe at the side gate - code 4406. Shopping put"
        " away, staff room code for the volunteers office is 1999.\n"),
    "careline/call_2231.txt": (
        "Careline call 14:02\nClient: Albert Quayle, DOB 12/12/1931, NHS 4862750877\n"
        "Pendant activation, no answer on speech. Door on the latch in the day, let yourself"
        " in.\nMobile warden attended 14:31.\n"),
    "children/visit_shaw.txt": (
        "Community childrens nursing - home visit\n"
        "Child: Poppy Shaw   DOB 03/03/2019   NHS 4864208743\n"
        "Mum asked us to let ourselves in using the key safe by the front door, code 5512."
        " School gate code is 7788 for pick-up.\n"),
}


@pytest.fixture(scope="module")
def kinds_scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("access-per-person-share")
    out = tmp_path_factory.mktemp("access-per-person-out") / "inventory"
    write_files(share, KINDS_SHARE)
    scan_quietly(share, out)
    return out


def test_going_in_is_by_the_way_its_line_gives(kinds_scanned, tmp_path):
    rows = export_individuals(kinds_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access_kinds"])
                  for row in rows) == sorted(
        (key("PERSON", name), dob, kinds) for name, (dob, kinds) in PEOPLE.items())


def test_nothing_raw_without_reveal(kinds_scanned, tmp_path):
    export_individuals(kinds_scanned, tmp_path)
    for written in (tmp_path, kinds_scanned):
        assert_no_raw_values(written, ["2291", "4406", "5512", "Olive Brannigan",
                                       "Dawn Kettlewell", "4868123106"])
