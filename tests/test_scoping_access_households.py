"""Home access per person in a learning-disability service's lists and homes (issue 15): a
day-opportunities minibus run sheet whose stops (`Pick-up 2 - 08:25`) open blocks of
`Name:` / address / `Access:` lines, one stop's address line opening with `Flat 4` (an
address, no stop of the list) and its name only a forename (joined by its postcode); a GP's
annual-health-check round whose items are told apart by their postcodes (one name of three
read: before, the round was one record and that person took the others' key-safe code and
hidden key); a hospital passport (`How to get into my home:`) naming the person's father, who
is supported too and lives at the same postcode (one home: both have its key-safe code),
beside a sister who is supported but lives elsewhere (nothing shared); a supported-living
provider's JSON export of a shared house's tenants, one row with the house's front-door key
safe, and an easy-read letter to both tenants about it, under their names and room numbers
(a note naming the people of one home opens each of their homes; `Room 1` and `Room 12`
open no list of people); an HL7 NTE key holder; an LD nurse's visit log whose
visits end `signed <nurse>` (a closing line holding its own signature: before, the next
visit's patient was read as the signing nurse, and the previous patient took his hidden
key). Near misses of the same worlds (the minibus key press, the day-centre keypad, a
medication cabinet's key) open no home. Scanned and exported by the real CLI; nothing raw
leaves without `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values

REGISTER = (
    "Name,Date of birth,NHS number,Postcode,Service\n"
    "Jordan Okafor,04/05/1998,4861200008,WR6 2AB,day opportunities\n"
    "Ruth Naylor,19/02/1993,4861201373,WR6 3DE,day opportunities\n"
    "Amy Lee,22/07/1990,4861202744,WR7 1EF,day opportunities\n"
    "Beth Lee,30/01/1988,4861204119,WR9 9ZZ,supported living\n"
    "Daniel Hurst,03/03/1995,4861205484,WR5 7QR,community LD team\n"
    "Peter Hurst,12/12/1950,4861206855,WR5 7QR,community LD team\n"
    "Samuel Thornber,08/08/1985,4861209595,WR4 2ST,annual health check\n"
)
RUN_SHEET = (
    "DAY OPPORTUNITIES MINIBUS - RUN SHEET - Monday 7 December 2026\n"
    "Driver: Gary Pollitt    Escort: Nadia Rahman\n"
    "Minibus keys in the office key press, press code 4471. Day centre keypad 1904.\n"
    "\n"
    "Pick-up 1 - 08:10\n"
    "Name: Jordan Okafor\n"
    "Address: 14 Elm Road, Kelsford, WR6 2AB\n"
    "Access: spare key in the key safe by the gate, code 3390.\n"
    "Pick-up 2 - 08:25\n"
    "Name: Ruth\n"
    "Flat 4, Mill Court, Kelsford, WR6 3DE\n"
    "Access: front door left on the latch when we are due, walk in and call out.\n"
    "Pick-up 3 - 08:40\n"
    "Name: Amy Lee\n"
    "Address: 22 Beck Lane, Kelsford, WR7 1EF\n"
    "Access: ring the bell, Amy waits inside with her sister Beth Lee.\n"
)
HEALTH_CHECKS = (
    "ANNUAL HEALTH CHECKS - home visits - Tuesday 8 December 2026\n"
    "GP: Dr Sunita Patel    HCA: Lorna Briggs\n"
    "\n"
    "* Sam - 41 - WR4 2ST - bloods, BP, weight - done\n"
    "    Access: key under the blue plant pot by the back door.\n"
    "* Beth - 38 - WR9 9ZZ - bloods - not home\n"
    "    Access: key safe on the wall by the garage, code 7712.\n"
    "* Jordan Okafor - 28 - WR6 2AB - BP - done\n"
)
PASSPORT = (
    "MY HOSPITAL PASSPORT\n"
    "My name is: Daniel Hurst\n"
    "Date of birth: 03/03/1995\n"
    "I live at: 7 Quarry Lane, Kelsford, WR5 7QR\n"
    "Things you must know about me: I have autism and epilepsy. I do not like loud noises.\n"
    "My dad Peter Hurst is my next of kin and lives with me.\n"
    "How to get into my home: key safe by the back door, code 5521.\n"
)
TENANTS = {"scheme": "Elm Road shared house", "tenants": [
    {"tenant_name": "Kyle Barnes", "date_of_birth": "1992-06-14", "address": "12 Elm Road",
     "postcode": "WR2 5HB", "access": "Front door key safe by the porch, code 6420"},
    {"tenant_name": "Zara Quinn", "date_of_birth": "1996-03-02", "address": "12 Elm Road",
     "postcode": "WR2 5HB", "access": "Ring the bell, the sleep-in worker answers"},
]}
# An easy-read letter to both tenants of the shared house, under their names and room
# numbers (`Room 1`, `Room 12`: addresses, no list of people): its key safe opens both homes.
LETTER = (
    "Elm Road Supported Living\n"
    "Kyle Barnes and Zara Quinn\n"
    "Room 1 and Room 2\n"
    "12 Elm Road, Kelsford, WR2 5HB\n"
    "\n"
    "Dear Kyle and Zara,\n"
    "Your new front door key safe is fitted by the porch. The code is 6420.\n"
    "Please do not tell anyone the code.\n"
    "Room 12 at the respite house is booked for Kyle on Friday.\n"
    "From Jenny Marsh, team leader\n"
)
HL7 = (
    "MSH|^~\\&|LDTEAM|RXX|EPR|RXX|202612081200||ADT^A08|91|P|2.4\r"
    "PID|1||4861210968^^^NHS^NH||PRICE^Leon^^^Mr||19990911|M|||"
    "3 Fold Road^^Kelsford^^WR3 8UW^GBR\r"
    "PV1|1|O|LDT^^^RXX||||C2002^MENSAH^Ama^^^Dr\r"
    "NTE|1||Home visits: key held by neighbour Joan Webb at no. 5, 07700 900417.\r"
)
VISIT_LOG = (
    "LD NURSE HOME VISITS - week 49\n"
    "Nurse: Kemi Adebayo\n"
    "\n"
    "01/12 10:15  Mr Leon Price (DOB 11/09/1999)  3 Fold Road\n"
    "    Epilepsy review, rescue medication checked. Medication cabinet key on the staff lanyard.\n"
    "    signed Kemi Adebayo\n"
    "02/12 11:30  Samuel Thornber (DOB 08/08/1985)  19 Tanner Street\n"
    "    Health action plan reviewed with Sam.\n"
    "    Key under the blue plant pot by the back door.\n"
    "    signed K. Adebayo\n"
)
SHARE = {
    "ld_team/visit_log_week49.txt": VISIT_LOG,
    "register/ld_register.csv": REGISTER,
    "day_ops/minibus_run_sheet_2026-12-07.txt": RUN_SHEET,
    "gp/health_checks_round_2026-12-08.txt": HEALTH_CHECKS,
    "ld_team/hospital_passport_daniel.txt": PASSPORT,
    "supported_living/tenants_export.json": json.dumps(TENANTS, indent=2),
    "supported_living/letter_key_safe_elm_road.txt": LETTER,
    "ld_team/adt_0091.hl7": HL7,
}
RAW = ["3390", "5521", "7712", "6420", "Jordan Okafor", "Peter Hurst", "4861205484"]
GIVEN = {  # name -> the kinds of way into their home the share gives
    "Jordan Okafor": "code",
    "Ruth Naylor": "left_open",
    "Amy Lee": "",
    "Beth Lee": "code",
    "Daniel Hurst": "code",
    "Peter Hurst": "code",
    "Samuel Thornber": "hidden_key",
    "Kyle Barnes": "code",
    "Zara Quinn": "code",
    "Leon Price": "key_holder",
}


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-households", SHARE)


@pytest.fixture(scope="module")
def revealed(homes, tmp_path_factory):
    return export_individuals(homes, tmp_path_factory.mktemp("households-export"), "--reveal")


def test_each_stop_item_and_home_gives_exactly_its_own_people_their_way_in(revealed):
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in revealed) == (
        sorted((key("PERSON", name), kinds) for name, kinds in GIVEN.items()))


def test_a_parent_named_in_his_sons_passport_at_their_postcode_shares_the_home(revealed):
    rows = {key("PERSON", row["name"]): row for row in revealed}
    assert rows[key("PERSON", "Daniel Hurst")]["related_people"] == "Peter Hurst"
    assert rows[key("PERSON", "Peter Hurst")]["home_access"] == "true"
    # a sister named beside a person but living at another postcode shares nothing
    assert rows[key("PERSON", "Amy Lee")]["related_people"] == "Beth Lee"
    assert rows[key("PERSON", "Amy Lee")]["home_access"] == "false"


def test_the_report_counts_each_kind_once_per_person(homes):
    people = report_json(homes)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_entry_details"]) == (
        10, 9, 8)
    assert people["by_access_kind"] == {"code": 6, "hidden_key": 1, "left_open": 1,
                                        "key_holder": 1}


def test_nothing_raw_without_reveal(homes, tmp_path):
    assert len(export_individuals(homes, tmp_path)) == len(GIVEN)
    assert_no_raw_values(homes, RAW)
    assert_no_raw_values(tmp_path, RAW)
