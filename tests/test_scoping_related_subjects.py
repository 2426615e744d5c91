"""A related person with their own NHS number, or their own date of birth and health data,
is a data subject: the dead of a bereavement letter count; a next of kin's date of birth
alone does not make them one."""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli import export_individuals, names_with_roles, scan_quietly

SHARE = {
    "bereavement/letter-01.txt": (
        "St Aidan's Hospice Bereavement Service\n"
        "Mrs Margaret Ackroyd\n"
        "14 Park Road, Halifax HX3 2AB\n\n"
        "Dear Margaret,\n\n"
        "We are so sorry for the death of your mother, Ivy Gledhill (date of birth "
        "12/04/1938, NHS number 401 023 2137), who died at the hospice on 14 September 2026 "
        "of metastatic lung cancer.\n\n"
        "You told us you have been struggling to sleep and your GP has prescribed "
        "sertraline; our counsellor can see you.\n\n"
        "With warm wishes,\nRuth Gallagher, Bereavement Coordinator\n"),
    "coroner/notice.txt": (
        "Notice to family\n"
        "Following the death of her husband Walter Binns, date of birth 08/08/1940, from "
        "mesothelioma, the coroner has opened an inquest.\n"
        "Mrs Joan Binns was told by phone.\n"),
    "ward/lumb.txt": (
        "Patient: Arthur Lumb\nDOB: 11/11/1944\nNHS Number: 401 023 2145\nDiagnosis: COPD.\n"
        "Next of kin: son Arnold Lumb, DOB 02/03/1970, phone 07700 900546\n"),
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("related-subjects-share")
    for path, text in SHARE.items():
        (share / path).parent.mkdir(parents=True, exist_ok=True)
        (share / path).write_text(text)
    out = tmp_path_factory.mktemp("related-subjects-out") / "inventory"
    scan_quietly(share, out)
    return out


def test_the_dead_of_a_letter_are_people_and_a_next_of_kin_is_not(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert {(row["name"], row["date_of_birth"], row["nhs_number"], row["special_category"])
            for row in rows} == {
        ("Ivy Gledhill", "12/04/1938", "401 023 2137", "true"),
        ("Walter Binns", "08/08/1940", "", "true"),
        ("Arthur Lumb", "11/11/1944", "401 023 2145", "true"),
    }
    lumb = next(row for row in rows if row["name"] == "Arthur Lumb")
    assert lumb["related_people"] == "Arnold Lumb"


def test_an_addressees_postcode_under_a_letterhead_is_not_staffs(scanned):
    with sqlite3.connect(scanned / "inventory.sqlite") as db:
        roles = db.execute(
            "SELECT f.role FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'UK_POSTCODE' AND l.location LIKE '%letter-01%'").fetchall()
    assert roles == [("",)]
    # the addressee is named, the deceased is her letter's subject in a record of her own
    assert [(masked, role) for _record, masked, role in
            names_with_roles(scanned, "letter-01")][:2] == [
        ("Mrs M******* A******", ""), ("I** G*******", "subject")]
