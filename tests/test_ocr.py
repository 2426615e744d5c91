"""OCR through the real CLI on scans generated here (phiscan.synthetic.scans: letters drawn
with DejaVu at 300 and 200 dpi, a phone photo saved as JPEG, a 1-bit fax, a page 2 degrees
askew, a page scanned sideways; multi-page TIFF and image-only PDF), with its limits:
decompression bombs, icons, page and time limits, and `--no-ocr`."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import struct
import threading
import time
import zlib
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from phiscan.config import ConfigError, OcrConfig, load_config
from phiscan.detect.entities import normalise
from phiscan.extract.ocr import read_page
from phiscan.inventory.store import INVENTORY_FILENAME, Inventory
from phiscan.scan.executors import WorkerState
from phiscan.scan.limits import FileTimeout, deadline
from phiscan.security.keys import keyed_hash
from phiscan.synthetic.demo_share import spaced
from phiscan.synthetic.formats import build_pdf
from phiscan.synthetic.scans import (
    BENCH_QUALITIES,
    QUALITIES,
    QUALITY,
    ScanPage,
    draw_page,
    encode,
    letter_lines,
    saved_dpi,
    scan_pages,
)
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values

KEY = os.environ["PHISCAN_HMAC_KEY"].encode()
NHS_ONLY = """
[detection]
entities = ["UK_NHS"]
[scan]
workers = 1
"""
TWO_WORKERS = NHS_ONLY.replace("workers = 1", "workers = 2")
EXTENSION = {"PNG": "png", "JPEG": "jpg", "TIFF": "tif", "PDF": "pdf"}
TEXT_PAGE = "Discharge letter. NHS number {number}."


def nhs_hash(number: str) -> str:
    return keyed_hash(KEY, "UK_NHS", normalise("UK_NHS", number))


def write_scan(path: Path, pages: list[ScanPage], file_format: str) -> None:
    path.write_bytes(encode([page.image for page in pages], file_format,
                            saved_dpi(pages[0].quality)))


def mixed_pdf(text_number: str, scan: list[ScanPage]) -> bytes:
    """A text page (a real text layer) followed by an image-only page."""
    document = pypdfium2.PdfDocument(build_pdf([[TEXT_PAGE.format(number=spaced(text_number))]]))
    document.import_pages(pypdfium2.PdfDocument(encode([scan[0].image], "PDF", (200, 200))))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scan(share: Path, out: Path, config_text: str, *extra: str) -> dict[str, dict]:
    config = out.parent / f"{out.name}.toml"
    config.write_text(config_text)
    result = run_cli("scan", str(share), "--out", str(out), "--config", str(config), "--quiet",
                     *extra)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {row["location"].removeprefix(f"{share}/"): row for row in rows}


def nhs_findings(out: Path) -> set[tuple[str, str, str]]:
    """(file name, position, value hash) of every NHS number found."""
    with sqlite3.connect(out / INVENTORY_FILENAME) as db:
        rows = db.execute(
            "SELECT l.location, f.position, f.value_hash FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE f.entity_type = 'UK_NHS'")
        return {(Path(location).name, position, value_hash)
                for location, position, value_hash in rows}


@pytest.fixture(scope="module")
def scanned_share(tmp_path_factory):
    """Every quality as a one-page file in its own format, a 3-page fax TIFF, a 3-page
    image-only PDF and a PDF with a text page and a scanned page."""
    share = tmp_path_factory.mktemp("scans")
    planted: dict[str, list[str]] = {}  # file -> NHS number on each page, in order
    for seed, quality in enumerate(QUALITIES):
        pages = scan_pages(100 + seed, 1, quality)
        name = f"{quality.name}.{EXTENSION[quality.image_format]}"
        write_scan(share / name, pages, quality.image_format)
        planted[name] = [pages[0].person.nhs_number]
    for name, quality, file_format in (("fax-pages.tiff", "fax-1bit", "TIFF"),
                                       ("scan-pages.pdf", "scan-200dpi", "PDF")):
        pages = scan_pages(len(planted) + 200, 3, QUALITY[quality])
        write_scan(share / name, pages, file_format)
        planted[name] = [page.person.nhs_number for page in pages]
    scan_page = scan_pages(300, 1, QUALITY["scan-200dpi"])
    text_number = scan_pages(301, 1, QUALITY["scan-200dpi"])[0].person.nhs_number
    (share / "mixed.pdf").write_bytes(mixed_pdf(text_number, scan_page))
    planted["mixed.pdf"] = [text_number, scan_page[0].person.nhs_number]
    out = tmp_path_factory.mktemp("out") / "inventory"
    return share, out, planted, scan(share, out, TWO_WORKERS)


def test_planted_nhs_numbers_are_found_in_scans(scanned_share):
    _share, out, planted, rows = scanned_share
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        name: ("scanned", "") for name in planted}
    found = {value_hash for _name, _position, value_hash in nhs_findings(out)}
    numbers = [number for numbers in planted.values() for number in numbers]
    read = [number for number in numbers if nhs_hash(number) in found]
    assert len(numbers) == 14
    assert len(read) / len(numbers) >= 0.95, sorted(set(numbers) - set(read))


def test_findings_say_which_page_was_read_by_ocr(scanned_share):
    _share, out, planted, _rows = scanned_share
    findings = nhs_findings(out)
    expected = {(name, f"page {page} (ocr)", nhs_hash(number))
                for name, numbers in planted.items() for page, number in enumerate(numbers, 1)}
    expected.remove(("mixed.pdf", "page 1 (ocr)", nhs_hash(planted["mixed.pdf"][0])))
    expected.add(("mixed.pdf", "page 1", nhs_hash(planted["mixed.pdf"][0])))  # its text layer
    assert len(findings & expected) >= 0.95 * len(expected)
    assert {position for _name, position, _hash in findings} <= (
        {f"page {page} (ocr)" for page in (1, 2, 3)} | {"page 1"})


def test_summary_counts_the_pages_read_by_ocr(scanned_share):
    _share, out, _planted, _rows = scanned_share
    summary = json.loads((out / "summary.json").read_text())
    assert summary["ocr_pages"] == len(QUALITIES) + 3 + 3 + 1
    with Inventory(out, readonly=True) as inventory:
        pages = {Path(loc.location).name: loc.ocr_pages for loc in inventory.locations()}
    assert pages["fax-pages.tiff"] == 3 and pages["mixed.pdf"] == 1
    assert pages["scan-300dpi.png"] == 1


def test_no_number_read_by_ocr_reaches_any_output(scanned_share):
    _share, out, planted, _rows = scanned_share
    assert_no_raw_values(out, [spaced(number) for numbers in planted.values()
                               for number in numbers])


def test_no_ocr_says_needs_ocr(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    pages = scan_pages(7, 1, QUALITY["scan-200dpi"])
    write_scan(share / "letter.png", pages, "PNG")
    write_scan(share / "letter.pdf", pages, "PDF")
    (share / "mixed.pdf").write_bytes(mixed_pdf(pages[0].person.nhs_number, pages))
    rows = scan(share, tmp_path / "out", NHS_ONLY, "--no-ocr")
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        "letter.png": ("skipped", "needs OCR (OCR is off)"),
        "letter.pdf": ("skipped", "no text layer (scanned image?): needs OCR (OCR is off)"),
        "mixed.pdf": ("skipped", "needs OCR (OCR is off): 1 of 2 pages are images"),
    }
    assert rows["mixed.pdf"]["entities"] == {"UK_NHS": 1}  # the text page is still read
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["ocr_pages"] == 0


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` but holds a few rows: decoding would ask for
    the whole declared size (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    rows = zlib.compress(b"\x00" * (width + 1) * 4)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                             0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


LIMITED = NHS_ONLY + """
[ocr]
max_pixels = 4000000
max_pages = 2
"""


def test_bombs_icons_and_page_limits_are_reported_and_the_scan_goes_on(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "bomb.png").write_bytes(png_header(100_000, 100_000))
    (share / "large.png").write_bytes(png_header(2_500, 2_500))  # over max_pixels, under 2x
    Image.new("RGB", (32, 32), "navy").save(share / "icon.png")
    letter = scan_pages(11, 1, QUALITY["scan-200dpi"])
    write_scan(share / "letter.png", letter, "PNG")
    fax = scan_pages(12, 3, QUALITY["fax-1bit"])
    write_scan(share / "fax.tiff", fax, "TIFF")
    jpeg = encode([letter[0].image], "JPEG", (200, 200))
    (share / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 3])
    rows = scan(share, tmp_path / "out", LIMITED)
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        "bomb.png": ("skipped", "image over [ocr] max_pixels: not decoded"),
        "large.png": ("skipped", "1 of 1 image pages not decoded "
                                 "(page 1: image 2500x2500 over [ocr] max_pixels)"),
        "icon.png": ("skipped", "image too small to hold text (under [ocr] min_image_side)"),
        "letter.png": ("scanned", ""),
        "fax.tiff": ("error", "over [ocr] max_pages (2): image pages from page 3 on not read"),
        "truncated.jpg": ("error", "needs OCR: 1 of 1 image pages not read "
                                   "(page 1: undecodable image (OSError))"),
    }
    assert rows["letter.png"]["entities"] == {"UK_NHS": 1}
    assert rows["fax.tiff"]["entities"] == {"UK_NHS": 2}  # the pages before the limit


def test_a_page_over_its_time_is_an_error_not_a_silent_miss(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    write_scan(share / "letter.png", scan_pages(13, 1, QUALITY["scan-200dpi"]), "PNG")
    rows = scan(share, tmp_path / "out", NHS_ONLY + "[ocr]\npage_timeout = 0.01\n")
    assert (rows["letter.png"]["status"], rows["letter.png"]["reason"]) == (
        "error", "needs OCR: 1 of 1 image pages not read "
                 "(page 1: OCR timed out: over [ocr] page_timeout)")


def test_rapidocr_reads_a_page_scanned_sideways():
    page = scan_pages(14, 1, QUALITY["rotated-90"])[0]
    short = draw_page(letter_lines(page.person)[3:6], 200).crop((0, 0, 1654, 500))
    reading = read_page(short.transpose(Image.Transpose.ROTATE_90), OcrConfig(engine="rapidocr"))
    assert reading.engine == "rapidocr"
    digits = "".join(character for character in reading.text if character.isdigit())
    assert page.person.nhs_number in digits
    assert page.person.dob.replace("/", "") in digits


@pytest.mark.parametrize("quality", BENCH_QUALITIES, ids=lambda quality: quality.name)
def test_pages_at_any_slant_or_upside_down_are_read(quality):
    page = scan_pages(15, 1, quality)[0]
    reading = read_page(page.image, OcrConfig(engine="tesseract"))
    assert spaced(page.person.nhs_number) in reading.text
    assert page.person.name in reading.text


def test_an_unknown_engine_is_a_config_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[ocr]\nengine = "magic"\n')
    with pytest.raises(ConfigError, match="engine must be one of"):
        load_config(path)


def test_an_inner_deadline_fires_first_and_the_outer_one_still_holds():
    started = time.monotonic()
    with pytest.raises(FileTimeout), deadline(1.0):
        with pytest.raises(FileTimeout), deadline(0.1):
            time.sleep(2)
        inner = time.monotonic() - started
        time.sleep(2)
    outer = time.monotonic() - started
    assert inner < 0.9 and 0.9 <= outer < 1.9


def test_an_older_inventory_gets_the_ocr_pages_column(tmp_path):
    with sqlite3.connect(tmp_path / INVENTORY_FILENAME) as db:
        db.execute("CREATE TABLE locations (id INTEGER PRIMARY KEY, location TEXT NOT NULL"
                   " UNIQUE, root TEXT NOT NULL DEFAULT '', parent TEXT, status TEXT NOT NULL)")
    with Inventory(tmp_path) as inventory:
        columns = {row[1] for row in inventory.db.execute("PRAGMA table_info(locations)")}
    assert "ocr_pages" in columns


def test_a_watch_worker_thread_reads_a_scanned_pdf(tmp_path):
    """The watch daemon scans on worker threads, and a PDF is read in an isolated helper
    forked from that thread: its OCR'd page is read there as in `phiscan scan` (it was
    `error: needs OCR: 1 of 1 image pages not read (page 1: undecodable image (OSError))`,
    the helper reading the CPU clock of a thread it does not have)."""
    share = tmp_path / "share"
    share.mkdir()
    pages = scan_pages(17, 1, QUALITY["scan-200dpi"])
    write_scan(share / "referral.pdf", pages, "PDF")
    config_file = tmp_path / "phiscan.toml"
    config_file.write_text(NHS_ONLY)
    config = load_config(config_file)
    assert "pdf" in config.limits.isolate_extractors and config.limits.per_file_timeout_seconds
    results: list[object] = []

    def watch_worker() -> None:
        state = WorkerState(config, KEY)
        try:
            item = state.source(str(share)).item_at(str(share / "referral.pdf"))
            results.extend(state.scan((str(share), item)))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            results.append(exc)
        finally:
            state.close()

    thread = threading.Thread(target=watch_worker)
    thread.start()
    thread.join(120)
    [row] = results
    assert (row.status.value, row.reason, row.ocr_pages) == ("scanned", "", 1)
    assert {(f.entity_type, f.value_hash) for f in row.findings} == {
        ("UK_NHS", nhs_hash(pages[0].person.nhs_number))}


def test_an_ocr_engine_that_cannot_run_is_not_called_an_undecodable_image(
        tmp_path, monkeypatch, fresh_helper):
    """A page that decoded but whose engine could not be started (Tesseract removed by an
    upgrade while a long scan ran) says so; 'undecodable image' is kept for a page whose
    bytes could not be decoded (the truncated JPEG above)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages (1):'\necho eng\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    from phiscan.extract import ocr

    ocr.tesseract_languages.cache_clear()
    try:
        assert ocr.engines(OcrConfig(engine="tesseract")) == ["tesseract"]
        fake.unlink()  # gone after the scan started: starting it raises FileNotFoundError
        share = tmp_path / "share"
        share.mkdir()
        write_scan(share / "letter.png", scan_pages(19, 1, QUALITY["scan-200dpi"]), "PNG")
        config_file = tmp_path / "phiscan.toml"
        config_file.write_text(NHS_ONLY + '[ocr]\nengine = "tesseract"\n')
        state = WorkerState(load_config(config_file), KEY)
        try:
            item = state.source(str(share)).item_at(str(share / "letter.png"))
            [row] = state.scan((str(share), item))
        finally:
            state.close()
    finally:
        ocr.tesseract_languages.cache_clear()
    assert (row.status.value, row.reason) == (
        "error", "needs OCR: 1 of 1 image pages not read "
                 "(page 1: OCR could not run (FileNotFoundError))")
