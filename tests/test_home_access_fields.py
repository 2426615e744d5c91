"""HOME_ACCESS in structured records read by field name (issue 14, session 12): a field whose
split name is a key device, an opening's code, a key's place or a key holder, with a value of
the right shape, or a generic code with a home's lock in its record, unless the record says
what else the lock is for (`recognizers/access_fields.py`, dev batches F and G of session 12).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from recognizers import access_fields as fields
from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer
from tests.cli import run_cli


@pytest.fixture(scope="module")
def recognizer():
    return HomeAccessRecognizer()


def kinds_of(recognizer: HomeAccessRecognizer, text: str) -> list[list[str]]:
    return [result.recognition_metadata[ACCESS_KINDS_KEY]
            for result in recognizer.analyze(text, ["HOME_ACCESS"])]


@pytest.mark.parametrize(("name", "words"), [
    ("KSCode", " ks code "), ("keySafeLocation", " key safe location "),
    ("telecare.client.2291.keysafe.code", " telecare client 2291 keysafe code "),
    ("KSC^Key safe code^LOCAL", " ksc key safe code local "),
    ("CoDE", " code "), ("KeyHolder1", " key holder 1 "), ("door-entry_code", " door entry code "),
])
def test_a_field_name_is_read_as_words(name, words):
    assert fields.field_words(name.replace("^", " ")) == words


# Each shape a record is written in, with the kind of way in its field gives: a code (a key
# device's, an opening's, or a generic value beside a key device or a home's lock), a key's
# place, a key holder.
@pytest.mark.parametrize(("text", "kinds"), [
    ('{"event":"guest_code_created","lock":"front_door","home":"14 Pell St","code":"551902"}',
     ["code"]),
    ("UPDATE clients SET keysafe_code = '9156' WHERE client_id = 3307;", ["code"]),
    ("INSERT INTO client_access (client_id, ks_code) VALUES (5531, '3864');", ["code"]),
    ("OBX|3|ST|KSC^Key safe code^LOCAL||5 2 8 1||||||F", ["code"]),
    ('{"code":{"text":"Keysafe code"},"valueString":"7730"}', ["code"]),
    ('<field name="keysafe_code" value="9032"/>', ["code"]),
    ("<KeySafeCode>8 4 6 1</KeySafeCode>", ["code"]),
    ("Key safe: [x] yes  [ ] no    Code: ____ 5816 ____", ["code"]),
    ("ks=yes ks_code=1184 carer=jw22", ["code"]),
    ('{"tenant":"Mrs R Hollis","keyBoxCombination":"3-9-1-5"}', ["code"]),
    # a person's name in a record is no purpose (`Ward` of a name is no ward)
    ("Name: Mrs Edna Ward\nKS code: 4471\n", ["code"]),
    ('{"name":"Edna Ward","address":"4 Church Street","keysafeCode":"4471"}', ["code"]),
    # a field about another party (her GP, her pharmacy) says nothing of the lock
    ('{"client":"Mrs A Byrne","gp":"Moorside Health Centre","keysafeCode":"4471"}', ["code"]),
    ("Pharmacy: Lowther Chemists, Market Street\nKS code: 4471\n", ["code"]),
    # a row's service or free-text notes column is not what its key safe is for
    ("Name: Mrs Edna Ward\nService: Day centre Tuesdays\nKS code: 4471\n", ["code"]),
    ("Name: Mrs Edna Ward\nNotes: goes to the day centre on Tuesdays, lunch club after\n"
     "KS code: 4471\n", ["code"]),
    # a row's personal and identifier columns (`Postcode`, `Pendant serial`) say what their
    # values are, never what the key safe is for (share 4's telecare register had lost it)
    ("Surname: STEAD\nKeysafe / access: key safe to the right of the porch, code 3503\n"
     "Postcode: NV7 7HT\nPendant serial: 249291\n", ["code"]),
    # a field answered yes or no says what the home has, never what its lock is for (set
    # aa's telecare row lost its code to `Pendant: Y`)
    ("Client: Mr A Nolan\nKS: 4455\nPendant: Y\n", ["code"]),
    ("client: Mr A Nolan\nkeysafe_code: 4455\nsmoke_alarm: yes\n", ["code"]),
    ("TC-0192 | Mr A Nolan | 4 Cedar Ct | KS: 4455 (rear door) | Pendant: Y | Responder: Ravi",
     ["code"]),
    ("spare_key_location: under the green watering can by the shed", ["hidden_key"]),
    ('{"client":"AB-2210","spareKey":"inside the bird box on the fence"}', ["hidden_key"]),
    ("KeyHolder1=Mrs J Pollard (daughter) 07700 900311", ["key_holder"]),
    ("INSERT INTO contacts (client_id, role, name) VALUES (8812, 'key holder', 'Gwen Ashby');",
     ["key_holder"]),
])
def test_a_records_access_field_is_found_with_its_kind(recognizer, text, kinds):
    found = kinds_of(recognizer, text)
    assert found and sorted({kind for each in found for kind in each}) == kinds


# Near misses in the same shapes: the record says what else the lock is for (an office, a
# ward, a scheme's lounge, a vehicle, a void, a thing with a keypad of its own), the value has
# no code's shape or is empty, or a generic code has no home's lock beside it.
@pytest.mark.parametrize("text", [
    '{"room":"Staff room","doorCode":"4471","site":"Head office"}',
    "office_door_code=7 2 1 9",
    "van_lockbox_code: 5108",
    '{"fridgeId":"VF-02","vaccineFridgePin":"2207","site":"Elm Surgery"}',
    '<field name="medicines_trolley_code" value="9032"/>',
    '{"site":"Beech Court scheme lounge","doorEntryCode":"6612"}',
    '{"tenancy":"void","property":"Flat 2 Ash Court","keysafeCode":"6155"}',
    "INSERT INTO staff_door_pins (user_id, door, pin) VALUES (118, 'Treatment room', '3309');",
    "keysafe_code: n/a",
    "Key safe: [ ] yes  [x] no    Code: ________",
    "keyholder_1: none",
    '{"code":"I10","display":"Essential hypertension"}',
    "INFO login user=jw22 pin_attempts=3 code=4471 result=fail",
    "key_worker: Mrs J Pollard",
    # a field answered yes is no purpose, but the record's other words still are
    "Site: Head office\nFire alarm: Y\nKS code: 4471\n",
    "Office door | code 4471 | Pendant: N",
    # a row of one field a line whose site is an office
    "Site: Head office\nDoor code: 4471\n",
    # a place's record names the place (`<Site><Name>`)
    "<Site><Name>Riverside clinic</Name><AccessCode>9 7 1 2</AccessCode></Site>",
    "{'sku': 'KS-2210', 'product': 'Key safe (police approved)', 'price': '4499'}",
    "No longer a keyholder: neighbour at 19 handed the key back",
    # `holder` alone says not what is held: a ward's bleep, a budget
    "Nurse in charge: Sr Helen Marsh    Bleep holder: Tom Fairley",
    "Budget holder: Mrs Anne Price",
    # a holder's value saying they hold none
    "keyholder1_name: Gwladys Parry (no key)\nkeyholder1_relationship: contact only\n",
    # a key's place is read for what it is: an office, a car, a van, a staff room
    "Spare key: in the office",
    "spare_key: in the car",
    '{"spareKey":"in the van glovebox"}',
    "keysafe_location: inside the staff room",
    # an OBX's value is a lock's code only beside its own OBX-3, not a locker's padlock in
    # a note segments away (share 6: a heart rate read as a code)
    "OBX-3: 8867-4 Heart rate LN\nOBX-5: 117\nOBX-6: /min\nOBX-11: F\nOBX-1: 5\n"
    "OBX-3: NARR Clinical narrative L\nOBX-5: Pt hypoglycaemia.\nNTE-1: 1\n"
    "NTE-3: Locker 58, padlock 492.\n",
    # a list's own markup names nothing: the staff room is still the staff room's
    "<li>Staff room door: <b>4096</b></li><li>Drugs fridge key: nurse in charge</li>",
])
def test_a_record_that_says_what_else_it_is_for_is_not_found(recognizer, text):
    assert recognizer.analyze(text, ["HOME_ACCESS"]) == []


# A thing with a keypad of its own is no one's way in, in prose too (share 9, seed 1: an
# incident report's vaccine fridge gave a person HOME_ACCESS).
@pytest.mark.parametrize(("text", "home"), [
    ("Vaccine fridge at the PCN hub found at 9C. Fridge keypad code 2281 changed.", False),
    ("Drug cupboard keypad is 4 4 0 9, nurses only.", False),
    ("Medicines trolley code 3316 - keep trolley locked between rounds.", False),
    ("Key safe in the meter cupboard, code 4471", True),
    ("Back door keypad 6218#; insulin in the fridge, top shelf.", True),
])
def test_a_things_own_keypad_is_no_way_in(recognizer, text, home):
    assert bool(recognizer.analyze(text, ["HOME_ACCESS"])) is home


# Session 13: a pipe table's header names its columns, so each row's cells are read as that
# row's fields (a Markdown table over lines, or one flattened onto a line); a table of goods
# (a price column) lists no home, and its people's and addresses' cells are no purpose.
WIKI_TABLE = ("| Client | Key safe | Spare key |\n|---|---|---|\n| Mrs A | 4471 | |\n"
              "| Mr B | n/a | under the mat by the back door |\n| Mr C | 1 2 3 4 (porch) | |\n")


def test_a_tables_rows_are_read_by_its_header(recognizer):
    found = [(WIKI_TABLE[r.start:r.end], r.recognition_metadata[ACCESS_KINDS_KEY])
             for r in recognizer.analyze(WIKI_TABLE, ["HOME_ACCESS"])]
    assert [kinds for _, kinds in found] == [["code"], ["hidden_key"], ["code"]]
    assert [value[:4] for value, _ in found] == ["4471", "unde", "1 2 "]


@pytest.mark.parametrize(("text", "home"), [
    ("| Client | Postcode | Entry | | --- | --- | --- | | T. Roskilly | TR1 9ZZ | 3 8 8 0# side "
     "door |", True),
    ("| Name | Time | Key safe | |---|---|---| | Mrs Kerr | 09:00 | 6402 (left of front door) |",
     True),
    ("| Client | Addr | Access | | J. Tremayne | Trelissick, Church Hill | let self in |", True),
    ("| Item | Code | Price | |---|---|---| | Key safe (police approved) | C1234X | \u00a349.99 |",
     False),
    ("| Room | Entry | |---|---| | Server room | 4 4 1 9# |", False),
    ("| Name | Key worker | |---|---| | Mrs Kerr | Jo Bell |", False),
    ("| Client | Entry | |---|---| | Mr Dunn | client answers the door |", False),
])
def test_a_flattened_tables_cells_are_read_by_its_header(recognizer, text, home):
    assert bool(recognizer.analyze(text, ["HOME_ACCESS"])) is home


# Session 13 review: a table lists goods only when a column says what the goods are (`Item`,
# `Product`, `SKU`) as well as one of their price or quantity; a care plan's `Weekly cost`,
# `Total`, `Stock` or `Supplier` column alone lists no goods.
@pytest.mark.parametrize(("text", "found"), [
    ("| Client | Hours | Weekly cost | Access |\n|---|---|---|---|\n"
     "| Ada Lane | 14 | 280 | Key safe by back door 4471 |\n", ["4471"]),
    ("| Client | Total | Key safe |\n|---|---|---|\n| Mrs Kerr | 3 | 6402 |\n", ["6402"]),
    ("| Client | Supplier | Access |\n|---|---|---|\n| Mrs Kerr | Careline | key safe 6402 |\n",
     ["6402"]),
    ("| Product | Stock | Code |\n|---|---|---|\n| Key safe | 12 | 6402 |\n", []),
])
def test_a_table_lists_goods_only_by_what_and_how_much(recognizer, text, found):
    assert [text[r.start:r.end][-4:] for r in recognizer.analyze(text, ["HOME_ACCESS"])] == found


# Session 13 review: an access column's cell is decided as a record's field of that name is; a
# number followed by ordinary words (a visit's time in a log's `Entry`) is no code.
@pytest.mark.parametrize(("text", "found"), [
    ("| Date | Entry |\n|---|---|\n| 12/03/2026 | 1430 visited, pt settled, meds given |\n", []),
    ("| Date | Access |\n|---|---|\n| 12/03/2026 | 1430 visited, pt settled, meds given |\n",
     []),
    ("| Client | Access |\n|---|---|\n| Mrs Kerr | 6402 (left of front door) |\n", ["6402"]),
    ("| Client | Access |\n|---|---|\n| Mrs Kerr | 6402 key safe by side door |\n", ["6402"]),
])
def test_an_access_columns_cell_is_read_as_a_field(recognizer, text, found):
    assert [text[r.start:r.end][:4] for r in recognizer.analyze(text, ["HOME_ACCESS"])] == found


# One file of each shape the extractors hand over (JSON, SQL dump, CSV, XML, HL7 v2, a log of
# key=value lines): each record with a home's access field is found with its kind, the near
# miss beside it in the same file is not.
FILES = {
    "locks.json": (json.dumps([
        {"ts": "2026-11-02T08:14:55Z", "event": "guest_code_created", "lock": "front_door",
         "home": "14 Pell St", "code": "551902", "created_by": "son"},
        {"ts": "2026-11-02T09:01:10Z", "event": "login_failed", "user": "outreach_03",
         "reason": "wrong PIN", "code": "440120"}]), "[0]", "code"),
    "access.sql": (
        "CREATE TABLE clients (client_id INTEGER, name TEXT, keysafe_code TEXT, "
        "keysafe_loc TEXT);\n"
        "INSERT INTO clients (client_id, name, keysafe_code, keysafe_loc) VALUES "
        "(3307, 'Mrs Edna Pike', '9156', 'left of porch');\n"
        "INSERT INTO staff_door_pins (user_id, door, pin) VALUES (118, 'Treatment room', "
        "'3309');\n", "table clients row 1", "code"),
    "clients.csv": ("Client ID,Name,Key safe,KS code,Access info\n"
                    "C-118,Mrs Ada Pryce,yes,4416,left of back door\n"
                    "C-119,Team office,yes,7719,office door\n", "row 2", "code"),
    "holders.xml": ('<?xml version="1.0"?>\n<clients><client id="C118"><SpareKeyWith>Mrs J '
                    'Pollard (daughter)</SpareKeyWith></client>\n<site name="Ward 7"><keypad>'
                    '2 3 2 3</keypad></site></clients>\n', "document", "key_holder"),
    "access.hl7": ("MSH|^~\\&|CARE|ORG|PHI|ORG|202611300900||ORU^R01|MSG1|P|2.4\r"
                   "PID|1||9434765919^^^NHS^NH||Pike^Edna||19400312|F\r"
                   "OBX|1|ST|KSC^Key safe code^LOCAL||5 2 8 1||||||F\r", "message 1", "code"),
    "visits.log": ("ts=2026-11-30T07:02:11Z level=INFO visit.start client=CL-4471 "
                   "access_method=keysafe ks_code=6618 carer=jw22\n"
                   "ts=2026-11-30T07:05:00Z level=INFO login user=jw22 code=4471 result=fail\n",
                   "document", "code"),
}


def test_a_scan_finds_home_access_in_each_records_shape(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    for name, (content, _record, _kind) in FILES.items():
        (share / name).write_text(content, encoding="utf-8")
    scanned = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert scanned.returncode == 0, scanned.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        found = sorted((Path(row[0]).name, row[1], row[2]) for row in db.execute(
            "SELECT l.location, f.record, f.kind FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE f.entity_type = 'HOME_ACCESS'"))
        previews = [row[0] for row in db.execute(
            "SELECT masked FROM findings WHERE entity_type = 'HOME_ACCESS'")]
    assert found == sorted((name, record, kind) for name, (_c, record, kind) in FILES.items())
    assert not [preview for preview in previews if any(c.isdigit() for c in preview)]
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    assert {Path(row["location"]).name: row["status"] for row in rows} == {
        name: "scanned" for name in FILES}
    # The person the HL7 message names is one whose home access leaked, by its kind.
    export = tmp_path / "individuals.csv"
    individuals = run_cli("individuals", str(out), "--export", str(export))
    assert individuals.returncode == 0, individuals.stderr[-2000:]
    with export.open(encoding="utf-8", newline="") as handle:
        people = list(csv.DictReader(handle))
    assert [(person["home_access"], person["home_access_kinds"]) for person in people] == [
        ("true", "code")]


def test_a_generic_code_beside_a_note_about_a_key_safe_is_no_code(tmp_path):
    """An Observation's LOINC `code` is no key safe's because a note beside it talks of
    one (share 6: every ePCR bundle gave its patient a code)."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1",
                      "name": [{"family": "Sutcliffe", "given": ["Desmond"]}],
                      "birthDate": "1941-03-02"}},
        {"resource": {"resourceType": "Observation", "id": "obs1", "status": "final",
                      "code": {"coding": [{"system": "http://loinc.org", "code": "59408-5",
                                           "display": "SpO2"}]},
                      "subject": {"reference": "Patient/p1"},
                      "valueQuantity": {"value": 93, "unit": "%"},
                      "note": [{"text": "Key safe fitting booked with handyperson scheme, "
                                        "code will be with the admin team."}]}}]}
    (share / "ePCR_bundle.json").write_text(json.dumps(bundle), encoding="utf-8")
    scanned = run_cli("scan", str(share), "--out", str(out), "--workers", "1", "-q")
    assert scanned.returncode == 0, scanned.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM findings WHERE entity_type = 'HOME_ACCESS'"
                          ).fetchone() == (0,)


def _walked_header(text: str, line_start: int):
    """The reference: a line's block header found by walking up to the table's top."""
    from recognizers import access_fields

    header = None
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not access_fields._TABLE_LINE.fullmatch(text, previous, line_start - 1):
            break
        header, line_start = (previous, line_start - 1), previous
    return header


def test_a_table_s_header_is_found_once_per_block_and_as_the_walk_finds_it():
    """Every row of a long table asks for its header: walking to the top for each made a
    4,000-row pipe table quadratic (26 s). The remembered answers are the walk's, in any
    order of asking, and a 2,000-row table is read in a bounded number of line tests."""
    import random

    from recognizers import access_fields

    rng = random.Random(13)
    for _ in range(500):
        text = "\n".join(rng.choice(["| a | b |", "|---|---|", "| 1 | 2 |", "plain", ""])
                         for _ in range(rng.randint(1, 10)))
        starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]
        rng.shuffle(starts)
        access_fields._HEADERS[0] = None
        assert [access_fields._block_header(text, s) for s in starts] == [
            _walked_header(text, s) for s in starts]
    table = "| Client | Access |\n|---|---|\n" + "".join(
        f"| Person {i} | KS {1000 + i} |\n" for i in range(2000))
    tests = 0
    real = access_fields._TABLE_LINE

    class Counting:
        def fullmatch(self, *args):
            nonlocal tests
            tests += 1
            return real.fullmatch(*args)

    access_fields._HEADERS[0] = None
    access_fields._TABLE_LINE = Counting()
    try:
        for start in [0] + [k + 1 for k, c in enumerate(table) if c == "\n"]:
            access_fields._block_header(table, start)
    finally:
        access_fields._TABLE_LINE = real
    assert tests < 3 * 2002


def test_a_fields_name_is_classed_once_per_name(recognizer, monkeypatch):
    """A column's or segment field's name recurs in every row (`postcode`, `key_worker`,
    `keysafe_code`): its class is read once per name. What is found is unchanged: the key
    safe's code in each row."""
    from recognizers import home_access_recognizer as module

    module._name_class.cache_clear()
    classed: list[str] = []
    real_class = fields.name_class
    monkeypatch.setattr(fields, "name_class",
                        lambda words, figurative: classed.append(words) or real_class(
                            words, figurative))
    rows = [f"client: C{n}\npostcode: NR32 4QT\nkey_worker: Sam Oduya\nkeysafe_code: 44{n}7\n"
            for n in range(1, 4)]
    assert [kinds_of(recognizer, row) for row in rows] == [[["code"]]] * 3
    assert " keysafe code " in classed
    assert len(classed) == len(set(classed))  # each name once in three rows
    module._name_class.cache_clear()
