"""Encodings through the real CLI (issue 13, item 11): bytes become text by validity
and evidence, noise does not make a note binary, compatibility digits are digits.

Each file plants its own valid NHS number, so each count says which file was read;
no raw number may reach any file in the output folder (the SQLite file's bytes too).
"""

from __future__ import annotations

import codecs
import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phiscan.extract.encoding import decode_text, looks_binary
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values

NUMBERS = {
    "fake-bom.txt": "943 476 5919",
    "fake-bom.csv": "4902316927",
    "fake-bom-sniffed": "405 567 7006",
    "nul-padded.log": "439 921 0079",
    "stray-controls.txt": "423 271 1848",
    "mixed-encodings.txt": "401 023 2137",
    "utf8-reference.txt": "414 875 5562",
}
FULL_WIDTH = "９４３ ４７６ ５９１９"  # the fake-BOM note's number, full width
ARABIC_INDIC = "٤٠٥ ٥٦٧ ٧٠٠٦"  # the sniffed note's number in Arabic-Indic digits
NOTE = "Patient Jane Smith, NHS number {number}, seen for diabetes review.\n"
MIXED_NOTE = "Patient: Zoë Brontë, NHS number {number}, seen – £5 paid.\n"


def note(name: str) -> bytes:
    return NOTE.format(number=NUMBERS[name]).encode()


def build_share(share: Path) -> None:
    share.mkdir()
    # Two bytes that look like a UTF-16 mark in front of ASCII text.
    (share / "fake-bom.txt").write_bytes(b"\xff\xfe" + note("fake-bom.txt"))
    (share / "fake-bom.csv").write_bytes(
        b"\xfe\xffname,nhs_number,clinic\r\nJane Smith," + NUMBERS["fake-bom.csv"].encode()
        + b",Leeds\r\n")
    (share / "fake-bom-sniffed").write_bytes(b"\xff\xfe" + note("fake-bom-sniffed"))
    # A preallocated log the writer never filled, as a crash leaves it.
    (share / "nul-padded.log").write_bytes(
        b"2026-11-28 09:00:01 INFO clinic list\n" + note("nul-padded.log") + bytes(65536))
    (share / "stray-controls.txt").write_bytes(
        b"Ward notes\x00\x07\n\x1b[1mhandover\x1b[0m\x00\n" + note("stray-controls.txt")
        + b"\x1a")
    # Begun in UTF-8, continued in a Windows editor: the name must read as in UTF-8.
    (share / "mixed-encodings.txt").write_bytes(
        "Clinic list ✓ café\n".encode()
        + MIXED_NOTE.format(number=NUMBERS["mixed-encodings.txt"]).encode("cp1252"))
    (share / "utf8-reference.txt").write_bytes(
        MIXED_NOTE.format(number=NUMBERS["utf8-reference.txt"]).encode())
    (share / "full-width.txt").write_text(
        f"Patient Jane Smith, NHS number {FULL_WIDTH}, seen for diabetes review.\n",
        encoding="utf-8")
    (share / "arabic-indic.txt").write_text(
        f"Patient Jane Smith, NHS number {ARABIC_INDIC}, seen for diabetes review.\n",
        encoding="utf-8")
    # Still binary: a signature, and random bytes under a text name.
    (share / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + note("fake-bom.txt") * 4)
    (share / "noise.txt").write_bytes(os.urandom(20_000))


def finding_hashes(out: Path, entity_type: str) -> dict[str, str]:
    """File name -> the keyed hash of its one finding of this type."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = list(db.execute(
            "SELECT l.location, f.value_hash FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE f.entity_type = ?", (entity_type,)))
    names = [Path(location).name for location, _hash in rows]
    assert len(names) == len(set(names)), names
    return {Path(location).name: value for location, value in rows}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    base = tmp_path_factory.mktemp("encodings")
    share, out = base / "share", base / "out"
    build_share(share)
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "2", "--quiet")
    rows = {}
    for line in (out / "files.jsonl").read_text().splitlines():
        row = json.loads(line)
        rows[Path(row["location"]).name] = row
    return out, rows, result


def test_scan_completes(scanned):
    _out, rows, result = scanned
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows) == 11


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_noisy_and_mislabelled_text_is_read(scanned, name):
    row = scanned[1][name]
    assert (row["status"], row["reason"]) == ("scanned", "")
    assert row["entities"].get("UK_NHS") == 1


@pytest.mark.parametrize("name", ["full-width.txt", "arabic-indic.txt"])
def test_compatibility_digits_are_digits(scanned, name):
    row = scanned[1][name]
    assert (row["status"], row["entities"].get("UK_NHS")) == ("scanned", 1)


def test_compatibility_digits_hash_as_the_same_number(scanned):
    """Full-width `９４３…` is the person whose number is `943…` elsewhere."""
    by_name = finding_hashes(scanned[0], "UK_NHS")
    assert by_name["full-width.txt"] == by_name["fake-bom.txt"]
    assert by_name["arabic-indic.txt"] == by_name["fake-bom-sniffed"]


def test_mixed_encodings_read_each_part_right(scanned):
    """The name in the Windows-1252 part is the name a UTF-8 file holds (before, the
    file read as UTF-8 with its accents replaced, and the name was not found)."""
    hashes = finding_hashes(scanned[0], "PERSON")
    assert hashes["mixed-encodings.txt"] == hashes["utf8-reference.txt"]


def test_binary_evidence_still_skips(scanned):
    rows = scanned[1]
    assert (rows["noise.txt"]["status"], rows["noise.txt"]["reason"]) == (
        "skipped", "binary content with a .txt name")
    # A PNG signature makes it an image whatever its name: its reader tells the damage.
    assert (rows["photo.txt"]["status"], rows["photo.txt"]["reason"]) == (
        "error", "malformed image (UnidentifiedImageError)")


def test_no_raw_number_in_the_output(scanned):
    raw = [*NUMBERS.values(), FULL_WIDTH, ARABIC_INDIC, FULL_WIDTH.replace(" ", ""),
           "Zoë Brontë", "Jane Smith"]
    assert_no_raw_values(scanned[0], raw)


PROPERTY = settings(max_examples=200, deadline=None, derandomize=True)
TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=200)


@PROPERTY
@given(TEXT)
def test_utf8_text_reads_back_exactly(text):
    if text.startswith("\ufeff"):
        text = "x" + text
    assert decode_text(text.encode()) == text
    assert not looks_binary(text.encode())


@PROPERTY
@given(TEXT.filter(lambda text: any(char.isascii() for char in text)), st.sampled_from(
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")]))
def test_marked_unicode_reads_back_exactly(text, mark):
    """Behind a real mark, any text holding some ASCII (whose NULs are the evidence)."""
    bom, encoding = mark
    data = bom + text.encode(encoding)
    assert decode_text(data) == text
    assert not looks_binary(data)
