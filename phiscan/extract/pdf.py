"""PDF text layer, page by page, with pypdfium2 (PDFium: fast, permissive licence),
and the files attached to it, as members.

A PDF whose pages have no text but hold images (a scan, a photo) is `skipped`
with a reason, not `scanned`: an analyst must not read "scanned, nothing found"
for a file whose content was never seen. A PDF with no text and no images (blank
pages, a cover for attachments) was read whole: it is `scanned`, no text found.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as pdfium_c

from phiscan.extract.archive import safe_member_name
from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece, Skip
from phiscan.model import Child, TextUnit

NO_TEXT_LAYER = "no text layer (scanned image?): needs OCR"
PDFIUM_LOCK = threading.Lock()


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
        raise ExtractionError(f"malformed pdf (pdfium error {exc.err_code})") from None


def page_text(document: pypdfium2.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        text_page = page.get_textpage()
        try:
            return text_page.get_text_bounded()
        finally:
            text_page.close()
    finally:
        page.close()


@dataclass
class PdfText:
    units: list[TextUnit]
    page_count: int
    limit_hit: LimitExceeded | None = None
    image_pages: int = 0  # pages without text that show an image
    attachments: list[Child] = field(default_factory=list)


def shows_image(document: pypdfium2.PdfDocument, index: int) -> bool:
    page = document[index]
    try:
        objects = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4)
        return next(iter(objects), None) is not None
    finally:
        page.close()


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


def read_pages(data: bytes, ctx: ExtractContext) -> PdfText:
    """Every page's text at once, under the lock: PDFium is not thread-safe, and a
    Dask worker runs several tasks in one process. The text budget bounds memory."""
    with PDFIUM_LOCK:
        document = open_pdf(data)
        result = PdfText([], len(document))
        try:
            for index in range(min(result.page_count, ctx.limits.max_pdf_pages)):
                text = page_text(document, index).replace("\r\n", "\n").replace("\r", "\n")
                if text.strip():
                    result.units.append(
                        TextUnit(text=ctx.spend_text(text), where=f"page {index + 1}"))
                elif shows_image(document, index):
                    result.image_pages += 1
            result.attachments = attachments(document, ctx)
        except LimitExceeded as exc:
            result.limit_hit = exc  # the pages before it are still analysed
        finally:
            document.close()
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
    if not pdf.units and pdf.image_pages:
        raise Skip(NO_TEXT_LAYER)
