"""Excel .xlsx: every sheet, one record per row, named by a header row when there is one.

Rows are streamed by `xlsx_stream`, which gives exactly the values openpyxl's
read-only mode gives at a fraction of its cost. Whatever that reader does not
reproduce, or any failure, sends the workbook through openpyxl itself, skipping
the records already yielded: statuses and errors stay openpyxl's.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from itertools import islice
from typing import Any

import openpyxl

from phiscan.extract.archive import check_container
from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.tables import table_units
from phiscan.extract.xlsx_stream import open_book, sheet_rows


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a cell, not 9434765919.0
    return str(value)


# What openpyxl raises on a damaged workbook; defusedxml's refusals are ValueErrors.
WORKBOOK_ERRORS = (KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile, OSError)


def malformed(exc: Exception) -> ExtractionError:
    return ExtractionError(f"malformed xlsx: {type(exc).__name__}")


def open_workbook(data: bytes, ctx: ExtractContext) -> Any:
    check_container(data, ctx, "xlsx")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except WORKBOOK_ERRORS as exc:
        raise malformed(exc) from None


def sheet_units(title: str, rows: Iterator[tuple[Any, ...]], ctx: ExtractContext
                ) -> Iterator[Piece]:
    numbered = ((number, [cell_text(value).strip() for value in row])
                for number, row in enumerate(rows, start=1))
    yield from table_units(numbered, f"sheet {title} ", ctx.spend_text)


def extract_xlsx(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    check_container(data, ctx, "xlsx")
    chars_before, yielded = ctx.text_chars_used, 0
    try:
        for unit in streamed_units(data, ctx):
            yield unit
            yielded += 1
    except (ExtractionError, MemoryError):  # over max_text_chars: openpyxl stops at the same unit
        raise
    except Exception:  # noqa: BLE001 - openpyxl decides what this workbook gives
        ctx.text_chars_used = chars_before
        yield from islice(extract_xlsx_openpyxl(data, ctx), yielded, None)


def streamed_units(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = open_book(archive)
        for sheet in book.sheets:
            yield from sheet_units(sheet.title, sheet_rows(book, sheet), ctx)


def extract_xlsx_openpyxl(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """The reference reader: openpyxl's read-only mode, also the fallback."""
    workbook = open_workbook(data, ctx)
    try:
        for sheet in workbook.worksheets:
            yield from sheet_units(sheet.title, sheet.iter_rows(values_only=True), ctx)
    except WORKBOOK_ERRORS as exc:  # read-only mode parses each sheet as it is read
        raise malformed(exc) from None
    finally:
        workbook.close()
