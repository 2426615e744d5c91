"""Other word processors' files, told by their magic numbers: said what they are
rather than called a corrupt `.doc` or a binary file with no extractor.

MS Write (`.wri`) and Word for DOS keep their text as plain 8-bit characters between a
128-byte header and `fcMac` (the header's offset of the formatting that follows), so that
text is read; a file whose text holds pictures (binary bytes) is said to be one and
left. Every other format here is `skipped`, `unsupported format: <what it is>`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.encoding import decode_8bit, looks_binary
from phiscan.model import TextUnit

WRITE = "MS Write or Word for DOS document"
# (magic at offset 0, what the file is); libmagic's and PRONOM's signatures.
UNSUPPORTED = (
    (b"\xffWPC", "WordPerfect document"),  # 5.x, 6 and later (also .wpd, .wp)
    (b"\x00\x05\xe1\x03", "IBM DCA revisable-form text (DisplayWrite) document"),
    (b"\x80\x00\x00\x09\x20\x00\x4f\x7b", "IBM DisplayWrite document"),
    (b"\x9b\xa5\x21\x00", "Word for Windows 1.x document"),
    (b"\xdb\xa5\x2d\x00", "Word for Windows 2.0 document"),
)
# wIdent 0xBE31 (no OLE objects) or 0xBE32, dty 0, wTool 0xAB00 (little-endian).
WRITE_MAGICS = (b"\x31\xbe\x00\x00\x00\xab", b"\x32\xbe\x00\x00\x00\xab")
WRITE_HEADER = 128
WRITE_FC_MAC = 14  # uint32: the first byte after the text


def word_processor_kind(data: bytes) -> str | None:
    """The extractor for another word processor's file, or None."""
    if data.startswith(WRITE_MAGICS):
        return "write"
    if any(data.startswith(magic) for magic, _what in UNSUPPORTED):
        return "wordproc"
    return None


def extract_unsupported(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    what = next((what for magic, what in UNSUPPORTED if data.startswith(magic)),
                "word processor document")
    raise Skip(f"unsupported format: {what}")
    yield  # pragma: no cover - a generator, like every extractor


def extract_write(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    if len(data) < WRITE_HEADER:
        raise Skip(f"unsupported format: {WRITE} (truncated)")
    (end,) = struct.unpack_from("<I", data, WRITE_FC_MAC)
    if end < WRITE_HEADER:
        raise ExtractionError("malformed write: text ends before the 128-byte header")
    if end > len(data):
        raise ExtractionError("malformed write: text ends past the end of the file")
    body = data[WRITE_HEADER:end]
    if looks_binary(body):  # a picture's bytes among the text: not guessed at
        raise Skip(f"unsupported format: {WRITE} with pictures")
    text = decode_8bit(body).replace("\r\n", "\n").replace("\x0c", "\n")
    if text.strip():
        yield TextUnit(text=text)
