"""`phiscan report`'s text tables cut at ten rows say how many they left out and where
every row is: a real share of 31 world-readable sick notes in 31 folders, the real CLI."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest

from phiscan.synthetic.people import random_nhs_number, spaced
from tests.cli import run_cli, scan_quietly

RNG = random.Random(3131)
FILES = 31  # ten shown, 21 more
CONDITIONS = ("type 2 diabetes", "asthma", "epilepsy", "depression", "COPD")


@pytest.fixture
def broad_share():
    """Under /tmp with every folder searchable: pytest's 0700 folders hide every file."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-cut-", dir="/tmp"))
    top.chmod(0o755)
    share = top / "share"
    for number in range(FILES):
        folder = share / f"Ward{number:02d}"
        folder.mkdir(parents=True)
        for path in (top, share, folder):
            path.chmod(0o755)
        note = folder / "note.txt"
        note.write_text(f"Patient NHS number {spaced(random_nhs_number(RNG))}, seen with "
                        f"{CONDITIONS[number % len(CONDITIONS)]}.\n", encoding="utf-8")
        note.chmod(0o644)
    yield top
    shutil.rmtree(top)


def under_table(text: str, title: str) -> str:
    """What is printed between the table titled `title` and the next table: its caption."""
    return text.split(title, 1)[1].split("┘", 1)[1].split("┏", 1)[0]


def test_every_cut_list_says_how_many_more_and_where_to_see_all(broad_share):
    out = broad_share / "out"
    scan_quietly(broad_share / "share", out)
    result = run_cli("report", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    see_all = ("and 21 more: files.csv in the scan folder lists every location with its risk, "
               "exposure and readers")
    for title in ("top locations by risk", "sensitive and broadly readable: who can read them",
                  "folders to lock down first (broadly readable sensitive data)",
                  "folders by people affected"):
        assert see_all in under_table(text, title), title
        assert under_table(text, title).count(" more: ") == 1
    assert " more: " not in under_table(text, "who can read sensitive data")  # not cut
    assert run_cli("report", str(out), "--html").returncode == 0
    page = (out / "report.html").read_text()
    # top locations (20 of 31), who reads them (10 of 31), folders to lock down (10 of 31)
    for left_out in (11, 21, 21):
        assert f"And {left_out} more: <code>files.csv</code> in the scan folder" in page
        page = page.split(f"And {left_out} more:", 1)[1]
