"""Text extraction by file type. A new type is one module plus one line in EXTRACTORS."""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from phiscan.extract.base import (
    ExtractContext,
    ExtractionError,
    Extractor,
    LimitExceeded,
    Piece,
    Skip,
)
from phiscan.extract.mail import unique_name
from phiscan.extract.sniff import DOCUMENT_KINDS, refine, sniff
from phiscan.extract.text import looks_binary
from phiscan.model import Child


class Lazy:
    """An extractor whose module (and the libraries it reads with: openpyxl, Pillow,
    python-docx, olefile...) is imported when a file of its format first comes: a scan
    imports the readers of the formats it meets, not all forty (a fifth of a second of
    every start-up). A new format is still one module and one line below."""

    def __init__(self, module: str, function: str) -> None:
        self.module = f"phiscan.extract.{module}"
        self.function = function
        self.loaded: Extractor | None = None

    def load(self) -> Extractor:
        if self.loaded is None:
            try:
                self.loaded = getattr(importlib.import_module(self.module), self.function)
            except ImportError as exc:  # a missing library fails this format's files only
                raise ExtractionError(f"reader unavailable: {self.module} could not import "
                                      f"{exc.name or 'a library'}") from None
        return self.loaded

    def __call__(self, data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
        return self.load()(data, ctx)


def import_every_reader() -> None:
    """Every format's reader, now: a fork pool's parent imports them before it forks, so
    its workers share them (each worker importing the readers it meets costs a share of
    many formats once per worker). A reader that cannot be imported is left for its files:
    each then ends `error` with the import's reason, and the scan goes on."""
    for extractor in EXTRACTORS.values():
        _load_quietly(extractor)


def import_readers(names: Iterable[str]) -> None:
    """The readers of the formats these file names' extensions name, now (a JSON file's
    FHIR reader with its JSON one, as `refine` may choose it): a fork pool's parent imports
    those of a local share's first files before it forks, so its workers share them and
    a share of HL7 messages or CSV extracts does not import the Office, PDF and image
    libraries (about a fifth of a CPU second). A format met only later (past the first
    files, inside an archive or an e-mail, or by its content) is imported by each worker
    that meets it. A reader that cannot be imported is left for its files."""
    wanted: set[str] = set()
    for name in names:
        chosen = EXTENSIONS.get(os.path.splitext(name)[1].lower())
        if chosen is not None:
            wanted.update(READ_TOGETHER.get(chosen, (chosen,)))
    for chosen in sorted(wanted):
        _load_quietly(EXTRACTORS[chosen])


def holds_prose(names: Iterable[str]) -> bool:
    """Whether any of these file names' extensions names a format of written prose
    (`PROSE_EXTRACTORS`)."""
    return any(EXTENSIONS.get(os.path.splitext(name)[1].lower()) in PROSE_EXTRACTORS
               for name in names)


def may_need_language_model(names: Iterable[str]) -> bool:
    """Whether any of these file names' formats is one whose text may reach spaCy: every
    format but tables (`TABLE_EXTRACTORS`), and a name no reader claims."""
    return any(EXTENSIONS.get(os.path.splitext(name)[1].lower()) not in TABLE_EXTRACTORS
               for name in names)


def _load_quietly(extractor: Extractor) -> None:
    if isinstance(extractor, Lazy):
        with contextlib.suppress(ExtractionError):
            extractor.load()


def is_image(data: bytes) -> bool:
    from phiscan.extract.image import is_image as has_image_magic

    return has_image_magic(data)


EXTRACTORS: dict[str, Extractor] = {
    "text": Lazy("text", "extract_text"),
    "csv": Lazy("tabular", "extract_csv"),
    "tsv": Lazy("tabular", "extract_tsv"),
    "json": Lazy("structured", "extract_json"),
    "fhir": Lazy("fhir", "extract_fhir"),
    "zip": Lazy("archive", "extract_zip"),
    "xml": Lazy("xmldoc", "extract_xml"),
    "html": Lazy("htmldoc", "extract_html"),
    "docx": Lazy("word", "extract_docx"),
    "xlsx": Lazy("workbook", "extract_ooxml_workbook"),
    "pdf": Lazy("pdf", "extract_pdf"),
    "rtf": Lazy("rtf", "extract_rtf"),
    "eml": Lazy("mail", "extract_eml"),
    "msg": Lazy("outlook", "extract_msg"),
    "hl7": Lazy("hl7", "extract_hl7"),
    "tar": Lazy("compressed", "extract_tar"),
    "gzip": Lazy("compressed", "extract_gzip"),
    "bzip2": Lazy("compressed", "extract_bzip2"),
    "xz": Lazy("compressed", "extract_xz"),
    "sqlite": Lazy("sqlite", "extract_sqlite"),
    "sql": Lazy("sqldump", "extract_sql"),
    "mbox": Lazy("mbox", "extract_mbox"),
    "doc": Lazy("doc", "extract_doc"),
    "xls": Lazy("workbook", "extract_xls"),
    "xlsb": Lazy("workbook", "extract_xlsb"),
    "ppt": Lazy("ppt", "extract_ppt"),
    "office-encrypted": Lazy("ole", "extract_encrypted_package"),
    "ole-package": Lazy("ole", "extract_ole_package"),
    "7z": Lazy("multiarchive", "extract_7z"),
    "rar": Lazy("multiarchive", "extract_rar"),
    "cab": Lazy("multiarchive", "extract_cab"),
    "dbf": Lazy("dbase", "extract_dbf"),
    "write": Lazy("wordproc", "extract_write"),
    "wordproc": Lazy("wordproc", "extract_unsupported"),
    "pptx": Lazy("presentation", "extract_pptx"),
    "odt": Lazy("odf", "extract_odf"),
    "odp": Lazy("odf", "extract_odf"),
    "ods": Lazy("odf", "extract_ods"),
    "pst": Lazy("pst", "extract_pst"),
    "access": Lazy("access", "extract_access"),
    "image": Lazy("image", "extract_image"),
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".log": "text", ".md": "text", ".text": "text",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".json": "json",
    ".zip": "zip",
    ".xml": "xml",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xltx": "xlsx", ".xltm": "xlsx",
    ".pdf": "pdf",
    ".rtf": "rtf",
    ".eml": "eml",
    ".msg": "msg",
    ".hl7": "hl7",
    ".tar": "tar",
    ".gz": "gzip", ".tgz": "gzip", ".gzip": "gzip",
    ".bz2": "bzip2", ".tbz": "bzip2", ".tbz2": "bzip2",
    ".xz": "xz", ".txz": "xz",
    ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db3": "sqlite", ".sqlitedb": "sqlite",
    ".sql": "sql",
    ".mbox": "mbox", ".mbx": "mbox",
    ".doc": "doc", ".dot": "doc",
    ".xls": "xls", ".xlt": "xls", ".xlsb": "xlsb",
    ".ppt": "ppt", ".pps": "ppt", ".pot": "ppt",
    ".7z": "7z", ".rar": "rar", ".cab": "cab",
    ".dbf": "dbf",
    ".pptx": "pptx", ".pptm": "pptx", ".ppsx": "pptx", ".ppsm": "pptx", ".potx": "pptx",
    ".potm": "pptx",
    ".odt": "odt", ".ott": "odt", ".odp": "odp", ".otp": "odp", ".odg": "odp",
    ".ods": "ods", ".ots": "ods",
    ".pst": "pst", ".ost": "pst",
    ".mdb": "access", ".accdb": "access",
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".tif", ".tiff", ".bmp", ".gif",
                     ".webp"), "image"),
}

# A format whose files `refine` may hand to another reader by their content.
READ_TOGETHER = {"json": ("json", "fhir")}

# Extensions whose content is a text format: binary content under them is skipped.
TEXT_EXTRACTORS = frozenset({"text", "csv", "tsv", "json", "xml", "html", "rtf", "eml", "hl7",
                             "sql", "mbox"})
# Formats whose files are mostly sentences (notes, letters, e-mails, slides, scans read by
# OCR): their text reaches most of the detectors' patterns that are compiled on first use,
# where messages, tables and databases reach few of them.
PROSE_EXTRACTORS = frozenset({"text", "html", "docx", "pdf", "rtf", "eml", "msg", "mbox", "doc",
                              "ppt", "pptx", "odt", "odp", "pst", "image", "write"})
# Formats of rows and columns: a cell's name comes from its column's header, and a cell
# of free text long enough for spaCy is rare (0 to 1 per 1,000 CSV and XLSX extracts).
TABLE_EXTRACTORS = frozenset({"csv", "tsv", "xlsx", "xls", "xlsb", "ods", "dbf", "sqlite",
                              "access"})
# Formats that start with a magic number: content without it (a text renamed .jpg) is sniffed.
MAGIC_CHECKS = {"image": is_image}


def choose_extractor(name: str, data: bytes) -> tuple[str | None, str]:
    """(extractor name or None, reason when None). The content decides first (a magic
    number, a zip's or OLE file's parts), the name only where the content does not say:
    an xlsx named `.csv`, a PDF named `.txt`, a docx named `.pdf` are read as what they
    are, from every source; text under a text name keeps its named reader."""
    extension = os.path.splitext(name)[1].lower()
    named = EXTENSIONS.get(extension)
    if named in TEXT_EXTRACTORS and not looks_binary(data):
        return refine(named, data), ""
    actual = sniff(data)  # text sniffed from content is never preferred to a named reader
    if actual is not None and actual not in TEXT_EXTRACTORS and not opens_as_named(actual, named):
        return actual, ""
    if named in TEXT_EXTRACTORS:
        return None, f"binary content with a {extension} name"
    if named is None or named in MAGIC_CHECKS:
        if actual is None:
            return None, "binary file with no extractor"
        return refine(actual, data), ""
    chosen = refine(named, data)
    # (the name lied: the row says what was read instead, `scanned` when it was read)
    return chosen, (f"read as {chosen}: {chosen} content with a {extension} name"
                    if chosen in TEXT_EXTRACTORS and named not in TEXT_EXTRACTORS else "")


def opens_as_named(actual: str, named: str | None) -> bool:
    """A zip sniff cannot tell apart (a damaged docx) stays with its named Office reader,
    which reports the damage in its own words."""
    return actual == "zip" and named in DOCUMENT_KINDS


def run_extractor(extractor: str, data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    return unique_children(EXTRACTORS[extractor](data, ctx))


def unique_children(pieces: Iterator[Piece]) -> Iterator[Piece]:
    """Two members with one name (a re-added zip entry, two `image001.png`
    attachments) get `name~2`, so neither overwrites the other's row."""
    used: set[str] = set()
    for piece in pieces:
        if isinstance(piece, Child):
            name = unique_name(piece.name, used)
            if name != piece.name:
                piece = replace(piece, name=name)
        yield piece


__all__ = [
    "EXTRACTORS", "EXTENSIONS", "ExtractContext", "ExtractionError", "LimitExceeded", "Skip",
    "choose_extractor", "holds_prose", "import_every_reader", "import_readers", "run_extractor",
    "sniff", "unique_children",
]
