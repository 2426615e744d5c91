"""PDF text layer, page by page, with pypdfium2 (PDFium: fast, permissive licence),
and the files attached to it, as members.

A page with no text layer that holds an image (a scan, a photo of paper) is rendered
and read by OCR (`page N (ocr)`, phiscan.extract.scanned); a page with neither is blank.
When OCR is off, or fails, such pages make the file `needs OCR`: an analyst must not
read "scanned, nothing found" for a file whose content was never seen. A PDF with no
text and no images (blank pages, a cover for attachments) was read whole: it is
`scanned`, no text found.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece, Skip
from phiscan.extract.ocr import WORK_SIDE
from phiscan.extract.scanned import PageReader
from phiscan.model import Child, TextUnit

PDFIUM_LOCK = threading.Lock()
# PDFium's load errors in words (a responder reads them in the report and the ICO draft's
# locations not read; the code stays beside them for whoever looks deeper).
PDFIUM_ERRORS = {pdfium_c.FPDF_ERR_FORMAT: "damaged or not a PDF",
                 pdfium_c.FPDF_ERR_FILE: "cannot be opened",
                 pdfium_c.FPDF_ERR_PAGE: "a page is missing or damaged"}
RENDER_DPI = 300


def open_pdf(data: bytes) -> pypdfium2.PdfDocument:
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError("malformed pdf: no %PDF header")
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Skip("encrypted pdf (password required)") from None
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise Skip("encrypted pdf (unsupported security handler)") from None
        raise ExtractionError(f"malformed pdf ({PDFIUM_ERRORS.get(exc.err_code, 'unreadable')}: "
                              f"pdfium error {exc.err_code})") from None


def page_text(page: pypdfium2.PdfPage) -> str:
    text_page = page.get_textpage()
    try:
        return text_page.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
    finally:
        text_page.close()


def page_images(page: pypdfium2.PdfPage, min_side: int) -> list[int]:
    """Bits per pixel of each image on the page big enough to hold text (forms too)."""
    return [image.get_metadata().bits_per_pixel
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4)
            if min(image.get_px_size()) >= min_side]


def render_scale(page: pypdfium2.PdfPage) -> float:
    """RENDER_DPI, less for a page whose longest side would exceed WORK_SIDE."""
    width, height = page.get_size()  # points
    return min(RENDER_DPI / 72, WORK_SIDE / max(width, height, 1.0))


def render(page: pypdfium2.PdfPage, scale: float, bilevel: bool) -> Image.Image:
    """The page in greyscale; in black and white when its images are (a fax stays a fax)."""
    image = page.render(scale=scale, grayscale=True, may_draw_forms=True).to_pil()
    if bilevel:
        image = image.convert("1", dither=Image.Dither.NONE)
    image.info["dpi"] = (scale * 72, scale * 72)
    return image


@dataclass
class PdfText:
    units: list[TextUnit]
    page_count: int
    limit_hit: LimitExceeded | None = None
    unread: Exception | None = None  # why image pages were not read (OCR off, failed)
    attachments: list[Child] = field(default_factory=list)


def attachments(document: pypdfium2.PdfDocument, ctx: ExtractContext) -> list[Child]:
    """Embedded files, as members, under the archive limits."""
    children = []
    for index in range(document.count_attachments()):
        attachment = document.get_attachment(index)
        name = safe_member_name(attachment.get_name() or f"attachment-{index + 1}.bin")
        if ctx.depth >= ctx.limits.max_archive_depth:
            children.append(Child(name, b"", skip_reason="attachment nesting deeper than"
                                  " max_archive_depth"))
            continue
        content = bytes(attachment.get_data())
        if len(content) > ctx.limits.max_member_bytes:
            children.append(Child(name, b"", skip_reason="too large: over max_member_bytes"))
            continue
        ctx.budget.spend(len(content))
        children.append(Child(name, content))
    return children


class ImagePages:
    """A PDF's pages without a text layer that show an image: read by OCR when it is on
    and installed, otherwise counted for the reason."""

    def __init__(self, ctx: ExtractContext) -> None:
        self.reader = PageReader(ctx)
        self.min_side = ctx.ocr.min_image_side
        self.checked = False
        self.not_possible: Skip | None = None
        self.unread = 0

    def possible(self) -> bool:
        """OCR is on and an engine is installed (asked once, at the first image page)."""
        if not self.checked:
            self.checked = True
            try:
                self.reader.ready()
            except Skip as exc:
                self.not_possible = exc
        return self.not_possible is None

    def read(self, document: pypdfium2.PdfDocument, index: int) -> TextUnit | None:
        """Page `index`'s OCR unit; None for a blank page or one not read."""
        with PDFIUM_LOCK:
            page = document[index]
            try:
                images = page_images(page, self.min_side)
                if not images:
                    return None
                if not self.possible():
                    self.unread += 1
                    return None
                scale = render_scale(page)
                width, height = (round(side * scale) for side in page.get_size())
                if not self.reader.check(index + 1, width, height):
                    return None
                image = render(page, scale, bilevel=all(bits == 1 for bits in images))
            finally:
                page.close()
        return self.reader.read(index + 1, lambda: image)  # OCR outside the lock

    def outcome(self, page_count: int, text_pages: int) -> Exception | None:
        if self.unread:
            if not text_pages:
                return Skip(f"no text layer (scanned image?): {self.not_possible}")
            return Skip(f"{self.not_possible}: {self.unread} of {page_count} pages are images")
        try:
            self.reader.finish()
        except (Skip, ExtractionError) as exc:
            return exc
        return None


def read_pages(data: bytes, ctx: ExtractContext) -> PdfText:
    """Every page's text, each PDFium call under the lock (PDFium is not thread-safe, and
    a Dask worker runs several tasks in one process), OCR outside it. The text budget
    bounds memory."""
    with PDFIUM_LOCK:
        document = open_pdf(data)
        result = PdfText([], len(document))
    images = ImagePages(ctx)
    try:
        for index in range(min(result.page_count, ctx.limits.max_pdf_pages)):
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    text = page_text(page)
                finally:
                    page.close()
            if text.strip():
                result.units.append(TextUnit(text=ctx.spend_text(text), where=f"page {index + 1}"))
            elif (unit := images.read(document, index)) is not None:
                result.units.append(unit)
        with PDFIUM_LOCK:
            result.attachments = attachments(document, ctx)
    except LimitExceeded as exc:
        result.limit_hit = exc  # the pages before it are still analysed
    finally:
        with PDFIUM_LOCK:
            document.close()
    text_pages = sum(1 for unit in result.units if not unit.ocr)
    result.unread = images.outcome(result.page_count, text_pages)
    return result


def extract_pdf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    pdf = read_pages(data, ctx)
    yield from pdf.units
    yield from pdf.attachments
    if pdf.limit_hit:
        raise pdf.limit_hit
    if pdf.page_count > ctx.limits.max_pdf_pages:
        raise LimitExceeded(
            f"pdf over max_pdf_pages: only the first {ctx.limits.max_pdf_pages} pages read")
    if pdf.unread:
        raise pdf.unread
