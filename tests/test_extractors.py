"""Each extractor on its own: what text comes out, named how, and where."""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from dataclasses import replace
from email.message import EmailMessage

import docx
import openpyxl
import pytest
from defusedxml import EntitiesForbidden

from phiscan.config import LimitsConfig
from phiscan.extract import (
    ExtractContext,
    ExtractionError,
    LimitExceeded,
    Skip,
    choose_extractor,
    run_extractor,
)
from phiscan.model import Child, TextUnit
from phiscan.synthetic.formats import build_cfb, build_msg, build_pdf
from tests.share_builder import (
    docx_bytes,
    eml_bytes,
    fhir_bundle_bytes,
    hl7_bytes,
    note_lines,
    xlsx_bytes,
)


def extract(kind: str, data: bytes, limits: LimitsConfig | None = None, depth: int = 0,
            name: str = "file") -> list[TextUnit | Child]:
    ctx = ExtractContext.for_file(name, limits or LimitsConfig())
    ctx.depth = depth
    return list(run_extractor(kind, data, ctx))


def fields_of(unit: TextUnit) -> dict[str, str]:
    return {span.name: unit.text[span.start:span.end] for span in unit.fields}


def test_hl7_names_patient_fields_and_keeps_one_record_per_message():
    second = hl7_bytes().replace(b"9434765919", b"4010232137").replace(b"MSG0001", b"MSG0002")
    units = extract("hl7", b"\x0b" + hl7_bytes() + b"\x1c\r" + second)
    assert [(unit.where, unit.record) for unit in units] == [
        ("message 1", "message 1"), ("message 2", "message 2")]
    first = fields_of(units[0])
    assert first["PID-3 nhs_number"] == "9434765919"
    assert first["PID-3 identifier (LTH)"] == "LTH123456"
    assert first["PID-5 patient_name"] == "Jane Smith"
    assert first["PID-7 date_of_birth"] == "1941-03-12"
    assert first["PID-11 address"] == "1 Trevelyan Square, Boar Lane, Leeds"
    assert first["PID-11 postcode"] == "LS1 6AE"
    assert first["MSH-9"] == "ADT A04"  # MSH-1 is the separator: numbering follows HL7
    assert fields_of(units[1])["PID-3 nhs_number"] == "4010232137"


def test_hl7_with_other_delimiters_and_escapes():
    data = b"MSH#*~\\&#PAS#LEEDS\rPID#1##9434765919***NHS#\rNTE#1##a \\F\\ b\r"
    unit = extract("hl7", data)[0]
    assert fields_of(unit)["PID-3 nhs_number"] == "9434765919"
    assert fields_of(unit)["NTE-3"] == "a # b"


@pytest.mark.parametrize("data", [b"PID|1||x\r", b"MSH|^~\\&|A\rpid lower|x\r", b"MSH\r"])
def test_hl7_that_is_not_hl7_is_an_error(data):
    with pytest.raises(ExtractionError, match="malformed hl7"):
        extract("hl7", data)


def test_fhir_bundle_gives_one_named_record_per_patient():
    units = extract("fhir", fhir_bundle_bytes())
    assert [unit.where for unit in units] == [
        "entry[0] Patient", "entry[1] Patient", "entry[2] Organization"]
    patient = fields_of(units[0])
    assert patient["nhs_number"] == "9434765919"
    assert patient["patient_name"] == "Jane Smith"
    assert patient["date_of_birth"] == "1941-03-12"
    assert patient["email"] == "carer.team@example.org"
    assert fields_of(units[2]) == {"resourceType": "Organization", "name": "Leeds GP"}


def test_fhir_patient_address_and_other_identifiers():
    data = (b'{"resourceType": "Patient", "identifier": [{"system": "urn:local", "value": "A1"}],'
            b' "address": [{"line": ["1 Trevelyan Square", "Boar Lane"], "city": "Leeds",'
            b' "postalCode": "LS1 6AE"}], "gender": "female"}')
    assert choose_extractor("patient.json", data) == ("fhir", "")
    fields = fields_of(extract("fhir", data)[0])
    assert fields["identifier (urn:local)"] == "A1"
    assert fields["address"] == "1 Trevelyan Square Boar Lane, Leeds"
    assert fields["postcode"] == "LS1 6AE"
    assert fields["gender"] == "female"


def test_xlsx_every_sheet_header_row_and_where():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Visits"
    sheet["B3"], sheet["C3"] = "client", "date_of_birth"
    sheet["B4"], sheet["C4"] = "Jane Smith", datetime.datetime(1941, 3, 12)
    sheet["B5"] = 9434765919
    workbook.create_sheet("Empty")
    buffer = io.BytesIO()
    workbook.save(buffer)
    units = extract("xlsx", buffer.getvalue())
    assert [unit.where for unit in units] == ["sheet Visits row 4", "sheet Visits row 5"]
    assert fields_of(units[0]) == {"client": "Jane Smith", "date_of_birth": "1941-03-12"}
    assert fields_of(units[1]) == {"client": "9434765919"}


def test_xlsx_sheet_with_an_entity_bomb_is_refused():
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes()))
    bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
            "</sheetData></worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, bomb if info.filename.endswith("sheet1.xml") else content)
    with pytest.raises(ExtractionError, match="^malformed xlsx: ValueError$"):
        extract("xlsx", buffer.getvalue())
    # ... because defusedxml refused the entity declarations (openpyxl wraps it)
    with pytest.raises(ValueError) as raised:
        openpyxl.load_workbook(io.BytesIO(buffer.getvalue()), read_only=True)
    assert isinstance(raised.value.__cause__ or raised.value.__context__, EntitiesForbidden)


def test_docx_body_tables_headers_and_footers():
    document = docx.Document(io.BytesIO(docx_bytes()))
    document.sections[0].header.paragraphs[0].text = "Confidential: Jane Smith"
    buffer = io.BytesIO()
    document.save(buffer)
    units = extract("docx", buffer.getvalue())
    assert [unit.where for unit in units] == [
        "body", "table 1 row 2", "section 1 header", "section 1 footer"]
    assert fields_of(units[1])["nhs_number"] == "943 476 5919"
    assert units[2].text == "Confidential: Jane Smith"


def test_office_container_that_expands_too_far_is_refused():
    limits = replace(LimitsConfig(), max_expanded_bytes=1000)
    with pytest.raises(LimitExceeded, match="docx expands over max_expanded_bytes"):
        extract("docx", docx_bytes(), limits)
    with pytest.raises(LimitExceeded, match="xlsx expands over max_expanded_bytes"):
        extract("xlsx", xlsx_bytes(), limits)


def test_pdf_pages_and_page_limit():
    pdf = build_pdf([["first page"], [], ["third page"]])
    assert [(unit.where, unit.text) for unit in extract("pdf", pdf)] == [
        ("page 1", "first page"), ("page 3", "third page")]
    limited = replace(LimitsConfig(), max_pdf_pages=1)
    ctx = ExtractContext.for_file("a.pdf", limited)
    pieces = run_extractor("pdf", pdf, ctx)
    assert next(pieces).where == "page 1"
    with pytest.raises(LimitExceeded, match="only the first 1 pages read"):
        next(pieces)


def test_text_budget_covers_the_whole_document_and_keeps_what_was_read():
    ctx = ExtractContext.for_file("a.pdf", replace(LimitsConfig(), max_text_chars=15))
    pieces = run_extractor("pdf", build_pdf([["0123456789"], ["abcdefghij"]]), ctx)
    assert next(pieces).text == "0123456789"
    with pytest.raises(LimitExceeded, match="max_text_chars"):
        next(pieces)


def test_xml_never_resolves_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FROM-DISK")
    data = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">'
            '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            "<r><name>Jane</name>&x;&c;<n>tail</n>after</r>").encode()
    units = extract("xml", data)
    assert units[0].text == "name: Jane\nn: tail\nr: after\n"
    assert units[0].record is None


def test_html_keeps_visible_text_only():
    data = (b"<html><head><style>.x{}</style><script>var s='4821';</script></head>"
            b"<body><p>Jane &amp; John</p><td>NHS</td><td>943 476 5919</td></body></html>")
    assert extract("html", data)[0].text == "Jane & John\nNHS\n943 476 5919"


def test_rtf_text():
    data = b"{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0 Key safe \\b code\\b0  4821\\par}"
    assert extract("rtf", data)[0].text.strip() == "Key safe code 4821"


def test_eml_headers_body_and_attachments():
    pieces = extract("eml", eml_bytes())
    units = [piece for piece in pieces if isinstance(piece, TextUnit)]
    children = [piece for piece in pieces if isinstance(piece, Child)]
    assert fields_of(units[0]) == {"From": "Care Team <carer.team@example.org>",
                                   "To": "gp.surgery@example.org",
                                   "Subject": "Visit rota update"}
    assert units[1].where == "body"
    assert [child.name for child in children] == ["visit-note.txt", "rota.xlsx"]
    assert children[0].data.decode() == "\n".join(note_lines())
    assert choose_extractor(children[1].name, children[1].data) == ("xlsx", "")


def test_eml_attached_message_duplicate_names_and_depth():
    inner = EmailMessage()
    inner["Subject"] = "inner"
    inner.set_content("Key safe code 4821")
    outer = EmailMessage()
    outer["From"] = "a@example.org"
    outer.set_content("see attached")
    outer.add_attachment(b"one", maintype="application", subtype="octet-stream",
                         filename="../../note.bin")
    outer.add_attachment(b"two", maintype="application", subtype="octet-stream",
                         filename="note.bin")
    outer.add_attachment(inner)
    children = [p for p in extract("eml", outer.as_bytes()) if isinstance(p, Child)]
    assert [child.name for child in children] == ["note.bin", "note.bin~2", "attachment-3.eml"]
    assert b"Key safe code 4821" in children[2].data
    deep = [p for p in extract("eml", outer.as_bytes(), depth=3) if isinstance(p, Child)]
    assert {child.error for child in deep} == {"attachment nesting deeper than max_archive_depth"}


def test_msg_subject_body_and_attachments():
    data = build_msg("Referral", "Body text", "a@example.org", "Dr Who",
                     [("a.txt", b"x" * 5000), ("b.txt", b"small")])
    pieces = extract("msg", data)
    assert fields_of(pieces[0]) == {"From": "a@example.org", "To": "Dr Who",
                                    "Subject": "Referral"}
    assert (pieces[1].where, pieces[1].text) == ("body", "Body text")
    assert [(c.name, c.data, c.error) for c in pieces[2:]] == [
        ("a.txt", b"x" * 5000, None), ("b.txt", b"small", None)]
    small = replace(LimitsConfig(), max_member_bytes=100)
    assert extract("msg", data, small)[2].error == "attachment over max_member_bytes"


def test_ole_file_of_no_readable_kind_is_skipped_and_word_goes_to_its_reader():
    with pytest.raises(Skip, match="OLE file of no readable kind"):
        extract("msg", build_cfb({"VisioDocument": b"x" * 100}))
    # once an OLE file was a message or nothing; its streams now say what it is
    assert choose_extractor("letter.msg", build_cfb({"WordDocument": b"x" * 100})) == ("doc", "")


def office_zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "expected"), [
    (build_pdf([["x"]]), "pdf"),
    (build_cfb({"__substg1.0_0037001F": b"s\x00"}), "msg"),
    (office_zip("word/document.xml"), "docx"),
    (office_zip("xl/workbook.xml"), "xlsx"),
    (office_zip("notes.txt"), "zip"),
    (b"MSH|^~\\&|PAS\rPID|1\r", "hl7"),
    (b"{\\rtf1 hello}", "rtf"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    (b"<?xml version='1.0'?><r/>", "xml"),
    (b'{"resourceType": "Patient"}', "fhir"),
    (b'[{"a": 1}]', "json"),
    (b"From: a@example.org\nSubject: hi\n\nbody\n", "eml"),
    (b"<3 to the team\n", "text"),
    (b"plain words\n", "text"),
])
def test_unknown_extensions_are_sniffed(content, expected):
    assert choose_extractor("upload.dat", content) == (expected, "")


@pytest.mark.parametrize(("name", "content"), [
    ("visits.ini", b"[visit]\nseen=2026-11-30\n"),
    ("export.dat", b"[2026-11-30 10:00] clinic note\n"),
    ("EXPORT", b"[ ] call back re results\n"),
    ("notes.cfg", b"{note} seen today\n"),
    ("page.sam", b"[ver]\n\t4\n[sty]\n"),
    ("minutes.doc", b"[draft] minutes of the clinic meeting\n"),  # a legacy name over text
    ("handover.dat", b'{"resourceType": "Patient" was the field we searched on\n'),  # FHIR's mark
])
def test_text_that_only_starts_like_json_is_read_as_text(name, content):
    extractor, _reason = choose_extractor(name, content)
    assert [unit.text for unit in extract(extractor, content, name=name)] == [content.decode()]


@pytest.mark.parametrize(("content", "reader"), [
    (b'[{"nhs": "943 476 5919"}, {"nhs": "401 023 2137"}]', "json"),
    (b'{"resourceType": "Patient", "id": "p1"}', "fhir"),
])
def test_content_recognised_as_json_is_parsed_once_by_its_reader(monkeypatch, content, reader):
    """The sniff looks at the first bytes only: the one whole parse is the reader's,
    under the file's deadline."""
    parses = []
    loads = json.loads
    monkeypatch.setattr(json, "loads", lambda text, **kw: parses.append(1) or loads(text, **kw))
    extractor, _reason = choose_extractor("export.dat", content)
    units = extract(extractor, content, name="export.dat")
    assert (extractor, len(parses), bool(units)) == (reader, 1, True)


def test_a_json_named_file_that_does_not_parse_is_still_a_json_error():
    assert choose_extractor("broken.json", b'[{"a": 1}') == ("json", "")
    with pytest.raises(ExtractionError, match="malformed json"):
        extract("json", b'[{"a": 1}', name="broken.json")


@pytest.mark.parametrize("kind,sep", [("csv", ","), ("tsv", "\t")])
def test_a_quote_that_never_closes_does_not_swallow_the_rows_after_it(kind, sep):
    lines = [["Name", "NHS Number", "Notes"],
             ["Jane Smith", "9434765919", '"said she was fine'],
             ["Sam Doe", "9434765870", "ok"],
             ["Amy Roe", "9434765889", '"quoted, closed"']]
    data = "\n".join(sep.join(cells) for cells in lines).encode() + b"\n"
    units = extract(kind, data)
    numbers = [fields_of(unit).get("NHS Number") for unit in units]
    assert numbers == ["9434765919", "9434765870", "9434765889"]
    assert fields_of(units[0])["Notes"] == '"said she was fine'


def test_a_quoted_cell_over_several_lines_is_still_one_cell_beside_a_stray_quote():
    data = (b'Name,NHS Number,Notes\nJane Smith,9434765919,"line one\nline two, ""quoted"""\n'
            b'Sam Doe,9434765870,height 5\'4" and well\n')
    units = extract("csv", data)
    assert [fields_of(unit)["Notes"] for unit in units] == [
        'line one line two, "quoted"', 'height 5\'4" and well']


def test_two_stray_quotes_do_not_make_the_rows_between_them_one_cell():
    data = (b'Name,NHS Number,Notes\nJane Smith,9434765919,"said she was fine\n'
            b'Sam Doe,9434765870,ok\nAmy Roe,9434765889,height 5\'4"\n'
            b'Bob Poe,4010232137,ok\n')
    units = extract("csv", data)
    assert [fields_of(unit)["NHS Number"] for unit in units] == [
        "9434765919", "9434765870", "9434765889", "4010232137"]
    assert fields_of(units[2])["Notes"] == "height 5'4\""


def biff_record(kind: int, body: bytes = b"") -> bytes:
    return kind.to_bytes(2, "little") + len(body).to_bytes(2, "little") + body


# An Excel 5/95 workbook's globals: BOF (BIFF5, workbook globals), FILEPASS (XOR
# obfuscation key and hash), then EOF.
EXCEL5_BOF = biff_record(0x0809, b"\x00\x05\x05\x00" + b"\x00" * 4)
EXCEL5_ENCRYPTED = EXCEL5_BOF + biff_record(0x002F, b"\x34\x12\x78\x56") + biff_record(0x000A)


@pytest.mark.parametrize("data", [
    build_cfb({"Book": EXCEL5_ENCRYPTED}),  # Excel 5/95 in its OLE file, as saved
    EXCEL5_ENCRYPTED,  # a bare BIFF stream, which xlrd also reads
])
def test_an_encrypted_excel_95_workbook_is_skipped_as_encrypted_not_malformed(data):
    assert choose_extractor("budget.xls", data) == ("xls", "")
    with pytest.raises(Skip, match=r"^encrypted \(password required\)$"):
        extract("xls", data)


def test_a_biff_stream_without_filepass_is_not_called_encrypted():
    from phiscan.extract.ole import biff_encrypted

    assert not biff_encrypted(EXCEL5_BOF + biff_record(0x000A) + biff_record(0x002F))
    assert not biff_encrypted(b"\x2f\x00\x00\x00 text")


@pytest.mark.parametrize(("head", "what"), [
    (b"\xffWPC\x10\x00\x00\x00\x01\x0a\x02\x01", "WordPerfect document"),
    (b"\x00\x05\xe1\x03\x00\x00\x20\xe2", "IBM DCA revisable-form text (DisplayWrite) document"),
    (b"\xdb\xa5\x2d\x00\x78\x40\x09\x08", "Word for Windows 2.0 document"),
])
@pytest.mark.parametrize("name", ["letter.doc", "letter.wpd", "LETTER"])
def test_another_word_processors_file_says_what_it_is(head, what, name):
    data = head + bytes(range(256)) * 8
    assert choose_extractor(name, data) == ("wordproc", "")
    with pytest.raises(Skip, match=rf"^unsupported format: {re.escape(what)}$"):
        extract("wordproc", data)


def write_file(text: bytes, ident: bytes = b"\x31\xbe") -> bytes:
    """An MS Write file: 128-byte header (wIdent, dty 0, wTool 0xAB00, fcMac at 14), the
    text, then formatting pages (here zeros)."""
    header = bytearray(128)
    header[0:6] = ident + b"\x00\x00\x00\xab"
    header[14:18] = (128 + len(text)).to_bytes(4, "little")
    return bytes(header) + text + bytes(256)


def test_an_ms_write_file_is_read_as_its_text():
    text = b"Referral for Ms Ngozi Adeyemi\r\nNHS number 943 476 5919, caf\xe9 \x0cpage two\r\n"
    data = write_file(text)
    assert choose_extractor("referral.wri", data) == ("write", "")
    assert [unit.text for unit in extract("write", data)] == [
        "Referral for Ms Ngozi Adeyemi\nNHS number 943 476 5919, café \npage two\n"]


WRITE_TEXT = b"Referral for Ms Ngozi Adeyemi, seen today.\r\n"


@pytest.mark.parametrize(("fc_mac", "reason"), [
    (0, "malformed write: text ends before the 128-byte header"),
    (100, "malformed write: text ends before the 128-byte header"),
    (len(write_file(WRITE_TEXT)) + 1, "malformed write: text ends past the end of the file"),
    (0xFFFFFFFF, "malformed write: text ends past the end of the file"),
])
def test_an_ms_write_file_whose_text_end_is_outside_the_file_is_an_error(fc_mac, reason):
    data = bytearray(write_file(WRITE_TEXT))
    data[14:18] = fc_mac.to_bytes(4, "little")
    with pytest.raises(ExtractionError, match=f"^{reason}$"):
        extract("write", bytes(data))


def test_an_ms_write_file_with_a_picture_in_its_text_says_so():
    data = write_file(b"See picture:\r\n" + bytes(range(32)) * 20, ident=b"\x32\xbe")
    with pytest.raises(Skip, match="^unsupported format: MS Write or Word for DOS document "
                                   "with pictures$"):
        extract("write", data)
