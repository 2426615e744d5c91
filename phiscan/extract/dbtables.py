"""Database tables as records: one unit per row, each value beside its column name,
so a name, a date of birth or an NHS number gets its field as context. A database
names its columns itself, so no header row is guessed (unlike `tables`).

Shared by the SQLite, Access, dBase and SQL-dump readers. Each table is read up to
`max_table_rows`; a database with a longer table is read table by table to that
bound and then ends as an error saying the rest was not read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from phiscan.extract.base import ExtractContext, LimitExceeded, Piece, record_unit
from phiscan.extract.spreadsheet import cell_text
from phiscan.extract.text import looks_binary

OVER_ROWS = "table over max_table_rows: the rest was not read"


def value_text(value: Any) -> str:
    """Bytes are kept only when they are text (a BLOB of a picture says nothing)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        return "" if looks_binary(raw) else raw.decode("utf-8", errors="replace")
    return cell_text(value)


class Tables:
    """Rows of every table of one database, bounded per table (a table may come in
    several pieces, as a dump's INSERT statements do: rows are numbered across them)."""

    def __init__(self, ctx: ExtractContext) -> None:
        self.ctx = ctx
        self.rows_read: dict[str, int] = {}
        self.cut_short = False

    def rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
             ) -> Iterator[Piece]:
        names = [name or f"column_{index + 1}" for index, name in enumerate(columns)]
        for row in rows:
            number = self.rows_read.get(table, 0) + 1
            if number > self.ctx.limits.max_table_rows:
                self.cut_short = True
                return
            self.rows_read[table] = number
            where = f"table {table} row {number}"
            pairs = [(names[index] if index < len(names) else f"column_{index + 1}",
                      value_text(value)) for index, value in enumerate(row)]
            unit = record_unit(pairs, where, where)
            if unit.text:
                self.ctx.spend_text(unit.text)
                yield unit

    def finish(self) -> None:
        """After every table: say so if any was cut short."""
        if self.cut_short:
            raise LimitExceeded(OVER_ROWS)
