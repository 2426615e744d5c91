"""The OCR'd pages of one file (an image, a TIFF, a scanned PDF): their limits, and one
honest reason when any page was not read.

A page is `page N (ocr)` wherever a finding points. A file whose image pages were not
read says `needs OCR` with why (OCR off, no engine, a page that failed); a page over
`[ocr] max_pixels` is never decoded; pages past `[ocr] max_pages`, or past the file's
time, are reported rather than silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from phiscan.extract.base import ExtractContext, ExtractionError, LimitExceeded, Skip
from phiscan.extract.ocr import OcrFailed, OcrOutOfTime, check_pixels, engines, read_page
from phiscan.model import TextUnit

OCR_OFF = "needs OCR (OCR is off)"
NO_ENGINE = "needs OCR: no OCR engine installed (tesseract-ocr or rapidocr_onnxruntime)"


class TooLarge(OcrFailed):
    """Over `[ocr] max_pixels`: deliberately not decoded."""


def ocr_unit(text: str, page: int) -> TextUnit:
    return TextUnit(text=text, where=f"page {page} (ocr)", ocr=True)


class PageReader:
    """Reads a file's image pages one by one; `finish` says what was not read and why."""

    def __init__(self, ctx: ExtractContext) -> None:
        self.ctx = ctx
        self.config = ctx.ocr
        self.image_pages = 0
        self.read_pages = 0
        self.too_large: list[str] = []
        self.failed: list[str] = []
        self.first_unread = 0  # the first page left unread by a limit (0: none)
        self.out_of_time: str = ""

    def ready(self) -> None:
        """Before the first page: OCR is on and an engine is installed."""
        if not self.config.enabled:
            raise Skip(OCR_OFF)
        if not engines(self.config):
            raise Skip(NO_ENGINE)

    def check(self, page: int, width: int, height: int) -> bool:
        """Whether page `page` (its size known, nothing decoded) may be read."""
        self.image_pages += 1
        if self.out_of_time or self.read_pages + len(self.failed) >= self.config.max_pages:
            self.first_unread = self.first_unread or page
            return False
        try:
            check_pixels(width, height, self.config)
        except OcrFailed as exc:
            self.too_large.append(f"page {page}: {exc}")
            return False
        return True

    def read(self, page: int, decode: Callable[[], Image.Image]) -> TextUnit | None:
        """The page's unit, or None when it could not be read (remembered for `finish`)."""
        try:
            image = decode()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            self.failed.append(f"page {page}: undecodable image ({type(exc).__name__})")
            return None
        try:
            reading = read_page(image, self.config)
        except OcrOutOfTime as exc:
            self.out_of_time = str(exc)
            self.first_unread = self.first_unread or page
            return None
        except OcrFailed as exc:
            self.failed.append(f"page {page}: {exc}")
            return None
        except (OSError, ValueError) as exc:  # the page decoded: not the image's fault
            self.failed.append(f"page {page}: OCR could not run ({type(exc).__name__})")
            return None
        self.read_pages += 1
        return ocr_unit(self.ctx.spend_text(reading.text), page)

    def finish(self) -> None:
        """Raises when any image page went unread: over a limit, too large, or failed."""
        if self.failed:
            raise ExtractionError(
                f"needs OCR: {len(self.failed)} of {self.image_pages} image pages not read "
                f"({self.failed[0]})")
        if self.first_unread:
            why = self.out_of_time or f"over [ocr] max_pages ({self.config.max_pages})"
            raise LimitExceeded(f"{why}: image pages from page {self.first_unread} on not read")
        if self.too_large:
            raise Skip(f"{len(self.too_large)} of {self.image_pages} image pages not decoded "
                       f"({self.too_large[0]})")
