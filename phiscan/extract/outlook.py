"""Outlook .msg through olefile (BSD): subject, sender and recipients, body, and
plain file attachments as children. Reads MAPI property streams directly, so
the core needs no GPL library.

A message attached to a message (an Outlook "item" attachment, stored as a
sub-storage) becomes an RFC 822 child, `attachment-N.eml`, read by the e-mail
extractor with its own attachments; its subject never names the child. Other
embedded OLE objects are reported as an `error` child rather than dropped.
"""

from __future__ import annotations

import email
import email.errors
import io
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage

import olefile

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip, record_unit
from phiscan.extract.encoding import decode_text
from phiscan.extract.htmldoc import html_to_text
from phiscan.extract.mail import compose_message, unique_name
from phiscan.extract.ole import OLE_MAGIC
from phiscan.model import Child, TextUnit

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
        raise Skip("OLE file of no readable kind (not Word, Excel, PowerPoint or Outlook)")
    return ole


def read_stream(ole: olefile.OleFileIO, path: str, limit: int) -> bytes | None:
    if not ole.exists(path):
        return None
    if ole.get_size(path) > limit:
        raise ExtractionError("msg stream over max_member_bytes")
    with ole.openstream(path) as stream:
        return stream.read(limit + 1)


def string_property(ole: olefile.OleFileIO, storage: str, tag: str, limit: int) -> str:
    """A string property in its UTF-16 (001F) or 8-bit (001E) form; the 8-bit one in
    the message's code page, UTF-8 or Windows-1252 as the bytes show (`decode_text`)."""
    unicode = read_stream(ole, f"{storage}{PROPERTY_PREFIX}{tag}001F", limit)
    if unicode is not None:
        return unicode.decode("utf-16-le", errors="replace").rstrip("\x00")
    legacy = read_stream(ole, f"{storage}{PROPERTY_PREFIX}{tag}001E", limit)
    return "" if legacy is None else decode_text(legacy.rstrip(b"\x00"))


def body_text(ole: olefile.OleFileIO, limit: int, storage: str = "") -> str:
    body = string_property(ole, storage, BODY, limit)
    if body.strip():
        return body
    html = read_stream(ole, f"{storage}{PROPERTY_PREFIX}{HTML_BODY}0102", limit)
    return html_to_text(decode_text(html)) if html else ""


def attachment_storages(ole: olefile.OleFileIO, storage: str = "") -> list[str]:
    """The attachment storages of the message at `storage` ("" or "a/b/"), as prefixes."""
    parent = [part for part in storage.split("/") if part]
    depth = len(parent)
    names = {entry[depth] for entry in ole.listdir(streams=True, storages=True)
             if len(entry) > depth + 1 and entry[:depth] == parent
             and entry[depth].startswith(ATTACHMENT_PREFIX)}
    return [f"{storage}{name}/" for name in sorted(names)]


def attachment_child(ole: olefile.OleFileIO, prefix: str, number: int,
                     ctx: ExtractContext) -> Child:
    limit = ctx.limits.max_member_bytes
    embedded = f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}{EMBEDDED_OBJECT_TYPE}/"
    if is_message(ole, embedded):
        name = f"attachment-{number}.eml"  # never the subject: it may name the patient
    else:
        name = safe_member_name(string_property(ole, prefix, ATTACH_LONG_NAME, limit)
                                or string_property(ole, prefix, ATTACH_NAME, limit)
                                or f"attachment-{number}.bin")
    if ctx.depth >= ctx.limits.max_archive_depth:
        return Child(name, b"", error="attachment nesting deeper than max_archive_depth")
    if is_message(ole, embedded):
        try:
            content = embedded_message(ole, embedded, ctx.limits.max_archive_depth - ctx.depth,
                                       limit)
        except (ValueError, TypeError, LookupError, email.errors.MessageError) as exc:
            return Child(name, b"", error=f"malformed attached message: {type(exc).__name__}")
        if len(content) > limit:
            return Child(name, b"", error="attachment over max_member_bytes")
        ctx.budget.spend(len(content))
        return Child(name, content)
    if ole.exists(embedded.rstrip("/")):
        return Child(name, b"", error="embedded OLE object in msg not supported")
    path = f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}0102"
    if ole.exists(path) and ole.get_size(path) > limit:
        return Child(name, b"", error="attachment over max_member_bytes")
    content = read_stream(ole, path, limit) or b""
    ctx.budget.spend(len(content))
    return Child(name, content)


def is_message(ole: olefile.OleFileIO, storage: str) -> bool:
    """A sub-storage holding message properties (not an OLE object's own streams)."""
    parent = [part for part in storage.split("/") if part]
    return any(len(entry) == len(parent) + 1 and entry[:len(parent)] == parent
               and entry[-1].startswith(PROPERTY_PREFIX) for entry in ole.listdir())


def embedded_message(ole: olefile.OleFileIO, storage: str, levels: int, limit: int) -> bytes:
    """The message at `storage` as RFC 822 bytes: its headers, body and attachments
    (nested messages as message/rfc822 parts, `levels` deep; deeper ones are left
    empty, and the e-mail extractor reports them as too deep)."""
    headers = [(label, string_property(ole, storage, tag, limit))
               for label, tag in HEADER_PROPERTIES]
    attachments: list[tuple[str, bytes | EmailMessage]] = []
    for number, prefix in enumerate(attachment_storages(ole, storage), start=1):
        embedded = f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}{EMBEDDED_OBJECT_TYPE}/"
        if is_message(ole, embedded):
            inner = (embedded_message(ole, embedded, levels - 1, limit) if levels > 1
                     else b"")
            attachments.append((f"attachment-{number}.eml",
                                email.message_from_bytes(inner, policy=policy.default)))
            continue
        name = (string_property(ole, prefix, ATTACH_LONG_NAME, limit)
                or string_property(ole, prefix, ATTACH_NAME, limit) or f"attachment-{number}.bin")
        data = read_stream(ole, f"{prefix}{PROPERTY_PREFIX}{ATTACH_DATA}0102", limit) or b""
        attachments.append((name, data))
    return compose_message(headers, body_text(ole, limit, storage), attachments)


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
