"""PDF text layer, page by page, with pypdfium2 (PDFium: fast, permissive licence).

A PDF with no text on any page (a scan, a photo) is `skipped` with a reason,
not `scanned`: an analyst must not read "scanned, nothing found" for a file
whose content was never seen. OCR is out of scope.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2
import pypdfium2.raw as pdfium_c

from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Piece, Skip
from phiscan.model import TextUnit

NO_TEXT_LAYER = "no text layer (scanned image?): needs OCR"


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


def extract_pdf(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    document = open_pdf(data)
    try:
        page_count = len(document)
        readable = min(page_count, ctx.limits.max_pdf_pages)
        any_text = False
        for index in range(readable):
            text = page_text(document, index).replace("\r\n", "\n").replace("\r", "\n")
            if text.strip():
                any_text = True
                yield TextUnit(text=ctx.spend_text(text), where=f"page {index + 1}")
    finally:
        document.close()
    if page_count > readable:
        raise LimitExceeded(f"pdf over max_pdf_pages: only the first {readable} pages read")
    if not any_text:
        raise Skip(NO_TEXT_LAYER)
