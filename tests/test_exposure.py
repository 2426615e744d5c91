"""Who can read each file: mode bits, POSIX ACLs (set with Debian's setfacl) and the
folders above, read through the CLI into files.jsonl and the inventory."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from phiscan.inventory.store import EXPOSURE_NOT_RECORDED, Inventory
from phiscan.sources.exposure import LocalExposure
from phiscan.synthetic.people import random_nhs_number, spaced
from tests.cli import run_cli
from tests.servers import ensure_debian_command

NOTE = "Patient Jane Smith, NHS number 943 476 5919, has type 2 diabetes.\n"


@pytest.fixture
def open_tree():
    """A folder every account may search: pytest's own temp folders are 0700, which
    would make every file under them restricted."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-exposure-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    shutil.rmtree(top)


def write(path: Path, mode: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE)
    path.chmod(mode)
    return path


def build_share(top: Path) -> Path:
    share = top / "share"
    share.mkdir(mode=0o755)
    share.chmod(0o755)
    write(share / "open" / "everyone.txt", 0o644)
    write(share / "open" / "owner-only.txt", 0o600)
    team = write(share / "open" / "team.txt", 0o600)
    setfacl = ensure_debian_command("setfacl", "acl")
    subprocess.run([setfacl, "-m", "g:users:r", str(team)], check=True)
    (share / "open").chmod(0o755)
    write(share / "locked" / "note.txt", 0o644)
    (share / "locked").chmod(0o700)
    gated = write(share / "gated" / "team.txt", 0o600)
    subprocess.run([setfacl, "-m", "g:users:r", str(gated)], check=True)
    (share / "gated").chmod(0o750)  # group root may search it, users may not
    return share


def exposures(out: Path) -> dict[str, tuple[str, list[str], str]]:
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    return {row["location"]: (row["exposure"], row["exposure_principals"],
                              row["exposure_reason"]) for row in rows}


def test_local_exposure_from_modes_acls_and_folders(open_tree):
    share = build_share(open_tree)
    before = {path: path.stat().st_mode for path in share.rglob("*")}
    out = open_tree / "out"
    result = run_cli("scan", str(share), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert exposures(out) == {
        f"{share}/open/everyone.txt": ("broad", ["other"], ""),
        f"{share}/open/owner-only.txt": ("restricted", ["user:root"], ""),
        f"{share}/open/team.txt": ("group", ["group:users", "user:root"], ""),
        f"{share}/locked/note.txt": ("restricted", ["user:root"], ""),
        f"{share}/gated/team.txt": ("restricted", ["user:root"], ""),
    }
    assert {path: path.stat().st_mode for path in share.rglob("*")} == before
    with Inventory(out, readonly=True) as inventory:
        stored = inventory.location(f"{share}/open/team.txt")
    assert (stored.exposure, stored.exposure_principals) == ("group", ["group:users", "user:root"])
    csv_header = (out / "files.csv").read_text().splitlines()[0].split(",")
    assert csv_header[-2:] == ["exposure", "exposure_principals"]


def test_a_rescan_sees_a_file_re_permissioned(open_tree):
    share = build_share(open_tree)
    out = open_tree / "out"
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    (share / "open" / "everyone.txt").chmod(0o600)  # mtime and size unchanged
    (share / "locked").chmod(0o755)
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    found = exposures(out)
    assert found[f"{share}/open/everyone.txt"] == ("restricted", ["user:root"], "")
    assert found[f"{share}/locked/note.txt"] == ("broad", ["other"], "")


def test_an_archive_member_has_its_container_exposure(open_tree):
    share = open_tree / "share"
    share.mkdir()
    share.chmod(0o755)
    (share / "note.txt").write_text(NOTE)
    shutil.make_archive(str(share / "notes"), "zip", share, "note.txt")
    (share / "note.txt").unlink()
    (share / "notes.zip").chmod(0o640)
    out = open_tree / "out"
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    assert exposures(out) == {
        f"{share}/notes.zip": ("group", ["group:root", "user:root"], ""),
        f"{share}/notes.zip!note.txt": ("group", ["group:root", "user:root"], ""),
    }


def test_unreadable_permissions_are_unknown_with_a_reason(tmp_path):
    exposure = LocalExposure().of(str(tmp_path / "gone.txt"))
    assert (exposure.level, exposure.principals) == ("unknown", ())
    assert exposure.reason == f"cannot stat {tmp_path}/gone.txt: ENOENT"


def test_an_older_inventory_gains_the_exposure_columns(tmp_path):
    with Inventory(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "inventory.sqlite")
    for column in ("exposure", "exposure_principals", "exposure_reason"):
        db.execute(f"ALTER TABLE locations DROP COLUMN {column}")
    db.execute("INSERT INTO locations(location, status, first_run, last_run, scanned_at)"
               " VALUES ('/old/a.txt', 'scanned', 1, 1, 0)")
    db.commit()
    db.close()
    with Inventory(tmp_path) as inventory:
        old = inventory.location("/old/a.txt")
    assert (old.exposure, old.exposure_principals, old.exposure_reason) == (
        "unknown", [], EXPOSURE_NOT_RECORDED)
    assert os.stat(tmp_path / "inventory.sqlite").st_mode & 0o077 == 0


def visits_csv(people: list[tuple[str, str]]) -> str:
    rows = [f"{spaced(nhs)},{name},type 2 diabetes" for nhs, name in people]
    return "nhs_number,name,condition\n" + "\n".join(rows) + "\n"


def test_sensitive_and_broadly_readable_is_critical_and_reported(open_tree):
    rng = random.Random(19)
    people = [(random_nhs_number(rng), name) for name in
              ("Jane Smith", "Arthur Pendleton", "Mary Okafor")]
    share = open_tree / "share"
    (share / "All-Staff").mkdir(parents=True)
    (share / "Community" / "Restricted").mkdir(parents=True)
    for folder in (share, share / "All-Staff"):
        folder.chmod(0o755)
    (share / "All-Staff" / "visits.csv").write_text(visits_csv(people[:2]))
    (share / "All-Staff" / "keysafe.txt").write_text("Key safe code 4821 by the front door.\n")
    (share / "All-Staff" / "rota.txt").write_text("Team meeting on Monday at ten.\n")
    restricted = share / "Community" / "Restricted" / "visits.csv"
    restricted.write_text(visits_csv(people))
    for path in (*(share / "All-Staff").iterdir(),):
        path.chmod(0o644)
    shutil.chown(share / "Community", group="users")
    shutil.chown(share / "Community" / "Restricted", group="users")
    shutil.chown(restricted, group="users")
    for path, mode in ((share / "Community", 0o750), (restricted.parent, 0o750),
                       (restricted, 0o640)):
        path.chmod(mode)
    out = open_tree / "out"
    assert run_cli("scan", str(share), "--out", str(out)).returncode == 0
    rows = {json.loads(line)["location"]: json.loads(line)
            for line in (out / "files.jsonl").read_text().splitlines()}
    assert {location[len(str(share)) + 1:]: (row["exposure"], row["risk"])
            for location, row in rows.items()} == {
        "All-Staff/visits.csv": ("broad", "critical"),  # high when restricted
        "All-Staff/keysafe.txt": ("broad", "critical"),  # home access alone: high
        "All-Staff/rota.txt": ("broad", "none"),
        "Community/Restricted/visits.csv": ("group", "high"),
    }
    summary = json.loads((out / "summary.json").read_text())
    assert summary["sensitive_broadly_readable_locations"] == 2
    report = run_cli("report", str(out), "--format", "json")
    assert report.returncode == 0, report.stderr
    exposure = json.loads(report.stdout)["exposure"]
    assert exposure["sensitive_broadly_readable"] == {
        "locations": 2, "people": 2, "top_locations": [
            {"location": f"{share}/All-Staff/visits.csv", "people": 2, "risk": "critical",
             "exposure": "broad", "readers": ["other"]},
            {"location": f"{share}/All-Staff/keysafe.txt", "people": 0, "risk": "critical",
             "exposure": "broad", "readers": ["other"]}]}
    assert exposure["sensitive_by_exposure"] == {"broad": 2, "group": 1}
    # Who can read every location at risk, not only the broad ones: the team's copy too.
    assert [(item["location"][len(str(share)) + 1:], item["exposure"], item["readers"])
            for item in json.loads(report.stdout)["top_locations"]] == [
        ("All-Staff/visits.csv", "broad", ["other"]),
        ("All-Staff/keysafe.txt", "broad", ["other"]),
        ("Community/Restricted/visits.csv", "group", ["group:users", "user:root"]),
    ]
    wide = run_cli("report", str(out), env={"COLUMNS": "200"})
    top = wide.stdout.split("top locations by risk", 1)[1]
    top = " ".join(top.split("└", 1)[0].split())
    assert "│ high │ 3 │ group: group:users, user:root │" in top
    assert top.count("│ broad: other │") == 2
    assert exposure["top_folders_by_people"] == [
        {"folder": f"{share}/Community/Restricted", "people": 3, "sensitive_locations": 1,
         "broadly_readable_locations": 0, "people_broadly_readable": 0},
        {"folder": f"{share}/All-Staff", "people": 2, "sensitive_locations": 2,
         "broadly_readable_locations": 2, "people_broadly_readable": 2},
    ]
    assert exposure["top_folders_by_broad_exposure"] == exposure["top_folders_by_people"][1:]
    text = run_cli("report", str(out), "--html")
    assert "sensitive and broadly readable: people" in text.stdout
    assert "folders to lock down first" in text.stdout
    assert "who can read them" in text.stdout
    page = (out / "report.html").read_text()
    heading = ("<h3>Sensitive files every account (broad) or anyone (public) can read,"
               " and who reads them</h3>")
    readers = page.split(heading, 1)[1].split("</table>")[0]
    assert readers.count("<tr><td class='num'>") == 2
    assert readers.index("visits.csv") < readers.index("keysafe.txt")  # most people first
    assert "<td>other</td>" in readers
    assert "Mary Okafor" not in page and "Jane Smith" not in page
    assert "<th>who can read</th>" in page
    assert "<td>group: group:users, user:root</td>" in page
    lock_down = page.split("<h3>Folders to lock down first</h3>", 1)[1].split("</table>")[0]
    assert lock_down.count("<tr><td class='num'>") == 1
    assert f"<td class='num'>2</td><td class='num'>2</td><td class='loc'>{share}/All-Staff<" \
        in lock_down
