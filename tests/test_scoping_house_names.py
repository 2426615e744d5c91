"""Houses, villages and form labels are never people (issue 15, session 13).

Rural homes have names and no number (`Rose Cottage`, `Hillview, Back Lane`, `Craigmore`), and
their villages read like people (`Kirkby Stephen`, `Kirkby Lonsdale`). Forms in Wales label
their fields in Welsh (`Enw`, `Cyfeiriad`, `Dyddiad geni`, `Rhif GIG`, `Cyswllt`). Before,
a house and village after an item's name and age (`FORBES, Morag - 88 - Burnside, Lochend -
NHS ...`) were read as a second name of that person (`Burnside, Lochend` before the NHS
number), a village above a postcode in a letter's address block as a person, a Welsh label
as a name's first word, and a house in HL7 PID-11, a FHIR `address.line` or an address
column as a person named at the patient's record.

A world no share had: a Highland and Cumbrian rural practice's visit list and MDT list,
two letters with address blocks, bilingual and Welsh-only referral forms, a Welsh-headed
CSV, HL7 ADT messages and a FHIR Patient. Scanned and exported by the real CLI.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, names_with_roles, scan_quietly
from tests.share_builder import write_files

VISIT_LIST = """Glenmorven Medical Practice - home visits Thursday 3 December 2026
GP: Dr Fiona MacLeod. Driver: Alasdair Grant

1. Mrs Isobel Crawford - Rose Cottage, Back Lane, Kilmory - DOB 14/02/1936 - dressing
2. CAMPBELL, Angus - Ardnamurchan House, Strontian - NHS 454 994 0123 - bloods
3. Hillview, Back Lane - Mr Douglas FRASER (22/07/1940) - INR
4. Mr Hector Munro, Craigellachie, Glenbrae (DOB 03/03/1933) - catheter
"""
MDT_LIST = """Fellside MDT - 2 December 2026
Present: Dr Fiona MacLeod, Alasdair Grant

FORBES, Morag - 88 - Burnside, Lochend - NHS 603 065 5698
ROSS, Ewan - 91 - Fell View, Kirkby Stephen - NHS 761 008 7882
MUNRO, Catriona - 84 - Flat 2 The Maltings - NHS 645 333 1470
Actions: Alasdair Grant to review both.
"""
LETTER_SINCLAIR = """Glenmorven Medical Practice
Station Road
Strontian
PH36 4HZ

Mr Callum Sinclair
Craigmore
Kirk Wynd
Auchterarder
PH3 1AB

3 December 2026

Dear Mr Sinclair,

Re: Callum Sinclair, DOB 17/08/1944, NHS number 422 565 2033

Your blood test results are back and your warfarin dose stays the same.

Yours sincerely,
Dr Fiona MacLeod
"""
LETTER_LINDSAY = """Mrs Janet Lindsay
Duncan Grange
Kirkby Lonsdale
LA6 2AB

Dear Mrs Lindsay,
Re: Janet Lindsay (DOB 30/01/1931)
Your hearing aid review is booked for 14 December 2026.
Kind regards,
Alasdair Grant
"""
FORM_BILINGUAL = """Ffurflen atgyfeirio / Referral form
Enw / Name: Gwilym Prydderch
Dyddiad geni / Date of birth: 05/06/1939
Rhif GIG / NHS number: 658 511 4930
Cyfeiriad / Address: Bryn Hyfryd, Llanfihangel Glyn Myfyr, LL21 9UH
Meddyg teulu / GP: Dr Rhian Morgan
Perthynas agosaf / Next of kin: Elen Prydderch (merch / daughter)
Rheswm / Reason: falls, COPD
"""
FORM_WELSH = """Cyswllt Dyffryn - ffurflen cleient
Enw: Margiad Bowen
Cyfeiriad: Gelli Aur, Cwm Tawel, SA19 8PL
Dyddiad geni: 11/09/1941
Rhif GIG: 795 597 2007
Cyswllt: Dilys Bowen (chwaer)
Nodiadau: dementia, byw ar ei phen ei hun
"""
WELSH_CSV = """Enw,Cyfeiriad,Cod post,Dyddiad geni,Rhif GIG,Cyflwr
Tomos Lewis,"Pen Dinas, Tregaron",SY25 6XX,12/12/1937,499 570 9185,diabetes
Ceridwen Rees,"Morgan Villa, Llanddewi Brefi",SY25 6AB,08/04/1945,787 317 0845,COPD
"""
HL7 = ("MSH|^~\\&|PAS|GLENMORVEN|EPR|TAYSIDE|20261203101500||ADT^A04|MSG0001|P|2.4\r"
       "PID|1||6099046968^^^NHS^NH||STEWART^Flora^^^Mrs||19380505|F|||"
       "Murray Lodge^Glen Road^Pitlochry^^PH16 5AA||01796 472000\r"
       "PV1|1|O|||||G123^MACLEOD^Fiona^^^Dr\r"
       "MSH|^~\\&|PAS|GLENMORVEN|EPR|TAYSIDE|20261203101600||ADT^A04|MSG0002|P|2.4\r"
       "PID|1||7234006842^^^NHS^NH||GRAHAM^Donald^^^Mr||19420716|M|||"
       "Ross Grange^Main Street^Comrie^^PH6 2AA||01764 670000\r"
       "OBX|1|TX|||COPD, home oxygen\r")
FHIR = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
    "resourceType": "Patient", "id": "p1",
    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "4479441530"}],
    "name": [{"family": "Kerr", "given": ["Elspeth"]}], "birthDate": "1935-03-09",
    "address": [{"line": ["Mason Lea", "Bridge End"], "city": "Kirkby Stephen",
                 "postalCode": "CA17 4AB"}]}}]}, indent=1)

PEOPLE = {  # (name, NHS number, date of birth) of each person each file names
    "visits": [("Isobel Crawford", "", "14/02/1936"), ("Angus Campbell", "4549940123", ""),
               ("Douglas Fraser", "", "22/07/1940"), ("Hector Munro", "", "03/03/1933")],
    "mdt": [("Morag Forbes", "6030655698", ""), ("Ewan Ross", "7610087882", ""),
            ("Catriona Munro", "6453331470", "")],
    "sinclair": [("Callum Sinclair", "4225652033", "17/08/1944")],
    "lindsay": [("Janet Lindsay", "", "30/01/1931")],
    "atgyfeirio": [("Gwilym Prydderch", "6585114930", "05/06/1939")],
    "cleient": [("Margiad Bowen", "7955972007", "11/09/1941")],
    "rhestr": [("Tomos Lewis", "4995709185", "12/12/1937"),
               ("Ceridwen Rees", "7873170845", "08/04/1945")],
    "adt": [("Flora Stewart", "6099046968", "05/05/1938"),
            ("Donald Graham", "7234006842", "16/07/1942")],
    "patient": [("Elspeth Kerr", "4479441530", "09/03/1935")],
}
FILES = {"visits/visits-2026-12-03.txt": VISIT_LIST,
         "mdt/mdt-2026-12-02.txt": MDT_LIST,
         "letters/sinclair.txt": LETTER_SINCLAIR,
         "letters/lindsay.txt": LETTER_LINDSAY,
         "forms/atgyfeirio.txt": FORM_BILINGUAL,
         "forms/cleient.txt": FORM_WELSH,
         "exports/rhestr.csv": WELSH_CSV,
         "hl7/adt.hl7": HL7,
         "fhir/patient.json": FHIR}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("house-names-share")
    out = tmp_path_factory.mktemp("house-names-out") / "inventory"
    write_files(share, FILES)
    scan_quietly(share, out)
    return out


def _who(name: str, nhs: str, dob: str) -> tuple[str, str, str]:
    return key("PERSON", name), nhs, key("DATE_OF_BIRTH", dob) if dob else ""


@pytest.mark.parametrize("part", sorted(PEOPLE))
def test_each_person_is_one_row_under_their_own_name(scanned, tmp_path, part):
    """Each person of a file is one row, named by their own name only: no house, village
    or label is its name or one of its other names."""
    rows = export_individuals(scanned, tmp_path, "--reveal")
    found = sorted((key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
                    key("DATE_OF_BIRTH", row["date_of_birth"]) if row["date_of_birth"] else "",
                    row["other_names"])
                   for row in rows if part in row["first_locations"])
    assert found == sorted((*_who(*person), "") for person in PEOPLE[part])


def test_every_row_is_a_person_of_the_share(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path)
    assert len(rows) == sum(len(people) for people in PEOPLE.values())


@pytest.mark.parametrize(("part", "masked"), [
    ("mdt", [("Dr F**** M******", "staff"), ("F****** M****", ""), ("R**** E***", ""),
             ("M***** C*******", "")]),
    ("lindsay", [("Mrs J**** L******", ""), ("Mrs J**** L******", ""),
                 ("J**** L******", "subject")]),
    ("sinclair", [("Mr C***** S*******", ""), ("Mr C***** S*******", ""),
                  ("C***** S*******", "subject"), ("Dr F**** M******", "staff")]),
    ("cleient", [("M****** B****", ""), ("D**** B****", "related")]),
    ("rhestr", [("C******* R***", ""), ("T**** L****", "")]),
])
def test_no_house_village_or_label_is_a_name(scanned, part, masked):
    """`Burnside, Lochend`, `Fell View, Kirkby Stephen`, `Duncan Grange`, `Kirk Wynd`,
    `Cyswllt Dyffryn`, `Rhif GIG`, `Llanddewi Brefi`: none is a name."""
    found = [(name, role) for _record, name, role in names_with_roles(scanned, part)]
    assert sorted(found) == sorted(masked)
