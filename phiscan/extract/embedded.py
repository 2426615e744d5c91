"""Files embedded in Office documents (word/embeddings, xl/embeddings, ppt/embeddings:
a spreadsheet in a letter, a letter in a slide) as members of the document,
`letter.docx!embeddings/oleObject1.xlsx`, and the parts Word merges in as they are
(altChunk: `letter.docx!word/afchunk.htm`), read in memory under the archive limits."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator

from phiscan.extract.archive import read_member, safe_member_name
from phiscan.extract.base import ExtractContext
from phiscan.model import Child

EMBEDDING_FOLDERS = ("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")
# Word's "alternative format" chunks (w:altChunk): HTML, MHT, RTF or a whole .docx
# merged into the document where it stands, kept as its own part.
ALT_CHUNK = re.compile(rb'Type="[^"]*/aFChunk"[^>]*?Target="([^"]+)"|'
                       rb'Target="([^"]+)"[^>]*?Type="[^"]*/aFChunk"')
DOCUMENT_RELS = "word/_rels/document.xml.rels"


def alt_chunks(archive: zipfile.ZipFile) -> set[str]:
    try:
        rels = archive.read(DOCUMENT_RELS)
    except KeyError:
        return set()
    targets = {(first or second).decode("utf-8", "replace") for first, second
               in ALT_CHUNK.findall(rels)}
    return {posixpath.normpath(posixpath.join("word", target.lstrip("/")))
            if not target.startswith("/") else target.lstrip("/") for target in targets}


def member_name(filename: str) -> str:
    if filename.startswith(EMBEDDING_FOLDERS):
        return "embeddings/" + safe_member_name(filename.split("/", 2)[2])
    return safe_member_name(filename)


def embedded_files(data: bytes, ctx: ExtractContext) -> Iterator[Child]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chunks = alt_chunks(archive)
        members = [info for info in archive.infolist() if not info.is_dir()
                   and (info.filename.startswith(EMBEDDING_FOLDERS) or info.filename in chunks)]
        for info in members:
            name = member_name(info.filename)
            if ctx.depth >= ctx.limits.max_archive_depth:
                yield Child(name, b"", skip_reason="embedded file nesting deeper than"
                            " max_archive_depth")
            elif info.file_size > ctx.limits.max_member_bytes:
                yield Child(name, b"", skip_reason="too large: over max_member_bytes")
            else:
                ctx.budget.spend(info.file_size)
                yield read_member(archive, info, ctx, name)
