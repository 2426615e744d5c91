"""Outlook data files (.pst/.ost) through libpff-python (`pypff`), an optional extra.

libpff-python is LGPL-3.0: it is not a core dependency. `pip install 'phiscan[pst]'`
adds it; without it a PST is `skipped: needs the pst extra`, never `scanned`.

Every message in every folder becomes a child, `message-N.eml` (numbered in folder
order: neither a subject nor a folder name, which may name a patient, ever names a
location), rebuilt as RFC 822 from its sender, subject, body and attachments and
read by the e-mail extractor. Items that are not messages (free/busy data, search
folders' internals) carry no message properties and are passed over. The file is
read from memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.htmldoc import html_to_text
from phiscan.extract.mail import compose_message
from phiscan.model import Child

PST_MAGIC = b"!BDN"
NEEDS_EXTRA = "needs the pst extra (pip install 'phiscan[pst]'; libpff-python is LGPL)"


def load_pypff() -> Any:
    try:
        import pypff
    except ImportError:
        raise Skip(NEEDS_EXTRA) from None
    return pypff


def decoded(value: bytes | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def body_of(message: Any) -> str:
    plain = decoded(message.plain_text_body)
    if plain.strip():
        return plain
    return html_to_text(decoded(message.html_body))


def attachments_of(message: Any, limit: int) -> Iterator[tuple[str, bytes]]:
    for number in range(message.number_of_attachments):
        attachment = message.get_attachment(number)
        name = decoded(getattr(attachment, "long_filename", None)) or f"attachment-{number + 1}.bin"
        size = attachment.size or 0
        if size > limit:
            raise ExtractionError("pst attachment over max_member_bytes")
        yield name, attachment.read_buffer(size) if size else b""


def messages(folder: Any) -> Iterator[Any]:
    """Messages depth-first, each folder's own before its sub-folders'."""
    for index in range(folder.number_of_sub_messages):
        item = folder.get_sub_message(index)
        if hasattr(item, "subject"):
            yield item
    for index in range(folder.number_of_sub_folders):
        yield from messages(folder.get_sub_folder(index))


def message_child(message: Any, number: int, ctx: ExtractContext) -> Child:
    name = f"message-{number}.eml"
    limit = ctx.limits.max_member_bytes
    headers = [("From", decoded(message.sender_name)), ("Subject", decoded(message.subject))]
    content = compose_message(headers, body_of(message), list(attachments_of(message, limit)))
    if len(content) > limit:
        return Child(name, b"", skip_reason="too large: over max_member_bytes")
    ctx.budget.spend(len(content))
    return Child(name, content)


def extract_pst(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    ctx.check_depth("mailbox")
    if not data.startswith(PST_MAGIC):
        raise ExtractionError("malformed pst: not an Outlook data file")
    pypff = load_pypff()
    store = pypff.file()
    try:
        store.open_file_object(io.BytesIO(data))
    except OSError as exc:
        raise ExtractionError(f"malformed pst: {type(exc).__name__}") from None
    try:
        for number, message in enumerate(messages(store.root_folder), start=1):
            yield message_child(message, number, ctx)
    except OSError as exc:
        raise ExtractionError(f"malformed pst: {type(exc).__name__}") from None
    finally:
        store.close()
