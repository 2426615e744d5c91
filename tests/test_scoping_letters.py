"""Letter-ready exports and a self-explaining upper bound (issue 15).

A responder sends Art. 34 letters from `phiscan individuals OUT --export FILE --reveal`. Each
row says whom to write to (the person, or when a record says they died their next of kin or
their estate), the postal address of the person's own (never a relative's, never the
practice's on the letterhead; their most recent, then most frequent) and where it was found;
`--reveal` adds the address as written and the next of kin's names, and without it every
value stays masked. The report says what its upper bound is made of: the people counted and,
by class of evidence, the possible further people (a name only beside health data, a date of
birth whose name was not read), in text, JSON and HTML.

The share: a GP federation's letter (.docx) to a patient under its letterhead, an older
letter (.docx) to her at her former address, a caseload (.xlsx) with a patient who died and
his next of kin, one who died with nobody named and one alive, and an e-mail (.eml) about a
patient whose daughter's address and whose clinic's are written beside his. Scanned and
exported by the real CLI; the rows are exact.
"""

from __future__ import annotations

import json
import os
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest

from bench.corpus import docx_bytes
from tests.cli import export_individuals, report_json, run_cli, scanned_share

OLD, NEW = 1_600_000_000, 1_750_000_000  # the files' modified times: 2020, 2025
ACKROYD_NHS = "9434765919"


def write_share(root: Path) -> None:
    new_letter = root / "2025 review Ackroyd.docx"
    new_letter.write_bytes(docx_bytes([
        "Calder GP Federation",
        "Brighouse Medical Centre, 3 Church Street, Brighouse HD6 1AA",
        "",
        "Mrs Dorothy Ackroyd",
        "Flat 2",
        "14 Park Road",
        "Elland",
        "HX5 0QT",
        "",
        f"Re: Mrs Dorothy Ackroyd, DOB 12/03/1941, NHS number {ACKROYD_NHS}",
        "Dear Mrs Ackroyd,",
        "Your diabetes review is due. Your key safe code is 4471.",
        "Yours sincerely,", "", "Dr Callum Hussain", "GP Partner"]))
    os.utime(new_letter, (NEW, NEW))
    for number in (1, 2):  # her former home, written twice, long ago
        old_letter = root / f"2020 letter {number} Ackroyd.docx"
        old_letter.write_bytes(docx_bytes([
            "Mrs Dorothy Ackroyd", "27 Moor End Road", "Halifax HX2 0RU", "",
            f"Re: Mrs Dorothy Ackroyd, DOB 12/03/1941, NHS number {ACKROYD_NHS}",
            "Your blood test results are normal."]))
        os.utime(old_letter, (OLD, OLD))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "DOB", "Address", "Postcode", "Status", "Next of kin"])
    sheet.append(["Harold Sutcliffe", "04/05/1930", "7 Moor Lane, Hebden Bridge", "HX7 8AB",
                  "Deceased", "Susan Sutcliffe (daughter)"])
    sheet.append(["Walter Crabtree", "09/09/1929", "3 Bank Top, Luddenden", "HX2 6PD",
                  "Deceased", ""])
    sheet.append(["Ivy Barraclough", "11/11/1936", "22 Mill Bank, Sowerby Bridge", "HX6 3DE",
                  "Active", "Brian Barraclough (son)"])
    book.save(root / "caseload.xlsx")
    mail = EmailMessage()
    mail["From"] = "nurse@example.nhs.uk"
    mail["To"] = "team@example.nhs.uk"
    mail["Subject"] = "Catheter change"
    mail.set_content(
        "Hi,\n\nMr Graham Pickles (DOB 02/02/1944) of 5 Bank Street, Todmorden OL14 5AA needs"
        " his catheter changed.\nPlease book him at Todmorden Health Centre, 1 Lower George"
        " Street, Todmorden OL14 5RN.\nHis daughter Margaret Pickles, 9 Rose Hill, Walsden"
        " OL14 6TX, would like a call.\n\nThanks\nSam\n")
    (root / "catheter.eml").write_bytes(bytes(mail))
    # evidence of people who make nobody: a name only beside health data, a date of birth only
    (root / "ulcer note.docx").write_bytes(docx_bytes([
        "Mr Reginald Ormerod has a leg ulcer; dressings twice a week."]))
    call = EmailMessage()
    call["From"], call["To"], call["Subject"] = ("desk@example.nhs.uk", "team@example.nhs.uk",
                                                 "Call back")
    call.set_content("A caller born 06/06/1950 rang about her insulin.\n")
    (root / "call.eml").write_bytes(bytes(call))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "letters", write_share)


LETTER = ("name_masked", "deceased", "write_to", "next_of_kin_masked", "address_masked",
          "address_found_in", "addresses_found")


def by_file(row: dict, column: str) -> str:
    return row[column].replace(os.sep, "/").rsplit("/", 1)[-1]


def test_each_row_says_whom_to_write_to_and_where_masked(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path)
    assert sorted((*(row[column] for column in LETTER[:-2]), by_file(row, "address_found_in"),
                   row["addresses_found"]) for row in rows) == [
        ("H***** S********", "true", "next_of_kin", "S**** S******** (daughter)", "HX7 ***",
         "caseload.xlsx (sheet Sheet row 2)", "1"),
        ("I** B**********", "false", "subject", "", "HX6 ***",
         "caseload.xlsx (sheet Sheet row 4)", "1"),
        ("Mr G***** P******", "false", "subject", "", "OL14 ***",
         "catheter.eml (body)", "1"),
        ("Mrs D****** A******", "false", "subject", "", "HX5 ***",
         "2025 review Ackroyd.docx (body)", "2"),
        ("W***** C*******", "true", "estate", "", "HX2 ***",
         "caseload.xlsx (sheet Sheet row 3)", "1"),
    ]
    assert not {"address", "next_of_kin"} & rows[0].keys()


def test_reveal_gives_the_letter_s_name_address_and_next_of_kin(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((row["name"], row["write_to"], row["next_of_kin"], row["address"],
                   by_file(row, "address_found_in")) for row in rows) == [
        ("Harold Sutcliffe", "next_of_kin", "Susan Sutcliffe (daughter)",
         "7 Moor Lane, Hebden Bridge, HX7 8AB", "caseload.xlsx (sheet Sheet row 2)"),
        ("Ivy Barraclough", "subject", "", "22 Mill Bank, Sowerby Bridge, HX6 3DE",
         "caseload.xlsx (sheet Sheet row 4)"),
        ("Mr Graham Pickles", "subject", "", "5 Bank Street, Todmorden, OL14 5AA",
         "catheter.eml (body)"),
        ("Mrs Dorothy Ackroyd", "subject", "", "Flat 2, 14 Park Road, Elland, HX5 0QT",
         "2025 review Ackroyd.docx (body)"),
        ("Walter Crabtree", "estate", "", "3 Bank Top, Luddenden, HX2 6PD",
         "caseload.xlsx (sheet Sheet row 3)"),
    ]


def test_the_upper_bound_explains_itself(scanned, tmp_path):
    people = report_json(scanned)["individuals"]
    assert (people["total"], people["upper_bound"]) == (5, 7)
    assert people["upper_bound_explained"] == {
        "upper_bound": 7, "counted": 5, "possible_further_people": 2,
        "by_evidence": {"name_only": 1, "date_of_birth_only": 1,
                        "kept_apart_by_strict_linkage": 0, "rows_of_several_people": 0},
        "locations_not_read": 0,
    }
    text = run_cli("report", str(scanned)).stdout
    assert "records with a name only" in text and "records with a date of birth only" in text
    assert run_cli("report", str(scanned), "--html", "--to", str(tmp_path / "html")
                   ).returncode == 0
    html = (tmp_path / "html" / "report.html").read_text()
    assert ("<h2>The upper bound explained</h2><p class='note'>The upper bound, 7, is the "
            "people counted and 2 possible further people:</p>") in html
    assert "<td>people counted</td><td class='num'>5</td>" in html
    assert json.dumps(people).count("Reginald") == 0
