"""A name's span is the name as written (issue 15, held-out share): never a field
label or identifier word (`Sandra Jones DOB` was one "person"), middle names and
initials inside it (`Mr Cecil A. O'Hara`, `Arthur Trevor Cartwright`, `CARTWRIGHT,
Teresa Dorothy`), while the person's key stays first given name + family name.
Scanned by the real CLI; people checked through `individuals --export --reveal`."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli import run_cli

FILES = {
    "letter.txt": "Re: Sandra Jones  DOB: 12/04/1930  NHS No: 943 476 5919\n\n"
                  "Dear Dr Patel, she has vascular dementia and lives alone.\n",
    "holroyd.eml": "From: Leanne Bishop <leanne.bishop@care.example>\n"
                   "To: Office <office@care.example>\nSubject: falls\n\n"
                   "Just to let you know Terence Holroyd DOB 14/07/1952 of 4 Mill Lane had a"
                   " fall; he has diabetes.\n",
    "eastwood.eml": "From: Leanne Bishop <leanne.bishop@care.example>\n"
                    "To: Office <office@care.example>\nSubject: chest\n\n"
                    "Just to let you know EASTWOOD, Mavis DOB 04-Nov-1930 of 22 Victoria"
                    " Crescent has a chest infection.\n",
    "clinic.txt": "I saw CARTWRIGHT, Teresa Dorothy in clinic today for her asthma,"
                  " D.O.B. 02/03/1944.\n",
    "review.txt": "We reviewed Teresa Dorothy Cartwright, date of birth 02/03/1944, whose"
                  " asthma is better.\n",
    "ohara.txt": "Mr Cecil A. O'Hara attended with heart failure, DOB 12/03/1941.\n",
    "smith.txt": "Carer Leanne Bishop Tel 07700 900123 visited Mrs Jane Smith Dob 01/02/1940"
                 " about her epilepsy.\n",
    # A date right after `SURNAME, Forename` is the date of birth; a recent one is not.
    "listed.txt": "Patient: WEBB-MORTON, Alan James, 04/05/1941 - asthma review booked.\n"
                  "Reviewed: WEBB-MORTON, Alan James "
                  f"{(date.today() - timedelta(days=10)).strftime('%d/%m/%Y')} by the nurse.\n",
}
# Every PERSON finding, file by file: (start, end, masked preview, role).
EXPECTED_PEOPLE = {
    "letter.txt": [(4, 16, "S***** J****", "subject"), (62, 70, "Dr P****", "staff")],
    "holroyd.eml": [(6, 19, "L***** B*****", "staff"),
                    (21, 36, "T****** H******", "")],
    "eastwood.eml": [(6, 19, "L***** B*****", "staff"), (21, 36, "E******** M****", "")],
    "clinic.txt": [(6, 32, "C********** T***** D******", "")],
    "review.txt": [(12, 37, "T***** D****** C*********", "")],
    "ohara.txt": [(0, 18, "Mr C**** A. O*****", "")],
    "smith.txt": [(6, 19, "L***** B*****", "staff"), (45, 59, "Mrs J*** S****", "")],
    "listed.txt": [(9, 32, "W*********** A*** J****", "subject"),
                   (79, 102, "W*********** A*** J****", "")],
}
# Dates of birth, file by file, as written (the recent review date in listed.txt is none).
BIRTH_DATES = {"letter.txt": "12/04/1930", "holroyd.eml": "14/07/1952",
               "eastwood.eml": "04-Nov-1930", "clinic.txt": "02/03/1944",
               "review.txt": "02/03/1944", "ohara.txt": "12/03/1941", "smith.txt": "01/02/1940",
               "listed.txt": "04/05/1941"}
# The individuals: one per patient, named as written, with the date of birth and the
# number of files; `CARTWRIGHT, Teresa Dorothy` and `Teresa Dorothy Cartwright` are one.
EXPECTED_INDIVIDUALS = sorted([
    ("Sandra Jones", "12/04/1930", "1"), ("Terence Holroyd", "14/07/1952", "1"),
    ("Mavis Eastwood", "04-Nov-1930", "1"), ("Mr Cecil A. O'Hara", "12/03/1941", "1"),
    ("Mrs Jane Smith", "01/02/1940", "1"), ("Teresa Dorothy Cartwright", "02/03/1944", "2"),
    ("Alan James Webb-Morton", "04/05/1941", "1"),
])


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("boundaries")
    out = tmp_path_factory.mktemp("boundaries-out") / "inventory"
    for name, text in FILES.items():
        (share / name).write_text(text, encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--quiet", "--workers", "1")
    assert result.returncode == 0, result.stderr
    return out


def findings(out: Path, entity: str) -> dict[str, list]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT l.location, f.start, f.end, f.masked, f.role FROM findings f JOIN"
            " locations l ON l.id = f.location_id WHERE f.entity_type = ?"
            " ORDER BY l.location, f.start", (entity,)).fetchall()
    found: dict[str, list] = {}
    for location, start, end, masked, role in rows:
        found.setdefault(Path(location).name, []).append((start, end, masked, role))
    return found


def test_name_spans_stop_at_labels_and_keep_middle_names(scanned):
    assert findings(scanned, "PERSON") == EXPECTED_PEOPLE


def test_dates_of_birth_after_labels_and_after_a_surname_first_name(scanned):
    found = findings(scanned, "DATE_OF_BIRTH")
    expected = {}
    for name, written in BIRTH_DATES.items():
        body = FILES[name].split("\n\n", 1)[1] if name.endswith(".eml") else FILES[name]
        expected[name] = [(body.index(written), body.index(written) + len(written))]
    assert {name: [(start, end) for start, end, _masked, _role in rows]
            for name, rows in found.items()} == expected


def test_individuals_carry_the_whole_name_and_no_label(scanned, tmp_path):
    export = tmp_path / "people.csv"
    result = run_cli("individuals", str(scanned), "--export", str(export), "--reveal")
    assert result.returncode == 0, result.stderr
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    people = sorted((row["name"], row["date_of_birth"], row["locations"]) for row in rows)
    assert people == EXPECTED_INDIVIDUALS
    assert [row["other_names"] for row in rows] == [""] * len(rows)
