"""CSV and TSV: one record per row, column names (when there are some) beside the values."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from itertools import islice

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.tables import table_units
from phiscan.extract.text import decode_text

csv.field_size_limit(16 * 1024 * 1024)
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_CHARS = 16384
SAMPLE_ROWS = 6


def _cell_counts(sample: str, delimiter: str) -> list[int]:
    rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    counts = [len(row) for row in islice(rows, SAMPLE_ROWS) if any(cell.strip() for cell in row)]
    return counts[:-1] if len(counts) > 1 and len(sample) == SAMPLE_CHARS else counts


def delimiter_of(text: str, default: str) -> str:
    """The file's own delimiter: the extension's, unless that leaves the first row one
    cell and another splits it into two or more, and most rows after it into as many (a
    `;`-separated export saved as `.csv`, as Excel writes one where the decimal mark is a
    comma: read with commas, each row was one cell, no column named)."""
    sample = text[:SAMPLE_CHARS]
    first = _cell_counts(sample, default)[:1]
    if first != [1]:
        return default
    best, widest = default, 1
    for candidate in DELIMITERS:
        counts = _cell_counts(sample, candidate)
        if counts and counts[0] > widest and 2 * counts.count(counts[0]) > len(counts):
            best, widest = candidate, counts[0]
    return best


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> list[str]:
    return [line for line in _LINE.findall(text) if line]


def _never_closes(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return True
    return False


def _rows_past_an_open_quote(text: str, delimiter: str) -> Iterator[list[str]]:
    """A quote that never closes would make the rest of the file one cell, its rows
    never read as rows: from the row where it opens, lines are read as they stand."""
    lines = _lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    started = 0
    last: list[str] | None = None
    for row in reader:
        if last is not None:
            yield last
        last, last_start, started = row, started, reader.line_num
    if last is None:
        return
    if reader.line_num - last_start > 1 and _never_closes(lines[last_start:], delimiter):
        yield from csv.reader(lines[last_start:], delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        yield last


def _rows(data: bytes, delimiter: str, ctx: ExtractContext) -> Iterator[list[str]]:
    text = decode_text(data)
    delimiter = delimiter_of(text, delimiter)
    if text.count('"') % 2 == 0:
        return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _rows_past_an_open_quote(text, delimiter)


def numbered(rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them, cells stripped."""
    for number, row in enumerate(rows, start=1):
        yield number, [cell.strip() for cell in row]


def extract_csv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, ",", ctx)), "")


def extract_tsv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, "\t", ctx)), "")
