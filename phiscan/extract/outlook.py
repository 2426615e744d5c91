"""Outlook .msg through olefile (BSD): subject, sender and recipients, body, and
plain file attachments as children. Reads MAPI property streams directly, so
the core needs no GPL library.

Embedded messages and OLE objects attached to a message are reported as an
`error` child rather than silently dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import olefile

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip, record_unit
from phiscan.extract.htmldoc import html_to_text
from phiscan.extract.mail import unique_name
from phiscan.model import Child, TextUnit

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PROPERTY_PREFIX = "__substg1.0_"
ATTACHMENT_PREFIX = "__attach_version1.0_"
# MAPI property tags shown as `name: value` lines.
HEADER_PROPERTIES = (("From", "0C1A"), ("From", "0C1F"), ("From", "0065"), ("To", "0E04"),
                     ("Cc", "0E03"), ("Subject", "0037"))
BODY, HTML_BODY = "1000", "1013"
ATTACH_DATA, ATTACH_LONG_NAME, ATTACH_NAME = "3701", "3707", "3704"
EMBEDDED_OBJECT_TYPE = "000D"


def open_msg(data: bytes) -> olefile.OleFileIO:
    if not data.startswith(OLE_MAGIC):
        raise ExtractionError("malformed msg: not an OLE compound file")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError) as exc:
        raise ExtractionError(f"malformed msg: {type(exc).__name__}") from None
    if not any(entry[-1].startswith(PROPERTY_PREFIX) for entry in ole.listdir()):
        ole.close()
        raise Skip("OLE file that is not an Outlook message (legacy Office document?)")
    return ole


def read_stream(ole: olefile.OleFileIO, path: str, limit: int) -> bytes | None:
    if not ole.exists(path):
        return None
    if ole.get_size(path) > limit:
        raise ExtractionError("msg stream over max_member_bytes")
    with ole.openstream(path) as stream:
        return stream.read(limit + 1)


def string_property(ole: olefile.OleFileIO, storage: str, tag: str, limit: int) -> str:
    """A string property in its UTF-16 (001F) or 8-bit (001E) form."""
    unicode = read_stream(ole, f"{storage}{PROPERTY_PREFIX}{tag}001F", limit)
    if unicode is not None:
        return unicode.decode("utf-16-le", errors="replace").rstrip("\x00")
    legacy = read_stream(ole, f"{storage}{PROPERTY_PREFIX}{tag}001E", limit)
    return "" if legacy is None else legacy.decode("cp1252", errors="replace").rstrip("\x00")


def body_text(ole: olefile.OleFileIO, limit: int) -> str:
    body = string_property(ole, "", BODY, limit)
    if body.strip():
        return body
    html = read_stream(ole, f"{PROPERTY_PREFIX}{HTML_BODY}0102", limit)
    return html_to_text(html.decode("utf-8", errors="replace")) if html else ""


def attachment_storages(ole: olefile.OleFileIO) -> list[str]:
    names = {entry[0] for entry in ole.listdir(streams=True, storages=True)
             if len(entry) > 1 and entry[0].startswith(ATTACHMENT_PREFIX)}
    return sorted(names)


def attachment_child(ole: olefile.OleFileIO, storage: str, number: int,
                     ctx: ExtractContext) -> Child:
    limit = ctx.limits.max_member_bytes
    prefix = f"{storage}/"
    name = (string_property(ole, prefix, ATTACH_LONG_NAME, limit)
            or string_property(ole, prefix, ATTACH_NAME, limit) or f"attachment-{number}.bin")
    name = safe_member_name(name)
    if ctx.depth >= ctx.limits.max_archive_depth:
        return Child(name, b"", error="attachment nesting deeper than max_archive_depth")
    if ole.exists(f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}{EMBEDDED_OBJECT_TYPE}"):
        return Child(name, b"", error="embedded message or object in msg not supported")
    path = f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}0102"
    if ole.exists(path) and ole.get_size(path) > limit:
        return Child(name, b"", error="attachment over max_member_bytes")
    content = read_stream(ole, path, limit) or b""
    ctx.budget.spend(len(content))
    return Child(name, content)


def extract_msg(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    ole = open_msg(data)
    limit = ctx.limits.max_member_bytes
    try:
        pairs = [(label, string_property(ole, "", tag, limit))
                 for label, tag in HEADER_PROPERTIES]
        headers = record_unit(pairs, "headers", None)
        if headers.text:
            yield headers
        body = body_text(ole, limit)
        if body.strip():
            yield TextUnit(text=ctx.spend_text(body), where="body")
        names_used: set[str] = set()
        for number, storage in enumerate(attachment_storages(ole), start=1):
            child = attachment_child(ole, storage, number, ctx)
            yield Child(unique_name(child.name, names_used), child.data, child.error)
    finally:
        ole.close()
