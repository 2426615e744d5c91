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
import struct
from collections.abc import Iterator

import msoffcrypto
import olefile

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.model import Child

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "encrypted (password required)"
BIFF_FILEPASS, BIFF_EOF = 0x002F, 0x000A
# A BOF record opens every BIFF workbook: 0x0009, 0x0209, 0x0409 or 0x0809 (BIFF2 to 8).
BIFF_BOF_LOW, BIFF_BOF_HIGH = 0x09, frozenset({0x00, 0x02, 0x04, 0x08})
# The stream that says which application wrote the file, first match wins.
KIND_STREAMS = (
    ("encryptedpackage", "office-encrypted"),
    ("\x01ole10native", "ole-package"),
    ("package", "ole-package"),
    ("contents", "ole-package"),
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
    (the format's own reader then reports what is wrong). msoffcrypto knows no Excel
    5/95 workbook (a `Book` stream): its FILEPASS record is looked for here."""
    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged file is its reader's to report
        return excel5_encrypted(data)


def excel5_encrypted(data: bytes) -> bool:
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("Book"):
                return False
            return biff_encrypted(ole.openstream("Book").read())
    except (OSError, ValueError, IndexError, TypeError, struct.error):
        return False


def biff_encrypted(stream: bytes) -> bool:
    """Whether a BIFF workbook's globals (its records up to the first EOF) hold a
    FILEPASS record, which every BIFF version (2 to 8) writes when a password protects
    the workbook."""
    if len(stream) < 4 or stream[0] != BIFF_BOF_LOW or stream[1] not in BIFF_BOF_HIGH:
        return False  # not a workbook stream
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        if kind == BIFF_FILEPASS:
            return True
        if kind == BIFF_EOF:
            return False
        position += 4 + length
    return False


def refuse_encrypted(data: bytes) -> None:
    if is_encrypted(data):
        raise Skip(ENCRYPTED)


def extract_encrypted_package(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """A password-protected .docx/.xlsx/.pptx: the document is an encrypted stream."""
    raise Skip(ENCRYPTED)
    yield  # pragma: no cover - a generator, like every extractor


# Streams of an embedded object that hold a whole file: an OOXML document (Package),
# a PDF or other Acrobat document (CONTENTS), a file dropped into a document
# (\x01Ole10Native, with its own header giving the file's name).
PACKAGE_STREAMS = ("Package", "CONTENTS")
NATIVE_STREAM = "\x01Ole10Native"


def native_file(stream: bytes) -> tuple[str, bytes]:
    """(file name, content) of an Ole10Native stream: size, flags, label, path, two
    reserved words, the temporary path, then the data with its own length."""
    position = 6
    label_end = stream.index(b"\x00", position)
    path_end = stream.index(b"\x00", label_end + 1)
    position = path_end + 1 + 4
    temp_length = struct.unpack_from("<I", stream, position)[0]
    position += 4 + temp_length
    size = struct.unpack_from("<I", stream, position)[0]
    content = stream[position + 4: position + 4 + size]
    if len(content) != size:
        raise ValueError("truncated")
    name = stream[label_end + 1: path_end].decode("cp1252", errors="replace")
    return name.replace("\\", "/").rsplit("/", 1)[-1] or "native.bin", content


def stream_child(ole: olefile.OleFileIO, path: list[str], name: str, ctx: ExtractContext
                 ) -> Child:
    """The file an embedded object's stream holds, as a member named `name/...`."""
    limit, stream = ctx.limits.max_member_bytes, "/".join(path)
    if ctx.depth >= ctx.limits.max_archive_depth:
        return Child(name, b"", skip_reason="embedded object nesting deeper than"
                     " max_archive_depth")
    if ole.get_size(stream) > limit:
        return Child(name, b"", skip_reason="too large: over max_member_bytes")
    with ole.openstream(stream) as handle:
        content = handle.read(limit + 1)
    if path[-1] == NATIVE_STREAM:
        try:
            file_name, content = native_file(content)
        except (ValueError, struct.error):
            return Child(name, b"", error="malformed embedded object")
        name = f"{name.rsplit('/', 1)[0]}/{safe_member_name(file_name)}" if "/" in name \
            else safe_member_name(file_name)
    ctx.budget.spend(len(content))
    return Child(name, content)


def extract_ole_package(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    """An embedded object (word/embeddings/oleObject1.bin): the file inside it, as a member."""
    ole = open_ole(data, "embedded object")
    try:
        for stream in (NATIVE_STREAM, *PACKAGE_STREAMS):
            if ole.exists(stream):
                yield stream_child(ole, [stream], stream.strip("\x01"), ctx)
                return
    finally:
        ole.close()


def embedded_objects(ole: olefile.OleFileIO, ctx: ExtractContext) -> list[Child]:
    """Files held by the objects embedded in a Word or Excel 97 file (their ObjectPool
    or MBD storages): `letter.doc!objects/_1310388058/report.pdf`."""
    children = []
    for path in ole.listdir(streams=True, storages=False):
        if len(path) > 1 and path[-1] in (NATIVE_STREAM, *PACKAGE_STREAMS):
            children.append(stream_child(ole, path, f"objects/{path[-2]}/{path[-1]}", ctx))
    return children
