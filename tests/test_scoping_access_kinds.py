"""Home access by kind (issue 15): which people's homes open from the leaked text alone
(a key-safe or door code, a hidden key, a door left open: change the code, move the key),
apart from people for whom only a key holder is named. The kind comes from the HOME_ACCESS
recognizer's own patterns (`recognizers/access_kinds.py`), is stored with the finding
(`findings.kind`), and reaches the export (`home_access_kinds`), the report
(`with_entry_details`, the ICO figure; `with_key_holder_only`; `by_access_kind`), the ICO
figures and `phiscan eval --scoping`, which compares per kind when the truth gives each
person's `access_kind` list. A telecare responder's own date of birth is theirs, and so is
a key holder's in a column whose name repeats the client's (`Client | DOB | Key holder |
DOB`). Scanned, reported and evaluated by the real CLI; nothing raw leaves without
`--reveal`.
"""

from __future__ import annotations

import json

import pytest

from recognizers.access_kinds import ACCESS_KINDS, GO_IN
from tests.cli import export_individuals, key, report_json, run_cli, scanned_share
from tests.conftest import assert_no_raw_values

NHS = {"ainsworth": "4855754641", "bradshaw": "4855335533", "crabtree": "4854863978",
       "dunford": "4856717952", "eccles": "4857957612"}
PEOPLE = {  # name, DOB, NHS, the kinds of way in the share gives
    "ainsworth": ("Hilda Ainsworth", "02/03/1934", NHS["ainsworth"], ["code"]),
    "bradshaw": ("Percy Bradshaw", "17/09/1930", NHS["bradshaw"], ["hidden_key"]),
    "crabtree": ("Mabel Crabtree", "08/12/1938", NHS["crabtree"], ["left_open"]),
    "dunford": ("Stanley Dunford", "21/06/1941", NHS["dunford"], ["key_holder"]),
    "eccles": ("Irene Eccles", "30/04/1936", NHS["eccles"], ["code", "key_holder"]),
}
NOTES = {
    f"community/{key_name}.txt": f"Client: {name}   DOB {dob}   NHS {nhs}\n{access}\n"
    for key_name, (name, dob, nhs, _kinds), access in zip(PEOPLE, PEOPLE.values(), [
        "Key safe by the back door, code 7316.",
        "Spare key under the blue plant pot by the shed.",
        "Back door left unlocked for carers.",
        "Neighbour at number 14 holds a key.",
        "Key safe code 5820. Her son Brian Eccles also holds a key.",
    ], strict=True)}
RESPONDERS = """client,client_dob,responder_1,responder_1_relationship,responder_1_dob
Hilda Ainsworth,02/03/1934,Gail Ainsworth,daughter,11/10/1962
"""
# A column name met again is the column's before it: the key holder's own date of birth.
KEY_HOLDERS = f"""Client,DOB,NHS number,Key holder,DOB
Stanley Dunford,21/06/1941,{NHS['dunford']},Len Dunford,03/03/1965
"""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-kinds", {
        **NOTES, "telecare/responders.csv": RESPONDERS, "telecare/key_holders.csv": KEY_HOLDERS})


def test_each_person_has_the_kinds_of_way_in_their_notes_give(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access"],
                   row["home_access_kinds"]) for row in rows) == sorted(
        (key("PERSON", name), dob, "true", ";".join(kinds))
        for name, dob, _nhs, kinds in PEOPLE.values())
    assert [row["other_names"] for row in rows] == [""] * len(rows)


def test_the_report_counts_entry_details_apart_from_key_holders_named(scanned):
    people = report_json(scanned)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_entry_details"],
            people["with_key_holder_only"]) == (5, 5, 4, 1)
    assert people["by_access_kind"] == {"code": 2, "hidden_key": 1, "left_open": 1,
                                        "key_holder": 2}
    text = run_cli("report", str(scanned))
    assert "entry details: code, hidden key, door left open (ICO figure)" in text.stdout
    assert "key holder named only" in text.stdout


def test_the_ico_figure_is_the_people_whose_home_opens_from_the_leak(scanned):
    result = run_cli("report", str(scanned), "--ico")
    assert result.returncode == 0, result.stderr
    ico = json.loads((scanned / "ico-art33.json").read_text())
    assert ico["data_subjects"]["with_entry_details"] == 4
    assert ico["data_subjects"]["with_key_holder_named_only"] == 1
    assert "  - of whom only a key holder is named (no code, key or open door): 1" in (
        scanned / "ico-art33.md").read_text()



def eval_figures(scanned, tmp_path, people: list[dict]) -> dict:
    """`phiscan eval --scoping` of the scan against a truth of these people."""
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"people": people, "staff": [], "related": []}))
    figures_path = tmp_path / "figures.json"
    result = run_cli("eval", str(truth), "--scoping", str(scanned), "--json", str(figures_path))
    assert result.returncode == 0, result.stderr
    return json.loads(figures_path.read_text())

def test_eval_compares_per_kind_when_the_truth_gives_kinds(scanned, tmp_path):
    figures = eval_figures(scanned, tmp_path, [
        {"forename": name.split()[0], "surname": name.split()[1], "dob": dob,
         "nhs_number": nhs, "access_kind": kinds}
        for name, dob, nhs, kinds in PEOPLE.values()])
    assert home_access_figures(figures) == {
        "with_home_access": 5, "true_with_home_access": 5,
        "with_own_home_access": 5, "with_former_home_access": 0,
        "with_entry_details": 4, "true_with_entry_details": 4,
        "with_code": 2, "true_with_code": 2, "with_hidden_key": 1, "true_with_hidden_key": 1,
        "with_left_open": 1, "true_with_left_open": 1,
        "with_key_holder": 2, "true_with_key_holder": 2}
    assert (figures["identity_recall"], figures["identity_precision"]) == (1.0, 1.0)


def test_eval_compares_the_total_when_the_truth_gives_no_kinds(scanned, tmp_path):
    figures = eval_figures(scanned, tmp_path, [
        {"forename": name.split()[0], "surname": name.split()[1], "dob": dob,
         "nhs_number": nhs, "keysafe_code": "x" if kinds != ["key_holder"] else ""}
        for name, dob, nhs, kinds in PEOPLE.values()])
    assert home_access_figures(figures) == {
        "with_home_access": 5, "true_with_home_access": 4, "with_own_home_access": 5,
        "with_former_home_access": 0, "with_entry_details": 4}


def test_every_home_access_pattern_has_a_kind():
    """A pattern added to the grammar must say which kind of way in it finds."""
    from recognizers.home_access_recognizer import PATTERN_KINDS, HomeAccessRecognizer

    assert {pattern.name for pattern in HomeAccessRecognizer().patterns} == set(PATTERN_KINDS)
    assert set(PATTERN_KINDS.values()) == {*ACCESS_KINDS, GO_IN}


def home_access_figures(figures: dict) -> dict:
    return {name: value for name, value in figures.items()
            if name.startswith(("with_", "true_with_"))}


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    report_json(scanned)
    assert_no_raw_values(tmp_path, ["7316", "5820", "Brian Eccles", "Gail Ainsworth",
                                    "11/10/1962", "Len Dunford", "03/03/1965", NHS["eccles"]])
