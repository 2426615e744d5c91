"""Whose home access, person-wide (issue 15, session 18 `ha-person`): a person's death or
permanent move, stated in any record of theirs (a caseload's date-of-death column, a
verification of death, HL7 PID-30, FHIR `deceasedDateTime`, a reablement discharge list, an
equipment service's collection after death), puts the way into the home they left apart
(`with_former_home_access`), never in `with_home_access` or `with_entry_details`; the dead
stay in the total and are counted apart (`deceased`). Whose records give the way in is said
per person (`home_access_via`: `own`, `household`, `both`) and the own-records figure is
counted beside the total (`with_own_home_access`).

The batch is `bench/life_state_batch.py` (a district nursing caseload and a reablement
team: a world unlike the equipment service where the class was seen), written for this
session; at its parent commit it gave 13 people home access against a truth of 6.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from phiscan.config import RiskConfig
from phiscan.detect.classify import classify
from phiscan.model import Finding
from recognizers.life_state_recognizer import LifeStateRecognizer
from tests.cli import export_individuals, key, report_json, run_cli, scanned_share
from tests.conftest import assert_no_raw_values

BATCH = Path(__file__).resolve().parent.parent / "bench" / "life_state_batch.py"


def _batch():
    spec = importlib.util.spec_from_file_location("life_state_batch", BATCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# name: (home_access, home_access_kinds, home_access_via, life_state, former_home_access_kinds)
EXPECTED = {
    "Doreen Ackroyd": ("false", "", "", "deceased", "code"),  # a verification of death
    "Walter Bramley": ("false", "", "", "deceased", "hidden_key"),  # a date-of-death column
    "Irene Cattermole": ("false", "", "", "moved_out", "code"),  # a discharge into a care home
    "Harold Dewhirst": ("false", "", "", "deceased", "code"),  # HL7 PID-30 `Y`
    "Muriel Eastwood": ("false", "", "", "deceased", "code"),  # FHIR deceasedDateTime
    "Leonard Firth": ("true", "code", "own", "", ""),
    "Audrey Firth": ("true", "code", "household", "", ""),  # her husband's note, one home
    "Gladys Hirst": ("true", "code", "own", "", ""),  # `Husband died last year`: his
    "Stanley Ibbotson": ("true", "key_holder", "own", "", ""),
    "Phyllis Jagger": ("true", "left_open", "own", "", ""),
    "Norman Kershaw": ("true", "code", "own", "", ""),
    "Edna Lumb": ("true", "code", "own", "", ""),  # two weeks' respite is no move
    "Bernard Mitchell": ("false", "", "", "deceased", "code"),  # collection after death
}


@pytest.fixture(scope="module")
def caseload(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "life-state", _batch().files())


def test_each_person_has_the_way_into_the_home_they_live_in(caseload, tmp_path):
    rows = export_individuals(caseload, tmp_path, "--reveal")
    given = {key("PERSON", row["name"]): (
        row["home_access"], row["home_access_kinds"], row["home_access_via"], row["life_state"],
        row["former_home_access_kinds"]) for row in rows}
    assert given == {key("PERSON", name): columns for name, columns in EXPECTED.items()}


def test_the_report_counts_homes_left_apart_and_the_dead_in_the_total(caseload):
    people = report_json(caseload)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_own_home_access"],
            people["with_entry_details"], people["with_former_home_access"],
            people["deceased"], people["moved_out"]) == (13, 7, 6, 6, 6, 5, 1)
    assert people["by_access_kind"] == {"code": 5, "left_open": 1, "key_holder": 1}


def test_the_home_access_category_counts_the_homes_people_live_in(caseload, tmp_path):
    """The people of the Home-access category are `with_home_access`, as the ICO draft says
    (`with_any_home_access_details`: "the Home-access row of the categories table"): a way
    into a home its person left is counted apart, never in that row. A new user's trial
    (session 19): the draft's headline read 16 and its categories table 17 (a dead
    patient's key safe), and the text report's `exposed: home_access` 17 under `with
    home-access details (any)` 16."""
    people = report_json(caseload)["individuals"]
    assert (people["by_category"]["home_access"], people["with_home_access"],
            people["with_former_home_access"]) == (7, 7, 6)
    result = run_cli("report", str(caseload), "--ico", "--to", str(tmp_path / "ico"))
    assert result.returncode == 0, result.stderr
    ico = json.loads((tmp_path / "ico" / "ico-art33.json").read_text())
    rows = {item["category"]: item["individuals"] for item in ico["categories_of_personal_data"]}
    assert (rows["home_access"], ico["data_subjects"]["with_any_home_access_details"]) == (7, 7)
    text = run_cli("report", str(caseload))
    assert "exposed: home_access" in text.stdout
    line = next(line for line in text.stdout.splitlines() if "exposed: home_access" in line)
    assert line.split("│")[2].strip() == "7"


def test_the_ico_figures_and_eval_say_the_same(caseload, tmp_path):
    result = run_cli("report", str(caseload), "--ico", "--to", str(tmp_path / "ico"))
    assert result.returncode == 0, result.stderr
    subjects = json.loads((tmp_path / "ico" / "ico-art33.json").read_text())["data_subjects"]
    assert (subjects["approximate_number"], subjects["with_entry_details"],
            subjects["with_former_home_access_details"], subjects["deceased"]) == (13, 6, 6, 5)
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps(_batch().truth()))
    figures_path = tmp_path / "figures.json"
    result = run_cli("eval", str(truth), "--scoping", str(caseload), "--json", str(figures_path))
    assert result.returncode == 0, result.stderr
    figures = json.loads(figures_path.read_text())
    assert (figures["with_home_access"], figures["with_own_home_access"],
            figures["true_with_home_access"], figures["with_former_home_access"],
            figures["with_code"], figures["true_with_code"]) == (7, 6, 6, 6, 5, 4)


def test_nothing_raw_leaves_without_reveal(caseload, tmp_path):
    assert len(export_individuals(caseload, tmp_path)) == 13
    raw = [name.split()[1] for name in EXPECTED if name != "Audrey Firth"] + [
        "3391", "4128", "5172", "8830", "6604", "2719", "5506", "9071", "6612"]
    assert_no_raw_values(caseload, raw)
    assert_no_raw_values(tmp_path, raw)


# A collection list's rows for men who died, each naming his widow who still lives there (an
# equipment service's `Mrs Ivy Kershaw still lives at the address`): a row that joins her (its
# client written with an initial) states no death of hers; a row that joins him (his full
# name) makes him deceased, and its access note opens her home too (a household's way in).
SURVIVOR_FILES = {
    "orders/orders_2026-09.csv": (
        "Order,Surname,Forename,DOB,NHS number,Postcode,Notes\n"
        "ORD1,Kershaw,Ivy,12/03/1936,4012234846,WX5 5LN,\n"
        "ORD2,McKellar,Pauline,30/06/1940,4012234900,WX3 5JR,\n"
        "ORD3,McKellar,Alistair,02/01/1938,4012234870,WX3 5JR,\n"),
    "collections/outstanding.csv": (
        "Coll Ref,Client,Address,Reason,Contact,Access notes\n"
        "COL1,Mr D KERSHAW,\"73 Foundry Street, Castle Brannock WX5 5LN\",Deceased 20/10/2026,"
        "Gail Kershaw (daughter),\"Mrs Ivy Kershaw still lives at the address (own equipment, "
        "do NOT collect hers). Key in keysafe, 9911.\"\n"
        "COL2,Dr Alistair McKellar,\"29 Larch Grove, Pellow WX3 5JR\",Deceased 17/11/2026,"
        "Marek McKellar (son),\"Mrs Pauline McKellar still lives at the address (own equipment,"
        " do NOT collect hers). Key safe round the side by the bins, code 7772\"\n"),
}


def test_a_death_on_a_survivors_row_is_not_the_survivors(tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "survivors", SURVIVOR_FILES)
    rows = export_individuals(out, tmp_path, "--reveal")
    given = sorted((key("PERSON", row["name"]), row["life_state"], row["home_access_kinds"],
                    row["home_access_via"], row["former_home_access_kinds"]) for row in rows)
    assert given == sorted([
        (key("PERSON", "Ivy Kershaw"), "", "code", "own", ""),
        (key("PERSON", "Pauline McKellar"), "", "code", "household", ""),
        (key("PERSON", "Alistair McKellar"), "deceased", "", "", "code")])


@pytest.mark.parametrize(("text", "states"), [
    ("Date of death: 29/10/2026", ["deceased"]),
    ("PID-30 death_indicator: Y", ["deceased"]),
    ("deceasedBoolean: true", ["deceased"]),
    ("Reason: Deceased 02/02/2027", ["deceased"]),
    ("She passed away peacefully at home.", ["deceased"]),
    ("Re: the late Mrs Ivy Gledhill", ["deceased"]),
    ("Moved to Hartside Court Care Home (permanent)", ["moved_out"]),
    ("Mrs Ince still lives at the address", ["survivor"]),
    # not the record's person: a relative's, a survivor's reading, a stay, a doctor
    ("Husband deceased 02/02/2027", []),
    ("Mother passed away in May; she is coping.", []),
    ("Coroner's officer: the deceased's brother holds keys", []),
    ("Two weeks' respite at Holly Bank care home", []),
    ("DOD: pending", []),
    ("Key stage 2 pupil, RIP van Winkle costume", []),
    # an end-of-life plan names the verification while the person lives
    ("Verification of expected death likely this week; VOED form in the folder", []),
    ("DNACPR and verification of expected death form in place", []),
    ("Death verified 03:40 by RN Okafor", ["deceased"]),
    # a move for good, however it is put (blind share 23): a closure's abbreviation, a
    # status stored as a code, gone into a named home
    ("Closed - perm. to Oakwood Lodge", ["moved_out"]),
    ("Status: Closed - perm. to The Laurels Nursing Home", ["moved_out"]),
    ("Case.Status: care_home", ["moved_out"]),
    ("Update - Margaret has gone into The Laurels Nursing Home permanently", ["moved_out"]),
    ("He went into Oakwood care home last week", ["moved_out"]),
    # a visit, or no place named
    ("She went to the care home for lunch with her sister", []),
    ("Status: perm. to be decided at panel", []),
    ("Preferred care home: Oak Lodge", []),
])
def test_life_state_phrases(text, states):
    results = LifeStateRecognizer().analyze(text, ["LIFE_STATE"])
    assert [result.recognition_metadata["access_kinds"][0] for result in results] == states


def test_a_life_state_alone_is_no_data_of_a_category():
    finding = Finding(entity_type="LIFE_STATE", score=0.85, recognizer="x", where="", start=0,
                      end=8, masked="********", value_hash="h")
    categories, special, risk = classify([finding], RiskConfig())
    assert (categories, special, risk.value) == ([], False, "none")
