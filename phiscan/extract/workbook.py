"""Workbooks python-calamine (MIT) reads: Excel 97-2003 .xls, Excel binary .xlsb,
OpenDocument .ods, and strict OOXML .xlsx. Every sheet as rows, read like .xlsx
(`spreadsheet.sheet_units`: one record a row, named by a header row when there is one).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import python_calamine

from phiscan.extract.archive import check_container
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.ole import ENCRYPTED, OLE_MAGIC, refuse_encrypted
from phiscan.extract.spreadsheet import sheet_units

READABLE_SHEETS = (python_calamine.SheetTypeEnum.WorkSheet,
                   python_calamine.SheetTypeEnum.DialogSheet,
                   python_calamine.SheetTypeEnum.MacroSheet)


def open_book(data: bytes, kind: str) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise Skip(ENCRYPTED) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise ExtractionError(f"malformed {kind}: {type(exc).__name__}") from None


def numbered_rows(sheet: python_calamine.CalamineSheet) -> Iterator[tuple[int, list]]:
    """Rows with their sheet row numbers (calamine starts at the first used row)."""
    first = sheet.start[0] if sheet.start else 0
    for index, row in enumerate(sheet.iter_rows()):
        yield first + index + 1, row


def book_units(data: bytes, ctx: ExtractContext, kind: str) -> Iterator[Piece]:
    book = open_book(data, kind)
    try:
        for metadata in book.sheets_metadata:
            if metadata.typ not in READABLE_SHEETS:
                continue
            try:
                sheet = book.get_sheet_by_name(metadata.name)
            except python_calamine.CalamineError as exc:
                raise ExtractionError(f"malformed {kind}: {type(exc).__name__}") from None
            yield from sheet_units(metadata.name, rows_from(numbered_rows(sheet)), ctx)
    finally:
        book.close()


def rows_from(numbered: Iterator[tuple[int, list]]) -> Iterator[tuple]:
    """The rows as openpyxl gives them: empty rows included, so row numbers agree."""
    expected = 1
    for number, row in numbered:
        while expected < number:
            yield ()
            expected += 1
        yield tuple(row)
        expected += 1


def extract_xls(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    if data.startswith(OLE_MAGIC):
        refuse_encrypted(data)
    yield from book_units(data, ctx, "xls")


def extract_zipped_book(data: bytes, ctx: ExtractContext, kind: str) -> Iterator[Piece]:
    check_container(data, ctx, kind)
    yield from book_units(data, ctx, kind)


def extract_xlsb(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from extract_zipped_book(data, ctx, "xlsb")
