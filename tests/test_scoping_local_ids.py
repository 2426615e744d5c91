"""One key per person: an organisation's own number (session 17). A wheelchair service's
client list gives each client's number beside their name and date of birth; its repair
tickets name the client only by that number (`Client no: WS-2041`) over the fault, the
diagnosis and the way into the home. An MSK physiotherapy service's waiting list gives
the hospital number beside the name, its referrals only the number. A ticket or referral
joins the one person its number is bound to (`link_local_ids`), so their home access and
health count for them; before, each was nobody's. A delivery account two clients share (a
couple) is no key: its note joins neither, and the number is counted as shared. A job
sheet's number naming two clients binds to nobody. Staff numbers (`Payroll no`, `GMC no`)
are never local identifiers. Scanned and exported by the real CLI; nothing raw leaves
without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values

CLIENTS = (
    "Client No,Surname,Forename,Date of birth,NHS No,Delivery acct\n"
    "WS-2041,Hartley,Norman,12/03/1941,4632010006,DA-5501\n"
    "WS-2042,Pike,Edna,02/11/1937,,DA-5502\n"
    "WS-2044,Mercer,Harold,19/08/1939,4718900018,DA-5510\n"
    "WS-2045,Mercer,Joan,04/01/1942,,DA-5510\n"
)
TICKET_HARTLEY = (
    "REPAIR TICKET 7781\n"
    "Client no: WS-2041\n"
    "Fault: left armrest loose, joystick intermittent. Client has multiple sclerosis.\n"
    "Access: key safe by the front door, code 4471.\n"
    "Engineer: Dave Brook, Payroll no 88213\n"
)
TICKET_PIKE = (
    "REPAIR TICKET 7790\n"
    "Client no: WS-2042\n"
    "Fault: rear tyre flat. Client recovering from a hip fracture, uses oxygen.\n"
)
DELIVERY = (
    "Cushion delivery, acct DA-5510\n"
    "Nobody in, left with the neighbour. Pressure sore risk noted.\n"
)
JOB_SHEET = (
    "Job no 3310 - Tuesday round\n"
    "Client no: WS-2041 battery check\n"
    "Client no: WS-2042 battery check\n"
)
WAITING = (
    "Hospital number,Patient name,DOB,Priority\n"
    "RXR40213,Priya Lal,30/06/1968,routine\n"
    "RXR40214,Colin Firth-Ward,14/02/1955,urgent\n"
)
REFERRAL_LAL = (
    "MSK physiotherapy referral\n"
    "Hosp No: RXR40213\n"
    "Reason: lumbar disc prolapse with sciatica.\n"
    "Home visit: spare key under the blue plant pot by the back door.\n"
    "Referrer: Dr Anil Gupta, GMC no 7012345\n"
)
REFERRAL_FIRTH_WARD = (
    "MSK physiotherapy referral\n"
    "MRN RXR40214\n"
    "Reason: frozen shoulder, type 2 diabetes.\n"
)
SHARE = {
    "wheelchairs/clients.csv": CLIENTS,
    "wheelchairs/tickets/7781.txt": TICKET_HARTLEY,
    "wheelchairs/tickets/7790.txt": TICKET_PIKE,
    "wheelchairs/deliveries/cushion.txt": DELIVERY,
    "wheelchairs/jobs/3310.txt": JOB_SHEET,
    "msk/waiting_list.csv": WAITING,
    "msk/referrals/lal.txt": REFERRAL_LAL,
    "msk/referrals/firth_ward.txt": REFERRAL_FIRTH_WARD,
}
RAW = ["WS-2041", "RXR40213", "DA-5510", "4632010006", "Hartley", "Priya Lal", "88213"]
# (name, date of birth) -> (home access, special category)
TRUTH = {
    ("Norman Hartley", "12/03/1941"): (True, True),
    ("Edna Pike", "02/11/1937"): (False, True),
    ("Harold Mercer", "19/08/1939"): (False, False),
    ("Joan Mercer", "04/01/1942"): (False, False),
    ("Priya Lal", "30/06/1968"): (True, True),
    ("Colin Firth-Ward", "14/02/1955"): (False, True),
}


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    return scanned_share(tmp_path_factory, "local-ids", SHARE)


def test_a_record_named_only_by_its_number_counts_for_the_one_person_of_that_number(
        services, tmp_path):
    rows = export_individuals(services, tmp_path, "--reveal")
    found = {(key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"])):
             (row["home_access"] == "true", row["special_category"] == "true") for row in rows}
    assert found == {(key("PERSON", name), key("DATE_OF_BIRTH", dob)): flags
                     for (name, dob), flags in TRUTH.items()}


def test_a_shared_number_joins_nobody_and_is_listed(services):
    report = report_json(services)
    assert report["individuals"]["total"] == 6
    assert report["data_quality"]["local_ids_for_several_people"] == 1


def test_staff_numbers_are_no_local_identifiers_and_nothing_raw_leaves(services, tmp_path):
    rows = export_individuals(services, tmp_path)
    masks = sorted("; ".join(sorted(row["local_ids_masked"].split("; "))) for row in rows)
    assert masks == sorted([
        "account ***; client ***", "account ***; client ***", "account ***; client ***",
        "account ***; client ***", "hospital ***", "hospital ***"])
    assert_no_raw_values(services, RAW)
    assert_no_raw_values(tmp_path, RAW)
