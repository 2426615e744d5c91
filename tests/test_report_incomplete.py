"""A report of an incomplete scan (one bucket missing on moto's real HTTP server) says
first, in every form, that its figures are a lower bound, names what was not read and
why, and exits 3."""

from __future__ import annotations

import json

import pytest

from tests.cli import run_cli

NOTE = (b"Patient: Jane Smith\nNHS number: 943 476 5919\nDate of birth: 12/03/1951\n"
        b"Diagnosis: type 2 diabetes. Medication: metformin.\n")
LOWER_BOUND = "INCOMPLETE SCAN: every figure here is a lower bound"


@pytest.fixture(scope="module")
def incomplete(s3_admin, moto_endpoint, aws_test_env, tmp_path_factory):
    s3_admin.create_bucket(Bucket="trial-notes")
    s3_admin.put_object(Bucket="trial-notes", Key="visit.txt", Body=NOTE)
    out = tmp_path_factory.mktemp("incomplete") / "out"
    scanned = run_cli("scan", "s3://trial-notes", "s3://trial-missing", "--out", str(out),
                      "--endpoint-url", moto_endpoint, "--workers", "1", "--quiet")
    assert scanned.returncode == 3, scanned.stderr
    return out


def test_every_report_says_first_that_its_figures_are_a_lower_bound(incomplete):
    text = run_cli("report", str(incomplete), "--ico", "--html")
    as_json = run_cli("report", str(incomplete), "--format", "json")

    assert (text.returncode, as_json.returncode) == (3, 3)
    assert text.stdout.lstrip().startswith(LOWER_BOUND)
    assert ("s3://trial-missing (cannot list s3://trial-missing/: no such bucket)"
            in " ".join(text.stdout.split()))  # as Rich wraps it
    report = json.loads(as_json.stdout)
    assert list(report)[3] == "completeness"  # after schema, version and time
    assert report["completeness"]["lower_bound"] is True
    assert [(item["source"], item["reason"]) for item in report["completeness"]["not_read"]] \
        == [("s3://trial-missing", "cannot list s3://trial-missing/: no such bucket")]
    assert report["individuals"]["total"] == 1
    ico = (incomplete / "ico-art33.md").read_text().splitlines()
    assert ico[2].startswith(f"**{LOWER_BOUND}")  # under the title, before any figure
    assert json.loads((incomplete / "ico-art33.json").read_text())["completeness"] \
        == report["completeness"]
    html = (incomplete / "report.html").read_text()
    assert html.index(LOWER_BOUND) < html.index("class='cards'")


def test_individuals_says_it_before_the_people(incomplete, tmp_path):
    listed = run_cli("individuals", str(incomplete))
    exported = run_cli("individuals", str(incomplete), "--export", str(tmp_path / "p.csv"))

    assert (listed.returncode, exported.returncode) == (0, 0)
    for result in (listed, exported):
        assert result.stderr.lstrip().startswith(LOWER_BOUND)
        assert "s3://trial-missing" in result.stderr


def test_a_later_scan_that_reads_the_source_clears_it(incomplete, s3_admin, moto_endpoint):
    s3_admin.create_bucket(Bucket="trial-missing")
    rescanned = run_cli("scan", "s3://trial-notes", "s3://trial-missing", "--out",
                        str(incomplete), "--endpoint-url", moto_endpoint, "--workers", "1",
                        "--quiet")
    assert rescanned.returncode == 0, rescanned.stderr

    report = run_cli("report", str(incomplete), "--format", "json")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["completeness"] == {
        "status": "complete", "lower_bound": False, "not_read": [],
        "statement": "Every source of the scan was read."}


def _run(number: int, status: str, sources: list[str], unread: tuple[str, ...] = ()) -> dict:
    return {"id": number, "status": status, "sources": json.dumps(sources),
            "counts": json.dumps({"unavailable": [{"source": source, "reason": "why"}
                                                  for source in unread]})}


def test_a_source_stays_unread_until_a_run_reads_it(tmp_path, monkeypatch):
    from phiscan.scoping.report import sources_not_read

    monkeypatch.chdir(tmp_path)
    share = str(tmp_path / "share")
    assert sources_not_read([_run(1, "incomplete", ["share", "s3://b"], (share,)),
                             _run(2, "completed", ["s3://b"])]) == [
        {"source": share, "reason": "why", "run": 1}]  # another source's scan: still unread
    assert sources_not_read([_run(1, "incomplete", ["share"], ("share",)),
                             _run(2, "completed", [share])]) == []  # read, named another way
    interrupted = sources_not_read([_run(1, "interrupted", ["smb://alice@host/care"]),
                                    _run(2, "running", ["smb://host/care"])])
    assert [(item["source"], item["run"]) for item in interrupted] == [("smb://host/care", 1)]
    assert sources_not_read([_run(1, "incomplete", ["s3://b"], ("s3://b",))], until=0) == []
