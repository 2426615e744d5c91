"""Letterheads, providers and case numbers are never people (issue 15).

A breach of a GP federation's safeguarding hub holds letters under a letterhead (`Calder GP
Federation` over `Brighouse Medical Centre`), a caseload workbook whose `Name` column holds a
provider or a practice on some rows (`Ryburn Primary Care Network`, `Halifax Medical Centre`,
`Calderdale and Huddersfield NHS Foundation Trust`), and e-mails filed under case numbers
(`SG-2025-0412 Jones.eml` with `SG-2025-0412 Jones.docx` attached, its subject and first line
the case number and a surname). A name whose words end as an organisation's does (one list:
`recognizers/data/organisation_words.txt`, a place and an organisation's noun) is no person
wherever it stands, in prose or in a name column; a case number and a surname (a file's name,
a subject line) make nobody and no identifier. Real .docx, .xlsx and .eml files, scanned by
the real CLI; the rows are exact.
"""

from __future__ import annotations

import sqlite3
from email.message import EmailMessage
from pathlib import Path

import openpyxl
import pytest

from bench.corpus import docx_bytes
from tests.cli import export_individuals, scanned_share

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def write_share(root: Path) -> None:
    (root / "SG-2025-0412 Jones.docx").write_bytes(docx_bytes([
        "Calder GP Federation",
        "Brighouse Medical Centre, 3 Church Street, Brighouse HD6 1AA",
        "SG-2025-0412 Jones",
        "Re: Mrs Ellen Jones, DOB 14/02/1950",
        "Mrs Jones was seen at Brighouse Medical Centre with the Halifax Primary Care Network "
        "team and Northway Care Ltd; she is known to Calderdale and Huddersfield NHS "
        "Foundation Trust for her COPD.",
        "Yours sincerely,", "", "Safeguarding Hub", "Calder GP Federation",
        "Calder Valley GP Federation, Unit 4, Dean Clough, Halifax HX3 5AX"]))  # its footer
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "DOB", "Provider"])
    for row in (["Ryburn Primary Care Network", "03/04/1951", "Elland Surgery"],
                ["Harold Sutcliffe", "04/05/1930", "Calder Valley Care Ltd"],
                ["Halifax Medical Centre", "05/05/1955", "Northway Care Ltd"],
                ["Calder GP Federation", "01/02/1950", "Todmorden Health Centre"],
                ["Calderdale and Huddersfield NHS Foundation Trust", "06/06/1956", ""]):
        sheet.append(row)
    book.save(root / "caseload.xlsx")
    mail = EmailMessage()
    mail["From"] = "Safeguarding Hub <hub@example.nhs.uk>"
    mail["To"] = "District Nursing Team <dn@example.nhs.uk>"
    mail["Subject"] = "SG-2025-0419 Whitaker - strategy meeting"
    mail.set_content("Hi all,\n\nPlease see attached SG-2025-0419 Whitaker.docx for Thursday.\n"
                     "SG-2025-0420 Pickles is closed.\n\nThanks\nSafeguarding Hub\n")
    mail.add_attachment(docx_bytes(["SG-2025-0419 Whitaker", "Strategy meeting",
                                      "Mr Ronald Whitaker, DOB 09/09/1944, lives alone."]),
                        maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1],
                        filename="SG-2025-0419 Whitaker.docx")
    (root / "SG-2025-0419 Whitaker.eml").write_bytes(bytes(mail))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "organisations", write_share)


def test_only_people_are_people(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path)
    assert sorted((row["name_masked"], row["identified_by"], row["local_ids_masked"])
                  for row in rows) == [
        ("H***** S********", "name_and_date_of_birth", ""),
        ("Mr R***** W*******", "name_and_date_of_birth", ""),
        ("Mrs E**** J****", "name_and_date_of_birth", ""),
    ]


def test_no_organisation_and_no_case_number_is_a_name_or_an_identifier(scanned):
    """Every name read in the share is a person's; no case number is anyone's identifier."""
    with sqlite3.connect(scanned / "inventory.sqlite") as db:
        found = db.execute("SELECT f.entity_type, f.masked FROM findings f WHERE"
                           " f.entity_type IN ('PERSON', 'LOCAL_ID', 'UK_NHS')").fetchall()
    assert sorted(set(found)) == [
        ("PERSON", "H***** S********"),
        ("PERSON", "Mr R***** W*******"),
        ("PERSON", "Mrs E**** J****"),
    ]
