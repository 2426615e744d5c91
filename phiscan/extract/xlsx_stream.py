"""Streaming .xlsx reader: the cell values openpyxl's read-only, data-only mode
gives, row by row, without building its workbook, styles and cell objects.

Every value and every refusal must match `openpyxl.load_workbook(read_only=True,
data_only=True)`, so this module follows openpyxl 3.1.5's read-only logic step for
step and reuses its own code wherever that is cheap: the small parts it validates
(content types, workbook, relationships, properties, the elements around the rows)
go through openpyxl's own classes, and the stylesheet's date styles come from
openpyxl itself, all remembered per process by keyed digest (generated workbooks
repeat them); rich and inline strings use openpyxl's Text. Only the bulk (shared
strings, sheet rows) is parsed here, with lxml: a part up to WHOLE_PART_BYTES whole,
a larger one fed in ElementTree.iterparse's 16 KiB chunks.

The caller reads the workbook with openpyxl instead when this reader raises
anything: `Unsupported` for what it does not reproduce, or a failure. It may fail
earlier than openpyxl, never later: a malformed part gives no record openpyxl would
not give, so the caller can replay openpyxl and skip the records already given.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.packaging.core import DocumentProperties
from openpyxl.packaging.custom import CustomPropertyList
from openpyxl.packaging.manifest import Manifest
from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.packaging.workbook import WorkbookPackage
from openpyxl.reader.excel import _find_workbook_part
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.workbook import Workbook
from openpyxl.worksheet import _reader as sheet_reader
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.print_settings import PrintArea, PrintTitles
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_CORE,
    ARC_CUSTOM,
    ARC_STYLE,
    ARC_THEME,
    SHARED_STRINGS,
    SHEET_MAIN_NS,
)
from openpyxl.xml.functions import fromstring

MAIN = f"{{{SHEET_MAIN_NS}}}"
STRING_TAG, TEXT_TAG = MAIN + "si", MAIN + "t"
ROW_TAG, VALUE_TAG, INLINE_TAG = MAIN + "row", MAIN + "v", MAIN + "is"
DIMENSION_TAG, DATA_TAG = MAIN + "dimension", MAIN + "sheetData"
CHUNK_BYTES = 16 * 1024  # what ElementTree.iterparse (openpyxl's sheet parser) reads at a time
WHOLE_PART_BYTES = 1024 * 1024  # parts up to this size are parsed whole, larger ones streamed
KEPT_SHEET_BYTES = 4 * 1024 * 1024  # parsed sheets kept from the size check to the rows
PLAIN_COORDINATE = re.compile(r"([A-Z]{1,3})[0-9]+")
XML_DECLARATION = re.compile(rb"<\?xml([^>]*)\?>")
DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
DECLARED_VERSION = re.compile(rb"""version\s*=\s*["']([^"']*)["']""")
CACHE_ENTRIES = 256  # per kind of part
Result = TypeVar("Result")

# WorkSheetParser.parse's `properties`: elements it builds (and may refuse) as they end.
PROPERTY_KINDS: dict[str, Any] = {
    sheet_reader.PRINT_TAG: sheet_reader.PrintOptions,
    sheet_reader.MARGINS_TAG: sheet_reader.PageMargins,
    sheet_reader.PAGE_TAG: sheet_reader.PrintPageSetup,
    sheet_reader.HEADER_TAG: sheet_reader.HeaderFooter,
    sheet_reader.FILTER_TAG: sheet_reader.AutoFilter,
    sheet_reader.VALIDATION_TAG: sheet_reader.DataValidationList,
    sheet_reader.PROPERTIES_TAG: sheet_reader.WorksheetProperties,
    sheet_reader.VIEWS_TAG: sheet_reader.SheetViewList,
    sheet_reader.FORMAT_TAG: sheet_reader.SheetFormatProperties,
    sheet_reader.SCENARIOS_TAG: sheet_reader.ScenarioList,
    sheet_reader.TABLE_TAG: sheet_reader.TablePartList,
    sheet_reader.HYPERLINK_TAG: sheet_reader.HyperlinkList,
    sheet_reader.MERGE_TAG: sheet_reader.MergeCells,
}
HANDLED_TAGS = (*PROPERTY_KINDS, sheet_reader.COL_TAG, sheet_reader.PROT_TAG,
                sheet_reader.EXT_TAG, sheet_reader.CF_TAG, sheet_reader.LEGACY_TAG,
                sheet_reader.ROW_BREAK_TAG, sheet_reader.COL_BREAK_TAG,
                sheet_reader.CUSTOM_VIEWS_TAG)
HEAD_TAGS = (DIMENSION_TAG, DATA_TAG)  # what openpyxl looks at when it sizes a sheet
BODY_TAGS = (ROW_TAG, *HANDLED_TAGS)  # what it acts on when it reads the rows


class Unsupported(Exception):
    """A construct this reader leaves to openpyxl (the message says which)."""


@dataclass
class Sheet:
    title: str
    path: str
    max_row: int | None
    max_column: int | None
    root: Any | None  # the parsed part, kept from the size check for the rows


@dataclass
class Book:
    archive: zipfile.ZipFile
    epoch: datetime.datetime
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    shared_strings: list[str]
    sheets: list[Sheet]


# ---- XML streaming -------------------------------------------------------------------

def check_prolog(chunk: bytes) -> None:
    """Parts libxml2 and expat could read differently are left to openpyxl."""
    if not chunk.lstrip(b" \t\r\n").startswith(b"<") and not chunk.startswith(b"\xef\xbb\xbf<"):
        raise Unsupported("part not in plain UTF-8")
    declaration = XML_DECLARATION.match(chunk.removeprefix(b"\xef\xbb\xbf"))
    if declaration is None:
        return
    encoding = DECLARED_ENCODING.search(declaration.group(1))
    if encoding is not None and encoding.group(1).lower() != b"utf-8":
        raise Unsupported("declared encoding other than UTF-8")
    version = DECLARED_VERSION.search(declaration.group(1))
    if version is not None and version.group(1) != b"1.0":
        raise Unsupported("XML version other than 1.0")


def parser_options() -> dict[str, Any]:
    return {"resolve_entities": False, "no_network": True, "huge_tree": False,
            "remove_comments": True, "remove_pis": True}


def refuse_doctype(element: Any) -> None:
    """defusedxml (openpyxl's sheet parser) refuses entity declarations; lxml does not."""
    if element.getroottree().docinfo.doctype:
        raise Unsupported("part with a DOCTYPE")


def load_part(archive: zipfile.ZipFile, name: str) -> Any | None:
    """The whole part parsed, if it is small; None for a part to stream."""
    info = archive.getinfo(name)
    if info.file_size > WHOLE_PART_BYTES:
        return None
    raw = archive.read(info)
    check_prolog(raw[:CHUNK_BYTES])
    root = etree.fromstring(raw, etree.XMLParser(**parser_options()))
    refuse_doctype(root)
    return root


def walked_elements(root: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """Elements of a parsed part as they end, in document order (as iterparse sees them)."""
    for _event, element in etree.iterwalk(root, events=("end",), tag=tags):
        yield element


def streamed_elements(archive: zipfile.ZipFile, name: str, tags: tuple[str, ...]
                      ) -> Iterator[Any]:
    """Elements as they end, fed in ElementTree.iterparse's chunks. openpyxl sees the
    elements of a chunk once that chunk has parsed; these come out once the chunk after
    it has parsed too, so however late libxml2 notices an error, this never gives
    more of a malformed part than openpyxl gives before it fails."""
    parser = etree.XMLPullParser(events=("end",), tag=tags, **parser_options())
    pending: list[Any] = []
    first_chunk = True
    with archive.open(name) as source:
        while chunk := source.read(CHUNK_BYTES):
            if first_chunk:
                check_prolog(chunk)
                first_chunk = False
            parser.feed(chunk)
            yield from pending
            pending = ended(parser)
    parser.close()
    yield from pending
    yield from ended(parser)


def ended(parser: Any) -> list[Any]:
    elements = [element for _event, element in parser.read_events()]
    if elements:
        refuse_doctype(elements[0])
    return elements


def drop_previous(element: Any) -> None:
    """Ended siblings stay attached to the tree in lxml: drop them to bound memory."""
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


# ---- workbook-level parts ------------------------------------------------------------

def plain_text(node: Any) -> str:
    """openpyxl's Text(...).content, computed directly for the common `<si><t>..</t></si>`."""
    if len(node) == 1 and node[0].tag == TEXT_TAG and not node.attrib:
        return node[0].text or ""
    return Text.from_tree(node).content


def read_shared_strings(archive: zipfile.ZipFile, name: str | None) -> list[str]:
    if name is None:
        return []
    root = load_part(archive, name)
    if root is not None:
        return [plain_text(item).replace("x005F_", "")
                for item in walked_elements(root, (STRING_TAG,))]
    strings: list[str] = []
    for item in streamed_elements(archive, name, (STRING_TAG,)):
        strings.append(plain_text(item).replace("x005F_", ""))
        item.clear()
        drop_previous(item)
    return strings


_caches: dict[str, dict[bytes, Any]] = {}
CACHE_KEY = os.urandom(32)


def remembered(kind: str, content: bytes, build: Callable[[], Result]) -> Result:
    """build() once per process for parts that repeat across workbooks (package layout,
    stylesheet, sheet list, sheet formatting). Keys are BLAKE2 digests under a random
    per-process key; values are what openpyxl derives, never cell text."""
    cache = _caches.setdefault(kind, {})
    key = hashlib.blake2b(content, key=CACHE_KEY, digest_size=16).digest()
    value = cache.get(key)
    if value is None:
        value = build()
        if len(cache) >= CACHE_ENTRIES:
            cache.clear()
        cache[key] = value
    return cast(Result, value)


def package_parts(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """(workbook part, shared-strings part or None), found as openpyxl finds them."""
    content = archive.read(ARC_CONTENT_TYPES)

    def parts() -> tuple[str, str | None]:
        manifest = Manifest.from_tree(fromstring(content))
        strings = manifest.find(SHARED_STRINGS)
        return (_find_workbook_part(manifest).PartName[1:],
                None if strings is None else strings.PartName[1:])
    return remembered("content types", content, parts)


def relations(archive: zipfile.ZipFile, path: str) -> dict[str, Any]:
    """openpyxl's get_dependents(...).to_dict(): targets resolved against the part's folder."""
    content = path.encode() + b"\0" + archive.read(path)
    return remembered("relations", content, lambda: get_dependents(archive, path).to_dict())


def date_styles(archive: zipfile.ZipFile) -> tuple[frozenset[int], frozenset[int]]:
    """(date style indexes, timedelta style indexes) exactly as openpyxl derives them."""
    def derived() -> tuple[frozenset[int], frozenset[int]]:
        workbook = Workbook()
        apply_stylesheet(archive, workbook)
        return frozenset(workbook._date_formats), frozenset(workbook._timedelta_formats)
    try:
        content = archive.read(ARC_STYLE)
    except KeyError:
        return remembered("no stylesheet", b"", derived)
    return remembered("stylesheet", content, derived)


def read_properties(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Parts openpyxl reads, and can refuse, although they hold no cell text."""
    if ARC_CORE in names:
        DocumentProperties.from_tree(fromstring(archive.read(ARC_CORE)))
    if ARC_CUSTOM in names:
        CustomPropertyList.from_tree(fromstring(archive.read(ARC_CUSTOM)))
    if ARC_THEME in names:
        archive.read(ARC_THEME)


def dimension_of(elements: Iterator[Any]) -> tuple[Any, ...] | None:
    """ReadOnlyWorksheet._get_size: the `dimension` element, if it ends before the rows."""
    for element in elements:
        if element.tag == DIMENSION_TAG:
            if len(element):  # openpyxl would have cleared its children first
                raise Unsupported("dimension element with children")
            return tuple(SheetDimension.from_tree(element).boundaries)
        if element.tag == DATA_TAG:
            return None
        element.clear()  # a row, streamed to find a dimension that comes late or never
        drop_previous(element)
    return None


def sheet_part(archive: zipfile.ZipFile, title: str, path: str, kept_bytes: int) -> Sheet:
    """The sheet's size as openpyxl reads it at load time, and the parsed part if small
    enough to keep for its rows (kept_bytes: how much is kept already)."""
    root = load_part(archive, path)
    if root is None:
        dimensions = dimension_of(streamed_elements(archive, path, HEAD_TAGS + (ROW_TAG,)))
    else:
        dimensions = dimension_of(walked_elements(root, HEAD_TAGS))
        if kept_bytes + archive.getinfo(path).file_size > KEPT_SHEET_BYTES:
            root = None
    max_column, max_row = (dimensions[2], dimensions[3]) if dimensions else (None, None)
    return Sheet(title, path, max_row, max_column, root)


def find_sheets(archive: zipfile.ZipFile, names: set[str], package: WorkbookPackage,
                workbook_part: str) -> list[Sheet]:
    """The worksheets openpyxl would list, in order (ExcelReader.read_worksheets)."""
    sheets: list[Sheet] = []
    relations_of_book = None
    kept_bytes = 0
    for entry in package.sheets:
        if not entry.id:
            continue
        if relations_of_book is None:
            relations_of_book = relations(archive, get_rels_path(workbook_part))
        relation = relations_of_book[entry.id]
        if relation.target not in names:
            continue
        if "chartsheet" in relation.Type:
            raise Unsupported("chartsheet")
        sheet_relations = get_rels_path(relation.target)
        if sheet_relations in names:
            relations(archive, sheet_relations)
        sheets.append(sheet_part(archive, entry.name, relation.target, kept_bytes))
        if sheets[-1].root is not None:
            kept_bytes += archive.getinfo(relation.target).file_size
    return sheets


def check_defined_names(package: WorkbookPackage, sheet_count: int) -> None:
    """WorkbookParser.assign_names, for the refusals only (a bad print-titles name)."""
    if not package.definedNames:
        return
    sheets = list(range(sheet_count))
    for index, defined in package.definedNames.by_sheet().items():
        if index == "global":
            continue
        try:
            sheets[index]
        except IndexError:
            continue
        for definition in defined.values():
            reserved = definition.is_reserved
            if reserved == "Print_Titles":
                PrintTitles.from_string(definition.value)
            elif reserved == "Print_Area":
                try:
                    PrintArea.from_string(definition.value)
                except TypeError:
                    continue


def open_book(archive: zipfile.ZipFile) -> Book:
    """What load_workbook(read_only=True, data_only=True) reads and checks, in its order."""
    names = set(archive.namelist())
    workbook_part, strings_part = package_parts(archive)
    shared_strings = read_shared_strings(archive, strings_part)
    content = archive.read(workbook_part)
    package = remembered("workbook", content,
                         lambda: WorkbookPackage.from_tree(fromstring(content)))
    if package.externalReferences:
        raise Unsupported("external links")
    epoch = CALENDAR_MAC_1904 if package.properties.date1904 else WINDOWS_EPOCH
    read_properties(archive, names)
    dates, timedeltas = date_styles(archive)
    sheets = find_sheets(archive, names, package, workbook_part)
    check_defined_names(package, len(sheets))
    return Book(archive, epoch, dates, timedeltas, shared_strings, sheets)


# ---- rows ----------------------------------------------------------------------------

_columns: dict[str, int] = {}


def column_of(coordinate: str) -> int:
    plain = PLAIN_COORDINATE.fullmatch(coordinate)
    if plain is None:
        return int(coordinate_to_tuple(coordinate)[1])
    letters = plain.group(1)
    column = _columns.get(letters)
    if column is None:
        column = _columns[letters] = column_index_from_string(letters)
    return column


def cell_value(cell: Any, book: Book) -> Any:
    """WorkSheetParser.parse_cell with data_only: the cached value, never the formula."""
    data_type = cell.get("t", "n")
    style_id = cell.get("s", 0)
    if style_id:
        style_id = int(style_id)
    if data_type == "inlineStr":
        return inline_text(cell)
    for child in cell:
        if child.tag == VALUE_TAG:  # the first `v`, as findtext finds it
            return typed_value(child.text, data_type, style_id, book) if child.text else None
    return None


def inline_text(cell: Any) -> str | None:
    for child in cell:
        if child.tag == INLINE_TAG:
            return plain_text(child)
    return None


def typed_value(value: str, data_type: str, style_id: Any, book: Book) -> Any:
    if data_type == "n":
        number = _cast_number(value)
        if style_id not in book.date_styles:
            return number
        try:
            return from_excel(number, book.epoch, timedelta=style_id in book.timedelta_styles)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's stand-in for a date serial out of range
    if data_type == "s":
        return book.shared_strings[int(value)]
    if data_type == "b":
        return bool(int(value))
    if data_type == "d":
        return from_ISO8601(value)
    return value


def row_number(row: Any, previous: int) -> int:
    number = row.get("r")
    if number is None:
        return previous + 1
    try:
        return int(number)
    except ValueError:
        as_float = float(number)
        if as_float.is_integer():
            return int(as_float)
        raise ValueError("not a valid row number") from None


def row_cells(row: Any, book: Book) -> list[tuple[int, Any]]:
    """(column, value) for every child of the row, as WorkSheetParser.parse_row."""
    cells = []
    column = 0
    for cell in row:
        value = cell_value(cell, book)
        coordinate = cell.get("r")
        column = column_of(coordinate) if coordinate else column + 1
        cells.append((column, value))
    return cells


def sheet_handlers() -> dict[str, Any]:
    """What WorkSheetParser.parse does with the elements around the rows: each can refuse."""
    parser = WorkSheetParser(None, [])
    handlers: dict[str, Any] = {
        sheet_reader.COL_TAG: parser.parse_column_dimensions,
        sheet_reader.PROT_TAG: parser.parse_sheet_protection,
        sheet_reader.EXT_TAG: parser.parse_extensions,
        sheet_reader.CF_TAG: parser.parse_formatting,
        sheet_reader.LEGACY_TAG: parser.parse_legacy,
        sheet_reader.ROW_BREAK_TAG: parser.parse_row_breaks,
        sheet_reader.COL_BREAK_TAG: parser.parse_col_breaks,
        sheet_reader.CUSTOM_VIEWS_TAG: parser.parse_custom_views,
    }
    for tag, kind in PROPERTY_KINDS.items():
        handlers[tag] = kind.from_tree
    return handlers


def parsed_rows(elements: Iterator[Any], book: Book
                ) -> Iterator[tuple[int, list[tuple[int, Any]]]]:
    """WorkSheetParser.parse: (row number, cells) for each row, in document order."""
    handlers: dict[str, Any] | None = None
    number = 0
    for element in elements:
        tag = element.tag
        if tag == ROW_TAG:
            number = row_number(element, number)
            cells = row_cells(element, book)
            element.clear()
            if getattr(element.getparent(), "tag", None) == DATA_TAG:
                drop_previous(element)
            yield number, cells
        else:
            handlers = handlers or sheet_handlers()
            handle = handlers[tag]
            remembered("sheet element", etree.tostring(element),
                       lambda: handle(element) or True)  # noqa: B023 - called right here
            element.clear()


def sheet_elements(book: Book, sheet: Sheet) -> Iterator[Any]:
    root, sheet.root = sheet.root, None
    if root is None:
        root = load_part(book.archive, sheet.path)
    if root is None:
        return streamed_elements(book.archive, sheet.path, BODY_TAGS)
    return walked_elements(root, BODY_TAGS)


def padded(cells: list[tuple[int, Any]], max_column: int | None) -> tuple[Any, ...]:
    """ReadOnlyWorksheet._get_row(values_only=True) from column 1."""
    if not cells and not max_column:
        return ()
    max_column = max_column or cells[-1][0]
    values: list[Any] = [None] * max_column
    for column, value in cells:
        if 1 <= column <= max_column:
            values[column - 1] = value
    return tuple(values)


def sheet_rows(book: Book, sheet: Sheet) -> Iterator[tuple[Any, ...]]:
    """ReadOnlyWorksheet._cells_by_row(1, 1, max_column, max_row, values_only=True)."""
    max_column, max_row = sheet.max_column, sheet.max_row
    empty_row: tuple[Any, ...] = () if max_column is None else (None,) * max_column
    counter = number = 1
    for number, cells in parsed_rows(sheet_elements(book, sheet), book):
        if max_row is not None and number > max_row:
            break
        for _ in range(counter, number):
            counter += 1
            yield empty_row
        if counter <= number:
            counter += 1
            yield padded(cells, max_column)
    if max_row is not None and max_row < number:
        for _ in range(counter, max_row + 1):
            yield empty_row
