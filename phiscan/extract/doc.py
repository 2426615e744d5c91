"""Word 97-2003 .doc/.dot: the document text through its piece table, with olefile.

The File Information Block (FIB) at the start of the WordDocument stream says
which table stream holds the piece table (Clx) and how long each story is. The
piece table maps character positions to stretches of the WordDocument stream,
each either 8-bit (cp1252, "compressed") or UTF-16. The stories follow each
other: main text, footnotes, headers and footers, comments, endnotes, text
boxes, header text boxes; each becomes one unit. Field codes (`HYPERLINK ...`,
`PAGE`) are dropped and their results kept; table cells come out separated by
tabs. Word 6/95 files are read when not fast-saved (their text is one 8-bit run).
"""

from __future__ import annotations

import bisect
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import olefile

from phiscan.extract.base import (
    ExtractContext,
    ExtractionError,
    LimitExceeded,
    Piece,
    partial_reason,
)
from phiscan.extract.ole import embedded_objects, open_ole, refuse_encrypted
from phiscan.extract.tables import table_units
from phiscan.model import TextUnit

WORD_IDENTS = (0xA5EC, 0xA5DC)  # Word 97 and later; Word 6/95
WORD97_NFIB = 0xC1
FLAGS_OFFSET = 0x0A
F_COMPLEX, F_WHICH_TABLE = 0x0004, 0x0200
WORD6_TEXT_RANGE = 0x18  # fcMin, fcMac: the one 8-bit run of a Word 6/95 file
# fc/lcb pairs of FibRgFcLcb97: the paragraph properties' index and the piece table.
PAPX_PAIR, CLX_PAIR = 13, 33
FKP_SIZE = 512
IN_TABLE, ROW_END = 1, 2
# sprmPFInTable, sprmPFTtp, and their nested-table forms sprmPFInnerTableCell/InnerTtp.
FLAG_SPRMS = {0x2416: IN_TABLE, 0x2417: ROW_END | IN_TABLE, 0x244B: IN_TABLE,
              0x244C: ROW_END | IN_TABLE}
SPRM_TDEF_TABLE = 0xD608
SPRM_OPERAND_SIZES = (1, 1, 2, 4, 2, 2, None, 3)  # by the sprm's top three bits (spra)
PARAGRAPH_END = re.compile("[\r\x07]")
CELL_MARK = "\x07"
FIELD_CHARS = re.compile("[\x13-\x15]")
COMPRESSED = 0x40000000
# Story lengths in FibRgLw97 (index: name), in the order the stories follow each other.
STORIES = ((3, "body"), (4, "footnotes"), (5, "headers and footers"), (6, "macros"),
           (7, "comments"), (8, "endnotes"), (9, "text boxes"), (10, "header text boxes"))
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
# Word's special characters: line, page and section breaks become spaces, a
# non-breaking hyphen a hyphen; the rest (an optional hyphen, picture and footnote
# anchors, field marks) nothing. Paragraph and cell ends are structure.
CONTROL_TABLE = {code: None for code in range(32)} | {
    0x0B: " ", 0x0C: " ", 0x0E: " ", 0x09: "\t", 0x1E: "-", 0xA0: " "}


def u16(data: bytes, offset: int) -> int:
    return struct.unpack_from("<H", data, offset)[0]


def u32(data: bytes, offset: int) -> int:
    return struct.unpack_from("<I", data, offset)[0]


def read_stream(ole: olefile.OleFileIO, name: str) -> bytes:
    if not ole.exists(name):
        raise ExtractionError(f"malformed doc: no {name} stream")
    with ole.openstream(name) as stream:
        return stream.read()


class Fib:
    """The parts of the FIB this reader needs."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 0x20 or u16(word, 0) not in WORD_IDENTS:
            raise ExtractionError("malformed doc: no Word FIB")
        self.nfib = u16(word, 2)
        self.flags = u16(word, FLAGS_OFFSET)
        self.word = word

    @property
    def is_word97(self) -> bool:
        return self.nfib >= WORD97_NFIB

    def table_stream(self) -> str:
        return "1Table" if self.flags & F_WHICH_TABLE else "0Table"

    def story_lengths(self) -> list[tuple[str, int]]:
        csw = u16(self.word, 32)
        long_start = 34 + 2 * csw + 2
        return [(name, u32(self.word, long_start + 4 * index)) for index, name in STORIES]

    def fc_lcb(self, pair: int) -> tuple[int, int]:
        """(offset, size) in the table stream of the FibRgFcLcb97 pair at that index."""
        csw = u16(self.word, 32)
        cslw = u16(self.word, 34 + 2 * csw)
        pairs = 34 + 2 * csw + 2 + 4 * cslw + 2
        return u32(self.word, pairs + 8 * pair), u32(self.word, pairs + 8 * pair + 4)


def piece_table(clx: bytes) -> list[Piece97]:
    """The pieces of the Clx's PlcPcd, in character order."""
    position = 0
    while position < len(clx):
        if clx[position] == 0x01:  # a Prc (property modifiers): skipped
            position += 3 + u16(clx, position + 1)
        elif clx[position] == 0x02:
            size = u32(clx, position + 1)
            plc = clx[position + 5: position + 5 + size]
            count = (len(plc) - 4) // 12
            cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
            return [Piece97(cps[i], cps[i + 1], u32(plc, 4 * (count + 1) + 8 * i + 2))
                    for i in range(count)]
        else:
            break
    raise ExtractionError("malformed doc: no piece table")


class Piece97(NamedTuple):
    start: int  # first character position
    end: int  # last + 1
    fc: int  # where its text starts in the WordDocument stream, with the 8-bit flag

    @property
    def width(self) -> int:
        return 1 if self.fc & COMPRESSED else 2

    @property
    def offset(self) -> int:
        return (self.fc & ~COMPRESSED) // 2 if self.fc & COMPRESSED else self.fc

    def text(self, word: bytes) -> str:
        chunk = word[self.offset: self.offset + self.width * max(self.end - self.start, 0)]
        return chunk.decode("cp1252" if self.width == 1 else "utf-16-le", errors="replace")


class TableMarks:
    """Which paragraph marks are in a table, and which end a table row, from the
    paragraph properties (PlcBtePapx -> PapxFkp pages -> sprmPFInTable, sprmPFTtp)."""

    def __init__(self, word: bytes, table: bytes, fib: Fib, pieces: list[Piece97]) -> None:
        self.pieces = pieces
        self.piece_starts = [piece.start for piece in pieces]
        self.runs: list[tuple[int, int, int]] = []  # (fc start, fc end, flags)
        offset, size = fib.fc_lcb(PAPX_PAIR)
        if offset + size <= len(table) and size >= 12:
            self.read_runs(word, table[offset: offset + size])
        self.runs.sort()
        self.run_starts = [run[0] for run in self.runs]

    def read_runs(self, word: bytes, plc: bytes) -> None:
        count = (len(plc) - 4) // 8
        for index in range(count):
            page_number = u32(plc, 4 * (count + 1) + 4 * index) & 0x3FFFFF
            page = word[page_number * FKP_SIZE: (page_number + 1) * FKP_SIZE]
            if len(page) == FKP_SIZE:
                self.read_page(page)

    def read_page(self, page: bytes) -> None:
        runs = page[FKP_SIZE - 1]
        if 4 * (runs + 1) + 13 * runs > FKP_SIZE - 1:
            return
        for index in range(runs):
            start, end = u32(page, 4 * index), u32(page, 4 * index + 4)
            papx = 2 * page[4 * (runs + 1) + 13 * index]
            if papx:
                self.runs.append((start, end, paragraph_flags(page, papx)))

    def flags_at(self, cp: int) -> int:
        piece = self.pieces[bisect.bisect_right(self.piece_starts, cp) - 1]
        fc = piece.offset + piece.width * (cp - piece.start)
        index = bisect.bisect_right(self.run_starts, fc) - 1
        if index < 0 or fc >= self.runs[index][1]:
            return 0
        return self.runs[index][2]


def paragraph_flags(page: bytes, offset: int) -> int:
    """IN_TABLE and ROW_END from one PapxInFkp's grpprl."""
    size = page[offset]
    if size == 0:
        start, end = offset + 2, offset + 2 + 2 * page[offset + 1]
    else:
        start, end = offset + 1, offset + 1 + 2 * size - 1
    position, flags = start + 2, 0  # after the style index
    end = min(end, len(page) - 1)
    while position + 2 <= end:
        sprm = u16(page, position)
        position += 2
        operand_size = SPRM_OPERAND_SIZES[sprm >> 13]
        if operand_size is None:  # variable: a length byte first (two for sprmTDefTable)
            if sprm == SPRM_TDEF_TABLE:
                operand_size = u16(page, position) + 1 if position + 2 <= end else 0
            else:
                operand_size = page[position] + 1 if position < end else 0
        if sprm in FLAG_SPRMS and position < end and page[position]:
            flags |= FLAG_SPRMS[sprm]
        position += operand_size
    return flags


def piece_texts(word: bytes, pieces: list[Piece97], max_chars: int) -> Iterator[str]:
    """The pieces' text, no more than `max_chars` in all: a crafted piece table can
    point every piece at the whole stream."""
    left = max_chars + 1  # one more, so going over is seen
    for piece in pieces:
        if left <= 0:
            return
        text = piece.text(word)[:left]
        left -= len(text)
        yield text


def document_text(word: bytes, fib: Fib, ole: olefile.OleFileIO, max_chars: int
                  ) -> tuple[str, TableMarks | None]:
    if not fib.is_word97:
        if fib.flags & F_COMPLEX:
            raise ExtractionError("Word 6/95 fast-saved document not supported")
        start, end = u32(word, WORD6_TEXT_RANGE), u32(word, WORD6_TEXT_RANGE + 4)
        return word[start:end].decode("cp1252", errors="replace"), None
    table = read_stream(ole, fib.table_stream())
    offset, size = fib.fc_lcb(CLX_PAIR)
    if offset + size > len(table) or size == 0:
        raise ExtractionError("malformed doc: piece table outside the table stream")
    pieces = piece_table(table[offset: offset + size])
    text = "".join(piece_texts(word, pieces, max_chars))
    try:
        marks = TableMarks(word, table, fib, pieces) if pieces else None
    except (struct.error, IndexError):
        marks = None  # damaged paragraph properties: cells read as tab-separated text
    return text, marks


class FieldFilter:
    """Field results without their codes (`HYPERLINK "..."`, `PAGE`), across paragraphs;
    Word's control characters as text."""

    def __init__(self) -> None:
        self.in_code: list[bool] = []  # one entry per open field: still in its code part?

    def visible(self, raw: str) -> str:
        if not self.in_code and not FIELD_CHARS.search(raw):
            return raw.translate(CONTROL_TABLE)
        out: list[str] = []
        for char in raw:
            if char == FIELD_BEGIN:
                self.in_code.append(True)
            elif char == FIELD_SEPARATOR and self.in_code:
                self.in_code[-1] = False
            elif char == FIELD_END and self.in_code:
                self.in_code.pop()
            elif not (self.in_code and self.in_code[-1]):
                out.append(char)
        return "".join(out).translate(CONTROL_TABLE)


@dataclass
class StoryReader:
    """One story's paragraphs as text, its tables as rows of cells."""

    where: str
    marks: TableMarks | None
    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    row: list[str] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)
    fields: FieldFilter = field(default_factory=FieldFilter)

    def read(self, raw: str, first_cp: int) -> None:
        start = 0
        for match in PARAGRAPH_END.finditer(raw):
            text = " ".join(self.fields.visible(raw[start: match.start()]).split())
            self.paragraph(text, match.group(), first_cp + match.start())
            start = match.end()
        if tail := " ".join(self.fields.visible(raw[start:]).split()):
            self.paragraph(tail, "\r", -1)

    def paragraph(self, text: str, mark: str, cp: int) -> None:
        flags = self.marks.flags_at(cp) if self.marks is not None and cp >= 0 else 0
        if not flags & IN_TABLE:
            if self.row or self.cell:
                self.end_row()
            if self.tables and self.tables[-1] and not flags & IN_TABLE:
                self.tables.append([])
            if mark == CELL_MARK and self.marks is None:
                text += "\t"  # no table properties: cells at least stay apart
            self.paragraphs.append(text)
            return
        self.cell.append(text)
        if flags & ROW_END:
            self.cell = []
            self.end_row()
        elif mark == CELL_MARK:
            self.row.append("\n".join(part for part in self.cell if part))
            self.cell = []

    def end_row(self) -> None:
        if self.cell:
            self.row.append("\n".join(part for part in self.cell if part))
        if not self.tables:
            self.tables.append([])
        self.tables[-1].append(self.row)
        self.row, self.cell = [], []

    def units(self, ctx: ExtractContext) -> Iterator[Piece]:
        if self.row or self.cell:
            self.end_row()
        text = "\n".join(paragraph for paragraph in self.paragraphs if paragraph)
        if text:
            yield TextUnit(text=ctx.spend_text(text), where=self.where)
        prefix = "" if self.where == "body" else f"{self.where} "
        for number, rows in enumerate((rows for rows in self.tables if rows), start=1):
            yield from table_units(enumerate(rows, start=1), f"{prefix}table {number} ",
                                   ctx.spend_text)


def stories(text: str, fib: Fib) -> Iterator[tuple[str, str, int]]:
    """(name, raw text, first character position) of each story."""
    if not fib.is_word97:
        yield "body", text, 0
        return
    position = 0
    for name, length in fib.story_lengths():
        yield name, text[position: position + length], position
        position += length


def extract_doc(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    refuse_encrypted(data)
    ole = open_ole(data, "doc")
    try:
        word = read_stream(ole, "WordDocument")
        fib = Fib(word)
        text, marks = document_text(word, fib, ole, ctx.limits.max_text_chars)
        children = embedded_objects(ole, ctx)
    finally:
        ole.close()
    for where, raw, first_cp in stories(text[: ctx.limits.max_text_chars], fib):
        reader = StoryReader(where, marks)
        reader.read(raw, first_cp)
        yield from reader.units(ctx)
    yield from children
    if len(text) > ctx.limits.max_text_chars:
        raise LimitExceeded(partial_reason("text over max_text_chars", ctx.text_chars_used))
