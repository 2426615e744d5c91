"""The CLI as the tests run it: `python -m phiscan` in a subprocess, and its individuals export."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from phiscan.detect.entities import normalise


def run_cli(*args: str, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "phiscan", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def scan_quietly(share: Path, out: Path) -> None:
    """`phiscan scan SHARE --out OUT --quiet`, which must succeed."""
    result = run_cli("scan", str(share), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr


def scanned_share(tmp_path_factory, name: str, files: dict[str, str]) -> Path:
    """A share of `files` (path -> text) written and scanned; its inventory folder."""
    from tests.share_builder import write_files

    share = tmp_path_factory.mktemp(f"{name}-share")
    out = tmp_path_factory.mktemp(f"{name}-out") / "inventory"
    write_files(share, files)
    scan_quietly(share, out)
    return out


def report_json(out: Path) -> dict:
    """`phiscan report OUT --format json`, which must succeed, parsed."""
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def key(entity_type: str, value: str) -> str:
    """The key phiscan links a value by (one name in every shape, one date in every form)."""
    return normalise(entity_type, value)


def person(name: str, nhs: str, dob: str) -> tuple[str, str, str]:
    """(name key, NHS number, birth-date key): one exported individual as the tests compare it."""
    return key("PERSON", name), nhs, key("DATE_OF_BIRTH", dob)


def export_individuals(out: Path, tmp_path: Path, *extra: str) -> list[dict]:
    """`phiscan individuals OUT --export people.csv [extra]`, read back as rows."""
    path = tmp_path / "people.csv"
    result = run_cli("individuals", str(out), "--export", str(path), *extra)
    assert result.returncode == 0, result.stderr
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def names_with_roles(out: Path, location_part: str) -> list[tuple[str, str, str]]:
    """(record, masked name, role) of every name in one scanned file, in text order."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute(
            "SELECT f.record, f.masked, f.role FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE f.entity_type = 'PERSON'"
            " AND l.location LIKE ? ORDER BY f.start", (f"%{location_part}%",)).fetchall()
