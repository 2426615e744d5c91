"""`phiscan report` through the real CLI on the bundled sample share."""

from __future__ import annotations

import json
import stat

import pytest

from phiscan.synthetic.demo_share import build_sample_share, spaced
from tests.cli import run_cli, scan_quietly
from tests.conftest import assert_no_raw_values


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("share")
    out = tmp_path_factory.mktemp("out") / "inventory"
    people = build_sample_share(share)
    scan_quietly(share, out)
    return out, people


def raw_values(people) -> list[str]:
    values = []
    for person in people:
        values += [person.nhs_number, spaced(person.nhs_number), person.name, person.dob,
                   person.postcode, person.keysafe_code, person.surname]
    return values


def test_report_json_has_the_documented_schema(scanned):
    out, _people = scanned
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "phiscan.report/2"
    assert set(report) == {"schema", "phiscan_version", "generated_at", "completeness",
                           "individuals",
                           "records", "staff", "linkage_faults", "data_quality", "test_data",
                           "locations", "entities", "top_locations", "exposure", "policy",
                           "method"}
    assert {"total", "lower_bound", "upper_bound", "with_special_category",
            "with_home_access", "with_nhs_number"} <= set(report["individuals"])
    people = report["individuals"]
    assert people["lower_bound"] <= people["total"] <= people["upper_bound"]
    # every sample person has a real NHS number; 16 of them have a key-safe note
    assert people["with_home_access"] == 16
    assert report["locations"]["total"] == 20


def test_report_writes_private_ico_and_html_without_raw_values(scanned):
    out, people = scanned
    result = run_cli("report", str(out), "--ico", "--html")
    assert result.returncode == 0, result.stderr
    assert "people affected" in result.stdout
    for name in ("ico-art33.md", "ico-art33.json", "report.html"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    html = (out / "report.html").read_text()
    assert "<svg" in html and "<script" not in html and "http" not in html.replace(
        "http://www.w3.org/2000/svg", "")
    ico = json.loads((out / "ico-art33.json").read_text())
    assert ico["data_subjects"]["with_entry_details"] == 16
    assert_no_raw_values(out, raw_values(people))


def test_report_on_a_folder_without_inventory_is_a_usage_error(tmp_path):
    result = run_cli("report", str(tmp_path))
    assert result.returncode == 2
    assert "no inventory" in result.stderr


def test_the_ico_draft_says_special_category_when_no_person_could_be_counted(tmp_path):
    """A note naming a patient without a date of birth counts no data subject; its health
    data and key-safe code were still exposed, and the draft must say so."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "visit.txt").write_text(
        "Visit to Mrs Edna Pargeter this morning. Advanced dementia and diabetes, on "
        "insulin.\nKey safe code 4 4 1 9 by the front door.\n")
    scan_quietly(share, out)
    assert run_cli("report", str(out), "--ico").returncode == 0
    ico = json.loads((out / "ico-art33.json").read_text())
    assert ico["data_subjects"]["approximate_number"] == 0
    assert ico["special_category_data"] is True
    assert ico["locations"]["by_category"] == {"health": 1, "home_access": 1,
                                               "identifiers": 1}
    markdown = (out / "ico-art33.md").read_text()
    assert "Special-category data: **yes**" in markdown
    assert "| Health data (conditions, medications, clinical codes) | 0 | 1 | yes |" in markdown
    assert ("**Check before sending**: 1 location(s) hold Health data; Home-access details "
            "about people this method could not count") in markdown
    assert_no_raw_values(out, ["Edna", "Pargeter", "4 4 1 9", "4419"])


def test_a_rescan_removes_the_report_files_of_the_inventory_before_it(tmp_path):
    """Figures left from last week's report beside this week's inventory could be sent to
    the ICO: a scan into the folder removes the report files phiscan wrote there, and says
    so; files it did not write stay."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "note.txt").write_text("Patient Mrs Ada Lovell, NHS 943 476 5919, has asthma.\n")
    scan_quietly(share, out)
    assert run_cli("report", str(out), "--ico", "--html").returncode == 0
    (out / "responder-notes.md").write_text("ours\n")
    (share / "note2.txt").write_text("Patient Mr Ben Lovell, NHS 401 023 2137, has COPD.\n")
    rescan = run_cli("scan", str(share), "--out", str(out))
    assert rescan.returncode == 0, rescan.stderr
    assert not any((out / name).exists()
                   for name in ("ico-art33.md", "ico-art33.json", "report.html"))
    assert (out / "responder-notes.md").read_text() == "ours\n"
    assert "report --ico/--html again" in (out / "phiscan.log").read_text()
