"""Plain text: txt, log, md and anything sniffed as text.

A pipe table written in the text (Markdown's `| Patient | DOB | Nurse |` over `|---|---|`
and its rows, or the same without the rule) is a table: one record per row, cells named
by its header (`phiscan.extract.tables.table_units`), so a `Nurse` column is staff's and
a row's date of birth is its own person's. Read as prose, the whole table was one record
whose dates had no birth word: its patients were missed or joined into one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.encoding import decode_text, looks_binary
from phiscan.extract.tables import table_units
from phiscan.model import TextUnit

__all__ = ["decode_text", "extract_text", "looks_binary"]  # decoding lives in .encoding

MIN_TABLE_ROWS = 2  # a header and a row, or two rows
MIN_CELLS = 2
RULE_CELL = re.compile(r":?-{3,}:?")
PIPE_LINE = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*\r?$", re.MULTILINE)


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe-table line (`| a | b |`), None for any other line."""
    stripped = line.strip()
    if len(stripped) < 3 or not stripped.startswith("|") or not stripped.endswith("|"):
        return None
    cells = [cell.strip() for cell in stripped[1:-1].split("|")]
    return cells if len(cells) >= MIN_CELLS else None


def is_rule(cells: list[str]) -> bool:
    """`|---|:---:|`: the line under a Markdown table's header."""
    return all(RULE_CELL.fullmatch(cell) for cell in cells)


def pipe_tables(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line spans of the pipe tables: runs of pipe lines of one width."""
    spans, at = [], 0
    while at < len(lines):
        cells = pipe_cells(lines[at])
        end = at + 1
        while cells is not None and end < len(lines):
            following = pipe_cells(lines[end])
            if following is None or len(following) != len(cells):
                break
            end += 1
        rows = [line for line in lines[at:end] if not is_rule(pipe_cells(line) or [])]
        if cells is not None and len(rows) >= MIN_TABLE_ROWS:
            spans.append((at, end))
        at = end
    return spans


def extract_text(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    ctx.text_chars_total = len(text)  # a deadline's reason says how much of it was read
    # Most texts hold no pipe line: found at C speed, a 30 MB note is never split in lines
    # (the per-file timeout counts from the read).
    lines = text.split("\n") if "|" in text and PIPE_LINE.search(text) else []
    spans = pipe_tables(lines)
    if not spans:
        if text.strip():
            yield TextUnit(text=text)
        return
    tables = []
    for first, end in spans:
        rows = [cells for line in lines[first:end]
                if not is_rule(cells := pipe_cells(line) or [])]
        tables.append(rows)
        lines[first:end] = [""] * (end - first)  # line numbers of the prose stay as written
    prose = "\n".join(lines)
    if prose.strip():
        yield TextUnit(text=prose)
    for number, rows in enumerate(tables, start=1):
        yield from table_units(enumerate(rows, start=1), f"table {number} ", ctx.spend_text)
