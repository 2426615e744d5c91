"""Home access per person in a list of people that identifies nobody (issue 15): a
pharmacy driver's delivery run, an equipment service's collection jobs, a warden's or a
careline's daily log. Each line opens an item (a number, a time, a date, a bullet) naming
one person, with the access note on the line under it; no date of birth or NHS number is
written, so the list joins people only by their names. Before, the list was one record: it
joined nobody when two of its names were known people (every access note lost) and the one
person whose name was known when only one was (every other person's key-safe code became
theirs). Now each item is an entry of its own (`line 8`), and its access note is its
person's.

A couple seen together at home (`Mr Walter Pickup ...`, `Mrs Dorothy Pickup ...`, then
`Access: key safe by the garage door, code 1930 - they share the one key safe`) both have
the code: `they share` says one home (`[household]` in `phiscan/data/roles.txt`), and the
second `key safe` is the device again, not a key hidden by the garage door (a `hidden_key`
had been read from `... the one key` before `safe`). A delivery run's key-safe column gives
its row's person a code; its locker PIN column and a depot's van-key safe give nobody one.
Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

PATIENTS = (
    "Patient,DOB,NHS number,Delivery day\n"
    "Doris Atherton,12/03/1936,4128096792,Thursday\n"
    "Albert Crabtree,30/07/1941,4304701746,Thursday\n"
    "Edith Ramsbottom,05/01/1933,4071108436,Thursday\n"
    "Harold Pennington,22/09/1938,4286687597,Friday\n")
RUN_SHEET = (
    "Hollins Pharmacy - prescription home delivery run - Thursday 19 November 2026\n"
    "Driver: Gary Lumb   Van 2\n"
    "Collection locker PIN for today's returns: 5521\n\n"
    "1. 09:10  Mrs Doris Atherton, 14 Weaver Street - blister packs x4, signed for.\n"
    "     Safe place: door is left on the latch, put the bag inside the porch.\n"
    "2. 09:40  Mr Albert Crabtree, Flat 6 Calder Court - no answer, card left.\n"
    "3. 10:05  Edith Ramsbottom - delivered, controlled drug signed for by patient.\n"
    "     Key safe by the back door, code 2716 - let yourself in and call out.\n"
    "4. 10:30  Harold Pennington - failed delivery, left with no. 12 (neighbour holds a"
    " spare key).\n")
COLLECTIONS = (
    "Community Equipment Service - collection jobs, week 47\n"
    "Technician on round: Sean Whitlow\n\n"
    "- JOB 40021  Doris Atherton: collect bath board. Neighbour has key, ring first.\n"
    "- JOB 40029  Albert Crabtree: collect walking frame. Spare key under the blue pot by"
    " the side gate.\n")
DELIVERY_RUN = (
    "Run,Stop,Patient,DOB,NHS No,Address,Items,Key safe,Locker PIN,Driver notes\n"
    "R7,1,Mabel Greenhalgh,03/02/1931,4608374311,\"5 Tenter Croft, CW2 4PL\",Blister pack x2,"
    "4417 (left of front door),,\n"
    "R7,2,\"SHUTTLEWORTH, Cyril\",19/08/1936,4812586321,\"22 Nab Lane, CW2 7HD\",Insulin pens,,,"
    "Ring bell and wait - slow to the door.\n"
    "R7,3,Irene Bottomley,11/11/1944,4169089383,\"Flat 3, Moss Court, CW2 6JJ\",Repeat meds,,"
    "7781,Patient collects from locker - not a home delivery\n")
COUPLE_VISIT = (
    "Clearview Domiciliary Eyecare - home sight test record\n"
    "Optometrist: Anjali Mistry   Dispensing assistant: Craig Fell\n"
    "Visit date: 17/11/2026\n\n"
    "Patients at this address (both seen):\n"
    "Mr Walter Pickup   DOB 14/06/1934   NHS 489 215 6264\n"
    "Mrs Dorothy Pickup   DOB 02/09/1936   NHS 412 844 3328\n"
    "Address: 9 Weavers Fold, Hollinside, CW7 3PE\n\n"
    "Access: key safe by the garage door, code 1930 - they share the one key safe, please let"
    " yourself in.\n\n"
    "Walter: cataract developing R eye, refer to GP. Dorothy: new reading glasses ordered.\n")
FAILED_DELIVERY = (
    "Calder Community Equipment - failed delivery note\n"
    "Job: 40112   Item: profiling bed and pressure mattress\n"
    "Client: Ernest Lomax   DOB 07/07/1940   NHS 494 939 6994\n"
    "Technicians: Ross Heap, Dean Pilling\n\n"
    "No answer at 11:20. Card left. Neighbour at no. 12 has a key - called, no reply.\n"
    "Depot key safe code 3321 for van keys (staff).\n")
RAW = ["Atherton", "Crabtree", "Ramsbottom", "Pennington", "Gary Lumb", "2716", "4128096792",
       "Pickup", "Greenhalgh", "Shuttleworth", "Bottomley", "Lomax", "1930", "4417", "7781"]


@pytest.fixture(scope="module")
def lists(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "lists", {
        "pharmacy/patients.csv": PATIENTS,
        "pharmacy/runs/run_sheet_thursday.txt": RUN_SHEET,
        "equipment/collections_wk47.txt": COLLECTIONS,
    })


def test_each_item_of_a_list_gives_its_own_person_their_access(lists, tmp_path):
    rows = export_individuals(lists, tmp_path, "--reveal")
    given = sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows)
    assert given == sorted([
        (key("PERSON", "Doris Atherton"), "left_open;key_holder"),
        (key("PERSON", "Albert Crabtree"), "hidden_key"),
        (key("PERSON", "Edith Ramsbottom"), "code"),
        (key("PERSON", "Harold Pennington"), "key_holder"),
    ])


def test_the_list_export_holds_no_raw_value_without_reveal(lists, tmp_path):
    assert len(export_individuals(lists, tmp_path)) == 4
    assert_no_raw_values(lists, RAW)
    assert_no_raw_values(tmp_path, RAW)


@pytest.fixture(scope="module")
def homes(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "homes", {
        "pharmacy/delivery_run_2026-11-20.csv": DELIVERY_RUN,
        "optometry/domiciliary_visit_0917.txt": COUPLE_VISIT,
        "equipment/failed_delivery_40112.txt": FAILED_DELIVERY,
    })


def test_a_couple_sharing_a_key_safe_and_a_run_s_columns(homes, tmp_path):
    rows = export_individuals(homes, tmp_path, "--reveal")
    given = sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows)
    assert given == sorted([
        (key("PERSON", "Walter Pickup"), "code"),
        (key("PERSON", "Dorothy Pickup"), "code"),
        (key("PERSON", "Mabel Greenhalgh"), "code"),
        (key("PERSON", "Cyril Shuttleworth"), ""),
        (key("PERSON", "Irene Bottomley"), ""),
        (key("PERSON", "Ernest Lomax"), "key_holder"),
    ])
    assert_no_raw_values(homes, RAW)
