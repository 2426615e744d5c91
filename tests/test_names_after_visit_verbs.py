"""A person seen is named after the verb saying so, and a street after a block's name is no
person (session 27, from blind share 25). A crew's e-mail reads `Visited Eluned Lumb today at
Flat 12, Priory Court, Beck Side, Harrowfield HX9 7UY. DOB 14.03.1953.`: spaCy's small model
knew neither name and read the street `Beck Side` as a person, so the record's person was a
street born in 1953. Lines written for these tests, none taken from the held-out share.
"""

from __future__ import annotations

import pytest

from recognizers.addresses import in_spans, places
from recognizers.person_field_recognizer import NameFieldRecognizer
from tests.cli import export_individuals, scanned_share
from tests.conftest import assert_no_raw_values


def _names(text: str) -> list[str]:
    return [text[result.start:result.end]
            for result in NameFieldRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize(("text", "names"), [
    ("Visited Olwen Prys-Jenkins today at her flat.", ["Olwen Prys-Jenkins"]),
    ("Saw Kofi Mensah at home with his daughter.", ["Kofi Mensah"]),
    ("13:40 reviewed Dorcas Eze, settled.", ["Dorcas Eze"]),
    # no person: a place, a phrase, a word of the care, a titled name (read as titled)
    ("Visited Orchard Court today to check the alarms.", []),
    ("Assessed Moving And Handling needs with the OT.", []),
    ("Reviewed Care Plan with family.", []),
    ("Saw GP Surgery staff about the referral.", []),
])
def test_a_name_after_a_visit_verb_is_a_persons(text, names):
    assert _names(text) == names


MAIL = (
    "From: Dale Hirst <dale.hirst@fire.example>\nTo: Hub <hub@council.example>\n"
    "Subject: S&W concern\nDate: Wed, 12 Aug 2026 09:10:00 +0000\n\n"
    "Morning hub,\n\n"
    "Visited Ffion Aldous today at Flat 3, Mill Court, Brook Side, Ashby HX9 7UY. "
    "DOB 14.03.1953.\nNo food in house, fridge off. Uses Oramorph PRN.\n"
    "Have fitted alarms.\n\nThanks\nDale\nDale Hirst | Firefighter | Fire and Rescue\n"
)


@pytest.fixture(scope="module")
def mail_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "visit-verb", {"mail/20260812.eml": MAIL})


def test_the_person_visited_is_the_records_and_the_street_is_no_one(mail_scanned, tmp_path):
    rows = export_individuals(mail_scanned, tmp_path, "--reveal")
    assert [(row["name"], row["other_names"], row["date_of_birth"]) for row in rows] == [
        ("Ffion Aldous", "", "14.03.1953")]


def test_nothing_raw_without_reveal(mail_scanned, tmp_path):
    export_individuals(mail_scanned, tmp_path)
    for written in (tmp_path, mail_scanned):
        assert_no_raw_values(written, ["Aldous", "Brook Side", "14.03.1953"])


@pytest.mark.parametrize(("line", "inside"), [
    # a street of two capitalised words after a block's name is the address's
    ("Visited her at Flat 3, Mill Court, Brook Side, Ashby HX9 7UY today", ["Brook Side"]),
    # two people before a postcode stay names: the first segment names no place
    ("Sarah Jones, Mark Jones, LS1 1AA", []),
])
def test_a_street_after_a_places_name_is_in_the_address(line, inside):
    spans = places().address_spans(line)
    assert [value for value in ("Brook Side", "Mark Jones", "Sarah Jones")
            if in_spans(spans, line.find(value), line.find(value) + len(value))
            and value in line] == inside


FIRE = ("From: Watch Manager <wm@fire.example>\nTo: Hub <hub@council.example>\n"
        "Subject: fatal fire\nDate: Wed, 12 Aug 2026 09:10:00 +0000\n\n"
        "For info - fatal fire overnight at 100 Heath View, Orbeck. Occupier Mrs Nora Pybus, "
        "DOB 03/04/1931, NHS 485 210 7335, known to adult social care.\n")


def test_a_role_before_a_titled_name_is_no_part_of_it(tmp_path_factory, tmp_path):
    """`Occupier Mrs Nora Pybus`: the occupier is who she is, not her name's first word."""
    scanned = scanned_share(tmp_path_factory, "occupier", {"mail/fire.eml": FIRE})
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert [(row["name"], row["other_names"]) for row in rows] == [("Mrs Nora Pybus", "")]
