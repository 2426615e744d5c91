"""The right person behind e-mails and letters (issue 15): names before their own
identifier's label, key holders and relatives apart, people a letter only mentions.

A staff e-mail asks for several patients to be added to a list, each written in a shape
spaCy's small model often misses (`Mr Yeadon, Cyril, born ...`, `Winifred Clegg (date of
birth ...)`, `Vera Fitzgerald, NHS No. ...`, `Glenys Dinsdale (06/12/1926)` inside a
sentence); the neighbour who holds a key and the relative to call are named on the next
lines. Every patient must keep their own date of birth, number and home access; a key
holder or a relative never takes them, and is counted apart as related. A referral letter
names its patient after `Re:`, mentions a district nurse in passing, gives the next of
kin's own date of birth and ends with a cc list: one individual, the patient, with only her
own name and date of birth. An e-mail about two couples writes each home's access note
once: both people of the home have their home access exposed (a partner `who lives with`
the patient, two people on one line). Real .eml and .docx files, scanned by the real CLI.
"""

from __future__ import annotations

import json
import sqlite3
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from phiscan.detect.entities import normalise
from tests.cli import export_individuals, run_cli, scan_quietly
from tests.conftest import assert_no_raw_values

FITZGERALD_NHS = "4857773457"  # check digit right, outside the test range
MAIL_BODY = f"""Hi Ciara,

Could you add Mr Yeadon, Cyril, born 29/05/1938 to Thursday's list for a syringe driver check.
If no answer, Kenneth Quigley next door has a key.
His nephew Victor Mellor would like a call on 07700 900091.

Please book Winifred Clegg (date of birth 3 June 1972) for bloods tomorrow.
Key box (at the side of the porch) - 7626.
Her daughter Gwendoline Clegg would like a call on 07700 900546.

Could you add Vera Fitzgerald, NHS No. {FITZGERALD_NHS} to tomorrow's list.

We also need to see Glenys Dinsdale (06/12/1926) on Thursday for a dressing.
Please also add Mrs HOLROYD, Edna (DOB 12/03/1931) for a wound review.

Thanks
Philippa

Philippa Ferguson
Community Staff Nurse
"""
# Couples: the access note is written once, for the home both live in.
COUPLES_BODY = """Hi Sam,

Just to let you know Mr Albert Jones, DOB 01/02/1930, of 12 Moor Lane, Hebden Bridge has
had a fall. His son Peter Jones will be there for the first call.

Key safe by the back door, code 4321.

Mrs Edna Jones (03/04/1932), who lives with Albert, also needs a welfare check.

Please visit Mr Alan Hill (DOB 11/02/1940) and Mrs Joan Hill (DOB 13/04/1942) together.
Keysafe code 9876 under the meter box.

Could you add Mr Frank Bell (DOB 05/06/1940) to Thursday's list, he lives with his daughter.

Thanks
"""
LETTER = [
    "Calder Valley Medical Practice",
    "Dear Dr Oluwaseun Malik",
    "Re: Miss Patricia CATTERALL   DOB: 14-Jul-1972",
    "She is housebound and known to Harriet Fenwick of the district nursing team.",
    "Next of kin: son Arnold Bagshaw, DOB 02/03/1990.",
    "Access: key-safe next to the gas meter box, code 3 5 6 9",
    "Yours sincerely,\n\n\nDr Callum Hussain\nGP Partner",
    "cc: Ruaridh Carrington, Safeguarding Lead; Tomasz Munro; patient",
]
# A care home's letter: the room after the name is no forename.
CARE_HOME_LETTER = ["Dear Paul", "Re: Norma CHEESMAN, Room 8, DOB 1 August 1935",
                    "I reviewed Miss Cheesman today with Paul Eastwood. Diagnosis: generalised"
                    " anxiety disorder.", "Kind regards", "Sandra Quigley"]
STAFF = ("Ciara", "Sam Fenwick", "Philippa Ferguson", "Oluwaseun Malik", "Harriet Fenwick",
         "Callum Hussain", "Ruaridh Carrington", "Tomasz Munro", "Paul Eastwood",
         "Sandra Quigley")


def write_share(root: Path) -> None:
    (root / "mail").mkdir(parents=True)
    message = EmailMessage()
    message["From"] = "Philippa Ferguson <philippa.ferguson@nhs.net>"
    message["To"] = "Ciara Tennant <ciara.tennant@nhs.net>"
    message["Subject"] = "Add to list"
    message.set_content(MAIL_BODY)
    (root / "mail" / "visits.eml").write_bytes(bytes(message))
    couples = EmailMessage()
    couples["From"] = "Ciara Tennant <ciara.tennant@nhs.net>"
    couples["To"] = "Sam Fenwick <sam.fenwick@nhs.net>"
    couples["Subject"] = "Welfare checks"
    couples.set_content(COUPLES_BODY)
    (root / "mail" / "couples.eml").write_bytes(bytes(couples))
    (root / "letters").mkdir()
    letter = docx.Document()
    for paragraph in LETTER:
        letter.add_paragraph(paragraph)
    letter.save(str(root / "letters" / "referral.docx"))
    care_home = docx.Document()
    for paragraph in CARE_HOME_LETTER:
        care_home.add_paragraph(paragraph)
    care_home.save(str(root / "letters" / "care_home.docx"))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("mail-share")
    out = tmp_path_factory.mktemp("mail-out") / "inventory"
    write_share(share)
    scan_quietly(share, out)
    return out


def row_of(row: dict) -> tuple:
    """(name key, other names, NHS number, date-of-birth keys, home access, related)."""
    return (normalise("PERSON", row["name"]), row["other_names"], row["nhs_number"],
            frozenset(normalise("DATE_OF_BIRTH", dob) for dob in row["date_of_birth"].split("; ")
                      if dob),
            row["home_access"], "; ".join(sorted(row["related_people"].split("; "))))


def expected(name: str, nhs: str, dob: str, home_access: str, related: str) -> tuple:
    dobs = frozenset({normalise("DATE_OF_BIRTH", dob)} if dob else ())
    return normalise("PERSON", name), "", nhs, dobs, home_access, related


def test_each_patient_keeps_their_own_identifiers_and_home_access(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted(map(row_of, rows)) == sorted([
        # the neighbour's `has a key` is the way into Cyril Yeadon's home
        expected("Cyril Yeadon", "", "29/05/1938", "true", "Kenneth Quigley; Victor Mellor"),
        expected("Winifred Clegg", "", "03/06/1972", "true", "Gwendoline Clegg"),
        expected("Vera Fitzgerald", FITZGERALD_NHS, "", "false", ""),
        expected("Glenys Dinsdale", "", "06/12/1926", "false", ""),
        expected("Edna Holroyd", "", "12/03/1931", "false", ""),
        # the letter: the patient alone, her son's date of birth is his
        expected("Patricia Catterall", "", "14/07/1972", "true", "Arnold Bagshaw"),
        expected("Norma Cheesman", "", "01/08/1935", "false", ""),
        # couples: one access note, two people whose home it opens
        expected("Albert Jones", "", "01/02/1930", "true", "Peter Jones"),
        expected("Edna Jones", "", "03/04/1932", "true", ""),
        expected("Alan Hill", "", "11/02/1940", "true", ""),
        expected("Joan Hill", "", "13/04/1942", "true", ""),
        # `lives with his daughter` names nobody above: his home is his own
        expected("Frank Bell", "", "05/06/1940", "false", ""),
    ])
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert not [name for name in STAFF if name in revealed]


def test_key_holders_relatives_and_staff_have_their_roles(scanned):
    with sqlite3.connect(scanned / "inventory.sqlite") as db:
        found = db.execute(
            "SELECT l.location, f.entity_type, f.masked, f.role FROM findings f"
            " JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type IN ('PERSON', 'DATE_OF_BIRTH') AND f.masked LIKE '% %'"
            " ORDER BY l.location, f.start").fetchall()
    letter = [(entity, masked, role) for location, entity, masked, role in found
              if location.endswith("referral.docx")]
    assert letter == [
        ("PERSON", "Dr O******** M****", "staff"),
        ("PERSON", "Miss P******* C********", "subject"),
        ("PERSON", "H****** F******", "staff"),  # `of the district nursing team`
        ("PERSON", "A***** B******", "related"),
        ("PERSON", "Dr C***** H******", "staff"),
        ("PERSON", "R****** C*********", "staff"),
        ("PERSON", "T***** M****", "staff"),  # `; patient` is the next cc item
    ]
    related = {masked for _location, entity, masked, role in found
               if entity == "PERSON" and role == "related"}
    assert related == {"K****** Q******", "V***** M*****", "G********* C****",
                       "A***** B******", "P**** J****"}


def test_related_people_are_counted_apart(scanned):
    result = run_cli("report", str(scanned), "--format", "json")
    assert result.returncode == 0, result.stderr
    individuals = json.loads(result.stdout)["individuals"]
    assert (individuals["lower_bound"], individuals["total"], individuals["upper_bound"]) == (
        12, 12, 12)
    # Cyril Yeadon, Winifred Clegg, the letter's patient, both couples
    assert individuals["with_home_access"] == 7
    assert individuals["related_people"] == 5


def test_outputs_hold_no_raw_name_or_date(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path, ["Cyril", "Kenneth Quigley", "29/05/1938", FITZGERALD_NHS])
    assert_no_raw_values(scanned, ["Kenneth Quigley", "Winifred Clegg", "02/03/1990"])


LETTERHEADS = {
    # the sender's address heads the letter: the organisation's, never the patient's
    "Letters/gp_letter.txt": (
        "Aire Valley Community Care Ltd\n"
        "Unit 4, Kirkstall Forge, Leeds LS5 3BF\n"
        "Tel 0113 496 0000\n\n"
        "Dr P Okafor\nBurley Park Surgery\n\n"
        "Dear Dr Okafor,\n\n"
        "Re: Daniel Oyelaran, DOB 14/02/1950, NHS 648 777 3453\n"
        "14 Victoria Road, Leeds LS6 1DL\n\n"
        "I saw Daniel at home today. His leg ulcer is healing well.\n\n"
        "Yours sincerely,\nJane Porter\nTissue Viability Nurse\n"
    ),
    # the office's own key safe, at the office's postcode: nobody's home
    "Admin/office-access.txt": (
        "Office address: Unit 4, Leeds LS5 3BF\n"
        "Out of hours: key safe by the side door, code 7070.\n"
    ),
    # a patient's own address block under her name stays hers
    "Letters/to_patient.txt": (
        "Mrs Edna Fairclough\n"
        "3 Harehills Lane\n"
        "Leeds LS7 3HB\n\n"
        "Dear Mrs Fairclough,\n"
        "Your next continence review (DOB 19/08/1937 on our records) is on 4 December.\n"
    ),
}


def test_a_letterhead_s_address_is_the_organisation_s(tmp_path_factory, tmp_path):
    from tests.cli import scanned_share

    out = scanned_share(tmp_path_factory, "letterheads", LETTERHEADS)
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["postcode"], row["home_access"]) for row in rows) == [
        ("Daniel Oyelaran", "LS6 1DL", "false"),
        ("Mrs Edna Fairclough", "LS7 3HB", "false"),
    ]
