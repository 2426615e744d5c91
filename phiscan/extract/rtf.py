"""Rich Text Format: control words stripped with striprtf, text kept."""

from __future__ import annotations

from collections.abc import Iterator

from striprtf.striprtf import rtf_to_text

from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.text import decode_text
from phiscan.model import TextUnit


def extract_rtf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    source = decode_text(data)
    if not source.lstrip().startswith("{\\rtf"):
        raise ExtractionError("malformed rtf: no {\\rtf header")
    text = rtf_to_text(source, errors="replace")
    ctx.text_chars_total = len(text)
    if text.strip():
        yield TextUnit(text=text)
