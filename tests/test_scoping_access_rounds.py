"""Home access per person on rounds and kit jobs (issue 15): a homecare driver's schedule
whose stops open with a word and a number (`Stop 2  09:15  Mr Idris Pugh, ...`), a
vaccination round sheet whose patients' blocks stand between separator lines (`-----`),
ages only, an installer's job slip for remote-monitoring kit that names no one, only the
address, and an HL7 note whose key safe is placed after a padlock's code (`Side gate padlock
4563 then key safe on back wall`: where the key safe is, not a hidden key). Each note opens
its own patient's home: before, each list was one record with several names that joined
nobody, and the nameless job slip joined nobody. Near misses of the same worlds (a drug
fridge's code, a clinic keypad, a tablet PIN, a vaccine batch, an order number) open no
home. Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values

PATIENTS = (
    "Name,DOB,NHS number,Postcode,Service\n"
    "Gwen Hardcastle,03/05/1936,4862110002,WR14 2AB,IV antibiotics at home\n"
    "Idris Pugh,17/09/1940,4873310008,WR14 3DE,virtual ward (COPD)\n"
    "Nell Ashby,22/01/1938,4884510003,WR14 4EF,homecare (immunoglobulin)\n"
    "Arthur Ashby,09/11/1935,4895710009,WR14 4EF,homecare (heart failure)\n"
    "Ernest Blackledge,30/06/1933,4851210000,WR14 5GH,housebound vaccination\n"
    "Olwen Price,12/12/1939,4863410077,WR14 6JL,housebound vaccination\n"
    "Mavis Tordoff,05/04/1931,4875610009,WR14 7LN,housebound vaccination\n"
)
SCHEDULE = (
    "HOMECARE DELIVERIES - Wed 2 Dec 2026 - Driver: Kieran Walsh\n"
    "Depot: Unit 9 Canal Wharf, Kelsford, WR14 8ZZ. Drug fridge code 3321 (depot only).\n"
    "\n"
    "Stop 1  08:40  Mrs Gwen Hardcastle, 4 Lark Rise, Kelsford, WR14 2AB\n"
    "   Fridge delivery (2 boxes). Key safe by the porch, code 7140.\n"
    "Stop 2  09:15  Mr Idris Pugh, 18 Mill Street, Kelsford, WR14 3DE\n"
    "   Fridge delivery. Neighbour at no. 20 holds a key, 07700 900222.\n"
    "Stop 3  09:50  Mrs Nell Ashby, 7 Quarry Lane, Kelsford, WR14 4EF\n"
    "   Handed to patient. Order no. 55120934.\n"
)
ROUND_SHEET = (
    "PCN HOUSEBOUND VACCINATION ROUND - Tue 1 Dec 2026\n"
    "Vaccinator: Nurse Aisha Khan   Batch FL2291\n"
    "Clinic keypad 1904 for returning the cool box.\n"
    "----------------------------------------\n"
    "Patient: Mr Ernest Blackledge (91)\n"
    "Address: 22 Tanner Street, Kelsford, WR14 5GH\n"
    "Access: spare key in the meter box, let yourself in\n"
    "Given: flu + COVID, batch FL2291\n"
    "----------------------------------------\n"
    "Patient: Mrs Olwen Price (86)\n"
    "Address: 9 Fold Road, Kelsford, WR14 6JL\n"
    "Access: ring the bell, daughter usually there\n"
    "Given: flu only\n"
    "----------------------------------------\n"
    "Patient: Mrs Mavis Tordoff (94)\n"
    "Address: 31 Beck Lane, Kelsford, WR14 7LN\n"
    "Access: key safe left of the back door, code 5829\n"
    "Given: flu + COVID\n"
)


def kit_job(number: int, address: str, pin: str, serial: str, access: str) -> str:
    return (f"REMOTE MONITORING KIT - INSTALL JOB {number}\n"
            f"Install address: {address}\n"
            f"Kit: tablet (PIN {pin}), pulse oximeter serial {serial}, BP cuff.\n"
            f"Access: {access}\n"
            "Installed and tested by the kit engineer.\n")


HL7 = (
    "MSH|^~\\&|VWARD|RXX|EPR|RXX|202612011200||ADT^A04|77|P|2.4\r"
    "PID|1||4887810008^^^NHS^NH||HOLROYD^Percy^^^Mr||19350214|M|||"
    "12 Dyers Lane^^Kelsford^^WR14 9AB^GBR\r"
    "PV1|1|O|VWARD^^^RXX||||C1001^OKAFOR^Grace^^^Dr\r"
    "NTE|1||Visit access: Side gate padlock 4563 then key safe on back wall.\r"
)
SHARE = {
    "homecare/patients.csv": PATIENTS,
    "homecare/delivery_schedule_2026-12-02.txt": SCHEDULE,
    "vaccination/round_sheet_week49.txt": ROUND_SHEET,
    # no name, only the address: the one patient living at its postcode
    "virtual_ward/kit_install_job_5521.txt": kit_job(
        5521, "18 Mill Street, Kelsford, WR14 3DE", "2468", "OX-22814",
        "key safe by the side door, code 6103."),
    # a couple's home: two patients at the postcode, so it joins neither on its own
    "virtual_ward/kit_install_job_5522.txt": kit_job(
        5522, "7 Quarry Lane, Kelsford, WR14 4EF", "1357", "OX-22815",
        "key safe by the garage, code 9054."),
    "virtual_ward/adt_0077.hl7": HL7,
}
RAW = ["7140", "6103", "5829", "4563", "Idris Pugh", "Mavis Tordoff", "4873310008"]
GIVEN = {  # name -> the kinds of way into their home the share gives
    "Gwen Hardcastle": "code",
    "Idris Pugh": "code;key_holder",
    "Nell Ashby": "",
    "Arthur Ashby": "",
    "Ernest Blackledge": "hidden_key",
    "Olwen Price": "",
    "Mavis Tordoff": "code",
    "Percy Holroyd": "code",
}


# The notes as a Linux and as a Windows editor saves them: `-----` before `\r\n` is a
# separator line too.
@pytest.fixture(scope="module", params=["\n", "\r\n"], ids=["lf", "crlf"])
def rounds(tmp_path_factory, request):
    files = {path: text.replace("\n", request.param) if path.endswith(".txt") else text
             for path, text in SHARE.items()}
    return scanned_share(tmp_path_factory, "access-rounds", files)


def test_each_stop_block_and_job_opens_its_own_patient_s_home(rounds, tmp_path):
    rows = export_individuals(rounds, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == (
        sorted((key("PERSON", name), kinds) for name, kinds in GIVEN.items()))
    assert [row["related_people"] for row in rows] == [""] * len(GIVEN)


def test_the_report_counts_each_kind_once_per_person(rounds):
    people = report_json(rounds)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_entry_details"]) == (
        8, 5, 5)
    assert people["by_access_kind"] == {"code": 4, "hidden_key": 1, "key_holder": 1}


def test_nothing_raw_without_reveal(rounds, tmp_path):
    assert len(export_individuals(rounds, tmp_path)) == len(GIVEN)
    assert_no_raw_values(rounds, RAW)
    assert_no_raw_values(tmp_path, RAW)
