"""dBase / FoxPro tables (.dbf) through dbfread (MIT): every record with its field names.

dbfread reads only from a path. The bytes already read are handed to it through
an anonymous in-memory file (`memfd_create`): nothing is written to disk and the
file on the share is not opened again. Memo fields live in a separate file
(.dbt/.fpt) that this reader cannot see from one file's bytes: they read as empty
here, and the memo file is its own location.
"""

from __future__ import annotations

import os
import posixpath
import struct
from collections.abc import Iterator
from contextlib import contextmanager

from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.dbtables import Tables

# Version bytes of dBase II-7, FoxBASE, FoxPro and Visual FoxPro tables.
DBF_VERSIONS = frozenset({0x02, 0x03, 0x04, 0x05, 0x07, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83,
                          0x8B, 0x8E, 0xCB, 0xF5, 0xFB})
HEADER_BYTES = 32


@contextmanager
def memory_path(data: bytes) -> Iterator[str]:
    """A path that reads `data`, backed by memory only."""
    descriptor = os.memfd_create("phiscan-dbf", os.MFD_CLOEXEC)
    try:
        os.write(descriptor, data)
        yield f"/proc/self/fd/{descriptor}"
    finally:
        os.close(descriptor)


def check_header(data: bytes) -> None:
    if len(data) < HEADER_BYTES or data[0] not in DBF_VERSIONS:
        raise ExtractionError("malformed dbf: not a dBase table")


def extract_dbf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    from dbfread import DBF
    from dbfread.exceptions import DBFNotFound

    check_header(data)
    table_name = posixpath.splitext(ctx.name)[0] or "table"
    tables = Tables(ctx)
    with memory_path(data) as path:
        try:
            table = DBF(path, ignorecase=False, ignore_missing_memofile=True,
                        char_decode_errors="replace", recfactory=None)
            yield from tables.rows(table_name, table.field_names,
                                   ([value for _name, value in record] for record in table))
        except (ValueError, KeyError, IndexError, EOFError, struct.error, DBFNotFound,
                OSError) as exc:
            raise ExtractionError(f"malformed dbf: {type(exc).__name__}") from None
    tables.finish()

