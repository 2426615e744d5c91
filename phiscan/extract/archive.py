"""Zip archives: members become child documents, read in memory, never written out."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece, Skip
from phiscan.model import Child


def safe_member_name(name: str) -> str:
    """A display name that cannot climb out of anything (`../`, absolute paths)."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    return "/".join(parts) or "unnamed"


def open_zip(data: bytes, kind: str = "zip") -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ExtractionError(f"corrupt {kind}: {type(exc).__name__}") from None


def check_container(data: bytes, ctx: ExtractContext, kind: str) -> None:
    """An Office file is a zip: refuse one that is not, or that would expand too far,
    before a library inflates its parts in memory."""
    with open_zip(data, f"{kind} (not a valid zip container)") as container:
        expanded = sum(info.file_size for info in container.infolist())
    if expanded > ctx.limits.max_expanded_bytes:
        raise LimitExceeded(f"{kind} expands over max_expanded_bytes")


def extract_zip(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    ctx.check_depth("archive")
    with open_zip(data) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if any(info.flag_bits & 0x1 for info in members):
            raise Skip("encrypted archive")
        for info in members:
            if info.file_size > ctx.limits.max_member_bytes:
                yield Child(safe_member_name(info.filename), b"",
                            skip_reason="too large: over max_member_bytes")
                continue
            ctx.budget.spend(info.file_size)
            yield read_member(archive, info, ctx)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, ctx: ExtractContext,
                name: str | None = None) -> Child:
    """Read no more than the declared size: a lying header cannot inflate past it."""
    name = name or safe_member_name(info.filename)
    limit = min(info.file_size, ctx.limits.max_member_bytes)
    try:
        with archive.open(info) as member:
            content = member.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        return Child(name, b"", error=f"corrupt zip member: {type(exc).__name__}")
    except zlib.error:
        return Child(name, b"", error="corrupt zip member: bad compressed data")
    except NotImplementedError:
        return Child(name, b"", error="zip compression method not supported")
    if len(content) > limit:
        raise LimitExceeded("archive member larger than its header says")
    return Child(name, content)
