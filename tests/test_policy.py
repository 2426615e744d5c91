"""`[[policy]]` rules through the real CLI over a share of real files (text, CSV, a zip
made by zipfile, modes and groups set with chmod/chown), and the real watch daemon:
the exact violations, `--fail-on-violations`, the report, summary.json, config errors
and a watch alert for a violating file dropped in."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from phiscan.inventory.store import Inventory
from phiscan.policy.rules import parse_policy
from phiscan.synthetic.people import random_nhs_number, spaced
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values
from tests.watch_helpers import alert_lines, leaked, start_daemon, wait_for, wait_until_running

RNG = random.Random(1919)
NHS = [random_nhs_number(RNG) for _ in range(4)]
KEY_CODES = ["4821", "7306", "5194"]
NAMES = ["Jane Smith", "Arthur Pendleton", "Mary Okafor", "Priya Patel"]


def policy_toml(share: Path) -> str:
    """The rules docs/usage/policy.md walks through, the last one anchored to this share."""
    return f"""
[[policy]]
name = "finance-no-special-category"
paths = ["Finance/**"]
forbid = ["special_category"]

[[policy]]
name = "home-access-only-in-restricted"
paths = ["**"]
except_paths = ["Community/Restricted/**"]
forbid = ["home_access"]

[[policy]]
name = "restricted-never-broad"
paths = ["Community/Restricted/**"]
max_exposure = "group"

[[policy]]
name = "hr-identifiers-and-contact-only"
paths = ["HR/**"]
allow = ["identifiers", "contact"]

[[policy]]
name = "all-staff-nothing-sensitive-broad"
paths = ["{share}/All-Staff"]
max_exposure = "group"
max_exposure_for = ["sensitive"]
"""


def sick_note(number: int) -> str:
    return (f"Patient {NAMES[number]}, NHS number {spaced(NHS[number])}, off sick with "
            "type 2 diabetes.\n")


def key_safe_note(number: int) -> str:
    return f"Key safe code {KEY_CODES[number]} by the front door.\n"


def write(path: Path, text: str, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def build_share(top: Path) -> Path:
    share = top / "share"
    write(share / "Finance" / "budget.csv", "item,amount\nprinter toner,120\n")
    write(share / "Finance" / "sickness.csv",
          "nhs_number,name,condition\n" + "".join(
              f"{spaced(NHS[n])},{NAMES[n]},asthma\n" for n in (0, 1)))
    with zipfile.ZipFile(share / "Finance" / "archive.zip", "w") as archive:
        archive.writestr("sick-note.txt", sick_note(2))
    (share / "Finance" / "archive.zip").chmod(0o644)
    restricted = share / "Community" / "Restricted"
    write(restricted / "visits.txt", sick_note(3) + key_safe_note(0), mode=0o640)
    shutil.chown(restricted / "visits.txt", group="users")
    write(restricted / "keysafe-copy.txt", key_safe_note(1))
    write(share / "Community" / "Rota" / "rota.txt", key_safe_note(2))
    write(share / "HR" / "occupational-health.txt", sick_note(1))
    write(share / "HR" / "leavers.txt", "Team meeting on Monday at ten.\n")
    write(share / "All-Staff" / "keysafe.txt", key_safe_note(0))
    write(share / "All-Staff" / "rota.txt", "Team meeting on Monday at ten.\n")
    return share


EXPECTED = {
    ("Finance/sickness.csv", "finance-no-special-category"),
    ("Finance/archive.zip!sick-note.txt", "finance-no-special-category"),
    ("Community/Restricted/keysafe-copy.txt", "restricted-never-broad"),
    ("Community/Rota/rota.txt", "home-access-only-in-restricted"),
    ("HR/occupational-health.txt", "hr-identifiers-and-contact-only"),
    ("All-Staff/keysafe.txt", "home-access-only-in-restricted"),
    ("All-Staff/keysafe.txt", "all-staff-nothing-sensitive-broad"),
}


@pytest.fixture
def open_tree():
    """Under /tmp with every folder searchable: pytest's 0700 temp folders would make every
    file restricted."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-policy-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    shutil.rmtree(top)


def pairs(share: Path, violations: list[dict]) -> set[tuple[str, str]]:
    return {(item["location"][len(str(share)) + 1:], item["rule"]) for item in violations}


def raw_values() -> list[str]:
    return [*NHS, *map(spaced, NHS), *NAMES, *KEY_CODES]


def test_policy_violations_over_a_share(open_tree):
    share = build_share(open_tree)
    config = open_tree / "policy.toml"
    config.write_text(policy_toml(share))
    out = open_tree / "out"
    first = run_cli("scan", str(share), "--out", str(out), "-c", str(config), "--quiet")
    assert first.returncode == 0, first.stderr  # violations alone never fail a plain scan

    report = run_cli("report", str(out), "--format", "json")
    assert report.returncode == 0, report.stderr
    policy = json.loads(report.stdout)["policy"]
    assert pairs(share, policy["violations"]) == EXPECTED
    by_pair = {(item["location"][len(str(share)) + 1:], item["rule"]): item
               for item in policy["violations"]}
    assert by_pair[("Community/Restricted/keysafe-copy.txt", "restricted-never-broad")] == {
        "location": f"{share}/Community/Restricted/keysafe-copy.txt",
        "rule": "restricted-never-broad", "categories": ["home_access"], "exposure": "broad",
        "reason": "home_access with exposure broad (at most group allowed)"}
    assert by_pair[("Finance/sickness.csv", "finance-no-special-category")]["categories"] == [
        "health"]
    # A rule broken by what a location holds says who can read it too (the alert, the row).
    assert {pair: item["exposure"] for pair, item in by_pair.items()} == {
        pair: "broad" for pair in EXPECTED}
    assert by_pair[("HR/occupational-health.txt", "hr-identifiers-and-contact-only")][
        "reason"] == "health not allowed here"
    counts = {"total": 7, "locations": 6, "by_rule": {
        "all-staff-nothing-sensitive-broad": 1, "finance-no-special-category": 2,
        "home-access-only-in-restricted": 2, "hr-identifiers-and-contact-only": 1,
        "restricted-never-broad": 1}}
    assert {key: policy[key] for key in counts} == counts
    assert json.loads((out / "summary.json").read_text())["policy_violations"] == counts
    with Inventory(out, readonly=True) as inventory:
        stored = {(item.location[len(str(share)) + 1:], item.violation.rule)
                  for item in inventory.violations()}
    assert stored == EXPECTED

    text = run_cli("report", str(out), "--html")
    assert text.returncode == 0, text.stderr
    assert "policy violations" in text.stdout and "restricted-never-broad" in text.stdout
    page = (out / "report.html").read_text()
    listed = page.split("<h3>Violations</h3>", 1)[1].split("</table>")[0]
    assert listed.count("<tr><td>") == 7
    assert f"<td class='loc'>{share}/All-Staff/keysafe.txt</td>" in listed
    assert_no_raw_values(out, raw_values())


def test_personal_data_is_what_is_about_someone(open_tree):
    """`forbid = ["personal_data"]`, a public folder's rule: anything found, but a health
    word only about someone identifiable. A leaflet on diabetes breaks `allow = []` (its
    health word is found) and not this; a sick note and a key-safe code break both."""
    share = open_tree / "share"
    write(share / "Public" / "leaflet.txt",
          "Living well with type 2 diabetes: check your feet every day and keep your "
          "annual review.\n")
    write(share / "Public" / "sick-note.txt", sick_note(0))
    write(share / "Public" / "keysafe.txt", key_safe_note(1))
    write(share / "Public" / "notice.txt", "Team meeting on Monday at ten.\n")
    config = open_tree / "policy.toml"
    config.write_text('[[policy]]\nname = "public-nothing-about-anyone"\npaths = ["Public"]\n'
                      'forbid = ["personal_data"]\n\n'
                      '[[policy]]\nname = "public-nothing-found"\npaths = ["Public"]\n'
                      'allow = []\n')
    out = open_tree / "out"
    scan = run_cli("scan", str(share), "--out", str(out), "-c", str(config), "--quiet")
    assert scan.returncode == 0, scan.stderr
    report = run_cli("report", str(out), "--format", "json")
    assert report.returncode == 0, report.stderr
    found = {(item["location"][len(str(share)) + 1:], item["rule"]): item["categories"]
             for item in json.loads(report.stdout)["policy"]["violations"]}
    assert found == {
        ("Public/leaflet.txt", "public-nothing-found"): ["health"],
        ("Public/sick-note.txt", "public-nothing-about-anyone"): ["health", "identifiers"],
        ("Public/sick-note.txt", "public-nothing-found"): ["health", "identifiers"],
        ("Public/keysafe.txt", "public-nothing-about-anyone"): ["home_access"],
        ("Public/keysafe.txt", "public-nothing-found"): ["home_access"],
    }
    assert_no_raw_values(out, raw_values())


def test_fail_on_violations_exit_codes(open_tree):
    share = build_share(open_tree)
    config = open_tree / "policy.toml"
    config.write_text(policy_toml(share))
    out = open_tree / "out"
    scan = ("scan", str(share), "--out", str(out), "-c", str(config), "--quiet")
    failing = run_cli(*scan, "--fail-on-violations")
    assert failing.returncode == 1, failing.stderr
    # A rescan that reads nothing new still fails: the violations are still there.
    assert run_cli(*scan, "--fail-on-violations").returncode == 1
    # The share put right: files moved where they belong, the broad copy locked down.
    restricted = share / "Community" / "Restricted"
    (share / "Finance" / "sickness.csv").unlink()
    (share / "Finance" / "archive.zip").unlink()
    (share / "Community" / "Rota" / "rota.txt").rename(restricted / "rota.txt")
    (share / "All-Staff" / "keysafe.txt").unlink()
    (share / "HR" / "occupational-health.txt").unlink()
    for path in (restricted / "keysafe-copy.txt", restricted / "rota.txt"):
        path.chmod(0o640)
    fixed = run_cli(*scan, "--fail-on-violations")
    assert fixed.returncode == 0, fixed.stderr + fixed.stdout
    assert json.loads((out / "summary.json").read_text())["policy_violations"] == {
        "total": 0, "locations": 0, "by_rule": {}}
    # A rule added later applies to locations the rescan carries forward unread.
    config.write_text(policy_toml(share) + '\n[[policy]]\nname = "no-home-access"\n'
                      'paths = ["**"]\nforbid = ["home_access"]\n')
    later = run_cli(*scan, "--fail-on-violations")
    assert later.returncode == 1
    assert json.loads((out / "summary.json").read_text())["policy_violations"] == {
        "total": 3, "locations": 3, "by_rule": {"no-home-access": 3}}


BAD_RULES = [
    ('policy = "none"', "policy rules are written as [[policy]] tables"),
    ('[[policy]]\npaths = ["Finance/**"]\nforbid = ["health"]',
     "[[policy]] rule 1: needs a name (text, one line)"),
    ('[[policy]]\nname = "a"\nforbid = ["health"]',
     "[[policy]] rule 1 ('a'): needs paths, e.g. paths = [\"Finance/**\"]"),
    ('[[policy]]\nname = "a"\npaths = "Finance/**"\nforbid = ["health"]',
     "[[policy]] rule 1 ('a'): paths must be a list of text, e.g. paths = [\"...\"]"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]\nforbid = ["helth"]',
     "[[policy]] rule 1 ('a'): forbid names an unknown category 'helth' (categories: "
     "contact, ethnicity, financial, health, home_access, identifiers, life_state, other, "
     "personal_data, religion, sensitive, sexual_orientation, special_category)"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]\nmax_exposure = "everyone"',
     "[[policy]] rule 1 ('a'): max_exposure must be one of restricted, group, broad, public"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]\nforbid = ["health"]\nallow = ["contact"]',
     "[[policy]] rule 1 ('a'): use either forbid or allow, not both"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]',
     "[[policy]] rule 1 ('a'): says nothing is wrong: give forbid, allow or max_exposure"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]\nforbid = ["health"]\nfolder = "x"',
     "[[policy]] rule 1 ('a'): unknown key 'folder' (keys: name, paths, except_paths, "
     "forbid, allow, max_exposure, max_exposure_for)"),
    ('[[policy]]\nname = "a"\npaths = ["Finance/**"]\nmax_exposure_for = ["health"]',
     "[[policy]] rule 1 ('a'): max_exposure_for needs max_exposure"),
    ('[[policy]]\nname = "a"\npaths = ["A/**"]\nforbid = ["health"]\n'
     '[[policy]]\nname = "a"\npaths = ["B/**"]\nforbid = ["health"]',
     "[[policy]] name 'a' is used by two rules"),
]


@pytest.mark.parametrize(("rules", "message"), BAD_RULES)
def test_a_bad_rule_is_a_config_error(tmp_path, rules, message):
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text("nothing here\n")
    config = tmp_path / "bad.toml"
    config.write_text(rules + "\n")
    result = run_cli("scan", str(share), "--out", str(tmp_path / "out"), "-c", str(config))
    assert result.returncode == 2
    assert " ".join(result.stderr.split()) == f"config error: {message}"
    assert not (tmp_path / "out").exists()


def test_globs_match_locations_as_stored_for_every_source():
    rules = parse_policy([
        {"name": "finance", "paths": ["Finance/**"], "forbid": ["health"]},
        {"name": "bucket", "paths": ["s3://hr-*/**"], "forbid": ["health"]},
        {"name": "server", "paths": ["smb://files01/Care/Notes/*.docx"], "forbid": ["health"]},
        {"name": "anchored", "paths": ["/srv/share/Finance/"], "except_paths": ["**/Public/**"],
         "forbid": ["health"]},
    ])

    def covering(location: str) -> set[str]:
        return {rule.name for rule in rules if rule.covers(location)}

    assert covering("/srv/share/Finance/2026/q1.xlsx") == {"finance", "anchored"}
    assert covering("/srv/share/Finance/Public/q1.xlsx") == {"finance"}
    assert covering("/srv/share/Finance-Old/q1.xlsx") == set()
    assert covering("/srv/share/Finance/notes.zip!letters/a.txt") == {"finance", "anchored"}
    assert covering("/srv/share/old.zip!Finance/a.txt") == {"finance"}
    assert covering("/srv/other/Finance/a.txt") == {"finance"}
    assert covering("s3://hr-exports/Finance/q1.csv") == {"finance", "bucket"}
    assert covering("s3://payroll/hr-exports/q1.csv") == set()
    assert covering("smb://FILES01/care/notes/visit.docx") == {"server"}  # Windows: no case
    assert covering("smb://files01/Care/Notes/2026/visit.docx") == set()  # * is one name
    assert covering("/srv/share/finance/q1.xlsx") == set()  # local paths keep their case


def test_an_older_inventory_gains_the_violations_table(tmp_path):
    with Inventory(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "inventory.sqlite")
    db.execute("DROP TABLE policy_violations")
    db.commit()
    db.close()
    with Inventory(tmp_path, readonly=True) as inventory:
        assert inventory.violations() == []  # read-only: nothing migrated, nothing broken
    report = run_cli("report", str(tmp_path), "--format", "json")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["policy"] == {"total": 0, "locations": 0, "by_rule": {},
                                                   "violations": []}
    with Inventory(tmp_path) as inventory:
        assert inventory.violations() == []
    db = sqlite3.connect(tmp_path / "inventory.sqlite")
    assert db.execute("SELECT name FROM sqlite_master WHERE name='policy_violations'").fetchone()
    db.close()


def test_watch_alerts_a_violating_file_dropped_in(open_tree):
    share = open_tree / "share"
    write(share / "Finance" / "budget.csv", "item,amount\nprinter toner,120\n")
    write(share / "All-Staff" / "keysafe.txt", key_safe_note(0))
    out = open_tree / "out"
    config = open_tree / "watch.toml"
    config.write_text(policy_toml(share) + "\n[watch]\nsettle_seconds = 0.3\n"
                      "heartbeat_seconds = 0.5\nworkers = 1\nexport_interval_seconds = 0.5\n")
    # The scan's two violations (All-Staff/keysafe.txt) are the daemon's baseline: not alerted.
    scan = run_cli("scan", str(share), "--out", str(out), "-c", str(config), "--quiet")
    assert scan.returncode == 0, scan.stderr
    daemon = start_daemon([share], out, config, open_tree / "logs")
    try:
        wait_until_running(out, daemon)
        write(share / "Finance" / "sickness.csv", "nhs_number,name,condition\n"
              f"{spaced(NHS[0])},{NAMES[0]},asthma\n")
        write(share / "HR" / "leavers.txt", "Team meeting on Monday at ten.\n")

        def violation_alerts() -> list[dict]:
            return [a for a in alert_lines(out) if a["event"] == "policy_violation"]

        alerts = wait_for(violation_alerts, "a policy_violation alert", daemon)
        # The clean file dropped beside it is scanned too: then nothing else is coming.
        wait_for(lambda: f"{share}/HR/leavers.txt" in (out / "files.jsonl").read_text()
                 if (out / "files.jsonl").exists() else False, "the clean file", daemon)
        wait_for(lambda: json.loads((out / "summary.json").read_text())[
            "policy_violations"]["total"] == 3, "summary.json to count the new one", daemon)
    finally:
        assert daemon.stop() == 0, daemon.stderr()[-3000:]
    again = start_daemon([share], out, config, open_tree / "logs")  # a restart: no re-alert
    try:
        wait_until_running(out, again)
    finally:
        assert again.stop() == 0, again.stderr()[-3000:]
    alerts = [a for a in alert_lines(out) if a["event"] == "policy_violation"]
    assert [{key: alert[key] for key in ("location", "rule", "categories", "exposure",
                                         "reason", "via")} for alert in alerts] == [
        {"location": f"{share}/Finance/sickness.csv", "rule": "finance-no-special-category",
         "categories": ["health"], "exposure": "broad", "reason": "health not allowed here",
         "via": "watch"}]
    assert "previews" not in alerts[0]
    everything = "".join([json.dumps(alert_lines(out)), daemon.stdout(), daemon.stderr(),
                          again.stdout(), again.stderr()])
    for value in raw_values():
        assert not leaked(value, json.dumps(alerts)), value
    assert not leaked(NHS[0], everything) and not leaked(spaced(NHS[0]), everything)
    assert json.loads((out / "summary.json").read_text())["policy_violations"]["by_rule"] == {
        "all-staff-nothing-sensitive-broad": 1, "finance-no-special-category": 1,
        "home-access-only-in-restricted": 1}


def test_bucket_and_folder_globs_over_a_real_s3_server(s3_admin, moto_endpoint, aws_test_env,
                                                       tmp_path):
    """Locations as stored for S3 (`s3://bucket/key`), from moto's HTTP server."""
    for bucket in ("hr-exports", "care-notes"):
        s3_admin.create_bucket(Bucket=bucket)
        s3_admin.put_object(Bucket=bucket, Key="Finance/sick.txt", Body=sick_note(0).encode())
        s3_admin.put_object(Bucket=bucket, Key="visits/keysafe.txt",
                            Body=key_safe_note(1).encode())
    config = tmp_path / "policy.toml"
    config.write_text(policy_toml(tmp_path) + '\n[[policy]]\nname = "hr-buckets-no-health"\n'
                      'paths = ["s3://hr-*/**"]\nforbid = ["health"]\n')
    out = tmp_path / "out"
    result = run_cli("scan", "s3://hr-exports", "s3://care-notes", "--out", str(out),
                     "-c", str(config), "--endpoint-url", moto_endpoint, "--workers", "1",
                     "--quiet", "--fail-on-violations")
    assert result.returncode == 1, result.stderr
    with Inventory(out, readonly=True) as inventory:
        found = {(item.location, item.violation.rule) for item in inventory.violations()}
    assert found == {
        ("s3://care-notes/Finance/sick.txt", "finance-no-special-category"),
        ("s3://care-notes/visits/keysafe.txt", "home-access-only-in-restricted"),
        ("s3://hr-exports/Finance/sick.txt", "finance-no-special-category"),
        ("s3://hr-exports/Finance/sick.txt", "hr-buckets-no-health"),
        ("s3://hr-exports/visits/keysafe.txt", "home-access-only-in-restricted"),
    }


def test_scan_summary_indents_each_row_under_its_own_heading(open_tree):
    """The risk and entity rows once sat indented under "policy violations"."""
    share = build_share(open_tree)
    config = open_tree / "policy.toml"
    config.write_text(policy_toml(share))
    result = run_cli("scan", str(share), "--out", str(open_tree / "out"), "-c", str(config))
    assert result.returncode == 0, result.stderr
    cells = [line[2:].split("│")[0].rstrip() for line in result.stdout.splitlines()
             if line.startswith("│")]
    headings = [cell for cell in cells if cell and not cell.startswith(" ")]
    assert headings == ["locations", "special-category locations", "findings",
                        "policy violations"]
    under_violations = cells[cells.index("policy violations") + 1:]
    assert under_violations and all(cell.startswith("  rule ") for cell in under_violations)
    under_locations = cells[cells.index("locations") + 1:cells.index("special-category locations")]
    assert any(cell.startswith("  risk ") for cell in under_locations)
