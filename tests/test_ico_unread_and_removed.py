"""What the ICO draft and the report leave out, said where a responder reads them (session
17 trial, a hospice's DPO): a location holding health data about no counted person gets
its own "check before sending" line even when the category has people elsewhere; a
location listed but not read (an encrypted workbook) is listed and the completeness
sentence no longer says every location was read; after containment (an object deleted,
the same folder rescanned) the figures say how many people were only in what was removed.
Real files, scanned and reported by the CLI."""

from __future__ import annotations

import json
import struct

import pytest

from phiscan.synthetic.formats import build_cfb
from tests.cli import run_cli

STAYS = ("St Aidan's Hospice - nursing note\nPatient: Agnes Ackroyd\nDOB: 14/03/1936\n"
         "NHS Number: 943 476 5919\nDiagnosis: metastatic lung cancer. Morphine 30mg/24h.\n")
REMOVED = ("St Aidan's Hospice - nursing note\nPatient: Bernard Brearley\nDOB: 02/11/1941\n"
           "NHS Number: 401 023 2137\nDiagnosis: motor neurone disease. Riluzole 50mg.\n")
LETTERS = ("Dear Mrs Cockcroft,\nWe were so sorry to hear of Cyril's death. His pancreatic "
           "cancer and the morphine pump were hard for you both.\nBereavement team\n")


def biff_record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


# An Excel 5/95 workbook with a FILEPASS record: a password is needed to read it.
ENCRYPTED_XLS = build_cfb({"Book": biff_record(0x0809, b"\x00\x05\x05\x00" + b"\x00" * 4)
                           + biff_record(0x002F, b"\x34\x12\x78\x56") + biff_record(0x000A)})


@pytest.fixture(scope="module")
def contained(tmp_path_factory):
    """Scanned, the removed patient's note deleted (containment), rescanned in place."""
    root = tmp_path_factory.mktemp("hospice")
    share, out = root / "exports", root / "out"
    (share / "ipu").mkdir(parents=True)
    (share / "bereavement").mkdir()
    (share / "finance").mkdir()
    (share / "ipu" / "note-ackroyd.txt").write_text(STAYS)
    (share / "ipu" / "note-brearley.txt").write_text(REMOVED)
    (share / "bereavement" / "letter-cockcroft-01.txt").write_text(LETTERS)
    (share / "finance" / "claims.xls").write_bytes(ENCRYPTED_XLS)
    for _ in range(2):
        scanned = run_cli("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")
        assert scanned.returncode == 0, scanned.stderr
        (share / "ipu" / "note-brearley.txt").unlink(missing_ok=True)
    reported = run_cli("report", str(out), "--ico", "--format", "json")
    assert reported.returncode == 0, reported.stderr
    text = run_cli("report", str(out))
    assert text.returncode == 0, text.stderr
    return (share, json.loads(reported.stdout), json.loads((out / "ico-art33.json").read_text()),
            (out / "ico-art33.md").read_text(), " ".join(text.stdout.split()))


def test_removed_locations_and_their_people_are_stated(contained):
    _share, report, figures, markdown, text = contained
    assert report["individuals"]["total"] == 1
    assert report["completeness"]["removed"] == {"locations": 1, "people_only_there": 1}
    assert figures["completeness"]["removed"] == {"locations": 1, "people_only_there": 1}
    assert ("1 location(s) with personal data that an earlier scan read have since been "
            "removed and are not counted here; 1 people were found only in them. For the "
            "breach's figures, report on the scan taken before containment.") \
        in report["completeness"]["statement"]
    assert markdown.splitlines()[2].startswith("**Every source of the scan was listed. ")
    assert text.startswith("Every source of the scan was listed. 1 location(s) were not read")


def test_a_location_not_read_is_listed_and_the_statement_says_so(contained):
    share, report, figures, markdown, _text = contained
    assert report["completeness"]["status"] == "complete"
    assert report["completeness"]["locations_not_read"] == 1
    assert report["completeness"]["statement"].startswith(
        "Every source of the scan was listed. 1 location(s) were not read (skipped: "
        "encrypted (password required): 1)")
    not_read = figures["locations"]["not_read"]
    assert not_read["by_reason"] == {"skipped: encrypted (password required)": 1}
    assert [item["location"] for item in not_read["locations"]] == [
        f"{share}/finance/c*****.xls"]
    assert "## Locations not read" in markdown
    assert "- skipped: encrypted (password required): 1" in markdown


def test_health_data_about_no_counted_person_is_flagged_per_location(contained):
    share, report, figures, markdown, _text = contained
    assert report["individuals"]["by_category"]["health"] == 1  # the category has a person
    uncounted = figures["locations"]["sensitive_without_people"]
    assert uncounted["total"] == 1
    assert [item["location"] for item in uncounted["locations"]] == [
        f"{share}/bereavement/l*****-c********-01.txt"]
    assert "**Check before sending**: 1 location(s) hold Health data about people" in markdown
    assert "Cockcroft" not in markdown and "Cockcroft" not in json.dumps(figures)
