"""SQL dump files (mysqldump, pg_dump, sqlite3 .dump): table rows with column names.

Rows come from `INSERT ... VALUES (...), (...)` statements (column names from the
statement's own list, else from the table's `CREATE TABLE`) and from pg_dump's
`COPY table (columns) FROM stdin` blocks. Everything else in the file (other
statements, comments) is read as plain text, so a value in a `WHERE` clause is
not missed. Nothing is executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.dbtables import Tables
from phiscan.extract.text import decode_text
from phiscan.model import TextUnit

# Possessive and atomic forms: an unterminated quote cannot make the engine backtrack.
TOKEN_WITH_BACKSLASHES = re.compile(r"""
    (?P<space>\s++)
  | (?P<comment>--[^\n]*+|\#[^\n]*+|/\*(?>[^*]++|\*(?!/))*+\*/)
  | (?P<string>[Ee]?'(?>[^'\\]++|\\.|'')*+')
  | (?P<quoted>`(?>[^`]++|``)*+`|"(?>[^"]++|"")*+"|\[[^\]]*+\])
  | (?P<word>[\w$]++)
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)
# pg_dump sets standard_conforming_strings: backslashes are ordinary in '...'.
TOKEN_STANDARD = re.compile(TOKEN_WITH_BACKSLASHES.pattern.replace(
    r"[Ee]?'(?>[^'\\]++|\\.|'')*+'", r"[Ee]'(?>[^'\\]++|\\.|'')*+'|'(?>[^']++|'')*+'"),
    re.VERBOSE | re.DOTALL)
# The rows of a plain `VALUES (...), (...);` read without tokens (dumps are mostly
# this): literals and strings only; anything else (a function call, a cast) and the
# statement is tokenized instead.
STRING_WITH_BACKSLASHES = r"'(?>[^'\\]++|\\.|'')*+'"
STRING_STANDARD = r"'(?>[^']++|'')*+'"
ROW_TEMPLATE = r"\s*+\(((?:{string}|[^'()])*+)\)\s*+([,;]|\Z)"
FIELD_TEMPLATE = r"\s*+({string}|[^,'()]*?)\s*+(?:,|\Z)"
FAST_ROWS = {
    backslashes: (re.compile(ROW_TEMPLATE.format(string=string), re.DOTALL),
                  re.compile(FIELD_TEMPLATE.format(string=string), re.DOTALL))
    for backslashes, string in ((True, STRING_WITH_BACKSLASHES), (False, STRING_STANDARD))
}
STANDARD_STRINGS = re.compile(r"standard_conforming_strings\s*=\s*'?on", re.IGNORECASE)
BACKSLASH_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a",
                     "f": "\f", "v": "\v"}
BACKSLASH = re.compile(r"\\(.)", re.DOTALL)
COPY_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.DOTALL)
NOT_COLUMNS = frozenset({"PRIMARY", "KEY", "UNIQUE", "CONSTRAINT", "INDEX", "FOREIGN",
                         "CHECK", "FULLTEXT", "SPATIAL", "EXCLUDE", "LIKE", "PERIOD"})
INSERT_MODIFIERS = frozenset({"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "OR",
                              "REPLACE", "ROLLBACK", "ABORT", "FAIL"})
# Free text is analysed in pieces of about this many characters.
TEXT_PIECE_CHARS = 100_000


@dataclass(frozen=True)
class Token:
    kind: str  # string, quoted, word, punct
    value: str


def unescape_backslashes(body: str) -> str:
    if "\\" not in body:
        return body
    return BACKSLASH.sub(lambda match: BACKSLASH_ESCAPES.get(match[1], match[1]), body)


def string_value(raw: str, backslashes: bool) -> str:
    if raw[0] in "Ee":
        return unescape_backslashes(raw[2:-1].replace("''", "'"))
    body = raw[1:-1]
    if "''" in body:
        body = body.replace("''", "'")
    return unescape_backslashes(body) if backslashes else body


def quoted_value(raw: str) -> str:
    if raw[0] == "[":
        return raw[1:-1]
    return raw[1:-1].replace(raw[0] * 2, raw[0])


@dataclass
class Statement:
    tokens: list[Token]
    start: int
    end: int  # just after the `;`
    rows: list[list[str]] | None = None  # VALUES rows read by `fast_rows`

    def word(self, index: int) -> str:
        if index < len(self.tokens) and self.tokens[index].kind == "word":
            return self.tokens[index].value.upper()
        return ""


@dataclass
class Dump:
    text: str
    backslashes: bool
    columns: dict[str, list[str]] = field(default_factory=dict)

    def statements(self, position: int = 0) -> Iterator[Statement]:
        token = TOKEN_WITH_BACKSLASHES if self.backslashes else TOKEN_STANDARD
        while position < len(self.text):
            start, tokens = position, []
            rows: list[list[str]] | None = None
            while position < len(self.text):
                match = token.match(self.text, position)
                position = match.end()
                kind = match.lastgroup
                if kind in ("space", "comment"):
                    continue
                if kind == "punct" and match[0] == ";":
                    break
                value = match[0]
                if kind == "string":
                    value = string_value(value, self.backslashes)
                elif kind == "quoted":
                    value = quoted_value(value)
                tokens.append(Token(kind, value))
                if kind == "word" and value.upper() in ("VALUES", "VALUE") and (
                        tokens[0].value.upper() in ("INSERT", "REPLACE")):
                    rows, end = self.fast_rows(position)
                    if rows is not None:
                        position = end
                        break
            statement = Statement(tokens, start, position, rows)
            yield statement
            position = max(position, statement.end)  # past a COPY block when one was read


    def fast_rows(self, position: int) -> tuple[list[list[str]] | None, int]:
        """Rows from `position` (after VALUES) to the statement's `;`, and the position
        after it; None when a row holds more than literals."""
        row_pattern, field_pattern = FAST_ROWS[self.backslashes]
        rows: list[list[str]] = []
        while True:
            match = row_pattern.match(self.text, position)
            if match is None:
                return None, position
            position = match.end()
            rows.append(self.fields(match[1], field_pattern))
            if match[2] != ",":
                return rows, position

    def fields(self, inside: str, field_pattern: re.Pattern[str]) -> list[str]:
        values = []
        for match in field_pattern.finditer(inside):
            raw = match[1]
            if raw.startswith("'"):
                values.append(string_value(raw, self.backslashes))
            else:
                values.append("" if raw.upper() == "NULL" else raw)
            if match.end() == len(inside):
                break
        return values


def name_at(tokens: list[Token], index: int) -> tuple[str, int]:
    """A possibly qualified name (`public.patients`) and the index after it."""
    parts: list[str] = []
    while index < len(tokens) and tokens[index].kind in ("word", "quoted"):
        parts.append(tokens[index].value)
        index += 1
        if index < len(tokens) and tokens[index].value == "." and tokens[index].kind == "punct":
            index += 1
            continue
        break
    return ".".join(parts), index


def split_group(tokens: list[Token], index: int) -> tuple[list[list[Token]], int]:
    """The comma-separated items of the parenthesised group at `index` (a `(`), and
    the index after its `)`."""
    items: list[list[Token]] = [[]]
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.kind == "punct" and token.value == "(":
            depth += 1
            if depth == 1:
                continue
        elif token.kind == "punct" and token.value == ")":
            depth -= 1
            if depth == 0:
                return items, position + 1
        elif token.kind == "punct" and token.value == "," and depth == 1:
            items.append([])
            continue
        items[-1].append(token)
    return items, len(tokens)


def is_open(tokens: list[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].kind == "punct" and tokens[index].value == "("


def value_of(tokens: list[Token]) -> str:
    strings = [token.value for token in tokens if token.kind == "string"]
    if strings:
        return "".join(strings)
    raw = "".join(token.value for token in tokens)
    return "" if raw.upper() == "NULL" else raw


def column_names(definitions: list[list[Token]]) -> list[str]:
    names = []
    for definition in definitions:
        if not definition:
            continue
        first = definition[0]
        if first.kind == "quoted" or (first.kind == "word" and first.value.upper()
                                      not in NOT_COLUMNS):
            names.append(first.value)
    return names


def create_table(dump: Dump, statement: Statement) -> None:
    tokens = statement.tokens
    index = next((i for i, token in enumerate(tokens[:6])
                  if token.kind == "word" and token.value.upper() == "TABLE"), None)
    if index is None:
        return
    index += 1
    while statement.word(index) in ("IF", "NOT", "EXISTS", "ONLY"):
        index += 1
    table, index = name_at(tokens, index)
    if table and is_open(tokens, index):
        dump.columns[table] = column_names(split_group(tokens, index)[0])


def insert_rows(dump: Dump, statement: Statement) -> tuple[str, list[str], list[list[str]]]:
    """(table, column names, rows) of an INSERT/REPLACE ... VALUES statement."""
    tokens = statement.tokens
    index = 1
    while statement.word(index) in INSERT_MODIFIERS:
        index += 1
    if statement.word(index) == "INTO":
        index += 1
    table, index = name_at(tokens, index)
    columns = dump.columns.get(table, [])
    if is_open(tokens, index):
        items, index = split_group(tokens, index)
        columns = [value_of(item) for item in items]
    if statement.word(index) not in ("VALUES", "VALUE"):
        return table, columns, []
    if statement.rows is not None:
        return table, columns, statement.rows
    index += 1
    rows = []
    while is_open(tokens, index):
        items, index = split_group(tokens, index)
        rows.append([value_of(item) for item in items])
        if index < len(tokens) and tokens[index].value == ",":
            index += 1
    return table, columns, rows


def copy_escape(match: re.Match[str]) -> str:
    if match[1]:
        return chr(int(match[1], 8))
    if match[2]:
        return chr(int(match[2], 16))
    return BACKSLASH_ESCAPES.get(match[3], match[3])


COPY_END = re.compile(r"^\\\.\r?$", re.MULTILINE)


def copy_rows(dump: Dump, statement: Statement) -> Iterator[list[str]]:
    """The tab-separated lines after `COPY ... FROM stdin;` up to the `\\.` line. The
    statement's end moves past the block at once, read or not."""
    text = dump.text
    newline = text.find("\n", statement.end)  # the rest of the COPY line
    start = len(text) if newline < 0 else newline + 1
    marker = COPY_END.search(text, start)
    end = len(text) if marker is None else marker.start()
    statement.end = len(text) if marker is None else marker.end()
    return (
        [("" if field == "\\N" else COPY_ESCAPE.sub(copy_escape, field))
         for field in line.rstrip("\r").split("\t")]
        for line in text[start:end].split("\n") if line.rstrip("\r")
    )


def copy_target(statement: Statement) -> tuple[str, list[str]] | None:
    tokens = statement.tokens
    table, index = name_at(tokens, 1)
    columns: list[str] = []
    if is_open(tokens, index):
        items, index = split_group(tokens, index)
        columns = [value_of(item) for item in items]
    if statement.word(index) == "FROM" and statement.word(index + 1) == "STDIN":
        return table, columns
    return None


def extract_sql(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    text = decode_text(data)
    dump = Dump(text, backslashes=not STANDARD_STRINGS.search(text[:65536]))
    tables = Tables(ctx)
    free: list[str] = []
    free_chars = 0
    for statement in dump.statements():
        first = statement.word(0)
        if first in ("INSERT", "REPLACE"):
            table, columns, rows = insert_rows(dump, statement)
            if rows:
                yield from tables.rows(table, columns, rows)
                continue
        elif first == "COPY" and (target := copy_target(statement)) is not None:
            table, columns = target
            yield from tables.rows(table, columns or dump.columns.get(table, []),
                                   copy_rows(dump, statement))
            continue
        elif first == "CREATE":
            create_table(dump, statement)
        free.append(text[statement.start:statement.end])
        free_chars += statement.end - statement.start
        if free_chars >= TEXT_PIECE_CHARS:
            yield free_text(free, ctx)
            free, free_chars = [], 0
    if "".join(free).strip():
        yield free_text(free, ctx)
    tables.finish()


def free_text(parts: list[str], ctx: ExtractContext) -> TextUnit:
    return TextUnit(text=ctx.spend_text("".join(parts)), where="sql text")
