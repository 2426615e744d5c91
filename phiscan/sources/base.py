"""The source interface: list items, read their bytes, never write.

A source knows where bytes live (a disk, a bucket, a share) and nothing of what
they mean. Extraction and detection never know which source produced the bytes.
"""

from __future__ import annotations

import fnmatch
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Protocol

from phiscan.model import SourceItem
from phiscan.policy.globs import parsed_glob


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


def glob_hits(pattern: str, relative_path: str, location: str = "") -> bool:
    """One `--include`/`--exclude` glob against one path: as `fnmatch` on the path below
    the root or on the base name (`*.csv`, `backups/*`), or as a policy glob (one
    definition, `phiscan.policy.globs`): a folder names its whole tree (`Scans`, `Scans/`), and
    a glob starting with `/` or a scheme is matched against the whole location."""
    name = relative_path.rsplit("/", 1)[-1]
    if fnmatch.fnmatchcase(relative_path, pattern) or fnmatch.fnmatchcase(name, pattern):
        return True
    anchored = pattern.startswith("/") or "://" in pattern
    target = location if anchored else relative_path
    return bool(target) and parsed_glob(pattern).matches(target)


def matches_globs(relative_path: str, include: list[str], exclude: list[str],
                  location: str = "") -> bool:
    """Include (empty = everything) then exclude (`glob_hits`)."""
    if include and not any(glob_hits(p, relative_path, location) for p in include):
        return False
    return not any(glob_hits(p, relative_path, location) for p in exclude)


class PathFilter:
    """A walk's `--include`/`--exclude` (`matches_globs`), counting the files each glob
    took in or left out and the files hidden, so the scan can warn about a glob that
    matched nothing and a walk whose every file the globs hid."""

    def __init__(self, include: list[str], exclude: list[str]) -> None:
        self.include = list(include)
        self.exclude = list(exclude)
        self.used: Counter[tuple[str, str]] = Counter()
        self.hidden = 0

    def admits(self, relative_path: str, location: str = "") -> bool:
        if self.include:
            taken = [p for p in self.include if glob_hits(p, relative_path, location)]
            self.used.update(("include", p) for p in taken)
            if not taken:
                self.hidden += 1
                return False
        left_out = [p for p in self.exclude if glob_hits(p, relative_path, location)]
        self.used.update(("exclude", p) for p in left_out)
        if left_out:
            self.hidden += 1
        return not left_out

    def unused(self) -> list[str]:
        """`--include X` / `--exclude Y` for each glob that matched no file."""
        return [f"--{kind} {pattern}" for kind, patterns in (("include", self.include),
                                                            ("exclude", self.exclude))
                for pattern in patterns if not self.used[(kind, pattern)]]


def too_large_reason(size: int) -> str:
    return f"too large: {size} bytes > max_file_bytes"


def display_uri(uri: str) -> str:
    """A source URI without any user info (`smb://alice@host/share` -> `smb://host/share`)."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    authority, slash, path = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"


# Ports a URI may name or leave out: either way one source.
DEFAULT_PORTS = {"smb": 445, "http": 80, "https": 443}


def source_key(source: str) -> str:
    """One key per source however it was written, to say whether a later run read what an
    earlier one could not: a URI without user info, its scheme and host in lower case, no
    default port and no trailing `/` (`smb://alice@H:445/share/` -> `smb://h/share`); a
    local path without a trailing `/`. A local path must already be absolute: a relative
    one is resolved at scan time (`scan_source_key`), never against a later cwd."""
    scheme, sep, rest = source.partition("://")
    if not sep:
        return source.rstrip("/") or "/"
    authority, _, path = rest.partition("/")
    host = authority.rpartition("@")[2].lower()
    name, colon, port = host.rpartition(":")
    if colon and "]" not in port and port == str(DEFAULT_PORTS.get(scheme.lower())):
        host = name
    path = path.rstrip("/")
    return f"{scheme.lower()}://{host}" + (f"/{path}" if path else "")


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
