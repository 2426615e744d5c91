"""National Insurance numbers in every form DWP accepts (issue 14): capitals or lower
case, compact or spaced in pairs, found through the CLI as one person's number; the
prefixes and suffixes DWP never issues stay unreported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.conftest import assert_no_raw_values

VALID = {"upper.txt": "AA370773A", "upper-pairs.txt": "AA 37 07 73 A",
         "lower.txt": "aa370773a", "lower-pairs.txt": "aa 37 07 73 a",
         "mixed-pairs.txt": "Aa 37 07 73 a", "digits-together.txt": "AA 370773 A"}
# QQ is HMRC's example prefix; BG/GB/NK are never issued; D and O are not prefix letters
# in first/second place; E is no suffix.
INVALID = ["QQ 12 34 56 C", "gb370773a", "nk 37 07 73 a", "DA370773A", "ao370773a",
           "AA370773E", "xaa370773a"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("nino")
    share, out = root / "share", root / "out"
    share.mkdir()
    for name, number in VALID.items():
        (share / name).write_text(f"Claimant record. National Insurance number: {number}\n")
    (share / "invalid.txt").write_text(
        "".join(f"National Insurance number: {number}\n" for number in INVALID))
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def nino_rows(out: Path) -> dict[str, list[tuple[str, str]]]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT l.location, f.masked, f.value_hash FROM locations l LEFT JOIN findings f"
            " ON f.location_id = l.id AND f.entity_type = 'UK_NINO'").fetchall()
    found: dict[str, list[tuple[str, str]]] = {}
    for location, masked, value_hash in rows:
        found.setdefault(Path(location).name, [])
        if masked is not None:
            found[Path(location).name].append((masked, value_hash))
    return found


def test_every_dwp_form_is_found_as_the_same_number(scanned):
    found = nino_rows(scanned)
    assert {name: len(found[name]) for name in VALID} == {name: 1 for name in VALID}
    assert len({value_hash for name in VALID for _masked, value_hash in found[name]}) == 1


def test_invalid_prefixes_and_suffixes_are_rejected(scanned):
    assert nino_rows(scanned)["invalid.txt"] == []


def test_no_number_reaches_the_outputs(scanned):
    assert_no_raw_values(scanned, list(VALID.values()) + ["370773"])
