"""Plain text: txt, log, md and anything sniffed as text."""

from __future__ import annotations

from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.encoding import decode_text, looks_binary
from phiscan.model import TextUnit

__all__ = ["decode_text", "extract_text", "looks_binary"]  # decoding lives in .encoding


def extract_text(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    ctx.text_chars_total = len(text)
    if text.strip():
        yield TextUnit(text=text)
