"""PowerPoint 97-2003 .ppt/.pps/.pot: the text atoms of the PowerPoint Document
stream, with olefile.

The stream is a tree of records (8-byte header: version and instance, type,
length; version 0xF marks a container). Text sits in TextCharsAtom (UTF-16) and
TextBytesAtom (8-bit) records: in the document's slide lists, and in the
drawings of slides, notes and masters. Each top-level slide, notes page or
master gives one unit; the slide lists are read in slide order. A stream saved
incrementally can hold an old copy of a slide: text already read is not read
again, so a value is not counted twice.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.doc import read_stream
from phiscan.extract.ole import open_ole, refuse_encrypted
from phiscan.model import TextUnit

HEADER = struct.Struct("<HHI")
CONTAINER_VERSION = 0xF
TEXT_CHARS, TEXT_BYTES = 0x0FA0, 0x0FA8
SLIDE_PERSIST = 0x03F3
# Top-level records whose text is one unit, by what they hold.
TOP_LEVEL = {0x03E8: "slides", 0x03EE: "slide", 0x03F0: "notes", 0x03F8: "master",
             0x0FC9: "handout"}
MAX_DEPTH = 32  # real files nest a few levels; deeper is damage, not text


def records(stream: bytes, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
    """(version, type, body start, body end) of each record between start and end."""
    position = start
    while position + HEADER.size <= end:
        version_instance, kind, length = HEADER.unpack_from(stream, position)
        body = position + HEADER.size
        if length > end - body:
            return  # a truncated record: the text before it is kept
        yield version_instance & 0xF, kind, body, body + length
        position = body + length


def text_atoms(stream: bytes, start: int, end: int, depth: int = 0) -> Iterator[tuple[int, str]]:
    """(record type, text) of every text atom below; slide-persist atoms as markers."""
    if depth > MAX_DEPTH:
        raise ExtractionError("malformed ppt: records nested too deep")
    for version, kind, body, body_end in records(stream, start, end):
        if version == CONTAINER_VERSION:
            yield from text_atoms(stream, body, body_end, depth + 1)
        elif kind == TEXT_CHARS:
            yield kind, stream[body:body_end].decode("utf-16-le", errors="replace")
        elif kind == TEXT_BYTES:
            yield kind, stream[body:body_end].decode("cp1252", errors="replace")
        elif kind == SLIDE_PERSIST:
            yield kind, ""


def readable(text: str) -> str:
    """Paragraph and line breaks (\\r, vertical tab) as line ends; other controls dropped."""
    text = text.replace("\r", "\n").replace("\x0b", "\n")
    return "".join(char for char in text if char >= " " or char in "\n\t").strip()


def slide_list_units(stream: bytes, start: int, end: int) -> Iterator[tuple[str, str]]:
    """The document's slide lists: each slide's text follows its persist atom."""
    number, texts = 0, []
    for kind, text in text_atoms(stream, start, end):
        if kind == SLIDE_PERSIST:
            if texts:
                yield f"slide {number}", "\n".join(texts)
            number, texts = number + 1, []
        elif text := readable(text):
            texts.append(text)
    if texts:
        yield (f"slide {number}" if number else "document"), "\n".join(texts)


def presentation_units(stream: bytes) -> Iterator[tuple[str, str]]:
    counts: dict[str, int] = {}
    for version, kind, body, body_end in records(stream, 0, len(stream)):
        if version != CONTAINER_VERSION or kind not in TOP_LEVEL:
            continue
        if kind == 0x03E8:
            yield from slide_list_units(stream, body, body_end)
            continue
        label = TOP_LEVEL[kind]
        counts[label] = counts.get(label, 0) + 1
        texts = [text for _kind, raw in text_atoms(stream, body, body_end)
                 if (text := readable(raw))]
        if texts:
            yield f"{label} {counts[label]}", "\n".join(texts)


def extract_ppt(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    refuse_encrypted(data)
    ole = open_ole(data, "ppt")
    try:
        stream = read_stream(ole, "PowerPoint Document")
    finally:
        ole.close()
    seen: set[str] = set()
    for where, text in presentation_units(stream):
        lines = [line for line in text.splitlines() if line.strip() and line not in seen]
        seen.update(lines)
        if lines:
            yield TextUnit(text=ctx.spend_text("\n".join(lines)), where=where)
