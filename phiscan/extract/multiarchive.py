"""7-Zip, RAR and Cabinet archives through libarchive (BSD; Debian's libarchive13,
installed by `make setup`) with the libarchive-c binding (CC0). Read from memory,
never extracted to disk.

Members become children like zip members. Every member's declared size is spent
from the file's budget, and checked against `max_compression_ratio`, before its
data is decompressed (a solid archive decompresses what it passes over); a member
is read no further than its declared size. Encrypted members are `skipped:
encrypted`; an archive whose very headers are encrypted is skipped whole.
libarchive's own messages are never shown: they may quote member names.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.model import Child

MAGICS = {"7z": b"7z\xbc\xaf\x27\x1c", "rar": b"Rar!\x1a\x07", "cab": b"MSCF\x00\x00\x00\x00"}
BLOCK = 64 * 1024
ENCRYPTED = "encrypted"


def load_libarchive() -> Any:
    try:
        import libarchive
        from libarchive import ffi
    except (ImportError, OSError):  # the binding, or Debian's libarchive13 under it
        raise Skip("needs libarchive (Debian libarchive13; `make setup` installs it)") from None
    is_encrypted = ffi.libarchive.archive_entry_is_encrypted
    is_encrypted.argtypes, is_encrypted.restype = [ctypes.c_void_p], ctypes.c_int
    return libarchive


def mentions_encryption(exc: Exception) -> bool:
    text = str(getattr(exc, "msg", "")).lower()
    return "encrypt" in text or "passphrase" in text or "password" in text


def read_member(entry: Any, size: int) -> bytes:
    content = bytearray()
    for block in entry.get_blocks(BLOCK):
        content += block
        if len(content) > size:
            raise ExtractionError("archive member larger than its header says")
    return bytes(content)


def member_child(entry: Any, ctx: ExtractContext, libarchive: Any) -> Child:
    name = safe_member_name(entry.pathname or "unnamed")
    if libarchive.ffi.libarchive.archive_entry_is_encrypted(entry._entry_p):
        return Child(name, b"", skip_reason=ENCRYPTED)
    size = entry.size or 0
    if size > ctx.limits.max_member_bytes:
        return Child(name, b"", skip_reason="too large: over max_member_bytes")
    try:
        return Child(name, read_member(entry, size))
    except libarchive.ArchiveError as exc:
        if mentions_encryption(exc):
            return Child(name, b"", skip_reason=ENCRYPTED)
        return Child(name, b"", error="corrupt archive member")


def members(data: bytes, ctx: ExtractContext, kind: str) -> Iterator[Piece]:
    libarchive = load_libarchive()
    declared = 0
    try:
        with libarchive.memory_reader(data) as archive:
            for entry in archive:
                if entry.isdir or entry.issym or entry.islnk:
                    continue  # a member written from a pipe has no file type: still a file
                declared += entry.size or 0
                ctx.check_ratio(declared, len(data))
                ctx.budget.spend(entry.size or 0)
                yield member_child(entry, ctx, libarchive)
    except libarchive.ArchiveError as exc:
        if mentions_encryption(exc):
            raise Skip("encrypted archive") from None
        raise ExtractionError(f"corrupt {kind}: libarchive could not read it") from None


def reading(kind: str):  # noqa: ANN201 - an Extractor
    def extract(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
        ctx.check_depth("archive")
        if not data.startswith(MAGICS[kind]):
            raise ExtractionError(f"corrupt {kind}: not a {kind} archive")
        yield from members(data, ctx, kind)

    return extract


extract_7z = reading("7z")
extract_rar = reading("rar")
extract_cab = reading("cab")
