"""A row that is several people is never silent (issue 15): a person carrying more than
`[scoping] max_person_keys` different dates of birth or NHS numbers is a linkage fault,
kept as linked, marked in the export (`linkage_fault`) and counted in the report, its
ICO figures and the text report, so a responder checks it before writing to anyone.

Built through a real shape: a school nurse's list where three siblings were given their
mother's NHS number (a data-entry error), so one number links three children.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import export_individuals, run_cli, scanned_share

SCHOOL_LIST = "\n".join([
    "Pupil,DOB,NHS number,Year,Parent/carer",
    "Ruby Ainsworth,04/05/2015,450 535 6825,Y6,Claire Ainsworth",
    "Jack Ainsworth,19/11/2016,450 535 6825,Y4,Claire Ainsworth",
    "Evie Ainsworth,02/02/2018,450 535 6825,Y3,Claire Ainsworth",
    "Theo Lambert,30/06/2015,672 427 4869,Y6,Sam Lambert",
]) + "\n"
RAW = ["Ainsworth", "Lambert", "450 535 6825", "4505356825", "04/05/2015"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "faults",
                         {"school_nursing/year_groups_height_weight.csv": SCHOOL_LIST})


def report_json(out: Path, *extra: str) -> dict:
    result = run_cli("report", str(out), "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_export_marks_the_row_of_several_people(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    # which sibling's name is the row's is a tie: the row is the fault
    assert sorted((sorted(filter(None, [row["name"], *row["other_names"].split("; ")])),
                   row["date_of_birth"].count(";") + 1, row["linkage_fault"])
                  for row in rows) == [
        (["Evie Ainsworth", "Jack Ainsworth", "Ruby Ainsworth"], 3, "3 dates of birth"),
        (["Theo Lambert"], 1, ""),
    ]


def test_the_report_counts_and_lists_the_fault_without_a_value(scanned):
    report = report_json(scanned)
    people = report["individuals"]
    assert (people["total"], people["linkage_faults"], people["people_in_linkage_faults"]) == (
        2, 1, 3)
    # the row is counted once in the total and as up to its 3 people in the upper bound
    assert (people["lower_bound"], people["upper_bound"]) == (2, 4)
    [fault] = report["linkage_faults"]
    assert {key: fault[key] for key in ("fault", "dates_of_birth", "nhs_numbers", "records",
                                        "locations")} == {
        "fault": "3 dates of birth", "dates_of_birth": 3, "nhs_numbers": 1, "records": 3,
        "locations": 1}
    assert (fault["identities"], fault["nhs_numbers_for_several_people"]) == (3, 1)
    assert report["data_quality"] == {"nhs_numbers_for_several_people": 1,
                                      "local_ids_for_several_people": 0}
    assert fault["id"].startswith("P-")
    text = json.dumps(report)
    assert not any(value in text for value in RAW)


def test_a_responder_sees_it_in_the_text_report_and_the_ico_figures(scanned):
    result = run_cli("report", str(scanned), "--ico")
    assert result.returncode == 0, result.stderr
    faults_line = next(line for line in result.stdout.splitlines() if "LINKAGE FAULTS" in line)
    assert faults_line.rstrip(" │").endswith(" 1")
    ico = json.loads((scanned / "ico-art33.json").read_text())
    assert (ico["data_subjects"]["linkage_faults"],
            ico["data_subjects"]["people_in_linkage_faults"]) == (1, 3)
    assert "**check before sending**: 1 of these rows" in (scanned / "ico-art33.md").read_text()
    assert not any(value in result.stdout for value in RAW)


# The limit bounds dates of birth and numbers; three siblings are three identities (names
# and dates of birth of three people), a fault at any limit but 0 (off).
@pytest.mark.parametrize(("limit", "faults"), [(0, 0), (3, 1), (4, 1), (2, 1), (1, 1)])
def test_the_limit_is_configurable(scanned, tmp_path, limit, faults):
    config = tmp_path / "phiscan.toml"
    config.write_text(f"[scoping]\nmax_person_keys = {limit}\n")
    assert report_json(scanned, "--config", str(config))["individuals"]["linkage_faults"] == (
        faults)
