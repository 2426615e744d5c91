"""The source interface: list items, read their bytes, never write.

A source knows where bytes live (a disk, a bucket, a share) and nothing of what
they mean. Extraction and detection never know which source produced the bytes.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from typing import Protocol

from phiscan.model import SourceItem


class SourceReadError(Exception):
    """An item could not be read. The message is safe to store (no content)."""


class Source(Protocol):
    uri: str

    def walk(self) -> Iterator[SourceItem]:
        """Every item under the source, lazily. Unreadable ones come with skip_reason."""
        ...

    def read(self, item: SourceItem, max_bytes: int) -> bytes:
        """The item's bytes (at most max_bytes + 1, so callers can tell it grew)."""
        ...

    def close(self) -> None: ...


def matches_globs(relative_path: str, include: list[str], exclude: list[str]) -> bool:
    """Include (empty = everything) then exclude, matched on the path below the root
    and on the base name, so `*.csv` and `exports/**` both work."""
    name = relative_path.rsplit("/", 1)[-1]

    def hit(patterns: list[str]) -> bool:
        return any(
            fnmatch.fnmatchcase(relative_path, pattern) or fnmatch.fnmatchcase(name, pattern)
            for pattern in patterns
        )

    if include and not hit(include):
        return False
    return not hit(exclude)
