"""Acceptance: archives, mail archives and databases made by real tools, scanned
once by the real CLI. Every planted patient is found (NHS number, name, date of
birth), every bomb ends as an `error` row while the scan goes on, nothing planted
reaches an output, and the share is left exactly as it was."""

from __future__ import annotations

import gzip
import json
import lzma
import subprocess
import sys

import pytest

from tests.conftest import assert_no_raw_values, snapshot_tree
from tests.container_files import (
    MB,
    NOTE,
    RAW_VALUES,
    build_archives,
    build_bombs,
    tar_bytes,
)

CONFIG = """
[detection]
entities = ["UK_NHS", "PERSON", "DATE_OF_BIRTH"]
[scan]
workers = 1
"""
PATIENT = {"DATE_OF_BIRTH": 1, "PERSON": 1, "UK_NHS": 1}
SCANNED = ("scanned", "")
RATIO = ("error", "expands over max_compression_ratio")

EXPECTED: dict[str, tuple[tuple[str, str], dict[str, int]]] = {
    "archives/note.txt.gz": (SCANNED, {}),
    "archives/note.txt.gz!note.txt": (SCANNED, PATIENT),
    "archives/note.txt.bz2": (SCANNED, {}),
    "archives/note.txt.bz2!note.txt": (SCANNED, PATIENT),
    "archives/patients.csv.xz": (SCANNED, {}),
    "archives/patients.csv.xz!patients.csv": (SCANNED, PATIENT),
    "archives/letters.tar": (SCANNED, {}),
    "archives/letters.tar!letters/note.txt": (SCANNED, PATIENT),
    "archives/letters.tar!letters/patients.csv": (SCANNED, PATIENT),
    "archives/letters.tar.bz2": (SCANNED, {}),
    "archives/letters.tar.bz2!note.txt": (SCANNED, PATIENT),
    "archives/letters.tar.xz": (SCANNED, {}),
    "archives/letters.tar.xz!note.txt": (SCANNED, PATIENT),
    "archives/backup.tgz": (SCANNED, {}),
    "archives/backup.tgz!clinic/note.txt": (SCANNED, PATIENT),
    "bombs/backup.tar.gz": (RATIO, {}),
    "bombs/zeros.gz": (RATIO, {}),
    "bombs/zeros.xz": (RATIO, {}),
}


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("containers")
    build_archives(share)
    build_bombs(share)
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text(CONFIG)
    out = tmp_path_factory.mktemp("out") / "inventory"
    before = snapshot_tree(share)
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
         "--config", str(config), "--quiet"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    by_location = {row["location"].removeprefix(f"{share}/"): row for row in rows}
    return share, out, before, by_location, result


def test_every_container_location_has_its_status_and_patient(scan):
    rows = scan[3]
    actual = {location: ((row["status"], row["reason"]), row["entities"])
              for location, row in rows.items()}
    assert actual == EXPECTED


def test_share_untouched_and_nothing_planted_in_any_output(scan):
    share, out, before, _rows, result = scan
    assert snapshot_tree(share) == before
    assert_no_raw_values(out, RAW_VALUES)
    for value in RAW_VALUES:
        assert value not in result.stdout + result.stderr


def pieces(extractor: str, name: str, data: bytes, **limits):  # noqa: ANN201
    from dataclasses import replace

    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, run_extractor

    ctx = ExtractContext.for_file(name, replace(LimitsConfig(), **limits))
    return list(run_extractor(extractor, data, ctx))


def test_compressed_output_stops_at_the_expanded_budget():
    from phiscan.extract import LimitExceeded

    text = "".join(f"line {number} of a long clinic log\n" for number in range(200_000))
    with pytest.raises(LimitExceeded, match="max_expanded_bytes"):
        pieces("gzip", "clinic.log.gz", gzip.compress(text.encode()), max_expanded_bytes=MB)


def test_tar_members_over_the_count_stop_the_archive():
    from phiscan.extract import LimitExceeded

    archive = tar_bytes({f"note-{number}.txt": b"x" for number in range(6)})
    with pytest.raises(LimitExceeded, match="max_archive_members"):
        pieces("tar", "notes.tar", archive, max_archive_members=5)


def test_tar_member_over_member_bytes_is_skipped_and_the_next_read():
    children = pieces("tar", "notes.tar", tar_bytes({"big.txt": b"x" * 100, "note.txt": b"ok"}),
                      max_member_bytes=50)
    assert [(child.name, child.data, child.skip_reason) for child in children] == [
        ("big.txt", b"", "too large: over max_member_bytes"), ("note.txt", b"ok", None)]


def test_truncated_and_corrupt_streams_are_errors_in_our_words():
    from phiscan.extract import ExtractionError

    whole = gzip.compress(NOTE.encode() * 100)
    with pytest.raises(ExtractionError, match="^corrupt gzip: truncated$"):
        pieces("gzip", "note.gz", whole[: len(whole) // 2])
    with pytest.raises(ExtractionError, match="^corrupt xz: bad compressed data$"):
        pieces("xz", "note.xz", lzma.compress(NOTE.encode())[:12] + b"\x00" * 40)
    with pytest.raises(ExtractionError, match="^corrupt bzip2: not a bzip2 file$"):
        pieces("bzip2", "note.bz2", NOTE.encode())


def test_compressed_files_are_known_by_their_first_bytes():
    from phiscan.extract import choose_extractor

    assert choose_extractor("export.dat", gzip.compress(b"x")) == ("gzip", "")
    assert choose_extractor("export.dat", lzma.compress(b"x")) == ("xz", "")
    assert choose_extractor("export.dat", tar_bytes({"a.txt": b"x"})) == ("tar", "")
