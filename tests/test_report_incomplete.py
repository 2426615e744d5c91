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
    assert report["completeness"]["figures_are_lower_bounds"] is True
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

    assert (listed.returncode, exported.returncode) == (3, 3), listed.stderr
    assert (tmp_path / "p.csv").exists()  # written in full first
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
        "status": "complete", "figures_are_lower_bounds": False, "not_read": [],
        "locations_not_read": 0, "removed": {"locations": 0, "people_only_there": 0},
        "older_versions_not_read": [],
        "statement": "Every source of the scan was listed and every location read."}


def _run(number: int, status: str, sources: list[str], unread: tuple[str, ...] = (),
         keys: list[str] | None = None, kind: str = "scan") -> dict:
    """A run as the inventory stores it; with `keys`, as this version records one (each
    source's key and each unread item's), else as an older version did."""
    from phiscan.sources.base import source_key

    options = {} if keys is None else {"source_keys": keys}
    key_of = dict(zip(sources, keys or (), strict=False))
    items = [{"source": source, "reason": "why"} for source in unread]
    for item in items if keys is not None else ():
        item["key"] = key_of.get(item["source"]) or source_key(item["source"])
    return {"id": number, "kind": kind, "status": status, "sources": json.dumps(sources),
            "options": json.dumps(options), "counts": json.dumps({"unavailable": items})}


def test_a_source_stays_unread_until_a_run_reads_it(tmp_path, monkeypatch):
    from phiscan.scoping.report import RUNNING, sources_not_read

    monkeypatch.chdir(tmp_path)
    share = str(tmp_path / "share")
    assert sources_not_read([_run(1, "incomplete", ["share", "s3://b"], (share,),
                                  [share, "s3://b"]),
                             _run(2, "completed", ["s3://b"])]) == [
        {"source": share, "reason": "why", "run": 1}]  # another source's scan: still unread
    assert sources_not_read([_run(1, "incomplete", ["share"], ("share",), [share]),
                             _run(2, "completed", [share + "/"])]) == []  # named another way
    interrupted = sources_not_read([_run(1, "interrupted", ["smb://alice@host/care"]),
                                    _run(2, "running", ["smb://host/care"])])
    assert interrupted == [{"source": "smb://host/care", "run": 2, "reason": RUNNING}]
    assert sources_not_read([_run(1, "incomplete", ["s3://b"], ("s3://b",))], until=0) == []


def test_a_running_or_killed_scan_is_incomplete_and_a_watch_is_not():
    from phiscan.scoping.report import RUNNING, sources_not_read

    assert sources_not_read([_run(1, "completed", ["s3://b"]),
                             _run(2, "running", ["s3://b"])]) == [
        {"source": "s3://b", "run": 2, "reason": RUNNING}]
    assert sources_not_read([_run(1, "completed", ["s3://b"]),
                             _run(2, "running", ["s3://b"], kind="watch")]) == []


def test_sources_compare_by_keys_stored_at_scan_time_not_the_report_cwd(tmp_path, monkeypatch):
    from phiscan.scoping.report import sources_not_read

    first, second = str(tmp_path / "a" / "share"), str(tmp_path / "b" / "share")
    runs = [_run(1, "incomplete", ["share"], ("share",), [first]),
            _run(2, "completed", ["share"], keys=[second])]  # another folder, typed alike
    for cwd in (tmp_path, tmp_path / "a", tmp_path / "b"):
        cwd.mkdir(exist_ok=True)
        monkeypatch.chdir(cwd)
        assert [item["run"] for item in sources_not_read(runs)] == [1]
        assert sources_not_read([runs[0], _run(2, "completed", ["x"], keys=[first])]) == []


@pytest.mark.parametrize(("unread", "read"), [
    ("s3://b/", "s3://b"), ("s3://b", "S3://b/"), ("smb://alice@h/share/", "smb://h/share"),
    ("smb://h/share", "smb://bob@H:445/share"), ("smb://h:4450/share", "smb://h:4450/share/")])
def test_remote_roots_clear_however_they_were_written(unread, read):
    from phiscan.scoping.report import sources_not_read
    from phiscan.sources.base import source_key

    assert sources_not_read([_run(1, "incomplete", [unread], (unread,)),
                             _run(2, "completed", [read], keys=[source_key(read)])]) == []


def test_an_older_versions_incomplete_run_names_its_sources_as_not_recorded():
    from phiscan.scoping.report import NOT_RECORDED, sources_not_read

    old = {"id": 1, "kind": "scan", "status": "incomplete", "options": "{}",
           "sources": json.dumps(["s3://b", "smb://alice@h/care"]),
           "counts": json.dumps({"files": 3})}
    assert sources_not_read([old]) == [
        {"source": "s3://b", "run": 1, "reason": NOT_RECORDED},
        {"source": "smb://h/care", "run": 1, "reason": NOT_RECORDED}]
    assert sources_not_read([old, _run(2, "completed", ["s3://b/", "smb://h/care"])]) == []


def test_the_ico_markdown_shows_an_unread_source_name_as_itself(tmp_path):
    share = tmp_path / "care_*home*" / "<b>[notes]"
    share.mkdir(parents=True)
    (share / "visit.txt").write_bytes(NOTE)
    out = tmp_path / "out"
    for expected in (0, 3):  # the second scan lists nothing: taken as not mounted
        scanned = run_cli("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")
        assert scanned.returncode == expected, scanned.stderr
        (share / "visit.txt").unlink(missing_ok=True)

    run_cli("report", str(out), "--ico")
    statement = (out / "ico-art33.md").read_text().splitlines()[2]
    assert "care\\_\\*home\\*/\\<b\\>\\[notes\\]" in statement
    assert "<b>" not in statement and "*home*" not in statement
