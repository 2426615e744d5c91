"""A sheet of client blocks, one form after another (issue 15).

A caseload kept as blocks down one sheet (`Client name`, `Date of birth`, `NHS number`, a
blank row, the next client) is a form per block: each block one record of its own (named by
its first row, so no two blocks share one), read in a loop: a sheet of 1,100 blocks is
scanned whole.
"""

from __future__ import annotations

import csv

from openpyxl import Workbook

from tests.cli import export_individuals, scanned_share

BLOCKS = 1100


def nhs_number(index: int) -> str:
    for last in range(10):
        digits = f"4852{index:05d}"[:9]
        digits = digits[:8] + str(last)
        total = sum(int(d) * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if check != 10:
            return digits + str(check)
    raise AssertionError(index)


def write_blocks(share) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Caseload"
    for index in range(BLOCKS):
        sheet.append(["Client name", f"Client{chr(65 + index % 26)}{chr(65 + index // 26 % 26)}"
                      f" Blockperson{index}"])
        born = f"{1 + index % 28:02d}/{1 + index % 12:02d}/19{30 + index % 60}"
        sheet.append(["Date of birth", born])
        sheet.append(["NHS number", nhs_number(index * 10)])
        sheet.append([])
    book.save(share / "caseload.xlsx")


def test_each_block_is_one_person_and_the_sheet_is_read_whole(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "form-blocks", write_blocks)
    with (out / "files.csv").open(newline="") as handle:
        assert [(row["status"], row["reason"]) for row in csv.DictReader(handle)] == [
            ("scanned", "")]
    rows = export_individuals(out, tmp_path_factory.mktemp("form-blocks-export"), "--reveal")
    assert len(rows) == BLOCKS
    assert len({row["nhs_number"] for row in rows}) == BLOCKS
