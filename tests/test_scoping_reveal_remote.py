"""`--reveal` re-reads S3 objects and SMB files through the scan's own sources."""

from __future__ import annotations

import pytest

from phiscan.scan.runner import run_scan
from phiscan.scoping.individuals_csv import ROLES
from phiscan.scoping.report import load_scope
from phiscan.scoping.reveal import reveal_values
from phiscan.synthetic.demo_share import spaced
from tests.source_fixtures import parity_config, upload_tree

KEY = b"test-key-not-secret"


def visit_note_numbers(share) -> list[str]:
    return sorted(
        line.split(": ", 1)[1]
        for path in (share / "care-notes").glob("visit-*.txt")
        for line in path.read_text().splitlines() if line.startswith("NHS number: ")
    )


def reveal_all(source_uri: str, out, config) -> tuple[list[str], int]:
    # a relative glob matches from any folder down: the sample's care notes, not the
    # other formats' copy of that folder (formats/care-notes)
    config.scan.include = ["care-notes/*"]
    config.scan.exclude = ["formats"]
    outcome = run_scan([source_uri], out, config)
    assert outcome.summary["run"]["status"] == "completed"
    people = load_scope(out).individuals
    hashes = {value_hash for person in people for record in person.records
              for role in ROLES for value_hash in getattr(record, role)}
    revealed = reveal_values(out, hashes, KEY, config)
    nhs_hashes = {value_hash for person in people for value_hash in person.nhs}
    numbers = sorted(revealed.values[value_hash] for value_hash in nhs_hashes)
    return numbers, revealed.locations_failed


@pytest.fixture(autouse=True)
def scan_key(monkeypatch):
    monkeypatch.setenv("PHISCAN_HMAC_KEY", KEY.decode())


def test_reveal_from_s3(parity_share, s3_admin, moto_endpoint, tmp_path):
    upload_tree(s3_admin, "reveal", "drive", parity_share)
    config = parity_config()
    config.s3.endpoint_url = moto_endpoint
    numbers, failed = reveal_all("s3://reveal/drive", tmp_path / "out", config)
    assert failed == 0
    assert numbers == visit_note_numbers(parity_share)
    assert len(numbers) == 8 and spaced(numbers[0].replace(" ", "")) == numbers[0]


def test_reveal_from_smb(parity_share, samba, tmp_path):
    config = parity_config()
    config.smb.require_signing = False  # guest sessions cannot sign
    numbers, failed = reveal_all(f"smb://guest@127.0.0.1:{samba.port}/parity", tmp_path / "out",
                                 config)
    assert failed == 0
    assert numbers == visit_note_numbers(parity_share)
