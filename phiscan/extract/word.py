"""Word .docx: body paragraphs, tables as records under their header cells,
headers and footers of every section.

Only the parts whose text is read (the main document, headers, footers) are
parsed; styles, numbering, settings, comments and properties stay unparsed
bytes. Parsing them was most of the time python-docx spent on a short letter.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.opc.constants import CONTENT_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import Unmarshaller
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.table import Table

from phiscan.extract.archive import check_container
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.model import TextUnit


class TextPartFactory(PartFactory):
    """python-docx's part factory, with XML part classes only for the parts we read."""

    part_type_for = {CONTENT_TYPE.WML_DOCUMENT_MAIN: DocumentPart,
                     CONTENT_TYPE.WML_HEADER: HeaderPart, CONTENT_TYPE.WML_FOOTER: FooterPart}


def load_document(data: bytes) -> docx.document.Document:
    """`docx.Document(...)`, through the text-only part factory."""
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(io.BytesIO(data)), package, TextPartFactory)
    document_part = package.main_document_part
    if document_part.content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:
        raise ValueError("not a Word document")
    return document_part.document


def open_document(data: bytes, ctx: ExtractContext) -> docx.document.Document:
    check_container(data, ctx, "docx")
    try:
        return load_document(data)
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ExtractionError(f"malformed docx: {type(exc).__name__}") from None


def paragraphs_unit(paragraphs: list[str], where: str, ctx: ExtractContext) -> TextUnit | None:
    text = "\n".join(paragraph for paragraph in paragraphs if paragraph.strip())
    return TextUnit(text=ctx.spend_text(text), where=where) if text else None


def table_units(table: Table, where: str, ctx: ExtractContext) -> Iterator[TextUnit]:
    """First row names the columns; each later row is one record."""
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if not rows:
        return
    header = [name or f"column_{index + 1}" for index, name in enumerate(rows[0])]
    for row_number, row in enumerate(rows[1:], start=2):
        names = header + [f"column_{index + 1}" for index in range(len(header), len(row))]
        unit = record_unit(list(zip(names, row, strict=False)), f"{where} row {row_number}",
                           f"{where} row {row_number}")
        if unit.text:
            ctx.spend_text(unit.text)
            yield unit


def header_footer_units(document: docx.document.Document, ctx: ExtractContext
                        ) -> Iterator[TextUnit]:
    for number, section in enumerate(document.sections, start=1):
        for kind, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            unit = paragraphs_unit([p.text for p in part.paragraphs],
                                   f"section {number} {kind}", ctx)
            if unit:
                yield unit
            for index, table in enumerate(part.tables, start=1):
                yield from table_units(table, f"section {number} {kind} table {index}", ctx)


def extract_docx(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    document = open_document(data, ctx)
    body = paragraphs_unit([p.text for p in document.paragraphs], "body", ctx)
    if body:
        yield body
    for index, table in enumerate(document.tables, start=1):
        yield from table_units(table, f"table {index}", ctx)
    yield from header_footer_units(document, ctx)
