"""Plain text: txt, log, md and anything sniffed as text."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, Piece
from phiscan.model import TextUnit

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, BOM-less UTF-16, else cp1252.

    Invalid bytes never abort decoding: a valid identifier next to garbage is
    still found.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Mostly UTF-8 with a few bad bytes: keep UTF-8. Otherwise a Windows code page.
        bad_fraction = (len(data) - exc.start) / max(len(data), 1)
        if exc.start > 0 and bad_fraction < 0.5 and _utf8_mostly_valid(data):
            return data.decode("utf-8", errors="replace")
        return data.decode("cp1252", errors="replace")


def _utf8_mostly_valid(data: bytes) -> bool:
    decoded = data[:65536].decode("utf-8", errors="replace")
    return decoded.count("\ufffd") * 50 < len(decoded)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_zero, odd_zero) > half * 0.4 and min(even_zero, odd_zero) < half * 0.05


def looks_binary(data: bytes) -> bool:
    """Text vs binary from a sample: NULs (outside UTF-16) or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS) or _looks_like_utf16(sample):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.1


def extract_text(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    ctx.text_chars_total = len(text)
    if text.strip():
        yield TextUnit(text=text)
