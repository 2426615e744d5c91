"""Long text is read to its end (issue #13 items 2 and 14), through the real CLI.

Text longer than a window is analysed in overlapping windows: a value at the very
end of a 6 MB note, patients after long CSV rows and a number on a window's edge
are found once each; where a limit really stops reading, the row is `error` with a
`partial:` reason saying how much was read. A long ordinary log (a timestamp on
every line) scans at the speed of the cheap pass (measured in bench/big_log.py).
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from phiscan.config import LimitsConfig
from phiscan.scan.pipeline import HELD_TEXT_CHARS

NHS_NUMBERS = ["943 476 5919", "401 023 2137", "450 557 7104"]
MB = 1024 * 1024
# The default window and the text a document may hold for spaCy: each long input below
# is several of both.
WINDOW = LimitsConfig().text_window_chars
HELD = HELD_TEXT_CHARS


def run_scan(share: Path, out: Path, config: str = "") -> dict[str, dict]:
    args = [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out)]
    if config:
        (share.parent / "phiscan.toml").write_text(config)
        args += ["--config", str(share.parent / "phiscan.toml")]
    result = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {Path(row["location"]).name: row for row in rows}


def finding_offsets(out: Path, name: str) -> list[tuple[str, int, int]]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT f.entity_type, f.start, f.end FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE l.location LIKE ?",
            (f"%/{name}",)).fetchall()
    return sorted(rows)


def padded(size: int, line: str) -> str:
    return (line * (size // len(line) + 1))[:size]


@pytest.fixture(scope="module")
def long_files_scan(tmp_path_factory):
    """One scan with default settings over a 6 MB note, a CSV whose patients follow
    4.5 MB of rows each longer than a window, and a 5.5 MB log (120,000 heartbeat lines
    and one NHS line). Each crosses the window and the held text several times over (as
    25, 20 and 21 MB did, at a quarter of the scan's time)."""
    share = tmp_path_factory.mktemp("share")
    note = padded(6 * MB, "Routine observations recorded; resident settled, ate well.\n")
    (share / "note.txt").write_text(note + f"NHS number: {NHS_NUMBERS[0]}\n")
    long_row = padded(3 * MB // 2, "family visited and the afternoon was quiet ")
    assert len(note) > 2 * HELD and len(long_row) > WINDOW
    rows = [f"{index},,{long_row}" for index in range(3)]
    rows += [f"{3 + index},{number},seen today" for index, number in enumerate(NHS_NUMBERS)]
    (share / "patients.csv").write_text("id,nhs_number,notes\n" + "\n".join(rows) + "\n")
    lines = [f"2026-11-30 07:{second // 60 % 60:02d}:{second % 60:02d} INFO heartbeat service=ok\n"
             for second in range(120_000)]
    log = "".join(lines) + f"2026-11-30 08:00:00 WARN exported NHS number {NHS_NUMBERS[1]}\n"
    (share / "service.log").write_text(log)
    out = tmp_path_factory.mktemp("out") / "inventory"
    return run_scan(share, out), out, {"note.txt": note, "service.log": log}


def test_a_6mb_note_is_read_to_its_last_line(long_files_scan):
    rows, _out, texts = long_files_scan
    row = rows["note.txt"]
    assert (row["status"], row["reason"], row["entities"]) == ("scanned", "", {"UK_NHS": 1})
    assert row["chars"] == len(texts["note.txt"]) + len(f"NHS number: {NHS_NUMBERS[0]}\n")


def test_csv_patients_after_long_rows_are_all_found(long_files_scan):
    rows, _out, _texts = long_files_scan
    row = rows["patients.csv"]
    assert (row["status"], row["reason"], row["entities"]) == ("scanned", "", {"UK_NHS": 3})


def test_a_5mb_log_is_scanned_and_its_last_line_found(long_files_scan):
    rows, out, texts = long_files_scan
    assert len(texts["service.log"]) > 2 * HELD
    row = rows["service.log"]
    assert (row["status"], row["reason"], row["entities"]) == ("scanned", "", {"UK_NHS": 1})
    start = texts["service.log"].index(NHS_NUMBERS[1])
    assert finding_offsets(out, "service.log") == [("UK_NHS", start, start + 12)]


WINDOWS = """
[limits]
text_window_chars = 1000
text_window_overlap_chars = 100
"""


def test_values_on_window_edges_are_found_once(tmp_path):
    """Windows of 1,000 characters sharing 100: every number placed across an edge
    (the end of one window, the start of the next, the border between them) is
    found exactly once, at its offset in the whole file."""
    share = tmp_path / "share"
    share.mkdir()
    filler = "the afternoon was quiet and the tea was warm "
    text, planted = "", []
    for index, edge in enumerate([995, 1895, 1945, 2700, 3605, 4498]):
        number = NHS_NUMBERS[index % 3]
        label = "NHS number: "
        text += padded(edge - len(text) - len(label), filler) + label
        planted.append(("UK_NHS", len(text), len(text) + len(number)))
        text += number + "\n"
    text += padded(1500, filler)
    (share / "edges.txt").write_text(text)
    rows = run_scan(share, tmp_path / "out", WINDOWS)
    row = rows["edges.txt"]
    assert (row["status"], row["entities"], row["chars"]) == ("scanned", {"UK_NHS": 6}, len(text))
    assert finding_offsets(tmp_path / "out", "edges.txt") == planted


def test_a_limit_that_stops_reading_makes_a_partial_error(tmp_path):
    """max_text_chars really stops reading: the row says so and how much was read,
    and keeps what was found before the limit."""
    share = tmp_path / "share"
    share.mkdir()
    filler = "the afternoon was quiet and the tea was warm "
    text = (padded(1000, filler) + f"NHS number: {NHS_NUMBERS[0]}\n" + padded(14000, filler)
            + f"NHS number: {NHS_NUMBERS[1]}\n")
    (share / "long.txt").write_text(text)
    rows = run_scan(share, tmp_path / "out", WINDOWS + "max_text_chars = 5000\n")
    row = rows["long.txt"]
    assert (row["status"], row["entities"]) == ("error", {"UK_NHS": 1})
    assert row["reason"] == (f"partial: text over max_text_chars: read {row['chars']} of "
                             f"{len(text)} characters, the rest not read")
    assert 0 < row["chars"] <= 5000


def test_a_timeout_part_way_is_a_partial_error(tmp_path):
    """The per-file timeout stops a 30 MB note part way: `partial:`, with what was read."""
    share = tmp_path / "share"
    share.mkdir()
    note = padded(30 * MB, "Routine observations recorded; resident settled, ate well.\n")
    (share / "huge.txt").write_text(f"NHS number: {NHS_NUMBERS[0]}\n" + note)
    config = "[limits]\nper_file_timeout_seconds = 1.0\ntext_window_chars = 20000\n"
    rows = run_scan(share, tmp_path / "out", config)
    row = rows["huge.txt"]
    total = len(note) + len(f"NHS number: {NHS_NUMBERS[0]}\n")
    match = re.fullmatch(r"partial: timeout: over per_file_timeout_seconds: read (\d+) of "
                         rf"{total} characters, the rest not read", row["reason"])
    assert row["status"] == "error" and match is not None, row["reason"]
    assert 0 < int(match.group(1)) == row["chars"] < total
    assert row["entities"] == {"UK_NHS": 1}


def test_a_timeout_in_a_note_holding_a_pipe_table_says_how_much_was_read(tmp_path):
    """A 30 MB note that opens with a pipe table (read as a table, the rest as prose) is
    stopped part way too, and its reason still says how much of the whole text was read."""
    share = tmp_path / "share"
    share.mkdir()
    table = (f"| Patient | NHS No |\n|---|---|\n| Resident A | {NHS_NUMBERS[0]} |\n"
             "| Resident B | none |\n")
    note = padded(30 * MB, "Routine observations recorded; resident settled, ate well.\n")
    (share / "huge.txt").write_text(table + note)
    config = "[limits]\nper_file_timeout_seconds = 6.0\ntext_window_chars = 20000\n"
    row = run_scan(share, tmp_path / "out", config)["huge.txt"]
    match = re.fullmatch(r"partial: timeout: over per_file_timeout_seconds: read (\d+) of "
                         rf"{len(table) + len(note)} characters, the rest not read",
                         row["reason"])
    assert row["status"] == "error" and match is not None, row["reason"]


def test_an_archive_member_is_read_to_its_end(tmp_path):
    """A member far longer than a window: its last line is found, in the member's row."""
    import zipfile

    share = tmp_path / "share"
    share.mkdir()
    member = padded(50_000, "the afternoon was quiet and the tea was warm ")
    member += f"NHS number: {NHS_NUMBERS[2]}\n"
    with zipfile.ZipFile(share / "notes.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2026/visit.txt", member)
    rows = run_scan(share, tmp_path / "out", WINDOWS)
    row = rows["visit.txt"]
    assert (row["status"], row["entities"], row["chars"]) == (
        "scanned", {"UK_NHS": 1}, len(member))
    assert rows["notes.zip"]["status"] == "scanned"


def test_log_windows_without_findings_never_reach_spacy(detector):
    """Capitalised pairs everywhere (`Staff Member`) but no finding near them: no block of
    any window is read by spaCy; the one NHS number is found."""
    from dataclasses import replace

    from phiscan.config import LimitsConfig
    from phiscan.detect.windows import text_windows
    from phiscan.model import TextUnit

    login = "2026-11-30 07:00:{:02d} INFO User login succeeded for Staff Member {}\n"
    text = ("".join(login.format(index % 60, index) for index in range(20_000))
            + "2026-11-30 08:00:00 INFO heartbeat service=ok\n" * 10
            + f"2026-11-30 08:00:01 WARN exported record NHS number {NHS_NUMBERS[0]}\n")
    limits = replace(LimitsConfig(), text_window_chars=100_000, text_window_overlap_chars=1_000)
    blocks_before = detector.layered.blocks_read
    findings = []
    for window in text_windows(TextUnit(text), limits):
        findings += detector.detect_unit(window)
    assert detector.layered.blocks_read == blocks_before
    start = text.index(NHS_NUMBERS[0])
    assert [(f.entity_type, f.start, f.end) for f in findings] == [("UK_NHS", start, start + 12)]
