"""The streaming .xlsx reader gives exactly what the openpyxl reader gives.

Every workbook is generated here (openpyxl writes it; the zip's XML is edited for
what openpyxl does not write) and read three ways: openpyxl (the reference), the
streaming reader alone (so a fallback cannot hide a difference), and `extract_xlsx`
(streaming with openpyxl behind it). Pieces, text accounting and the error must be
identical. Each case runs twice: parts parsed whole, and parts streamed in chunks.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable, Iterator

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from phiscan.config import LimitsConfig
from phiscan.extract import xlsx_stream
from phiscan.extract.base import ExtractContext, Piece
from phiscan.extract.spreadsheet import extract_xlsx, extract_xlsx_openpyxl, streamed_units
from phiscan.extract.xlsx_stream import Unsupported
from phiscan.model import TextUnit

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
Outcome = tuple[list[Piece], int, str | None]
Reader = Callable[[bytes, ExtractContext], Iterator[Piece]]


@pytest.fixture(params=["whole", "streamed"], autouse=True)
def part_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """`streamed`: every part goes through the chunked pull parser, as a large one does."""
    if request.param == "streamed":
        monkeypatch.setattr(xlsx_stream, "WHOLE_PART_BYTES", -1)
    return str(request.param)


def read(reader: Reader, data: bytes, max_text_chars: int = 20_000_000) -> Outcome:
    ctx = ExtractContext.for_file("book.xlsx", LimitsConfig(max_text_chars=max_text_chars))
    pieces: list[Piece] = []
    try:
        for piece in reader(data, ctx):
            pieces.append(piece)
    except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
        return pieces, ctx.text_chars_used, f"{type(exc).__name__}: {exc}"
    return pieces, ctx.text_chars_used, None


def same_as_openpyxl(data: bytes, *, streamed: bool = True, **limits: int) -> Outcome:
    """The reference outcome, after checking both other readers give it."""
    reference = read(extract_xlsx_openpyxl, data, **limits)
    assert read(extract_xlsx, data, **limits) == reference
    if streamed:  # the same pieces, and a failure at the same point (its own exception)
        pieces, chars, error = read(streamed_units, data, **limits)
        assert (pieces, chars, error is None) == (reference[0], reference[1], reference[2] is None)
    return reference


def texts(outcome: Outcome) -> list[tuple[str, str]]:
    return [(piece.where, piece.text) for piece in outcome[0] if isinstance(piece, TextUnit)]


def saved(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def edited(data: bytes, changes: dict[str, Callable[[str], str] | str | None]) -> bytes:
    """The workbook with parts rewritten (a function of the old XML), added, or removed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            change = changes.get(name, lambda xml: xml)
            if change is None:
                continue
            old = source.read(name).decode()
            target.writestr(name, change(old) if callable(change) else change)
        for name, change in changes.items():
            if name not in source.namelist() and isinstance(change, str):
                target.writestr(name, change)
    return buffer.getvalue()


def sheet_xml(rows: str, dimension: str | None = "A1:D9") -> str:
    head = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{MAIN_NS}">{head}<sheetData>{rows}</sheetData></worksheet>'


def with_sheet(rows: str, dimension: str | None = "A1:D9", **more: str | None) -> bytes:
    """A one-sheet workbook whose sheet XML is exactly `rows`."""
    return edited(saved(openpyxl.Workbook()),
                  {"xl/worksheets/sheet1.xml": sheet_xml(rows, dimension), **more})


def shared_strings(*items: str) -> dict[str, Callable[[str], str] | str | None]:
    """Changes adding a shared-string table with these `si` bodies."""
    table = (f'<sst xmlns="{MAIN_NS}" count="{len(items)}">'
             + "".join(f"<si>{item}</si>" for item in items) + "</sst>")
    override = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return {"xl/sharedStrings.xml": table,
            "[Content_Types].xml": lambda xml: xml.replace("</Types>", override + "</Types>")}


def test_sheets_sparse_rows_header_not_first_unicode_and_empty_sheet() -> None:
    workbook = openpyxl.Workbook()
    visits = workbook.active
    visits.title = "Visits"
    visits["B3"], visits["D3"] = "client", "nhs_number"
    visits["B4"], visits["D4"] = "Zoë Ólafsdóttir 患者", 9434765919
    visits["C9"] = "  spaced   out  "
    workbook.create_sheet("Empty")
    contacts = workbook.create_sheet("Contacts")
    contacts.append(["name", "email"])
    contacts.append(["Jane Smith", "jane@example.org"])
    contacts.append([None, None])
    contacts.append(["", "x"])
    outcome = same_as_openpyxl(saved(workbook))
    assert texts(outcome) == [
        ("sheet Visits row 4", "client: Zoë Ólafsdóttir 患者\nnhs_number: 9434765919\n"),
        ("sheet Visits row 9", "column_3: spaced out\n"),
        ("sheet Contacts row 2", "name: Jane Smith\nemail: jane@example.org\n"),
        ("sheet Contacts row 4", "email: x\n"),
    ]
    assert outcome[1] == sum(len(text) for _where, text in texts(outcome))


def test_dates_times_and_durations_by_builtin_and_custom_formats() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["born", "seen", "at", "custom", "lasted", "plain"])
    sheet.append([datetime.date(1941, 3, 12), datetime.datetime(2024, 5, 1, 14, 30),
                  datetime.time(9, 15), datetime.datetime(1999, 12, 31),
                  datetime.timedelta(hours=30, minutes=5), 45000])
    sheet["D2"].number_format = "dd/mm/yyyy;@"
    sheet["E2"].number_format = "[h]:mm:ss"
    sheet["A3"], sheet["A3"].number_format = 45000.5, "yyyy-mm-dd h:mm"
    sheet["B3"], sheet["B3"].number_format = 0.25, "h:mm AM/PM"
    sheet["C3"], sheet["C3"].number_format = 12.5, '0.0" kg"'
    sheet["D3"], sheet["D3"].number_format = 10 ** 9, "yyyy-mm-dd"  # out of date range
    outcome = same_as_openpyxl(saved(workbook))
    assert texts(outcome)[0][1] == ("born: 1941-03-12\nseen: 2024-05-01T14:30:00\nat: 09:15:00\n"
                                    "custom: 1999-12-31\nlasted: 1 day, 6:05:00\nplain: 45000\n")
    assert texts(outcome)[1][1] == ("born: 2023-03-15T12:00:00\nseen: 06:00:00\nat: 12.5\n"
                                    "custom: #VALUE!\n")


def test_date1904_workbook() -> None:
    workbook = openpyxl.Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(["dob"])
    sheet.append([datetime.date(1941, 3, 12)])
    data = saved(workbook)
    assert b"date1904" in zipfile.ZipFile(io.BytesIO(data)).read("xl/workbook.xml")
    assert texts(same_as_openpyxl(data)) == [("sheet Sheet row 2", "dob: 1941-03-12\n")]


def test_numbers_booleans_errors_and_formulas() -> None:
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>count</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>nhs_number</t></is></c></row>'
            '<row r="2"><c r="A2"><v>3.0</v></c><c r="B2"><v>9434765919</v></c>'
            '<c r="C2"><v>1.5E3</v></c><c r="D2"><v>-0.125</v></c></row>'
            '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c>'
            '<c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
            '<row r="4"><c r="A4"><f>SUM(1,2)</f><v>3</v></c><c r="B4"><f>1/0</f></c>'
            '<c r="C4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>'
            '<c r="D4" t="d"><v>2020-02-29T10:00:00</v></c></row>'
            '<row r="5"><c r="A5"><v></v></c><c r="B5" t="n"/><c r="C5" t="x"><v>raw</v></c>'
            '<c r="D5" s=""><v>7</v></c></row>')
    outcome = same_as_openpyxl(with_sheet(rows))
    assert [text for _where, text in texts(outcome)] == [
        "count: 3\nnhs_number: 9434765919\ncolumn_3: 1500\ncolumn_4: -0.125\n",
        "count: True\nnhs_number: False\ncolumn_3: #DIV/0!\ncolumn_4: #N/A\n",
        "count: 3\ncolumn_3: xy\ncolumn_4: 2020-02-29T10:00:00\n",
        "column_3: raw\ncolumn_4: 7\n",
    ]


def test_shared_strings_rich_text_phonetic_runs_and_escapes() -> None:
    strings = shared_strings(
        "<t>name</t>", "<t>nhs</t>",
        '<r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Jane </t></r><r><t>Smith</t></r>',
        '<t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/>',
        "<t>a_x005F_x000D_b</t>", "<t/>", '<t xml:space="preserve">  kept  </t>',
        "<t>plain </t><r><t>then run</t></r>")
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c>'
            '<c r="C3" t="s"><v>6</v></c><c r="D3" t="s"><v>7</v></c></row>')
    outcome = same_as_openpyxl(with_sheet(rows, **strings))
    assert [text for _where, text in texts(outcome)] == [
        "name: Jane Smith\nnhs: 山田\n",
        "name: a_x000D_b\ncolumn_3: kept\ncolumn_4: plain then run\n"]


def test_inline_rich_text_and_cells_or_rows_without_coordinates() -> None:
    rows = ('<row><c t="inlineStr"><is><t>first_name</t></is></c><c t="inlineStr"><is><t>visits'
            '</t></is></c></row>'
            '<row><c t="inlineStr"><is><r><t>Ro</t></r><r><rPr><i/></rPr><t>se</t></r></is></c>'
            '<c><v>2</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>'
            '<row r="5.0"><c r="B5" t="inlineStr"><is><t>five</t></is></c></row>'
            '<row r="4"><c r="A4"><v>4</v></c></row>'
            '<row r="20"><c r="A20"><v>20</v></c></row>')
    outcome = same_as_openpyxl(with_sheet(rows, dimension="A1:E9"))
    assert texts(outcome) == [
        ("sheet Sheet row 2", "first_name: Rose\nvisits: 2\ncolumn_4: 4\ncolumn_5: 5\n"),
        ("sheet Sheet row 5", "visits: five\n"),
    ]


@pytest.mark.parametrize("dimension", [None, "B2", "A1:B2", "A:C", "C1:A1"])
def test_rows_padded_by_the_dimension_or_its_absence(dimension: str | None) -> None:
    rows = ('<row r="2"><c r="B2" t="inlineStr"><is><t>h1</t></is></c>'
            '<c r="D2" t="inlineStr"><is><t>h2</t></is></c></row>'
            '<row r="3"><c r="A3"><v>1</v></c><c r="C3"><v>3</v></c><c r="E3"><v>5</v></c></row>'
            '<row r="7"><c r="D7"><v>4</v></c></row>')
    outcome = same_as_openpyxl(with_sheet(rows, dimension=dimension))
    assert outcome[2] is None


def test_large_sheet_streamed_in_chunks_then_truncated(part_mode: str) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["client", "nhs_number"])
    for number in range(600):
        sheet.append([f"Client {number}", 9000000000 + number])
    data = saved(workbook)
    complete = same_as_openpyxl(data)
    assert len(complete[0]) == 600
    part = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert len(part) > 3 * xlsx_stream.CHUNK_BYTES
    broken = edited(data, {"xl/worksheets/sheet1.xml": part[:part.index('<row r="400"')]
                           + "<row r=400></sheetData>"})
    truncated = same_as_openpyxl(broken, streamed=False)
    assert 0 < len(truncated[0]) < 399 and truncated[2] is not None
    # Alone, the streaming reader stops at or before openpyxl's last record, never after
    # (parsed whole, the part fails before its first record): openpyxl gives the rest.
    alone = read(streamed_units, broken)[0]
    assert alone == truncated[0][:len(alone)]
    assert (len(alone) > 0) == (part_mode == "streamed")


def test_text_limit_stops_at_the_same_record() -> None:
    workbook = openpyxl.Workbook()
    for number in range(30):
        workbook.active.append([f"name {number}", f"value {number}"])
    outcome = same_as_openpyxl(saved(workbook), max_text_chars=200)
    assert outcome[2] == ("LimitExceeded: partial: text over max_text_chars: read 192 characters,"
                          " the rest not read")
    assert [unit.where for unit in outcome[0]] == [f"sheet Sheet row {row}" for row in range(2, 8)]


def two_sheets() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.append(["a"])
    workbook.active.append(["first sheet"])
    second = workbook.create_sheet("Two")
    second.append(["b"])
    second.append(["second sheet"])
    return saved(workbook)


@pytest.mark.parametrize(("changes", "expected"), [
    ({"xl/worksheets/sheet2.xml": None}, None),  # openpyxl skips a sheet without a part
    ({"xl/worksheets/sheet2.xml": "<worksheet><sheetData>"}, "ParseError: no element found"),
    ({"xl/worksheets/sheet1.xml": lambda xml: xml.replace("<v>", "<v>x")}, None),
    ({"xl/_rels/workbook.xml.rels": None}, "ExtractionError: malformed xlsx: KeyError"),
    ({"xl/workbook.xml": lambda xml: xml.replace('sheetId="2"', 'sheetId="two"')},
     "ExtractionError: malformed xlsx: TypeError"),
    ({"xl/styles.xml": "<styleSheet"}, "XMLSyntaxError"),
    ({"xl/styles.xml": None}, None),
    ({"docProps/core.xml": "<cp:coreProperties>"}, "XMLSyntaxError"),
    ({"[Content_Types].xml": None}, "ExtractionError: malformed xlsx: KeyError"),
])
def test_damaged_workbooks_fail_or_pass_as_openpyxl_does(
        changes: dict[str, Callable[[str], str] | str | None], expected: str | None) -> None:
    outcome = same_as_openpyxl(edited(two_sheets(), changes), streamed=False)
    assert (outcome[2] is None) == (expected is None)
    assert expected is None or expected in outcome[2]


def test_not_a_zip_is_refused_before_either_reader() -> None:
    outcome = same_as_openpyxl(b"PK\x03\x04 not really a zip", streamed=False)
    assert outcome == ([], 0, "ExtractionError: corrupt xlsx (not a valid zip container): "
                              "BadZipFile")


def test_a_bad_shared_string_index_fails_after_the_rows_before_it() -> None:
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>9</v></c></row>')
    outcome = same_as_openpyxl(with_sheet(rows, **shared_strings("<t>x</t>")), streamed=False)
    # `x` over `x` is no header (a label is never repeated in its column): two records
    assert [text for _where, text in texts(outcome)] == ["column_1: x\n", "column_1: x\n"]
    assert outcome[2] == "ExtractionError: malformed xlsx: IndexError"


@pytest.mark.parametrize("construct", ["chartsheet", "doctype", "latin-1", "external link"])
def test_constructs_left_to_openpyxl(construct: str) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["name"])
    workbook.active.append(["Jane Smith"])
    changes: dict[str, Callable[[str], str] | str | None] = {}
    if construct == "chartsheet":
        workbook.create_chartsheet("Chart")
    elif construct == "doctype":
        changes["xl/worksheets/sheet1.xml"] = lambda xml: "<!DOCTYPE worksheet>" + xml
    elif construct == "latin-1":
        changes["xl/worksheets/sheet1.xml"] = (
            lambda xml: '<?xml version="1.0" encoding="ISO-8859-1"?>' + xml)
    else:
        changes["xl/workbook.xml"] = lambda xml: xml.replace(
            "</sheets>", '</sheets><externalReferences><externalReference xmlns:r="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships" r:id="rId9"/>'
                         "</externalReferences>")
    data = edited(saved(workbook), changes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, pytest.raises(Unsupported):
        book = xlsx_stream.open_book(archive)
        for sheet in book.sheets:
            list(xlsx_stream.sheet_rows(book, sheet))
    same_as_openpyxl(data, streamed=False)


def test_parts_common_to_workbooks_are_parsed_once_per_process() -> None:
    xlsx_stream._caches.clear()
    same_as_openpyxl(two_sheets())
    sizes = {kind: len(cache) for kind, cache in xlsx_stream._caches.items()}
    same_as_openpyxl(two_sheets())
    assert {kind: len(cache) for kind, cache in xlsx_stream._caches.items()} == sizes
    assert sizes == {"content types": 1, "workbook": 1, "relations": 1, "stylesheet": 1,
                     "sheet element": 4}
    keys = [key for cache in xlsx_stream._caches.values() for key in cache]
    assert all(len(key) == 16 for key in keys)
