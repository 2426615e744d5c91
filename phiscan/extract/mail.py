"""E-mail (.eml): headers, text bodies, and attachments recursed as children.

Address headers (From, To, Cc, Reply-To) are split into one field per address
(`Name <address>`), so every display name is a name field's value and the fields
are coded (`FieldSpan.coded`): spaCy reads only the Subject of the headers.

Attachments are bounded like archive members: nesting by max_archive_depth,
size by max_member_bytes, count and total bytes by the file's shared Budget.
"""

from __future__ import annotations

import email
import email.errors
from collections.abc import Iterator
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import getaddresses

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.encoding import decode_text
from phiscan.extract.htmldoc import html_to_text
from phiscan.model import Child, TextUnit

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject")
ADDRESS_HEADERS = frozenset({"from", "to", "cc", "reply-to"})
KNOWN_HEADERS = (*HEADERS, "Date", "Message-ID", "MIME-Version", "Received", "Return-Path")


class ReadOncePolicy(EmailPolicy):
    """`policy.default` that parses each header value once while one message is read.

    The default policy parses a header again at every look-up, and reading a message
    looks up each part's Content-Type a dozen times (the parser itself, the part walk,
    the attachment and text checks): about half the CPU of reading a small message.
    A header's parse depends only on its name and raw value, and the parsed header is
    never changed, so the one parsed the first time serves every look-up after it."""

    def __init__(self, **kw) -> None:
        super().__init__(header_factory=policy.default.header_factory, **kw)
        object.__setattr__(self, "_parsed", {})

    def header_fetch_parse(self, name, value):
        if type(value) is not str:  # already a parsed header: given back as it is
            return super().header_fetch_parse(name, value)
        parsed = self._parsed.get((name, value))
        if parsed is None:
            parsed = self._parsed[(name, value)] = super().header_fetch_parse(name, value)
        return parsed


def parse_message(data: bytes) -> EmailMessage:
    """One message, with a policy of its own (its parsed headers go with it)."""
    message = email.message_from_bytes(data, policy=ReadOncePolicy())
    if not any(message.get(name) is not None for name in KNOWN_HEADERS):
        raise ExtractionError("malformed email: no message headers")
    return message


def decoded_header(raw: str) -> str:
    """RFC 2047 words decoded; a header that will not decode is kept as sent."""
    try:
        return str(make_header(decode_header(raw)))
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return raw


def headers_unit(message: EmailMessage) -> TextUnit:
    wanted = {name.lower(): name for name in HEADERS}
    fields: list[tuple[str, str, bool]] = []
    for name, raw in message.raw_items():
        if name.lower() in wanted:
            fields.extend(header_fields(wanted[name.lower()], decoded_header(str(raw))))
    return record_unit([(name, value) for name, value, _prose in fields], "headers", None,
                       prose=lambda index, _name: fields[index][2])


def header_fields(name: str, value: str) -> list[tuple[str, str, bool]]:
    """(name, value, free text): an address header as one coded field per address, when
    it parses as a list of addresses; anything else as it is, read as text."""
    if name.lower() not in ADDRESS_HEADERS:
        return [(name, value, True)]
    addresses = address_list(value)
    if addresses is None:
        return [(name, value, True)]
    return [(name, f"{display} <{address}>" if display else address, False)
            for display, address in addresses]


def address_list(value: str) -> list[tuple[str, str]] | None:
    """(display name, address) pairs, or None when the header is not a clean list
    (a `;` between addresses, as Outlook writes them, separates them too)."""
    if '"' not in value:
        value = value.replace(";", ",")
    try:
        addresses = getaddresses([value])
    except (TypeError, ValueError, email.errors.HeaderParseError):
        return None
    if not addresses or any("@" not in address or "<" in display or "\n" in display
                            for display, address in addresses):
        return None
    return [(" ".join(display.split()), address) for display, address in addresses]


def part_text(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    content = decode_body(payload, part.get_content_charset())
    return html_to_text(content) if part.get_content_subtype() == "html" else content


def decode_body(payload: bytes, charset: str | None) -> str:
    """In the declared charset when the bytes are valid in it; otherwise (none
    declared, ASCII declared over 8-bit bytes as servers pass them through, an unknown
    or wrong charset) by evidence, as a text file is: accented names stay readable."""
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, ValueError):  # unknown, not a text codec, invalid bytes
            pass
    return decode_text(payload)


def attachment_name(part: EmailMessage, number: int) -> str:
    filename = part.get_filename()
    if filename:
        return safe_member_name(str(filename))
    extension = ".eml" if part.get_content_type() == "message/rfc822" else ".bin"
    return f"attachment-{number}{extension}"


def attachment_bytes(part: EmailMessage) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner:
            return inner[0].as_bytes(policy=policy.default)
        return b""
    return part.get_payload(decode=True) or b""


def attachment_child(part: EmailMessage, number: int, ctx: ExtractContext) -> Child:
    name = attachment_name(part, number)
    if ctx.depth >= ctx.limits.max_archive_depth:
        return Child(name, b"", error="attachment nesting deeper than max_archive_depth")
    content = attachment_bytes(part)
    if len(content) > ctx.limits.max_member_bytes:
        return Child(name, b"", error="attachment over max_member_bytes")
    ctx.budget.spend(len(content))
    return Child(name, content)


def is_attachment(part: EmailMessage) -> bool:
    if part.get_content_type() == "message/rfc822":
        return True
    return part.is_attachment() or (
        part.get_content_maintype() not in ("text", "multipart") and bool(part.get_filename())
    )


def unique_name(name: str, names_used: set[str]) -> str:
    """Two attachments called `scan.pdf` must not share one inventory row."""
    candidate, number = name, 1
    while candidate in names_used:
        number += 1
        candidate = f"{name}~{number}"
    names_used.add(candidate)
    return candidate


def compose_message(headers: list[tuple[str, str]], body: str,
                    attachments: list[tuple[str, bytes | EmailMessage]]) -> bytes:
    """A message rebuilt from a mail store's properties (Outlook .msg items, PST), as
    RFC 822 for `extract_eml`: the first non-empty value of each header, the body, and
    attachments (messages attached as message/rfc822)."""
    message = EmailMessage(policy=policy.default)
    for label, value in headers:
        value = " ".join(value.split())
        if value and label not in message:
            message[label] = value
    message.set_content(body)
    for name, content in attachments:
        if isinstance(content, EmailMessage):
            message.add_attachment(content, filename=name)
        else:
            message.add_attachment(content, maintype="application", subtype="octet-stream",
                                   filename=safe_member_name(name))
    return message.as_bytes()


def walk_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """Leaf parts in order, without descending into attached messages."""
    if message.is_multipart() and message.get_content_type() != "message/rfc822":
        for part in message.iter_parts():
            yield from walk_parts(part)
    else:
        yield message


def extract_eml(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    message = parse_message(data)
    headers = headers_unit(message)
    if headers.text:
        yield headers
    names_used: set[str] = set()
    for part in walk_parts(message):
        if is_attachment(part):
            child = attachment_child(part, len(names_used) + 1, ctx)
            name = unique_name(child.name, names_used)
            yield Child(name, child.data, child.error)
        elif part.get_content_maintype() == "text":
            text = part_text(part)
            if text.strip():
                yield TextUnit(text=ctx.spend_text(text), where="body")
