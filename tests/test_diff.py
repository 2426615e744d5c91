"""`phiscan diff`: a real share scanned, then changed (files added and removed, one made
sensitive, one re-permissioned), scanned again into a second folder and into the same
one; the diff lists exactly those changes, in text, JSON and HTML, with no identifier."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from phiscan.synthetic.people import mod11_number, spaced
from tests import cli
from tests.conftest import _needle_patterns, assert_no_raw_values

KEY = "diff-test-key-not-secret"


def run_cli(*args: str, key: str = KEY) -> subprocess.CompletedProcess:
    return cli.run_cli(*args, env={**os.environ, "PHISCAN_HMAC_KEY": key})


def scan(share: Path, out: Path, key: str = KEY) -> None:
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1", key=key)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def open_tree():
    """Folders every account may search (pytest's temp folders are 0700, which would
    make every file restricted and hide the re-permissioning)."""
    top = Path(tempfile.mkdtemp(prefix="phiscan-diff-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    shutil.rmtree(top)


def write(path: Path, text: str, mode: int = 0o644) -> Path:
    path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)
    return path


class Share:
    """The share and the identifiers planted in it (none may leave in any output)."""

    def __init__(self, top: Path) -> None:
        rng = random.Random()
        self.root = top / "share"
        self.nhs = {who: mod11_number(rng, prefix) for who, prefix in
                    (("kept", "41"), ("removed", "62"), ("made", "73"), ("added", "48"),
                     ("zipped", "69"))}
        self.names = {"kept": "Margaret Holroyd", "removed": "Dennis Ackroyd",
                      "added": "Brenda Sutcliffe", "zipped": "Walter Thwaite"}

    def note(self, who: str) -> str:
        return (f"Patient {self.names[who]}, NHS number {spaced(self.nhs[who])}, has type 2 "
                "diabetes and takes metformin 500mg.\n")

    def build(self) -> None:
        team, admin = self.root / "Team", self.root / "Admin"
        write(team / "visits.txt", self.note("kept"))
        write(team / "clinic.txt", "Seen in clinic today: asthma, salbutamol inhaler.\n")
        write(team / "old-list.txt", self.note("removed"))
        write(admin / "minutes.txt", "Minutes of the estates meeting: car park resurfacing.\n")
        with zipfile.ZipFile(admin / "letters.zip", "w") as archive:
            archive.writestr("letter.txt", self.note("zipped"))
        (admin / "letters.zip").chmod(0o644)

    def change(self) -> None:
        team, admin = self.root / "Team", self.root / "Admin"
        write(team / "referral.txt", self.note("added"))
        write(admin / "rota.txt", "Rota: estates team, weeks 1 to 4.\n")
        (team / "old-list.txt").unlink()
        with open(team / "clinic.txt", "a") as handle:
            handle.write(f"NHS number {spaced(self.nhs['made'])}\n")
        (team / "visits.txt").chmod(0o600)

    def raw_values(self) -> list[str]:
        return [*self.nhs.values(), *map(spaced, self.nhs.values()), *self.names.values()]

    def path(self, relative: str) -> str:
        return f"{self.root}/{relative}"


@pytest.fixture(scope="module")
def weekly(open_tree):
    """week1 scanned before the changes, week2 after. Tests that scan into one of them
    again work on a copy (`copy_of`)."""
    share = Share(open_tree)
    share.build()
    week1, week2 = open_tree / "week1", open_tree / "week2"
    scan(share.root, week1)
    share.change()
    scan(share.root, week2)
    return share, week1, week2


def copy_of(out: Path, name: str) -> Path:
    copy = out.parent / name
    shutil.copytree(out, copy)
    return copy


def expected_locations(share: Share) -> dict:
    sensitive = ["health", "identifiers"]
    return {
        "appeared": [
            {"location": share.path("Admin/rota.txt"), "status": "scanned", "risk": "none",
             "exposure": "broad", "sensitive": False, "categories": []},
            {"location": share.path("Team/referral.txt"), "status": "scanned",
             "risk": "critical", "exposure": "broad", "sensitive": True,
             "categories": sensitive},
        ],
        "went": [
            {"location": share.path("Team/old-list.txt"), "status": "scanned",
             "risk": "critical", "exposure": "broad", "sensitive": True,
             "categories": sensitive},
        ],
        "became_sensitive": [
            {"location": share.path("Team/clinic.txt"), "categories": sensitive,
             "risk": "critical"},
        ],
        "stopped_being_sensitive": [],
        # the NHS number appended to it, whatever its risk did
        "contents_changed": [
            {"location": share.path("Team/clinic.txt"), "risk": "critical",
             "added": {"UK_NHS": 1}, "removed": {}, "added_categories": ["identifiers"],
             "removed_categories": []},
        ],
        "exposure_changed": [
            {"location": share.path("Team/visits.txt"), "old": "broad", "new": "restricted",
             "old_principals": ["other"], "new_principals": ["user:root"]},
        ],
        "risk_changed": [
            {"location": share.path("Team/clinic.txt"), "old": "low", "new": "critical"},
            {"location": share.path("Team/visits.txt"), "old": "critical", "new": "high"},
        ],
        "no_longer_read": [],
    }


def expected_text(share: Share) -> list[str]:
    return [
        "appeared: 2",
        f"  {share.path('Admin/rota.txt')}  [scanned, risk none, broad]",
        f"  {share.path('Team/referral.txt')}  [scanned, risk critical, broad, sensitive]",
        "went (deleted, moved or no longer listed): 1",
        f"  {share.path('Team/old-list.txt')}  [scanned, risk critical, broad, sensitive]",
        "became sensitive (special-category or home-access data): 1",
        f"  {share.path('Team/clinic.txt')}  [risk critical; health, identifiers]",
        "stopped being sensitive: 0",
        "contents changed (entity types or categories added or gone, or a type found more "
        "often): 1",
        f"  {share.path('Team/clinic.txt')}  [risk critical] +UK_NHS 1; categories +identifiers",
        "exposure changed: 1",
        f"  {share.path('Team/visits.txt')}  broad -> restricted (user:root)",
        "risk changed: 2",
        f"  {share.path('Team/clinic.txt')}  low -> critical",
        f"  {share.path('Team/visits.txt')}  critical -> high",
        "no longer read (skipped or error now: not known to be clean): 0",
        "people: 3 -> 4; newly affected 2, no longer found 1, not re-read 0 (found before in a "
        "file not read whole now)",
        "newly affected people: 2",
    ]


def masked(nhs: str) -> str:
    return f"{nhs[:3]} *** ****"


def individual_ids(out: Path, export: Path) -> dict[str, str]:
    """Masked NHS number -> individual id, from `individuals --export` (the people key)."""
    assert run_cli("individuals", str(out), "--export", str(export)).returncode == 0
    with open(export, newline="") as handle:
        return {row["nhs_number_masked"]: row["individual_id"] for row in csv.DictReader(handle)}


def assert_people(diff: dict, share: Share, ids: dict[str, str]) -> None:
    people = diff["people"]
    assert (people["old_total"], people["new_total"]) == (3, 4)
    assert (people["newly_affected"], people["no_longer_found"]) == (2, 1)
    newly = {(person["individual_id"], person["nhs_number_masked"], person["categories"],
              person["locations"]) for person in people["newly_affected_people"]}
    assert newly == {
        (ids[masked(share.nhs["added"])], masked(share.nhs["added"]), "health;identifiers", 1),
        (ids[masked(share.nhs["made"])], masked(share.nhs["made"]), "health;identifiers", 1),
    }
    added = next(person for person in people["newly_affected_people"]
                 if person["nhs_number_masked"] == masked(share.nhs["added"]))
    assert added["name_masked"] == "B***** S********"
    assert added["first_locations"] == share.path("Team/referral.txt")
    assert [person["nhs_number_masked"] for person in people["no_longer_found_people"]] == [
        masked(share.nhs["removed"])]


def assert_diff(diff: dict, share: Share, ids: dict[str, str]) -> None:
    assert diff["schema"] == "phiscan.diff/2"
    assert diff["key"]["checked"] is True
    assert diff["locations"] == expected_locations(share)
    assert diff["counts"] == {"appeared": 2, "went": 1, "became_sensitive": 1,
                              "stopped_being_sensitive": 0, "contents_changed": 1,
                              "exposure_changed": 1,
                              "risk_changed": 2, "no_longer_read": 0}
    assert (diff["old"]["locations"], diff["new"]["locations"]) == (6, 7)
    assert (diff["old"]["sensitive_locations"], diff["new"]["sensitive_locations"]) == (3, 4)
    assert_people(diff, share, ids)


def assert_text(stdout: str, share: Share) -> None:
    lines = stdout.splitlines()
    assert lines[0].startswith("old: ") and lines[1].startswith("new: ")
    assert lines[2:-3] == expected_text(share)
    assert lines[-1] == ("policy: no [[policy]] rules in the config (give diff the scans' "
                         "--config to compare violations)")
    people = lines[-3:-1]
    assert all(line.startswith("  P-") for line in people)
    for nhs in (share.nhs["added"], share.nhs["made"]):
        assert sum(f"NHS {masked(nhs)}" in line for line in people) == 1


POLICY = """
[[policy]]
name = "team-sensitive-not-broad"
paths = ["Team/**"]
max_exposure = "group"
max_exposure_for = ["sensitive"]

[[policy]]
name = "admin-no-personal-data"
paths = ["Admin/**"]
allow = []
"""


def assert_violations(diff: dict, share: Share) -> None:
    """The rules applied to both sides: what changed is the data, never the rules."""
    team = "team-sensitive-not-broad"
    too_wide = "health with exposure broad (at most group allowed)"
    violations = diff["violations"]
    assert (violations["rules"], violations["old_total"], violations["new_total"]) == (2, 3, 3)
    assert violations["new"] == [
        {"location": share.path(name), "rule": team, "categories": ["health"],
         "exposure": "broad", "reason": too_wide}
        for name in ("Team/clinic.txt", "Team/referral.txt")]
    assert violations["resolved"] == [
        {"location": share.path(name), "rule": team, "categories": ["health"],
         "exposure": "broad", "reason": too_wide}
        for name in ("Team/old-list.txt", "Team/visits.txt")]


def assert_nothing_raw(share: Share, *streams: str) -> None:
    patterns = _needle_patterns(share.raw_values())
    for stream in streams:
        assert [p.pattern for p in patterns if p.search(stream.encode())] == []


def test_diff_two_folders_and_two_runs_list_exactly_the_changes(weekly, open_tree):
    share, week1, week2 = weekly
    exports = open_tree / "exports"
    exports.mkdir(mode=0o700)
    ids = individual_ids(week2, exports / "week2-individuals.csv")
    as_json = run_cli("diff", str(week1), str(week2), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert_diff(json.loads(as_json.stdout), share, ids)
    as_text = run_cli("diff", str(week1), str(week2))
    assert as_text.returncode == 0, as_text.stderr
    assert_text(as_text.stdout, share)

    week1 = copy_of(week1, "week1-rescanned")
    scan(share.root, week1)  # the same folder's second run: its last two completed runs
    runs_json = run_cli("diff", str(week1), "--format", "json")
    assert runs_json.returncode == 0, runs_json.stderr
    diff = json.loads(runs_json.stdout)
    assert_diff(diff, share, ids)
    assert (diff["old"]["run"]["id"], diff["new"]["run"]["id"]) == (1, 2)
    explicit = run_cli("diff", str(week1), "--runs", "1", "2")
    assert explicit.returncode == 0, explicit.stderr
    assert_text(explicit.stdout, share)

    policy = exports / "policy.toml"
    policy.write_text(POLICY)
    for sides in ((str(week1),), (str(open_tree / "week1"), str(week2))):
        with_rules = run_cli("diff", *sides, "--config", str(policy), "--format", "json")
        assert with_rules.returncode == 0, with_rules.stderr
        assert_violations(json.loads(with_rules.stdout), share)

    page = exports / "changes.html"
    with_html = run_cli("diff", str(week1), "--html", str(page))
    assert with_html.returncode == 0, with_html.stderr
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    html = page.read_text()
    for item in expected_locations(share)["appeared"]:
        assert item["location"] in html
    assert masked(share.nhs["added"]) in html and "<script" not in html
    assert_nothing_raw(share, as_json.stdout, as_text.stdout, runs_json.stdout,
                       explicit.stdout, with_html.stdout, as_json.stderr, with_html.stderr)
    assert_no_raw_values(exports, share.raw_values())
    assert_no_raw_values(week1, share.raw_values())


def test_a_second_run_with_no_change_lists_nothing(weekly):
    share, _week1, week2 = weekly
    week2 = copy_of(week2, "week2-again")
    scan(share.root, week2)
    result = run_cli("diff", str(week2), "--format", "json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    assert diff["counts"] == dict.fromkeys(diff["counts"], 0)
    assert (diff["people"]["newly_affected"], diff["people"]["no_longer_found"]) == (0, 0)


def test_two_keys_cannot_be_compared(weekly, open_tree):
    share, week1, _week2 = weekly
    other = open_tree / "other-key"
    scan(share.root, other, key="another-test-key-not-secret")
    result = run_cli("diff", str(week1), str(other))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "different HMAC keys" in " ".join(result.stderr.split())


def test_runs_that_cannot_be_compared_are_usage_errors(weekly, open_tree):
    _share, week1, week2 = weekly
    one_run = run_cli("diff", str(week1))
    assert one_run.returncode == 2
    assert "1 completed run(s): diff needs two" in " ".join(one_run.stderr.split())
    unknown = run_cli("diff", str(week1), "--runs", "1", "5")
    assert unknown.returncode == 2
    assert "no run 5" in unknown.stderr
    both = run_cli("diff", str(week1), str(week2), "--runs", "1", "2")
    assert both.returncode == 2
    missing = run_cli("diff", str(open_tree / "nothing"), str(week2))
    assert missing.returncode == 2
    assert "no inventory" in missing.stderr


def test_an_inventory_from_before_history_compares_from_its_latest_run(weekly):
    """An older inventory (no history tables) gains them at its next scan, holding its
    latest run's state: that run and the next compare; earlier runs are refused."""
    share, week1, _week2 = weekly
    week1 = copy_of(week1, "week1-older-phiscan")
    scan(share.root, week1)  # run 2: the changed share
    with sqlite3.connect(week1 / "inventory.sqlite") as db:
        db.execute("DROP TABLE location_history")
        db.execute("DROP TABLE superseded_findings")
        db.execute("DELETE FROM meta WHERE key='history_since_run'")
    minutes = share.root / "Admin" / "minutes.txt"
    minutes.chmod(0o600)
    try:
        scan(share.root, week1)  # run 3
    finally:
        minutes.chmod(0o644)
    result = run_cli("diff", str(week1), "--format", "json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    assert diff["locations"]["exposure_changed"] == [
        {"location": share.path("Admin/minutes.txt"), "old": "broad", "new": "restricted",
         "old_principals": ["other"], "new_principals": ["user:root"]}]
    assert sum(diff["counts"].values()) == 1
    refused = run_cli("diff", str(week1), "--runs", "1", "3")
    assert refused.returncode == 2
    assert "before this inventory kept per-run state (from run 2 on)" in " ".join(
        refused.stderr.split())


def test_a_file_no_longer_read_is_not_called_clean(open_tree):
    """A sensitive file that now fails to parse is listed as no longer read: never as
    having stopped being sensitive, nor as a drop in risk."""
    share = open_tree / "unread-share"
    people = Share(open_tree)
    record = write(share / "patient.json", json.dumps(
        {"patient": people.names["kept"], "nhs_number": people.nhs["kept"],
         "condition": "type 2 diabetes", "medication": "metformin"}))
    out = open_tree / "unread-out"
    scan(share, out)
    record.write_text(record.read_text()[:40])
    scan(share, out)
    result = run_cli("diff", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    assert (diff["old"]["sensitive_locations"], diff["new"]["sensitive_locations"]) == (1, 0)
    changes = diff["locations"]
    assert changes["no_longer_read"] == [
        {"location": str(record), "old": "scanned", "new": "error",
         "reason": "malformed json: JSONDecodeError"}]
    assert {name: items for name, items in changes.items() if items} == {
        "no_longer_read": changes["no_longer_read"]}
    # the person found there before is not known to be gone: the file was not read whole
    assert (diff["people"]["no_longer_found"], diff["people"]["not_re_read"]) == (0, 1)
    assert [person["nhs_number_masked"] for person in diff["people"]["not_re_read_people"]] == [
        masked(people.nhs["kept"])]
    text = run_cli("diff", str(out))
    assert "no longer found 0, not re-read 1 (found before in a file not read whole now)" in (
        text.stdout)
    assert_nothing_raw(people, result.stdout, text.stdout)


def test_a_violation_at_a_file_no_longer_read_is_not_resolved(open_tree):
    """A file breaking a rule that now fails to parse: its violation is listed as at a
    location no longer read, never as resolved; a file deleted resolves its own."""
    share = open_tree / "unread-violation-share"
    people = Share(open_tree)
    record = write(share / "Finance" / "patient.json", json.dumps(
        {"patient": people.names["kept"], "nhs_number": people.nhs["kept"],
         "condition": "type 2 diabetes", "medication": "metformin"}))
    deleted = write(share / "Finance" / "refund.txt",
                    f"Refund for {people.names['kept']}, NHS {people.nhs['kept']}, asthma.\n")
    config = open_tree / "unread-violation.toml"
    config.write_text('[[policy]]\nname = "finance-no-health"\npaths = ["Finance"]\n'
                      'forbid = ["health"]\n')
    out = open_tree / "unread-violation-out"
    scan(share, out)
    record.write_text(record.read_text()[:40])
    deleted.unlink()
    scan(share, out)
    result = run_cli("diff", str(out), "--format", "json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    violations = json.loads(result.stdout)["violations"]
    assert [item["location"] for item in violations["resolved"]] == [str(deleted)]
    assert [item["location"] for item in violations["no_longer_read"]] == [str(record)]
    text = run_cli("diff", str(out), "--config", str(config))
    assert "violations resolved: 1\n" in text.stdout
    assert ("violations at locations no longer read (not known to be resolved): 1\n"
            in text.stdout)
    assert_nothing_raw(people, result.stdout + text.stdout)


def test_people_identified_by_name_and_address_are_the_same_people_next_week(open_tree):
    """A key-safe list names people by name and address only: an unchanged share must not
    show them as newly affected (and no longer found) on every diff."""
    share = open_tree / "key-safe-share"
    write(share / "keysafes.txt", "KEY SAFE CODES\n\n"
          "Mrs Edith Hargreaves, 4 Mill Lane HX3 7DJ - KS 4471\n"
          "Mr Walter Brierley, 12 Bank Top HX3 8QP - KS 9024\n")
    first, second = open_tree / "ks-week1", open_tree / "ks-week2"
    scan(share, first)
    scan(share, second)
    result = run_cli("diff", str(first), str(second), "--format", "json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)["people"]
    assert (people["old_total"], people["new_total"], people["newly_affected"],
            people["no_longer_found"]) == (2, 2, 0, 0)


def test_a_son_of_his_father_s_name_and_home_is_newly_affected() -> None:
    """Name and postcode make two sides' people one person only for people with neither an
    NHS number nor a date of birth: a son of his father's name at his father's postcode,
    with his own date of birth and NHS number, is a new person, never the father."""
    from phiscan.scoping.changes import person_keys
    from phiscan.scoping.linkage import Individual
    from phiscan.scoping.subject_records import Record

    def person(ident: str, location: str, **values: set[str]) -> Individual:
        return Individual(ident, [Record(location, "document", full_names={"name-h"},
                                         postcodes={"pc-h"}, categories={"identifiers"},
                                         **values)])

    father = person("P-1", "a.txt", nhs={"nhs-f"}, dobs={"dob-f"})
    son = person("P-2", "b.txt", nhs={"nhs-s"}, dobs={"dob-s"})
    unnamed_week1, unnamed_week2 = person("P-3", "c.txt"), person("P-4", "c.txt")
    assert person_keys(son) & person_keys(father) == set()
    assert person_keys(unnamed_week1) & person_keys(unnamed_week2) == {
        ("name_postcode", "name-h", "pc-h")}
