"""The right row per person from how extracts write their columns (issue 15, share 6's
last classes, written here in other shapes: a short-break booking export, a careline
export, a housing scheme's tenant list).

- a `.csv` separated by `;` (Excel's export where the decimal mark is a comma) is read by
  its own separator: read with commas each row was one cell, no column named, so no name
  was read and the child's NHS number and date of birth made a nameless row;
- a column whose name ends in a bracket that qualifies it (`Child (legal name)`, `Tenant
  (as on tenancy)`) holds names as the words before the bracket say;
- a name typed in lower case in a name column (`lily-mae o'brien`) is a name;
- `displayName` holds a person's name;
- a `Relationship` of `Sister` is a relative (before a name, `Sister` is a nurse's title);
- children's services: a `Child` is the subject, a `Parent/carer` related, never staff;
- a transport run's columns (`Driver`, `Escort`, `Passenger`): the passenger is the
  subject, the driver and escort staff; before, no passenger's name was read, so the
  pick-up's key-safe code joined nobody (share 10's minibus schedule);
- a value in a column named for someone else (`Carer DOB`, `Carer NHS no`: `carer` is a
  staff word) is never the row's person's: before, the carer's date of birth and number
  joined the client's row (share 6: 7 and 6 rows carried a second person's keys).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli import export_individuals, names_with_roles, scan_quietly
from tests.share_builder import write_files

BOOKINGS = "\n".join([
    "Booking ref;Child (legal name);Date of birth;NHS no;Parent/carer;Parent phone;"
    "Support worker;Notes",
    "SB-1001;lily-mae o'brien;14/03/2015;438 888 9342;Kerry O'Brien;07700 900111;Dean Holt;"
    "Overnight, collected 5pm",
    "SB-1002;HUSSAIN, Zainab;2.9.2012;4809865347;Imran Hussain;07700 900112;Dean Holt;"
    "Day care only",
    "SB-1003;Oliver Pickup;2016-06-30;;Gemma Pickup;07700 900113;Ruth Kaye;"
    "Allergy: nuts, see plan",
]) + "\n"
# A comma-separated file whose notes hold semicolons keeps its commas.
VISITS = ("client,dob,notes\nNorah Quayle,1944-02-02,visit am; bring dressings\n"
          "Percy Quayle,1943-09-09,lives with wife; both seen\n")
# A hospital-to-home service's referrals: the unpaid carer's own date of birth and number.
HOME_FROM_HOSPITAL = ("Client,DOB,NHS number,Carer / NOK,Carer DOB,Carer NHS no\n"
                      "Walter Greenhalgh,1936-08-14,4505356825,Maureen Greenhalgh (wife),"
                      "1939-01-30,6724274869\n")
CARELINE = {"exported": "2026-11-02", "operator": "Careline North", "tenants": [
    {"displayName": "Mr Reginald Oyelaran", "dob": "1938-02-11", "nhsNo": "6119692495",
     "keyHolders": [{"name": "Patricia Oyelaran", "relationship": "Sister",
                     "phone": "07700 900222"}]},
    {"displayName": "ellen mcbride", "dob": "1941-07-19", "nhsNo": "4259235788",
     "keyHolders": [{"name": "Colin Barraclough", "relationship": "Neighbour",
                     "phone": "07700 900223"}]},
]}


TRANSPORT = ("Run,Driver,Escort,Pick-up,Passenger,Notes\n"
             "Run 2,Tobias Ashworth,Nicola Lynch,08:22,Norah Quayle,"
             "\"key safe on the wall by the porch, code 0762\"\n")


def tenant_list(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tenants"
    sheet.append(["Tenant (as on tenancy)", "DOB", "NHS number", "Scheme", "Careline operator"])
    sheet.append(["agnes whitworth", "03/05/1936", "6876994619", "Larch Court", "Tom Sykes"])
    sheet.append(["Harold Fenwick-Lowe", "21.11.1939", "", "Larch Court", "Tom Sykes"])
    workbook.save(path)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("column-shapes-share")
    out = tmp_path_factory.mktemp("column-shapes-out") / "inventory"
    write_files(share, {"short_breaks/bookings_2026-11.csv": BOOKINGS, "visits.csv": VISITS,
                        "home_from_hospital/referrals.csv": HOME_FROM_HOSPITAL,
                        "careline/tenants.json": json.dumps(CARELINE),
                        "transport/run_2.csv": TRANSPORT})
    tenant_list(share / "careline" / "scheme_tenants.xlsx")
    scan_quietly(share, out)
    return out


def test_a_semicolon_export_names_each_child_with_the_parent_related(scanned):
    assert sorted(names_with_roles(scanned, "bookings_2026-11.csv")) == sorted([
        ("row 2", "l******* o******", "subject"),
        ("row 2", "K**** O******", "related"),
        ("row 2", "D*** H***", "staff"),
        ("row 3", "H******* Z*****", "subject"),
        ("row 3", "I**** H******", "related"),
        ("row 3", "D*** H***", "staff"),
        ("row 4", "O***** P*****", "subject"),
        ("row 4", "G**** P*****", "related"),
        ("row 4", "R*** K***", "staff"),
    ])


def test_each_person_is_one_row_whatever_the_column_shape(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((row["name"], row["other_names"], row["date_of_birth"],
                   row["nhs_number"].replace(" ", ""), row["related_people"])
                  for row in rows) == [
        ("Agnes Whitworth", "", "03/05/1936", "6876994619", ""),
        ("Ellen Mcbride", "", "1941-07-19", "4259235788", "Colin Barraclough"),
        ("Harold Fenwick-Lowe", "", "21.11.1939", "", ""),
        ("Lily-Mae O'Brien", "", "14/03/2015", "4388889342", "Kerry O'Brien"),
        ("Mr Reginald Oyelaran", "", "1938-02-11", "6119692495", "Patricia Oyelaran"),
        ("Norah Quayle", "", "1944-02-02", "", ""),
        ("Oliver Pickup", "", "2016-06-30", "", "Gemma Pickup"),
        ("Percy Quayle", "", "1943-09-09", "", ""),
        ("Walter Greenhalgh", "", "1936-08-14", "4505356825", "Maureen Greenhalgh"),
        ("Zainab Hussain", "", "2.9.2012", "4809865347", "Imran Hussain"),
    ]


def test_a_key_holder_whose_relationship_is_sister_is_related(scanned):
    assert [(record, role) for record, masked, role in names_with_roles(scanned, "tenants.json")
            if masked.startswith("P")] == [("tenants[0]", "related")]


def test_a_transport_run_names_its_passenger_and_its_crew(scanned, tmp_path):
    assert sorted(names_with_roles(scanned, "run_2.csv")) == sorted([
        ("row 2", "N***** L****", "staff"),
        ("row 2", "N**** Q*****", "subject"),
        ("row 2", "T***** A*******", "staff"),
    ])
    norah = [row for row in export_individuals(scanned, tmp_path, "--reveal")
             if row["name"] == "Norah Quayle"]
    assert [row["home_access_kinds"] for row in norah] == ["code"]
