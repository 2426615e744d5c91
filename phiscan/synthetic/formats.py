"""Writers for file formats the demo share and the tests need, with no binary blobs:
a minimal Compound File Binary (OLE2 v3) writer for Outlook .msg (olefile only reads,
and extract-msg is GPL) and a minimal PDF writer with a real text layer.

Streams under 4096 bytes go to the CFB mini stream, as the format requires.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5


@dataclass
class Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[Entry] = field(default_factory=list)
    start: int = END_OF_CHAIN
    left: int = NO_STREAM
    right: int = NO_STREAM
    child: int = NO_STREAM


def _sort_key(entry: Entry) -> tuple[int, str]:
    return len(entry.name), entry.name.upper()


def _tree(paths: dict[str, bytes]) -> Entry:
    root = Entry("Root Entry", ROOT)
    for path, data in paths.items():
        node = root
        *storages, stream = path.split("/")
        for name in storages:
            found = next((c for c in node.children if c.name == name), None)
            if found is None:
                found = Entry(name, STORAGE)
                node.children.append(found)
            node = found
        node.children.append(Entry(stream, STREAM, data))
    return root


def _flatten(root: Entry) -> list[Entry]:
    """Directory order; siblings linked as a right-leaning chain in CFB name order."""
    entries = [root]
    pending = [root]
    while pending:
        parent = pending.pop(0)
        children = sorted(parent.children, key=_sort_key)
        first_index = len(entries)
        entries.extend(children)
        if children:
            parent.child = first_index
        for offset, child in enumerate(children[:-1]):
            child.right = first_index + offset + 1
        pending.extend(children)
    return entries


def _chain(fat: list[int], start: int, count: int) -> None:
    for index in range(start, start + count):
        fat[index] = index + 1 if index < start + count - 1 else END_OF_CHAIN


def _pad(data: bytes, unit: int) -> bytes:
    return data + b"\x00" * (-len(data) % unit)


def _dir_entry(entry: Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    size = len(entry.data)
    return struct.pack(
        "<64sHBBIII16sIQQIQ", name, len(name), entry.kind, 1, entry.left, entry.right,
        entry.child, b"\x00" * 16, 0, 0, 0, entry.start, size,
    )


def build_cfb(paths: dict[str, bytes]) -> bytes:
    """paths: 'storage/stream' -> content."""
    entries = _flatten(_tree(paths))
    streams = [e for e in entries if e.kind == STREAM]
    mini = b""
    mini_fat: list[int] = []
    for entry in streams:
        if len(entry.data) < MINI_CUTOFF:
            entry.start = len(mini) // MINI_SECTOR if entry.data else END_OF_CHAIN
            count = -(-len(entry.data) // MINI_SECTOR)
            mini_fat.extend([0] * count)
            _chain(mini_fat, len(mini_fat) - count, count)
            mini += _pad(entry.data, MINI_SECTOR)
    big = [e for e in streams if len(e.data) >= MINI_CUTOFF]
    directory = b""
    dir_sectors = -(-len(entries) * 128 // SECTOR)
    minifat_sectors = -(-len(mini_fat) * 4 // SECTOR)
    mini_sectors = -(-len(mini) // SECTOR)
    big_sectors = sum(-(-len(e.data) // SECTOR) for e in big)
    content = dir_sectors + minifat_sectors + mini_sectors + big_sectors
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < content + fat_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109, "test files only: no DIFAT"
    fat = [FREE] * (fat_sectors * SECTOR // 4)
    for index in range(fat_sectors):
        fat[index] = FAT_SECTOR
    next_sector = fat_sectors
    dir_start = next_sector
    _chain(fat, next_sector, dir_sectors)
    next_sector += dir_sectors
    minifat_start = next_sector if minifat_sectors else END_OF_CHAIN
    _chain(fat, next_sector, minifat_sectors)
    next_sector += minifat_sectors
    entries[0].start = next_sector if mini_sectors else END_OF_CHAIN
    entries[0].data = mini
    _chain(fat, next_sector, mini_sectors)
    next_sector += mini_sectors
    body = b""
    for entry in big:
        count = -(-len(entry.data) // SECTOR)
        entry.start = next_sector
        _chain(fat, next_sector, count)
        next_sector += count
        body += _pad(entry.data, SECTOR)
    for entry in entries:
        directory += _dir_entry(entry)
    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x00" * 16, 0x3E, 3,
        0xFFFE, 9, 6, b"\x00" * 6, 0, fat_sectors, dir_start, 0, MINI_CUTOFF, minifat_start,
        minifat_sectors, END_OF_CHAIN, 0,
    ) + struct.pack("<109I", *difat)
    return (
        header
        + struct.pack(f"<{len(fat)}I", *fat)
        + _pad(directory, SECTOR)
        + _pad(struct.pack(f"<{len(mini_fat)}I", *mini_fat), SECTOR)
        + _pad(mini, SECTOR)
        + body
    )


def build_msg(subject: str, body: str, sender: str, to: str,
              attachments: list[tuple[str, bytes]]) -> bytes:
    """An Outlook message: MAPI string properties as UTF-16 streams, attachments
    in `__attach_version1.0_#0000000N` storages."""
    def text(value: str) -> bytes:
        return value.encode("utf-16-le")

    paths = {
        "__substg1.0_0037001F": text(subject),
        "__substg1.0_1000001F": text(body),
        "__substg1.0_0C1F001F": text(sender),
        "__substg1.0_0E04001F": text(to),
        "__properties_version1.0": b"\x00" * 32,
    }
    for index, (name, data) in enumerate(attachments):
        storage = f"__attach_version1.0_#{index:08X}"
        paths[f"{storage}/__substg1.0_3707001F"] = text(name)
        paths[f"{storage}/__substg1.0_37010102"] = data
    return build_cfb(paths)


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def _page_content(lines: list[str]) -> bytes:
    if not lines:  # a page with no text layer, only an image, as a scanner produces it
        return b"q 200 0 0 200 72 72 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x40\x80 EI Q"
    body = b"".join(_pdf_string(line) + b" Tj T* " for line in lines)
    return b"BT /F1 11 Tf 14 TL 72 760 Td " + body + b"ET"


def build_pdf(pages: list[list[str]], encrypt_with_password: bool = False) -> bytes:
    """A PDF with a real text layer (Helvetica): one list of lines per page.

    With `encrypt_with_password` the trailer declares standard-handler encryption
    whose user password is not empty, as a password-protected export would.
    """
    objects: list[bytes] = []
    page_ids = [4 + 2 * index for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % page_id for page_id in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    for page_id, lines in zip(page_ids, pages, strict=True):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (page_id + 1))
        content = _page_content(lines)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content
                       + b"\nendstream")
    trailer_extra = b""
    if encrypt_with_password:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <"
                       + b"22" * 32 + b"> /P -44 >>")
        trailer_extra = (b" /Encrypt %d 0 R /ID [<" % len(objects) + b"33" * 16 + b"> <"
                         + b"33" * 16 + b">]")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer_extra
            + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)
