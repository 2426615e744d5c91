"""The source interface: list items, read their bytes, never write.

A source knows where bytes live (a disk, a bucket, a share) and nothing of what
they mean. Extraction and detection never know which source produced the bytes.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator
from typing import Protocol

from phiscan.model import SourceItem


class SourceReadError(Exception):
    """An item could not be read. The message is safe to store (no content)."""

    def __init__(self, message: str, os_errno: int | None = None) -> None:
        super().__init__(message)
        self.os_errno = os_errno


UNAVAILABLE_PREFIX = "source unavailable"


class SourceReadUnavailable(SourceReadError):
    """An item could not be read because its source went away (share unmounted,
    connection lost, access revoked): an error row, and the run ends `incomplete`."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"{UNAVAILABLE_PREFIX}: {detail}")


class SourceUnavailable(Exception):
    """The source as a whole cannot be listed (no such bucket or share, logon failure,
    connection lost mid-listing). The scan goes on with other sources and ends
    `incomplete`. The message is safe to print (no credentials, no content)."""


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


def too_large_reason(size: int) -> str:
    return f"too large: {size} bytes > max_file_bytes"


def display_uri(uri: str) -> str:
    """A source URI without any user info (`smb://alice@host/share` -> `smb://host/share`)."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    authority, slash, path = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"


def read_bounded(read: Callable[[int], bytes], limit: int, chunk_size: int = 1 << 20) -> bytes:
    """At most `limit` bytes from a stream, in chunks, stopping at end of stream."""
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = read(min(remaining, chunk_size))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
