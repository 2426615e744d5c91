"""SMB source against a real smbd started by the test setup."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from phiscan.config import Config
from phiscan.scan.runner import run_scan
from phiscan.sources.smb import SmbSource
from tests.conftest import all_files_under
from tests.servers import SMB_PASSWORD, SMB_USER, SmbReadBlackhole
from tests.source_fixtures import rows_by_location

pytestmark = pytest.mark.usefixtures("reuse_detector")


def guest_config() -> Config:
    config = Config()
    config.scan.workers = 1
    config.smb.require_signing = False  # guest sessions cannot sign
    return config


def test_walk_globs_single_file_and_no_credentials_in_locations(samba):
    config = guest_config()
    config.scan.include = ["*.csv", "letters/*.zip"]
    source = SmbSource(f"smb://guest@127.0.0.1:{samba.port}/parity", config)
    items = list(source.walk())
    single = SmbSource(
        f"smb://guest@127.0.0.1:{samba.port}/parity/exports/rota-week-48.csv", guest_config())
    (only,) = list(single.walk())
    data = single.read(only, 10)
    source.close()
    single.close()

    root = f"smb://127.0.0.1:{samba.port}/parity"
    assert [item.location for item in items] == [
        f"{root}/exports/rota-week-48.csv", f"{root}/letters/appointment-letters.zip"]
    assert all(item.root == root and item.skip_reason is None for item in items)
    assert only.location == f"{root}/exports/rota-week-48.csv"
    assert data == b"client_name"  # max_bytes + 1 bytes: the caller can tell it is larger


def test_reparse_points_are_not_followed(samba):
    source = SmbSource(f"smb://guest@127.0.0.1:{samba.port}/links", guest_config())
    items = list(source.walk())
    source.close()

    root = f"smb://127.0.0.1:{samba.port}/links"
    assert [(item.location, item.skip_reason) for item in items] == [
        (f"{root}/elsewhere", "reparse point (link) not followed"),
        (f"{root}/plain.txt", None),
    ]


def test_permission_faults_with_password_signing_and_encryption(samba, tmp_path, monkeypatch):
    monkeypatch.setenv("PHISCAN_SMB_PASSWORD", SMB_PASSWORD)
    config = Config()
    config.scan.workers = 1
    config.smb.require_signing = True
    config.smb.encrypt = True

    outcome = run_scan([f"smb://{SMB_USER}@127.0.0.1:{samba.port}/restricted"], tmp_path / "out",
                       config)

    assert outcome.summary["run"]["status"] == "completed"
    root = f"smb://127.0.0.1:{samba.port}/restricted"
    rows = rows_by_location(tmp_path / "out")
    assert {location: (row["status"], row["reason"]) for location, row in rows.items()} == {
        f"{root}/open.txt": ("scanned", ""),
        f"{root}/locked.txt": ("error", "access denied"),
        f"{root}/locked-dir": ("skipped", "directory not readable: access denied"),
    }
    for path in all_files_under(tmp_path / "out"):
        assert SMB_PASSWORD.encode() not in path.read_bytes()


def test_wrong_password_leaves_the_scan_incomplete_without_printing_it(samba, tmp_path):
    env = {**__import__("os").environ, "PHISCAN_SMB_PASSWORD": "wrong-secret-password",
           "PHISCAN_SMB_USERNAME": SMB_USER}
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", f"smb://127.0.0.1:{samba.port}/restricted",
         "--out", str(tmp_path / "out"), "--workers", "1"],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert result.returncode == 3
    assert (f"source unavailable: smb://127.0.0.1:{samba.port}/restricted (cannot connect to "
            f"smb://127.0.0.1:{samba.port}/restricted: logon failure)") in result.stderr
    for stream in (result.stdout, result.stderr):
        assert "wrong-secret-password" not in stream
    for path in all_files_under(tmp_path / "out"):
        assert b"wrong-secret-password" not in path.read_bytes()


def test_server_side_link_loops_end_with_a_row(samba, tmp_path):
    """smbd follows `loop -> .` itself, so the client sees endless plain folders: the walk
    stops each loop at the first folder that is one above it again (FileId and listing),
    and bounds depth; the run ends."""
    config = tmp_path / "phiscan.toml"
    config.write_text("[smb]\nrequire_signing = false\nmax_depth = 3\n")
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", f"smb://guest@127.0.0.1:{samba.port}/loops",
         "--out", str(tmp_path / "out"), "--workers", "1", "--config", str(config), "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    root = f"smb://127.0.0.1:{samba.port}/loops"
    rows = rows_by_location(tmp_path / "out")
    assert {location[len(root) + 1:]: (row["status"], row["reason"])
            for location, row in rows.items()} == {
        "loop": ("skipped", "folder loop"),
        "note.txt": ("scanned", ""),
        "team/back": ("skipped", "folder loop"),
        "team/visit.txt": ("scanned", ""),
        "deep/l1/l2/l3": ("skipped", "folder deeper than max_depth (3)"),
    }


def test_an_smb_read_that_never_answers_meets_the_per_file_timeout(samba, tmp_path):
    """The read is part of the file: smbprotocol waits for a READ answer without a time
    limit, so a server that never answers must be cut by the per-file deadline."""
    config = tmp_path / "phiscan.toml"
    config.write_text("[smb]\nrequire_signing = false\n[limits]\nper_file_timeout_seconds = 4\n")
    with SmbReadBlackhole(samba.port) as hole:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "phiscan", "scan", f"smb://guest@127.0.0.1:{hole.port}/links",
             "--out", str(tmp_path / "out"), "--workers", "1", "--config", str(config),
             "--quiet"], capture_output=True, text=True, timeout=300)
        elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    root = f"smb://127.0.0.1:{hole.port}/links"
    rows = rows_by_location(tmp_path / "out")
    assert {location[len(root) + 1:]: (row["status"], row["reason"])
            for location, row in rows.items()} == {
        "elsewhere": ("skipped", "reparse point (link) not followed"),
        "plain.txt": ("error", "timeout: over per_file_timeout_seconds (while reading)"),
    }
    assert hole.dropped >= 1
    assert elapsed < 4 + 40  # start-up and one deadline, not a wait without end
    # The LSA pipe's answers are READs too: the name lookup is given up after its own
    # 10 s, the walk goes on, and the exposure names principals by SID instead.
    assert (rows[f"{root}/plain.txt"]["exposure"],
            rows[f"{root}/plain.txt"]["exposure_principals"]) == (
        "broad", ["S-1-22-1-0", "S-1-22-2-0", "Everyone"])


def test_files_whose_names_lie_are_read_by_what_they_are(samba, tmp_path):
    run_scan([f"smb://guest@127.0.0.1:{samba.port}/mislabelled"], tmp_path / "out",
             guest_config())

    rows = rows_by_location(tmp_path / "out")
    root = f"smb://127.0.0.1:{samba.port}/mislabelled"
    assert {name: (rows[f"{root}/{name}"]["status"], rows[f"{root}/{name}"]["reason"],
                   rows[f"{root}/{name}"]["entities"])
            for name in ("patients.csv", "report.txt", "invoice.pdf")} == {
        "patients.csv": ("scanned", "", {"PERSON": 1, "UK_NHS": 1}),  # an xlsx
        "report.txt": ("scanned", "no text found", {}),  # an image-only PDF
        "invoice.pdf": ("scanned", "", {"PERSON": 1, "UK_NHS": 1}),  # a docx
    }
