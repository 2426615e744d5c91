"""Never the second breach: identifiers planted in a share appear in nothing phiscan
writes or prints, across every command on main, including its temporary files, its
debug log and the files it writes when input is hostile.

Every command that reads a share or an inventory (`recognizers` and `init-config`
read neither) runs as a real subprocess with TMPDIR pointed at a folder of its own,
so temporary files are searched too; `diff` compares the scan with one of an empty
share, so every person is newly affected and previewed. The HMAC key is a planted value as well: it
must never be printed or written anywhere but where the operator put it.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from phiscan.logs import ScrubbedFormatter, scrubbed_excepthook
from phiscan.synthetic.demo_share import build_sample_share, spaced
from tests.conftest import (
    _needle_patterns,
    all_files_under,
    assert_no_raw_values,
    snapshot_tree,
)

PLANTED_KEY = "planted-hmac-key-0b6f2d91c4"
NHS = "943 476 5919"


def plant_hostile_files(share: Path, people) -> None:
    """Values inside files that fail: a parser's message must not carry them out."""
    person = people[0]
    (share / "errors").mkdir()
    (share / "errors" / "broken.json").write_text(
        f'{{"name": "{person.name}", "nhs": "{person.nhs_number}", "dob": ')
    whole = share / "errors" / "whole.zip"
    with zipfile.ZipFile(whole, "w") as archive:
        archive.writestr("note.txt", f"{person.name} {spaced(person.nhs_number)}\n" * 40)
    truncated = whole.read_bytes()
    whole.write_bytes(truncated[: len(truncated) // 2])
    (share / "errors" / "binary.txt").write_bytes(
        b"\x00\x01" + person.nhs_number.encode() + b"\x00" + person.name.encode())


def raw_values(people) -> list[str]:
    values = []
    for person in people:
        values += [person.nhs_number, spaced(person.nhs_number), person.name, person.dob,
                   person.keysafe_code, f"{person.surname}, {person.forename}"]
    return values


def write_mpi(path: Path, people) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["nhs_number", "forename", "surname", "dob", "postcode"])
        for person in people:
            writer.writerow([person.nhs_number, person.forename, person.surname, person.dob,
                             person.postcode])


@pytest.fixture(scope="module")
def every_command(tmp_path_factory):
    base = tmp_path_factory.mktemp("breach")
    share, out, temp = base / "share", base / "out", base / "tmp"
    empty, empty_out = base / "empty-share", base / "empty-out"
    empty.mkdir()
    share.mkdir()
    temp.mkdir()
    people = build_sample_share(share, every_format=True)
    plant_hostile_files(share, people)
    mpi = base / "mpi.csv"
    write_mpi(mpi, people)
    env = {**os.environ, "TMPDIR": str(temp), "PHISCAN_HMAC_KEY": PLANTED_KEY}
    before = snapshot_tree(share)
    config = base / "phiscan.toml"
    config.write_text("[scan]\nworkers = 1\n")
    commands = [
        ["scan", str(share), "--out", str(out), "--debug", "--config", str(config)],
        ["report", str(out)],
        ["report", str(out), "--format", "json"],
        ["report", str(out), "--ico", "--html"],
        ["individuals", str(out)],
        ["individuals", str(out), "--export", str(out / "individuals.csv")],
        ["match", str(out), "--mpi", str(mpi), "--out", str(out / "matched.csv")],
        # Against a scan of an empty share every person is newly affected: all previewed.
        ["scan", str(empty), "--out", str(empty_out), "--config", str(config)],
        ["diff", str(empty_out), str(out)],
        ["diff", str(empty_out), str(out), "--format", "json"],
        ["diff", str(empty_out), str(out), "--html", str(out / "changes.html")],
    ]
    runs = []
    for command in commands:
        result = subprocess.run([sys.executable, "-m", "phiscan", *command], capture_output=True,
                                text=True, env=env, timeout=600)
        runs.append((command, result, snapshot_tree(share)))
    return share, out, temp, people, before, runs


def test_every_command_succeeds(every_command):
    for command, result, _after in every_command[5]:
        assert result.returncode == 0, (command[0], result.stderr[-2000:])


def test_no_raw_value_in_any_file_written(every_command):
    _share, out, temp, people, _before, _runs = every_command
    names = {path.name for path in all_files_under(out)}
    assert {"inventory.sqlite", "files.jsonl", "files.csv", "summary.json", "phiscan.log",
            "report.html", "ico-art33.md", "individuals.csv", "matched.csv",
            "changes.html"} <= names
    assert_no_raw_values(out, raw_values(people))
    assert_no_raw_values(temp, raw_values(people))


def test_no_raw_value_or_key_printed(every_command):
    _share, _out, _temp, people, _before, runs = every_command
    # The same spellings as in files; codes shorter than 8 only as whole tokens, so
    # a 4-digit code is not "found" inside a hexadecimal individual id.
    patterns = _needle_patterns([PLANTED_KEY, *raw_values(people)])
    for command, result, _after in runs:
        for stream in (result.stdout, result.stderr):
            printed = [p.pattern for p in patterns if p.search(stream.encode())]
            assert printed == [], (command[0], printed[:3])


def test_diff_previews_every_person_it_prints(every_command):
    """The diff against an empty share's scan shows everyone, so the search above saw them."""
    runs = every_command[5]
    as_json = next(result for command, result, _after in runs
                   if command[0] == "diff" and "json" in command)
    people = json.loads(as_json.stdout)["people"]
    assert people["old_total"] == 0
    assert people["newly_affected"] == people["new_total"] == len(
        people["newly_affected_people"]) > 0
    assert all(person["nhs_number_masked"] or person["name_masked"]
               for person in people["newly_affected_people"])


def test_key_is_not_written_to_the_output(every_command):
    _share, out, temp, _people, _before, _runs = every_command
    assert "hmac.key" not in {path.name for path in all_files_under(out)}
    for folder in (out, temp):
        for path in all_files_under(folder):
            assert PLANTED_KEY.encode() not in path.read_bytes(), path.name


def test_hostile_files_end_as_errors_with_our_own_words(every_command):
    _share, out, _temp, _people, _before, _runs = every_command
    with open(out / "files.csv", newline="", encoding="utf-8") as handle:
        rows = {Path(row["location"]).name: (row["status"], row["reason"])
                for row in csv.DictReader(handle)}
    assert rows["broken.json"] == ("error", "malformed json: JSONDecodeError")
    assert rows["whole.zip"] == ("error", "corrupt zip: BadZipFile")
    assert rows["binary.txt"] == ("skipped", "binary content with a .txt name")


def test_outputs_private_after_every_command(every_command):
    _share, out, _temp, _people, _before, _runs = every_command
    for directory, _dirs, files in os.walk(out):
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700, directory
        for name in files:
            mode = stat.S_IMODE(os.stat(os.path.join(directory, name)).st_mode)
            assert mode == 0o600, name


def test_sources_identical_after_every_command(every_command):
    _share, _out, _temp, _people, before, runs = every_command
    for command, _result, after in runs:
        assert after == before, command[0]


def test_generated_key_is_announced_by_path_never_by_value(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(f"Patient Jane Smith, NHS number {NHS}.\n")
    env = {key: value for key, value in os.environ.items() if key != "PHISCAN_HMAC_KEY"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the default key's folder
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "phiscan", "scan", str(share), "--out",
                             str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "config" / "phiscan" / "hmac.key"
    key = key_file.read_text().strip()
    assert len(key) == 64
    assert "hmac.key" in result.stderr
    assert key not in result.stdout + result.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    for path in all_files_under(out):
        assert key.encode() not in path.read_bytes(), path.name


# Exceptions and tracebacks are scrubbed.
def failing_parser(value: str) -> None:
    raise ValueError(f"unexpected token near '{value}' in record")


def test_logged_exception_keeps_type_and_place_not_message(tmp_path):
    handler_stream = tmp_path / "log.txt"
    handler = logging.FileHandler(handler_stream)
    handler.setFormatter(ScrubbedFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("phiscan.test-scrub")
    logger.addHandler(handler)
    try:
        failing_parser(f"Jane Smith {NHS}")
    except ValueError:
        logger.exception("extractor failed on %s", "letters/visit.txt")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = handler_stream.read_text()
    assert "ValueError" in text and "failing_parser" in text
    assert "letters/visit.txt" in text
    assert NHS not in text and "Jane Smith" not in text and "unexpected token" not in text


def test_chained_exceptions_are_scrubbed_too(tmp_path):
    formatter = ScrubbedFormatter()
    try:
        try:
            failing_parser(NHS)
        except ValueError as inner:
            raise RuntimeError(f"wrapping {inner}") from inner
    except RuntimeError:
        text = formatter.formatException(sys.exc_info())
    assert "RuntimeError" in text
    assert NHS not in text and "wrapping" not in text


def test_crash_handler_prints_type_and_place_only(capsys):
    try:
        failing_parser(NHS)
    except ValueError as exc:
        scrubbed_excepthook(type(exc), exc, exc.__traceback__)
    printed = capsys.readouterr().err
    assert printed.startswith("phiscan: internal error ValueError at ")
    assert "(message withheld)" in printed
    assert NHS not in printed


def test_crash_in_a_real_process_is_scrubbed(tmp_path):
    """An unhandled exception in the CLI process goes through the scrubbed hook."""
    script = (
        "import sys\n"
        "from phiscan.logs import scrubbed_excepthook\n"
        "sys.excepthook = scrubbed_excepthook\n"
        f"raise KeyError('Jane Smith {NHS}')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert "KeyError" in result.stderr
    assert NHS not in result.stderr and "Jane Smith" not in result.stderr
    assert "Traceback" not in result.stderr


def test_library_warnings_never_quote_a_value(tmp_path):
    """openpyxl (the reader for a workbook with a DOCTYPE in a sheet) warns about a date
    cell out of range by quoting its number: here an NHS number typed into a date column."""
    import openpyxl

    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["client", "date of birth"])
    sheet.append(["Jane Smith", 9434765919])
    sheet["B2"].number_format = "yyyy-mm-dd"
    workbook.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as plain, \
            zipfile.ZipFile(share / "clients.xlsx", "w") as doctyped:
        for name in plain.namelist():
            part = plain.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = b"<!DOCTYPE worksheet>" + part
            doctyped.writestr(name, part)
    env = {**os.environ, "PHISCAN_HMAC_KEY": PLANTED_KEY}
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out), "--workers", "1"],
        capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "UserWarning at " in result.stderr and "(message withheld)" in result.stderr
    printed = result.stdout + result.stderr + (out / "phiscan.log").read_text()
    assert "9434765919" not in printed and "Jane Smith" not in printed
