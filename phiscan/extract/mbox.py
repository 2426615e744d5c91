"""Unix mailboxes (.mbox, Thunderbird and mutt folders): each message becomes a child,
`message-N.eml`, read by the e-mail extractor with its attachments.

Messages are split where the `mailbox` module splits them (a `From ` line at the
start of a line) and `>From ` quoting is undone as mboxrd readers do. The split is
done here on the bytes already read (the `mailbox` module reads only from a path,
and nothing is written to disk). Children are named by position only: a subject or
an address never names a location.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.model import Child

SEPARATOR = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)
QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
MBOX_START = re.compile(rb"From \S+[^\r\n]*\r?\n[\x21-\x39\x3b-\x7e]+:")


def looks_like_mbox(head: bytes) -> bool:
    """A `From ` envelope line followed by a header line."""
    return bool(MBOX_START.match(head))


def message_spans(data: bytes) -> Iterator[tuple[int, int]]:
    separators = list(SEPARATOR.finditer(data))
    for index, separator in enumerate(separators):
        end = separators[index + 1].start() if index + 1 < len(separators) else len(data)
        yield separator.end(), end


def extract_mbox(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    ctx.check_depth("mailbox")
    if not data.startswith(b"From "):
        raise ExtractionError("malformed mbox: no From line at the start")
    for number, (start, end) in enumerate(message_spans(data), start=1):
        name = f"message-{number}.eml"
        size = end - start
        if size > ctx.limits.max_member_bytes:
            yield Child(name, b"", skip_reason="too large: over max_member_bytes")
            continue
        ctx.budget.spend(size)
        yield Child(name, QUOTED_FROM.sub(rb"\1", data[start:end]))
