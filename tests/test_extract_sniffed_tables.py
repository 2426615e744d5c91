"""The content decides the reader (issue 14, session 18 trial): a comma, semicolon or tab
table in text of any name (`.txt`, `.log`, `.dat`, none) is read as a table, one record per
row, while prose with commas stays prose; plain text under an Office or PDF name is read as
text, its row saying the name lied. A physiotherapy waiting list and a ward clerk's notes,
not the trial's caseload export."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from phiscan.extract import choose_extractor

WAITING_LIST = ("Surname;Forename;NHS No;Referred\n"
                "Okonjo;Grace;491 055 3452;03/09/2026\n"
                "Lindqvist;Per;437 731 3002;11/09/2026\n"
                "Moreau;Celine;445 444 9651;19/09/2026\n")
TAB_LIST = "ref\tnhs\tclinic\nW1\t4643078618\tknee\nW2\t4633272039\thip\nW3\t4179861453\tback\n"
LETTER = ("Dear Dr Amadi,\nThank you for seeing Mr Cole, who is 82, lives alone, and has COPD.\n"
          "He was seen on Monday, Tuesday, and Friday.\nKind regards,\nSister Jones\n")
NAME_LIST = "Okonjo, Grace\nLindqvist, Per\n"
# wrapped prose, one comma a line and no full stops: its pieces are too long for cells
MINUTES = ("Minutes of the locality meeting, held in the small hall\n"
           "Attendees agreed the new rota, starting from next Monday\n"
           "Actions to be circulated by Friday, with the agenda\n")
CLERK_NOTE = ("Ward clerk note for Mr Per Lindqvist\nNHS number 437 731 3002, born 14/02/1951\n"
              "Discharged home today.\n")


@pytest.mark.parametrize(("name", "content", "reader", "reason"), [
    ("waiting.txt", WAITING_LIST, "csv", ""),
    ("waiting.log", WAITING_LIST, "csv", ""),
    ("WAITLIST", TAB_LIST, "csv", ""),
    ("waiting.dat", TAB_LIST, "csv", ""),
    ("letter.txt", LETTER, "text", ""),
    ("names.txt", NAME_LIST, "text", ""),
    ("minutes.txt", MINUTES, "text", ""),
    ("clerk.docx", CLERK_NOTE, "text", "read as text: text content with a .docx name"),
    ("clerk.pdf", CLERK_NOTE, "text", "read as text: text content with a .pdf name"),
    ("clerk.xlsx", WAITING_LIST, "csv", "read as csv: csv content with a .xlsx name"),
])
def test_the_content_chooses_the_reader(name, content, reader, reason):
    assert choose_extractor(name, content.encode()) == (reader, reason)


def test_a_scan_reads_tables_and_text_under_any_name(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    files = {"waiting.txt": WAITING_LIST, "waiting.dat": TAB_LIST, "clerk.docx": CLERK_NOTE}
    for name, content in files.items():
        (share / name).write_text(content, encoding="utf-8")
    scanned = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
         "--workers", "1", "-q"], capture_output=True, text=True, timeout=900)
    assert scanned.returncode == 0, scanned.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        found = sorted((Path(row[0]).name, row[1]) for row in db.execute(
            "SELECT l.location, f.record FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE f.entity_type = 'UK_NHS'"))
    assert found == [("clerk.docx", "document"),
                     ("waiting.dat", "row 2"), ("waiting.dat", "row 3"), ("waiting.dat", "row 4"),
                     ("waiting.txt", "row 2"), ("waiting.txt", "row 3"), ("waiting.txt", "row 4")]
    rows = {Path(row["location"]).name: (row["status"], row["reason"]) for row in map(
        json.loads, (out / "files.jsonl").read_text().splitlines())}
    assert rows == {"waiting.txt": ("scanned", ""), "waiting.dat": ("scanned", ""),
                    "clerk.docx": ("scanned", "read as text: text content with a .docx name")}
