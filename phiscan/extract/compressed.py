"""gzip, bzip2 and xz files, and tar archives bare or inside them (standard library only).

Decompression is pulled, a block at a time, through `Expansion`: it never produces
more than the file's expanded-bytes allowance plus one byte, and stops as soon as
the output outgrows `max_compression_ratio` times the compressed size. A bomb is an
`error` row after a few megabytes of work, not a full memory. Tar members become
children like zip members: counted, sized and nested under the same budget.
"""

from __future__ import annotations

import bz2
import io
import lzma
import os
import tarfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece
from phiscan.model import Child

BLOCK = 64 * 1024
TAR_MAGIC_OFFSET = 257
TAR_NAMES = (".tar", ".tgz", ".tbz", ".tbz2", ".txz")


class Decompressor(Protocol):
    eof: bool
    needs_input: bool
    unused_data: bytes

    def decompress(self, data: bytes, max_length: int = -1) -> bytes: ...


class GzipDecompressor:
    """zlib's gzip reader with the interface bz2 and lzma share (input held back
    by max_length stays inside, `needs_input` says when to give more)."""

    def __init__(self) -> None:
        self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._tail = b""

    @property
    def eof(self) -> bool:
        return self._zlib.eof

    @property
    def needs_input(self) -> bool:
        return not self._tail

    @property
    def unused_data(self) -> bytes:
        return self._zlib.unused_data

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        output = self._zlib.decompress(self._tail + data, max(max_length, 0))
        self._tail = self._zlib.unconsumed_tail
        return output


@dataclass(frozen=True)
class Codec:
    name: str
    magic: bytes
    open: Callable[[], Decompressor]
    suffixes: tuple[str, ...]


CODECS = {
    "gzip": Codec("gzip", b"\x1f\x8b", GzipDecompressor, (".gz", ".tgz", ".gzip")),
    "bzip2": Codec("bzip2", b"BZh", bz2.BZ2Decompressor, (".bz2", ".tbz", ".tbz2")),
    "xz": Codec("xz", b"\xfd7zXZ\x00", lzma.LZMADecompressor, (".xz", ".txz")),
}
DECOMPRESSION_ERRORS = (zlib.error, OSError, lzma.LZMAError, EOFError, ValueError)


class Expansion(io.RawIOBase):
    """The decompressed bytes of one file, concatenated streams included, produced
    only as they are read and only within the limits."""

    def __init__(self, data: bytes, codec: Codec, ctx: ExtractContext) -> None:
        super().__init__()
        self.codec, self.ctx = codec, ctx
        self.compressed = len(data)
        self.pending = memoryview(data)
        self.decompressor = codec.open()
        self.produced = 0
        self.allowance = ctx.budget.expanded_bytes_left
        self.finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - io's writable buffer
        output = self._produce(len(buffer))
        buffer[: len(output)] = output
        return len(output)

    def _produce(self, wanted: int) -> bytes:
        output = bytearray()
        while len(output) < wanted and not self.finished:
            if self.decompressor.eof and not self._next_stream():
                break
            output += self._step(wanted - len(output))
        return bytes(output)

    def _step(self, wanted: int) -> bytes:
        chunk = b""
        if self.decompressor.needs_input:
            if not self.pending:
                raise ExtractionError(f"corrupt {self.codec.name}: truncated")
            chunk, self.pending = bytes(self.pending[:BLOCK]), self.pending[BLOCK:]
        allowed = self.allowance - self.produced + 1  # one byte over tells us it is over
        try:
            output = self.decompressor.decompress(chunk, min(wanted, allowed))
        except DECOMPRESSION_ERRORS:
            raise ExtractionError(f"corrupt {self.codec.name}: bad compressed data") from None
        self.produced += len(output)
        if self.produced > self.allowance:
            raise LimitExceeded("expanded size over max_expanded_bytes")
        # Against the compressed bytes given so far: a bomb is caught where it starts.
        self.ctx.check_ratio(self.produced, self.compressed - len(self.pending))
        return output

    def _next_stream(self) -> bool:
        """Concatenated streams (`cat a.gz b.gz`, parallel bzip2) are one file;
        anything else after the end (tar padding, zeros) ends it."""
        rest = self.decompressor.unused_data + bytes(self.pending)
        if not rest.startswith(self.codec.magic):
            self.finished = True
            return False
        self.decompressor, self.pending = self.codec.open(), memoryview(rest)
        return True


def looks_like_tar(head: bytes) -> bool:
    return head[TAR_MAGIC_OFFSET:TAR_MAGIC_OFFSET + 5] == b"ustar"


def tar_members(stream: io.BufferedIOBase, ctx: ExtractContext) -> Iterator[Piece]:
    """Regular files in archive order, read from a forward-only stream."""
    try:
        with tarfile.open(fileobj=stream, mode="r|") as archive:
            for member in archive:
                if member.isreg():
                    yield tar_child(archive, member, ctx)
    except tarfile.TarError as exc:
        raise ExtractionError(f"corrupt tar: {type(exc).__name__}") from None


def tar_child(archive: tarfile.TarFile, member: tarfile.TarInfo, ctx: ExtractContext) -> Child:
    name = safe_member_name(member.name)
    ctx.budget.spend(member.size)  # a skipped member is still expanded to pass over it
    if member.size > ctx.limits.max_member_bytes:
        return Child(name, b"", skip_reason="too large: over max_member_bytes")
    reader = archive.extractfile(member)
    content = reader.read(member.size + 1) if reader is not None else b""
    if len(content) != member.size:
        raise ExtractionError("corrupt tar: member shorter than its header says")
    return Child(name, content)


def extract_tar(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    ctx.check_depth("archive")
    yield from tar_members(io.BytesIO(data), ctx)


def member_name(archive_name: str, codec: Codec) -> str:
    """`notes.txt.gz` holds `notes.txt`."""
    stem, extension = os.path.splitext(archive_name)
    if extension.lower() in codec.suffixes or not stem:
        return safe_member_name(stem or "content")
    return safe_member_name(archive_name)


def single_child(stream: io.BufferedIOBase, name: str, ctx: ExtractContext) -> Child:
    limit = ctx.limits.max_member_bytes
    content = stream.read(limit + 1)
    if len(content) > limit:
        return Child(name, b"", skip_reason="too large: over max_member_bytes")
    ctx.budget.spend(len(content))
    return Child(name, content)


def decompressing(codec: Codec) -> Callable[[bytes, ExtractContext], Iterator[Piece]]:
    def extract(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
        ctx.check_depth("archive")
        if not data.startswith(codec.magic):
            raise ExtractionError(f"corrupt {codec.name}: not a {codec.name} file")
        stream = io.BufferedReader(Expansion(data, codec, ctx), BLOCK)
        tar_name = ctx.name.lower().endswith(TAR_NAMES) or ".tar." in ctx.name.lower()
        if tar_name or looks_like_tar(stream.peek(TAR_MAGIC_OFFSET + 8)):
            yield from tar_members(stream, ctx)
        else:
            yield single_child(stream, member_name(ctx.name, codec), ctx)

    return extract


extract_gzip = decompressing(CODECS["gzip"])
extract_bzip2 = decompressing(CODECS["bzip2"])
extract_xz = decompressing(CODECS["xz"])
