"""Workbooks python-calamine (MIT) reads: Excel 97-2003 .xls, Excel binary .xlsb,
OpenDocument .ods, and strict OOXML .xlsx. Every sheet as rows, read like .xlsx
(`spreadsheet.sheet_units`: one record a row, named by a header row when there is one).
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import python_calamine
import xlrd

from phiscan.extract.archive import check_container
from phiscan.extract.base import (
    ExtractContext,
    ExtractionError,
    LimitExceeded,
    Piece,
    Skip,
    native_stderr_silenced,
)
from phiscan.extract.docx_direct import parse_xml
from phiscan.extract.embedded import embedded_files
from phiscan.extract.ole import (
    ENCRYPTED,
    OLE_MAGIC,
    biff_encrypted,
    embedded_objects,
    open_ole,
    refuse_encrypted,
)
from phiscan.extract.presentation import PARAGRAPHS, paragraph_text
from phiscan.extract.spreadsheet import extract_xlsx, sheet_units
from phiscan.model import TextUnit

T = TypeVar("T")
READABLE_SHEETS = (python_calamine.SheetTypeEnum.WorkSheet,
                   python_calamine.SheetTypeEnum.DialogSheet,
                   python_calamine.SheetTypeEnum.MacroSheet)


def calamine(kind: str, call: Callable[..., T], *args: Any) -> T:
    """A call into calamine; its failures (a Rust panic is a BaseException) as ours."""
    try:
        with native_stderr_silenced():
            return call(*args)
    except python_calamine.PasswordError:
        raise Skip(ENCRYPTED) from None
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - the library's own error types vary
        raise ExtractionError(f"malformed {kind}: {type(exc).__name__}") from None
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise ExtractionError(f"malformed {kind}: reader panicked") from None


def open_book(data: bytes, kind: str) -> python_calamine.CalamineWorkbook:
    return calamine(kind, python_calamine.CalamineWorkbook.from_filelike, io.BytesIO(data))


def sheet_rows(book: python_calamine.CalamineWorkbook, name: str, kind: str
               ) -> Iterator[tuple]:
    """The rows as openpyxl gives them, from row 1 (calamine starts at the first used row)."""
    sheet = calamine(kind, book.get_sheet_by_name, name)
    rows = calamine(kind, sheet.to_python)
    first = calamine(kind, lambda: sheet.start)
    for _ in range(first[0] if first else 0):
        yield ()
    for row in rows:
        yield tuple(row)


def book_units(data: bytes, ctx: ExtractContext, kind: str) -> Iterator[Piece]:
    book = open_book(data, kind)
    try:
        for metadata in calamine(kind, lambda: book.sheets_metadata):
            if metadata.typ in READABLE_SHEETS:
                yield from sheet_units(metadata.name, sheet_rows(book, metadata.name, kind), ctx)
    finally:
        book.close()


def xlrd_value(cell: xlrd.sheet.Cell, datemode: int) -> Any:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    return None if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else cell.value


def xlrd_units(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """xlrd (BSD) for the Excel 97 files calamine refuses (and Excel 5/95 ones)."""
    if biff_encrypted(data):  # a bare BIFF workbook, no OLE file around it
        raise Skip(ENCRYPTED)
    try:
        # xlrd's notes go to a log that is dropped: they may quote cell content
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO())
    except (xlrd.XLRDError, ValueError, struct.error, IndexError, KeyError, OSError) as exc:
        raise ExtractionError(f"malformed xls: {type(exc).__name__}") from None
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = (tuple(xlrd_value(cell, book.datemode) for cell in sheet.row(number))
                    for number in range(sheet.nrows))
            yield from sheet_units(sheet.name, rows, ctx)
    finally:
        book.release_resources()


def extract_xls(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    if data.startswith(OLE_MAGIC):
        refuse_encrypted(data)
    try:
        open_book(data, "xls").close()
    except ExtractionError:
        yield from xlrd_units(data, ctx)
    else:
        yield from book_units(data, ctx, "xls")
    if data.startswith(OLE_MAGIC):
        ole = open_ole(data, "xls")
        try:
            yield from embedded_objects(ole, ctx)
        finally:
            ole.close()


def extract_zipped_book(data: bytes, ctx: ExtractContext, kind: str) -> Iterator[Piece]:
    check_container(data, ctx, kind)
    yield from book_units(data, ctx, kind)
    yield from embedded_files(data, ctx)


def extract_xlsb(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from extract_zipped_book(data, ctx, "xlsb")


STRICT_MARK = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def is_strict(data: bytes) -> bool:
    """Strict OOXML (ISO 29500 strict namespaces), which openpyxl reads as no sheets."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("xl/workbook.xml") as part:
            return STRICT_MARK in part.read(2048)
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, NotImplementedError):
        return False


HEADER_FOOTER = re.compile(rb"<(?:\w+:)?headerFooter[\s>/].*?(?:</(?:\w+:)?headerFooter>|/>)",
                           re.DOTALL)
HEADER_FOOTER_TEXT = re.compile(
    rb"<(?:\w+:)?(?:odd|even|first)(?:Header|Footer)(?:\s[^>]*)?>(.*?)</", re.DOTALL)
# Excel's header codes: &"font,style", &12 (size), &KFF0000 (colour), &L &C &R &P &D ...
HEADER_CODES = re.compile(r'&"[^"]*"|&K[0-9A-Fa-f]{6}|&\d+|&[A-Za-z]')
SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")
SHEET_EXTRA_PART = re.compile(r"xl/(drawings/drawing|comments/comment|comments)\d*\.xml")
CHUNK = 1 << 20


def header_footer_of(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[str]:
    """The header and footer texts of one sheet part: it comes after the rows, so the
    part is searched as it is decompressed, a chunk at a time, never held whole."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if found := HEADER_FOOTER.search(window):
                texts = [html.unescape(text.decode("utf-8", errors="replace"))
                         for text in HEADER_FOOTER_TEXT.findall(found.group())]
                return [cleaned for text in texts
                        if (cleaned := " ".join(HEADER_CODES.sub(" ", text).split()))]
            tail = window[-4096:]
    return []


def header_footer_units(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """Each sheet's page headers and footers (one unit a sheet part)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = sorted((info for info in archive.infolist()
                        if SHEET_PART.fullmatch(info.filename)), key=lambda info: info.filename)
        for info in parts:
            if texts := header_footer_of(archive, info):
                where = f"{info.filename.rsplit('/', 1)[1].removesuffix('.xml')} header/footer"
                yield TextUnit(text=ctx.spend_text("\n".join(dict.fromkeys(texts))),
                               where=where)


def drawing_and_comment_units(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """Text boxes and shapes drawn on sheets (xl/drawings), and cell comments."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in sorted(archive.infolist(), key=lambda info: info.filename):
            kind = SHEET_EXTRA_PART.fullmatch(info.filename)
            if kind is None:
                continue
            root = parse_xml(archive.read(info))
            if kind.group(1) == "drawings/drawing":
                texts = [paragraph_text(p).strip() for p in PARAGRAPHS(root)]
            else:
                texts = ["".join(t.text or "" for t in comment.iter("{*}t")).strip()
                         for comment in root.iter("{*}comment")]
            if text := "\n".join(text for text in texts if text):
                where = info.filename.removeprefix("xl/").removesuffix(".xml")
                yield TextUnit(text=ctx.spend_text(text), where=where)


def calamine_instead(data: bytes, ctx: ExtractContext, error: ExtractionError
                     ) -> Iterator[Piece]:
    """calamine's rows; openpyxl's error when calamine reads nothing either."""
    units = book_units(data, ctx, "xlsx")
    try:
        first = next(units, None)
    except (ExtractionError, Skip):
        first = None
    if first is None:
        raise error
    yield first
    yield from units


def openpyxl_or_calamine(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """The streaming reader (openpyxl's values); a workbook openpyxl calls malformed
    before giving anything (a part it expects and Excel does not need) through calamine."""
    units = extract_xlsx(data, ctx)
    try:
        first = next(units, None)
    except ExtractionError as exc:
        if isinstance(exc, LimitExceeded) or not str(exc).startswith("malformed xlsx"):
            raise
        yield from calamine_instead(data, ctx, exc)
        return
    if first is not None:
        yield first
        yield from units


def extract_ooxml_workbook(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """.xlsx/.xlsm/.xltx: the streaming reader; a strict OOXML workbook through calamine.
    Then what neither reader gives: page headers and footers, text boxes, comments."""
    if is_strict(data):
        yield from extract_zipped_book(data, ctx, "xlsx")
    else:
        yield from openpyxl_or_calamine(data, ctx)
        yield from embedded_files(data, ctx)
    yield from header_footer_units(data, ctx)
    yield from drawing_and_comment_units(data, ctx)
