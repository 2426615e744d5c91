"""Home access in stamped logs bound to the person each line is about (issue 15, session 14),
in a world no share had: a sight-loss rehabilitation team and its guide volunteers.

- a line opening with a date or time and who wrote it (`02/11/2026 Yasmin: read post for
  ...`) is an item of the log about the first person it names after the writer's label, so
  its access note is that person's, never the log's one identified person's nor the next
  line's client's;
- a note naming nobody in a file is the file's one person's (the one its identifiers give)
  only when no other record of the file names another known person: a log line whose
  client's name is not read no longer joins the one client of the log with a date of birth,
  nor does it join the one known client a log names without an identifier;
- a single client's diary (`Client: ... DOB ...` over stamped entries by staff) stays one
  person's: its colleagues named in an entry take nothing.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

CASELOAD = (
    "Client,Date of birth,Postcode,Worker\n"
    "Tobias Wren,14/02/1936,HX7 2AB,Ffion Hale\n"
    "Mabel Strickland,30/06/1929,HX7 3CD,Ffion Hale\n"
    "Clement Ashby,09/09/1941,HX7 4EF,Oren Baptiste\n"
    "Dorcas Fairweather,21/12/1933,HX7 5GH,Oren Baptiste\n"
    "Iolanthe Grimshaw,05/05/1938,HX7 6JK,Ffion Hale\n"
)
VOLUNTEER_LOG = (
    "Guide volunteers - home visit log, November 2026\n\n"
    "02/11/2026 Yasmin: read post for Iolanthe Grimshaw (DOB 05/05/1938). Spare key under the"
    " stone hedgehog by the step.\n"
    "05/11/2026 Callum: walked Clement Ashby to the shops. Talking watch battery replaced.\n"
    "09/11/2026 Yasmin: sorted bills with Mrs Mabel Strickland. Niece Odette Pryor has a key.\n"
    "10/11/2026 Callum: shopping list for Mrs Dorcas Fairweather - back door on the latch all"
    " day, just shout as you go in.\n"
    "11/11/2026 Yasmin: labelled the cooker dials. Her son has a spare key.\n"
    "12/11/2026 Callum: visited Tobias Wren. Played dominoes.\n"
)
DIARY = (
    "Client: Mr Silas Brough, DOB 17/03/1930\n"
    "03/11/2026 Ffion Hale: home visit, saw Silas with his daughter. Key safe left of the"
    " porch, code 6 0 2 8.\n"
    "10/11/2026 Oren Baptiste: joint visit with Ffion Hale, mobility training.\n"
)

PHONE_LOG = (
    "2026-11-20 09:10 DUTY RH Mr Clement Ashby - cane tip worn, posting a new one.\n"
    "2026-11-20 09:25 DUTY RH Mr Horace Vane - asked about the talking clock.\n"
    "2026-11-20 09:40 DUTY OB Mrs V. - key safe 5 5 0 3 by the back door.\n"
)

SHARE = {"rehab/caseload.csv": CASELOAD, "rehab/duty_phone.txt": PHONE_LOG,
         "volunteers/visit_log.txt": VOLUNTEER_LOG, "rehab/client_diary.txt": DIARY}

EXPECTED = {"Tobias Wren": "", "Mabel Strickland": "key_holder", "Clement Ashby": "",
            "Dorcas Fairweather": "left_open", "Iolanthe Grimshaw": "hidden_key",
            "Silas Brough": "code"}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-stamped-logs", SHARE)


def test_each_log_line_opens_the_home_of_the_person_it_is_about(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted((key("PERSON", name), kinds) for name, kinds in EXPECTED.items())


def test_both_key_holders_are_the_clients_related_people(scanned, tmp_path):
    rows = {key("PERSON", row["name"]): row for row in export_individuals(
        scanned, tmp_path, "--reveal")}
    assert rows[key("PERSON", "Mabel Strickland")]["related_people"] == "Odette Pryor"
    assert rows[key("PERSON", "Iolanthe Grimshaw")]["related_people"] == ""


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(scanned, ["Strickland", "6 0 2 8", "hedgehog", "Brough"])


# A pharmacy's delivery log: a name with a title, or followed by its own identifier, after
# a line's stamp is whom the line is about, never its writer (before, `Mrs Ann Lee:` was
# read as the writer, the log was one record and Joan Pryce took both key safe codes). Ivy
# Booth's name is not read (`Name: DOB ...` is no shape the name recognisers know): her line
# is still a record of its own, so her date of birth and code are nobody else's.
DELIVERY_LOG = (
    "Meds delivery log - Calder Valley Pharmacy, March 2026\n\n"
    "11/03/2026 Nadia: delivered to Joan Pryce (DOB 05/05/1935), all well. Key under the mat"
    " by the back door.\n"
    "12/03/2026 Mrs Ann Lee: key safe by the side gate, code 4821. Blister packs left.\n"
    "13/03/2026 Mr Tom Hartley: key safe on the porch wall, code 7731. Fridge items put away.\n"
)
NIGHT_SITS = (
    "Night sits - Ribble Homecare\n\n"
    "14/03/2026 Ivy Booth: DOB 03/03/1933, key safe at the back door, code 1593\n"
    "14/03/2026 Len Ashworth: NHS 943 476 5919, spare key with the neighbour at no. 4\n"
    "15/03/2026 Priya: visited Hilda Crabtree (DOB 09/10/1930), back door on the latch\n"
)


@pytest.fixture(scope="module")
def client_lines(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-stamped-clients",
                         {"pharmacy/deliveries.txt": DELIVERY_LOG,
                          "homecare/night_sits.txt": NIGHT_SITS})


def test_a_titled_or_identified_name_after_a_stamp_is_no_writer(client_lines, tmp_path):
    rows = export_individuals(client_lines, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["nhs_number"],
                   row["home_access_kinds"]) for row in rows) == sorted([
        (key("PERSON", "Joan Pryce"), "05/05/1935", "", "hidden_key"),
        (key("PERSON", "Hilda Crabtree"), "09/10/1930", "", "left_open"),
        (key("PERSON", "Len Ashworth"), "", "943 476 5919", "key_holder")])
