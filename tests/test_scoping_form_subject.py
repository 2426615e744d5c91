"""A document whose subject a form gives keeps its access note with that subject (issue 15).

An assessment (.docx) gives its subject in a two-column table (`Name`, `Date of birth`,
`NHS number`, `Address`) and writes the way into her home in its body, a paragraph that
names no one; the body also names a relative in a later section and, on its `cc` line, a
solicitor at a firm, who is no individual. The way in is the subject's (before, it joined
no one: the solicitor's name kept the body from the one person of the file), and the
solicitor's name never becomes one of hers. Scanned and exported by the real CLI; the rows
are exact.
"""

from __future__ import annotations

import io
from pathlib import Path

from tests.cli import export_individuals, scan_quietly


def assessment(body: list[str], form: list[tuple[str, str]]) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in body:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=0, cols=2)
    for label, value in form:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_share(root: Path) -> None:
    (root / "INA Pendlebury.docx").write_bytes(assessment([
        "INITIAL NEEDS ASSESSMENT",
        "1. Home",
        "She lives alone in a ground-floor flat at the address above.",
        "Getting in: the key is in a lockbox by the back gate, code 3915.",
        "2. Family",
        "brother Kieran Pendlebury.",
        "Imogen Faulkner",
        "cc Trevor Oakshott, Calder Injury Law; Harriet Lund, Bramwell Vane LLP (for the "
        "defendant Trust)"], [
        ("Name", "Rosalind Mary Pendlebury"), ("Date of birth", "04/09/1987"),
        ("NHS number", "943 476 5919"), ("Address", "12 Quarry Hill, Otley LS21 1AB"),
        ("Case manager", "Imogen Faulkner")]))


def test_the_form_s_subject_has_the_body_s_way_in(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    write_share(share)
    scan_quietly(share, out)
    rows = export_individuals(out, tmp_path, "--reveal")
    assert sorted((row["name"], row["other_names"], row["home_access"],
                   row["home_access_kinds"], row["home_access_via"]) for row in rows) == [
        ("Rosalind Mary Pendlebury", "", "true", "code", "own"),
    ]
