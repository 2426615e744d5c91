"""A letterhead written on one line (`Calder Dental Practice, 22 Wharf Street, Sowerby
Bridge HX6 2AF`) is the organisation's address, as its multi-line block already was: never
the postcode of every patient its letters are about (session 15 trial: ten letters)."""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, scanned_share

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
