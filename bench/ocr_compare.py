"""Tesseract against RapidOCR on generated scans: what each reads right, and how fast.

    .venv/bin/python bench/ocr_compare.py --pages 4
    .venv/bin/python bench/ocr_compare.py --pages 2 --variants raw-tesseract,phiscan-auto

Scans come from phiscan.synthetic.scans (a referral letter per page drawn with DejaVu, then
degraded as a 300 or 200 dpi scan, a phone photo saved as a low-quality JPEG, a 1-bit
standard-resolution fax, a page fed in 2 or 10 degrees askew, a page scanned sideways),
each saved in its file format and opened again, so compression artefacts are real.

Read right, per page: the NHS number (10 digits where phiscan's NHS pattern finds a
number), the name (exact, spaces normalised), the date of birth (exact). Variants:

- raw-tesseract: `tesseract --psm 3`, nothing else;
- raw-rapidocr: RapidOCR (rapidocr_onnxruntime) on the page, nothing else;
- phiscan-tesseract: phiscan.extract.ocr with engine = "tesseract" (deskew, OSD rotation);
- phiscan-auto: phiscan.extract.ocr with engine = "auto" (the above, RapidOCR where Tesseract
  reads little) - the default.

Seconds per page are wall time on one core: this process, and the Tesseract processes
it starts, are pinned to one CPU; Tesseract runs one OpenMP thread, RapidOCR one
ONNX Runtime thread. The multi-page rows time the extractors themselves (a PDF rendered
by PDFium, a TIFF decoded by Pillow) with engine = "auto".
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from phiscan.config import LimitsConfig, OcrConfig  # noqa: E402
from phiscan.extract.base import ExtractContext  # noqa: E402
from phiscan.extract.image import extract_image  # noqa: E402
from phiscan.extract.ocr import rapid_engine, rapid_lines, read_page, run_tesseract  # noqa: E402
from phiscan.extract.pdf import extract_pdf  # noqa: E402
from phiscan.synthetic.scans import (  # noqa: E402
    BENCH_QUALITIES,
    QUALITIES,
    QUALITY,
    ScanPage,
    encode,
    saved_dpi,
    scan_pages,
)
from recognizers.nhs_number_recognizer import NHS_PATTERN  # noqa: E402

Reader = Callable[[Image.Image], str]


def raw_tesseract(image: Image.Image) -> str:
    return run_tesseract(image.convert("L"), ["--psm", "3", "-l", "eng"], 600)


def raw_rapidocr(image: Image.Image) -> str:
    import numpy as np

    boxes, _ = rapid_engine()(np.asarray(image.convert("RGB")))
    return "\n".join(rapid_lines(boxes or []))


def phiscan_reader(engine: str) -> Reader:
    config = OcrConfig(engine=engine, page_timeout=600)
    return lambda image: read_page(image, config).text


VARIANTS: dict[str, Reader] = {
    "raw-tesseract": raw_tesseract,
    "raw-rapidocr": raw_rapidocr,
    "phiscan-tesseract": phiscan_reader("tesseract"),
    "phiscan-auto": phiscan_reader("auto"),
}


def read_right(page: ScanPage, text: str) -> tuple[bool, bool, bool]:
    flat = " ".join(text.split())
    numbers = {re.sub(r"\D", "", found) for found in re.findall(NHS_PATTERN, flat)}
    return (page.person.nhs_number in numbers, page.person.name in flat, page.person.dob in flat)


def as_saved(page: ScanPage) -> Image.Image:
    """The page after a round trip through its file format."""
    image = Image.open(io.BytesIO(encode([page.image], page.quality.image_format,
                                         saved_dpi(page.quality))))
    image.load()
    return image


def measure(variant: str, pages: list[ScanPage]) -> dict:
    reader = VARIANTS[variant]
    seconds, right = [], [0, 0, 0]
    for page in pages:
        image = as_saved(page)
        started = time.perf_counter()
        text = reader(image)
        seconds.append(time.perf_counter() - started)
        for index, ok in enumerate(read_right(page, text)):
            right[index] += ok
    return {"nhs": right[0], "name": right[1], "dob": right[2], "pages": len(pages),
            "median_s": statistics.median(seconds), "max_s": max(seconds)}


def measure_file(label: str, pages: list[ScanPage], file_format: str) -> dict:
    data = encode([page.image for page in pages], file_format, saved_dpi(pages[0].quality))
    extractor = extract_pdf if file_format == "PDF" else extract_image
    ctx = ExtractContext.for_file(f"scan.{file_format.lower()}", LimitsConfig(),
                                  replace(OcrConfig(), page_timeout=600))
    started = time.perf_counter()
    units = list(extractor(data, ctx))
    elapsed = time.perf_counter() - started
    right = [0, 0, 0]
    for page, unit in zip(pages, units, strict=True):
        for index, ok in enumerate(read_right(page, unit.text)):
            right[index] += ok
    return {"nhs": right[0], "name": right[1], "dob": right[2], "pages": len(pages),
            "median_s": elapsed / len(pages), "max_s": float("nan"), "label": label}


def row(label: str, variant: str, result: dict) -> str:
    pages = result["pages"]
    return (f"| {label} | {variant} | {result['nhs']}/{pages} | {result['name']}/{pages} | "
            f"{result['dob']}/{pages} | {result['median_s']:.2f} | {result['max_s']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4, help="pages per quality")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    variants = args.variants.split(",")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| scans | variant | NHS number | name | date of birth | median s/page | max s/page |")
    print("|---|---|---|---|---|---|---|")
    totals = {variant: [0, 0] for variant in variants}
    for number, quality in enumerate((*QUALITIES, *BENCH_QUALITIES)):
        pages = scan_pages(args.seed + number, args.pages, quality)
        for variant in variants:
            result = measure(variant, pages)
            totals[variant][0] += result["nhs"]
            totals[variant][1] += result["pages"]
            print(row(quality.name, variant, result), flush=True)
    for label, quality, file_format in (("multi-page PDF, 200 dpi scan", "scan-200dpi", "PDF"),
                                        ("multi-page TIFF, fax", "fax-1bit", "TIFF")):
        pages = scan_pages(args.seed + 100, args.pages, QUALITY[quality])
        print(row(label, "phiscan-auto (extractor)", measure_file(label, pages, file_format)),
              flush=True)
    for variant, (found, pages) in totals.items():
        print(f"NHS numbers read right, all single pages, {variant}: {found}/{pages}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
