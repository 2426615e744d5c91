"""Two sheets named after two clients whose names mask alike (issue 15, privacy).

A workbook of one sheet per client, each sheet named by the client's full name (`John
Smith`, `Jane Smyth`) and headed by a form of her details. Detection masks a name in a label
where it finds it (`sheet J*** S****`), and the two sheets' places and records then read
alike: the two clients were one record, one individual with two dates of birth. Labels the
file wrote apart stay apart once masked (`#2`), and no output holds either name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.cli import export_individuals, key, scanned_share

CLIENTS = [("John Smith", "14/02/1941", "12 Calder Street, Harrowfield HF2 4BN"),
           ("Jane Smyth", "30/09/1936", "3 Ing Lane, Pennock Green HF3 7QT"),
           ("Jack Smart", "02/05/1950", "41 Rook Lane, Harrowfield HF1 2RA")]


def write_book(share: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, dob, address in CLIENTS:
        sheet = book.create_sheet(name)
        sheet.append(["CARE PLAN SUMMARY - Calder Homecare"])
        for label, value in (("Client name", name), ("Date of birth", dob),
                             ("Address", address), ("Diagnosis", "Type 2 diabetes")):
            sheet.append([label, value])
    book.save(share / "care plans.xlsx")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return scanned_share(tmp_path_factory, "masked-sheets", write_book)


def test_each_sheet_is_its_own_client(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]),
                   row["postcode"]) for row in rows) == sorted(
        (key("PERSON", name), key("DATE_OF_BIRTH", dob), address[-7:])
        for name, dob, address in CLIENTS)


def test_no_output_holds_a_clients_name(out):
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [name for name, _dob, _address in CLIENTS
                        for word in name.split() if word.encode() in data], path.name
