"""The .docx extractor parses only the parts it reads (document, headers, footers):
the text it gives is python-docx's own (construct by construct: test_docx_fast.py),
and a damaged part it never reads does not cost the document its body."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.section import WD_SECTION

from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, word
from phiscan.extract.base import Extractor
from phiscan.model import TextUnit


def rich_docx() -> bytes:
    """Body text with tabs and breaks, a table with merged cells (its last row
    merged into one empty cell), two sections whose headers and footers are
    partly linked, partly their own."""
    document = docx.Document()
    paragraph = document.add_paragraph("Patient: Jane Smith\tNHS number: 943 476 5919")
    paragraph.add_run().add_break()
    paragraph.add_run("Key safe 4721 by the back door")
    table = document.add_table(rows=3, cols=3)
    for column, name in enumerate(["client_name", "nhs_number", "notes"]):
        table.rows[0].cells[column].text = name
    table.rows[1].cells[0].text = "John Brown"
    table.rows[1].cells[1].merge(table.rows[2].cells[1]).text = "401 023 2137"
    table.rows[2].cells[0].merge(table.rows[2].cells[2])
    document.sections[0].header.paragraphs[0].text = "Confidential: Jane Smith"
    document.sections[0].footer.paragraphs[0].text = "Leeds Community Care"
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Appendix for John Brown"
    second.header.add_table(rows=2, cols=1, width=docx.shared.Inches(2))
    document.add_paragraph("Appendix body")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def units_of(data: bytes, extract: Extractor = word.extract_docx) -> list[TextUnit]:
    return list(extract(data, ExtractContext.for_file("a.docx", LimitsConfig())))


def test_text_is_what_python_docx_reads_from_the_whole_package(monkeypatch):
    data = rich_docx()
    direct = units_of(data)
    lean = units_of(data, word.extract_docx_python_docx)
    monkeypatch.setattr(word, "load_document", lambda data: docx.Document(io.BytesIO(data)))
    assert direct == lean == units_of(data, word.extract_docx_python_docx)
    assert [(unit.where, unit.text) for unit in lean] == [
        ("body", "Patient: Jane Smith\tNHS number: 943 476 5919\n"
                 "Key safe 4721 by the back door\nAppendix body"),
        ("table 1 row 2", "client_name: John Brown\nnhs_number: 401 023 2137\n"),
        ("table 1 row 1", "notes"),  # a label over an empty column is read, not dropped
        ("section 1 header", "Confidential: Jane Smith"),
        ("section 1 footer", "Leeds Community Care"),
        ("section 2 header", "Appendix for John Brown"),
    ]


def test_a_damaged_part_that_is_never_read_does_not_hide_the_body():
    source = zipfile.ZipFile(io.BytesIO(rich_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            broken = info.filename in ("word/styles.xml", "word/settings.xml")
            target.writestr(info, b"<w:styles><unclosed" if broken else source.read(info))
    units = units_of(buffer.getvalue())
    assert units[0].where == "body"
    assert "943 476 5919" in units[0].text
