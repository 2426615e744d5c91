"""One person, one row, whatever shape the name, the date of birth and the address take
(issue 15).

- An address written in a line (`Miss Olwen Stansfield, 17 Cote Fold, NV4 1EZ, DOB ...`):
  a house number before capitalised words ending in a street's word, or followed by a
  postcode, is a street, never a person (spaCy reads `Cote Fold` as one; `3 Priory
  Gardens, Hartside, DOB` looks like `SURNAME, Forename` before a date of birth). A
  number that counts beds is no house number (`Bed 12 Mary Hill`).
- A date of birth with a two-digit year (`14/02/25`, `03/07/30`): which century is not
  written, so the key leaves it out and links the date by its day, month and year of the
  century (a 1925 birth written `14/02/25` is not a second person born in 2025).
- A home's name or a town between a name and its date of birth (`Mrs Ida Platt, Ivy
  Cottage, DOB ...`, `Mrs Nora Kaye, Hartside, DOB ...`): no `Platt, Ivy Cottage`, no
  `Kaye, Hartside` read as `SURNAME, Forename` from the name's last word.
- Split name columns however an extract names them (`client_first` / `client_surname`,
  `First Names` / `Surname`, `FIRST` / `LAST`).
- Name shapes: a nickname in brackets or quotes (`Margaret (Peggy) Holroyd`), a middle
  name that is a common word (`Sandra May Jowett`), a double forename or surname with or
  without its hyphen (`Anne Marie` / `Anne-Marie`, `Dobson Leigh` / `Dobson-Leigh`), and
  a note's verb before the name (`Visited Rose Grace Tattersall (DOB ...)`).

Scanned and exported by the real CLI; each case made two rows (or none) before.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, names_with_roles, person, scan_quietly
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"stansfield": "4853001379", "ogden": "4853001743", "holroyd": "4853002111",
       "tattersall": "4853002480", "hill": "4853002855"}

HUDDLE = f"""Discharge hub huddle 03/11/2026
Miss Olwen Stansfield, 17 Cote Fold, NV4 1EZ, DOB 19th June 1952: awaiting package of \
care. NHS {NHS['stansfield']}.
Mr Clifford Ogden, 8 Hebble Brow, Thornby NV2 3QP, DOB 04/09/1941: chasing brokerage, \
NHS {NHS['ogden']}.
Mrs Dilys Pennock, 3 Priory Gardens, Hartside, DOB 2/3/1938: OT to visit.
Bed 12 Mary Hill, DOB 11/11/1944, NHS {NHS['hill']}: chest infection.
"""
# Homes with a name and no number, and towns, between a name and its date of birth.
PLACEMENTS = """Brokerage placements
Mrs Ida Platt, Ivy Cottage, DOB 2/3/1948: awaiting package of care.
Mr Walter Booth, Sunnybank House, DOB 14/07/1936: respite bed found.
Mrs Nora Kaye, Hartside, DOB 09/09/1940: double-up calls.
Mr Len Firth - Oak Lodge - DOB 30/01/1933: reablement.
"""
# Split name columns as extracts name them: `client_first` beside `client_surname` (a
# middle name apart), `First Names` beside `Surname`, `FIRST` beside `LAST`; the same
# people in each, a double surname with and without its hyphen.
PLACEMENTS_CSV = """placement_id,client_surname,client_first,client_middle,born,provider
PL-1,Ackroyd,Beryl,Grace,19/06/1952,Acme Care
PL-2,O'Brien,Patrick,,03/04/1938,Acme Care
"""
EXTRACT_CSV = """Surname,First Names,DOB,Postcode
OBRIEN,Patrick John,03/04/1938,NV1 2AB
Webb-Morton,Alan,04/05/1941,NV1 2AC
"""
LEGACY_CSV = """LAST,FIRST,DOB
WEBB MORTON,ALAN,04/05/1941
ACKROYD,BERYL,19/06/1952
"""
# Two-digit years: Winifred's list entry and her letter write her birth year either way;
# Harold's only date of birth is written `03/07/30`.
REABLEMENT_LIST = """Reablement caseload (community, no NHS number held)
ARMITAGE, Winifred, DOB 14/02/25 - double-up calls, dementia
"""
BREARLEY_NOTE = """Patient: Harold Brearley
DOB: 03/07/30
Diagnosis: Parkinson's disease
"""
ARMITAGE_LETTER = """Re: Mrs Winifred Armitage, DOB 14 February 1925

Thank you for your referral. Known vascular dementia.
"""
# Name shapes: each person written twice, in two shapes.
NOTE_SHAPES = f"""Visit notes
Mrs Margaret (Peggy) Holroyd, DOB 05/05/1933, NHS {NHS['holroyd']}: diabetes reviewed.
Visited Rose Grace Tattersall (DOB 12/04/1930) at home: pressure area care.
Client: Sandra May Jowett (DOB 03/03/1931) - heart failure, weighed.
Anne Marie Dobson Leigh (DOB 01/01/1950): COPD, inhalers checked.
"""
LIST_SHAPES = f"""Community matron caseload
HOLROYD, Margaret (05/05/1933) - diabetes
Client: Rose Tattersall
NHS: {NHS['tattersall']}
DOB: 12/04/1930

Client: Anne-Marie Dobson-Leigh
DOB: 01/01/1950
Diagnosis: COPD
"""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("name-shapes-share")
    out = tmp_path_factory.mktemp("name-shapes-out") / "inventory"
    write_files(share, {"hub/huddle.txt": HUDDLE, "hub/placements.txt": PLACEMENTS,
                        "asc/reablement.txt": REABLEMENT_LIST,
                        "extracts/placements.csv": PLACEMENTS_CSV,
                        "extracts/pathway.csv": EXTRACT_CSV, "extracts/legacy.csv": LEGACY_CSV,
                        "letters/armitage.txt": ARMITAGE_LETTER,
                        "asc/brearley.txt": BREARLEY_NOTE,
                        "notes/visits.txt": NOTE_SHAPES, "notes/caseload.txt": LIST_SHAPES})
    scan_quietly(share, out)
    return share, out


def test_a_street_after_a_house_number_is_no_person(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    huddle = {(key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
               key("DATE_OF_BIRTH", row["date_of_birth"]))
              for row in rows if "huddle.txt" in row["first_locations"]}
    assert huddle == {person("Olwen Stansfield", NHS["stansfield"], "19/06/1952"),
                      person("Clifford Ogden", NHS["ogden"], "04/09/1941"),
                      person("Dilys Pennock", "", "02/03/1938"),
                      person("Mary Hill", NHS["hill"], "11/11/1944")}
    masked = [masked for _record, masked, _role in names_with_roles(out, "huddle.txt")]
    assert masked == ["Miss O**** S*********", "Mr C******* O****", "Mrs D**** P******",
                      "M*** H***"]


def test_a_home_or_a_town_after_a_name_is_no_name(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    placed = {(key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]),
               row["other_names"]) for row in rows if "placements.txt" in row["first_locations"]}
    assert placed == {(key("PERSON", name), key("DATE_OF_BIRTH", dob), "") for name, dob in (
        ("Ida Platt", "02/03/1948"), ("Walter Booth", "14/07/1936"),
        ("Nora Kaye", "09/09/1940"), ("Len Firth", "30/01/1933"))}
    assert [masked for _record, masked, _role in names_with_roles(out, "placements.txt")] == [
        "Mrs I** P****", "Mr W***** B****", "Mrs N*** K***", "Mr L** F****"]


def test_a_two_digit_year_links_by_day_month_and_year(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    armitage = [row for row in rows if key("PERSON", row["name"]) == key(
        "PERSON", "Winifred Armitage")]
    assert [(row["locations"], key("DATE_OF_BIRTH", row["date_of_birth"]))
            for row in armitage] == [("2", key("DATE_OF_BIRTH", "14/02/1925"))]
    assert key("DATE_OF_BIRTH", "14/02/25") == key("DATE_OF_BIRTH", "1925-02-14")
    brearley = [row for row in rows if key("PERSON", row["name"]) == key(
        "PERSON", "Harold Brearley")]
    assert [key("DATE_OF_BIRTH", row["date_of_birth"]) for row in brearley] == [
        key("DATE_OF_BIRTH", "3 July 1930")]


def test_one_person_in_two_name_shapes_is_one_row(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    found = {(key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
              key("DATE_OF_BIRTH", row["date_of_birth"]), row["records"])
             for row in rows if "visits.txt" in row["first_locations"]
             or "caseload.txt" in row["first_locations"]}
    assert found == {(*person("Margaret Holroyd", NHS["holroyd"], "05/05/1933"), "2"),
                     (*person("Rose Tattersall", NHS["tattersall"], "12/04/1930"), "2"),
                     (*person("Sandra Jowett", "", "03/03/1931"), "1"),
                     (*person("Anne-Marie Dobson-Leigh", "", "01/01/1950"), "2")}
    assert [masked for _record, masked, _role in names_with_roles(out, "visits.txt")] == [
        "Mrs M******* (****** H******", "R*** G**** T*********", "S***** M** J*****",
        "A*** M**** D***** L****"]


def test_split_name_columns_in_every_naming_make_one_person(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    # `WEBB MORTON` and `Webb-Morton` are two keys, one person by the date of birth: the
    # best name is either spelling
    found = {(key("PERSON", row["name"].replace("-", " ")),
              key("DATE_OF_BIRTH", row["date_of_birth"]),
              row["records"]) for row in rows if "extracts/" in row["first_locations"]}
    assert found == {(key("PERSON", "Beryl Ackroyd"), key("DATE_OF_BIRTH", "19/06/1952"), "2"),
                     (key("PERSON", "Patrick O'Brien"), key("DATE_OF_BIRTH", "03/04/1938"), "2"),
                     (key("PERSON", "Alan Webb Morton"), key("DATE_OF_BIRTH", "04/05/1941"), "2")}


SENTENCE_OPENERS = {
    # `SURNAME, Forename Middle (date of birth)` after a sentence's first word, which is no
    # name (`Visited`), and under a Markdown heading's marks: before, only the forenames were
    # read (NER's `Bethany Elizabeth`), a row named after a middle name
    "visits/diary.txt": (
        "10/11/2026 Visited Ashworth-Brown, Bethany Elizabeth (7 June 1974) at home. "
        "Coughing on thin fluids.\n"
        "6-month review. 11/11/2026 Visited Elmi, Sahra Abdi (19 February 1931) at home. "
        "Mood low.\n"
    ),
    "mdt/minutes.md": "## 5. Rashid, Mohammed Abdul (20-Oct-1939)\nMND, PEG fed.\n",
    # a list's name ending in an initial, two spaces before its bracketed date: before, its
    # NHS number went to the line above's person
    "continence/list.txt": (
        "Cleveland Reid  D.O.B. 8 February 1988: Pull-ups (Large) x3/day.\n"
        "Chauhan, Ramesh D.  (8 April 1950)  NHS 632 606 7804: Pull-ups x3/day.\n"
    ),
}


def test_surname_first_names_after_a_sentence_opener_are_read_whole(tmp_path_factory, tmp_path):
    share = tmp_path_factory.mktemp("openers-share")
    out = tmp_path_factory.mktemp("openers-out") / "inventory"
    write_files(share, SENTENCE_OPENERS)
    scan_quietly(share, out)
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["date_of_birth"], row["nhs_number"]) for row in rows) == [
        ("Bethany Elizabeth Ashworth-Brown", "7 June 1974", ""),
        ("Cleveland Reid", "8 February 1988", ""),
        ("Mohammed Abdul Rashid", "20-Oct-1939", ""),
        ("Ramesh D. Chauhan", "8 April 1950", "632 606 7804"),
        ("Sahra Abdi Elmi", "19 February 1931", ""),
    ]
