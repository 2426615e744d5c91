"""Issue #13's acceptance, as one share: a raw-header e-mail, a fake-BOM note, a
NUL-padded note, a 25 MB padded note and a headerless CSV. Every planted NHS number is
found, every file is scanned, and no raw value is stored anywhere in the output folder
(the SQLite file's bytes included, not only the exports)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from phiscan.synthetic.people import mod11_number, spaced
from tests.conftest import assert_no_raw_values

RNG = random.Random(1303)
NUMBERS = {name: mod11_number(RNG, "4") for name in (
    "raw-header.eml", "fake-bom.txt", "nul-padded.log", "padded-25mb.txt", "headerless.csv")}
NAME = "Philipp Steinkrüger"
POSTCODE = "SW1A 1AA"
KEY_CODE = "4821"


def build_share(share: Path) -> None:
    share.mkdir()
    (share / "raw-header.eml").write_bytes((
        f"From: {NAME} <philipp@example.org>\r\nTo: clinic@example.org\r\n"
        "Subject: referral\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n"
        f"Patient referred today, NHS number {spaced(NUMBERS['raw-header.eml'])}.\r\n"
    ).encode())
    (share / "fake-bom.txt").write_bytes(
        b"\xff\xfe" + f"Clinic list. NHS number {NUMBERS['fake-bom.txt']}.\n".encode())
    (share / "nul-padded.log").write_bytes(
        b"\x00" * 64 + f"Visit note: NHS number {NUMBERS['nul-padded.log']}\n".encode()
        + b"\x00" * 64)
    with (share / "padded-25mb.txt").open("w") as note:
        line = "Routine observation, nothing to report today.\n"
        note.write(line * (25_000_000 // len(line)))
        note.write(f"Patient NHS number {NUMBERS['padded-25mb.txt']}\n")
    (share / "headerless.csv").write_text(
        f"{NUMBERS['headerless.csv']},Jane Example,12/03/1941,{POSTCODE},"
        f"key safe {KEY_CODE} COPD\n"
        f"{mod11_number(RNG, '6')},John Example,01/02/1950,LS1 6AE,no notes\n")


def test_hostile_share_finds_every_number_and_stores_no_raw_value(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    build_share(share)
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out), "--quiet",
         "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {Path(row["location"]).name: row
            for row in map(json.loads, (out / "files.jsonl").read_text().splitlines())}
    assert {name: (row["status"], row["reason"]) for name, row in rows.items()} == {
        name: ("scanned", "") for name in NUMBERS}
    found = {name: rows[name]["entities"].get("UK_NHS", 0) for name in NUMBERS}
    assert found == {**dict.fromkeys(NUMBERS, 1), "headerless.csv": 2}
    planted = [*NUMBERS.values(), *map(spaced, NUMBERS.values()), NAME, POSTCODE,
               "Jane Example", "12/03/1941", f"key safe {KEY_CODE} COPD"]
    assert_no_raw_values(out, planted)
    for stream in (result.stdout, result.stderr):
        assert not any(value in stream for value in planted)
