"""Word .docx: body paragraphs, tables as records (under their header cells when the
first row is a header: `tables`),
headers and footers of every section.

The text is read straight from the main document, header and footer XML
(`docx_direct`), with python-docx's semantics; styles, numbering, settings,
images and properties are never decompressed. A document that reader does not
reproduce exactly (vertically merged cells, damage python-docx would fail on)
is read by python-docx, through a part factory that parses only the same parts.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

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
from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.docx_direct import (
    WORD_MAIN_TYPES,
    Block,
    Paragraphs,
    TableRows,
    read_blocks_or_none,
    supplementary_blocks_or_none,
)
from phiscan.extract.embedded import embedded_files
from phiscan.extract.tables import table_units
from phiscan.model import TextUnit


class TextPartFactory(PartFactory):
    """python-docx's part factory, with XML part classes only for the parts we read."""

    part_type_for = {**dict.fromkeys(WORD_MAIN_TYPES, DocumentPart),
                     CONTENT_TYPE.WML_HEADER: HeaderPart, CONTENT_TYPE.WML_FOOTER: FooterPart}


def load_document(data: bytes) -> docx.document.Document:
    """`docx.Document(...)`, through the text-only part factory."""
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(io.BytesIO(data)), package, TextPartFactory)
    document_part = package.main_document_part
    if document_part.content_type not in WORD_MAIN_TYPES:
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


def block_units(blocks: Iterable[Block], ctx: ExtractContext) -> Iterator[TextUnit]:
    for block in blocks:
        if isinstance(block, TableRows):
            yield from table_units(enumerate(block.rows, start=1), f"{block.where} ",
                                   ctx.spend_text)
        elif unit := paragraphs_unit(block.texts, block.where, ctx):
            yield unit


def table_rows(table: Table) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


def python_docx_blocks(document: docx.document.Document) -> Iterator[Block]:
    """The same blocks, through python-docx's object model; lazily, so an error in a
    later part comes after the units of the earlier ones."""
    yield Paragraphs("body", [p.text for p in document.paragraphs])
    for index, table in enumerate(document.tables, start=1):
        yield TableRows(f"table {index}", table_rows(table))
    for number, section in enumerate(document.sections, start=1):
        for kind, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            where = f"section {number} {kind}"
            yield Paragraphs(where, [p.text for p in part.paragraphs])
            for index, table in enumerate(part.tables, start=1):
                yield TableRows(f"{where} table {index}", table_rows(table))


def extract_docx_python_docx(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """The reference reading (and the fallback): python-docx's object model, then the
    parts it never reads (text boxes, other headers and footers, notes, comments)."""
    document = open_document(data, ctx)
    yield from block_units(python_docx_blocks(document), ctx)
    yield from block_units(supplementary_blocks_or_none(data), ctx)


def extract_docx(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    check_container(data, ctx, "docx")
    blocks = read_blocks_or_none(data)
    if blocks is None:
        yield from extract_docx_python_docx(data, ctx)
    else:
        yield from block_units(blocks, ctx)
    yield from embedded_files(data, ctx)
