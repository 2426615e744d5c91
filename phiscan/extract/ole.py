"""OLE compound files (Word 97 .doc, Excel 97 .xls, PowerPoint 97 .ppt, Outlook .msg,
and the wrapper Office puts around a password-protected .docx/.xlsx/.pptx): what
kind of file one is, from its streams, and whether a password is needed to read it.

Encryption is told by msoffcrypto-tool (MIT) from the format's own flags (the Word
FIB, Excel's FILEPASS record, PowerPoint's CryptSession container, the
EncryptedPackage stream), so an encrypted file is `skipped` as such rather than
called corrupt or unknown.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import msoffcrypto
import olefile

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "encrypted (password required)"
# The stream that says which application wrote the file, first match wins.
KIND_STREAMS = (
    ("encryptedpackage", "office-encrypted"),
    ("worddocument", "doc"),
    ("workbook", "xls"),
    ("book", "xls"),
    ("powerpoint document", "ppt"),
)
MSG_PROPERTY_PREFIX = "__substg1.0_"


def open_ole(data: bytes, kind: str) -> olefile.OleFileIO:
    if not data.startswith(OLE_MAGIC):
        raise ExtractionError(f"malformed {kind}: not an OLE compound file")
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError) as exc:
        raise ExtractionError(f"malformed {kind}: {type(exc).__name__}") from None


def ole_kind(data: bytes) -> str:
    """The extractor for an OLE file; `msg` (which reports what it cannot read)
    when no stream names the application."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            entries = ole.listdir(streams=True, storages=True)
    except (OSError, ValueError, IndexError, TypeError):
        return "msg"  # its reader reports the damage
    top = {entry[0].lower() for entry in entries if len(entry) == 1}
    for stream, kind in KIND_STREAMS:
        if stream in top:
            return kind
    return "msg"


def is_encrypted(data: bytes) -> bool:
    """True when the file needs a password; False when it does not or cannot be told
    (the format's own reader then reports what is wrong)."""
    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged file is its reader's to report
        return False


def refuse_encrypted(data: bytes) -> None:
    if is_encrypted(data):
        raise Skip(ENCRYPTED)


def extract_encrypted_package(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """A password-protected .docx/.xlsx/.pptx: the document is an encrypted stream."""
    raise Skip(ENCRYPTED)
    yield  # pragma: no cover - a generator, like every extractor
