"""CSV and TSV: one record per row, column names (when there are some) beside the values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.tables import table_units
from phiscan.extract.text import decode_text

csv.field_size_limit(16 * 1024 * 1024)


def _rows(data: bytes, delimiter: str, ctx: ExtractContext) -> Iterator[list[str]]:
    text = decode_text(data)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def numbered(rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them, cells stripped."""
    for number, row in enumerate(rows, start=1):
        yield number, [cell.strip() for cell in row]


def extract_csv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, ",", ctx)), "")


def extract_tsv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, "\t", ctx)), "")
