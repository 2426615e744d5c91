"""The CLI answers at once: importing it, registering every command, and running `--help`,
`--version`, `status`, `report` and `diff` load none of the heavy libraries (Presidio,
spaCy, the sources' clients, Dask, the Office and XML readers). Structural, not timed: the figures
are in bench/RESULTS.md (bench/cli_latency.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phiscan.inventory.store import Inventory
from phiscan.model import Finding, LocationResult, Risk, Status
from phiscan.watch.status import write_status

HEAVY = ("presidio_analyzer", "spacy", "boto3", "botocore", "smbprotocol", "dask",
         "distributed", "openpyxl", "lxml", "phiscan.extract", "phiscan.detect.engine")

# Runs the real entry point with ARGV, then writes which heavy modules were loaded.
PROBE = """
import json, sys
argv, heavy, report_to = json.loads(sys.argv[1])
sys.argv = ["phiscan", *argv]
import phiscan.cli
code = 0
if argv == ["(register only)"]:
    from phiscan.commands import build_app
    build_app("help", "version")
else:
    try:
        phiscan.cli.main()
    except SystemExit as exc:
        code = exc.code or 0
with open(report_to, "w") as out:
    json.dump({"code": code, "loaded": [m for m in heavy if m in sys.modules]}, out)
"""


def probe(tmp_path: Path, *argv: str) -> tuple[dict, str]:
    report_to = tmp_path / "probe.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([list(argv), HEAVY, str(report_to)])],
        capture_output=True, text=True, timeout=120)
    assert report_to.exists(), done.stderr
    return json.loads(report_to.read_text()), done.stdout


def finding(entity_type: str, masked: str, person: int) -> Finding:
    return Finding(entity_type, 0.9, "test", "text", 0, 10, masked, f"{entity_type}-{person}",
                   record="1", role="subject" if entity_type == "PERSON" else "")


@pytest.fixture
def inventory_dir(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    with Inventory(out) as inventory:
        run_id = inventory.start_run("scan", ["/share"])
        inventory.write_results(run_id, [
            LocationResult(f"/share/p{person}/note{copy}.txt", Status.SCANNED, root="/share",
                           extractor="text", chars=100, risk=Risk.HIGH,
                           findings=[finding("UK_NHS", "*** *** 0000", person),
                                     finding("PERSON", "J*** S****", person)])
            for person in range(3) for copy in range(2)])
        inventory.finish_run(run_id, "completed", {"scanned": 6})
    now = time.time()
    write_status(out, {"state": "running", "pid": os.getpid(), "started_at": now,
                       "heartbeat_at": now, "heartbeat_seconds": 600, "paths": []})
    return out


def test_registering_every_command_loads_no_heavy_library(tmp_path):
    result, _ = probe(tmp_path, "(register only)")
    assert result == {"code": 0, "loaded": []}


def test_version_and_help_load_no_heavy_library(tmp_path):
    result, stdout = probe(tmp_path, "--version")
    assert result == {"code": 0, "loaded": []}
    assert stdout.startswith("phiscan ")
    result, stdout = probe(tmp_path, "--help")
    assert result == {"code": 0, "loaded": []}
    assert "status" in stdout and "report" in stdout


def test_status_and_report_load_no_heavy_library(tmp_path, inventory_dir):
    result, stdout = probe(tmp_path, "status", str(inventory_dir), "--json")
    assert result == {"code": 0, "loaded": []}
    assert json.loads(stdout)["inventory"] == {
        "locations": 6, "special_category_locations": 0,
        "status": {"scanned": 6, "skipped": 0, "error": 0},
        "risk": {"none": 0, "low": 0, "medium": 0, "high": 6, "critical": 0}}
    result, stdout = probe(tmp_path, "report", str(inventory_dir), "--format", "json")
    assert result == {"code": 0, "loaded": []}
    report = json.loads(stdout)
    assert report["individuals"]["total"] == 3
    assert report["locations"]["total"] == 6


def test_diff_loads_no_heavy_library(tmp_path, inventory_dir):
    result, stdout = probe(tmp_path, "diff", str(inventory_dir), str(inventory_dir),
                           "--format", "json")
    assert result == {"code": 0, "loaded": []}
    diff = json.loads(stdout)
    assert diff["counts"] == dict.fromkeys(diff["counts"], 0)
    assert (diff["people"]["old_total"], diff["people"]["new_total"]) == (3, 3)
