"""File names that are not UTF-8, through the real CLI (session 11, new-user report 4).

A location is a lossless key: a name holding a byte that is not UTF-8 (`a` + 0xE9) and a
name that literally holds the four characters `\\xe9` are two files, two rows, each with
its own findings, never one row whose findings the other overwrote. `--reveal` re-opens a
file by its stored location, and a row whose file cannot be re-read says why.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

from tests.cli import export_individuals, run_cli, scan_quietly

NHS = "401 023 2137"
NOTE = f"Patient: Margaret Ellwood DOB 14/07/1938 NHS {NHS}. Asthma, reviewed in clinic.\n"
CLEAN = "Meeting notes: the car park will be resurfaced next week.\n"


def write_bytes_named(share: Path, raw_name: bytes, text: str) -> None:
    with open(os.path.join(os.fsencode(share), raw_name), "w") as handle:
        handle.write(text)


def rows(out: Path) -> dict[str, dict]:
    lines = (out / "files.jsonl").read_text().splitlines()
    return {json.loads(line)["location"].rsplit("/", 1)[-1]: json.loads(line) for line in lines}


def test_a_byte_and_its_escape_are_two_files_and_reveal_reopens_both(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    write_bytes_named(share, b"a\xe9.txt", CLEAN)
    write_bytes_named(share, b"a\\xe9.txt", NOTE)
    write_bytes_named(share, b"refund Mr\xe9 Fran\xe7ois.txt", NOTE.replace("Asthma", "COPD"))
    scan_quietly(share, out)
    found = rows(out)
    assert set(found) == {"a\\xe9.txt", "a\\\\xe9.txt", "refund Mr\\xe9 Fran\\xe7ois.txt"}
    assert found["a\\xe9.txt"]["entities"] == {}
    assert found["a\\xe9.txt"]["risk"] == "none"
    assert found["a\\\\xe9.txt"]["entities"]["UK_NHS"] == 1
    assert found["a\\\\xe9.txt"]["special_category"] is True
    assert found["refund Mr\\xe9 Fran\\xe7ois.txt"]["entities"]["UK_NHS"] == 1
    with sqlite3.connect(out / "inventory.sqlite") as db:
        assert db.execute("SELECT count(*) FROM locations").fetchone() == (3,)
    people = export_individuals(out, tmp_path, "--reveal")
    assert len(people) == 1
    assert people[0]["nhs_number"] == NHS
    assert people[0]["name"] == "Margaret Ellwood"
    assert people[0]["reveal_note"] == ""
    assert people[0]["locations"] == "2"


def test_a_file_that_cannot_be_re_read_says_why_in_the_export(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    write_bytes_named(share, b"Mr\xe9.txt", NOTE)
    scan_quietly(share, out)
    os.unlink(os.path.join(os.fsencode(share), b"Mr\xe9.txt"))
    result = run_cli("individuals", str(out), "--export", str(tmp_path / "people.csv"),
                     "--reveal")
    assert result.returncode == 3, result.stderr  # written, but a letter cannot be addressed
    with (tmp_path / "people.csv").open(newline="") as handle:
        people = list(csv.DictReader(handle))
    assert len(people) == 1
    assert people[0]["nhs_number"] == ""
    location = f"{share}/Mr\\xe9.txt"
    assert people[0]["reveal_note"] == (
        f"not re-read: {location} (SourceReadError: cannot open: ENOENT "
        "(No such file or directory))")


def test_a_folder_with_a_backslash_is_the_start_of_its_files_locations(tmp_path):
    """Locations are escaped part by part: a folder named `a\\b` (valid UTF-8) keeps its
    location whatever its files are named, so a file below it with a byte that is not UTF-8
    is found under it (catch-up, moves and `--include` match locations by their folder's)."""
    share = tmp_path / "share"
    folder = share / "a\\b"
    folder.mkdir(parents=True)
    write_bytes_named(folder, b"note\xe9.txt", NOTE)
    out = tmp_path / "out"
    scan_quietly(share, out)
    with sqlite3.connect(out / "inventory.sqlite") as db:
        [(location,)] = db.execute(
            "SELECT location FROM locations WHERE location LIKE '%note%'").fetchall()
    assert location == f"{folder}/note\\xe9.txt"
    assert location.startswith(f"{folder}/")
