"""S3 source against moto's real HTTP server (and a fault-injecting proxy in front)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time

import pytest

from phiscan.config import Config, ConfigError
from phiscan.inventory.store import Inventory
from phiscan.model import Risk
from phiscan.scan.runner import run_scan
from phiscan.sources.posture import raised_risk
from phiscan.sources.s3 import S3Source
from tests.servers import FaultPlan, FaultProxy
from tests.source_fixtures import mislabelled_files, rows_by_location

pytestmark = pytest.mark.usefixtures("reuse_detector")

NOTE = (b"Patient: Jane Smith\nNHS number: 943 476 5919\nDiagnosis: type 2 diabetes. "
        b"Medication: metformin.\n")
ID_ONLY = b"Reference: NHS number 943 476 5919\n"
PLAIN = b"Team meeting on Friday about the rota.\n"
HANG_TIMEOUT = 5
POSTURE_READS = {"acl", "policyStatus", "publicAccessBlock", "encryption", "versioning"}


def s3_config(endpoint: str) -> Config:
    config = Config()
    config.scan.workers = 1
    config.s3.endpoint_url = endpoint
    return config


@pytest.fixture
def proxy(moto_endpoint):
    plan = FaultPlan()
    fault_proxy = FaultProxy(moto_endpoint, plan).start()
    yield fault_proxy
    fault_proxy.stop()


def test_walk_pages_prefix_globs_and_markers(s3_admin, proxy):
    # Paging proved with 11 objects over pages of 10 (the proxy lowers max-keys): the walk
    # follows the continuation across a page boundary exactly as over S3's pages of 1000,
    # without 1,000 GetObjectAcl round trips (50 s of the suite's run). That the source
    # asks for S3's full pages (max-keys left at its default of 1000) is asserted apart.
    s3_admin.create_bucket(Bucket="listing")
    proxy.plan.page_size = 10
    for index in range(11):
        s3_admin.put_object(Bucket="listing", Key=f"many/n{index:04d}.txt", Body=b"x")
    s3_admin.put_object(Bucket="listing", Key="many/zz-archived.txt", Body=b"x",
                        StorageClass="GLACIER")
    s3_admin.put_object(Bucket="listing", Key="many/folder/", Body=b"")
    s3_admin.put_object(Bucket="listing", Key="many/cache.tmp", Body=b"x")
    s3_admin.put_object(Bucket="listing", Key="many-old/n0000.txt", Body=b"x")
    config = s3_config(proxy.url)
    config.scan.exclude = ["*.tmp"]
    config.scan.max_file_bytes = 0

    source = S3Source("s3://listing/many", config)
    items = list(source.walk())
    source.close()

    assert proxy.plan.counts["list"] == 2  # 10 keys per page: 15 keys under `many`
    assert all(int(asked or 1000) >= 1000 for asked in proxy.plan.requested_max_keys)
    assert len(items) == 12
    assert items[0].location == "s3://listing/many/n0000.txt"
    assert items[0].etag == hashlib.md5(b"x").hexdigest()
    assert items[0].root == "s3://listing/many"
    assert {item.skip_reason for item in items[:-1]} == {"too large: 1 bytes > max_file_bytes"}
    assert items[-1].skip_reason == "archived storage class GLACIER: restore needed"


def test_injected_faults_become_error_rows(s3_admin, proxy, tmp_path):
    s3_admin.create_bucket(Bucket="faults")
    for name in ("ok.txt", "gone.txt", "slow.txt", "reset.txt", "changed.txt"):
        s3_admin.put_object(Bucket="faults", Key=f"notes/{name}", Body=NOTE)
    s3_admin.put_object(Bucket="faults", Key="notes/big.txt", Body=PLAIN * 100)

    def after_listing(bucket: str) -> None:
        s3_admin.delete_object(Bucket=bucket, Key="notes/gone.txt")
        s3_admin.put_object(Bucket=bucket, Key="notes/changed.txt", Body=PLAIN)

    proxy.plan.after_listing = after_listing
    proxy.plan.slowdown_keys = {"/faults/notes/slow.txt"}
    proxy.plan.reset_keys = {"/faults/notes/reset.txt"}
    proxy.plan.denied_queries = POSTURE_READS
    config = s3_config(proxy.url)
    config.scan.max_file_bytes = 1000

    outcome = run_scan(["s3://faults/notes/"], tmp_path / "out", config)

    assert outcome.summary["run"]["status"] == "completed"
    rows = rows_by_location(tmp_path / "out")
    found = {location.rsplit("/", 1)[1]: (row["status"], row["reason"])
             for location, row in rows.items()}
    assert found == {
        "ok.txt": ("scanned", ""),
        "gone.txt": ("error", "object deleted since listing"),
        "changed.txt": ("error", "object changed since listing"),
        "slow.txt": ("error", "throttled (503 SlowDown) after retries"),
        "reset.txt": ("error", "connection failed: ConnectionClosedError"),
        "big.txt": ("skipped", "too large: 3900 bytes > max_file_bytes"),
    }
    assert proxy.plan.counts["slowdown"] == 2  # retried (AWS_MAX_ATTEMPTS=2 in the tests)
    assert proxy.plan.counts["reset"] == 2
    with Inventory(tmp_path / "out", readonly=True) as inventory:
        (posture,) = inventory.postures(outcome.run_id)
    assert posture["root"] == "s3://faults/notes/"
    assert posture["publicly_readable"] is None
    assert json.loads(posture["notes"]) == [
        f"{name}: not known (access denied)" for name in
        ("public_access_block", "policy_is_public", "acl_grants_public_read",
         "default_encryption", "versioning")
    ]


def test_public_bucket_raises_risk_and_posture_is_recorded(s3_admin, moto_endpoint, tmp_path):
    s3_admin.create_bucket(Bucket="open-bucket", ACL="public-read")
    s3_admin.create_bucket(Bucket="closed-bucket")
    s3_admin.put_bucket_encryption(Bucket="closed-bucket", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3_admin.put_bucket_versioning(Bucket="closed-bucket",
                                   VersioningConfiguration={"Status": "Enabled"})
    for bucket in ("open-bucket", "closed-bucket"):
        s3_admin.put_object(Bucket=bucket, Key="id.txt", Body=ID_ONLY)
        s3_admin.put_object(Bucket=bucket, Key="note.txt", Body=NOTE)
        s3_admin.put_object(Bucket=bucket, Key="plain.txt", Body=PLAIN)

    outcome = run_scan(["s3://open-bucket", "s3://closed-bucket"], tmp_path / "out",
                       s3_config(moto_endpoint))

    rows = rows_by_location(tmp_path / "out")
    risks = {location: row["risk"] for location, row in rows.items()}
    assert len(risks) == 6
    assert risks["s3://closed-bucket/id.txt"] == "medium"  # an NHS number on its own
    assert risks["s3://closed-bucket/plain.txt"] == "none"
    for name in ("id.txt", "note.txt", "plain.txt"):  # one level up, except nothing found
        assert risks[f"s3://open-bucket/{name}"] == raised_risk(
            Risk(risks[f"s3://closed-bucket/{name}"]))
    assert risks["s3://open-bucket/id.txt"] == "high"
    with Inventory(tmp_path / "out", readonly=True) as inventory:
        postures = {row["root"]: row for row in inventory.postures(outcome.run_id)}
    assert postures["s3://open-bucket/"]["publicly_readable"] == 1
    assert json.loads(postures["s3://open-bucket/"]["facts"])["acl_grants_public_read"] is True
    assert postures["s3://closed-bucket/"]["publicly_readable"] == 0
    assert json.loads(postures["s3://closed-bucket/"]["facts"]) == {
        "acl_grants_public_read": False, "default_encryption": "AES256",
        "policy_is_public": False, "public_access_block": {}, "versioning": "Enabled",
        "object_versions": {"noncurrent": 0, "delete_markers": 0, "read": False},
    }
    open_posture = postures["s3://open-bucket/"]
    assert json.loads(open_posture["facts"])["default_encryption"] == "none"  # none set
    assert json.loads(open_posture["notes"]) == []


def test_rescan_skips_objects_with_unchanged_etag(s3_admin, moto_endpoint, tmp_path):
    s3_admin.create_bucket(Bucket="rescan")
    for name in ("a.txt", "b.txt", "c.txt"):
        s3_admin.put_object(Bucket="rescan", Key=name, Body=NOTE)
    config = s3_config(moto_endpoint)
    run_scan(["s3://rescan"], tmp_path / "out", config)
    s3_admin.put_object(Bucket="rescan", Key="b.txt", Body=NOTE.replace(b"Jane", b"Joan"))

    second = run_scan(["s3://rescan"], tmp_path / "out", config)

    assert second.progress.unchanged == 2
    assert second.progress.statuses == {"scanned": 1}


def test_cli_endpoint_options_and_an_unavailable_bucket(s3_admin, moto_endpoint, aws_test_env,
                                                        tmp_path):
    s3_admin.create_bucket(Bucket="cli-bucket")
    s3_admin.put_object(Bucket="cli-bucket", Key="notes/visit.txt", Body=NOTE)
    out = tmp_path / "out"

    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", "s3://cli-bucket/notes",
         "s3://no-such-bucket", "--out", str(out), "--endpoint-url", moto_endpoint,
         "--region", "eu-west-2", "--workers", "1"],
        capture_output=True, text=True, timeout=600,
    )

    assert result.returncode == 3, result.stderr  # did not complete: one source unavailable
    assert "source unavailable: s3://no-such-bucket" in result.stderr
    assert "no such bucket" in result.stderr
    rows = rows_by_location(out)
    assert list(rows) == ["s3://cli-bucket/notes/visit.txt"]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["run"]["status"] == "incomplete"
    assert summary["run"]["unavailable"] == ["s3://no-such-bucket"]
    assert rows["s3://cli-bucket/notes/visit.txt"]["status"] == "scanned"
    with Inventory(out, readonly=True) as inventory:
        stored = inventory.location("s3://cli-bucket/notes/visit.txt")
        (run,) = inventory.runs()
    assert stored is not None and stored.etag == hashlib.md5(NOTE).hexdigest()
    assert run["status"] == "incomplete"


def test_unknown_profile_is_a_configuration_error(aws_test_env):
    config = Config()
    config.s3.profile = "no-such-profile"
    source = S3Source("s3://any-bucket", config)
    with pytest.raises(ConfigError, match="AWS profile not found: no-such-profile"):
        list(source.walk())


def test_bucket_access_revoked_mid_scan_makes_the_run_incomplete(s3_admin, proxy, tmp_path):
    s3_admin.create_bucket(Bucket="revoked")
    s3_admin.create_bucket(Bucket="still-open")
    for name in ("a.txt", "b.txt"):
        s3_admin.put_object(Bucket="revoked", Key=f"notes/{name}", Body=NOTE)
    s3_admin.put_object(Bucket="still-open", Key="notes/private.txt", Body=NOTE)

    def after_listing(bucket: str) -> None:
        if bucket == "revoked":
            proxy.plan.revoked_buckets.add(bucket)

    proxy.plan.after_listing = after_listing
    proxy.plan.denied_queries = POSTURE_READS
    proxy.plan.denied_keys = {"/still-open/notes/private.txt"}  # one object's ACL only

    outcome = run_scan(["s3://revoked/notes/", "s3://still-open/notes/"],
                       tmp_path / "out", s3_config(proxy.url))

    assert outcome.summary["run"]["status"] == "incomplete"
    assert outcome.summary["run"]["unavailable"] == ["s3://revoked/notes/"]
    rows = rows_by_location(tmp_path / "out")
    assert {location: (row["status"], row["reason"]) for location, row in rows.items()} == {
        "s3://revoked/notes/a.txt": ("error", "source unavailable: bucket access revoked"),
        "s3://revoked/notes/b.txt": ("error", "source unavailable: bucket access revoked"),
        "s3://still-open/notes/private.txt": ("error", "access denied"),
    }


def test_an_object_that_never_answers_meets_the_per_file_timeout(s3_admin, proxy, tmp_path):
    """The read is part of the file: a GET whose connection is accepted and never
    answered ends as a timeout row at the per-file deadline (not after botocore's
    read timeout times its retries), and the other objects are scanned."""
    s3_admin.create_bucket(Bucket="hanging")
    for name, body in (("a.txt", NOTE), ("b-hangs.txt", NOTE), ("c.txt", PLAIN)):
        s3_admin.put_object(Bucket="hanging", Key=f"notes/{name}", Body=body)
    proxy.plan.hang_keys = {"/hanging/notes/b-hangs.txt"}
    config = tmp_path / "phiscan.toml"
    config.write_text(f'[limits]\nper_file_timeout_seconds = {HANG_TIMEOUT}\n'
                      f'[s3]\nendpoint_url = "{proxy.url}"\n')
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", "s3://hanging/notes", "--out",
         str(tmp_path / "out"), "--config", str(config), "--workers", "2", "--quiet"],
        capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started

    assert result.returncode == 0, result.stderr[-2000:]
    rows = rows_by_location(tmp_path / "out")
    outcome = {location.rsplit("/", 1)[1]: (row["status"], row["reason"])
               for location, row in rows.items()}
    assert outcome == {
        "a.txt": ("scanned", ""),
        "b-hangs.txt": ("error", "timeout: over per_file_timeout_seconds (while reading)"),
        "c.txt": ("scanned", ""),
    }
    assert rows["s3://hanging/notes/a.txt"]["entities"]["UK_NHS"] == 1
    assert proxy.plan.counts["hang"] == 1  # cut at the deadline, not retried
    # Worker start-up and the two other objects take seconds; botocore alone would have
    # waited read_timeout (60 s) for each of AWS_MAX_ATTEMPTS (2) attempts.
    assert elapsed < HANG_TIMEOUT + 40


def test_objects_whose_names_lie_are_read_by_what_they_are(s3_admin, moto_endpoint, tmp_path):
    s3_admin.create_bucket(Bucket="mislabelled")
    for name, data in mislabelled_files().items():
        s3_admin.put_object(Bucket="mislabelled", Key=name, Body=data)

    run_scan(["s3://mislabelled"], tmp_path / "out", s3_config(moto_endpoint))

    rows = rows_by_location(tmp_path / "out")
    assert {name: (rows[f"s3://mislabelled/{name}"]["status"],
                   rows[f"s3://mislabelled/{name}"]["reason"],
                   rows[f"s3://mislabelled/{name}"]["entities"])
            for name in ("patients.csv", "report.txt", "invoice.pdf")} == {
        "patients.csv": ("scanned", "", {"PERSON": 1, "UK_NHS": 1}),  # an xlsx
        "report.txt": ("scanned", "no text found", {}),  # an image-only PDF
        "invoice.pdf": ("scanned", "", {"PERSON": 1, "UK_NHS": 1}),  # a docx
    }


@pytest.fixture
def versioned(s3_admin, request):
    """A versioned bucket of the test's own: a note overwritten by a plain text (its first
    version is the patient's), an identifier deleted (a delete marker over it), one plain
    object. Returns the noncurrent versions by key."""
    bucket = "versioned-" + hashlib.md5(request.node.name.encode()).hexdigest()[:8]
    s3_admin.create_bucket(Bucket=bucket)
    s3_admin.put_bucket_versioning(Bucket=bucket,
                                   VersioningConfiguration={"Status": "Enabled"})
    s3_admin.put_object(Bucket=bucket, Key="notes/visit.txt", Body=NOTE)
    s3_admin.put_object(Bucket=bucket, Key="notes/visit.txt", Body=PLAIN)
    s3_admin.put_object(Bucket=bucket, Key="notes/id.txt", Body=ID_ONLY)
    s3_admin.delete_object(Bucket=bucket, Key="notes/id.txt")
    s3_admin.put_object(Bucket=bucket, Key="notes/plain.txt", Body=PLAIN)
    listed = s3_admin.list_object_versions(Bucket=bucket)
    return bucket, {entry["Key"]: entry["VersionId"] for entry in listed["Versions"]
                    if not entry["IsLatest"]}


def scan_and_report(bucket: str, out, endpoint: str, *options: str) -> dict:
    scanned = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", f"s3://{bucket}", "--out", str(out),
         "--endpoint-url", endpoint, "--workers", "1", "--quiet", *options],
        capture_output=True, text=True, timeout=600)
    assert scanned.returncode == 0, scanned.stderr
    reported = subprocess.run([sys.executable, "-m", "phiscan", "report", str(out), "--format",
                               "json"], capture_output=True, text=True, timeout=600)
    assert reported.returncode == 0, reported.stderr
    return json.loads(reported.stdout)


def test_older_versions_not_read_are_counted_in_the_report(versioned, moto_endpoint,
                                                           aws_test_env, tmp_path):
    bucket, _older = versioned
    report = scan_and_report(bucket, tmp_path / "out", moto_endpoint)
    assert sorted(rows_by_location(tmp_path / "out")) == [
        f"s3://{bucket}/notes/plain.txt", f"s3://{bucket}/notes/visit.txt"]
    assert report["individuals"]["total"] == 0
    completeness = report["completeness"]
    assert completeness["older_versions_not_read"] == [
        {"source": f"s3://{bucket}/", "noncurrent": 2, "delete_markers": 1}]
    assert (f"s3://{bucket}/: 2 older object version(s) (an overwritten or deleted object's "
            "earlier bytes; 1 delete marker(s)) were not read and are not counted (phiscan "
            "scan --s3-versions reads them).") in completeness["statement"]


def test_s3_versions_reads_each_older_version_as_its_own_location(versioned, moto_endpoint,
                                                                  aws_test_env, tmp_path):
    bucket, versions = versioned
    report = scan_and_report(bucket, tmp_path / "out", moto_endpoint, "--s3-versions")
    rows = rows_by_location(tmp_path / "out")
    older = {f"s3://{bucket}/{key}?versionId={version}" for key, version in versions.items()}
    assert set(rows) == older | {f"s3://{bucket}/notes/plain.txt",
                                 f"s3://{bucket}/notes/visit.txt"}
    assert {location: rows[location]["status"] for location in older} == dict.fromkeys(
        older, "scanned")
    visit = f"s3://{bucket}/notes/visit.txt?versionId={versions['notes/visit.txt']}"
    assert "health" in rows[visit]["categories"]
    assert report["individuals"]["total"] == 1  # Jane Smith, in both older versions
    assert report["completeness"]["older_versions_not_read"] == []
