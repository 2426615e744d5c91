"""HTML: visible text only (no markup, scripts or styles), with the stdlib parser.

A data table in an HTML file (a visit list or a caseload exported as a web page: two
rows or more of two cells or more, no cell a page of text) is read as a table
(`phiscan.extract.tables`): one record per row, its cells named by the header, so two
patients of a list never share a record. Any other table (a page laid out in a table)
stays in the text where it stands, a row of labels and values side by side (a patient
banner) as `label: value` lines; a description list's term and value are one line
(`Named nurse: Priya Raman`), so a label is on its value's line. E-mail bodies are read as
text (`html_to_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.tables import label_value_pairs, table_units
from phiscan.extract.text import decode_text
from phiscan.model import TextUnit

INVISIBLE = frozenset({"script", "style", "template", "noscript"})
# Elements that end a line of text, so words from two cells never run together.
BLOCKS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
                    "h6", "title", "table", "section", "article", "dd", "dt", "pre"})


# A description list's term and its value on one line (`<dt>Named nurse</dt><dd>Priya
# Raman</dd>` reads `Named nurse: Priya Raman`), as a label and its value are written.
TERM_END = ": "


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INVISIBLE:
            self.hidden_depth += 1
        elif tag == "dd" and self.parts and self.parts[-1] == TERM_END:
            return  # the term's value, on its line
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in INVISIBLE:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag == "dt":
            self.parts.append(TERM_END)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


MAX_TABLE_CELL_CHARS = 300  # a longer cell is a page laid out in a table, not data
MIN_PAIR_CELLS = 4  # two labels and their values
TABLE_MARK = "\x00table\x00"  # where a data table stood in the text (removed)
Rows = list[list[str]]


class PageCollector(TextCollector):
    """The text, with each outermost table's rows collected apart (cells as text; a
    table inside a cell is that cell's text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Rows] = []
        self.depth = 0
        self.rows: Rows = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.rows, self.cell = [], None
                return
        if self.depth == 1 and not self.hidden_depth:
            if tag == "tr":
                self.rows.append([])
                self.cell = None
                return
            if tag in ("td", "th"):
                if not self.rows:
                    self.rows.append([])
                self.cell = []
                self.rows[-1].append("")
                return
        if self.depth and self.cell is not None and tag in BLOCKS:
            self.cell.append("\n")
        elif not self.depth:
            super().handle_starttag(tag, attrs)
        if tag in INVISIBLE and self.depth:
            self.hidden_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.close_table()
            return
        if self.depth:
            if tag in INVISIBLE:
                self.hidden_depth = max(0, self.hidden_depth - 1)
            elif self.depth == 1 and tag in ("td", "th"):
                self.cell = None
            elif self.cell is not None and tag in BLOCKS:
                self.cell.append("\n")
            return
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden_depth:
            if self.cell is not None and self.rows:
                self.cell.append(data)
                self.rows[-1][-1] = " ".join("".join(self.cell).split())
            return
        super().handle_data(data)

    def close_table(self) -> None:
        rows = [row for row in self.rows if any(row)]
        if is_data_table(rows):
            self.tables.append(rows)
            self.parts.append(f"\n{TABLE_MARK}\n")
        else:
            self.parts.append("\n" + "\n".join(line for row in rows for line in row_lines(row))
                              + "\n")
        self.rows, self.cell = [], None


def row_lines(row: list[str]) -> list[str]:
    """A layout table's row as lines: each cell on its own, or a row of labels and values
    side by side (a patient banner: `Name | Mr Wilfred PRENDERGAST | DOB | 15 Apr 1940 |
    NHS | ...`) as `label: value` lines, so a date of birth has its label on its line."""
    pairs = label_value_pairs(row) if len(row) >= MIN_PAIR_CELLS else None
    if pairs is None:
        return [cell for cell in row if cell]
    return [f"{label}: {value}" for label, value in pairs]


def is_data_table(rows: Rows) -> bool:
    return (len(rows) >= 2 and all(len([cell for cell in row if cell]) >= 2 for row in rows)
            and all(len(cell) <= MAX_TABLE_CELL_CHARS for row in rows for cell in row))


def html_to_text(markup: str) -> str:
    collector = TextCollector()
    collector.feed(markup)
    collector.close()
    return collector.text()


def extract_html(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    collector = PageCollector()
    collector.feed(decode_text(data))
    collector.close()
    text = "\n".join(line for line in collector.text().splitlines() if line != TABLE_MARK)
    if not collector.tables:
        ctx.text_chars_total = len(text)
    if text:
        yield TextUnit(text=text)
    for number, rows in enumerate(collector.tables, start=1):
        yield from table_units(enumerate(rows, start=1), f"table {number} ", ctx.spend_text)
