"""Home access bound to its person by structure, and its kind read from the value (issue 15,
session 14), in a world no share had: a domiciliary audiology service.

- a plain JSON export whose top level is a list of rounds, each round a list of calls, each
  call its own person (`[0].calls[2]`): every call is a record of its own, so one call's key
  safe code or key holder is that call's resident's, never the round's other residents'
  (before, the whole round was one record: one row with many dates of birth, holding every
  resident's ways in);
- a field whose name says a key device and where it is (`Keysafe / entry`, `Key box
  location`) gives `code` when its value says where the device is, but a value naming a key
  of its own (`spare key under the slate by the water butt`) is where that key is hidden:
  `hidden_key`, read from the value, not the column's name.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY, CODE, HIDDEN_KEY, assign_kinds
from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


def _call(name: str, born: str, getting_in: str, **more: str) -> dict:
    return {"resident": {"full_name": name, "date_of_birth": born},
            "job": "battery and tubing change", "getting_in": getting_in, **more}


ROUNDS = [
    {"van": "Audiology 2", "audiologist": "Rhiannon Vickers", "day": "2026-12-02", "calls": [
        _call("Cuthbert Ollerenshaw", "1931-05-17",
              "Key safe by the coal hole, code 5 8 1 3. Grandson Kit Ollerenshaw holds a key."),
        _call("Winifred Pargeter", "1928-11-03", "Knock loudly, she is hard of hearing"),
        _call("Ambrose Tremlett", "1935-02-26", "Spare key under the slate by the water butt"),
    ]},
    {"van": "Audiology 3", "audiologist": "Desmond Okafor", "day": "2026-12-03", "calls": [
        _call("Philippa Scrimgeour", "1940-08-09", "Ring the bell and wait"),
        _call("Hedley Brocklehurst", "1929-04-30", "Back door on the latch, walk in"),
    ]},
]

CASELOAD = (
    "Surname,Forename,DOB,NHS number,Keysafe / entry,Audiologist\n"
    "QUARMBY,Edwina,12/06/1934,487 312 0004,spare key under the slate by the back step,"
    "Rhiannon Vickers\n"
    "ARKWRIGHT,Lionel,02/02/1930,487 312 0012,behind the drainpipe left of the door,"
    "Desmond Okafor\n"
    "PENHALIGON,Rosamund,23/09/1937,487 312 0020,key kept inside the coal bunker,"
    "Rhiannon Vickers\n"
    "TWEEDALE,Osbert,30/10/1926,487 312 0039,,Desmond Okafor\n"
    "FOTHERGILL,Ignatius,11/01/1932,487 312 0047,key inside the gas meter cupboard,"
    "Desmond Okafor\n"
)

SHARE = {"exports/audiology_rounds.json": json.dumps(ROUNDS, indent=2),
         "exports/audiology_caseload.csv": CASELOAD}

EXPECTED = {
    "Cuthbert Ollerenshaw": "code;key_holder", "Winifred Pargeter": "",
    "Ambrose Tremlett": "hidden_key", "Philippa Scrimgeour": "", "Hedley Brocklehurst":
    "left_open", "Edwina Quarmby": "hidden_key", "Lionel Arkwright": "code",
    "Rosamund Penhaligon": "hidden_key", "Osbert Tweedale": "", "Ignatius Fothergill":
    "hidden_key",
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-binding-shapes", SHARE)


def test_each_person_has_exactly_their_own_ways_in(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"].count(";"),
                   row["home_access_kinds"]) for row in rows) == sorted(
        (key("PERSON", name), 0, kinds) for name, kinds in EXPECTED.items())


def test_the_round_key_holder_is_related_and_staff_make_no_row(scanned, tmp_path):
    rows = {key("PERSON", row["name"]): row for row in export_individuals(
        scanned, tmp_path, "--reveal")}
    assert rows[key("PERSON", "Cuthbert Ollerenshaw")]["related_people"] == "Kit Ollerenshaw"
    assert key("PERSON", "Rhiannon Vickers") not in rows


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(scanned, ["Ollerenshaw", "5 8 1 3", "Quarmby", "coal bunker"])


@dataclass
class _Span:
    start: int
    end: int
    recognition_metadata: dict | None = None


@pytest.mark.parametrize(("text", "hidden_from", "kinds"), [
    # a hidden key's match read from the label or from the value: the value's key is hidden
    ("Key safe / access: key inside the gas meter cupboard", 0, [HIDDEN_KEY]),
    ("Key safe / access: key inside the gas meter cupboard", 19, [HIDDEN_KEY]),
    # the value says where a key device is, or gives its code: the device's
    ("Key safe / access: key safe inside the gas meter cupboard", 19, [CODE]),
    ("Key safe / access: 4 8 2 1, key inside", 30, [CODE]),
    # no label: a key from the key safe is the key safe's (`the key from the key safe`)
    ("the key from the key safe by the garage", 4, [CODE]),
])
def test_a_label_says_what_a_field_may_hold_its_value_what_it_holds(text, hidden_from, kinds):
    finding = _Span(0, len(text))
    assign_kinds(text, [finding], [(_Span(0, len(text)), CODE),
                                   (_Span(hidden_from, len(text)), HIDDEN_KEY)])
    assert finding.recognition_metadata[ACCESS_KINDS_KEY] == kinds


def _visit(name: str, born: str, keysafe: int) -> dict:
    return {"name": name, "dob": born, "keysafe": keysafe}


CHIROPODY = [_visit("Agnes Thwaite", "1938-04-02", 4821), _visit("Walter Pye", "1941-09-17", 7731)]


@pytest.mark.parametrize(("document", "records"), [
    # the rounds below the document's top level: each call its own record, the round's
    # carer and the document's date records of their own
    ({"date": "2026-11-20", "rounds": [{"carer": "Jo", "calls": CHIROPODY}]},
     ["document", "rounds[0]", "rounds[0].calls[0]", "rounds[0].calls[1]"]),
    # a top-level array of a person and a round: the person whole, the round split
    ([{"name": "Cy Carer", "dob": "1990-01-01"}, {"round": "AM", "calls": CHIROPODY}],
     ["[0]", "[1]", "[1].calls[0]", "[1].calls[1]"]),
    # among people, one giving only a name and an age is a person too and keeps its carers
    ([{"name": "Lyn Oates", "dob": "1950-03-03"},
      {"person": {"displayName": "Ron Hey", "age": 80},
       "carers": [{"name": "Sid Hey", "dateOfBirth": "1949-01-01", "keysafe": 1234}]}],
     ["[0]", "[1]"]),
    # a person keeps their arrays; the document is no person, its people are split off
    ({"name": "Lyn Oates", "dob": "1950-03-03", "podiatry": [{"visit": "Mon"}],
      "contacts": [{"name": "Sid Oates", "dob": "1949-01-01", "keysafe": 1234}]},
     ["document", "contacts[0]"]),
])
def test_each_person_in_json_is_a_record_wherever_their_array_sits(document, records):
    from phiscan.extract.structured import json_units

    units = list(json_units(document, None))
    assert [unit.record for unit in units] == records
    codes = [[code for code in ("4821", "7731", "1234") if code in unit.text] for unit in units]
    assert sum(codes, []) == [code for code in ("4821", "7731", "1234")
                              if code in json.dumps(document)]
    assert all(len(found) <= 1 for found in codes)
