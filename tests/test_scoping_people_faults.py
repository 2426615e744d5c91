"""One person per row, and a row a responder can trust (issue 15, a new user's trial):

- one NHS number written for two people (names and dates of birth that both disagree) is
  a linkage fault, never one person silently: `2 identities`, up to 2 people in the upper
  bound, and a data-quality finding (an NHS number keyed for several people);
- a key-safe list naming people at their addresses (no NHS number, no date of birth)
  counts them: name and address identify a person, and the leak opens their door;
- `Mr G. Pickles, born 21 June 1975` is `PICKLES,Graham,1975-06-21`: an initial agreeing
  with the forename, the surname and the date of birth; never on the initial alone;
- `Thanks again.` opening an e-mail is no signature: the patient named below it stays the
  patient, with their date of birth.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import export_individuals, names_with_roles, report_json, run_cli, scanned_share

SHARED_NUMBER = {
    "gp/a.txt": "Patient: Margaret Ellwood DOB 14/07/1938 NHS 401 023 2137. COPD.\n",
    "gp/b.txt": "Patient: Alice Ashworth DOB 01/02/1950 NHS 401 023 2137. Asthma.\n",
    # one person written twice: a date of birth mistyped, a name shortened; no fault
    "gp/c.txt": "Patient: Dorothy Sugden DOB 03/03/1941 NHS 450 535 6825. Diabetes.\n",
    "gp/d.txt": "Patient: Dorothy Sugden DOB 03/08/1941 NHS 450 535 6825. Diabetes review.\n",
    "gp/e.txt": "Patient: Dot Sugden DOB 03/03/1941 NHS 450 535 6825. Foot check.\n",
}
RAW = ["Ellwood", "Ashworth", "Sugden", "401 023 2137", "4010232137", "14/07/1938"]


@pytest.fixture(scope="module")
def shared_number(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "shared-number", SHARED_NUMBER)


def test_one_number_written_for_two_people_is_a_fault_not_one_person(shared_number, tmp_path):
    rows = export_individuals(shared_number, tmp_path, "--reveal")
    # which of the two names is the row's is a tie: the row is the fault
    assert sorted((sorted(filter(None, [row["name"], *row["other_names"].split("; ")])),
                   row["date_of_birth"].count(";") + 1, row["linkage_fault"],
                   row["identified_by"]) for row in rows) == [
        (["Alice Ashworth", "Margaret Ellwood"], 2, "2 identities", "nhs_number"),
        (["Dorothy Sugden", "Dot Sugden"], 2, "", "nhs_number"),
    ]


def test_the_report_counts_it_in_the_upper_bound_and_as_data_quality(shared_number):
    report = report_json(shared_number)
    people = report["individuals"]
    assert (people["total"], people["lower_bound"], people["upper_bound"],
            people["linkage_faults"], people["people_in_linkage_faults"]) == (2, 2, 3, 1, 2)
    [fault] = report["linkage_faults"]
    assert {key: fault[key] for key in ("fault", "dates_of_birth", "nhs_numbers", "identities",
                                        "nhs_numbers_for_several_people")} == {
        "fault": "2 identities", "dates_of_birth": 2, "nhs_numbers": 1, "identities": 2,
        "nhs_numbers_for_several_people": 1}
    assert report["data_quality"] == {"nhs_numbers_for_several_people": 1,
                                      "local_ids_for_several_people": 0}
    assert not any(value in json.dumps(report) for value in RAW)


def test_the_ico_figures_and_the_text_report_say_it(shared_number):
    result = run_cli("report", str(shared_number), "--ico")
    assert result.returncode == 0, result.stderr
    ico = json.loads((shared_number / "ico-art33.json").read_text())
    subjects = ico["data_subjects"]
    assert (subjects["approximate_number"], subjects["upper_bound"], subjects["linkage_faults"],
            subjects["people_in_linkage_faults"]) == (2, 3, 1, 2)
    assert "**check before sending**: 1 of these rows" in (
        shared_number / "ico-art33.md").read_text()
    quality = next(line for line in result.stdout.splitlines() if "written for several" in line)
    assert quality.rstrip(" │").endswith(" 1")
    assert not any(value in result.stdout for value in RAW)


KEY_SAFES = {
    "calder/key_safe_list.txt": (
        "Key safe list - Calder team\n"
        "\n"
        "Mrs Edith Hargreaves, 4 Mill Lane HX3 7DJ - KS 4471\n"
        "Mr Walter Brierley, 12 Bank Top HX3 8QP - KS 9024\n"
        "Mr Harold Hartley, 9 Spring Gardens HX1 2AB - KS 3318\n"
    ),
    # Harold Hartley is a known patient: his line joins him, never a second person
    "calder/hartley_letter.txt": (
        "Re: Mr Harold Hartley, DOB 03/09/1941, NHS 672 427 4869\n"
        "Leg ulcer reviewed in clinic; dressings twice weekly.\n"
    ),
    # a parent named at the child's address, the line wrapped between the parents' names:
    # both are related people, never a person named at an address
    "ccn/referral_farrimond.txt": (
        "Re: Lily Summer Farrimond, DOB 02/02/2012, NHS 943 476 5919\n"
        "7 Beacon View, Netherby Green CW3 1XJ\n"
        "Dear colleague,\n"
        "Please accept this referral for Lily, who has Rett syndrome. Parents (Lorraine Farrimond\n"
        "and Marius Cartwright) would value support at home with overnight ventilation.\n"
        "Access for visits: Key holder: Winston Jolley (neighbour), 07700 900875 - has a key to "
        "the house.\n"
        "Yours faithfully,\n"
        "Dr Ryan Byrne\n"
    ),
}


@pytest.fixture(scope="module")
def key_safes(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "key-safes", KEY_SAFES)


def test_people_named_at_their_addresses_on_a_key_safe_list_are_counted(key_safes, tmp_path):
    rows = export_individuals(key_safes, tmp_path, "--reveal")
    assert sorted((row["name"], row["postcode"], row["date_of_birth"], row["home_access_kinds"],
                   row["identified_by"], row["records"],
                   sorted(filter(None, row["related_people"].split("; ")))) for row in rows) == [
        ("Lily Summer Farrimond", "CW3 1XJ", "02/02/2012", "key_holder", "nhs_number", "1",
         ["Lorraine Farrimond", "Marius Cartwright", "Winston Jolley"]),
        ("Mr Harold Hartley", "HX1 2AB", "03/09/1941", "code", "nhs_number", "2", []),
        ("Mr Walter Brierley", "HX3 8QP", "", "code", "name_and_address", "1", []),
        ("Mrs Edith Hargreaves", "HX3 7DJ", "", "code", "name_and_address", "1", []),
    ]


def test_findings_read_back_for_a_permission_change_keep_their_initial_forms(key_safes):
    """`watch` writes a file's stored findings again when only who can read it changed
    (`Inventory.stored_results`): each name's initial form must come back with it, or the
    people named at their addresses stop being counted after a chmod."""
    from phiscan.inventory.store import Inventory

    with Inventory(key_safes, readonly=True) as inventory:
        [(location,)] = inventory.db.execute(
            "SELECT location FROM locations WHERE location LIKE '%key_safe_list.txt'").fetchall()
        stored = sorted((row[0], row[1]) for row in inventory.db.execute(
            "SELECT value_hash, initial_hash FROM findings JOIN locations"
            " ON locations.id = findings.location_id WHERE location=? AND entity_type='PERSON'",
            (location,)))
        [result] = inventory.stored_results(location)
    read_back = sorted((finding.value_hash, finding.initial_hash)
                       for finding in result.findings if finding.entity_type == "PERSON")
    assert read_back == stored
    assert len(stored) == 3 and all(initial for _, initial in stored)


def test_report_ico_and_individuals_agree_on_them(key_safes):
    people = report_json(key_safes)["individuals"]
    assert (people["total"], people["lower_bound"], people["upper_bound"],
            people["with_home_access"], people["with_entry_details"]) == (4, 4, 4, 4, 3)
    assert people["identified_by"] == {"nhs_number": 2, "name_and_date_of_birth": 0,
                                       "name_and_address": 2}
    assert run_cli("report", str(key_safes), "--ico").returncode == 0
    subjects = json.loads((key_safes / "ico-art33.json").read_text())["data_subjects"]
    assert (subjects["approximate_number"], subjects["lower_bound"], subjects["upper_bound"],
            subjects["with_entry_details"],
            subjects["identified_by_name_and_address_only"]) == (4, 4, 4, 3, 2)
    markdown = (key_safes / "ico-art33.md").read_text()
    assert "**4** people (between 4 and 4" in markdown
    assert "identified by name and address only" in markdown
    # the type of data subject says how many, and how many of them by name and address: never
    # a bare count that reads as the number of patients
    assert ("Patients or service users: 4 (identified by NHS number, or by name with date of "
            "birth; 2 of them by name and address only)") in " ".join(markdown.split())
    assert not any(raw in markdown for raw in ("Hargreaves", "Brierley", "HX3 7DJ", "4471"))



# the middle line's postcode is missing: it is still an item of the list, never part of the
# line above (which made one record of two people, counted as neither, and gave Mrs Holroyd
# his code)
KEY_SAFES_WITHOUT_A_POSTCODE = {
    "leeds/key_safe_codes.txt": (
        "KEY SAFE CODES\n"
        "\n"
        "Mrs Margaret Holroyd, 14 Cardigan Road LS6 2QT - KS 4417\n"
        "Mr Thomas Haigh, 14 Moor Road, Guiseley - KS 5521\n"
        "Mr Harold Whitworth, 2 Alwoodley Gates LS17 6DD - KS 7731\n"
    ),
}


def test_a_list_line_without_a_postcode_is_an_item_of_its_own(tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "key-safes-no-postcode", KEY_SAFES_WITHOUT_A_POSTCODE)
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["postcode"], row["home_access_kinds"], row["identified_by"],
                   row["records"]) for row in rows) == [
        ("Mr Harold Whitworth", "LS17 6DD", "code", "name_and_address", "1"),
        ("Mrs Margaret Holroyd", "LS6 2QT", "code", "name_and_address", "1"),
    ]
    people = report_json(out)["individuals"]
    # Mr Haigh, named beside a code with no postcode or date of birth, is a possible person
    assert (people["total"], people["lower_bound"], people["upper_bound"],
            people["with_home_access"]) == (2, 2, 3, 2)


INITIALS = {
    "extracts/caseload.csv": (
        "surname,forename,dob\n"
        "PICKLES,Graham,1975-06-21\n"
        "HOLROYD,Gary,1960-01-01\n"
        "HOLROYD,Graham,1960-01-01\n"
        "BARRACLOUGH,Susan,1948-03-02\n"
    ),
    "clinic/pickles.txt": "Patient: Mr G. Pickles, born 21 June 1975\nAsthma review today.\n",
    # twins of one date of birth: the initial agrees with both, so it joins neither
    "clinic/holroyd.txt": "Patient: Mr G. Holroyd, born 1 January 1960\nAsthma review.\n",
    # another date of birth: another person
    "clinic/barraclough.txt": "Patient: Mrs S. Barraclough, born 2 March 1949\nCOPD review.\n",
}


def test_an_initial_joins_the_one_person_of_that_forename_surname_and_birth_date(
        tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "initials", INITIALS)
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["other_names"], row["records"]) for row in rows) == [
        ("Gary Holroyd", "", "1"),
        ("Graham Holroyd", "", "1"),
        ("Graham Pickles", "Mr G. Pickles", "2"),
        ("Mr G. Holroyd", "", "1"),
        ("Mrs S. Barraclough", "", "1"),
        ("Susan Barraclough", "", "1"),
    ]
    assert report_json(out)["individuals"]["total"] == 6


MAIL = {
    "mail/leg_ulcer.eml": (
        "From: Sarah Kenworthy <sarah.kenworthy@nhs.net>\n"
        "To: Paul Ormerod <paul.ormerod@nhs.net>\n"
        "Subject: dressing\n"
        "Date: Mon, 30 Nov 2026 09:12:00 +0000\n"
        "\n"
        "Hi Paul,\n"
        "Thanks again.\n"
        "Mr Harold Hartley (DOB 03/09/1941) needs his dressing changed tomorrow, his leg "
        "ulcer is worse.\n"
        "\n"
        "Kind regards\n"
        "Sarah Kenworthy\n"
        "District Nursing Sister\n"
    ),
}


def test_a_patient_below_thanks_opening_an_email_is_no_signatory(tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "mail-thanks", MAIL)
    assert [(masked, role) for _record, masked, role in names_with_roles(out, "leg_ulcer")] == [
        ("S**** K********", "staff"), ("Mr H***** H******", ""), ("P*** O******", "staff"),
        ("S**** K********", "staff")]
    rows = export_individuals(out, tmp_path, "--reveal")
    assert [(row["name"], row["date_of_birth"]) for row in rows] == [
        ("Mr Harold Hartley", "03/09/1941")]
