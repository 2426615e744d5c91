"""Microsoft Access databases (.mdb/.accdb) through access-parser (Apache-2.0): every
user table's rows with their column names.

access-parser reads from a path; the bytes already read reach it through an
in-memory file (see `dbase.memory_path`). It is a young pure-Python parser: any
failure it raises ends the file as `error: malformed access (Type)`, and its logger
is silenced (its messages can quote record bytes). Encrypted databases (a database
password, or ACCDB encryption) are not read: libraries that decrypt them are not
permissively licensed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice

from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.dbase import memory_path
from phiscan.extract.dbtables import Tables

ACCESS_MAGICS = (b"Standard Jet DB", b"Standard ACE DB")
MAGIC_OFFSET = 4
SYSTEM_TABLE_PREFIX = "MSys"



def silence(name: str) -> None:
    """A library logger and its children (`access_parser.utils`) kept off every handler."""
    logger = logging.getLogger(name)
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


silence("access_parser")


def is_access(data: bytes) -> bool:
    return data[MAGIC_OFFSET:MAGIC_OFFSET + 15] in ACCESS_MAGICS


def table_rows(columns: dict[str, list], limit: int) -> tuple[list[str], Iterator[list]]:
    names = list(columns)
    return names, (list(row) for row in islice(zip(*columns.values(), strict=False), limit))


def extract_access(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    if not is_access(data):
        raise ExtractionError("malformed access: not an Access database")
    from access_parser import AccessParser

    tables = Tables(ctx)
    with memory_path(data) as path:
        try:
            database = AccessParser(path)
            for name in list(database.catalog):
                if name.startswith(SYSTEM_TABLE_PREFIX):
                    continue
                names, rows = table_rows(database.parse_table(name) or {},
                                         ctx.limits.max_table_rows + 1)
                yield from tables.rows(name, names, rows)
        except (ExtractionError, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - the parser fails in many ways on damage
            raise ExtractionError(f"malformed access ({type(exc).__name__})") from None
    tables.finish()
