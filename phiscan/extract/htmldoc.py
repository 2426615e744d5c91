"""HTML: visible text only (no markup, scripts or styles), with the stdlib parser."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.text import decode_text
from phiscan.model import TextUnit

INVISIBLE = frozenset({"script", "style", "template", "noscript"})
# Elements that end a line of text, so words from two cells never run together.
BLOCKS = frozenset({"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
                    "h6", "title", "table", "section", "article", "dd", "dt", "pre"})


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in INVISIBLE:
            self.hidden_depth += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in INVISIBLE:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


def html_to_text(markup: str) -> str:
    collector = TextCollector()
    collector.feed(markup)
    collector.close()
    return collector.text()


def extract_html(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = html_to_text(decode_text(data))
    ctx.text_chars_total = len(text)
    if text:
        yield TextUnit(text=text)
