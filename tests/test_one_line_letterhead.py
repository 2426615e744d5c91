"""A letterhead written on one line (`Calder Dental Practice, 22 Wharf Street, Sowerby
Bridge HX6 2AF`) is the organisation's address, as its multi-line block already was: never
the postcode of every patient its letters are about (session 15 trial: ten letters)."""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, report_json, scanned_share

HEAD = "Calder Dental Practice, 22 Wharf Street, Sowerby Bridge HX6 2AF\n\n"
LETTERS = {
    "letters/dyson.txt": HEAD + (
        "Dear Dr Hale,\n\nRe: Mr Kenneth Dyson, DOB 14/05/1947, NHS number 943 476 5919\n"
        "Address: 7 Ings Lane, Elland HX5 0QT\n\nSeen for extraction of a lower molar.\n"),
    "letters/oyelaran.txt": HEAD + (
        "Dear Dr Hale,\n\nRe: Mrs Funmi Oyelaran, DOB 02/09/1958, NHS number 401 023 2137\n\n"
        "Referred for periodontal treatment.\n"),
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "letterhead", LETTERS)


def test_the_one_line_letterhead_is_nobody_s_postcode(scanned, tmp_path):
    rows = {row["nhs_number"]: row["postcode"]
            for row in export_individuals(scanned, tmp_path, "--reveal")}
    assert rows == {"943 476 5919": "HX5 0QT", "401 023 2137": ""}


def test_what_a_one_line_organisation_address_is() -> None:
    from phiscan.detect.records import LineIndex, _organisations_block

    def marked(text: str) -> bool:
        return _organisations_block(LineIndex(text), text.count("\n") + 1)

    assert [marked(text) for text in (
        "Calder Dental Practice, 22 Wharf Street, Sowerby Bridge HX6 2AF",
        "Brook Lane Surgery, Unit 2, The Old Mill, 5 Brook Lane, Todmorden OL14 6AB",
        "Mrs Ada Thwaite, 4 Mill Lane, Halifax HX3 5BB",
        "Address: Meadow View Care Home, 3 Lane End, Halifax HX2 9PL",
        "Calder Dental Practice",
    )] == [True, True, False, False, False]


PATIENTS = (("Mrs Ivy Hanley", "03/02/1940", "943 476 5919", "HX2 7LL"),
            ("Mr Ronald Firth", "12/09/1938", "401 023 2137", "HX6 3QP"),
            ("Mrs Doreen Sutcliffe", "22/12/1945", "943 476 5870", "HX1 4PD"))


def care_letter(head: str, patient: tuple[str, str, str, str]) -> str:
    name, dob, nhs, postcode = patient
    return (f"{head}\n\n{name}\n3 Moor Lane\n{postcode}\n\nRe: {name}, DOB {dob}, NHS number "
            f"{nhs}\n\nDear {name.split()[0]} {name.split()[-1]},\nYour care package will "
            "increase from Monday. Amy Walsh will remain your lead carer.\n\nYours sincerely,\n"
            "Tom Rhodes\nCare Coordinator\n")


def test_a_place_on_an_organisation_s_address_line_is_no_recurring_name(tmp_path_factory):
    """`Unit 4, Dean Clough` under `Moorside Home Care Ltd`: a mill, not a person seen
    beside every patient (session 15 trial: listed as a recurring staff name)."""
    heads = {"moorside": "Moorside Home Care Ltd\nUnit 4, Dean Clough\nHalifax HX3 5AX",
             "wharfedale": "Wharfedale Support Ltd\nSuite 2, Victoria Mills\nShipley BD18 3LA"}
    letters = {f"{org}/{number}.txt": care_letter(head, patient)
               for org, head in heads.items() for number, patient in enumerate(PATIENTS)}
    out = scanned_share(tmp_path_factory, "places", letters)

    report = report_json(out)
    assert report["individuals"]["total"] == 3
    assert [item["name_masked"] for item in report["staff"]["recurring_names"]] == ["A** W****"]


def test_a_patient_near_an_organisation_s_name_is_no_place(detector) -> None:
    """A practice's list (`Beech Tree Surgery` over `John Smith 01/02/1950 ...`) or a sentence
    naming a practice keeps its patients and their postcodes: only a "name" after a unit's
    number on an address line under the organisation's whole name is a place."""
    from phiscan.model import TextUnit

    def people(text: str) -> list[tuple[str, str]]:
        return [(f.entity_type, f.role) for f in detector.detect_unit(TextUnit(text))
                if f.entity_type in ("PERSON", "UK_POSTCODE")]

    assert [len(people(text)) for text in (
        "Beech Tree Surgery\nJohn Smith 01/02/1950 943 476 5919\n"
        "Ada Thwaite 14/05/1947 401 023 2137\n",
        "Seen at Beech Tree Surgery, Mr John Smith, DOB 01/02/1950, HX3 5BB",
    )] == [2, 2]
    assert ("UK_POSTCODE", "staff") not in people(
        "Discussed with Calder Dental Practice, patient Ada Thwaite 14/05/1947 HX3 5BB")
