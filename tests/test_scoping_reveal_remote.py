"""`--reveal` re-reads S3 objects and SMB files through the scan's own sources."""

from __future__ import annotations

import csv
import json

import pytest

from phiscan.config import Config
from phiscan.inventory.store import Inventory
from phiscan.scan.runner import run_scan
from phiscan.scoping.individuals_csv import own_values, person_value_keys
from phiscan.scoping.report import load_scope
from phiscan.scoping.reveal import reveal_values
from phiscan.synthetic.demo_share import spaced
from tests.cli import run_cli
from tests.source_fixtures import parity_config, upload_tree

KEY = b"test-key-not-secret"


def visit_note_numbers(share) -> list[str]:
    return sorted(
        line.split(": ", 1)[1]
        for path in (share / "care-notes").glob("visit-*.txt")
        for line in path.read_text().splitlines() if line.startswith("NHS number: ")
    )


def reveal_all(source_uri: str, out, config, reveal_config=None) -> tuple[list[str], int]:
    # a relative glob matches from any folder down: the sample's care notes, not the
    # other formats' copy of that folder (formats/care-notes)
    config.scan.include = ["care-notes/*"]
    config.scan.exclude = ["formats"]
    outcome = run_scan([source_uri], out, config)
    assert outcome.summary["run"]["status"] == "completed"
    people = load_scope(out).individuals
    keys = [person_value_keys(person) for person in people]
    revealed = reveal_values(out, keys, KEY, reveal_config or config)
    numbers = sorted(own_values(person, revealed.values)[value_hash] for person in people
                     for value_hash in person.nhs)
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


def test_reveal_reopens_s3_at_the_endpoint_the_scan_recorded(parity_share, s3_admin,
                                                             moto_endpoint, tmp_path):
    """No endpoint in the reveal's config: the run's recorded one, never AWS's default."""
    upload_tree(s3_admin, "reveal-recorded", "drive", parity_share)
    config = parity_config()
    config.s3.endpoint_url, config.s3.region = moto_endpoint, "eu-west-2"
    out = tmp_path / "out"
    numbers, failed = reveal_all("s3://reveal-recorded/drive", out, config, Config())

    assert failed == 0
    assert numbers == visit_note_numbers(parity_share)
    with Inventory(out, readonly=True) as inventory:
        (run,) = inventory.runs()
    assert json.loads(run["options"])["connections"] == {
        "s3://reveal-recorded/drive": {"endpoint_url": moto_endpoint, "region": "eu-west-2"}}


def test_reveal_reopens_smb_with_the_signing_the_scan_recorded(parity_share, samba, tmp_path):
    config = parity_config()
    config.smb.require_signing = False  # guest sessions cannot sign
    uri = f"smb://guest@127.0.0.1:{samba.port}/parity"
    numbers, failed = reveal_all(uri, tmp_path / "out", config, Config())

    assert failed == 0
    assert numbers == visit_note_numbers(parity_share)


NOTES = {"a.txt": "Patient: Jane Smith\nNHS number: 943 476 5919\nDate of birth: 12/03/1951\n"
                  "Diagnosis: type 2 diabetes.\n",
         "b.txt": "Patient: Robert Owens\nNHS number: 401 023 2137\nDate of birth: 04/11/1948\n"
                  "Diagnosis: COPD.\n"}


def test_a_reveal_that_cannot_reread_a_location_says_so_and_exits_3(s3_admin, moto_endpoint,
                                                                     aws_test_env, tmp_path):
    s3_admin.create_bucket(Bucket="reveal-cli")
    for name, text in NOTES.items():
        s3_admin.put_object(Bucket="reveal-cli", Key=name, Body=text.encode())
    out, export = tmp_path / "out", tmp_path / "people.csv"
    scanned = run_cli("scan", "s3://reveal-cli", "--out", str(out), "--endpoint-url",
                      moto_endpoint, "--workers", "1", "--quiet")
    assert scanned.returncode == 0, scanned.stderr

    revealed = run_cli("individuals", str(out), "--export", str(export), "--reveal")
    assert revealed.returncode == 0, revealed.stderr
    assert revealed.stderr.splitlines()[0] == (  # one line, whole
        "reveal: 6 values recovered from 2 locations; logged in the inventory.")
    assert "wrote 2 individuals" in revealed.stderr

    s3_admin.delete_object(Bucket="reveal-cli", Key="b.txt")
    partial = run_cli("individuals", str(out), "--export", str(export), "--reveal")
    assert partial.returncode == 3, partial.stderr
    assert ("reveal: 1 locations could not be re-read: their people's values are missing "
            "(column reveal_note says which and why); exit 3.") in partial.stderr.splitlines()
    with export.open(newline="") as handle:
        rows = {row["nhs_number"]: row["reveal_note"] for row in csv.DictReader(handle)}
    assert rows["943 476 5919"] == ""
    assert rows[""].startswith("not re-read: s3://reveal-cli/b.txt")


@pytest.mark.parametrize("typed", ["smb://alice@files:445/care/", "smb://FILES/care"])
def test_reveal_finds_a_sources_settings_however_its_uri_was_typed(typed, tmp_path,
                                                                   monkeypatch):
    from phiscan.config import Config
    from phiscan.scoping import reveal

    def unreachable(uri: str, config: Config) -> None:
        raise OSError("not opened in this test")

    monkeypatch.setattr(reveal, "open_source", unreachable)
    revealer = reveal.Revealer(tmp_path, b"k" * 32, Config())
    revealer.add_sources({typed: {"port": 445}})
    recorded = revealer.config_for("smb://files/care/notes/a.txt")
    assert recorded is not revealer.config and recorded.smb.port == 445
    assert revealer.config_for("smb://files/carehome/a.txt") is revealer.config


def test_reveal_reads_a_file_only_for_values_not_yet_recovered(tmp_path, monkeypatch, capsys):
    """Two letters name two patients; an export lists both again: the export is not
    re-read, and a long reveal says how far it is on stderr."""
    from phiscan.scoping import reveal

    share = tmp_path / "share"
    share.mkdir()
    patients = [("Ingrid Haugen", "401 023 2137"), ("Kwame Brennan", "943 476 5919")]
    for number, (name, nhs) in enumerate(patients):
        (share / f"letter-{number}.txt").write_text(
            f"Dear Dr Hale,\nRe: {name}, NHS number {nhs}\nSeen in clinic today.\n")
    rows = "".join(f"{name},{nhs},Ward {row % 4}\n" for row in range(500)
                   for name, nhs in patients)
    (share / "pas-export.csv").write_text("patient_name,nhs_number,ward\n" + rows)
    config = Config()
    config.scan.workers = 1
    run_scan([str(share)], tmp_path / "out", config)
    people = load_scope(tmp_path / "out").individuals
    keys = [person_value_keys(person) for person in people]
    monkeypatch.setattr(reveal, "PROGRESS_SECONDS", 0.0)

    revealed = reveal_values(tmp_path / "out", keys, KEY, config)

    assert sorted(own_values(person, revealed.values)[value_hash] for person in people
                  for value_hash in person.nhs) == [nhs for _name, nhs in patients]
    assert (revealed.locations_read, revealed.locations_not_needed,
            revealed.locations_failed) == (2, 1, 0)
    assert capsys.readouterr().err.splitlines()[-1].startswith("reveal: 2 of 3 files done")


def test_reveal_from_s3_gives_each_person_their_own_name(s3_admin, moto_endpoint, tmp_path):
    """Two Marys whose double surnames end alike, in a bucket: each row is revealed with
    her own name, never the other's (one value per name key across the scan, before)."""
    from phiscan.scoping.individuals_csv import recovery_order, revealed_row

    share = tmp_path / "share"
    share.mkdir()
    (share / "a.txt").write_text("Patient: Mary Smith-Jones\nDOB: 02/03/1944\n"
                                 "NHS Number: 401 023 2137\nDiagnosis: heart failure.\n")
    (share / "b.txt").write_text("Patient: Mary Brown-Jones\nDOB: 11/12/1950\n"
                                 "NHS Number: 492 848 7753\nDiagnosis: COPD.\n")
    upload_tree(s3_admin, "marys", "ward", share)
    config = Config()
    config.scan.workers = 1
    config.s3.endpoint_url = moto_endpoint
    out = tmp_path / "out"
    assert run_scan(["s3://marys/ward"], out, config).summary["run"]["status"] == "completed"
    people = load_scope(out).individuals
    revealed = reveal_values(out, [person_value_keys(person) for person in people], KEY, config)
    order = recovery_order(revealed.values)
    rows = [revealed_row(person, revealed.values, {}, order) for person in people]
    assert sorted((row["name"], row["date_of_birth"], row["nhs_number"]) for row in rows) == [
        ("Mary Brown-Jones", "11/12/1950", "492 848 7753"),
        ("Mary Smith-Jones", "02/03/1944", "401 023 2137")]
