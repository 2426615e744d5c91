"""Text extraction by file type. A new type is one module plus one line in EXTRACTORS."""

from __future__ import annotations

import os
from collections.abc import Iterator

from phiscan.extract.archive import extract_zip
from phiscan.extract.base import (
    ExtractContext,
    ExtractionError,
    Extractor,
    LimitExceeded,
    Piece,
    Skip,
)
from phiscan.extract.structured import extract_json
from phiscan.extract.tabular import extract_csv, extract_tsv
from phiscan.extract.text import extract_text, looks_binary

EXTRACTORS: dict[str, Extractor] = {
    "text": extract_text,
    "csv": extract_csv,
    "tsv": extract_tsv,
    "json": extract_json,
    "zip": extract_zip,
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".log": "text", ".md": "text", ".text": "text",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".json": "json",
    ".zip": "zip",
}

# Extensions whose content is a text format: binary content under them is skipped.
TEXT_EXTRACTORS = frozenset({"text", "csv", "tsv", "json"})


def sniff(data: bytes) -> str | None:
    """The extractor for content whose extension said nothing useful."""
    head = data[:2048].lstrip()
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if looks_binary(data):
        return None
    if head[:1] in (b"{", b"[") :
        return "json"
    return "text"


def choose_extractor(name: str, data: bytes) -> tuple[str | None, str]:
    """(extractor name or None, reason when None)."""
    extension = os.path.splitext(name)[1].lower()
    chosen = EXTENSIONS.get(extension)
    if chosen in TEXT_EXTRACTORS and looks_binary(data):
        return None, f"binary content with a {extension} name"
    if chosen is None:
        chosen = sniff(data)
        if chosen is None:
            return None, "binary file with no extractor"
    return chosen, ""


def run_extractor(extractor: str, data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    return EXTRACTORS[extractor](data, ctx)


__all__ = [
    "EXTRACTORS", "EXTENSIONS", "ExtractContext", "ExtractionError", "LimitExceeded", "Skip",
    "choose_extractor", "run_extractor", "sniff",
]
