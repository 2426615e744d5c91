"""CSV and TSV: one record per row, column names kept beside the values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, Piece, record_unit
from phiscan.extract.text import decode_text

csv.field_size_limit(16 * 1024 * 1024)


def _rows(data: bytes, delimiter: str, ctx: ExtractContext) -> Iterator[list[str]]:
    text = ctx.cap_text(decode_text(data))
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def rows_to_units(rows: Iterator[list[str]], where_prefix: str) -> Iterator[Piece]:
    """First row is the header; rows are numbered as a spreadsheet shows them."""
    header: list[str] | None = None
    for row_number, row in enumerate(rows, start=1):
        if header is None:
            if any(cell.strip() for cell in row):
                header = [cell.strip() or f"column_{index + 1}" for index, cell in enumerate(row)]
            continue
        if not any(cell.strip() for cell in row):
            continue
        names = header + [f"column_{index + 1}" for index in range(len(header), len(row))]
        where = f"{where_prefix}row {row_number}"
        yield record_unit(list(zip(names, row, strict=False)), where, where)


def extract_csv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from rows_to_units(_rows(data, ",", ctx), "")


def extract_tsv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from rows_to_units(_rows(data, "\t", ctx), "")
