"""End to end through the real CLI on the bundled sample share."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from phiscan.synthetic.demo_share import build_sample_share, spaced
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values, snapshot_tree


@pytest.fixture(scope="module")
def sample_scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("share")
    out = tmp_path_factory.mktemp("out") / "inventory"
    people = build_sample_share(share, every_format=True)
    before = snapshot_tree(share)
    result = run_cli("scan", str(share), "--out", str(out))
    return share, out, people, before, result


def test_scan_completes_and_writes_the_contract(sample_scan):
    share, out, people, _before, result = sample_scan
    assert result.returncode == 0, result.stderr
    names = {path.name for path in out.iterdir()}
    assert {"inventory.sqlite", "files.jsonl", "files.csv", "summary.json"} <= names
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    by_location = {row["location"]: row for row in rows}
    zip_path = str(share / "letters" / "appointment-letters.zip")
    members = [loc for loc in by_location if loc.startswith(zip_path + "!")]
    assert len(members) == 4
    assert all(by_location[member]["status"] == "scanned" for member in members)
    for row in rows:
        assert set(row) == {"location", "status", "reason", "size", "chars", "modified", "entities",
                            "special_category", "categories", "risk", "exposure",
                            "exposure_principals", "exposure_reason"}
    summary = json.loads((out / "summary.json").read_text())
    assert summary["entities"]["UK_NHS"] > 0
    assert summary["entities"]["HOME_ACCESS"] > 0
    assert summary["status"] == {"scanned": len(rows), "skipped": 0, "error": 0}


def test_outputs_are_private(sample_scan):
    _share, out, _people, _before, _result = sample_scan
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_no_raw_identifier_in_any_output(sample_scan):
    _share, out, people, _before, result = sample_scan
    raw = []
    for person in people:
        raw += [person.nhs_number, spaced(person.nhs_number), person.dob, person.name,
                person.keysafe_code]
    assert_no_raw_values(out, raw)
    for stream in (result.stdout, result.stderr):
        for value in raw:
            assert value not in stream


def test_sources_are_untouched(sample_scan):
    share, _out, _people, before, _result = sample_scan
    assert snapshot_tree(share) == before


def test_missing_source_is_a_usage_error(tmp_path):
    result = run_cli("scan", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2


def test_bad_config_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[scan]\nmax_file_bytes = 'big'\n")
    result = run_cli("scan", str(tmp_path), "--out", str(tmp_path / "out"), "--config", str(bad))
    assert result.returncode == 2
    assert "max_file_bytes" in result.stderr


def test_a_folder_or_unreadable_config_is_one_usage_line(tmp_path):
    """A folder, a file that is not UTF-8 or one that cannot be opened is exit 2 with one
    line naming the config, never an internal error."""
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe[scan]\n")
    for config in (tmp_path, binary):
        result = run_cli("scan", str(tmp_path), "--out", str(tmp_path / "out"), "--config",
                         str(config))
        assert result.returncode == 2, result.stderr
        assert "internal error" not in result.stderr
        assert "config" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("phiscan ")


def test_fail_on_findings_exit_code(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(
        "Patient Jane Smith, NHS number 943 476 5919, DOB 12/03/1941. "
        "Diagnosis: type 2 diabetes. Medication: metformin.\n")
    result = run_cli("scan", str(share), "--out", str(tmp_path / "out"), "--fail-on-findings",
                     "--quiet")
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    expected = 1 if summary["special_category_locations"] else 0
    assert result.returncode == expected


def test_config_example_matches_defaults():
    from dataclasses import asdict

    from phiscan.config import Config, load_config

    root = Path(__file__).parent.parent
    assert asdict(load_config(root / "config.example.toml")) == asdict(Config())
    packaged = root / "phiscan" / "data" / "config.example.toml"
    assert packaged.read_text() == (root / "config.example.toml").read_text()


def test_a_config_holding_a_secret_must_be_private(tmp_path):
    """`init-config` writes 0600; a config that sets `[security] hmac_key` and others can
    read is refused like a shared key file, naming the setting and never its value."""
    config = tmp_path / "phiscan.toml"
    assert run_cli("init-config", str(config)).returncode == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    secret = "5f1c" * 16
    config.write_text(config.read_text().replace('hmac_key = ""', f'hmac_key = "{secret}"', 1))
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text("nothing here\n")
    config.chmod(0o644)
    refused = run_cli("scan", str(share), "--out", str(tmp_path / "out"), "--config",
                      str(config), "-q")
    assert refused.returncode == 2
    assert "[security] hmac_key" in refused.stderr and "mode 0644" in refused.stderr
    assert secret not in refused.stderr + refused.stdout
    config.chmod(0o600)
    accepted = run_cli("scan", str(share), "--out", str(tmp_path / "out"), "--config",
                       str(config), "-q")
    assert accepted.returncode == 0, accepted.stderr
