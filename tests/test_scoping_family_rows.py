"""One row per person, never two people in one row (issue 15), where families share a surname.

An adult learning-disability service's records name the people it supports beside the
parents, siblings and partners who care for them, all of one surname and often of one
address and phone: a hospital passport in the person's own words (`My mum Grace Okafor is
my main carer`, `Mum's date of birth: ...`, `My sister Ruth Okafor`, `My LD nurse is ...`),
an HL7 admission whose NK1 is the mother with her own date of birth, a supported-living
tenancy list whose `carer` column names the parent, a deputy's finance statement naming the
deputy mother, a couple who are both supported (`Mr Nolan` and `Mrs Nolan` in their daily
log beside his brother), a brother and sister in one shared house, two tenants of one
house whose log gives `Mr Quayle's key safe ...` below both, a contact note where `Mrs
Okafor` is the client's mother, a minibus run sheet's `Mr & Mrs Pickering (Frank DOB ...,
Joan DOB ...)`, and a health-check CSV whose forename column holds an initial (`Percival
J.`). Then two name shapes a letter heads its page with: a forename with two middle names
after a title (`Mr Alan Charles Joseph Rhodes`, cut at three words before) and `Re:
Fitzgerald, Bernard John` (a topic label's surname-first value, not read before). Each
supported person is one exported row with their own name, number and date of birth; a
relative's date of birth or number is never on it, and no relative is a row. Scanned and
exported by the real CLI, once for the module.
"""
from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, person, scanned_share

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"daniel": "4853080236", "grace": "4850025315", "thomas": "4855754641",
       "liam": "4855335533", "peter": "4854863978", "jean": "4856717952",
       "aaron": "4857957612", "bernard": "4857032821"}

PASSPORT = f"""My Hospital Passport
Things you must know about me

My name is Daniel Okafor
I like to be called Danny.
Date of birth: 14/03/1991
NHS number: {NHS['daniel']}
I live at 12 Larch Close, Emberton EM3 4PL with my mum.

My mum Grace Okafor is my main carer. She is my appointee too.
Mum's phone: 07700 900123. Mum's date of birth: 02/05/1958.
My sister Ruth Okafor visits on Sundays.
My LD nurse is Kemi Adebayo.
"""
ADMISSION = (
    "MSH|^~\\&|PAS|LDT|EPR|LDT|202611300930||ADT^A01|MSG0042|P|2.4\r"
    f"PID|1||{NHS['daniel']}^^^NHS^NH||OKAFOR^Daniel^^^Mr||19910314|M|||"
    "12 Larch Close^^Emberton^^EM3 4PL\r"
    "NK1|1|OKAFOR^Grace^^^Mrs|MTH^Mother|12 Larch Close^^Emberton^^EM3 4PL|07700 900123"
    "|||||||||F|19580502\r"
    "PV1|1|I|LDT^Ward 3||||C1234^ADEBAYO^Kemi^^^Ms\r"
)
TENANCIES = (
    "surname,forename,dob,nhs_number,address,carer,carer_phone\n"
    f"Pryce,Thomas,21/09/1985,{NHS['thomas']},Flat 2 Beech House EM4 1AA,"
    "Eileen Pryce,07700 900555\n"
    "Bell,Aaron,01/07/1990,{aaron},3 Rowan Way EM5 2BB,Sandra Bell,07700 900666\n"
    "Bell,Chloe,13/03/1993,,3 Rowan Way EM5 2BB,Sandra Bell,07700 900666\n"
).replace("{aaron}", NHS["aaron"])
FINANCE = f"""Emberton Council - Court of Protection Deputyship Team
Statement of account 1 April to 30 September 2026

Client: Liam Hartley
Date of birth: 30/11/1979
NHS number: {NHS['liam']}
Deputy: Mrs Susan Hartley (mother), date of birth 17/06/1952, 4 Mill Lane, Emberton EM2 7CC

Opening balance 2,140.00. Personal allowance paid to Liam weekly.
Mrs Hartley approved the purchase of a new bed.
Prepared by Andrew Coles, Deputyship Officer
"""
COUPLE = f"""Supported living - daily log, 9 Ash Grove EM6 3DD
Tenants: Peter Nolan (DOB 04/04/1961, NHS {NHS['peter']}) and his wife Jean Nolan \
(DOB 19/08/1963, NHS {NHS['jean']}).

08:00 Mr Nolan up and dressed, breakfast with support from Kayleigh Marsh.
09:30 Mrs Nolan went to day opportunities on the minibus.
14:00 Mr Nolan's brother Kevin Nolan (DOB 11/01/1958) visited.
"""
SHARED_HOUSE = f"""Shift handover - 3 Rowan Way
Aaron Bell, DOB 01/07/1990, NHS {NHS['aaron']}: settled, ate well.
Chloe Bell, DOB 13/03/1993: anxious after her mum Sandra Bell rang.
Handed over by Kayleigh Marsh to Imran Shah.
"""
DELIVERY = """Day Opportunities - YOUR TRAVEL PLAN
Mr Alan Charles Joseph Rhodes
110 Sycamore Court, Low Ashby LA2 6QB
Date of birth 07.03.1952
The minibus collects you on Mondays at 9:15.
Questions: transport office (Tracey Tennant), 07700 900477.
"""
DISCHARGE = f"""Emberton Community LD Team - discharge summary
To: Dr Geoffrey Sharma, Ferrow Surgery
cc: Mr Bernard Fitzgerald
Re: Fitzgerald, Bernard John
DOB 05/01/1941 NHS {NHS['bernard']}
78 Weavers Row, Tanhill TH8 7TR
Dr Lesley Lowther, Consultant Psychiatrist
"""
HOUSE_LOG = """Daily log - 14 Birch Road (shared house)
Tenant: Mr Stanley Quayle, DOB 02/02/1970
Tenant: Mrs Olive Tench, DOB 03/03/1965
09:00 Mr Quayle's key safe is by the back door, code 4821.
09:30 Mrs Tench asked about her money; support from Imran Shah.
"""
CONTACT_NOTE = """Contact note 28/11/2026
Client: Daniel Okafor (DOB 14/03/1991)
Mrs Okafor rang about his appointment: she will bring him.
"""
MINIBUS_RUN = """Day Opportunities minibus - Monday run sheet
1. Mr & Mrs Pickering (Frank DOB 02/03/1940, Joan DOB 04/05/1942), 3 Elm Row EM1 1AA
2. Mr Arthur Bland, DOB 05/06/1938, 5 Elm Row EM1 1AA
Driver: Wayne Pickup
"""
HEALTH_CHECKS = """Surname,Forename,DOB,Check due
Quarmby,Percival J.,02/03/1944,12/2026
Bland,Arthur,05/06/1938,01/2027
"""
RHODES_LIST = """Annual health checks due
Rhodes, Alan: 07/03/1952
"""
FILES = {
    "passport/daniel_okafor.txt": PASSPORT,
    "hl7/adt_a01_0042.hl7": ADMISSION,
    "supported_living/tenancies.csv": TENANCIES,
    "deputyship/statement_hartley.txt": FINANCE,
    "supported_living/daily_log_ash_grove.txt": COUPLE,
    "supported_living/handover_rowan_way.txt": SHARED_HOUSE,
    "day_ops/travel_plan_rhodes.txt": DELIVERY,
    "letters/discharge_fitzgerald.txt": DISCHARGE,
    "gp/health_checks_due.txt": RHODES_LIST,
    "supported_living/daily_log_birch_road.txt": HOUSE_LOG,
    "contacts/okafor_28_11.txt": CONTACT_NOTE,
    "day_ops/minibus_monday.txt": MINIBUS_RUN,
    "gp/annual_health_checks.csv": HEALTH_CHECKS,
}
SUBJECTS = {
    person("Daniel Okafor", NHS["daniel"], "14/03/1991"),
    person("Thomas Pryce", NHS["thomas"], "21/09/1985"),
    person("Aaron Bell", NHS["aaron"], "01/07/1990"),
    person("Chloe Bell", "", "13/03/1993"),
    person("Liam Hartley", NHS["liam"], "30/11/1979"),
    person("Peter Nolan", NHS["peter"], "04/04/1961"),
    person("Jean Nolan", NHS["jean"], "19/08/1963"),
    person("Alan Rhodes", "", "07/03/1952"),
    person("Bernard Fitzgerald", NHS["bernard"], "05/01/1941"),
    person("Stanley Quayle", "", "02/02/1970"),
    person("Olive Tench", "", "03/03/1965"),
    person("Frank Pickering", "", "02/03/1940"),
    person("Joan Pickering", "", "04/05/1942"),
    person("Arthur Bland", "", "05/06/1938"),
    person("Percival Quarmby", "", "02/03/1944"),
}
RELATIVES = {key("PERSON", name) for name in (
    "Grace Okafor", "Ruth Okafor", "Eileen Pryce", "Sandra Bell", "Susan Hartley",
    "Kevin Nolan")}
RELATIVES_BIRTH_DATES = {key("DATE_OF_BIRTH", dob) for dob in (
    "02/05/1958", "17/06/1952", "11/01/1958")}


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    out = scanned_share(tmp_path_factory, "family-rows", FILES)
    return export_individuals(out, tmp_path_factory.mktemp("family-rows-export"), "--reveal")


def exported(row: dict) -> tuple[str, str, str]:
    return key("PERSON", row["name"]), row["nhs_number"], key("DATE_OF_BIRTH",
                                                                 row["date_of_birth"])


def test_each_supported_person_is_one_row_with_their_own_keys(rows):
    assert sorted(exported(row) for row in rows) == sorted(SUBJECTS)


def test_a_forename_column_with_an_initial_is_no_other_name(rows):
    by_name = {key("PERSON", row["name"]): row for row in rows}
    assert by_name[key("PERSON", "Percival Quarmby")]["other_names"] == ""


def test_no_row_carries_a_relatives_name_or_date_of_birth(rows):
    for row in rows:
        names = {key("PERSON", name) for name in [row["name"], *row["other_names"].split(";")]
                 if name}
        dates = {key("DATE_OF_BIRTH", dob) for dob in row["date_of_birth"].split(";") if dob}
        assert not names & RELATIVES, row["individual_id"]
        assert not dates & RELATIVES_BIRTH_DATES, row["individual_id"]
        assert ";" not in row["nhs_number"], row["individual_id"]


def test_relatives_are_counted_apart_on_their_own_persons_row(rows):
    related = {row["individual_id"]: {key("PERSON", name) for name in
                                       row["related_people"].split(";") if name}
               for row in rows}
    of = {key("PERSON", row["name"]): related[row["individual_id"]] for row in rows}
    assert key("PERSON", "Grace Okafor") in of[key("PERSON", "Daniel Okafor")]
    assert key("PERSON", "Susan Hartley") in of[key("PERSON", "Liam Hartley")]
    assert key("PERSON", "Ruth Okafor") in of[key("PERSON", "Daniel Okafor")]


def test_mr_surname_is_the_one_person_of_that_surname_the_text_names_with_a_fitting_title(
        rows):
    by_name = {key("PERSON", row["name"]): row for row in rows}
    assert by_name[key("PERSON", "Stanley Quayle")]["home_access"] == "true"
    assert by_name[key("PERSON", "Olive Tench")]["home_access"] == "false"
