"""Clean Unicode for detection: the one place text becomes what the detector reads.

Libraries hand over text that is not valid Unicode: Python's e-mail parser keeps raw
8-bit header bytes as lone surrogates (`surrogateescape`), RTF `\\u` escapes give
UTF-16 surrogate pairs as two code points. spaCy, SQLite and every encoder refuse
them. `clean_text` re-reads escaped bytes as what they stand for (UTF-8 when valid,
else Windows-1252), joins surrogate pairs and turns anything left into U+FFFD.

`fold_compatibility` maps compatibility forms of digits, letters, spaces and hyphens
(full-width `９４３`, Arabic-Indic digits, no-break spaces, non-breaking hyphens) to
their ASCII form, one character for one, so offsets into the text stay valid.
"""

from __future__ import annotations

import bisect
import codecs
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import regex

# `regex` scans a plain range about ten times faster than `re` on non-ASCII text.
SURROGATES = regex.compile("[\ud800-\udfff]+")
# Up to this many distinct characters to fold, one `str.replace` pass each beats one
# `str.translate` pass (about 130 ns a character on non-ASCII text: 3 s for 25 MB).
_REPLACE_PASSES = 16
# Code points U+DC80..U+DCFF are the bytes 0x80..0xFF that `surrogateescape` kept.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
_HIGH = range(0xD800, 0xDC00)
_LOW = range(0xDC00, 0xE000)
# Hyphen-like characters NFKC leaves alone but that separate digit groups like `-`.
_HYPHENS = frozenset("\u2010\u2011\u2012\u2013\u2212\ufe63")
CP1252_FALLBACK = "phiscan-cp1252"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not valid in the main encoding are read
    one by one as Windows-1252 (undefined bytes become U+FFFD), then decoding resumes."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(CP1252_FALLBACK, _cp1252_fallback)


def decode_mixed(data: bytes) -> str:
    """UTF-8 where the bytes are valid UTF-8, Windows-1252 for every byte that is not:
    a file edited in two editors reads right in both halves."""
    return data.decode("utf-8", errors=CP1252_FALLBACK)


def _repair_run(run: str) -> str:
    """One run of surrogates: pairs joined, escaped bytes decoded, the rest U+FFFD."""
    out: list[str] = []
    escaped = bytearray()
    index = 0
    while index < len(run):
        point = ord(run[index])
        if point in _ESCAPED_BYTES:
            escaped.append(point - 0xDC00)
            index += 1
            continue
        if escaped:
            out.append(decode_mixed(bytes(escaped)))
            escaped.clear()
        if point in _HIGH and index + 1 < len(run) and ord(run[index + 1]) in _LOW:
            low = ord(run[index + 1])
            out.append(chr(0x10000 + ((point - 0xD800) << 10) + (low - 0xDC00)))
            index += 2
            continue
        out.append("\ufffd")
        index += 1
    if escaped:
        out.append(decode_mixed(bytes(escaped)))
    return "".join(out)


def clean_text_mapped(text: str) -> tuple[str, Callable[[int], int] | None]:
    """The clean text and, when its length changed, a map from old offsets to new ones
    (for spans computed on the old text); None when the text was already clean."""
    if text.isascii() or not SURROGATES.search(text):
        return text, None
    pieces: list[str] = []
    old_starts: list[int] = []  # where each repaired run started in the old text
    shifts: list[tuple[int, int, int]] = []  # (old end, new start, new length) per run
    position = new_length = 0
    for match in SURROGATES.finditer(text):
        pieces.append(text[position:match.start()])
        new_length += match.start() - position
        repaired = _repair_run(match.group())
        pieces.append(repaired)
        old_starts.append(match.start())
        shifts.append((match.end(), new_length, len(repaired)))
        new_length += len(repaired)
        position = match.end()
    pieces.append(text[position:])

    def new_offset(old: int) -> int:
        run = bisect.bisect_right(old_starts, old) - 1
        if run < 0:
            return old
        old_end, new_start, length = shifts[run]
        if old >= old_end:
            return new_start + length + (old - old_end)
        return new_start + min(old - old_starts[run], length)

    return "".join(pieces), new_offset


def clean_text(text: str) -> str:
    return clean_text_mapped(text)[0]


@lru_cache(maxsize=8192)
def _ascii_form(char: str) -> str | None:
    """The ASCII character a compatibility form stands for, if any. Superscripts,
    fractions and circled numbers (category No) are left alone: `10²` is not `102`."""
    if unicodedata.category(char) == "Nd":
        return str(unicodedata.decimal(char))
    if unicodedata.category(char) == "Zs":
        return " "
    if char in "\u2028\u2029":  # line and paragraph separators
        return "\n"
    if char in _HYPHENS:
        return "-"
    if unicodedata.category(char) == "No":
        return None
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 and folded.isascii() else None


def fold_compatibility(text: str) -> str:
    """Compatibility digits, letters, spaces and hyphens as ASCII, length preserved."""
    if text.isascii():
        return text
    table = {char: mapped for char in set(text)
             if not char.isascii() and (mapped := _ascii_form(char)) is not None}
    if len(table) > _REPLACE_PASSES:
        return text.translate({ord(char): mapped for char, mapped in table.items()})
    for char, mapped in table.items():
        text = text.replace(char, mapped)
    return text


# A printed form's label and its value joined by a dot leader (`Name ............ Hyacinth
# Jean Pollitt`, `Key safe.....4471`, `Date of birth … 16 Dec 1950`): the label at the head of
# its line, one to six words, no colon of its own.
_DOT_LEADER = regex.compile(
    r"(?m)^([ \t]*[^\W\d_][\w'’()/&\-]*(?:[^\S\n]+[\w'’()/&\-]+){0,5})"
    r"([^\S\n]*(?:\.{3,}|…+)[^\S\n]*)(?=[^\s.…])")


def dot_leaders_as_labels(text: str) -> str:
    """A dot leader between a label and its value read as the colon it stands for (`Name:
    Hyacinth Jean Pollitt`), one character for one, so every reader of `label: value` lines
    reads a printed form's too: before, the name's first word was left out (a label's value
    is not inside a sentence) and the visit made a person of its own."""
    if "..." not in text and "…" not in text:
        return text
    return _DOT_LEADER.sub(
        lambda match: match[1] + (":" + " " * (len(match[2]) - 1) if len(match[2]) > 1
                                  else match[2]), text)


def detection_text(text: str) -> tuple[str, Callable[[int], int] | None]:
    """What the detector reads: clean Unicode with compatibility forms folded, dot leaders
    as colons."""
    cleaned, offsets = clean_text_mapped(text)
    return dot_leaders_as_labels(fold_compatibility(cleaned)), offsets
