"""Labels, places and list rows are never people (issue 15; dev cases in the eighth share's
genres: primary-care contractors and community services that go into homes).

- a label before its identifier (`Practice ID OPT772190`, `Delivery ID DLV448120`,
  `Locker PIN 5521`) is no name, however it is capitalised: before, a one-person record
  gave a row named after the label;
- a building after a flat's number (`Flat 6, Laburnum Lea, ...`) is a place;
- a field's name value runs up to its own details (`Appointee: Gary Ormerod, 07700 ...`),
  a cell separator or a wide gap (`Optometrist: Sunita Rao    Carer present: ...`), and a
  label nested in a value says whose it is (`Contact: Mother: Agnieszka Hargreaves, ...,
  own NHS no. ...`: the mother's number, never a row of its own);
- a role's label holds a name (`Driver:`, `Fitter:`, `Optometrist:`, `Appointee:`), and a
  Shared Lives carer and an appointee are related, never the subject;
- a CSV's header under a title line is read by its column words (`Setting`, `Vaccine
  due`, `Consent`), so a list of people with their dates of birth is one row each;
- a list row's name at the head of its line and its date of birth across a gap
  (`Whitworth, Gladys     03.01.1934`, `Ernest Mallinson<tab>1937-02-27`) are a person,
  a row's words that are no name (`Next Review     12/03/2021`) nobody.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, names_with_roles, person, scanned_share

SIGHT_TEST = """\
DOMICILIARY SIGHT TEST RECORD - Clearview Home Eyecare
Patient: Norman Ackroyd  |  DOB 08/05/1936  |  Practice ID OPT772190
Optometrist: Sunita Rao    Carer present: Mrs Elaine Foulds (daughter)
R -2.25/-0.50x90  L -2.00/-0.75x85. Cataract R eye, refer to GP.
"""
RUN_SHEET = """\
HARROWDEN PHARMACY - HOME DELIVERY RUN SHEET
Driver: Kieran Booth

Patient: Doris Pemberton  |  DOB 14/07/1938  |  Delivery ID DLV448120
Blister pack (weekly). Knock loudly, hard of hearing.

Patient: Walter Grimshaw  |  D.O.B. 02-Sep-1941  |  Locker PIN 5521
Failed delivery 14:20 - no answer. Card left.
"""
SHARED_LIVES = """\
SHARED LIVES - PLACEMENT CONTACT SHEET
Person: Jade Ormerod   DOB 12/12/1999
Shared Lives carer: Lorna Whitely, 07700 900431, own DOB 03/03/1970
Appointee: Gary Ormerod, 07700 900432
"""
MEMORY_CLINIC = """\
MEMORY ASSESSMENT SERVICE - CONTACT RECORD
Client: Ormondroyd, Cyril James  |  D.O.B. 19-Jan-1939  |  NHS 463 550 1205
Address: Flat 6, Laburnum Lea, Moor Road, Harrowden HX3 8QT
Contact: Wife: Maureen Ormondroyd, 07700 900655, own NHS no. 401 023 2153
Fitter: Dean Walsh    Dementia adviser: Precious Nkemelu
"""
ROUND = """\
Prescription delivery round - Tuesday 03/11/2026 - driver Kyle Naylor

Whitworth, Gladys     03.01.1934    2 items, fridge line
Ernest Mallinson\t1937-02-27\tblister pack, key safe 4471 by back door
PRIESTLEY, Doreen     14/05/1929    no answer - returned to pharmacy
Next Review           12/03/2021    pharmacist to ring GP
"""
COHORT_CSV = """\
Flu and pneumococcal housebound cohort - community pharmacy
Name,Date of birth,Setting,Vaccine due,Consent
Eunice Blackburn,11/03/1931,Own home,Flu,yes
Clifford Dyson,23/06/1939,Own home,PPV,no reply
Checked by Lorraine Pashley,,,,
"""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "not-people", {
        "optometry/sight_test_Ackroyd.txt": SIGHT_TEST,
        "pharmacy/run_sheet_2026-11-03.txt": RUN_SHEET,
        "shared_lives/contacts_Ormerod.txt": SHARED_LIVES,
        "memory/contact_record_Ormondroyd.txt": MEMORY_CLINIC,
        "pharmacy/housebound_cohort.csv": COHORT_CSV,
        "pharmacy/round_tuesday.txt": ROUND,
    })


def rows_of(scanned, tmp_path) -> list[tuple[tuple[str, str, str], str, str]]:
    """(person, other names, related people) of every exported row, sorted."""
    return sorted((person(row["name"], row["nhs_number"].replace(" ", ""),
                          row["date_of_birth"]), row["other_names"], row["related_people"])
                  for row in export_individuals(scanned, tmp_path, "--reveal"))


def test_labels_places_and_carers_are_never_a_row(scanned, tmp_path):
    assert rows_of(scanned, tmp_path) == sorted([
        (person("Norman Ackroyd", "", "08/05/1936"), "", "Mrs Elaine Foulds"),
        (person("Doris Pemberton", "", "14/07/1938"), "", ""),
        (person("Walter Grimshaw", "", "02/09/1941"), "", ""),
        (person("Jade Ormerod", "", "12/12/1999"), "", "Lorna Whitely; Gary Ormerod"),
        (person("Cyril Ormondroyd", "4635501205", "19/01/1939"), "", "Maureen Ormondroyd"),
        (person("Eunice Blackburn", "", "11/03/1931"), "", ""),
        (person("Clifford Dyson", "", "23/06/1939"), "", ""),
        (person("Gladys Whitworth", "", "03/01/1934"), "", ""),
        (person("Ernest Mallinson", "", "27/02/1937"), "", ""),
        (person("Doreen Priestley", "", "14/05/1929"), "", ""),
    ])


def test_a_label_before_its_identifier_is_no_name(scanned):
    assert names_with_roles(scanned, "sight_test") == [
        ("document", "N***** A******", "subject"),
        ("document", "S***** R**", "staff"),
        ("document", "Mrs E***** F*****", "related"),
    ]
    assert [name for _record, name, _role in names_with_roles(scanned, "run_sheet")] == [
        "K***** B****", "D**** P********", "W***** G*******"]


def test_a_role_label_and_a_nested_label_name_their_people(scanned):
    assert [(name, role) for _record, name, role in names_with_roles(scanned, "Ormerod")] == [
        ("J*** O******", ""), ("L**** W******", "related"), ("G*** O******", "related")]
    assert [(name, role) for _r, name, role in names_with_roles(scanned, "Ormondroyd")] == [
        ("O********** C**** J****", "subject"), ("M****** O*********", "related"),
        ("D*** W****", "staff"), ("P******* N******", "staff")]
