"""OpenDocument text and presentations (.odt/.ott, .odp/.otp, .odg) from content.xml,
their master pages' headers and footers from styles.xml; spreadsheets (.ods/.ots)
through python-calamine like the other workbooks.

Paragraphs and headings (with lists, sections, frames, text boxes and notes in
them) are text; tables are rows of cells, named by a header row when there is one.
A presentation gives one unit per page, its speaker notes another. A
password-protected document (its manifest lists encryption data) is skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from phiscan.extract.archive import check_container, open_zip
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.docx_direct import parse_xml
from phiscan.extract.ole import ENCRYPTED
from phiscan.extract.tables import table_units
from phiscan.extract.workbook import book_units
from phiscan.model import TextUnit

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
PARAGRAPH_TAGS = (TEXT + "p", TEXT + "h")
ROW_CONTAINERS = (TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group")
CELL_TAGS = (TABLE + "table-cell", TABLE + "covered-table-cell")
SKIPPED = (OFFICE + "annotation-end", TEXT + "tracked-changes", OFFICE + "forms",
           TEXT + "sequence-decls", TEXT + "variable-decls", TEXT + "user-field-decls")
MAX_REPEAT = 64  # a repeated row or cell with text is read this often at most
MIMETYPES = {"text": "odt", "spreadsheet": "ods", "presentation": "odp", "graphics": "odp"}


def inline_text(element: etree._Element, out: list[str]) -> None:
    """A paragraph's text: spaces, tabs and line breaks as written; notes, frames and
    annotations inside it read in place."""
    if element.text:
        out.append(element.text)
    for child in element:
        tag = child.tag
        if tag == TEXT + "s":
            out.append(" " * int(child.get(TEXT + "c", "1") or 1))
        elif tag == TEXT + "tab":
            out.append("\t")
        elif tag == TEXT + "line-break":
            out.append("\n")
        elif tag in PARAGRAPH_TAGS:  # a paragraph in a note, a frame or an annotation
            out.append(" ")
            inline_text(child, out)
            out.append(" ")
        elif isinstance(tag, str):
            inline_text(child, out)
        if child.tail:
            out.append(child.tail)


def paragraph_text(element: etree._Element) -> str:
    out: list[str] = []
    inline_text(element, out)
    return " ".join("".join(out).split())


def repeat(element: etree._Element, attribute: str, has_text: bool) -> int:
    try:
        count = int(element.get(TABLE + attribute, "1"))
    except ValueError:
        count = 1
    return min(count, MAX_REPEAT) if has_text else 1


def table_rows(table: etree._Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in rows_of(table):
        cells: list[str] = []
        for cell in row.iterchildren(*CELL_TAGS):
            text = "\n".join(paragraph_text(p) for p in cell.iter(*PARAGRAPH_TAGS)).strip()
            cells.extend([text] * repeat(cell, "number-columns-repeated", bool(text)))
        while cells and not cells[-1]:
            cells.pop()
        rows.extend([cells] * repeat(row, "number-rows-repeated", bool(cells)))
    return rows


def rows_of(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in ROW_CONTAINERS:
            yield from rows_of(child)


@dataclass
class Story:
    """The paragraphs and tables of one part of a document, in order."""

    where: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)

    def read(self, element: etree._Element) -> None:
        for child in element:
            if child.tag in PARAGRAPH_TAGS:
                if text := paragraph_text(child):
                    self.paragraphs.append(text)
            elif child.tag == TABLE + "table":
                self.tables.append(table_rows(child))
            elif isinstance(child.tag, str) and child.tag not in SKIPPED:
                self.read(child)

    def units(self, ctx: ExtractContext) -> Iterator[Piece]:
        if self.paragraphs:
            text = ctx.spend_text("\n".join(self.paragraphs))
            yield TextUnit(text=text, where=self.where)
        prefix = "" if self.where == "body" else f"{self.where} "
        for number, rows in enumerate(self.tables, start=1):
            yield from table_units(enumerate(rows, start=1), f"{prefix}table {number} ",
                                   ctx.spend_text)


def refuse_encrypted_odf(archive: zipfile.ZipFile) -> None:
    try:
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return
    if b"encryption-data" in manifest:
        raise Skip(ENCRYPTED)


def document_part(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return parse_xml(archive.read(name))
    except KeyError:
        return None


def body_stories(content: etree._Element) -> Iterator[Story]:
    body = content.find(OFFICE + "body")
    if body is None:
        raise ExtractionError("malformed odf: no office:body")
    pages = list(body.iter(DRAW + "page"))
    if not pages:
        story = Story("body")
        story.read(body)
        yield story
        return
    for number, page in enumerate(pages, start=1):
        slide, notes = Story(f"slide {number}"), Story(f"slide {number} notes")
        for child in page:
            (notes if child.tag == PRESENTATION + "notes" else slide).read(child)
        yield slide
        yield notes


def master_stories(styles: etree._Element) -> Iterator[Story]:
    """Headers, footers and text on master pages (styles.xml)."""
    for number, master in enumerate(styles.iter(STYLE + "master-page"), start=1):
        story = Story(f"master page {number}")
        story.read(master)
        yield story


def extract_odf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    check_container(data, ctx, "odf")
    with open_zip(data, "odf") as archive:
        refuse_encrypted_odf(archive)
        content = document_part(archive, "content.xml")
        if content is None:
            raise ExtractionError("malformed odf: no content.xml")
        styles = document_part(archive, "styles.xml")
    for story in body_stories(content):
        yield from story.units(ctx)
    if styles is not None:
        for story in master_stories(styles):
            yield from story.units(ctx)


def extract_ods(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    check_container(data, ctx, "ods")
    with open_zip(data, "ods") as archive:
        refuse_encrypted_odf(archive)
    yield from book_units(data, ctx, "ods")


def odf_kind(archive: zipfile.ZipFile) -> str | None:
    """odt, ods or odp from the package's mimetype member; None when it is not ODF."""
    try:
        with archive.open("mimetype") as member:
            mimetype = member.read(100).decode("ascii", errors="replace").strip()
    except (KeyError, OSError, zipfile.BadZipFile, NotImplementedError):
        return None
    prefix = "application/vnd.oasis.opendocument."
    if not mimetype.startswith(prefix):
        return None
    return MIMETYPES.get(mimetype[len(prefix):].split("-")[0])
