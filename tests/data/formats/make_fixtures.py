"""How the committed fixtures beside this file were made (run once; the files are
committed so the suite needs no LibreOffice). Needs LibreOffice 7.4 (`soffice`),
python-docx, openpyxl, python-pptx and msoffcrypto-tool.

    python tests/data/formats/make_fixtures.py tests/data/formats

Every document holds the same two people: John Smith (NHS number 943 476 5919,
born 12/03/1941) in its text (a sheet row in the workbooks), Mary Jones
(450 557 7104, born 05/07/1952) in a table, a sheet row or speaker notes.
"""

from __future__ import annotations

import datetime
import gzip
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

JOHN = "Patient name: John Smith. Date of birth: 12/03/1941. NHS number: 943 476 5919."
MARY = ("Mary Jones", "450 557 7104", "05/07/1952")
HEADER = ("Name", "NHS number", "Date of birth")
PASSWORD = "Referral-2024"

# LibreOffice export filters: (source kind, target name, filter name).
CONVERSIONS = (
    ("docx", "letter.doc", "MS Word 97"),
    ("docx", "letter.dot", "MS Word 97 Vorlage"),
    ("docx", "letter.odt", "writer8"),
    ("docx", "letter.docm", "MS Word 2007 XML VBA"),
    ("docx", "letter.dotx", "MS Word 2007 XML Template"),
    ("xlsx", "register.xls", "MS Excel 97"),
    ("xlsx", "register.ods", "calc8"),
    ("xlsx", "register.xltx", "Calc MS Excel 2007 XML Template"),
    ("pptx", "clinic.ppt", "MS PowerPoint 97"),
    ("pptx", "clinic.odp", "impress8"),
    ("pptx", "clinic.ppsx", "Impress MS PowerPoint 2007 XML AutoPlay"),
    ("pptx", "clinic.potx", "Impress MS PowerPoint 2007 XML Template"),
    ("fodt", "parts.docx", "MS Word 2007 XML"),
)


def docx_source() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Referral letter", level=1)
    document.add_paragraph(JOHN)
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (HEADER, MARY), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_source() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Patients"
    sheet.append(list(HEADER))
    for name, nhs_number, born in (("John Smith", "943 476 5919", "12/03/1941"), MARY):
        day, month, year = (int(part) for part in born.split("/"))
        sheet.append([name, nhs_number, datetime.date(year, month, day)])
    for cell in sheet["C"][1:]:
        cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx_source() -> bytes:
    import pptx

    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Clinic list"
    slide.placeholders[1].text = JOHN
    notes = f"Also seen: {MARY[0]}, NHS number {MARY[1]}, date of birth {MARY[2]}."
    slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


# No preview thumbnail in the files written (it made a .ppt 600 KB).
NO_THUMBNAIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Save/Document">
<prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def libreoffice_profile(directory: Path) -> Path:
    (directory / "user").mkdir(parents=True)
    (directory / "user" / "registrymodifications.xcu").write_text(NO_THUMBNAIL)
    return directory


def convert(source: Path, target: Path, filter_name: str, profile: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", f"{target.suffix[1:]}:{filter_name}", "--outdir", out,
             str(source)], check=True, capture_output=True, timeout=300)
        shutil.move(Path(out) / f"{source.stem}{target.suffix}", target)


def encrypted(data: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(PASSWORD, out)
    return out.getvalue()


def main(target: Path) -> None:
    sources = {"docx": docx_source(), "xlsx": xlsx_source(), "pptx": pptx_source()}
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        paths = {}
        for kind, data in sources.items():
            stem = {"docx": "letter", "xlsx": "register", "pptx": "clinic"}[kind]
            paths[kind] = work_dir / f"{stem}.{kind}"
            paths[kind].write_bytes(data)
        # written by hand: a tracked insertion, notes, a comment, a text box, a first-page
        # header, which LibreOffice writes into .docx as Word does
        paths["fodt"] = target / "parts.fodt"
        profile = libreoffice_profile(work_dir / "profile")
        for kind, name, filter_name in CONVERSIONS:
            convert(paths[kind], target / name, filter_name, profile)
    (target / "clinic.pptx").write_bytes(sources["pptx"])
    # LibreOffice's .ppt carries a 590 KB preview whatever the setting: stored gzipped.
    ppt = target / "clinic.ppt"
    (target / "clinic.ppt.gz").write_bytes(gzip.compress(ppt.read_bytes(), mtime=0))
    ppt.unlink()
    (target / "letter-protected.docx").write_bytes(encrypted(sources["docx"]))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
