"""Where phiscan writes: only regular files it can keep 0600 (through the real CLI).

`individuals --export /dev/stdout --reveal` used to print real values to whatever
stdout was (a terminal, a pipe, a shared log), bypassing the 0600 promise.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tests.cli import run_cli

NHS = "943 476 5919"
NOTE = f"Patient Jane Smith, NHS number {NHS}, diagnosis: type 2 diabetes.\n"


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("share")
    (share / "note.txt").write_text(NOTE)
    out = tmp_path_factory.mktemp("out") / "inventory"
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def reveal_audit_rows(out: Path) -> int:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute("SELECT count(*) FROM audit WHERE action='reveal'").fetchone()[0]


def test_reveal_to_stdout_is_refused_before_reading_anything(scanned):
    result = run_cli("individuals", str(scanned), "--export", "/dev/stdout", "--reveal")
    assert result.returncode == 2
    assert "will not write /dev/stdout: it is a symbolic link, not a regular file" in \
        " ".join(result.stderr.split())
    assert "Jane" not in result.stdout and NHS.replace(" ", "") not in result.stdout
    assert NHS not in result.stdout
    assert reveal_audit_rows(scanned) == 0


@pytest.mark.parametrize("kind", ["fifo", "symlink", "char device", "folder"])
def test_exports_to_anything_but_a_regular_file_are_refused(scanned, tmp_path, kind):
    target = tmp_path / "export.csv"
    if kind == "fifo":
        os.mkfifo(target)  # opening it for writing would wait for a reader
    elif kind == "symlink":
        (tmp_path / "real.csv").write_text("")
        target.symlink_to(tmp_path / "real.csv")
    elif kind == "folder":
        target.mkdir()
    else:
        target = Path("/dev/null")
    result = run_cli("individuals", str(scanned), "--export", str(target), "--reveal",
                     timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"will not write {target}" in "".join(result.stderr.split("\n"))
    assert "Traceback" not in result.stderr
    assert reveal_audit_rows(scanned) == 0
    if kind == "symlink":
        assert (tmp_path / "real.csv").read_text() == ""


@pytest.mark.parametrize("command", [["individuals", "--export"], ["match", "--out"]])
def test_an_export_into_a_missing_folder_is_a_usage_error(scanned, tmp_path, command):
    """It was an internal error (FileNotFoundError, exit 1) after the whole scope was built."""
    target = tmp_path / "no such folder" / "people.csv"
    name, option = command
    mpi = tmp_path / "mpi.csv"
    mpi.write_text("nhs_number\n9434765919\n")
    extra = ["--mpi", str(mpi)] if name == "match" else []
    result = run_cli(name, str(scanned), *extra, option, str(target), timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"no folder {target.parent} to write people.csv in" in " ".join(
        result.stderr.split())
    assert "internal error" not in result.stderr


def test_a_regular_export_is_still_written_0600(scanned, tmp_path):
    target = tmp_path / "people.csv"
    result = run_cli("individuals", str(scanned), "--export", str(target))
    assert result.returncode == 0, result.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().count("\n") == 2  # the header and Jane


def test_report_html_into_a_planted_link_is_refused(scanned, tmp_path):
    """Files phiscan writes inside DIR are refused as links too (not followed)."""
    outside = tmp_path / "outside.html"
    outside.write_text("")
    (scanned / "report.html").symlink_to(outside)
    try:
        result = run_cli("report", str(scanned), "--html")
    finally:
        (scanned / "report.html").unlink()
    assert result.returncode == 2
    assert "it is a symbolic link" in result.stderr
    assert outside.read_text() == ""


def scan_into(out: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    share = tmp_path / "share"
    share.mkdir(exist_ok=True)
    (share / "note.txt").write_text(NOTE)
    return run_cli("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")


def test_an_existing_folder_readable_by_others_is_used_and_never_chmodded(tmp_path):
    out = tmp_path / "existing"
    out.mkdir()
    out.chmod(0o755)
    result = scan_into(out, tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert "readable by others (mode 0755); phiscan leaves it as it is" in \
        " ".join(result.stderr.split())
    written = sorted(path.name for path in out.iterdir())
    assert "inventory.sqlite" in written and "files.jsonl" in written
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_folder_others_may_write_to_is_refused_and_left_alone(tmp_path):
    """`--out /tmp` as root used to chmod the system's /tmp to 0700."""
    out = tmp_path / "like-tmp"
    out.mkdir()
    out.chmod(0o1777)
    result = scan_into(out, tmp_path)
    assert result.returncode == 2
    assert "others may write to it (mode 1777)" in " ".join(result.stderr.split())
    assert stat.S_IMODE(out.stat().st_mode) == 0o1777
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder to another user")
def test_a_folder_another_user_owns_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "theirs"
    out.mkdir(mode=0o700)
    os.chown(out, 65534, 65534)  # nobody
    result = scan_into(out, tmp_path)
    assert result.returncode == 2
    assert "another user owns it" in result.stderr
    assert (out.stat().st_uid, stat.S_IMODE(out.stat().st_mode)) == (65534, 0o700)
    assert list(out.iterdir()) == []


def test_a_new_folder_is_created_0700(tmp_path):
    out = tmp_path / "new" / "inventory"
    result = scan_into(out, tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o700


def test_an_output_folder_that_cannot_be_created_is_a_usage_error(tmp_path):
    """Its parent a file (or immutable, read-only): one line and exit 2, not an internal
    error (exit 1)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = scan_into(blocker / "out", tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        f"error: cannot create the folder {blocker / 'out'}: Not a directory")


def test_report_html_says_it_holds_file_names(scanned, tmp_path):
    result = run_cli("report", str(scanned), "--html", "--to", str(tmp_path / "html"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "report.html").read_text()
    assert "contains no identifiers" not in page
    assert ("the names of files and objects as they are, which may hold a person's name"
            in page)


@pytest.mark.parametrize(("mode", "warned"), [(0o644, True), (0o600, False)])
def test_an_allow_list_of_raw_values_others_can_read_is_warned_of(tmp_path, mode, warned):
    allow = tmp_path / "allow.toml"
    allow.write_text(f'values = ["{NHS}"]\n')
    allow.chmod(mode)
    config = tmp_path / "phiscan.toml"
    config.write_text(f'[detection]\nallowlist = "{allow}"\n')
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    result = run_cli("scan", str(share), "--out", str(tmp_path / "out"), "--config",
                     str(config), "--workers", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    warning = (f"WARNING phiscan.config: allow-list {allow} holds 1 raw value(s) and other "
               "accounts may read it (mode 0644): chmod 600 it, or replace `values` by "
               "`hashes`")
    logged = (tmp_path / "out" / "phiscan.log").read_text()
    # on stderr and in the log a service's operator reads, once each
    for said in (" ".join(result.stderr.split()), " ".join(logged.split())):
        assert said.count(warning) == (1 if warned else 0)
    assert NHS not in result.stderr and NHS not in logged


def test_exports_are_replaced_whole_never_rewritten_in_place(tmp_path):
    """files.jsonl, files.csv and summary.json are written beside and renamed into place:
    a reader that opened them before a rescan (or before the watch daemon's next refresh)
    reads the whole previous export, never an empty or half-written one (a collector
    read an empty summary.json while the daemon rewrote it)."""
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    out = tmp_path / "out"
    scan = ("scan", str(share), "--out", str(out), "--workers", "1", "--quiet")
    assert run_cli(*scan).returncode == 0
    names = ("files.jsonl", "files.csv", "summary.json")
    before = {name: (out / name).read_text() for name in names}
    held = {name: open(out / name, encoding="utf-8") for name in names}  # noqa: SIM115
    try:
        (share / "second.txt").write_text(NOTE.replace("Jane", "Joan"))
        assert run_cli(*scan).returncode == 0
        assert {name: handle.read() for name, handle in held.items()} == before
    finally:
        for handle in held.values():
            handle.close()
    assert json.loads(before["summary.json"])["locations"] == 1
    assert json.loads((out / "summary.json").read_text())["locations"] == 2
    assert len((out / "files.jsonl").read_text().splitlines()) == 2
    assert {name: stat.S_IMODE((out / name).stat().st_mode) for name in names} == {
        name: 0o600 for name in names}
    assert not [path.name for path in out.iterdir() if path.name.endswith(".tmp")]
