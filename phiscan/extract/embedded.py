"""Files embedded in Office documents (word/embeddings, xl/embeddings, ppt/embeddings:
a spreadsheet in a letter, a letter in a slide) as members of the document,
`letter.docx!embeddings/oleObject1.xlsx`, read in memory under the archive limits."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from phiscan.extract.archive import read_member, safe_member_name
from phiscan.extract.base import ExtractContext
from phiscan.model import Child

EMBEDDING_FOLDERS = ("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")


def embedded_files(data: bytes, ctx: ExtractContext) -> Iterator[Child]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()
                   and info.filename.startswith(EMBEDDING_FOLDERS)]
        for info in members:
            name = "embeddings/" + safe_member_name(info.filename.split("/", 2)[2])
            if ctx.depth >= ctx.limits.max_archive_depth:
                yield Child(name, b"", skip_reason="embedded file nesting deeper than"
                            " max_archive_depth")
            elif info.file_size > ctx.limits.max_member_bytes:
                yield Child(name, b"", skip_reason="too large: over max_member_bytes")
            else:
                ctx.budget.spend(info.file_size)
                yield read_member(archive, info, ctx, name)
