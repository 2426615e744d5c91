"""Hostile and odd input through the real CLI: every case ends with a status row
and the scan carries on.

One share holds every case; it is scanned once by `phiscan scan` in a subprocess
(process pool, the default) with symlinks followed, so the harder path is the one
tested. As root the scan runs without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH
(`setpriv`), so a file with mode 000 is as unreadable to it as to any user.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.hostile_files import (
    Entry,
    build_zip,
    deflate_zeros,
    encrypted_zip,
    nested_zip,
    shared_kernel_zip,
    zeros_crc,
)

NOTE = "Patient Jane Smith, NHS number 943 476 5919, seen for diabetes review.\n"
MB = 1024 * 1024
# Lowered from 512 MB so the expansion the test waits for stays small.
EXPANDED_BUDGET = 64 * MB
UNREADABLE = "cannot open: EACCES (Permission denied)"


def found(row: dict) -> bool:
    return row["status"] == "scanned" and row["entities"].get("UK_NHS") == 1


# Builders, one per family of cases; each returns nothing and writes into share.
def add_zip_cases(share: Path) -> None:
    (share / "bomb-member.zip").write_bytes(build_zip([Entry(
        b"zeros.txt", deflate_zeros(300 * MB), zeros_crc(300 * MB), 300 * MB)]))
    (share / "bomb-wide.zip").write_bytes(shared_kernel_zip(count=30, member_size=20 * MB))
    # The headers say 1000 bytes; the compressed stream would inflate to 20 MB.
    (share / "bomb-lying.zip").write_bytes(build_zip([Entry(
        b"zeros.bin", deflate_zeros(20 * MB), zeros_crc(1000), 1000)]))
    (share / "nested.zip").write_bytes(nested_zip(8, "deep-note.txt", NOTE.encode()))
    (share / "traversal.zip").write_bytes(build_zip([
        Entry.deflated(name, NOTE.encode())
        for name in ("../../escape-1.txt", "/etc/phiscan-escape-2.txt",
                     "..\\..\\escape-3.txt", "a/../../escape-4.txt")
    ]))
    (share / "duplicates.zip").write_bytes(build_zip([
        Entry.deflated("a.txt", b"nothing here"), Entry.deflated("a.txt", NOTE.encode())]))
    whole = build_zip([Entry.deflated("one.txt", NOTE.encode() * 50)])
    (share / "truncated.zip").write_bytes(whole[: len(whole) // 2])
    good = Entry.deflated("good.txt", NOTE.encode())
    bad = Entry.deflated("bad.txt", NOTE.encode() * 50)
    mangled = bad.stored[:20] + bytes(b ^ 0x5A for b in bad.stored[20:60]) + bad.stored[60:]
    (share / "corrupt-member.zip").write_bytes(build_zip([
        good, Entry(bad.name, mangled, bad.crc, bad.size)]))
    (share / "encrypted.zip").write_bytes(encrypted_zip("secret.txt", NOTE.encode(), b"pw"))


def add_text_cases(share: Path) -> None:
    log_lines = "".join(f"2026-11-28 12:{i % 60:02d}:00 INFO request {i} served\n"
                        for i in range(2_500))  # past the first 100,000-character window
    (share / "large.log").write_text(log_lines + NOTE)
    (share / "invalid-utf8.txt").write_bytes(
        b"\x80\x81 junk \xc3\x28 more \xed\xa0\x80 " + NOTE.encode() + b" \xff\xc0\xaf\n")
    (share / "utf16-bom.txt").write_bytes(NOTE.encode("utf-16"))
    (share / "utf16be-no-bom.txt").write_bytes(NOTE.encode("utf-16-be"))
    (share / "cp1252.txt").write_bytes(
        ("Zoë paid £5 – café visit. " + NOTE).encode("cp1252"))
    (share / "malformed.json").write_text('{"nhs_number": "943 476 5919", ')
    (share / "deep.json").write_text("[" * 100_000 + "]" * 100_000)


def add_sniffing_cases(share: Path) -> None:
    (share / "NOTES").write_text(NOTE)
    (share / "data.bin").write_text(NOTE)
    zipped = build_zip([Entry.deflated("inner.txt", NOTE.encode())])
    (share / "holiday.jpg").write_bytes(zipped)
    (share / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


def add_filesystem_cases(share: Path) -> None:
    (share / "loop").symlink_to(".")
    (share / "self-loop").symlink_to("self-loop")
    (share / "zero").symlink_to("/dev/zero")
    (share / "etc-link").symlink_to("/etc")
    (share / "dangling").symlink_to("missing-target")
    os.mkfifo(share / "fifo")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(share / "socket"))
    listener.close()
    if os.geteuid() == 0:
        os.mknod(share / "null-device", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    deep = share.joinpath(*(f"d{level:02d}" for level in range(60)))
    deep.mkdir(parents=True)
    (deep / "deep-note.txt").write_text(NOTE)
    add_path_max_tree(share / "long")
    (share / ("n" * 251 + ".txt")).write_text(NOTE)
    (share / os.fsdecode(b"caf\xe9-note.txt")).write_text(NOTE)
    (share / "line\nbreak.txt").write_text(NOTE)
    locked = share / "locked.txt"
    locked.write_text(NOTE)
    locked.chmod(0)
    (share / "locked-dir").mkdir()
    (share / "locked-dir" / "inside.txt").write_text(NOTE)
    (share / "locked-dir").chmod(0)


def add_path_max_tree(top: Path) -> None:
    """Directories nested past PATH_MAX (4096 bytes), built with relative opens."""
    top.mkdir()
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(20):
        os.mkdir("x" * 250, dir_fd=fd)
        next_fd = os.open("x" * 250, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = next_fd
    with os.fdopen(os.open("beyond.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
        f.write(NOTE)
    os.close(fd)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Content and mtime of every regular file reachable by path (no links followed)."""
    result = {}
    for directory, _dirs, files in os.walk(root, onerror=lambda error: None):
        for name in files:
            path = os.path.join(directory, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    result[path] = (handle.read(), info.st_mtime_ns)
    return result


def without_dac_override() -> list[str]:
    """As root, a prefix that drops the capabilities that bypass file modes."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    share = base / "share"
    share.mkdir()
    for add in (add_zip_cases, add_text_cases, add_sniffing_cases, add_filesystem_cases):
        add(share)
    before = snapshot(share)
    config = base / "phiscan.toml"
    config.write_text(f"[limits]\nmax_expanded_bytes = {EXPANDED_BUDGET}\n[scan]\nworkers = 2\n")
    out = base / "out"
    result = subprocess.run(
        [*without_dac_override(), sys.executable, "-m", "phiscan", "scan", str(share),
         "--out", str(out), "--config", str(config), "--follow-symlinks", "--quiet"],
        capture_output=True, text=True, timeout=300,
    )
    rows = {}
    for line in (out / "files.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["location"][len(str(share)) + 1:]] = row
    yield share, out, rows, result, before
    (share / "locked-dir").chmod(0o700)


def test_scan_completes(hostile):
    _share, _out, _rows, result, _before = hostile
    assert result.returncode == 0, result.stderr[-2000:]


def test_zip_bombs_end_with_a_status(hostile):
    rows = hostile[2]
    assert rows["bomb-member.zip"]["status"] == "scanned"
    assert (rows["bomb-member.zip!zeros.txt"]["status"],
            rows["bomb-member.zip!zeros.txt"]["reason"]) == (
        "skipped", "too large: over max_member_bytes")
    wide = {key: row for key, row in rows.items() if key.startswith("bomb-wide.zip")}
    # 600 MB declared; 64 MB budget / 20 MB members: three expanded, the fourth stops it.
    assert (wide["bomb-wide.zip"]["status"], wide["bomb-wide.zip"]["reason"]) == (
        "error", "expanded size over max_expanded_bytes")
    assert sorted(wide) == ["bomb-wide.zip", "bomb-wide.zip!kernel.bin",
                            "bomb-wide.zip!kernel.bin~2", "bomb-wide.zip!kernel.bin~3"]
    lying = rows["bomb-lying.zip!zeros.bin"]
    assert (lying["status"], lying["size"]) == ("skipped", 1000)


def test_deep_archive_nesting_stops_at_the_limit(hostile):
    rows = hostile[2]
    chain = "nested.zip!level-2.zip!level-3.zip!level-4.zip"
    assert rows[chain]["status"] == "skipped"
    assert rows[chain]["reason"] == "archive nesting deeper than max_archive_depth"
    assert not any(key.startswith(chain + "!") for key in rows)


def test_member_names_cannot_escape(hostile):
    share, out, rows, _result, _before = hostile
    members = sorted(key for key in rows if key.startswith("traversal.zip!"))
    assert members == ["traversal.zip!a/escape-4.txt", "traversal.zip!escape-1.txt",
                       "traversal.zip!escape-3.txt", "traversal.zip!etc/phiscan-escape-2.txt"]
    assert all(found(rows[key]) for key in members)
    assert not Path("/etc/phiscan-escape-2.txt").exists()
    written = [os.path.join(directory, name)
               for directory, dirs, files in os.walk(share.parent, onerror=lambda error: None)
               for name in dirs + files if "escape" in name]
    assert written == []


def test_duplicate_member_names_keep_both_rows(hostile):
    rows = hostile[2]
    assert rows["duplicates.zip!a.txt"]["entities"] == {}
    assert found(rows["duplicates.zip!a.txt~2"])


def test_corrupt_and_encrypted_archives(hostile):
    rows = hostile[2]
    assert (rows["truncated.zip"]["status"], rows["truncated.zip"]["reason"]) == (
        "error", "corrupt zip: BadZipFile")
    assert found(rows["corrupt-member.zip!good.txt"])
    bad = rows["corrupt-member.zip!bad.txt"]
    assert (bad["status"], bad["reason"]) == ("error", "corrupt zip member: bad compressed data")
    assert (rows["encrypted.zip"]["status"], rows["encrypted.zip"]["reason"]) == (
        "skipped", "encrypted archive")


def test_text_oddities(hostile):
    rows = hostile[2]
    for name in ("large.log", "invalid-utf8.txt", "utf16-bom.txt", "utf16be-no-bom.txt",
                 "cp1252.txt"):
        assert found(rows[name]), name
    assert (rows["malformed.json"]["status"], rows["malformed.json"]["reason"]) == (
        "error", "malformed json: JSONDecodeError")
    assert (rows["deep.json"]["status"], rows["deep.json"]["reason"]) == (
        "error", "malformed json: RecursionError")


def test_content_is_sniffed_not_trusted_by_name(hostile):
    rows = hostile[2]
    assert found(rows["NOTES"]) and found(rows["data.bin"])
    assert rows["holiday.jpg"]["status"] == "scanned"
    assert found(rows["holiday.jpg!inner.txt"])
    assert (rows["photo.txt"]["status"], rows["photo.txt"]["reason"]) == (
        "error", "malformed image (UnidentifiedImageError)")  # read as the PNG it says it is


def test_links_and_special_files_are_never_opened(hostile):
    rows = hostile[2]
    expected = {
        "loop": "symlink loop",
        "self-loop": "symlink loop",
        "zero": "symlink points outside the scanned root",
        "etc-link": "symlink points outside the scanned root",
        "dangling": "dangling symlink",
        "fifo": "not a regular file: fifo",
        "socket": "not a regular file: socket",
    }
    if os.geteuid() == 0:
        expected["null-device"] = "not a regular file: device"
    for name, reason in expected.items():
        assert (rows[name]["status"], rows[name]["reason"]) == ("skipped", reason), name


def test_awkward_paths(hostile):
    rows = hostile[2]
    deep = "/".join(f"d{level:02d}" for level in range(60)) + "/deep-note.txt"
    assert found(rows[deep])
    assert found(rows["n" * 251 + ".txt"])
    assert found(rows["caf\\xe9-note.txt"])
    assert found(rows["line\nbreak.txt"])
    too_long = [key for key in rows if key.startswith("long/")]
    assert len(too_long) == 1
    assert rows[too_long[0]]["status"] == "skipped"
    assert rows[too_long[0]]["reason"] == "cannot stat: ENAMETOOLONG (File name too long)"


def test_csv_export_survives_newlines_in_names(hostile):
    out = hostile[1]
    with open(out / "files.csv", newline="", encoding="utf-8") as handle:
        locations = [row["location"] for row in csv.DictReader(handle)]
    assert sum(location.endswith("line\nbreak.txt") for location in locations) == 1
    assert len(locations) == len(hostile[2])


def test_unreadable_files_and_directories(hostile):
    rows = hostile[2]
    assert (rows["locked.txt"]["status"], rows["locked.txt"]["reason"]) == ("error", UNREADABLE)
    assert (rows["locked-dir"]["status"], rows["locked-dir"]["reason"]) == (
        "skipped", "directory not readable: EACCES (Permission denied)")


def test_every_location_has_exactly_one_row(hostile):
    rows = hostile[2]
    top_level = sorted(key for key in rows if "!" not in key and "/" not in key)
    assert len(top_level) == (33 if os.geteuid() == 0 else 32)
    assert all(row["status"] in ("scanned", "skipped", "error") for row in rows.values())
    assert all(row["reason"] for row in rows.values() if row["status"] != "scanned")


def test_sources_untouched(hostile):
    share, _out, _rows, _result, before = hostile
    assert snapshot(share) == before
    assert zipfile.is_zipfile(share / "holiday.jpg")


def test_the_log_names_every_location_that_could_not_be_read(hostile):
    """`phiscan.log` says what `files.csv` says of every error, one line each even for a
    name holding a line break, and the run's counts per status."""
    _share, out, rows, _result, _before = hostile
    log = (out / "phiscan.log").read_text(encoding="utf-8")
    statuses = {status: sum(row["status"] == status for row in rows.values())
                for status in ("scanned", "skipped", "error")}
    assert statuses["error"] >= 3
    assert log.count(" WARNING phiscan.scan.locations: error: ") == statuses["error"]
    for row in rows.values():
        if row["status"] == "error" and "\n" not in row["location"]:
            assert f"error: {row['location']}: {row['reason']}\n" in log
    assert (f"{len(rows)} locations ({statuses['scanned']} scanned, {statuses['skipped']} "
            f"skipped, {statuses['error']} error)") in log


def scan_one_zip(tmp_path: Path, members: list) -> dict[str, tuple[str, str, str]]:
    """(status, reason, risk) by location inside the share, from an in-process scan."""
    from phiscan.config import Config
    from phiscan.scan.runner import run_scan

    share = tmp_path / "share"
    share.mkdir()
    (share / "bundle.zip").write_bytes(build_zip(members))
    config = Config()
    config.scan.workers = 1
    run_scan([str(share)], tmp_path / "out", config)
    rows = {}
    for line in (tmp_path / "out" / "files.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["location"][len(str(share)) + 1:]] = (row["status"], row["reason"], row["risk"])
    return rows


ODD_JSON_ZIP = [
    Entry.deflated("a_first.txt", NOTE.encode()),
    Entry.deflated("numbers", b"[" + b"1" * 5000 + b"]"),
    Entry.deflated("z_last.txt", b"NHS number 943 476 5919, key safe code 4821.\n"),
]


def test_a_json_number_past_pythons_digit_limit_costs_no_other_file_its_row(tmp_path):
    """`json.loads` raises a plain ValueError for an integer over 4,300 digits: content
    that only looked like JSON is read as text, a `.json` is an error row, and the
    members after them are still read."""
    rows = scan_one_zip(tmp_path, [
        *ODD_JSON_ZIP, Entry.deflated("counts.json", b"[" + b"1" * 5000 + b"]")])
    statuses = {location: row[:2] for location, row in rows.items()}
    assert statuses == {
        "bundle.zip": ("scanned", ""),
        "bundle.zip!a_first.txt": ("scanned", ""),
        "bundle.zip!numbers": ("scanned", ""),
        "bundle.zip!z_last.txt": ("scanned", ""),
        "bundle.zip!counts.json": ("error", "malformed json: ValueError"),
    }
    assert rows["bundle.zip!z_last.txt"][2] == "critical"


def test_an_error_choosing_a_reader_costs_only_that_file_its_row(tmp_path, monkeypatch):
    from phiscan.scan import pipeline

    chooser = pipeline.choose_extractor

    def choose(name: str, data: bytes) -> tuple[str | None, str]:
        if name == "numbers":
            raise ValueError("a reader-choice failure")
        return chooser(name, data)

    monkeypatch.setattr(pipeline, "choose_extractor", choose)
    rows = scan_one_zip(tmp_path, ODD_JSON_ZIP)
    assert {location: row[:2] for location, row in rows.items()} == {
        "bundle.zip": ("scanned", ""),
        "bundle.zip!a_first.txt": ("scanned", ""),
        "bundle.zip!numbers": ("error", "sniff: malformed (ValueError)"),
        "bundle.zip!z_last.txt": ("scanned", ""),
    }
    assert rows["bundle.zip!z_last.txt"][2] == "critical"
