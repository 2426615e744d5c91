"""Acceptance: office formats old and new, each made by a real tool (tests/data/formats,
see SOURCES.md there), scanned by the real CLI; an NHS number, a name and a date of
birth found in each, and honest statuses for what cannot be read."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sqlite3

import pytest

from tests.cli import run_cli
from tests.conftest import DATA_DIR

FORMATS_DIR = DATA_DIR / "formats"
NOTE = "Patient: John Smith, NHS number 943 476 5919, date of birth 12/03/1941."


def generated_pdfs() -> dict[str, bytes]:
    """Written by PDFium (pypdfium2): a blank page; a blank page carrying an attachment."""
    import pypdfium2

    made = {}
    for name, attachment in (("blank.pdf", None), ("cover.pdf", "referral.txt")):
        document = pypdfium2.PdfDocument.new()
        document.new_page(595, 842)
        if attachment:
            document.new_attachment(attachment).set_data(NOTE.encode())
        buffer = io.BytesIO()
        document.save(buffer)
        made[name] = buffer.getvalue()
    return made


def headed_workbook() -> bytes:
    """Written by openpyxl: one sheet whose page header and footer name a patient, and
    a cell comment with another's NHS number."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Clinic"
    sheet.append(["Room", "Time"])
    sheet.append(["4", "09:30"])
    sheet.oddHeader.center.text = "Clinic list for John Smith, date of birth 12/03/1941"
    sheet.oddFooter.right.text = "NHS number 943 476 5919 page &P"
    sheet["B2"].comment = openpyxl.comments.Comment("Moved: NHS number 450 557 7104", "Clerk")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def formats_scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("formats")
    shutil.copytree(FORMATS_DIR / "public", share / "public")
    for path in sorted(FORMATS_DIR.iterdir()):
        if path.is_dir():
            continue
        if path.suffix == ".gz":  # stored compressed (SOURCES.md), scanned as it was made
            (share / path.stem).write_bytes(gzip.decompress(path.read_bytes()))
        elif path.suffix not in (".md", ".py", ".fodt"):
            shutil.copy(path, share / path.name)
    (share / "empty.txt").write_bytes(b"")
    for name, data in generated_pdfs().items():
        (share / name).write_bytes(data)
    (share / "headed.xlsx").write_bytes(headed_workbook())
    (share / "note.txt").write_text(NOTE)
    out = tmp_path_factory.mktemp("out") / "inventory"
    result = run_cli("scan", str(share), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        extractors = dict(db.execute("SELECT location, extractor FROM locations"))
        found = db.execute("SELECT l.location, f.position, f.entity_type FROM findings f"
                           " JOIN locations l ON l.id = f.location_id").fetchall()
    return {row["location"].removeprefix(f"{share}/"): {
        **row, "extractor": extractors[row["location"]],
        "found": {(position, entity) for location, position, entity in found
                  if location == row["location"]}} for row in rows}


def test_a_file_with_no_text_is_scanned_with_a_reason_and_no_characters(formats_scan):
    empty, note = formats_scan["empty.txt"], formats_scan["note.txt"]
    assert (empty["status"], empty["reason"], empty["chars"]) == ("scanned", "no text found", 0)
    assert (note["status"], note["reason"], note["chars"]) == ("scanned", "", len(NOTE))


def test_an_inventory_from_before_the_chars_column_gains_it(tmp_path):
    from phiscan.inventory.store import Inventory

    with Inventory(tmp_path) as inventory, inventory.db:
        inventory.db.execute("ALTER TABLE locations DROP COLUMN chars")
    with Inventory(tmp_path) as inventory:
        columns = {row[1] for row in inventory.db.execute("PRAGMA table_info(locations)")}
    assert "chars" in columns


# Two people in each document (make_fixtures.py): each NHS number, name and date of
# birth found, through the reader of what the file is.
BOTH = {"UK_NHS": 2, "PERSON": 2, "DATE_OF_BIRTH": 2}
EXPECTED = {
    "letter.doc": ("doc", BOTH),
    "letter.dot": ("doc", BOTH),
    "register.xls": ("xls", BOTH),
    "letter.docm": ("docx", BOTH),
    "letter.dotx": ("docx", BOTH),
    "register.xltx": ("xlsx", BOTH),
    "register.ods": ("ods", BOTH),
    "letter.odt": ("odt", BOTH),
    "clinic.odp": ("odp", BOTH),
    "clinic.pptx": ("pptx", BOTH),
    "clinic.ppsx": ("pptx", BOTH),
    "clinic.potx": ("pptx", BOTH),
    "clinic.ppt": ("ppt", BOTH),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_is_read_by_its_own_reader_and_everyone_is_found(formats_scan, name):
    row = formats_scan[name]
    extractor, entities = EXPECTED[name]
    assert (row["extractor"], row["status"], row["reason"], row["entities"]) == (
        extractor, "scanned", "", entities)
    assert row["chars"] > 100
    assert not [location for location in formats_scan if location.startswith(f"{name}!")]


def test_a_password_protected_docx_is_skipped_as_encrypted_not_corrupt(formats_scan):
    row = formats_scan["letter-protected.docx"]
    assert (row["status"], row["reason"], row["chars"]) == (
        "skipped", "encrypted (password required)", 0)


def test_a_strict_ooxml_workbook_shows_its_sheets(formats_scan):
    """Excel's strict OOXML namespaces: openpyxl sees no sheets, calamine reads them."""
    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, run_extractor

    row = formats_scan["public/testEXCEL.strict.xlsx"]
    assert (row["extractor"], row["status"], row["reason"]) == ("xlsx", "scanned", "")
    data = (FORMATS_DIR / "public" / "testEXCEL.strict.xlsx").read_bytes()
    units = list(run_extractor("xlsx", data, ExtractContext.for_file("a.xlsx", LimitsConfig())))
    assert {unit.where.split(" row ")[0] for unit in units} == {
        "sheet First Sheet", "sheet Sheet Number 2"}
    assert row["chars"] == sum(len(unit.text) for unit in units)
    assert "2nd row 2nd column" in units[1].text


def test_docx_parts_beyond_the_body_are_read(formats_scan):
    """A tracked insertion, a text box (once, not again from its VML fallback), a
    first-page header, footnotes, endnotes and comments: none was read before."""
    row = formats_scan["parts.docx"]
    assert (row["status"], row["entities"]) == (
        "scanned", {"UK_NHS": 3, "PERSON": 3, "DATE_OF_BIRTH": 2})
    assert {("body", "UK_NHS"), ("text box 1", "UK_NHS"), ("endnotes", "UK_NHS"),
            ("footnotes", "PERSON"), ("footnotes", "DATE_OF_BIRTH"),
            ("comments", "DATE_OF_BIRTH"), ("comments", "PERSON"), ("endnotes", "PERSON"),
            } == row["found"]
    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, run_extractor

    data = (FORMATS_DIR / "parts.docx").read_bytes()
    units = run_extractor("docx", data, ExtractContext.for_file("a.docx", LimitsConfig()))
    assert [unit.where for unit in units] == [
        "body", "section 1 header", "text box 1", "section 1 first-page header",
        "footnotes", "endnotes", "comments"]


def test_files_embedded_in_office_documents_are_members(formats_scan):
    rows = {location: (row["status"], row["reason"], row["extractor"], row["chars"] > 0)
            for location, row in formats_scan.items()
            if location.startswith(("public/testWORD_embeded.docx", "public/EmbeddedPDF.docx"))}
    assert rows == {
        "public/testWORD_embeded.docx": ("scanned", "", "docx", True),
        "public/testWORD_embeded.docx!embeddings/Microsoft_Office_Excel_Worksheet1.xlsx": (
            "scanned", "", "xlsx", True),
        "public/testWORD_embeded.docx!embeddings/Microsoft_Office_PowerPoint_Presentation2.pptx": (
            "scanned", "", "pptx", True),
        "public/testWORD_embeded.docx!embeddings/Microsoft_Office_Word_97_-_2003_Document1.doc": (
            "scanned", "", "doc", True),
        # an OLE object holding a PDF: the object, then the file inside it
        "public/EmbeddedPDF.docx": ("scanned", "", "docx", True),
        "public/EmbeddedPDF.docx!embeddings/oleObject1.bin": ("scanned", "", "ole-package", False),
        "public/EmbeddedPDF.docx!embeddings/oleObject1.bin!CONTENTS": ("scanned", "", "pdf", True),
    }


def test_pdf_attachments_are_members_and_a_blank_pdf_is_not_a_scan(formats_scan):
    blank, cover = formats_scan["blank.pdf"], formats_scan["cover.pdf"]
    attached = formats_scan["cover.pdf!referral.txt"]
    assert (blank["status"], blank["reason"], blank["chars"]) == ("scanned", "no text found", 0)
    assert (cover["status"], cover["reason"], cover["chars"]) == ("scanned", "", 0)
    assert (attached["status"], attached["chars"]) == ("scanned", len(NOTE))
    assert attached["entities"] == {"UK_NHS": 1, "PERSON": 1, "DATE_OF_BIRTH": 1}


def test_embedded_files_obey_the_archive_limits():
    from dataclasses import replace

    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, LimitExceeded, run_extractor
    from phiscan.model import Child

    data = (FORMATS_DIR / "public" / "testWORD_embeded.docx").read_bytes()

    def children(limits: LimitsConfig, depth: int = 0) -> list[tuple[str, str | None]]:
        ctx = ExtractContext.for_file("a.docx", limits)
        ctx.depth = depth
        return [(piece.name, piece.skip_reason) for piece in run_extractor("docx", data, ctx)
                if isinstance(piece, Child)]

    small = replace(LimitsConfig(), max_member_bytes=20_000)
    assert {reason for _name, reason in children(small)} == {
        None, "too large: over max_member_bytes"}
    deep = LimitsConfig().max_archive_depth
    assert {reason for _name, reason in children(LimitsConfig(), deep)} == {
        "embedded file nesting deeper than max_archive_depth"}
    few = replace(LimitsConfig(), max_archive_members=1)
    with pytest.raises(LimitExceeded, match="too many archive members"):
        children(few)


def test_xlsx_page_headers_footers_and_cell_comments_are_read(formats_scan):
    row = formats_scan["headed.xlsx"]
    assert (row["status"], row["entities"]) == (
        "scanned", {"UK_NHS": 2, "PERSON": 1, "DATE_OF_BIRTH": 1})
    assert {position for position, _entity in row["found"]} == {
        "sheet1 header/footer", "comments/comment1"}


def test_a_word_6_document_is_read(formats_scan):
    row = formats_scan["public/testWORD6.doc"]
    assert (row["extractor"], row["status"], row["reason"], row["chars"]) == (
        "doc", "scanned", "", len("The quick brown fox jumps over the lazy dog"))


def test_a_docx_made_of_an_html_chunk_reads_the_chunk(formats_scan):
    """w:altChunk: Word merges the HTML part in where it stands; the body has no text."""
    row = formats_scan["public/testAltChunkHTML.docx"]
    chunk = formats_scan["public/testAltChunkHTML.docx!word/htmlDoc.html"]
    assert (row["status"], row["reason"], row["chars"]) == ("scanned", "", 0)
    assert (chunk["extractor"], chunk["status"], chunk["reason"]) == ("html", "scanned", "")
    assert chunk["chars"] > 0


def test_a_workbook_openpyxl_refuses_is_read_by_calamine(formats_scan):
    row = formats_scan["public/testDdeLink.xlsx"]
    assert (row["extractor"], row["status"], row["reason"], row["chars"]) == (
        "xlsx", "scanned", "", len("column_1: 1\n"))


def test_a_doc_stops_at_the_text_limit_and_says_so():
    """A crafted piece table could point every piece at the whole stream: the text
    taken from the pieces is bounded by max_text_chars, and going over is an error."""
    from dataclasses import replace

    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, LimitExceeded, run_extractor

    data = (FORMATS_DIR / "letter.doc").read_bytes()
    ctx = ExtractContext.for_file("a.doc", replace(LimitsConfig(), max_text_chars=40))
    units = []
    with pytest.raises(LimitExceeded, match="text over max_text_chars"):
        units.extend(run_extractor("doc", data, ctx))
    assert sum(len(unit.text) for unit in units) <= 40


def test_a_file_embedded_in_a_legacy_workbook_is_a_member(formats_scan):
    rows = {location: (row["extractor"], row["status"], row["reason"])
            for location, row in formats_scan.items()
            if location.startswith("public/testEXCEL_embeddedPDF_windows.xls")}
    assert rows == {
        "public/testEXCEL_embeddedPDF_windows.xls": ("xls", "scanned", ""),
        "public/testEXCEL_embeddedPDF_windows.xls!objects/MBD006CBD3A/CONTENTS": (
            "pdf", "scanned", ""),
    }
    assert formats_scan["public/testEXCEL_embeddedPDF_windows.xls!objects/MBD006CBD3A/CONTENTS"][
        "chars"] > 0
