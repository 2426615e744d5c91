"""Word .docx: body paragraphs, tables as records under their header cells,
headers and footers of every section."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from phiscan.extract.archive import check_container
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.model import TextUnit


def open_document(data: bytes, ctx: ExtractContext) -> docx.document.Document:
    check_container(data, ctx, "docx")
    try:
        return docx.Document(io.BytesIO(data))
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
