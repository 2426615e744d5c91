"""Acceptance: one share scanned as a local folder, as S3 objects behind moto's real
HTTP server and as a Samba share gives, location by location, the same result."""

from __future__ import annotations

from phiscan.scan.runner import run_scan
from tests.conftest import snapshot_tree
from tests.source_fixtures import parity_config, rows_by_location, upload_tree

COMPARED = ("status", "reason", "entities", "categories", "special_category", "risk")


def relative_rows(rows: dict[str, dict], root: str) -> dict[str, tuple]:
    prefix = root.rstrip("/") + "/"
    return {location[len(prefix):]: tuple(str(row[key]) for key in COMPARED)
            for location, row in rows.items() if location.startswith(prefix)}


def test_local_s3_and_smb_give_identical_rows(parity_share, s3_admin, moto_endpoint, samba,
                                              tmp_path):
    objects = upload_tree(s3_admin, "parity", "team-drive", parity_share)
    before = snapshot_tree(parity_share)
    config = parity_config()
    config.scan.workers = 2  # sources are rebuilt from URI + config inside worker processes
    config.s3.endpoint_url = moto_endpoint
    config.smb.require_signing = False  # guest sessions cannot sign
    smb_root = f"smb://127.0.0.1:{samba.port}/parity"
    sources = [str(parity_share), "s3://parity/team-drive",
               f"smb://guest@127.0.0.1:{samba.port}/parity"]

    outcome = run_scan(sources, tmp_path / "out", config)

    assert outcome.summary["run"]["status"] == "completed"
    rows = rows_by_location(tmp_path / "out")
    local = relative_rows(rows, str(parity_share))
    s3 = relative_rows(rows, "s3://parity/team-drive")
    smb = relative_rows(rows, smb_root)
    assert len(local) + len(s3) + len(smb) == len(rows)
    # Who can read each location is read everywhere: the local tree is 0644 under 0755
    # folders and Samba shows those modes as an ACL granting Everyone read, so both are
    # `broad`; the S3 objects are private (`restricted`). Local and SMB rows are equal in
    # every field, risk included (a sensitive, broadly readable file is critical); S3
    # rows keep the content's risk.
    exposures = {name: {row["exposure"] for location, row in rows.items()
                        if location.startswith(prefix + "/")}
                 for name, prefix in (("local", str(parity_share)), ("s3", "s3://parity"),
                                      ("smb", smb_root))}
    assert exposures == {"local": {"broad"}, "smb": {"broad"}, "s3": {"restricted"}}
    assert smb == local
    local_rows = {location[len(str(parity_share)) + 1:]: row for location, row in rows.items()
                  if location.startswith(str(parity_share) + "/")}
    exposed = {name for name in local if local_rows[name]["special_category"]
               or "home_access" in local_rows[name]["categories"]}
    assert exposed
    assert all(local[name][-1] == "critical" for name in exposed)
    content_risk = {name: row[:-1] + ((s3[name][-1],) if name in exposed else row[-1:])
                    for name, row in local.items()}
    assert s3 == content_risk
    assert "high" in {s3[name][-1] for name in exposed}  # critical only where broad
    # The share is not trivial: every kind of outcome is in it, and nothing was missed.
    assert objects == len([path for path in parity_share.rglob("*") if path.is_file()]) >= 20
    status = {name: row[0] for name, row in local.items()}
    assert "scratch/ignored.txt" not in status  # excluded by glob everywhere
    assert status["extra/huge.log"] == "skipped"
    assert local["extra/huge.log"][1] == "too large: 245000 bytes > max_file_bytes"
    assert status["extra/blob.bin"] == "skipped"
    assert status["extra/nested.zip!letters.zip!letters/letter-004.txt"] == "scanned"
    assert status["letters/appointment-letters.zip!letters/letter-001.txt"] == "scanned"
    assert status["extra/café notes – ward 3.txt"] == "scanned"
    attachment = "formats/admin/inbox/rota-change.eml!visit-note.txt"  # an e-mail inside an object
    assert attachment in status and local[attachment][2] != "{}"
    assert local["extra/deep/er/still/note.md"] == local["care-notes/visit-001.txt"]
    with_entities = [name for name, row in local.items() if row[2] != "{}"]
    assert len(with_entities) >= 20
    assert not any(location.startswith("smb://guest@") for location in rows)
    assert snapshot_tree(parity_share) == before  # read-only
