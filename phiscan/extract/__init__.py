"""Text extraction by file type. A new type is one module plus one line in EXTRACTORS."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace

from phiscan.extract.access import extract_access
from phiscan.extract.archive import extract_zip
from phiscan.extract.base import (
    ExtractContext,
    ExtractionError,
    Extractor,
    LimitExceeded,
    Piece,
    Skip,
)
from phiscan.extract.compressed import extract_bzip2, extract_gzip, extract_tar, extract_xz
from phiscan.extract.dbase import extract_dbf
from phiscan.extract.doc import extract_doc
from phiscan.extract.fhir import extract_fhir
from phiscan.extract.hl7 import extract_hl7
from phiscan.extract.htmldoc import extract_html
from phiscan.extract.image import extract_image, is_image
from phiscan.extract.mail import extract_eml, unique_name
from phiscan.extract.mbox import extract_mbox
from phiscan.extract.multiarchive import extract_7z, extract_cab, extract_rar
from phiscan.extract.odf import extract_odf, extract_ods
from phiscan.extract.ole import extract_encrypted_package, extract_ole_package
from phiscan.extract.outlook import extract_msg
from phiscan.extract.pdf import extract_pdf
from phiscan.extract.ppt import extract_ppt
from phiscan.extract.presentation import extract_pptx
from phiscan.extract.pst import extract_pst
from phiscan.extract.rtf import extract_rtf
from phiscan.extract.sniff import refine, sniff
from phiscan.extract.sqldump import extract_sql
from phiscan.extract.sqlite import extract_sqlite
from phiscan.extract.structured import extract_json
from phiscan.extract.tabular import extract_csv, extract_tsv
from phiscan.extract.text import extract_text, looks_binary
from phiscan.extract.word import extract_docx
from phiscan.extract.workbook import extract_ooxml_workbook, extract_xls, extract_xlsb
from phiscan.extract.xmldoc import extract_xml
from phiscan.model import Child

EXTRACTORS: dict[str, Extractor] = {
    "text": extract_text,
    "csv": extract_csv,
    "tsv": extract_tsv,
    "json": extract_json,
    "fhir": extract_fhir,
    "zip": extract_zip,
    "xml": extract_xml,
    "html": extract_html,
    "docx": extract_docx,
    "xlsx": extract_ooxml_workbook,
    "pdf": extract_pdf,
    "rtf": extract_rtf,
    "eml": extract_eml,
    "msg": extract_msg,
    "hl7": extract_hl7,
    "tar": extract_tar,
    "gzip": extract_gzip,
    "bzip2": extract_bzip2,
    "xz": extract_xz,
    "sqlite": extract_sqlite,
    "sql": extract_sql,
    "mbox": extract_mbox,
    "doc": extract_doc,
    "xls": extract_xls,
    "xlsb": extract_xlsb,
    "ppt": extract_ppt,
    "office-encrypted": extract_encrypted_package,
    "ole-package": extract_ole_package,
    "7z": extract_7z,
    "rar": extract_rar,
    "cab": extract_cab,
    "dbf": extract_dbf,
    "pptx": extract_pptx,
    "odt": extract_odf,
    "odp": extract_odf,
    "ods": extract_ods,
    "pst": extract_pst,
    "access": extract_access,
    "image": extract_image,
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

# Extensions whose content is a text format: binary content under them is skipped.
TEXT_EXTRACTORS = frozenset({"text", "csv", "tsv", "json", "xml", "html", "rtf", "eml", "hl7",
                             "sql", "mbox"})
# Formats that start with a magic number: content without it (a zip renamed .jpg) is sniffed.
MAGIC_CHECKS = {"image": is_image}


def choose_extractor(name: str, data: bytes) -> tuple[str | None, str]:
    """(extractor name or None, reason when None)."""
    extension = os.path.splitext(name)[1].lower()
    chosen = EXTENSIONS.get(extension)
    if chosen in TEXT_EXTRACTORS and looks_binary(data):
        return None, f"binary content with a {extension} name"
    if chosen in MAGIC_CHECKS and not MAGIC_CHECKS[chosen](data):
        chosen = None
    if chosen is None:
        chosen = sniff(data)
        if chosen is None:
            return None, "binary file with no extractor"
    return refine(chosen, data), ""


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
    "choose_extractor", "run_extractor", "sniff", "unique_children",
]
