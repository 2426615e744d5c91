"""One row per person in a falls-response service's notes (issue 15): a visit note's first
line `att Mrs Edith Platt Flat 7, Weavers Court ...` (the flat's word and number after the
titled name are her address, not her surname's end: before, `Edith Platt Flat` with her date
of birth made a row of nobody, and hers was missing). A titled name ending in a word that is
a name (`Mrs Ann Bedford Room`) keeps it unless a number follows. And a shift log's entries
end with the responders' short names (`Sharon B + Tony`): the team, staff, never a person
with the entry's date of birth (before, a row of nobody). A log's item opened by a titled
name with an initial and no identifier (`Mrs P Entwistle (CL30412)`) is hers: its `Back door
never locked` is never the item above's person's (before, Harold Lomas took it).
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

CLIENTS = (
    "Client,DOB,Postcode\n"
    "Edith Platt,09/04/1933,BD7 2LN\n"
    "Harold Kershaw,17/11/1929,BD7 4QE\n"
    "Nora Feeney,02/02/1941,BD6 1AT\n"
    "Harold Lomas,08/08/1930,BD7 9QQ\n"
)
VISIT = (
    "04/10/26 07:40 att Mrs Edith Platt Flat 7, Weavers Court BD7 2LN\n"
    "dob 9.4.33\n"
    "pendant activation, found on floor by bed, no injury. helped up with ELK.\n"
    "- Dawn / Raj\n"
)
SHIFTS = (
    "RESPONDER SHIFT LOG - OCT 2026\n"
    "-----\n"
    "05/10 02:10  Mr H Kershaw (CL30112)  12 Tenter Row\n"
    "  DOB 17/11/1929\n"
    "  slid off bed, no injury, settled\n"
    "  key safe by back door, code 5521\n"
    "  Michelle T + Dave\n"
    "-----\n"
    "06/10 19:55  Mrs N Feeney (CL30871)  3 Mill Fold\n"
    "  DOB 02/02/1941\n"
    "  fall in bathroom, skin tear L forearm, dressed\n"
    "  Lorraine + Dave\n"
    "-----\n"
    "07/10 11:05  Mrs E Platt (CL30233)  Flat 7, Weavers Court\n"
    "  DOB 09/04/1933\n"
    "  found on floor in lounge, no injury\n"
    "  Sharon B + Tony\n"
    "-----\n"
    "08/10 14:20  LOMAS, Harold (CL30990)  22 Clough Lane\n"
    "  slid off chair, no injury\n"
    "  key safe by garage door, code 4471\n"
    "  Dave + Jodie\n"
    "-----\n"
    "09/10 23:04  Mrs P Entwistle (CL30412)  Flat 2, Ribble Court\n"
    "  found on floor, c/o pain R hip\n"
    "  Back door never locked, come round the side\n"
    "  Jodie + Dave\n"
    "-----\n"
)
SHARE = {"clients.csv": CLIENTS, "visits/2026-10-04_Platt.txt": VISIT,
         "logs/shift_log_oct.txt": SHIFTS}


@pytest.fixture(scope="module")
def falls(tmp_path_factory):
    return scanned_share(tmp_path_factory, "alarm-rows", SHARE)


def test_each_client_is_one_row_and_nobody_else_is(falls, tmp_path):
    rows = export_individuals(falls, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted(
        (key("PERSON", name), key("DATE_OF_BIRTH", dob)) for name, dob in (
            ("Edith Platt", "09/04/1933"), ("Harold Kershaw", "17/11/1929"),
            ("Nora Feeney", "02/02/1941"), ("Harold Lomas", "08/08/1930")))
    assert not any("Flat" in row["name"] or "+" in row["name"] for row in rows)


def test_a_log_item_headed_by_a_titled_initial_name_keeps_its_access_note(falls, tmp_path):
    rows = export_individuals(falls, tmp_path, "--reveal")
    kinds = {key("PERSON", row["name"]): row["home_access_kinds"] for row in rows}
    assert kinds[key("PERSON", "Harold Lomas")] == "code"
