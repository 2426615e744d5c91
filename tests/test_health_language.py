"""Health language from public vocabularies (issue 14), through `phiscan scan`: UK
spellings, clinical abbreviations only in clinical context, section headings, negated
mentions, drugs and conditions never PERSON, and the rates on real public text
(medical transcriptions, tests/data/health_language, SOURCES.md; the news rate is
measured by bench/health_language.py, as the articles are not ours to ship)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from recognizers.spelling import uk_spelling
from tests.cli import run_cli

SAMPLE = Path(__file__).parent / "data" / "health_language"
PROSE = ("The committee met on Tuesday to discuss the budget for the coming year, and the "
         "chair said the figures would be published next month. ")

CASES = {
    "uk.txt": "Mary Jones: oedema of both ankles, diarrhoea since Monday, anaemia on bloods "
              "and a haemorrhage last year; oesophagitis. Paediatric notes attached.\n",
    "abbreviations.txt": "PMH: CVA, MI, CHF, AF, HTN, DM, COPD.\n",
    "abbreviations_in_prose.txt": PROSE + "The MI delegation and the AF team joined the CHF "
                                  "talks. " + PROSE,
    "headings.txt": "PREOPERATIVE DIAGNOSIS:  Left malleolus fracture.\n\nALLERGIES\n"
                    "No known drug allergies.\n\nMedication: one tablet at night\n",
    "comment.txt": "Diagnosis: bipolar affective disorder, on lithium\n\nAdmission diagnosis: "
                   "recurrent depressive disorder - sertraline started\n",
    "negated.txt": PROSE + "No history of diabetes. He denies chest pain. " + PROSE,
    "everyday.txt": PROSE + "It was a cold day, a shock result and a stroke of luck; gold "
                    "and iron prices rose. " + PROSE,
    "single_in_prose.txt": PROSE + "Shares in the firm that makes the asthma inhaler rose. "
                           + PROSE,
    "cell.csv": "client,condition,notes\nA. Example,COPD,diabetes review at home\n",
    # a sickness-absence list's `reason`, and a note of someone off sick: everyday words
    # (`depression`) that are the person's health there
    "sickness.csv": "name,dob,reason,days\nA. Example,01/01/1980,depression,10\n"
                    "B. Example,02/02/1981,anxiety,4\n",
    "off_sick.txt": PROSE + "A. Example (01/01/1980) is off sick with depression. " + PROSE,
    "title_case.txt": "NHS 943 476 5919. Procardia Xl and Amaurosis Fugax noted; Percocet "
                      "Tablets given. Gallstone Pancreatitis.\n",
}


def scan(share: Path, out: Path) -> dict[str, list[tuple[str, str]]]:
    """Per file: (entity type, raw text of the finding) of every finding; for a table,
    (entity type, masked value): its offsets are in the record's text."""
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    found: dict[str, list[tuple[str, str]]] = {}
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.entity_type, f.start, f.end, f.masked "
                          "FROM findings f JOIN locations l ON l.id = f.location_id").fetchall()
        for (location,) in db.execute("SELECT location FROM locations"):
            found.setdefault(Path(location).name, [])
    for location, entity, start, end, masked in rows:
        name = Path(location).name
        text = (share / name).read_text(encoding="utf-8")
        found[name].append((entity, masked if name.endswith(".csv") else text[start:end]))
    return found


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("health")
    share = root / "share"
    share.mkdir()
    for name, text in CASES.items():
        (share / name).write_text(text, encoding="utf-8")
    return scan(share, root / "out")


def health(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(f for f in found if f[0] in ("HEALTH_CONDITION", "MEDICATION"))


def test_uk_spellings_are_found(findings):
    assert health(findings["uk.txt"]) == [
        ("HEALTH_CONDITION", "anaemia"), ("HEALTH_CONDITION", "diarrhoea"),
        ("HEALTH_CONDITION", "haemorrhage"), ("HEALTH_CONDITION", "oedema"),
        ("HEALTH_CONDITION", "oesophagitis")]


def test_abbreviations_count_in_clinical_context(findings):
    assert health(findings["abbreviations.txt"]) == sorted(
        ("HEALTH_CONDITION", word) for word in ("CVA", "MI", "CHF", "AF", "HTN", "DM", "COPD"))


def test_abbreviations_in_other_prose_are_not_health(findings):
    assert health(findings["abbreviations_in_prose.txt"]) == []


def test_a_heading_makes_its_value_health_data(findings):
    # A term found in a heading's value is the finding (`drug allergies`); a value with
    # none is reported whole.
    assert health(findings["headings.txt"]) == [
        ("HEALTH_CONDITION", "Left malleolus fracture"), ("HEALTH_CONDITION", "drug allergies"),
        ("MEDICATION", "one tablet at night")]


def test_a_heading_value_followed_by_a_comment_is_still_the_condition(findings):
    # What follows a comma or a dash comments on the diagnosis: a medicine named there
    # does not hide it (new-user report, item 13).
    assert health(findings["comment.txt"]) == [
        ("HEALTH_CONDITION", "bipolar affective disorder"),
        ("HEALTH_CONDITION", "recurrent depressive disorder"),
        ("MEDICATION", "lithium"), ("MEDICATION", "sertraline")]


def test_negated_mentions_are_still_health_data(findings):
    assert health(findings["negated.txt"]) == [
        ("HEALTH_CONDITION", "chest pain"), ("HEALTH_CONDITION", "diabetes")]


def test_everyday_words_in_prose_are_not_health(findings):
    assert health(findings["everyday.txt"]) == []


def test_one_condition_in_prose_without_clinical_context_is_not_health(findings):
    assert health(findings["single_in_prose.txt"]) == []


def test_a_term_in_a_record_cell_is_health_data(findings):
    assert health(findings["cell.csv"]) == [  # `COPD`, `diabetes`
        ("HEALTH_CONDITION", "****"), ("HEALTH_CONDITION", "********")]


def test_an_everyday_condition_is_health_in_a_sickness_list_and_a_note_of_absence(findings):
    assert health(findings["sickness.csv"]) == [  # `anxiety`, `depression`
        ("HEALTH_CONDITION", "*******"), ("HEALTH_CONDITION", "**********")]
    assert health(findings["off_sick.txt"]) == [("HEALTH_CONDITION", "depression")]


def test_drugs_and_conditions_in_title_case_are_never_people(findings):
    assert [f for f in findings["title_case.txt"] if f[0] == "PERSON"] == []
    assert health(findings["title_case.txt"]) == [
        ("HEALTH_CONDITION", "Amaurosis Fugax"), ("HEALTH_CONDITION", "Gallstone Pancreatitis"),
        ("MEDICATION", "Percocet"), ("MEDICATION", "Procardia")]


@pytest.mark.parametrize(("american", "british"), [
    ("hemorrhage", "haemorrhage"), ("edema", "oedema"), ("lymphedema", "lymphoedema"),
    ("diarrhea", "diarrhoea"), ("anemia", "anaemia"), ("esophagus", "oesophagus"),
    ("gastroesophageal reflux", "gastro oesophageal reflux"), ("pediatric", "paediatric"),
    ("orthopedic", "orthopaedic"), ("anesthesia", "anaesthesia"), ("dyspnea", "dyspnoea"),
    ("ischemic stroke", "ischaemic stroke"), ("tumor", "tumour"), ("celiac", "coeliac"),
    ("hemiplegia", "hemiplegia"), ("chemotherapy", "chemotherapy"),
    ("colorectal cancer", "colorectal cancer"), ("hospitalized", "hospitalised"),
])
def test_british_spelling_rules(american, british):
    assert uk_spelling(american) == british


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("sample")
    found = {}
    for kind in ("clinical",):
        found[kind] = scan_special(SAMPLE / kind, root / kind)
    return found


def scan_special(share: Path, out: Path) -> dict[str, tuple[bool, set[str]]]:
    result = run_cli("scan", str(share), "--out", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        special = dict(db.execute("SELECT location, special_category FROM locations"))
        types: dict[str, set[str]] = {location: set() for location in special}
        for location, entity in db.execute("SELECT l.location, f.entity_type FROM findings f "
                                           "JOIN locations l ON l.id = f.location_id"):
            types[location].add(entity)
    return {Path(location).name: (bool(special[location]), types[location])
            for location in special}


def test_every_sampled_clinical_note_has_a_health_finding(sample):
    notes = sample["clinical"]
    assert len(notes) == 20
    assert [name for name, (_special, types) in notes.items()
            if not types & {"HEALTH_CONDITION", "MEDICATION", "CLINICAL_CODE"}] == []



@pytest.mark.parametrize(("text", "value"), [
    ("PMH: 1,000 things - see notes", "1,000 things"),
    ("Diagnosis: bipolar affective disorder, on lithium", "bipolar affective disorder")])
def test_a_comma_between_digits_does_not_end_a_headings_first_item(text, value):
    from recognizers.health_condition_recognizer import HealthConditionRecognizer
    found = HealthConditionRecognizer().analyze(text, ["HEALTH_CONDITION"])
    assert [text[r.start:r.end] for r in found] == [value]
