"""Several people in one free text, dates of birth in prose, job words as a class (issue 15).

Ward handover sheets, clinic lists, rota notes and `Name:`/`DOB:` blocks name several
patients, each with a date of birth or an NHS number: each date or number must link to
the name of its own entry, never to a neighbour's. A line that names two people with two
dates in an order that cannot be paired pairs nothing (an NHS number still makes a
person; dates without a name widen the upper bound). Dates of birth written in prose
(`born on the 12th of April 1930`, `date of birth 2 Jun 33`) key like every other form;
staff named by job titles that no phrase lists (`tissue viability nurse`, `podiatrist`,
`minute taker`, `countersigned by`) never become individuals. Scanned by the real CLI.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from phiscan.detect.entities import normalise
from tests.cli import export_individuals, names_with_roles, run_cli, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"whitfield": "9434765919", "tanner": "4010232137", "lal": "4505577104",
       "cole": "4857773457", "rita": "6541234566", "ahmed": "6168245871",
       "patel": "7212346128"}

WARD_HANDOVER = f"""Ward 7 handover - night shift 14/03/2024
Nurse in charge: Sr Helen Marsh    Bleep holder: Tom Fairley

Bed 1  Mr George Whitfield  DOB 03/02/1936  NHS {NHS['whitfield']}  chest infection
       Plan agreed with Sarah Lee, IV antibiotics continue.
Bed 2  Mrs Alice Tanner  DOB 17/11/1941  NHS {NHS['tanner']}  post fall, neuro obs
Bed 3  Mr Frank Oduya  DOB 22/06/1950  diabetes, BMs QDS
Bed 4  Ms Priya Lal  DOB 09/09/1962  NHS {NHS['lal']}  awaiting discharge
"""
CLINIC_LIST = """Clinic list Tuesday - Dr R Shah, consultant

1. BELL, Dorothy  born 21 April 1931  review diabetes
2. HUSSAIN, Kamal  born 5 May 1948  new referral
3. GRANT, Moira  born 30 Sep 1955  follow up
"""
STACKED_BLOCKS = f"""Referrals received this week
NHS Number: {NHS['ahmed']}
Name: Yusuf Ahmed
Date of birth: 01/08/1944
NHS Number: {NHS['patel']}
Name: Meena Patel
Date of birth: 19/12/1952
"""
ROTA_NOTE = """Rota notes Monday (carers as listed)
09:00 - KNIGHT, Arthur  DOB 11/11/1933  - Leanne Bishop
10:30 - Mr Alan Hill (DOB 01/02/1940) and Mrs Joan Hill (DOB 03/04/1942), joint visit
"""
UNPAIRED = f"""Flat 3 residents, both to be reviewed:
Mr Fred Cole and Mrs Rita Cole, DOB 05/06/1938 and 07/08/1939, NHS {NHS['cole']} and \
{NHS['rita']}.
"""
ONE_PATIENT_WITH_KIN = """Client: Mrs Edith Wragg
DOB: 14/02/1929
Next of kin: Carol Wragg (daughter), DOB 20/07/1960
Key safe code 4821 by the back door.
"""
DOB_PROSE = {
    "prose/hartley.txt": "Mrs Edna Hartley was born on the 12th of April 1930 and lives alone"
                         " with dementia.\n",
    "prose/gibbs.txt": "Patient Ronald Gibbs, date of birth 2 Jun 33, has diabetes.\n",
    "prose/briggs.txt": "Referral for Mr Tom Briggs, aged 94 (dob 1930-05-19), lives alone,"
                        " key safe 1234.\n",
    "prose/pratt.txt": "Mr Owen Pratt (born 3rd of May, 1929.) has heart failure.\n"
                       "Visit on 12 Apr 24 at 10:00 was fine.\n",
}
# The same people in an extract, dates in numeric forms: one key per date whatever its shape.
EXTRACT = ("surname,forename,date_of_birth\n"
           "Hartley,Edna,12/04/1930\nGibbs,Ronald,02/06/1933\nPratt,Owen,03.05.1929\n")
MDT_MINUTES = """MDT minutes 14/03/2024
Chair: Dr Imran Qureshi
Minute taker: Kelly Rowe
Tissue viability nurse: Gemma Stokes
Podiatrist Martin Oakes reviewed feet.

Patient: Mrs Lorna Shaw, DOB 08/08/1937, pressure ulcer grade 2.
Action: dressings twice weekly. Countersigned by Yvonne Platt.
"""
SAFEGUARDING = """Safeguarding concern
Adult at risk: Mr Dennis Rudd, DOB 15/01/1941, dementia.
Concern raised by Nadia Begum, Housing Officer.
Alleged perpetrator: Craig Rudd (grandson).
Safeguarding lead Paula Noon informed.
"""
STAFF = ("Helen Marsh", "Tom Fairley", "Sarah Lee", "R Shah", "Leanne Bishop",
         "Imran Qureshi", "Kelly Rowe", "Gemma Stokes", "Martin Oakes", "Yvonne Platt",
         "Nadia Begum", "Paula Noon")
RELATED = ("Carol Wragg", "Craig Rudd")


def build_share(root: Path) -> None:
    files = {"ward/handover.txt": WARD_HANDOVER, "clinic/list.txt": CLINIC_LIST,
             "referrals/week.txt": STACKED_BLOCKS, "rota/monday.txt": ROTA_NOTE,
             "notes/flat3.txt": UNPAIRED, "notes/wragg.txt": ONE_PATIENT_WITH_KIN,
             "exports/people.csv": EXTRACT, "mdt/minutes.txt": MDT_MINUTES,
             "safeguarding/rudd.txt": SAFEGUARDING, **DOB_PROSE}
    write_files(root, files)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("free-text-share")
    out = tmp_path_factory.mktemp("free-text-out") / "inventory"
    build_share(share)
    scan_quietly(share, out)
    return share, out


def key(entity_type: str, value: str) -> str:
    return normalise(entity_type, value)


def people(rows: list[dict]) -> set[tuple[str, str, frozenset[str]]]:
    """(name key, NHS number, date-of-birth keys) of each exported individual."""
    return {(key("PERSON", row["name"]) if row["name"] else "", row["nhs_number"],
             frozenset(key("DATE_OF_BIRTH", dob) for dob in row["date_of_birth"].split("; ")
                       if dob))
            for row in rows}


def person(name: str, nhs: str, *dobs: str) -> tuple[str, str, frozenset[str]]:
    return key("PERSON", name), nhs, frozenset(key("DATE_OF_BIRTH", dob) for dob in dobs)


EXPECTED = {
    # ward handover: one line each, the staff mention below bed 1 links nobody
    person("George Whitfield", NHS["whitfield"], "03/02/1936"),
    person("Alice Tanner", NHS["tanner"], "17/11/1941"),
    person("Frank Oduya", "", "22/06/1950"),
    person("Priya Lal", NHS["lal"], "09/09/1962"),
    # clinic list: `SURNAME, Forename` after a list marker, born in prose
    person("Dorothy Bell", "", "21/04/1931"),
    person("Kamal Hussain", "", "05/05/1948"),
    person("Moira Grant", "", "30/09/1955"),
    # NHS Number / Name / Date of birth blocks, the number first
    person("Yusuf Ahmed", NHS["ahmed"], "01/08/1944"),
    person("Meena Patel", NHS["patel"], "19/12/1952"),
    # rota: the unlabelled carer after the client pairs with nothing; two people paired
    person("Arthur Knight", "", "11/11/1933"),
    person("Alan Hill", "", "01/02/1940"),
    person("Joan Hill", "", "03/04/1942"),
    # two names, two numbers, one line: the numbers make people, no name is guessed
    ("", NHS["cole"], frozenset()),
    ("", NHS["rita"], frozenset()),
    # one patient, her daughter listed beside her (the daughter's date of birth, written
    # after the daughter's name, is the daughter's: never the patient's)
    person("Edith Wragg", "", "14/02/1929"),
    # dates of birth in prose, keyed like the extract's numeric dates
    person("Edna Hartley", "", "1930-04-12"),
    person("Ronald Gibbs", "", "1933-06-02"),
    person("Tom Briggs", "", "1930-05-19"),
    person("Owen Pratt", "", "1929-05-03"),
    # MDT minutes and a safeguarding note: the patient only
    person("Lorna Shaw", "", "08/08/1937"),
    person("Dennis Rudd", "", "15/01/1941"),
}


def records(out: Path, location_part: str) -> list[tuple[str, str, str]]:
    """(record, entity type, masked) of every finding about a person in one file."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute(
            "SELECT f.record, f.entity_type, f.masked FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE l.location LIKE ?"
            " AND f.entity_type IN ('PERSON', 'DATE_OF_BIRTH', 'UK_NHS') ORDER BY f.start",
            (f"%{location_part}%",)).fetchall()


def test_every_patient_of_a_list_has_their_own_identifiers_and_nobody_elses(scanned,
                                                                             tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    assert people(rows) == EXPECTED
    assert len(rows) == len(EXPECTED)
    assert all(row["other_names"] == "" for row in rows)
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert not [name for name in STAFF if name in revealed]
    assert sorted(row["related_people"] for row in rows if row["related_people"]) == [
        "Carol Wragg", "Craig Rudd"]


def test_a_list_is_cut_into_one_record_per_entry(scanned):
    _share, out = scanned
    assert records(out, "handover.txt") == [
        ("line 4", "PERSON", "T** F******"),  # `Bleep holder:` above bed 1: staff
        ("line 4", "PERSON", "Mr G***** W********"), ("line 4", "DATE_OF_BIRTH", "**/**/****"),
        ("line 4", "UK_NHS", "943 *** ****"),
        ("line 5", "PERSON", "S**** L**"),  # `Plan agreed with Sarah Lee`: a mention
        ("line 6", "PERSON", "Mrs A**** T*****"), ("line 6", "DATE_OF_BIRTH", "**/**/****"),
        ("line 6", "UK_NHS", "401 *** ****"),
        ("line 7", "PERSON", "Mr F**** O****"), ("line 7", "DATE_OF_BIRTH", "**/**/****"),
        ("line 8", "PERSON", "Ms P**** L**"), ("line 8", "DATE_OF_BIRTH", "**/**/****"),
        ("line 8", "UK_NHS", "450 *** ****")]
    assert [record for record, _type, _masked in records(out, "week.txt")] == [
        "line 2"] * 3 + ["line 5"] * 3  # NHS Number / Name / Date of birth: two blocks
    assert [record for record, _type, _masked in records(out, "monday.txt")] == [
        "line 2", "line 2", "line 2 part 2", "line 3", "line 3", "line 3 part 2",
        "line 3 part 2"]
    assert records(out, "flat3.txt") == [  # two names, one date, two numbers: unpaired
        ("line 2 item 1", "PERSON", "Mr F*** C***"), ("line 2 item 2", "PERSON", "Mrs R*** C***"),
        ("line 2 item 3", "DATE_OF_BIRTH", "**/**/****"),
        ("line 2 item 4", "UK_NHS", "485 *** ****"), ("line 2 item 5", "UK_NHS", "654 *** ****")]
    # one person (the daughter's date of birth on her own line starts nobody): one record,
    # named as before
    assert {record for record, _type, _masked in records(out, "wragg.txt")} == {"document"}
    assert {record for record, _type, _masked in records(out, "minutes.txt")} == {"document"}


def test_unpaired_people_are_counted_within_the_bounds(scanned):
    _share, out = scanned
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    individuals = json.loads(result.stdout)["individuals"]
    # strict: + the Coles' unnamed date of birth, + three prose/extract pairs without a
    # postcode to agree
    assert (individuals["lower_bound"], individuals["total"], individuals["upper_bound"]) == (
        21, 21, 25)
    assert individuals["with_nhs_number"] == 7
    assert individuals["with_home_access"] == 2  # Edith Wragg, Tom Briggs
    assert individuals["related_people"] == 2  # Carol Wragg, Craig Rudd


def test_dates_of_birth_in_prose_are_found_and_keyed_like_every_form(scanned, tmp_path):
    _share, out = scanned
    revealed = export_individuals(out, tmp_path, "--reveal")
    rows = {key("PERSON", row["name"]): row for row in revealed}
    for name in ("Edna Hartley", "Ronald Gibbs", "Owen Pratt"):  # prose + the extract
        assert rows[key("PERSON", name)]["locations"] == "2"
    pratt = [entity for _r, entity, _m in records(out, "pratt.txt")]
    assert pratt == ["PERSON", "DATE_OF_BIRTH"]  # `Visit on 12 Apr 24` is no birth date


def test_job_words_mark_staff_without_a_phrase_of_their_own(scanned):
    _share, out = scanned
    assert [(masked, role) for _r, masked, role in names_with_roles(out, "minutes.txt")] == [
        ("Dr I**** Q******", "staff"),  # Chair:
        ("K**** R***", "staff"),  # Minute taker:
        ("G**** S*****", "staff"),  # Tissue viability nurse:
        ("M***** O****", "staff"),  # Podiatrist
        ("Mrs L**** S***", "subject"),  # Patient:
        ("Y***** P****", "staff")]  # Countersigned by
    assert [(masked, role) for _r, masked, role in names_with_roles(out, "rudd.txt")] == [
        ("Mr D***** R***", "subject"),  # Adult at risk:
        ("N**** B****", "staff"),  # raised by ..., Housing Officer
        ("C**** R***", "related"),  # Alleged perpetrator: (grandson)
        ("P**** N***", "staff")]  # Safeguarding lead


def test_outputs_hold_no_raw_name_or_date(scanned, tmp_path):
    _share, out = scanned
    export_individuals(out, tmp_path)
    assert_no_raw_values(tmp_path, [*STAFF, *RELATED, "George Whitfield", "Edna Hartley",
                                    "12th of April 1930", NHS["cole"]])
    assert_no_raw_values(out, ["George Whitfield", "Sarah Lee", NHS["ahmed"], "2 Jun 33"])
