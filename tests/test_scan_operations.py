"""Operating `phiscan scan` as a scheduled job (session 11, new-user report items 6-10,
16): the output folder inside the scanned one, interruptions, walks that read nothing,
include/exclude globs, `--quiet`, `--fail-on-risk` and option checks. Real CLI only.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run_cli

NOTE = "Patient: Margaret Ellwood DOB 14/07/1938 NHS 401 023 2137. Asthma, reviewed.\n"
CLEAN = "Meeting notes: the car park will be resurfaced next week.\n"


def locations(out: Path) -> list[str]:
    lines = (out / "files.jsonl").read_text().splitlines()
    return sorted(json.loads(line)["location"] for line in lines)


def test_an_output_folder_inside_the_scanned_folder_is_never_scanned(tmp_path):
    share = tmp_path / "t5"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    (share / "minutes.txt").write_text(CLEAN)
    for _ in range(2):
        result = run_cli("scan", str(share), "--out", str(share / "out"), "--quiet")
        assert result.returncode == 0, result.stderr
        assert locations(share / "out") == [str(share / "minutes.txt"), str(share / "note.txt")]
    # named another way (relative, through ..) it is still the same folder
    result = run_cli("scan", str(share), "--out", str(share / "sub" / ".." / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert locations(share / "out") == [str(share / "minutes.txt"), str(share / "note.txt")]
