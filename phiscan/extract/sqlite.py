"""SQLite databases: every table's rows with their column names.

The bytes already read are loaded into an in-memory database (`deserialize`): the
file on the share is never opened by SQLite, so no journal, WAL or lock can appear
beside it, and no copy of its content is written to a temporary file either. The
connection is query-only and trusts nothing in the schema; views and virtual
tables are not run (their data lives in real tables, which are read).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.dbtables import Tables

SQLITE_MAGIC = b"SQLite format 3\x00"
# Header bytes 18-19: 2 = WAL. An in-memory copy cannot use a WAL; the file's own
# content reads the same in rollback mode (the WAL file beside it is its own row).
WAL_VERSION_BYTES = slice(18, 20)


def open_copy(data: bytes) -> sqlite3.Connection:
    if not data.startswith(SQLITE_MAGIC):
        raise Skip("no SQLite header: encrypted database or not SQLite")
    image = bytearray(data)
    if image[WAL_VERSION_BYTES] == b"\x02\x02":
        image[WAL_VERSION_BYTES] = b"\x01\x01"
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(bytes(image))
        connection.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
        connection.execute("PRAGMA query_only = ON")
        connection.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.Error as exc:
        connection.close()
        raise ExtractionError(f"malformed sqlite: {type(exc).__name__}") from None
    return connection


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def table_names(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    return [name for name, sql in rows
            if not name.startswith("sqlite_")
            and not (sql or "").lstrip().upper().startswith("CREATE VIRTUAL")]


def extract_sqlite(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    tables = Tables(ctx)
    with closing(open_copy(data)) as connection:
        try:
            for table in table_names(connection):
                cursor = connection.execute(
                    f"SELECT * FROM {quoted(table)} LIMIT ?", (ctx.limits.max_table_rows + 1,))
                columns = [column[0] for column in cursor.description or ()]
                yield from tables.rows(table, columns, cursor)
        except sqlite3.Error as exc:
            raise ExtractionError(f"malformed sqlite: {type(exc).__name__}") from None
    tables.finish()
