"""A workbook of one sheet per client, each headed by a form over a table (issue 15).

A home-care agency's MAR charts: each sheet is named after its client (`Entwistle A`), a
title line, then `Client name | Audrey Entwistle`, `Date of birth | 05/03/1959`, `Address`,
`GP`, `Allergies`, a blank row and the medicines given. Read row by row, the name and the
date of birth were records of their own and the client was never an individual; and the
sheet's name, in every row's label, put her surname into the inventory unmasked. The form
heading the sheet is one record, and a label's word that repeats a name found in the
document is masked in every finding; so is a sheet named by a word and an initial (`Danielle
R`, a night sitter's timesheet whose rows never name her), unless the word names a part of
something (`Table A`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli import export_individuals, key, scanned_share

CLIENTS = [("Entwistle A", "Audrey Entwistle", "05/03/1959", "74 Shaw Hill, Pennock Green HF3 1GD",
            "Codeine (vomiting)", ["Levothyroxine 50mcg tablets", "Amlodipine 5mg tablets"]),
           ("Holroyd M", "Malcolm Holroyd", "30/12/1925", "59 Clough Road, Harrowfield HF1 3NR",
            "NKDA", ["Apixaban 5mg tablets", "Furosemide 40mg tablets"]),
           # masked as `Entwistle A` is (`E******** A`): two records all the same
           ("Eastwoods A", "Arthur Eastwoods", "01/01/1940", "8 Mill Fold, Halifax HX3 5RT",
            "Penicillin", ["Bisoprolol 2.5mg tablets"])]
SURNAMES = ("Entwistle", "Holroyd", "Eastwoods")
# a night sitters' timesheet workbook, a sheet per sitter named by forename and initial; the
# sheet's own rows never write her name
SITTERS = ("Danielle", "Michaela")


def write_charts(share: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for sheet_name, name, dob, address, allergies, medicines in CLIENTS:
        sheet = book.create_sheet(sheet_name)
        sheet.append(["MEDICATION ADMINISTRATION RECORD - Brightside Homecare",
                      "Cycle start 09/11/2026"])
        for label, value in (("Client name", name), ("Date of birth", dob),
                             ("Address", address), ("GP", "Dr Rachel Hussain, Stainby"),
                             ("Allergies", allergies)):
            sheet.append([label, value])
        sheet.append([])
        sheet.append(["Medication", "Dose / directions", "Time", "1", "2", "3"])
        for medicine in medicines:
            sheet.append([medicine, "ONE daily", "08:00", "AB", "AB", "AB"])
    (share / "agency").mkdir()
    book.save(share / "agency" / "MAR charts new clients.xlsx")
    sheets = Workbook()
    sheets.remove(sheets.active)
    for sitter in SITTERS:
        sheet = sheets.create_sheet(f"{sitter} R")
        sheet.append(["Date", "Client", "Postcode", "Hours"])
        sheet.append(["03/10/2026", "Audrey Entwistle", "HF3 1GD", "22:00-07:00"])
    for other in ("Table A", "Summary"):
        sheets.create_sheet(other).append(["Week", "Hours"])
    sheets.save(share / "agency" / "timesheets_2026_10.xlsx")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return scanned_share(tmp_path_factory, "form-sheets", write_charts)


def test_each_sheets_form_is_its_client(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]),
                   row["postcode"], row["special_category"]) for row in rows) == sorted(
        (key("PERSON", name), key("DATE_OF_BIRTH", dob), address[-7:], "true")
        for _sheet, name, dob, address, _allergies, _medicines in CLIENTS)


def test_no_output_holds_a_name_a_sheet_is_named_after(out):
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [name for name in SURNAMES + SITTERS if name.encode() in data], path.name
