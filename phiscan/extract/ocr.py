"""Text from page images, offline (docs/ocr.md has the measurements behind the choices).

A page is levelled first: how its text lines lie (any slant, across or up the page) is
measured by projection, about 0.1 s. Tesseract (Debian's `tesseract-ocr`, run as a
subprocess) then reads it: fast, and exact on scans, faxes and photos of pages. A page
it reads badly is turned the way Tesseract's orientation detection (OSD) says (upside
down) and read again; a page still read badly goes to RapidOCR (its wheel ships its
ONNX models), slower but a second opinion. A page where Tesseract sees no words at all
(a photo, a diagram) is not sent on.

Each page is bounded before it is read: callers check its pixels before decoding it
(`check_pixels`), it is scaled to at most `WORK_SIDE`, and every engine run gets the
page's seconds (`[ocr] page_timeout`), never past the file's own deadline.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from phiscan.config import OcrConfig
from phiscan.scan.limits import FileTimeout, deadline, remaining_seconds

WORK_SIDE = 3600  # longest side read: A4 at about 300 dpi; larger is slower, reads no better
RAPID_SIDE = 2000  # RapidOCR scales its input to this itself
DESKEW_SIDE = 600  # the thumbnail the text lines' lie is measured on
MAX_SKEW = 45.0  # degrees either way, across and up the page: every slant
MIN_SKEW = 0.3  # smaller slants read as well unturned
LINE_PEAK = 8.0  # text lines: the sharpest angle this many times the median (measured 12-42;
# a page turned a quarter 3-4)
DESPECKLE_SIDE = 1000  # a 1-bit page this large (a fax, not an icon) is despeckled
CONFIDENT = 60  # Tesseract's word confidence (0-100) from which a word counts as read
WELL_READ = 0.7  # share of words read confidently for a page to count as read well
FILE_RESERVE_SECONDS = 2.0  # left of a file's time for detection after its last page
ENGINE_TESSERACT = "tesseract"
ENGINE_RAPIDOCR = "rapidocr"


class OcrFailed(Exception):
    """A page could not be read. The message is a safe reason (no page content)."""


class OcrOutOfTime(OcrFailed):
    """The file's own time is nearly spent: no further page can be read."""


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line


@dataclass(frozen=True)
class Reading:
    text: str
    engine: str
    words: int
    confident_words: int
    score: int  # letters and digits read confidently: which of two readings is better

    @property
    def well_read(self) -> bool:
        return self.words > 0 and self.confident_words >= WELL_READ * self.words


def alnum_count(text: str) -> int:
    return sum(1 for character in text if character.isalnum())


# Availability


@functools.cache
def tesseract_languages() -> frozenset[str]:
    """The traineddata Tesseract has (empty when it is not installed)."""
    if shutil.which("tesseract") is None:
        return frozenset()
    try:
        listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True,
                                 timeout=30, check=False).stdout.decode(errors="replace")
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in listing.splitlines()[1:] if line.strip())


def tesseract_available() -> bool:
    return "eng" in tesseract_languages()


def rapidocr_available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def engines(config: OcrConfig) -> list[str]:
    """The engines this configuration may use here, in the order they are tried."""
    wanted = {"auto": [ENGINE_TESSERACT, ENGINE_RAPIDOCR], "tesseract": [ENGINE_TESSERACT],
              "rapidocr": [ENGINE_RAPIDOCR]}[config.engine]
    present = {ENGINE_TESSERACT: tesseract_available, ENGINE_RAPIDOCR: rapidocr_available}
    return [engine for engine in wanted if present[engine]()]


# Bounds


def check_pixels(width: int, height: int, config: OcrConfig) -> None:
    """Before any decoding: a page larger than `max_pixels` is never read (a decompression
    bomb declares a huge size in a few bytes)."""
    if width * height > config.max_pixels:
        raise OcrFailed(f"image {width}x{height} over [ocr] max_pixels")


def page_seconds(config: OcrConfig) -> float:
    """Seconds the next engine run may take: `page_timeout`, less when the file's time is
    short; OcrOutOfTime when it is spent."""
    left = remaining_seconds()
    if left is None:
        return config.page_timeout
    left -= FILE_RESERVE_SECONDS
    if left <= 1.0:
        raise OcrOutOfTime("OCR stopped: the file's per_file_timeout_seconds ran out")
    return min(config.page_timeout, left)


# Preparing a page


def prepare(image: Image.Image) -> Image.Image:
    """Greyscale on white, square pixels (a fax is 200 x 100 dpi), at most WORK_SIDE."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    gray = eight_bit(image) if image.mode in ("I", "I;16", "I;16B", "I;16L", "F") else (
        image.convert("L"))
    width, height = gray.size
    x_dpi, y_dpi = _dpi(image)
    if x_dpi and y_dpi and 0.25 <= x_dpi / y_dpi <= 4 and abs(x_dpi - y_dpi) > 1:
        height = round(height * x_dpi / y_dpi)
    scale = min(1.0, WORK_SIDE / max(width, height))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if size != gray.size:
        gray = gray.resize(size, Image.LANCZOS)
    if image.mode == "1" and min(gray.size) >= DESPECKLE_SIDE:
        # A fax or 1-bit scan (its pixels square by now, or thin strokes would go too):
        # its speckle reads as stops and commas inside numbers.
        gray = gray.filter(ImageFilter.MedianFilter(3))
    return gray


def eight_bit(image: Image.Image) -> Image.Image:
    """A 16-bit or float scan scaled into 0-255 (a plain convert would clip it white)."""
    values = np.asarray(image, dtype=np.float64)
    top = float(values.max()) or 1.0
    return Image.fromarray(np.clip(values * (255.0 / top), 0, 255).astype(np.uint8), "L")


def _dpi(image: Image.Image) -> tuple[float, float]:
    dpi = image.info.get("dpi")
    try:
        return float(dpi[0]), float(dpi[1])
    except (TypeError, ValueError, IndexError):
        return 0.0, 0.0


@dataclass(frozen=True)
class Lie:
    """How the text lines lie: across or up the page, and at what slant (degrees)."""

    sideways: bool
    angle: float


def text_lie(gray: Image.Image) -> Lie:
    """By projection profile: rows of ink are sharpest when the lines run level across
    the page, and text lines make one angle far sharper than the rest (a photo or a
    page turned a quarter has no such peak). Tried as the page is and a quarter turn
    round, within MAX_SKEW degrees; which way up is OSD's to say."""
    thumb = gray.copy()
    thumb.thumbnail((DESKEW_SIDE, DESKEW_SIDE))
    ink = ImageOps.invert(thumb).point(lambda value: 255 if value > 100 else 0)
    if not ink.getbbox():
        return Lie(False, 0.0)
    images = {False: ink, True: ink.transpose(Image.Transpose.ROTATE_90)}

    def sharpness(lie: Lie) -> float:
        rows = np.asarray(images[lie.sideways].rotate(lie.angle, resample=Image.NEAREST),
                          dtype=np.float64).sum(1)
        return float(np.square(np.diff(rows)).sum())

    peaks = []
    for sideways in (False, True):
        lies = [Lie(sideways, float(angle)) for angle in np.arange(-MAX_SKEW, MAX_SKEW + 0.5, 1.0)]
        values = [sharpness(lie) for lie in lies]
        typical = float(np.median(values)) or 1.0
        top = int(np.argmax(values))
        peaks.append((values[top] / typical, lies[top]))
    peak, coarse = max(peaks, key=lambda found: found[0])
    if peak < LINE_PEAK:
        return Lie(False, 0.0)
    return max((Lie(coarse.sideways, float(angle))
                for angle in np.arange(coarse.angle - 1.0, coarse.angle + 1.05, 0.2)),
               key=sharpness)


def levelled(gray: Image.Image) -> Image.Image:
    """The page with its text lines running level across it (perhaps upside down)."""
    lie = text_lie(gray)
    if lie.sideways:
        gray = gray.transpose(Image.Transpose.ROTATE_90)
    if abs(lie.angle) < MIN_SKEW:
        return gray
    return gray.rotate(lie.angle, resample=Image.BICUBIC, expand=True, fillcolor=255)


# Tesseract


def run_tesseract(gray: Image.Image, arguments: list[str], seconds: float) -> str:
    """Tesseract on one image, one thread, killed when its seconds run out."""
    buffer = io.BytesIO()
    gray.save(buffer, "PNG", compress_level=1)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    process = subprocess.Popen(["tesseract", "stdin", "stdout", *arguments],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        output, _ = process.communicate(buffer.getvalue(), timeout=seconds)
    except subprocess.TimeoutExpired:
        raise OcrFailed("OCR timed out: over [ocr] page_timeout") from None
    finally:
        if process.poll() is None:  # a timeout, or the file's deadline in between
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process.returncode != 0:
        raise OcrFailed(f"tesseract failed (exit {process.returncode})")
    return output.decode("utf-8", errors="replace")


def tesseract_words(tsv: str) -> list[Word]:
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        try:
            confidence = float(cells[10])
            line = (int(cells[2]), int(cells[3]), int(cells[4]))
        except ValueError:
            continue
        if confidence >= 0:
            words.append(Word(cells[11].strip(), confidence, line))
    return words


def words_text(words: list[Word]) -> str:
    lines: dict[tuple[int, int, int], list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(line) for line in lines.values())


def tesseract_read(gray: Image.Image, config: OcrConfig) -> Reading:
    words = tesseract_words(run_tesseract(gray, ["--psm", "3", "-l", "eng", "tsv"],
                                          page_seconds(config)))
    counted = [word for word in words if any(c.isalnum() for c in word.text)]
    confident = [word.text for word in counted if word.confidence >= CONFIDENT]
    return Reading(words_text(words), ENGINE_TESSERACT, len(counted), len(confident),
                   alnum_count(" ".join(confident)))


OSD_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)


def osd_rotation(gray: Image.Image, config: OcrConfig) -> int:
    """Degrees (counter-clockwise) that turn the page upright, by Tesseract's OSD; 0 when
    OSD is not installed or finds too little text to say."""
    if "osd" not in tesseract_languages():
        return 0
    try:
        report = run_tesseract(gray, ["--psm", "0"], page_seconds(config))
    except OcrOutOfTime:
        raise
    except OcrFailed:
        return 0  # "too few characters": nothing to turn
    found = OSD_ROTATE.search(report)
    return int(found.group(1)) if found else 0


def upright(gray: Image.Image, config: OcrConfig) -> Image.Image | None:
    """The page turned by a quarter or half turn, as OSD says; None: no turn."""
    rotation = osd_rotation(gray, config)
    return gray.rotate(-rotation, expand=True, fillcolor=255) if rotation else None


def tesseract_page(gray: Image.Image, config: OcrConfig) -> Reading:
    """The levelled page; when read badly (and it showed words at all: OSD needs some),
    turned upright by OSD and read again."""
    best = tesseract_read(gray, config)
    if best.well_read or best.words == 0:
        return best
    turned = upright(gray, config)
    if turned is not None:
        reading = tesseract_read(turned, config)
        if reading.score > best.score:
            best = reading
    return best


# RapidOCR


@functools.cache
def rapid_engine():  # noqa: ANN201 - the library's own class
    from rapidocr_onnxruntime import RapidOCR

    # One thread: a worker per core already keeps every core busy.
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def rapid_read(gray: Image.Image, config: OcrConfig) -> Reading:
    small = gray.copy()
    small.thumbnail((RAPID_SIDE, RAPID_SIDE))
    pixels = np.asarray(small.convert("RGB"))
    engine = rapid_engine()  # loaded outside the page's time: an import is never cut short
    try:
        with deadline(page_seconds(config)):
            boxes, _elapsed = engine(pixels)
    except FileTimeout:
        left = remaining_seconds()
        if left is not None and left <= 0:
            raise  # the file's deadline, not the page's
        raise OcrFailed("OCR timed out: over [ocr] page_timeout") from None
    text = "\n".join(rapid_lines(boxes or []))
    words = len(text.split())  # every box already scored over RapidOCR's text_score
    return Reading(text, ENGINE_RAPIDOCR, words, words, alnum_count(text))


def rapid_lines(boxes: list) -> list[str]:
    """RapidOCR's boxes as lines of text: boxes whose middles are level join, left to right."""
    placed = []
    for corners, text, _score in boxes:
        ys = [point[1] for point in corners]
        placed.append(((min(ys) + max(ys)) / 2, max(ys) - min(ys), min(p[0] for p in corners),
                       text))
    placed.sort()
    lines: list[list[tuple[float, str]]] = []
    last_middle, last_height = None, 0.0
    for middle, height, left, text in placed:
        if last_middle is None or middle - last_middle > max(height, last_height) / 2:
            lines.append([])
            last_middle, last_height = middle, height
        lines[-1].append((left, text))
    return [" ".join(text for _left, text in sorted(line)) for line in lines]


# A page


def read_page(image: Image.Image, config: OcrConfig) -> Reading:
    """The page's text by the configured engines; OcrFailed when none could read it."""
    available = engines(config)
    if not available:
        raise OcrFailed("no OCR engine installed (tesseract-ocr or rapidocr_onnxruntime)")
    gray = levelled(prepare(image))
    best: Reading | None = None
    failure: OcrFailed | None = None
    for engine in available:
        try:
            reading = (tesseract_page if engine == ENGINE_TESSERACT else rapid_read)(gray, config)
        except OcrOutOfTime:
            raise
        except OcrFailed as exc:
            failure = exc
            continue
        if best is None or reading.score > best.score:
            best = reading
        if best.well_read or reading.words == 0:
            break  # read; or no text to see (a photo): RapidOCR would take 4-10 s to agree
    if best is None:
        raise failure or OcrFailed("OCR failed")
    return best
