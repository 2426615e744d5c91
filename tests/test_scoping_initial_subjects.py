"""A table row whose patient is named by an initial is that patient's, not a name in its
other cells (issue 15, from blind share 26).

A home therapies unit's MDT minutes (a Word table: `Patient | Hosp no | Therapy | Discussion
| Action / who`) name patients as `Ms H Kershaw  (16.10.70)` or in full, and write clinical
shorthand in capitals in the discussion (`High IDWG, review TW`). The header went unread (`Hosp
no` was no label) and `High IDWG`, read as `Forename SURNAME`, took the patient's date of birth:
a person to write to who does not exist. With the header read, the name the Patient column
marks is the row's subject; a full name nothing marks, whose initial form is not the subject's,
is someone else.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.cli import export_individuals, key, scanned_share

ROWS = [
    ("Pritchard, Callum Michael  (20.2.38)", "K511239", "O2",
     "Holiday request (Cornwall, Aug) - arrange deliveries", "Barry S"),
    ("Ms H Kershaw  (16.10.70)", "K991585", "HHD", "High IDWG, review TW", "Anjali U"),
    ("Lee Wadsworth", "K252199", "HPN", "Reduce PN nights - trial 5/7", "Merlene C"),
    ("KETTLEWELL, Margaret  (19.11.87)", "K496580", "HPN", "Reduce PN nights - trial 5/7",
     "Wayne M"),
]


def _minutes(share: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Home Therapies MDT - 7 May 2026")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells,
                          ("Patient", "Hosp no", "Therapy", "Discussion", "Action / who"),
                          strict=True):
        cell.text = text
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    (share / "MDT").mkdir()
    document.save(share / "MDT" / "MDT minutes 2026-05-07.docx")


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "initial-subjects", _minutes)
    return export_individuals(out, tmp_path_factory.mktemp("initial-subjects-export"),
                              "--reveal")


def test_only_the_patients_named_in_full_with_a_birth_date_are_people(rows):
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"]) for row in rows) == [
        (key("PERSON", "Callum Michael Pritchard"), "20.2.38"),
        (key("PERSON", "Margaret Kettlewell"), "19.11.87"),
    ]
