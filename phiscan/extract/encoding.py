"""How bytes become text, decided by validity and evidence rather than by a first byte.

A byte-order mark is believed only when the bytes after it read as that encoding and
not as plain 8-bit text (two bytes `\\xff\\xfe` in front of an ASCII note would
otherwise turn it into CJK). Without a mark: UTF-16 when the NULs say so and it
decodes, else UTF-8 line by line, a line that is not valid UTF-8 read as
Windows-1252 (a file edited in two editors reads right in both halves).

A file is binary only on evidence: a known binary signature, or many control bytes
across samples of its content. NUL padding (a preallocated or crash-truncated log),
a few stray NULs or control characters do not hide a note; NULs that remain are
read as spaces.
"""

from __future__ import annotations

import codecs
import re

from phiscan.detect.textclean import decode_mixed

SAMPLE_BYTES = 8192
# UTF-32 LE before UTF-16 LE: its mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats that are never text: images, executables, compressed
# streams, archives, databases. (offset, signature)
BINARY_SIGNATURES: tuple[tuple[int, bytes], ...] = (
    (0, b"\x89PNG\r\n\x1a\n"), (0, b"\xff\xd8\xff"), (0, b"GIF87a"), (0, b"GIF89a"),
    (0, b"II*\x00"), (0, b"MM\x00*"), (0, b"\x7fELF"), (0, b"\xca\xfe\xba\xbe"),
    (0, b"\x00asm"), (0, b"\x1f\x8b"), (0, b"\xfd7zXZ\x00"), (0, b"(\xb5/\xfd"),
    (4, b"1AY&SY"), (0, b"7z\xbc\xaf\x27\x1c"), (0, b"Rar!\x1a\x07"), (0, b"PK\x03\x04"),
    (0, b"PK\x05\x06"), (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), (0, b"SQLite format 3\x00"),
    (0, b"!BDN"), (0, b"OggS"), (4, b"ftyp"), (257, b"ustar"),
)
# Bytes no text holds (tab, line breaks, form feed and ESC of coloured logs are text).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])
NUL_PADDING = re.compile(rb"\x00{8,}")
# Share of control bytes (stray NULs included, padding not) above which a sample is
# binary: random or compressed data holds about 11%, text with noise well under 1%.
MAX_CONTROL_SHARE = 0.05
_WHITESPACE = b" \t\r\n"
_ASCII_TEXT = bytes([9, 10, 13, *range(32, 127)])
_OTHER_THAN_ASCII_TEXT = bytes(byte for byte in range(256) if byte not in _ASCII_TEXT)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def decode_text(data: bytes) -> str:
    """Text from bytes in whichever encoding the evidence supports. Invalid bytes never
    abort decoding: a valid identifier next to garbage is still found."""
    encoding, skip = text_encoding(data)
    if encoding is None:
        text = decode_8bit(data[skip:])
    else:
        text = data[skip:].decode(encoding, errors="replace")
    return text.replace("\x00", " ") if "\x00" in text else text


def text_encoding(data: bytes) -> tuple[str | None, int]:
    """(a UTF-16/32 encoding the bytes are in, the length of its mark), or (None, the
    length of a UTF-8 mark) for 8-bit text (UTF-8, else Windows-1252)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                return None, len(bom)
            if believable(data[len(bom):], encoding):
                return encoding, len(bom)
            return None, 0  # a mark in front of text that is not in its encoding
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        if believable(data, encoding):
            return encoding, 0
    return None, 0


def believable(body: bytes, encoding: str) -> bool:
    """Whether bytes are text in a UTF-16/32 encoding: they decode with few errors and
    are not plain 8-bit text as they stand."""
    sample = body[:SAMPLE_BYTES]
    if plain_8bit(sample):
        return False
    decoded = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
    return decoded.count("\ufffd") <= len(decoded) // 100


def plain_8bit(sample: bytes) -> bool:
    """Readable as it stands: no NULs, hardly any control bytes, words separated by
    white space, and valid UTF-8 or nearly all ASCII. UTF-16 of any script fails at
    least one of these (its NULs, or control and non-UTF-8 bytes in its code units)."""
    if not sample or b"\x00" in sample:
        return False
    if len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > len(sample) // 50:
        return False
    if sum(sample.count(byte) for byte in _WHITESPACE) * 50 < len(sample):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample)
        return True
    except UnicodeDecodeError:
        return len(sample.translate(None, _OTHER_THAN_ASCII_TEXT)) * 10 >= len(sample) * 9


def decode_8bit(data: bytes) -> str:
    """UTF-8; a line that is not valid UTF-8 is read as Windows-1252, or run by run
    when the line mixes both."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    if not _VALID_NON_ASCII.search(text):  # no UTF-8 beyond ASCII anywhere
        return data.decode("cp1252", errors="replace")
    pieces: list[str] = []
    position = 0
    while escaped := _ESCAPED_BYTE.search(text, position):
        start = text.rfind("\n", position, escaped.start()) + 1
        end = text.find("\n", escaped.start())
        end = len(text) if end == -1 else end
        pieces += [text[position:start], _redecode_line(text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _redecode_line(line: str) -> str:
    raw = line.encode("utf-8", errors="surrogateescape")
    if len(raw) == len(line):  # one byte a character: no valid UTF-8 beyond ASCII
        return raw.decode("cp1252", errors="replace")
    return decode_mixed(raw)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zero, odd_zero) > half * 0.4 and min(even_zero, odd_zero) < half * 0.05


def has_binary_signature(data: bytes) -> bool:
    return any(data.startswith(signature, offset) for offset, signature in BINARY_SIGNATURES)


def content_samples(data: bytes) -> bytes:
    """The start, middle and end of the content: evidence from across the file."""
    if len(data) <= 2 * SAMPLE_BYTES:
        return data
    half = SAMPLE_BYTES // 2
    middle = len(data) // 2
    return data[:SAMPLE_BYTES] + data[middle - half // 2:middle + half // 2] + data[-half:]


def looks_binary(data: bytes) -> bool:
    """Binary only on evidence: a known signature, or control bytes (NULs outside
    padding included) over `MAX_CONTROL_SHARE` of samples from across the content."""
    if not data:
        return False
    if has_binary_signature(data):
        return True
    if text_encoding(data)[0] is not None:
        return False
    sample = NUL_PADDING.sub(b"", content_samples(data))
    if not sample:
        return True  # nothing but NULs
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * MAX_CONTROL_SHARE
