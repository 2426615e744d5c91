"""Text that is not clean Unicode, through the real CLI (issue 13, item 1).

Python's e-mail parser keeps raw 8-bit header bytes as lone surrogates, and RTF `\\u`
escapes for characters outside the BMP come out as surrogate pairs; spaCy refuses
both. Each file must still end as its own row, its identifiers found, and the scan
must finish with its exports, with one worker or several.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phiscan.detect.textclean import clean_text, decode_mixed
from phiscan.model import FieldSpan, TextUnit
from phiscan.synthetic.formats import build_cfb
from tests.conftest import assert_no_raw_values

NHS_BODY = "943 476 5919"
NHS_SUBJECT = "490 231 6927"
NHS_RTF = "405 567 7006"
NHS_GOOD = "439 921 0079"
NHS_8BIT_BODY = "496 454 0103"
NHS_MSG = "404 391 1491"
NAME = "Zoë Brontë"
RAW_NUMBERS = [NHS_BODY, NHS_SUBJECT, NHS_RTF, NHS_GOOD, NHS_8BIT_BODY, NHS_MSG, NAME]


def raw_header_email() -> bytes:
    """Headers as real mail servers pass them through: UTF-8, unencoded."""
    return (
        "From: Philipp Steinkrüger <philipp@example.org>\r\n"
        "To: Klinik Zürich <clinic@example.org>\r\n"
        f"Subject: Überweisung NHS {NHS_SUBJECT}\r\n"
        "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
        "Message-ID: <1@example.org>\r\n"
        "\r\n"
        f"Patient referred today, NHS number {NHS_BODY}.\r\n"
    ).encode()


def raw_body_email() -> bytes:
    """A body of raw 8-bit bytes with no charset declared: a UTF-8 line, then a
    Windows-1252 one (the e-mail parser made both U+FFFD, and the name was lost)."""
    return (
        b"From: clinic@example.org\r\nTo: gp@example.org\r\nSubject: referral\r\n"
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Referral ✓\r\n".encode()
        + f"Patient: {NAME}, NHS number {NHS_8BIT_BODY}, café visit.\r\n".encode("cp1252")
    )


def utf8_legacy_msg() -> bytes:
    """An Outlook message whose 8-bit string properties (type 001E) hold UTF-8, as a
    message with code page 65001 stores them (they were read as cp1252: `ZoÃ«`)."""
    return build_cfb({
        "__substg1.0_0037001E": "Überweisung".encode(),
        "__substg1.0_1000001E": f"Patient: {NAME}, NHS number {NHS_MSG}.\r\n".encode(),
        "__substg1.0_0C1F001E": b"clinic@example.org",
        "__properties_version1.0": bytes(32),
    })


def surrogate_rtf() -> bytes:
    """A smiley outside the BMP as RTF writes it (a UTF-16 pair of \\u escapes), and
    one half of a pair left alone."""
    return (
        "{\\rtf1\\ansi{\\fonttbl\\f0 Calibri;}\\f0 Visit note \\u-10179?\\u-8704? "
        f"patient NHS number {NHS_RTF}\\par broken \\u-10179? end\\par}}"
    ).encode("ascii")


def build_share(share: Path) -> None:
    share.mkdir()
    (share / "raw-header.eml").write_bytes(raw_header_email())
    (share / "smiley.rtf").write_bytes(surrogate_rtf())
    (share / "raw-body.eml").write_bytes(raw_body_email())
    (share / "utf8-legacy.msg").write_bytes(utf8_legacy_msg())
    (share / "good.txt").write_text(f"Clinic list. NHS number {NHS_GOOD}, reviewed.\n")


def scan(share: Path, out: Path, workers: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
         "--workers", str(workers), "--quiet"],
        capture_output=True, text=True, timeout=300,
    )


def person_hashes(out: Path) -> dict[str, str]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.value_hash FROM findings f JOIN locations l"
                          " ON l.id = f.location_id WHERE f.entity_type = 'PERSON'")
        return {Path(location).name: value for location, value in rows}


def rows_by_name(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {Path(row["location"]).name: row for row in rows}


@pytest.mark.parametrize("workers", [1, 2])
def test_unclean_text_is_read_and_the_scan_finishes(tmp_path, workers):
    share, out = tmp_path / "share", tmp_path / "out"
    build_share(share)
    result = scan(share, out, workers)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "summary.json").is_file()
    rows = rows_by_name(out)
    assert set(rows) == {"raw-header.eml", "raw-body.eml", "utf8-legacy.msg", "smiley.rtf",
                         "good.txt"}
    statuses = {name: (row["status"], row["reason"]) for name, row in rows.items()}
    assert statuses == dict.fromkeys(rows, ("scanned", ""))
    # the Subject's number is only readable once its raw bytes are decoded
    assert rows["raw-header.eml"]["entities"]["UK_NHS"] == 2
    assert rows["smiley.rtf"]["entities"]["UK_NHS"] == 1
    for name in ("raw-body.eml", "utf8-legacy.msg"):
        entities = rows[name]["entities"]
        assert (entities["UK_NHS"], entities["PERSON"]) == (1, 1), name
    # the same name, read right from cp1252 in one and UTF-8 in the other
    names = person_hashes(out)
    assert names["raw-body.eml"] == names["utf8-legacy.msg"]
    assert rows["good.txt"]["entities"]["UK_NHS"] == 1
    summary = json.loads((out / "summary.json").read_text())
    assert summary["run"]["status"] == "completed"
    assert_no_raw_values(out, RAW_NUMBERS)
    assert "Traceback" not in result.stderr


PROPERTY = settings(max_examples=200, deadline=None, derandomize=True)


@PROPERTY
@given(st.binary(max_size=300))
def test_escaped_bytes_read_as_the_bytes_they_stand_for(data):
    """What the e-mail parser keeps of raw bytes becomes what a decoder makes of them."""
    cleaned = clean_text(data.decode("utf-8", errors="surrogateescape"))
    assert cleaned == decode_mixed(data)
    cleaned.encode("utf-8")


@PROPERTY
@given(st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xE000)
               | st.sampled_from("ab \n"), max_size=60))
def test_field_spans_follow_the_cleaned_text(text):
    unit = TextUnit(f"name: {text}\nnhs: {NHS_GOOD}\n",
                    fields=[FieldSpan(6, 6 + len(text), "name"),
                            FieldSpan(12 + len(text), 24 + len(text), "nhs")])
    unit.text.encode("utf-8")
    assert unit.text[unit.fields[1].start:unit.fields[1].end] == NHS_GOOD
    assert unit.text[unit.fields[0].end:unit.fields[1].start] == "\nnhs: "
