"""Operating `phiscan scan` as a scheduled job (session 11, new-user report items 6-10,
16): the output folder inside the scanned one, interruptions, walks that read nothing,
include/exclude globs, `--quiet`, `--fail-on-risk` and option checks. Real CLI only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli import run_cli

NOTE = "Patient: Margaret Ellwood DOB 14/07/1938 NHS 401 023 2137. Asthma, reviewed.\n"
CLEAN = "Meeting notes: the car park will be resurfaced next week.\n"


def locations(out: Path) -> list[str]:
    lines = (out / "files.jsonl").read_text().splitlines()
    return sorted(json.loads(line)["location"] for line in lines)


def test_an_output_folder_inside_the_scanned_folder_is_never_scanned(tmp_path):
    share = tmp_path / "t5"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    (share / "minutes.txt").write_text(CLEAN)
    for _ in range(2):
        result = run_cli("scan", str(share), "--out", str(share / "out"), "--quiet")
        assert result.returncode == 0, result.stderr
        assert locations(share / "out") == [str(share / "minutes.txt"), str(share / "note.txt")]
    # named another way (relative, through ..) it is still the same folder
    result = run_cli("scan", str(share), "--out", str(share / "sub" / ".." / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert locations(share / "out") == [str(share / "minutes.txt"), str(share / "note.txt")]


def scan(share: Path, out: Path, *extra: str):
    return run_cli("scan", str(share), "--out", str(out), "--workers", "1", *extra)


def test_a_root_that_lists_nothing_is_taken_as_not_mounted(tmp_path):
    share, out = tmp_path / "m1", tmp_path / "m1out"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    (share / "minutes.txt").write_text(CLEAN)
    first = scan(share, out, "--fail-on-findings", "-q")
    assert first.returncode == 1, first.stderr
    assert "listed no file" not in first.stderr
    share.rename(tmp_path / "m1.away")  # the share is unmounted: an empty mount point
    share.mkdir()
    for extra in (("--fail-on-findings",), ()):  # with or without a scheduled check
        unmounted = scan(share, out, "-q", *extra)
        assert unmounted.returncode == 3, unmounted.stderr
        assert f"{share}: the walk listed no file: nothing read" in unmounted.stderr
        assert (f"{share} listed no file where earlier scans read 2 locations: taken as not "
                "mounted, nothing marked gone, the run is incomplete") in unmounted.stderr
        summary = json.loads((out / "summary.json").read_text())
        assert summary["run"]["status"] == "incomplete"
        assert summary["run"]["unavailable"] == [str(share)]
    assert "taken as not mounted" in (out / "phiscan.log").read_text()
    one_run = run_cli("diff", str(out))  # the incomplete runs are not a week to compare
    assert one_run.returncode == 2 and "holds 1 completed run(s)" in one_run.stderr
    (tmp_path / "m1.away" / "note.txt").rename(share / "note.txt")  # remounted
    (tmp_path / "m1.away" / "minutes.txt").rename(share / "minutes.txt")
    back = scan(share, out, "-q", "--fail-on-findings")
    assert back.returncode == 1, back.stderr
    narrowed = scan(share, out, "-q", "--include", "*.xyz")  # globs hiding all: mounted
    assert narrowed.returncode == 0, narrowed.stderr
    assert "hid every one of the 2 files listed" in narrowed.stderr
    assert "taken as not mounted" not in narrowed.stderr
    changes = json.loads(run_cli("diff", str(out), "--format", "json").stdout)
    assert changes["locations"]["went"] == [] and changes["locations"]["appeared"] == []
    assert changes["people"]["no_longer_found"] == 0 and changes["people"]["newly_affected"] == 0
    (share / "note.txt").unlink()  # emptied on purpose, and said so
    (share / "minutes.txt").unlink()
    emptied = scan(share, out, "-q", "--accept-empty", "--fail-on-findings")
    assert emptied.returncode == 0, emptied.stderr
    assert "listed nothing where earlier scans read 2 locations: marked gone" in emptied.stderr
    assert json.loads((out / "summary.json").read_text())["run"]["status"] == "completed"
    assert len(json.loads(run_cli("diff", str(out), "--format", "json").stdout)["locations"][
        "went"]) == 2


def test_include_and_exclude_name_folders_as_policy_globs_and_say_when_they_match_nothing(
        tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    for folder in ("Community", "Scans", "Scans/2026", "Finance"):
        (share / folder).mkdir(parents=True)
    (share / "Community" / "visits.txt").write_text(NOTE)
    (share / "Scans" / "a.txt").write_text(CLEAN)
    (share / "Scans" / "2026" / "b.txt").write_text(CLEAN)
    (share / "Finance" / "budget.txt").write_text(CLEAN)
    everything = [str(share / p) for p in ("Community/visits.txt", "Finance/budget.txt")]
    for exclude in ("Scans", "Scans/", f"{share}/Scans/*", f"{share}/Scans"):
        result = scan(share, tmp_path / f"out-{len(exclude)}-{exclude[-1]}", "--exclude",
                      exclude, "-q")
        assert result.returncode == 0, result.stderr
        assert locations(tmp_path / f"out-{len(exclude)}-{exclude[-1]}") == everything, exclude
        assert "matched no file" not in result.stderr
    result = scan(share, out, "--include", "Community", "-q")
    assert result.returncode == 0, result.stderr
    assert locations(out) == [str(share / "Community" / "visits.txt")]
    first_read = scan(share, out, "-q", "--fail-on-findings")
    assert first_read.returncode == 1, first_read.stderr
    hidden = scan(share, out, "--include", "community", "--exclude", "Archive", "-q",
                  "--fail-on-findings")
    assert f"--include community matched no file under {share}" in hidden.stderr
    assert f"--exclude Archive matched no file under {share}" in hidden.stderr
    assert f"{share}: --include/--exclude hid every one of the 4 files listed" in hidden.stderr
    assert hidden.returncode == 3, hidden.stderr  # a scheduled check never passes on it
    assert (f"not passing --fail-on-*: --include/--exclude hid every file of {share} where "
            "earlier scans read 4 locations") in hidden.stderr
    assert "taken as not mounted" not in hidden.stderr


KEY_SAFE_LIST = ("Mrs Edith Hargreaves, 4 Mill Lane HX3 7DJ - KS 4471\n"
                 "Mr Albert Duckworth, 9 Mill Lane HX3 7DJ - KS 2290\n")
FINANCE_RULE = """[[policy]]
name = "finance-no-special-category"
paths = ["Finance"]
forbid = ["special_category"]
"""


def test_quiet_still_prints_errors_and_violations_and_fail_on_risk(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    (share / "Finance").mkdir(parents=True)
    (share / "Finance" / "refund.txt").write_text(NOTE)
    (share / "keysafes.txt").write_text(KEY_SAFE_LIST)
    (share / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x14\x00\x00\x00\x08\x00" + b"\xff" * 40)
    config = tmp_path / "cfg.toml"
    config.write_text(FINANCE_RULE)
    quiet = scan(share, out, "-q", "--config", str(config), "--fail-on-violations")
    assert quiet.returncode == 1, quiet.stderr
    assert quiet.stdout == ""
    assert f"error: {share}/broken.zip: corrupt zip" in quiet.stderr
    assert ("policy violations: 1 at 1 locations (finance-no-special-category 1)"
            in quiet.stderr)
    loud = scan(share, out, "--config", str(config))
    assert loud.returncode == 0, loud.stderr
    table = {line.strip("│┃ ").split("│")[0].strip(): line.split("│")[-2].strip()
             for line in loud.stdout.splitlines() if line.count("│") == 3}
    assert table["policy violations"] == "1"
    assert table["rule finance-no-special-category"] == "1"
    rows = {Path(row).name: row for row in locations(out)}
    assert set(rows) == {"refund.txt", "keysafes.txt", "broken.zip"}
    risks = {Path(json.loads(line)["location"]).name: json.loads(line)["risk"]
             for line in (out / "files.jsonl").read_text().splitlines()}
    assert risks["keysafes.txt"] == "critical"
    (share / "Finance" / "refund.txt").unlink()
    # a share of key-safe lists only: nothing special-category, every list critical
    assert scan(share, out, "-q", "--fail-on-findings").returncode == 0
    critical = scan(share, out, "-q", "--fail-on-risk", "critical")
    assert critical.returncode == 1, critical.stderr
    assert "1 locations at risk critical or above" in critical.stderr
    assert scan(share, out, "-q", "--fail-on-risk", "high").returncode == 1
    (share / "keysafes.txt").write_text(CLEAN)
    assert scan(share, out, "-q", "--fail-on-risk", "low").returncode == 0
    wrong = scan(share, out, "-q", "--fail-on-risk", "severe")
    assert wrong.returncode == 2
    assert "--fail-on-risk must be one of low, medium, high, critical, not 'severe'" in (
        wrong.stderr)


def test_options_and_outputs_are_checked_before_any_work(tmp_path):
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    for size in ("-5", "0"):
        bad = scan(share, out, "--max-file-bytes", size)
        assert bad.returncode == 2, bad.stderr
        assert f"--max-file-bytes must be a positive number of bytes, not {size}" in bad.stderr
    config = tmp_path / "cfg.toml"
    config.write_text("[scan]\nmax_file_bytes = -5\n")
    bad = scan(share, out, "--config", str(config))
    assert bad.returncode == 2
    assert "max_file_bytes must be a positive number of bytes" in bad.stderr
    negative = run_cli("scan", str(share), "--out", str(out), "--workers", "-1")
    assert negative.returncode == 2
    assert "--workers must be 0 (one per CPU core) or more" in negative.stderr
    assert not out.exists()
    per_core = run_cli("scan", str(share), "--out", str(tmp_path / "per-core"), "--workers", "0",
                       "-q")
    assert per_core.returncode == 0, per_core.stderr  # as `workers = 0` in the config
    assert f"workers 0: one per CPU core, {os.cpu_count()}" in (
        tmp_path / "per-core" / "phiscan.log").read_text()
    config.write_text("[scan]\nworkers = -1\n")
    bad = scan(share, tmp_path / "never", "--config", str(config))
    assert bad.returncode == 2
    assert "[scan] workers must be 0 (one per CPU core) or more" in bad.stderr
    assert not (tmp_path / "never").exists()

    env = {key: value for key, value in os.environ.items()
           if key not in ("PHISCAN_HMAC_KEY", "PHISCAN_KEY_FILE", "XDG_CONFIG_HOME")}
    first_home, wrong_home = tmp_path / "home", tmp_path / "wrong-home"
    first_home.mkdir()
    wrong_home.mkdir()
    made = run_cli("scan", str(share), "--out", str(out), "-q",
                   env={**env, "HOME": str(first_home)})
    assert made.returncode == 0, made.stderr
    refused = run_cli("scan", str(share), "--out", str(out), "-q",
                      env={**env, "HOME": str(wrong_home)})
    assert refused.returncode == 2, refused.stderr
    assert "was made with an HMAC key that is not found here" in " ".join(refused.stderr.split())
    assert list(wrong_home.rglob("*")) == []  # no new key made before the refusal

    before = (out / "files.csv").read_bytes()
    for name in ("files.csv", "summary.json", "inventory.sqlite"):
        overwrite = run_cli("individuals", str(out), "--export", str(out / name),
                            env={**env, "HOME": str(first_home)})
        assert overwrite.returncode == 2, overwrite.stderr
        assert "one of the scan's own outputs" in " ".join(overwrite.stderr.split())
    assert (out / "files.csv").read_bytes() == before
    fine = run_cli("individuals", str(out), "--export", str(out / "people.csv"),
                   env={**env, "HOME": str(first_home)})
    assert fine.returncode == 0, fine.stderr


def test_a_source_or_allow_list_refused_leaves_no_output_folder_and_stores_nothing(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    typo = tmp_path / "typo.toml"
    typo.write_text('paths = ["*/Scans/*"]\nhash = ["PERSON:fc03ba96ed30"]\n')
    config = tmp_path / "cfg.toml"
    config.write_text(f'[detection]\nallowlist = "{typo}"\n')
    refusals = [
        (("smb://user:Secr3tPw@127.0.0.1:4455/TeamDrive",), "put SMB passwords in"),
        (("s3://",), "an S3 source needs a bucket"),
        (("ftp://host/x",), "unsupported source scheme: ftp://"),
        ((str(share), "--config", str(config)), "unknown key in allow-list"),
    ]
    for number, (arguments, message) in enumerate(refusals):
        out = tmp_path / f"out{number}"
        result = run_cli("scan", *arguments, "--out", str(out))
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
        assert "Secr3tPw" not in result.stderr + result.stdout
        assert not out.exists()
    watched = run_cli("watch", str(share), "--out", str(tmp_path / "watch-out"), "--config",
                      str(config), timeout=60)  # no worker could load it: refused at once
    assert watched.returncode == 2, watched.stderr
    assert "unknown key in allow-list" in watched.stderr
    assert not (tmp_path / "watch-out").exists()


def test_field_names_that_run_together_are_never_another_units(tmp_path):
    """A unit's field names are remembered by a lossless key: `["name", "nhs"]` and
    `["name\\x1fnhs"]` are two lists (one had ended `detection failed (ValueError)`)."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "a.json").write_text(json.dumps(
        [{"name": "Margaret Ellwood", "nhs": "401 023 2137"}]))
    (share / "b.json").write_text(json.dumps(
        [{"name\u001fnhs": "Margaret Ellwood 401 023 2137"}]))
    result = scan(share, out, "-q")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    assert {row["location"].rsplit("/", 1)[1]: row["status"] for row in rows} == {
        "a.json": "scanned", "b.json": "scanned"}
