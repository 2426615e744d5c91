"""A free text that lists people by line or by paragraph, each opening with the person's name,
and no identifier: each line or paragraph is its person's entry (session 17, issue 15), in worlds
no share had: a window cleaner's round book, a church's pastoral visiting list, a patient
transport crew's day list, and, as a near miss, a locksmith's job note about one customer.

Before, such a text was one record naming several people: its access notes joined nobody, or
the one customer whose name was known took every other customer's gate code and hidden key.
Now the text is cut into one entry per name line (`phiscan.detect.records.name_lines`), so a
code on a customer's line is that customer's; a line whose name was not read is an entry of
its own that joins nobody.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

ROUND_BOOK = """Round book - Tuesday (Hebden side)

Mrs Philippa Rothwell (8 Stubbing Wharf) - fronts and backs. Side gate padlock 7302.
Gideon Ackroyd (31 Birchcliffe Road) - fronts only, paid monthly.
Mr Lancelot Firbank (2 Osborne Terrace) - roof too. Back door key under the stone hedgehog.
Honora Sugden (19 Windsor Road) - backs. Door on the latch, let yourself in for water.
Mrs Tabitha Greenwood (44 Unity Street) - not in, card left.

Van: pressure washer filter needs changing.
"""

VISITING = """St Michael's pastoral visiting - Advent list

Mr Cornelius Pighills
6 Lumb Lane
Housebound since the hip. Communion first Sunday. Key safe by the front door, code 1964.

Mrs Perpetua Halstead
23 Chapel Fold
Likes a chat about the choir. Rings the bell slowly, give her time.

Miss Ottoline Crabtree
3 Mill Bank
Daughter visits daily. Key under the mat by the back door if nobody answers.
"""

TRANSPORT = """Patient transport - Wednesday - crew 2
Ambrose Lumb, 3 Fern Street - renal 09:40 - key in the meter box, door sticks
Mrs Aurelia Stott, 11 Crag View - fracture clinic 10:15 - waits at the window
Mr Bartholomew Nield, 5 Rock Terrace - oncology 11:00 - key safe at the back, code 3381
"""

# One customer's job note: her name on two lines is one person, never a list.
JOB_NOTE = """Job 4471 - Mrs Rosamund Eckersley, 9 Tower Hill
Rosamund Eckersley rang about the back door lock sticking.
Fitted a new key safe by the porch, code set to 5027, old keys handed back.
"""

# Near misses: a letter (the patient's address block, a body, a signature) and a visit note
# whose lines open with names in sentences: neither lists people, neither is cut.
LETTER = """Mrs Winifred Aspinall
12 Hollin Hall Road
Halifax HX3 7PL

Following your assessment we have fitted a key safe by the front door. Code 4419.

Jonathan Crowther
"""

VISIT_NOTE = """Mrs Winifred Aspinall seen at home today, 12 Hollin Hall Road.
Key safe by the front door, code 4419.
Jonathan Crowther will call on Friday with the frame.
"""

CUSTOMERS = (
    "Name,Date of birth,Address,Postcode\n"
    "Philippa Rothwell,14/02/1941,8 Stubbing Wharf,HX7 8BP\n"
    "Gideon Ackroyd,07/07/1938,31 Birchcliffe Road,HX7 8DA\n"
    "Lancelot Firbank,21/12/1929,2 Osborne Terrace,HX7 6HJ\n"
    "Honora Sugden,03/03/1936,19 Windsor Road,HX7 8LF\n"
    "Tabitha Greenwood,18/08/1931,44 Unity Street,HX7 8AT\n"
    "Cornelius Pighills,09/10/1930,6 Lumb Lane,HX7 6QS\n"
    "Perpetua Halstead,11/11/1934,23 Chapel Fold,HX7 6DW\n"
    "Ottoline Crabtree,02/05/1940,3 Mill Bank,HX6 3EZ\n"
    "Ambrose Lumb,16/06/1948,3 Fern Street,HX7 5AB\n"
    "Aurelia Stott,25/01/1952,11 Crag View,HX7 5DL\n"
    "Bartholomew Nield,30/09/1944,5 Rock Terrace,HX7 5RT\n"
    "Rosamund Eckersley,12/12/1939,9 Tower Hill,HX6 2QQ\n"
)

SHARE = {"window cleaning/round book tuesday.txt": ROUND_BOOK,
         "church/visiting list advent.txt": VISITING,
         "transport/crew 2 wednesday.txt": TRANSPORT,
         "locks/job 4471.txt": JOB_NOTE,
         "adaptations/letter.txt": LETTER, "adaptations/visit note.txt": VISIT_NOTE,
         "customers.csv": CUSTOMERS}

EXPECTED = {"Philippa Rothwell": "code", "Gideon Ackroyd": "", "Lancelot Firbank": "hidden_key",
            "Honora Sugden": "left_open", "Tabitha Greenwood": "",
            "Cornelius Pighills": "code", "Perpetua Halstead": "",
            "Ottoline Crabtree": "hidden_key",
            # his name is not read: his line is an entry naming nobody, his key in the meter
            # box joins nobody (before the cut it could only join the one known person)
            "Ambrose Lumb": "", "Aurelia Stott": "", "Bartholomew Nield": "code",
            "Rosamund Eckersley": "code"}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "name-lines", SHARE)


def test_each_person_has_their_own_lines_way_in(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted((key("PERSON", name), kinds) for name, kinds in EXPECTED.items())


def test_entries_by_line_and_paragraph_and_near_misses_whole(scanned):
    with sqlite3.connect(scanned / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.record FROM findings f JOIN locations l"
                          " ON l.id = f.location_id").fetchall()
    records: dict[str, set[str]] = {}
    for location, record in rows:
        records.setdefault(location.rsplit("/", 1)[-1], set()).add(record)
    assert records["round book tuesday.txt"] == {"line 3", "line 4", "line 5", "line 6", "line 7"}
    assert records["visiting list advent.txt"] == {"line 3", "line 7", "line 11"}
    assert records["crew 2 wednesday.txt"] == {"line 2", "line 3", "line 4"}
    for whole in ("job 4471.txt", "letter.txt", "visit note.txt"):
        assert records[whole] == {"document"}, whole


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(scanned, ["Rothwell", "7302", "stone hedgehog", "Pighills"])
