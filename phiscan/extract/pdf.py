"""PDF text layer, page by page, with pypdfium2 (PDFium: fast, permissive licence).

A PDF with no text on any page (a scan, a photo) is `skipped` with a reason,
not `scanned`: an analyst must not read "scanned, nothing found" for a file
whose content was never seen. OCR is out of scope.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece, Skip
from phiscan.model import TextUnit

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
        except LimitExceeded as exc:
            result.limit_hit = exc  # the pages before it are still analysed
        finally:
            document.close()
    return result


def extract_pdf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    pdf = read_pages(data, ctx)
    yield from pdf.units
    if pdf.limit_hit:
        raise pdf.limit_hit
    if pdf.page_count > ctx.limits.max_pdf_pages:
        raise LimitExceeded(
            f"pdf over max_pdf_pages: only the first {ctx.limits.max_pdf_pages} pages read")
    if not pdf.units:
        raise Skip(NO_TEXT_LAYER)
