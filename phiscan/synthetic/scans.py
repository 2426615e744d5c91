"""Generated scans of referral letters for the OCR tests and benchmark.

A page is drawn with a real TrueType font (DejaVu) at a given resolution, then
degraded the way paper reaches a share: a flatbed scan, a phone photo saved as a
low-quality JPEG, a 1-bit fax, a page fed in at a slant, a page scanned sideways.
Every person is generated (phiscan.synthetic.demo_share); NHS numbers are checksum-valid but random.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from phiscan.synthetic.demo_share import Person, make_people, spaced

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ("DejaVuSans.ttf", "DejaVuSerif.ttf")
A4_INCHES = (8.27, 11.69)
POINT_SIZE = 11


def letter_lines(person: Person) -> list[str]:
    return [
        "Leeds Community Healthcare NHS Trust",
        "Referral to the district nursing team",
        "",
        f"Patient: {person.name}",
        f"NHS number: {spaced(person.nhs_number)}",
        f"Date of birth: {person.dob}",
        f"Address: {person.address}, {person.postcode}",
        "",
        f"Diagnosis: {person.condition}. Current medication: {person.medication}.",
        "Please arrange a home visit within the next two weeks. The patient",
        "lives alone and has been finding stairs difficult since the winter.",
        "",
        "Yours sincerely,",
        "Dr A. Clinician, GP partner",
    ]


def font(name: str, dpi: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / name), round(POINT_SIZE * dpi / 72))


def draw_page(lines: list[str], dpi: int, font_name: str = FONTS[0]) -> Image.Image:
    """An A4 page in greyscale, one-inch margins, lines at 1.5 spacing."""
    size = (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    face = font(font_name, dpi)
    step = round(POINT_SIZE * 1.5 * dpi / 72)
    for number, line in enumerate(lines):
        draw.text((dpi, dpi + number * step), line, font=face, fill=20)
    return page


def scanner(page: Image.Image, rng: random.Random) -> Image.Image:
    """A flatbed scan: slight blur, paper grain."""
    blurred = page.filter(ImageFilter.GaussianBlur(0.6))
    return ImageChops.add(blurred, Image.effect_noise(page.size, 10), 1.0, -128)


def phone_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    """A handheld photo: off-square by a degree, uneven light, soft focus, beige paper."""
    tilted = page.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, expand=True,
                         fillcolor=200)
    light = Image.linear_gradient("L").resize(tilted.size).point(lambda v: 255 - v // 4)
    lit = Image.composite(tilted, light, tilted.point(lambda v: 255 if v < 128 else 0))
    soft = lit.filter(ImageFilter.GaussianBlur(1.2))
    return Image.merge("RGB", (soft, soft, soft.point(lambda v: int(v * 0.9))))


def fax(page: Image.Image, rng: random.Random) -> Image.Image:
    """A standard-resolution fax: half the lines (200 x 100 dpi), 1 bit a pixel, speckled."""
    speckled = page.resize((page.width, page.height // 2), Image.BOX)
    pixels = speckled.load()
    width, height = speckled.size
    for _ in range(width * height // 2000):
        pixels[rng.randrange(width), rng.randrange(height)] = 0
    return speckled.point(lambda v: 255 if v > 150 else 0).convert("1")


def skewed(degrees: float) -> Callable[[Image.Image, random.Random], Image.Image]:
    def skew(page: Image.Image, rng: random.Random) -> Image.Image:
        return page.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=255)
    return skew


def sideways(page: Image.Image, rng: random.Random) -> Image.Image:
    return page.transpose(Image.Transpose.ROTATE_90)


@dataclass(frozen=True)
class Quality:
    name: str
    dpi: int  # drawn at; saved at, but for a fax's half vertical resolution
    degrade: Callable[[Image.Image, random.Random], Image.Image]
    image_format: str  # how a single page of this quality is saved


QUALITIES = (
    Quality("scan-300dpi", 300, scanner, "PNG"),
    Quality("scan-200dpi", 200, scanner, "PNG"),
    Quality("phone-jpeg", 200, phone_photo, "JPEG"),
    Quality("fax-1bit", 200, fax, "TIFF"),
    Quality("skew-2deg", 300, skewed(2.0), "PNG"),
    Quality("rotated-90", 300, sideways, "PNG"),
)
def upside_down(page: Image.Image, rng: random.Random) -> Image.Image:
    return page.transpose(Image.Transpose.ROTATE_180)


# Measured in bench/ocr_compare.py only: pages fed in badly askew, or upside down.
BENCH_QUALITIES = (
    Quality("skew-10deg", 300, skewed(10.0), "PNG"),
    Quality("skew-30deg", 200, skewed(-30.0), "PNG"),
    Quality("upside-down", 200, upside_down, "PNG"),
)
QUALITY = {quality.name: quality for quality in (*QUALITIES, *BENCH_QUALITIES)}


@dataclass(frozen=True)
class ScanPage:
    person: Person
    image: Image.Image
    quality: Quality


def scan_pages(seed: int, count: int, quality: Quality) -> list[ScanPage]:
    rng = random.Random(seed)
    pages = []
    for index, person in enumerate(make_people(rng, count)):
        page = draw_page(letter_lines(person), quality.dpi, FONTS[index % len(FONTS)])
        pages.append(ScanPage(person, quality.degrade(page, rng), quality))
    return pages


def saved_dpi(quality: Quality) -> tuple[int, int]:
    return (quality.dpi, quality.dpi // 2) if quality.degrade is fax else (quality.dpi,) * 2


def encode(images: list[Image.Image], image_format: str, dpi: tuple[int, int]) -> bytes:
    """One file: several images make a multi-page TIFF or PDF."""
    out = io.BytesIO()
    first, rest = images[0], images[1:]
    options: dict = {"dpi": dpi}
    if image_format == "JPEG":
        first = first.convert("RGB")
        options["quality"] = 35
    elif image_format == "TIFF":
        options["compression"] = "group4" if first.mode == "1" else "tiff_lzw"
    if rest:
        options.update(save_all=True, append_images=rest)
    first.save(out, image_format, **options)
    return out.getvalue()
