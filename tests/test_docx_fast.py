"""The direct .docx reader gives exactly what the python-docx path gives: the same
units (text, where, fields, records, order) and the same status and error, for
every construct python-docx treats specially, and for broken packages.

Documents are written with python-docx; what it cannot write (hyperlinks,
revisions, content controls, fields, breaks of each type) is put into the
document XML directly."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches

from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, ExtractionError, word
from phiscan.extract.docx_direct import read_blocks_or_none
from phiscan.model import TextUnit

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
OTHER_MAIN = "application/vnd.example.document.main+xml"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

Outcome = tuple[list[TextUnit], str | None]


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def patched(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with some members replaced (None: removed)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in changes:
                target.writestr(info, source.read(info))
            elif changes[info.filename] is not None:
                target.writestr(info.filename, changes[info.filename])
    return buffer.getvalue()


def flagged_encrypted(data: bytes, name: str) -> bytes:
    """The member's local and central headers say it is encrypted (its bytes are not).
    zipfile cannot write that flag, so it is set in place (general-purpose bit 0)."""
    patched_data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    patched_data[info.header_offset + 6] |= 0x1
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    patched_data[central + 8] |= 0x1
    return bytes(patched_data)


def member(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def with_body(body_xml: str, base: bytes | None = None) -> bytes:
    """A python-docx package whose document body is `body_xml` (plus its sectPr)."""
    base = base or saved(docx.Document())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body_xml}'
           f'<w:sectPr/></w:body></w:document>')
    return patched(base, {"word/document.xml": xml.encode()})


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*inner: str) -> str:
    return f"<w:p>{''.join(inner)}</w:p>"


def outcome(extract, data: bytes, limits: LimitsConfig | None = None) -> Outcome:
    """Units yielded until the end or an error, and the error as the pipeline reports it."""
    units: list[TextUnit] = []
    ctx = ExtractContext.for_file("a.docx", limits or LimitsConfig())
    try:
        units.extend(extract(data, ctx))
    except ExtractionError as exc:
        return units, f"{type(exc).__name__}: {exc}"
    except Exception as exc:
        return units, f"docx: malformed ({type(exc).__name__})"
    return units, None


def fast_equals_python_docx(data: bytes, limits: LimitsConfig | None = None) -> Outcome:
    fast = outcome(word.extract_docx, data, limits)
    assert fast == outcome(word.extract_docx_python_docx, data, limits)
    return fast


def body_text(data: bytes) -> str:
    units, error = fast_equals_python_docx(data)
    assert error is None
    assert read_blocks_or_none(data) is not None, "read without python-docx"
    [body] = [unit for unit in units if unit.where == "body"]
    return body.text


def direct_body_text(data: bytes, python_docx_body: str) -> str:
    """The body the direct reader gives where it reads more than python-docx, whose
    body (the gap this reader closes) is pinned too."""
    units, error = outcome(word.extract_docx, data)
    lean, lean_error = outcome(word.extract_docx_python_docx, data)
    assert error is lean_error is None
    assert [unit.text for unit in lean if unit.where == "body"] == [python_docx_body]
    [body] = [unit for unit in units if unit.where == "body"]
    return body.text


def test_hyperlink_runs_count_and_so_do_revisions_inside_them():
    base = docx.Document()
    rid = base.part.relate_to("https://example.org/jane", RT.HYPERLINK, is_external=True)
    data = with_body(paragraph(
        run("Contact "), f'<w:hyperlink r:id="{rid}">', run("Jane Smith"),
        '<w:ins w:id="1" w:author="a">', run(" (was Jones)"), "</w:ins></w:hyperlink>",
        '<w:hyperlink w:anchor="notes">', run(" (notes)"), "</w:hyperlink>",
        run(" today")), saved(base))
    assert direct_body_text(data, "Contact Jane Smith (notes) today") == (
        "Contact Jane Smith (was Jones) (notes) today")


def test_tabs_breaks_hyphens_and_returns_become_their_characters():
    data = with_body(paragraph(
        "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:ptab w:relativeTo=\"margin\" "
        "w:alignment=\"left\" w:leader=\"none\"/><w:t>c</w:t><w:br/><w:t>d</w:t>"
        "<w:br w:type=\"textWrapping\"/><w:t>e</w:t><w:br w:type=\"page\"/><w:t>f</w:t>"
        "<w:br w:type=\"column\"/><w:t>g</w:t><w:cr/><w:t>h</w:t><w:noBreakHyphen/>"
        "<w:t>i</w:t><w:softHyphen/><w:t>j</w:t><w:sym w:char=\"F04A\"/></w:r>"))
    assert body_text(data) == "a\tb\tc\nd\nefg\nh-ij"


def test_runs_inside_insertions_content_controls_smart_tags_and_fields_are_read():
    """python-docx reads none of these (issue 16: NHS form templates are content
    controls); a tracked deletion is not text and stays unread."""
    data = with_body(
        paragraph(run("kept "), '<w:ins w:id="1" w:author="a">', run("inserted "), "</w:ins>",
                  '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>',
                  "<w:sdt><w:sdtPr><w:alias w:val=\"Name\"/></w:sdtPr><w:sdtContent>",
                  run("in control "), "</w:sdtContent></w:sdt>",
                  '<w:smartTag w:uri="u" w:element="e">', run("tagged "), "</w:smartTag>",
                  '<w:fldSimple w:instr="AUTHOR">', run("field "), "</w:fldSimple>", run("end"))
        + "<w:sdt><w:sdtContent>" + paragraph(run("block control")) + "</w:sdtContent></w:sdt>"
        + paragraph(run("last")))
    assert direct_body_text(data, "kept end\nlast") == (
        "kept inserted in control tagged field end\nblock control\nlast")


def test_ruby_text_gives_its_base_not_its_reading_guide():
    data = with_body(paragraph(run("Clinic in "), "<w:r><w:ruby><w:rubyPr/><w:rt>",
                               run("toukyou"), "</w:rt><w:rubyBase>", run("東京"),
                               "</w:rubyBase></w:ruby></w:r>"))
    assert direct_body_text(data, "Clinic in ") == "Clinic in 東京"


def test_word_markup_around_runs_field_codes_and_text_boxes():
    """What Word itself writes: bookmarks, proofing marks, rendered page breaks, a
    complex field (its code is not text, its result is), a text box (its own unit)."""
    textbox = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
               "<w:txbxContent>" + paragraph(run("in a text box")) + "</w:txbxContent>"
               "</v:textbox></v:shape></w:pict></w:r>")
    data = with_body(paragraph(
        '<w:bookmarkStart w:id="0" w:name="b"/><w:proofErr w:type="spellStart"/>',
        run("Siân"), '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>',
        "<w:r><w:lastRenderedPageBreak/><w:t xml:space=\"preserve\"> seen on </w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d/M/yyyy" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("1/3/2026"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>', textbox,
        '<w:r><w:footnoteReference w:id="1"/><w:delText>gone</w:delText></w:r>'))
    assert body_text(data) == "Siân seen on 1/3/2026"


def test_empty_and_blank_paragraphs_are_dropped_and_unicode_kept():
    data = with_body(paragraph() + paragraph(run("   ")) + paragraph("<w:r><w:t/></w:r>")
                     + paragraph(run("Siân Ó'Brien – 東京 😀")) + paragraph(run("\u00a0")))
    # The en dash reaches detection as `-` (compatibility forms folded one for one).
    assert body_text(data) == "Siân Ó'Brien - 東京 😀"


def tables_docx() -> bytes:
    """A header row, a horizontal merge (gridSpan), a missing header name, a nested table."""
    document = docx.Document()
    document.add_paragraph("Visit list")
    table = document.add_table(rows=4, cols=3)
    for column, name in enumerate(["client_name", "nhs_number", ""]):
        table.rows[0].cells[column].text = name
    table.rows[1].cells[0].text = "John Brown"
    table.rows[1].cells[1].text = "401 023 2137"
    table.rows[1].cells[2].text = "stairs"
    table.rows[2].cells[0].merge(table.rows[2].cells[1]).text = "Jane Smith"
    table.rows[2].cells[2].add_paragraph("second line")
    nested = table.rows[3].cells[0].add_table(rows=2, cols=1)
    nested.rows[1].cells[0].text = "nested text is read"
    table.rows[3].cells[1].text = "943 476 5919"
    document.add_table(rows=0, cols=2)
    return saved(document)


def test_tables_with_header_rows_and_horizontal_merges():
    data = tables_docx()
    assert read_blocks_or_none(data) is not None
    units, error = outcome(word.extract_docx, data)
    assert error is None
    assert [(unit.where, unit.record, unit.text) for unit in units] == [
        ("body", None, "Visit list"),
        ("table 1 row 2", "table 1 row 2",
         "client_name: John Brown\nnhs_number: 401 023 2137\ncolumn_3: stairs\n"),
        ("table 1 row 3", "table 1 row 3",
         "client_name: Jane Smith\nnhs_number: Jane Smith\ncolumn_3: second line\n"),
        # a table nested in a cell is part of the cell's text (python-docx drops it)
        ("table 1 row 4", "table 1 row 4",
         "client_name: nested text is read\nnhs_number: 943 476 5919\n"),
    ]
    assert [field.name for field in units[1].fields] == ["client_name", "nhs_number", "column_3"]
    lean, _error = outcome(word.extract_docx_python_docx, data)
    assert lean[:3] == units[:3] and "nested" not in lean[3].text


def test_vertical_and_block_merges():
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for column, name in enumerate(["client_name", "notes", "nhs_number"]):
        table.rows[0].cells[column].text = name
    table.rows[1].cells[0].merge(table.rows[3].cells[0]).text = "John Brown"
    table.rows[1].cells[1].merge(table.rows[2].cells[2]).text = "key safe 4721"
    table.rows[3].cells[2].text = "401 023 2137"
    data = saved(document)
    assert read_blocks_or_none(data) is not None
    units, error = fast_equals_python_docx(data)
    assert ([unit.text for unit in units], error) == ([
        "client_name: John Brown\nnotes: key safe 4721\nnhs_number: key safe 4721\n",
        "client_name: John Brown\nnotes: key safe 4721\nnhs_number: key safe 4721\n",
        "client_name: John Brown\nnhs_number: 401 023 2137\n",
    ], None)


def cell_xml(text: str, span: int = 1, merge: str | None = None) -> str:
    properties = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else "<w:vMerge/>" if merge == "continue"
        else f'<w:vMerge w:val="{merge}"/>')
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph(run(text) if text else '')}</w:tc>"


def row_xml(*cells: str, before: int = 0) -> str:
    properties = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
    return f"<w:tr>{properties}{''.join(cells)}</w:tr>"


def table_docx(*rows: str) -> bytes:
    return with_body(paragraph(run("Before the table")) + f"<w:tbl>{''.join(rows)}</w:tbl>")


def test_vertical_merges_under_rows_that_start_late():
    data = table_docx(
        row_xml(cell_xml("client"), cell_xml("notes"), cell_xml("visit")),
        row_xml(cell_xml("Jane Smith", merge="restart"), cell_xml("x", span=2), before=1),
        row_xml(cell_xml("", merge="continue"), cell_xml("y"), before=1),
        row_xml(cell_xml("z"), cell_xml("", merge="continue"), cell_xml("w")))
    assert read_blocks_or_none(data) is not None
    units, error = fast_equals_python_docx(data)
    assert ([unit.text for unit in units[1:]], error) == ([
        "client: Jane Smith\nnotes: x\nvisit: x\n", "client: Jane Smith\nnotes: y\n",
        "client: z\nnotes: Jane Smith\nvisit: w\n",
    ], None)


def test_a_continued_cell_takes_the_span_of_the_cell_it_continues():
    data = table_docx(row_xml(cell_xml("name"), cell_xml("notes"), cell_xml("visit")),
                      row_xml(cell_xml("Wide", span=2, merge="restart"), cell_xml("p")),
                      row_xml(cell_xml("", merge="continue"), cell_xml("q")))
    assert read_blocks_or_none(data) is not None
    units, error = fast_equals_python_docx(data)
    assert [unit.text for unit in units[1:]] == ["name: Wide\nnotes: Wide\nvisit: p\n",
                                                 "name: Wide\nnotes: Wide\nvisit: q\n"]


MERGES_PYTHON_DOCX_FAILS_ON = {
    "continued from the top row": (row_xml(cell_xml("", merge="continue"), cell_xml("a")),
                                   row_xml(cell_xml("b"), cell_xml("c"))),
    "continued from inside a span": (row_xml(cell_xml("a", span=2)),
                                     row_xml(cell_xml("b"), cell_xml("", merge="continue"))),
}


@pytest.mark.parametrize("name", sorted(MERGES_PYTHON_DOCX_FAILS_ON))
def test_vertical_merges_python_docx_fails_on_fail_the_same_way(name):
    data = table_docx(*MERGES_PYTHON_DOCX_FAILS_ON[name])
    assert read_blocks_or_none(data) is None
    units, error = fast_equals_python_docx(data)
    assert ([unit.where for unit in units], error) == (["body"], "docx: malformed (ValueError)")


def test_a_very_long_vertical_merge_is_left_to_python_docx():
    data = table_docx(row_xml(cell_xml("client_name")),
                      row_xml(cell_xml("John Brown", merge="restart")),
                      *[row_xml(cell_xml("", merge="continue"))] * 60)
    assert read_blocks_or_none(data) is None
    units, error = fast_equals_python_docx(data)
    assert (len(units), error, units[-1].text) == (62, None, "client_name: John Brown\n")


def sections_docx() -> bytes:
    """Section 1: own header (with a table) and footer, a first-page-only header.
    Section 2: all linked. Section 3: own footer, linked header. Section 4: own header."""
    document = docx.Document()
    document.add_paragraph("Section one body")
    first = document.sections[0]
    first.header.paragraphs[0].text = "Header one: Jane Smith"
    header_table = first.header.add_table(rows=2, cols=2, width=Inches(4))
    header_table.rows[0].cells[0].text = "nhs_number"
    header_table.rows[1].cells[0].text = "943 476 5919"
    first.footer.paragraphs[0].text = "Footer one"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "First page only: John Brown"
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Section two body")
    third = document.add_section(WD_SECTION.NEW_PAGE)
    third.footer.is_linked_to_previous = False
    third.footer.paragraphs[0].text = "Footer three"
    fourth = document.add_section(WD_SECTION.CONTINUOUS)
    fourth.header.is_linked_to_previous = False
    fourth.header.add_paragraph("Header four")
    return saved(document)


def test_headers_and_footers_of_linked_and_unlinked_sections():
    data = sections_docx()
    assert read_blocks_or_none(data) is not None
    units, error = fast_equals_python_docx(data)
    assert error is None
    assert [(unit.where, unit.text) for unit in units] == [
        ("body", "Section one body\nSection two body"),
        ("section 1 header", "Header one: Jane Smith"),
        ("section 1 header table 1 row 2", "nhs_number: 943 476 5919\n"),
        ("section 1 footer", "Footer one"),
        ("section 3 footer", "Footer three"),
        ("section 4 header", "Header four"),
        # python-docx reads only default headers; this one is read after them, by both paths
        ("section 1 first-page header", "First page only: John Brown"),
    ]


def test_a_first_section_without_header_or_footer_gives_nothing():
    document = docx.Document()
    document.add_paragraph("Only body")
    data = saved(document)
    assert read_blocks_or_none(data) is not None
    assert fast_equals_python_docx(data) == ([TextUnit(text="Only body", where="body")], None)


def test_a_section_break_inside_a_content_control_is_left_to_python_docx():
    """python-docx does not list it as a section, yet the first section inherits its header."""
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "Inherited header: Jane Smith"
    base_data = saved(base)
    rid = re.search(r'headerReference w:type="default" r:id="(\w+)"',
                    member(base_data, "word/document.xml").decode()).group(1)
    data = with_body(
        "<w:sdt><w:sdtContent><w:p><w:pPr><w:sectPr>"
        f'<w:headerReference w:type="default" r:id="{rid}"/></w:sectPr></w:pPr></w:p>'
        "</w:sdtContent></w:sdt>" + paragraph(run("Body")), base_data)
    assert read_blocks_or_none(data) is None
    units, error = fast_equals_python_docx(data)
    assert ([(unit.where, unit.text) for unit in units], error) == (
        [("body", "Body"), ("section 1 header", "Inherited header: Jane Smith")], None)


def test_the_text_limit_stops_at_the_same_unit():
    limits = replace(LimitsConfig(), max_text_chars=60)
    units, error = fast_equals_python_docx(sections_docx(), limits)
    assert [unit.where for unit in units] == ["body", "section 1 header"]
    assert error == ("LimitExceeded: partial: text over max_text_chars: read 55 characters,"
                     " the rest not read")


def content_types_with(data: bytes, old: str, new: str) -> bytes:
    types = member(data, "[Content_Types].xml").decode()
    assert old in types
    return patched(data, {"[Content_Types].xml": types.replace(old, new).encode()})


BROKEN = {
    "main part of another kind": lambda: content_types_with(
        saved(docx.Document()), WORD_MAIN, OTHER_MAIN),
    "missing document part": lambda: patched(saved(docx.Document()),
                                             {"word/document.xml": None}),
    "missing styles part": lambda: patched(saved(docx.Document()), {"word/styles.xml": None}),
    "missing content types": lambda: patched(saved(docx.Document()),
                                             {"[Content_Types].xml": None}),
    "truncated zip": lambda: saved(docx.Document())[:2000],
    "not a zip": lambda: b"Dear Jane Smith, this is plain text.\n",
    "malformed header xml": lambda: patched(sections_docx(),
                                            {"word/header1.xml": b"<w:hdr><unclosed"}),
    "header reference to nothing": lambda: with_body(
        paragraph(run("body first")) + '<w:sectPr><w:headerReference w:type="default" '
        'r:id="rId99"/></w:sectPr>'),
    "styles part flagged encrypted": lambda: flagged_encrypted(saved(docx.Document()),
                                                               "word/styles.xml"),
    "no body": lambda: patched(saved(docx.Document()), {"word/document.xml": (
        f'<w:document xmlns:w="{W_NS}"/>').encode()}),
}
EXPECTED_ERRORS = {
    "main part of another kind": "ExtractionError: malformed docx: ValueError",
    "missing document part": "ExtractionError: malformed docx: KeyError",
    "missing styles part": "ExtractionError: malformed docx: KeyError",
    "missing content types": "ExtractionError: malformed docx: KeyError",
    "truncated zip": "ExtractionError: corrupt docx (not a valid zip container): BadZipFile",
    "not a zip": "ExtractionError: corrupt docx (not a valid zip container): BadZipFile",
    "malformed header xml": "docx: malformed (XMLSyntaxError)",
    "header reference to nothing": "docx: malformed (KeyError)",
    "no body": "docx: malformed (AttributeError)",
    "styles part flagged encrypted": "docx: malformed (RuntimeError)",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_packages_fail_exactly_as_with_python_docx(name):
    units, error = fast_equals_python_docx(BROKEN[name]())
    assert error == EXPECTED_ERRORS[name]
    expected_units = ["body"] if name == "header reference to nothing" else []
    assert [unit.where for unit in units] == expected_units


@pytest.mark.parametrize("main_type", [MACRO_MAIN, TEMPLATE_MAIN])
def test_macro_enabled_documents_and_templates_are_read_like_documents(main_type):
    """.docm/.dotx/.dotm differ from .docx only in the main part's content type (once
    "malformed docx: ValueError")."""
    document = docx.Document()
    document.add_paragraph("Template for Jane Smith")
    data = content_types_with(saved(document), WORD_MAIN, main_type)
    assert read_blocks_or_none(data) is not None
    assert fast_equals_python_docx(data) == (
        [TextUnit(text="Template for Jane Smith", where="body")], None)


def test_parts_never_read_may_be_unparsable():
    data = patched(sections_docx(), {"word/styles.xml": b"<w:styles><unclosed",
                                     "word/theme/theme1.xml": b"\x00\x01"})
    assert read_blocks_or_none(data) is not None
    units, error = fast_equals_python_docx(data)
    assert (len(units), error) == (7, None)


def test_entities_are_never_expanded():
    doctype = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY name "Jane Smith">'
               '<!ENTITY file SYSTEM "file:///etc/hostname">]>')
    base = with_body(paragraph(run("Dear &name;&file; x")))
    xml = member(base, "word/document.xml").decode().split("?>", 1)[1]
    data = patched(base, {"word/document.xml": (doctype + xml).encode()})
    assert body_text(data) == "Dear "
