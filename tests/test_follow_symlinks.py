"""`--follow-symlinks` through the CLI: a link to a file inside the root is read (it
used to fail with ELOOP from O_NOFOLLOW), links out of the root are still refused,
and folders are listed at their own path only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import run_cli

NOTE = "Patient Jane Smith, NHS number 943 476 5919, seen for diabetes review.\n"
OUTSIDE = "Referral for John Example, NHS number 401 023 2137.\n"


def build_share(base: Path) -> Path:
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE)
    share = base / "share"
    (share / "sub").mkdir(parents=True)
    (share / "real.txt").write_text(NOTE)
    (share / "sub" / "plain.txt").write_text("Team meeting on Friday.\n")
    (share / "alias.txt").symlink_to("real.txt")
    (share / "sub" / "alias-up.txt").symlink_to("../real.txt")
    (share / "absolute.txt").symlink_to(share / "real.txt")
    (share / "chain.txt").symlink_to("alias.txt")
    (share / "a-folder-link").symlink_to("sub")
    (share / "to-outside.txt").symlink_to(outside / "secret.txt")
    (share / "to-outside-folder").symlink_to(outside)
    (share / "escape-via-folder.txt").symlink_to("to-outside-folder/secret.txt")
    return share


def scan_rows(share: Path, out: Path, *options: str) -> dict[str, dict]:
    result = run_cli("scan", str(share), "--out", str(out), "--quiet", "--workers", "1", *options)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {row["location"][len(str(share)) + 1:]: row for row in rows}


def outcome(row: dict) -> tuple[str, str, dict]:
    return row["status"], row["reason"], row["entities"]


@pytest.mark.parametrize("follow", [True, False], ids=["follow-symlinks", "default"])
def test_links_inside_the_root_are_read_only_when_followed(tmp_path, follow):
    share = build_share(tmp_path)
    rows = scan_rows(share, tmp_path / "out", *(["--follow-symlinks"] if follow else []))
    found = outcome(rows["real.txt"])  # a followed link finds what its target holds
    assert found[:2] == ("scanned", "") and found[2]["UK_NHS"] == 1
    outside = ("skipped", "symlink points outside the scanned root", {})
    not_followed = ("skipped", "symlink not followed", {})
    expected = {
        "real.txt": found,
        "sub/plain.txt": ("scanned", "", {}),
        "alias.txt": found if follow else not_followed,
        "sub/alias-up.txt": found if follow else not_followed,
        "absolute.txt": found if follow else not_followed,
        "chain.txt": found if follow else not_followed,
        "a-folder-link": ("skipped", "symlink to a folder inside the root: listed at its own "
                          "path", {}) if follow else not_followed,
        "to-outside.txt": outside if follow else not_followed,
        "to-outside-folder": outside if follow else not_followed,
        "escape-via-folder.txt": outside if follow else not_followed,
    }
    assert {name: outcome(row) for name, row in rows.items()} == expected
