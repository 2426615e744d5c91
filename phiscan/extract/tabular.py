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


def _swallowed(span: list[str], delimiter: str, width: int | None) -> bool:
    """Whether a row read over several lines is really those lines' rows: its quote never
    closes, or every line read as it stands has the header's number of cells."""
    if _never_closes(span, delimiter):
        return True
    written = [line for line in span if line.strip()]
    return width is not None and width > 1 and all(
        len(cells) == width
        for cells in csv.reader(written, delimiter=delimiter, quoting=csv.QUOTE_NONE))


def _rows_as_written(text: str, delimiter: str) -> Iterator[list[str]]:
    """The file's rows. A quote that does not close in its own cell (a stray `"` in a
    note: `said "fine`) makes every line up to the next quote, or to the end of the file,
    one cell, so their rows were never read as rows: such a row is read line by line as it
    stands. A quoted cell over several lines (a note with line breaks) stays one cell."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[str] | None = None
    width: int | None = None
    first_line = 0
    for row in reader:
        span = (first_line, reader.line_num)
        first_line = reader.line_num
        if span[1] - span[0] > 1:
            lines = _lines(text) if lines is None else lines
            written = lines[span[0]:span[1]]
            if _swallowed(written, delimiter, width):
                yield from csv.reader(written, delimiter=delimiter, quoting=csv.QUOTE_NONE)
                continue
        width = len(row) if width is None else width
        yield row


def _rows(data: bytes, delimiter: str, ctx: ExtractContext) -> Iterator[list[str]]:
    text = decode_text(data)
    return _rows_as_written(text, delimiter_of(text, delimiter))


def numbered(rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them, cells stripped."""
    for number, row in enumerate(rows, start=1):
        yield number, [cell.strip() for cell in row]


def extract_csv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, ",", ctx)), "")


def extract_tsv(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from table_units(numbered(_rows(data, "\t", ctx)), "")
