"""What a file is from its first bytes, for names whose extension says nothing useful."""

from __future__ import annotations

import csv
import re
import zipfile

from phiscan.extract.archive import open_zip
from phiscan.extract.base import ExtractionError
from phiscan.extract.compressed import CODECS, looks_like_tar
from phiscan.extract.mbox import looks_like_mbox
from phiscan.extract.multiarchive import MAGICS
from phiscan.extract.text import looks_binary
from phiscan.extract.wordproc import word_processor_kind

ZIP_MAGIC = b"PK\x03\x04"
# Members that make a zip an Office document rather than an archive to recurse into.
OFFICE_MEMBERS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"),
                  ("xl/workbook.bin", "xlsb"), ("ppt/presentation.xml", "pptx"))
# Formats whose content, not their name, decides the reader: a .doc that is RTF or
# a .docx; a password-protected .docx (an OLE file); a .xls that is HTML.
DOCUMENT_KINDS = frozenset({"docx", "xlsx", "xlsb", "pptx", "doc", "xls", "ppt", "msg",
                            "odt", "ods", "odp", "office-encrypted", "ole-package"})
LEGACY_KINDS = frozenset({"doc", "xls", "ppt"})
HL7_START = re.compile(rb"^\x0b?MSH[^A-Za-z0-9\s]")
HTML_START = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
EMAIL_HEADER = re.compile(
    rb"^(?:From|To|Subject|Date|Received|Return-Path|Message-ID|MIME-Version):[ \t]",
    re.IGNORECASE | re.MULTILINE,
)
XML_START = re.compile(rb"<(?:\?xml|[A-Za-z_])")
FHIR_MARK = re.compile(rb'"resourceType"\s*:')
# What `sniff_text` can name: a text format, whatever name it came under.
TEXT_KINDS = frozenset({"text", "hl7", "mbox", "rtf", "html", "xml", "json", "eml"})
# Documents read as text when their content is text (`notes.docx` written by a text editor).
NAMED_DOCUMENTS = DOCUMENT_KINDS | {"pdf"}
# A delimited table in text of any name (`export.txt`, `export.dat`): a pipe table is the
# text reader's own (`phiscan.extract.text`).
TABLE_DELIMITERS = (",", ";", "\t")
TABLE_SAMPLE_BYTES = 16384
MIN_DELIMITED_LINES = 3  # a header and two rows: two lines of prose often split alike
LONG_CELL_WORDS = 6
# A table's cells are labels and values (1 to 3 words on average in the tests' and trials'
# tables); wrapped prose split at its commas averages over 4 words a piece.
MAX_WORDS_PER_CELL = 3.5
SENTENCE_END = re.compile(r"[.!?]['\")]?$")


def zip_kind(data: bytes) -> str:
    try:
        with open_zip(data) as container:
            names = set(container.namelist())
            odf = opendocument_kind(container) if "mimetype" in names else None
    except (ExtractionError, zipfile.LargeZipFile):
        return "zip"  # the zip extractor reports the corruption
    for member, kind in OFFICE_MEMBERS:
        if member in names:
            return kind
    return odf or "zip"


def opendocument_kind(container: zipfile.ZipFile) -> str | None:
    from phiscan.extract.odf import odf_kind

    return odf_kind(container)


def sniff_text(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if HL7_START.match(stripped):
        return "hl7"
    if looks_like_mbox(head):
        return "mbox"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if HTML_START.search(stripped[:1024]):
        return "html"
    if XML_START.match(stripped):
        return "xml"
    if stripped[:1] in (b"{", b"["):
        return "json"
    if EMAIL_HEADER.match(stripped) and len(EMAIL_HEADER.findall(stripped[:4096])) >= 2:
        return "eml"
    return "text"


def sniff(data: bytes) -> str | None:
    """The extractor for content whose extension said nothing useful; None for binary.

    A reader whose magic number is checked here is imported just before its check, not
    with this module: readers bring Office, database, mail and image libraries with
    them, which a scan that meets none of those formats never needs (as
    `phiscan.extract.EXTRACTORS`). Zip before OLE: the two magic numbers differ, and an
    Office file that is a zip needs no OLE library."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return zip_kind(data)
    from phiscan.extract.ole import OLE_MAGIC, ole_kind

    if data.startswith(OLE_MAGIC):
        return ole_kind(data)
    for name, codec in CODECS.items():
        if data.startswith(codec.magic):
            return name
    if looks_like_tar(data):
        return "tar"
    for name, magic in MAGICS.items():
        if data.startswith(magic):
            return name
    return word_processor_kind(data) or sniff_databases(data)


def sniff_databases(data: bytes) -> str | None:
    """sniff, continued: databases, mail stores and images, else text or binary."""
    from phiscan.extract.access import is_access
    from phiscan.extract.image import is_image
    from phiscan.extract.pst import PST_MAGIC
    from phiscan.extract.sqlite import SQLITE_MAGIC

    if data.startswith(SQLITE_MAGIC):
        return "sqlite"
    if data.startswith(PST_MAGIC):
        return "pst"
    if is_access(data):
        return "access"
    if is_image(data):
        return "image"
    if looks_binary(data):
        return None
    return sniff_text(data[:8192])


def refine(extractor: str, data: bytes) -> str:
    """A JSON file that holds FHIR resources is read as FHIR; an Office file by what
    its content is. A container that is neither keeps its named reader, which
    reports the damage (a legacy name over text is read as that text)."""
    if extractor == "json" and FHIR_MARK.search(data[:65536]):
        return "fhir"
    if extractor == "text" and looks_delimited(data):
        return "csv"
    if extractor in NAMED_DOCUMENTS:
        actual = sniff(data)
        if actual in TEXT_KINDS:  # plain text under an Office or PDF name
            return refine(actual, data)
        if extractor == "pdf":
            return extractor
        if actual in DOCUMENT_KINDS or (actual is not None and extractor in LEGACY_KINDS):
            return actual
        if actual in ("rtf", "pdf", "html"):
            return actual
    return extractor


def looks_delimited(data: bytes) -> bool:
    """Whether text reads as a comma, semicolon or tab table: its first lines (three or
    more) split by one delimiter into the same two or more cells of a few words each (prose
    with commas stays prose: its lines split unevenly, end in full stops, or its pieces
    are long)."""
    sample = data[:TABLE_SAMPLE_BYTES].decode("utf-8", errors="replace")
    lines = [line for line in sample.splitlines() if line.strip()]
    if len(data) > TABLE_SAMPLE_BYTES:
        lines = lines[:-1]  # the sample may end inside a line
    if len(lines) < MIN_DELIMITED_LINES:
        return False
    return any(_splits_evenly(lines, delimiter) for delimiter in TABLE_DELIMITERS)


def _splits_evenly(lines: list[str], delimiter: str) -> bool:
    if delimiter not in lines[0]:
        return False
    try:
        rows = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return False
    width = len(rows[0])
    if width < 2 or any(len(row) != width for row in rows):
        return False
    words = [len(cell.split()) for row in rows for cell in row]
    long_cells = sum(count > LONG_CELL_WORDS for count in words)
    sentences = sum(bool(SENTENCE_END.search(line.rstrip())) for line in lines)
    return (long_cells <= len(rows) and sum(words) <= MAX_WORDS_PER_CELL * len(words)
            and 2 * sentences < len(lines))
