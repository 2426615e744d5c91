"""Images (scanned letters, photos of paper notes, faxes) read by OCR (phiscan.extract.ocr).

Every page of a multi-page TIFF is read; other formats by their first frame (the frames
of an animated GIF or WebP are not pages). A frame's size is checked before it is
decoded (`[ocr] max_pixels`, with Pillow's own bomb guard set to the same figure), and
icons, bullets and logos under `[ocr] min_image_side` are not read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, Skip
from phiscan.extract.ocr import WORK_SIDE
from phiscan.extract.scanned import PageReader

# Pillow's names for the formats read here, and how each one's file starts.
FORMATS = ("PNG", "JPEG", "TIFF", "BMP", "GIF", "WEBP")
PAGED_FORMATS = frozenset({"TIFF"})
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
TOO_SMALL = "image too small to hold text (under [ocr] min_image_side)"


def is_image(data: bytes) -> bool:
    return data.startswith(MAGIC) or (data[:2] == b"BM" and len(data) > 26) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = max_pixels  # Pillow refuses twice this at open; we check first
    try:
        return Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise Skip("image over [ocr] max_pixels: not decoded") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ExtractionError(f"malformed image ({type(exc).__name__})") from None


def frames(image: Image.Image, limit: int) -> Iterator[int]:
    """Frame indexes, up to `limit` + 1 (one past the limit says there were more)."""
    count = limit + 1 if image.format in PAGED_FORMATS else 1
    for index in range(count):
        if index:
            try:
                image.seek(index)
            except EOFError:
                return
        yield index


def decoded(image: Image.Image) -> Image.Image:
    """The current frame decoded, upright by its EXIF orientation; a large JPEG decoded
    at a reduced scale straight away (its DCT allows it)."""
    if image.format == "JPEG":
        image.draft("L", (WORK_SIDE, WORK_SIDE))
    image.load()
    return ImageOps.exif_transpose(image)


def extract_image(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    reader = PageReader(ctx)
    reader.ready()
    small = 0
    with open_image(data, ctx.ocr.max_pixels) as image:
        for index in frames(image, ctx.ocr.max_pages):
            width, height = image.size
            if min(width, height) < ctx.ocr.min_image_side:
                small += 1
                continue
            if reader.check(index + 1, width, height):
                unit = reader.read(index + 1, lambda: decoded(image))
                if unit is not None:
                    yield unit
    reader.finish()
    if small and not reader.image_pages:
        raise Skip(TOO_SMALL)
