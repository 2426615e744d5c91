"""Who can read SMB and S3 locations, through `python -m phiscan scan`: NT ACLs set with
Samba's own smbcacls on a real smbd (`vfs objects = acl_xattr`), and object ACLs on
moto's real S3 server."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from phiscan.inventory.store import NOT_READ_REASON
from phiscan.synthetic.people import random_nhs_number, spaced
from tests.cli import run_cli
from tests.servers import SMB_PASSWORD, SMB_USER, FaultPlan, FaultProxy, smbcacls
from tests.source_fixtures import rows_by_location

ACCOUNT = f"PHISCANTEST\\{SMB_USER}"
GROUP = "Unix Group\\nogroup"
OWNED = f"REVISION:1,OWNER:{SMB_USER},GROUP:nogroup"
# smbcacls ACL strings: principal, ALLOWED|DENIED, flags (OI|CI: inherited by files and
# folders below), rights.
ACLS = {
    "everyone": [f"ACL:{SMB_USER}:ALLOWED/0x0/FULL", "ACL:Everyone:ALLOWED/0x0/READ"],
    "single": [f"ACL:{SMB_USER}:ALLOWED/0x0/FULL"],
    "team": [f"ACL:{SMB_USER}:ALLOWED/0x0/FULL", f"ACL:{GROUP}:ALLOWED/0x0/READ"],
    # The account is denied read before it is allowed: only the group reads.
    "denied": [f"ACL:{SMB_USER}:DENIED/0x0/READ", f"ACL:{SMB_USER}:ALLOWED/0x0/FULL",
               f"ACL:{GROUP}:ALLOWED/0x0/READ"],
}
FOLDER_ACL = [f"ACL:{SMB_USER}:ALLOWED/OI|CI/FULL", "ACL:Everyone:ALLOWED/OI|CI/READ"]


def note(rng: random.Random, name: str) -> str:
    return f"Patient {name}, NHS number {spaced(random_nhs_number(rng))}, has type 2 diabetes.\n"


def smb_env() -> dict[str, str]:
    return {**os.environ, "PHISCAN_SMB_PASSWORD": SMB_PASSWORD}


def acl_state(root: Path) -> dict[str, tuple[bytes, bytes, int]]:
    """Bytes, stored NT ACL and mtime of every file and folder: what a scan must not touch."""
    state = {}
    for path in sorted([root, *root.rglob("*")]):
        acl = os.getxattr(path, "security.NTACL") if "security.NTACL" in os.listxattr(path) \
            else b""
        content = path.read_bytes() if path.is_file() else b""
        state[str(path.relative_to(root))] = (content, acl, path.stat().st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def acl_tree(samba, acl_share) -> Path:
    """One note per folder, each with its own ACL. All-Staff's note is restricted to the
    account until the folder gets an inheritable Everyone ACE, propagated to it as an
    administrator does ("apply to this folder, subfolders and files"): its only broad
    ACE is then the inherited one."""
    rng = random.Random(1919)
    names = iter(["Jane Smith", "Arthur Pendleton", "Mary Okafor", "Tom Baxter", "Ann Lee"])
    for folder, acl in [*ACLS.items(), ("All-Staff", ACLS["single"])]:
        (acl_share / folder).mkdir(mode=0o755)
        (acl_share / folder / "note.txt").write_text(note(rng, next(names)))
        (acl_share / folder / "note.txt").chmod(0o644)
        smbcacls(samba, "acl", f"{folder}/note.txt", "--set", ",".join([OWNED, *acl]))
    smbcacls(samba, "acl", "All-Staff", "--set", f"{OWNED},{FOLDER_ACL[0]}")
    smbcacls(samba, "acl", "All-Staff", "--propagate-inheritance", "--add", FOLDER_ACL[1])
    return acl_share


def test_smb_nt_acls_give_exposure_risk_and_report(samba, acl_tree, tmp_path):
    inherited = smbcacls(samba, "acl", "All-Staff/note.txt")
    assert "ACL:Everyone:ALLOWED/I/READ" in inherited.splitlines()  # inherited, not explicit
    assert not any(line.startswith("ACL:Everyone:ALLOWED/0x0") for line in inherited.splitlines())
    before = acl_state(acl_tree)
    out = tmp_path / "out"
    root = f"smb://127.0.0.1:{samba.port}/acl"

    result = run_cli("scan", f"smb://{SMB_USER}@127.0.0.1:{samba.port}/acl", "--out", str(out),
                     "--workers", "1", env=smb_env())

    assert result.returncode == 0, result.stderr
    rows = rows_by_location(out)
    assert {location[len(root) + 1:]: (row["status"], row["exposure"],
                                       row["exposure_principals"], row["risk"])
            for location, row in rows.items()} == {
        "everyone/note.txt": ("scanned", "broad", ["Everyone", ACCOUNT], "critical"),
        "single/note.txt": ("scanned", "restricted", [ACCOUNT], "high"),
        "team/note.txt": ("scanned", "group", [GROUP, ACCOUNT], "high"),
        "denied/note.txt": ("scanned", "group", [GROUP], "high"),
        "All-Staff/note.txt": ("scanned", "broad", [ACCOUNT, "Everyone"], "critical"),
    }
    assert all(row["exposure_reason"] == "" for row in rows.values())
    assert acl_state(acl_tree) == before  # nothing written: bytes, ACLs, times
    summary = json.loads((out / "summary.json").read_text())
    assert summary["sensitive_broadly_readable_locations"] == 2
    report = run_cli("report", str(out), "--format", "json")
    assert report.returncode == 0, report.stderr
    exposure = json.loads(report.stdout)["exposure"]
    assert exposure["sensitive_broadly_readable"] == {
        "locations": 2, "people": 2, "top_locations": [  # the readers as the server named them
            {"location": f"{root}/All-Staff/note.txt", "people": 1, "risk": "critical",
             "exposure": "broad", "readers": [ACCOUNT, "Everyone"]},
            {"location": f"{root}/everyone/note.txt", "people": 1, "risk": "critical",
             "exposure": "broad", "readers": ["Everyone", ACCOUNT]}]}
    assert exposure["sensitive_by_exposure"] == {"broad": 2, "group": 2, "restricted": 1}
    assert sorted(row["folder"] for row in exposure["top_folders_by_broad_exposure"]) == [
        f"{root}/All-Staff", f"{root}/everyone"]
    assert run_cli("report", str(out), "--html").returncode == 0
    page = (out / "report.html").read_text()
    lock_down = page.split("<h3>Folders to lock down first</h3>", 1)[1].split("</table>")[0]
    assert f"{root}/All-Staff<" in lock_down and f"{root}/everyone<" in lock_down
    assert f"{root}/single<" not in lock_down

    # Re-permissioned (bytes and times unchanged): the rescan sees it and the risk moves.
    smbcacls(samba, "acl", "single/note.txt", "--add", "ACL:Authenticated Users:ALLOWED/0x0/READ")
    again = run_cli("scan", f"smb://{SMB_USER}@127.0.0.1:{samba.port}/acl", "--out", str(out),
                    "--workers", "1", env=smb_env())
    assert again.returncode == 0, again.stderr
    row = rows_by_location(out)[f"{root}/single/note.txt"]
    assert (row["exposure"], row["exposure_principals"], row["risk"]) == (
        "broad", ["NT AUTHORITY\\Authenticated Users", ACCOUNT], "critical")
    summary = json.loads((out / "summary.json").read_text())
    assert summary["sensitive_broadly_readable_locations"] == 3


def test_an_unreadable_security_descriptor_is_unknown_not_an_error(samba, tmp_path):
    """On the plain user share the account may not open locked.txt at all, not even for
    READ_CONTROL: the file's read fails as before, and its exposure is unknown."""
    out = tmp_path / "out"
    result = run_cli("scan", f"smb://{SMB_USER}@127.0.0.1:{samba.port}/restricted",
                     "--out", str(out), "--workers", "1", env=smb_env())
    assert result.returncode == 0, result.stderr
    root = f"smb://127.0.0.1:{samba.port}/restricted"
    rows = rows_by_location(out)
    assert {location[len(root) + 1:]: (row["status"], row["exposure"],
                                       row["exposure_principals"], row["exposure_reason"])
            for location, row in rows.items()} == {
        # Samba maps 0644 to owner, owning group and Everyone.
        "open.txt": ("scanned", "broad", ["Unix User\\root", "Unix Group\\root", "Everyone"], ""),
        "locked.txt": ("error", "unknown", [], "security descriptor not readable: access denied"),
        "locked-dir": ("skipped", "unknown", [], NOT_READ_REASON),
    }


NOTE = "Patient Jane Smith, NHS number 943 476 5919, has type 2 diabetes.\n"


def test_s3_object_acls_and_bucket_posture(s3_admin, moto_endpoint, tmp_path):
    s3_admin.create_bucket(Bucket="exposure-acls")
    for key, acl in (("public.txt", "public-read"), ("private.txt", "private"),
                     ("authenticated.txt", "authenticated-read")):
        s3_admin.put_object(Bucket="exposure-acls", Key=key, Body=NOTE.encode(), ACL=acl)
    s3_admin.create_bucket(Bucket="exposure-open", ACL="public-read")
    s3_admin.create_bucket(Bucket="exposure-policy")
    s3_admin.put_bucket_policy(Bucket="exposure-policy", Policy=json.dumps({
        "Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::exposure-policy/*"}]}))
    s3_admin.create_bucket(Bucket="exposure-blocked")
    s3_admin.put_public_access_block(Bucket="exposure-blocked", PublicAccessBlockConfiguration={
        "BlockPublicAcls": False, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
        "RestrictPublicBuckets": False})
    for bucket, acl in (("exposure-open", "private"), ("exposure-policy", "private"),
                        ("exposure-blocked", "public-read")):
        s3_admin.put_object(Bucket=bucket, Key="note.txt", Body=NOTE.encode(), ACL=acl)
    owner = "owner:" + s3_admin.get_object_acl(Bucket="exposure-acls",
                                               Key="private.txt")["Owner"]["ID"]
    plan = FaultPlan()
    proxy = FaultProxy(moto_endpoint, plan).start()
    try:
        result = run_cli("scan", "s3://exposure-acls", "s3://exposure-open",
                         "s3://exposure-policy", "s3://exposure-blocked", "--out",
                         str(tmp_path / "out"), "--endpoint-url", proxy.url, "--workers", "1")
    finally:
        proxy.stop()

    assert result.returncode == 0, result.stderr
    rows = rows_by_location(tmp_path / "out")
    assert {location: (row["status"], row["exposure"], row["exposure_principals"], row["risk"])
            for location, row in rows.items()} == {
        "s3://exposure-acls/public.txt": ("scanned", "public", [owner, "AllUsers"], "critical"),
        "s3://exposure-acls/authenticated.txt": (
            "scanned", "broad", [owner, "AuthenticatedUsers"], "critical"),
        "s3://exposure-acls/private.txt": ("scanned", "restricted", [owner], "high"),
        # The bucket's ACL or policy makes every object in it public: no object ACL read.
        "s3://exposure-open/note.txt": (
            "scanned", "public", ["bucket ACL: public read"], "critical"),
        "s3://exposure-policy/note.txt": (
            "scanned", "public", ["bucket policy: public"], "critical"),
        # The public access block's IgnorePublicAcls voids the object's AllUsers grant.
        "s3://exposure-blocked/note.txt": ("scanned", "restricted", [owner], "high"),
    }
    assert plan.counts["object_acl"] == 4  # one per object, none in the public buckets
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["sensitive_broadly_readable_locations"] == 4


def test_s3_object_acl_denied_is_unknown_with_a_reason(s3_admin, moto_endpoint, tmp_path):
    s3_admin.create_bucket(Bucket="exposure-denied")
    s3_admin.put_object(Bucket="exposure-denied", Key="note.txt", Body=NOTE.encode())
    plan = FaultPlan(denied_queries={"acl"})  # GetBucketAcl and GetObjectAcl: 403
    proxy = FaultProxy(moto_endpoint, plan).start()
    try:
        result = run_cli("scan", "s3://exposure-denied", "--out", str(tmp_path / "out"),
                         "--endpoint-url", proxy.url, "--workers", "1")
    finally:
        proxy.stop()

    assert result.returncode == 0, result.stderr
    (row,) = rows_by_location(tmp_path / "out").values()
    assert (row["status"], row["exposure"], row["exposure_principals"], row["exposure_reason"],
            row["risk"]) == ("scanned", "unknown", [],
                             "object ACL not readable: access denied", "high")
