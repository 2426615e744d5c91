"""An HR sickness-absence sheet, a record keyed by Scottish and Northern Irish health
numbers, and the time format of the exports, through `phiscan scan` on real files
(issues 14, 15: the IG trial of session 20, docs/history/session-20-ig-fix.md)."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
from datetime import UTC, datetime

import openpyxl
import pytest

from phiscan.synthetic.corpus import chi_number, hcn_number
from tests.cli import export_individuals, key, report_json, scan_quietly

# A staff member's sickness absence and its reason, as an HR sheet records it: every class
# of reason (an operation, stress and mental health, an injury, pregnancy) is health data
# about the named employee. `Colin Holt` and `Keith Holt` are names spaCy alone misses in
# such a row (the `Employee` column says it is a name).
ABSENCES = [
    ("Colin Holt", "14/12/1957", "post-operative recovery (hip replacement)"),
    ("Keith Holt", "19/10/1951", "stress at work"),
    ("Yvonne Hindle", "13/08/1940", "broken wrist"),
    ("Priya Brierley", "18/07/1949", "pregnancy-related illness"),
    ("Gillian Haworth", "01/04/1954", "work-related stress"),
    ("Barry Whittaker", "22/01/1974", "knee surgery"),
    ("Niamh Kershaw", "02/05/1984", "morning sickness"),
]


MODIFIED = 1796230682.74  # the sheet's modification time, 2026-12-02 16:58:02.74 UTC


def sickness_sheet() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Absence"
    sheet.append(["Employee", "DOB", "Payroll no", "Start", "End", "Days", "Reason"])
    for number, (name, dob, reason) in enumerate(ABSENCES):
        sheet.append([name, dob, f"P{40100 + number}", "03/03/2026", "14/03/2026",
                      5 + number, reason])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hr_scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("hr-share")
    (share / "HR").mkdir()
    (share / "HR" / "sickness-absence-2026.xlsx").write_bytes(sickness_sheet())
    os.utime(share / "HR" / "sickness-absence-2026.xlsx", (MODIFIED, MODIFIED))
    out = tmp_path_factory.mktemp("hr-out") / "inventory"
    scan_quietly(share, out)
    return share, out


def test_every_absence_reason_is_the_employees_health(hr_scan, tmp_path):
    _share, out = hr_scan
    people = export_individuals(out, tmp_path, "--reveal")
    found = {key("PERSON", row["name"]): row for row in people}
    assert set(found) == {key("PERSON", name) for name, _dob, _reason in ABSENCES}
    for row in found.values():
        assert row["special_category"] == "true", row["name_masked"]
        assert "health" in row["categories"].split(";")
        assert row["identified_by"] == "name_and_date_of_birth"


def test_the_sheet_reads_each_reason_as_a_condition(hr_scan):
    _share, out = hr_scan
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    (sheet,) = rows
    assert sheet["entities"]["PERSON"] == len(ABSENCES)
    assert sheet["entities"]["HEALTH_CONDITION"] >= len(ABSENCES)
    assert sheet["special_category"] is True


def test_exports_write_times_as_iso_8601_utc(hr_scan):
    _share, out = hr_scan
    (row,) = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    with (out / "files.csv").open(newline="") as handle:
        (csv_row,) = list(csv.DictReader(handle))
    # As `alerts.jsonl`'s `time`, `status` and `diff` write it: a spreadsheet reads a date.
    assert row["modified"] == csv_row["modified"] == "2026-12-02T16:58:02+00:00"
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    report = report_json(out)
    assert iso.fullmatch(report["generated_at"])
    assert abs(datetime.fromisoformat(report["generated_at"]).timestamp()
               - datetime.now(UTC).timestamp()) < 600


def test_scottish_and_northern_irish_numbers_count_one_person_each(tmp_path):
    """A responder counts a row with a CHI or H&C number and a date of birth, no name, as
    a person, one per number, as an NHS number's; the same number elsewhere is the same
    person."""
    rng = random.Random(20)
    numbers = [chi_number(rng), chi_number(rng), hcn_number(rng), hcn_number(rng)]
    assert len(set(numbers)) == 4
    share = tmp_path / "share"
    share.mkdir()
    rows = ["chi_or_hc_number,dob,postcode,diagnosis"] + [
        f"{number},0{1 + i}/03/195{i},BL{i} 4QT,type 2 diabetes"
        for i, number in enumerate(numbers)]
    (share / "pas_extract_2017.csv").write_text("\n".join(rows) + "\n")
    (share / "clinic.txt").write_text(
        f"Clinic note. CHI number: {numbers[0]}\nDiagnosis: asthma, on salbutamol 100 mcg.\n")
    out = tmp_path / "out"
    scan_quietly(share, out)
    report = report_json(out)
    assert report["individuals"]["total"] == 4
    assert report["individuals"]["with_nhs_number"] == 4
    people = export_individuals(out, tmp_path)
    by_records = sorted(int(row["records"]) for row in people)
    assert by_records == [1, 1, 1, 2]
    assert all(row["identified_by"] == "nhs_number" for row in people)


def test_a_location_refused_before_it_was_read_has_no_time(tmp_path):
    """A symlink is refused before it is read (no stat of its target): its time is not
    known, and the exports say so with an empty value, not 1970-01-01."""
    share = tmp_path / "share"
    share.mkdir()
    (share / "notes.txt").write_text("Nothing to see.\n", encoding="utf-8")
    (share / "link.txt").symlink_to(share / "notes.txt")
    out = tmp_path / "out"
    scan_quietly(share, out)
    rows = {os.path.basename(row["location"]): row for row in (
        json.loads(line) for line in (out / "files.jsonl").read_text().splitlines())}
    assert (rows["link.txt"]["status"], rows["link.txt"]["modified"]) == ("skipped", "")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", rows["notes.txt"]["modified"])
