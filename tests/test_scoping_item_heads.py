"""Names in timed logs and lists, and places that are not people (issue 15, session 12).

A list item runs from where to whom: `09:40  Church St - Mair HUGHES (12/03/1941)`, `Job 2:
08:40 Fernlea Court - BRADSHAW, Keith (...)`, `20:05 – Bed 3 – Kieran DOYLE (...)`. Before,
the place before the separator was read into the name (`Church St - Mair`, `Bryn Awel -
Dafydd Rhys JENKINS`), the surname in capitals was lost, and the person never joined their
other records. Now a name never spans a list separator (` - `, ` – `, ` | `, `: `), a name
after the item's head (`recognizers.person_field_recognizer.ITEM_HEAD`) heads the item as one
right after its marker does, and `Forename SURNAME` (`McKAY` too) is one name.

Places read as people: a hostel, a B&B, a chapel or a saint's church (`Quarry Lane Hostel`,
`Seaview B&B`, `St Anne's`), a house named head first (`Plas Newydd`, `The Old Forge`), and
capitalised words right after `outside`, `near`, `opposite`, `behind`, `inside` (`near
Marlowe Arcade`) are no person's name (after `at` or `in` they may be: `spat at Margaret
Hollis`) (`recognizers/data/place_words.txt`, `place_heads.txt`).

Seven worlds no share had: a Welsh market-town dispensing round, a winter night shelter's
sign-in sheet, a patient-transport crew's job log, an outreach worker's notes, a team diary,
a bilingual nursing round and a rural district nursing list (a home named after the name and
its comma is no second person: `recognizers.addresses.is_address_after_name`). Scanned and
exported by the real CLI.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli import export_individuals, key, names_with_roles, scan_quietly
from tests.share_builder import write_files

DISPENSING_ROUND = """LLANDDEWI DISPENSING PRACTICE - DELIVERY ROUND
Tuesday 17 November 2026, driver: Huw Pritchard

09:40  Church St - Mair HUGHES (12/03/1941). Weekly blister pack. Leave with her, she is \
slow to the door.
09:55  The Old Forge, Pentre - Eirlys WATKIN (02/09/1936). Warfarin and dressings. Signed for.
10:10  Bryn Awel - Dafydd Rhys JENKINS (17/05/1949). Insulin pens in the cool bag.
10:25  Chapel Row - Glenys PARRY (30/11/1944). Nebules. Daughter in.
10:40  Ty Gwyn Farm - Owain MORGAN (08/08/1952). Left in the porch as agreed.
10:55  Red Lion car park - Rhodri EVANS (21/01/1960). Met him there, methadone not on this round.
11:10  St Teilo's - Bethan LLOYD (04/04/1939). Parish hall lunch club, handed to her.

Round checked by Sioned Powell (dispenser).
"""
SHELTER_SIGN_IN = """Winter night shelter - sign-in sheet
Wednesday 18 November 2026. Volunteers on: Pauline Greaves, Tom Okafor

20:05 – Bed 3 – Kieran DOYLE (14/02/1988) – came from Quarry Lane Hostel, bag searched
20:20 – Bed 7 – Marta NOWAKOWSKA (03/07/1979) – referred by St Anne's drop-in
20:45 – Bed 9 – Stuart McKAY (25/10/1991) – slept at Victoria Lodge last night
21:10 – Bed 2 – Precious ADEBAYO (19/06/1985) – walked over from Station Rd
21:30 – Bed 5 – Lewis Grant, aged 33 – no DOB given, known to shelter

Lights out 22:30. Night volunteer: Pauline Greaves.
"""
TRANSPORT_JOBS = """Patient transport crew job log - Thursday 19 November 2026
Crew: Gareth Lewis, Amira Haddad

Job 1: 08:05 Ward 7 - SMITH, Ann (02/02/1950) - to renal unit, chair
Job 2: 08:40 Fernlea Court - BRADSHAW, Keith (11/09/1947) - discharge home, stretcher
Job 3: 09:25 Maple Unit - Doreen FAIRCLOUGH (06/06/1938) - to day hospital
Job 4: 10:10 Harbourside Surgery - Ivor PENHALE (15/12/1943) - home, walker
Job 5: 10:55 Oakwood Nursing Home - Ethel BARRACLOUGH (22/07/1931) - outpatients, chair
"""
OUTREACH_NOTES = """Outreach notes 18/11/2026
Callum REID (07/03/1990) stayed two nights at Seaview B&B, then found sleeping outside \
Brook Green near Marlowe Arcade.
Seen again with Donna Quigley (12/12/1984) in Tesco Extra doorway, she had been at St \
Columba's overnight.
Yusuf Ahmed (03/03/1977) was staying at The Old Forge and before that Plas Newydd.
"""
# A rural district nursing list: homes named, not numbered, after the name and its comma
# (`Bryn Awel, Llanbedr`), and a Welsh hospital before the separator (`Ysbyty Gwynedd`).
# Before: `Awel, Llanbedr` took Mrs Pritchard's date of birth; `Ysbyty Gwynedd - Glenys`.
DISTRICT_NURSING = """District nursing - Llanbedr team - visits Monday 23 November 2026
09:10  Mrs Gwenllian Pritchard, Bryn Awel, Llanbedr (DOB 14/05/1938) - leg ulcer \
dressing. Key safe by the back door 4471.
09:50  Elwyn ROBERTS, Pen y Bryn Farm (DOB 02/02/1941) - insulin.
10:30  Mr Emrys Davies (03/09/1935), Tŷ Capel, Heol y Llan - catheter change. \
Daughter Nia Davies present.
11:15  Megan Hughes (DOB 11/11/1944) at Hafod Lon - bloods. Lives with husband Ifor.
11:50  Ward 3, Ysbyty Gwynedd - Glenys OWEN (09/09/1939) - discharge follow-up, \
seen at Bodnant Court.
"""
# A team diary whose items name things, not people, after the head's segments (`Outpatients
# - Kidney CLINIC cancelled`, `Car park - Blue BADGE renewed`): after a segment a name heads
# the item only with the person's details next (`heads_item`).
TEAM_DIARY = """Community team diary - Friday 27 November 2026
08:30 - Handover - Sister Mary JONES in charge
09:00 Bay 4 | Albert FIELDING (12/01/1936) | chest clear
09:30  Meeting room 2 - Safeguarding MDT - Jane SMITH (DOB 03/03/1950) discussed
10:00  Outpatients - Kidney CLINIC cancelled
10:15  Riverside LODGE (1 room free)
10:30  Car park - Blue BADGE renewed for Harold BECK (07/07/1941)
11:00  Riverside Court - Met with Paul Green at St Helen's \
Hospice about Lily Moss (05/05/1945)
11:30 Ward 7: Edna PARKIN (14/04/1930) - to theatre
"""
# A bilingual district nursing round: Welsh homes head first (`Maes y Dre`, `Tŷ Newydd`,
# `Fferm Cae Coch`), forenames with accents (`Siân`, `Llŷr`, `Zoë`) and the patronymic `ap`.
# Before: one name of five (`Fferm Cae Coch - Zoë` and `JONES, Siôn` read; no date of birth
# after `Llŷr ap RHYS`).
WELSH_ROUND = """Rownd nyrsio ardal / District nursing round - Llanrwst - Dydd Llun 30/11/2026
09:10  Maes y Dre - Siân LLOYD (12/03/1941) - dressing
09:40  Tŷ Newydd - Llŷr ap RHYS (03/05/1950) - bloods
10:10  Bryn Eithin - Gwenllïan HUWS (22/02/1936) - insulin
10:40  Fferm Cae Coch - Zoë ŁUKASZEWICZ (01/01/1980) - catheter
11:10  Heol y Parc - JONES, Siôn (09/09/1949) - review
"""

PEOPLE = {  # the people each file names with their date of birth
    "round": [("Mair Hughes", "12/03/1941"), ("Eirlys Watkin", "02/09/1936"),
              ("Dafydd Jenkins", "17/05/1949"), ("Glenys Parry", "30/11/1944"),
              ("Owain Morgan", "08/08/1952"), ("Rhodri Evans", "21/01/1960"),
              ("Bethan Lloyd", "04/04/1939")],
    "sign-in": [("Kieran Doyle", "14/02/1988"), ("Marta Nowakowska", "03/07/1979"),
                ("Stuart McKay", "25/10/1991"), ("Precious Adebayo", "19/06/1985")],
    "job-log": [("Ann Smith", "02/02/1950"), ("Keith Bradshaw", "11/09/1947"),
                ("Doreen Fairclough", "06/06/1938"), ("Ivor Penhale", "15/12/1943"),
                ("Ethel Barraclough", "22/07/1931")],
    "notes.txt": [("Callum Reid", "07/03/1990"), ("Donna Quigley", "12/12/1984"),
                  ("Yusuf Ahmed", "03/03/1977")],
    "team-": [("Albert Fielding", "12/01/1936"), ("Jane Smith", "03/03/1950"),
              ("Harold Beck", "07/07/1941"), ("Lily Moss", "05/05/1945"),
              ("Edna Parkin", "14/04/1930")],
    "rownd": [("Siân Lloyd", "12/03/1941"), ("Llŷr ap Rhys", "03/05/1950"),
              ("Gwenllïan Huws", "22/02/1936"), ("Zoë Łukaszewicz", "01/01/1980"),
              ("Siôn Jones", "09/09/1949")],
    "visits": [("Gwenllian Pritchard", "14/05/1938"), ("Elwyn Roberts", "02/02/1941"),
               ("Emrys Davies", "03/09/1935"), ("Megan Hughes", "11/11/1944"),
               ("Glenys Owen", "09/09/1939")],
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("item-heads-share")
    out = tmp_path_factory.mktemp("item-heads-out") / "inventory"
    write_files(share, {"dispensary/round-2026-11-17.txt": DISPENSING_ROUND,
                        "shelter/sign-in-2026-11-18.txt": SHELTER_SIGN_IN,
                        "ambulance/job-log-2026-11-19.txt": TRANSPORT_JOBS,
                        "outreach/notes.txt": OUTREACH_NOTES,
                        "nursing/visits-2026-11-23.txt": DISTRICT_NURSING,
                        "diary/team-2026-11-27.txt": TEAM_DIARY,
                        "nursing/rownd-2026-11-30.txt": WELSH_ROUND})
    scan_quietly(share, out)
    return out


@pytest.mark.parametrize("part", sorted(PEOPLE))
def test_each_item_is_its_person_with_their_date_of_birth(scanned, tmp_path, part):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    found = sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]),
                    row["other_names"], row["identified_by"])
                   for row in rows if part in row["first_locations"])
    assert found == sorted((key("PERSON", name), key("DATE_OF_BIRTH", dob), "",
                            "name_and_date_of_birth") for name, dob in PEOPLE[part])


def test_every_row_is_a_person_of_the_lists(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path)
    assert len(rows) == sum(len(people) for people in PEOPLE.values())


@pytest.mark.parametrize(("part", "masked"), [
    ("round", [("H** P********", "staff"), ("M*** H*****", ""), ("E***** W*****", ""),
               ("D***** R*** J******", ""), ("G***** P****", ""), ("O**** M*****", ""),
               ("R***** E****", ""), ("B***** L****", ""), ("S***** P*****", "staff")]),
    ("sign-in", [("P****** G******", "staff"), ("T** O*****", "staff"), ("K***** D****", ""),
                 ("M**** N*********", ""), ("S***** M****", ""), ("P******* A******", ""),
                 ("P****** G******", "staff")]),
    ("job-log", [("G***** L****", "staff"), ("A**** H*****", "staff"), ("S***** A**", ""),
                 ("B******** K****", ""), ("D***** F*********", ""), ("I*** P******", ""),
                 ("E**** B**********", "")]),
    ("notes.txt", [("C***** R***", ""), ("D**** Q******", ""), ("Y**** A****", "")]),
    ("visits", [("Mrs G******** P********", ""), ("E**** R******", ""),
                ("Mr E**** D*****", ""), ("N** D*****", "related"), ("M**** H*****", ""),
                ("G***** O***", "")]),
    ("rownd", [("S*** L****", ""), ("L*** a* R***", ""), ("G******** H***", ""),
               ("Z** Ł**********", ""), ("J***** S***", "")]),
    ("team-", [("M*** J****", "staff"), ("A***** F*******", ""), ("J*** S****", ""),
               ("H***** B***", ""), ("P*** G****", ""), ("L*** M***", ""), ("E*** P*****", "")]),
])
def test_no_place_is_read_as_a_name(scanned, part, masked):
    """`Quarry Lane Hostel`, `St Anne's`, `Victoria Lodge`, `Bryn Awel`, `Seaview B&B`,
    `Marlowe Arcade`, `Plas Newydd`: none is a name; each person's name is whole."""
    assert [(name, role) for _record, name, role in names_with_roles(scanned, part)] == masked


def test_a_person_after_at_or_in_is_still_a_person(tmp_path):
    """Safeguarding records are about whom something was done `at`: those names stay."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "incident.txt").write_text(
        "Incident 14/11, Mr Alan Crabtree (DOB 01/02/1940), dementia: he was shouting at "
        "Margaret Hollis in the lounge and later spat at Thomas Kettering, bruising noted.\n",
        encoding="utf-8")
    scan_quietly(share, out)
    with sqlite3.connect(out / "inventory.sqlite") as db:
        masked = sorted(row[0] for row in db.execute(
            "SELECT masked FROM findings WHERE entity_type = 'PERSON'"))
    assert masked == ["M******* H*****", "Mr A*** C*******", "T***** K********"]
