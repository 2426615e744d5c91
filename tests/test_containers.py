"""Acceptance: archives, mail archives and databases made by real tools, scanned
once by the real CLI. Every planted patient is found (NHS number, name, date of
birth), every bomb ends as an `error` row while the scan goes on, nothing planted
reaches an output, and the share is left exactly as it was."""

from __future__ import annotations

import gzip
import json
import lzma
import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.cli import run_cli
from tests.conftest import assert_no_raw_values, snapshot_tree
from tests.container_files import (
    MB,
    NOTE,
    RAW_VALUES,
    build_archives,
    build_bombs,
    build_databases,
    build_dbf,
    build_mail,
    build_multiarchives,
    rar4_stored,
    tar_bytes,
)

CONFIG = """
[detection]
entities = ["UK_NHS", "PERSON", "DATE_OF_BIRTH"]
[scan]
workers = 1
"""
DATA = Path(__file__).parent / "data"
PST_FIXTURE = DATA / "mail" / "appointment.pst"
ACCESS_FIXTURE = DATA / "databases" / "test.mdb"
PATIENT = {"DATE_OF_BIRTH": 1, "PERSON": 1, "UK_NHS": 1}
SCANNED = ("scanned", "")
RATIO = ("error", "expands over max_compression_ratio")
BINARY = ("skipped", "binary file with no extractor")

EXPECTED: dict[str, tuple[tuple[str, str], dict[str, int]]] = {
    "archives/note.txt.gz": (SCANNED, {}),
    "archives/note.txt.gz!note.txt": (SCANNED, PATIENT),
    "archives/note.txt.bz2": (SCANNED, {}),
    "archives/note.txt.bz2!note.txt": (SCANNED, PATIENT),
    "archives/patients.csv.xz": (SCANNED, {}),
    "archives/patients.csv.xz!patients.csv": (SCANNED, PATIENT),
    "archives/letters.tar": (SCANNED, {}),
    "archives/letters.tar!letters/note.txt": (SCANNED, PATIENT),
    "archives/letters.tar!letters/patients.csv": (SCANNED, PATIENT),
    "archives/letters.tar.bz2": (SCANNED, {}),
    "archives/letters.tar.bz2!note.txt": (SCANNED, PATIENT),
    "archives/letters.tar.xz": (SCANNED, {}),
    "archives/letters.tar.xz!note.txt": (SCANNED, PATIENT),
    "archives/backup.tgz": (SCANNED, {}),
    "archives/backup.tgz!clinic/note.txt": (SCANNED, PATIENT),
    "bombs/backup.tar.gz": (RATIO, {}),
    "bombs/zeros.gz": (RATIO, {}),
    "bombs/zeros.xz": (RATIO, {}),
    "bombs/disk.7z": (RATIO, {}),
    "multi/letters.7z": (SCANNED, {}),
    "multi/letters.7z!note.txt": (SCANNED, PATIENT),
    "multi/letters.7z!patients.csv": (SCANNED, PATIENT),
    "multi/locked.7z": (SCANNED, {}),
    "multi/locked.7z!note.txt": (("skipped", "encrypted"), {}),
    "multi/locked.7z!patients.csv": (("skipped", "encrypted"), {}),
    "multi/hidden.7z": (("skipped", "encrypted archive"), {}),
    "multi/letters.cab": (SCANNED, {}),
    "multi/letters.cab!note.txt": (SCANNED, PATIENT),
    "multi/letters.cab!patients.csv": (SCANNED, PATIENT),
    "multi/letters.rar": (SCANNED, {}),
    "multi/letters.rar!letters/note.txt": (SCANNED, PATIENT),
    "databases/clinic.sqlite": (SCANNED, PATIENT),
    "databases/wal-mode.db": (SCANNED, PATIENT),
    "databases/sqlite3-dump.sql": (SCANNED, PATIENT),
    "databases/mysqldump.sql": (SCANNED, PATIENT),
    "databases/pg_dump.sql": (SCANNED, PATIENT),
    "databases/patients.dbf": (SCANNED, PATIENT),
    # A published Access file (no personal data), and the same cut short.
    "databases/test.mdb": (SCANNED, {}),
    "databases/cut.accdb": (("error", "malformed access (KeyError)"), {}),
    # Messages named by position, never by subject; attachments recursed.
    "mail/clinic.mbox": (SCANNED, {}),
    "mail/clinic.mbox!message-1.eml": (SCANNED, PATIENT),
    "mail/clinic.mbox!message-2.eml": (SCANNED, {}),
    "mail/clinic.mbox!message-2.eml!patients.csv": (SCANNED, PATIENT),
    "mail/Inbox": (SCANNED, {}),
    "mail/Inbox!message-1.eml": (SCANNED, PATIENT),
    "mail/Inbox!message-2.eml": (SCANNED, {}),
    "mail/Inbox!message-2.eml!patients.csv": (SCANNED, PATIENT),
    "mail/forwarded.msg": (SCANNED, {}),
    "mail/forwarded.msg!attachment-1.eml": (SCANNED, PATIENT),
    "mail/forwarded.msg!attachment-1.eml!patients.csv": (SCANNED, PATIENT),
    # A published Outlook file with a patient planted in its calendar item (subject and
    # body): its three items, and the calendar item's two attachments (recurrence
    # exceptions, binary).
    "mail/appointment.pst": (SCANNED, {}),
    "mail/appointment.pst!message-1.eml": (SCANNED, PATIENT),
    "mail/appointment.pst!message-1.eml!attachment-1.bin": (BINARY, {}),
    "mail/appointment.pst!message-1.eml!attachment-2.bin": (BINARY, {}),
    "mail/appointment.pst!message-2.eml": (SCANNED, {}),
    "mail/appointment.pst!message-3.eml": (SCANNED, {}),
}
# Each table row's values sit under their column names (dBase names are 10 characters).
TABLE_FIELDS = {"UK_NHS": {"nhs_number"}, "DATE_OF_BIRTH": {"date_of_birth", "dob"},
                "PERSON": {"patient_name", "patient_nm"}}


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    share = tmp_path_factory.mktemp("containers")
    build_archives(share)
    build_bombs(share)
    build_databases(share)
    build_mail(share)
    build_multiarchives(share)
    shutil.copy(PST_FIXTURE, share / "mail" / "appointment.pst")
    shutil.copy(ACCESS_FIXTURE, share / "databases" / "test.mdb")
    (share / "databases" / "cut.accdb").write_bytes(ACCESS_FIXTURE.read_bytes()[:5000])
    config = tmp_path_factory.mktemp("config") / "config.toml"
    config.write_text(CONFIG)
    out = tmp_path_factory.mktemp("out") / "inventory"
    before = snapshot_tree(share)
    result = run_cli("scan", str(share), "--out", str(out), "--config", str(config), "--quiet")
    assert result.returncode == 0, result.stderr[-2000:]
    # No library speaks for itself: --quiet prints only phiscan's own line for each error row.
    assert result.stdout == ""
    assert all(re.fullmatch(r"\S+ \S+ WARNING phiscan\.scan\.locations: error: \S.*", line)
               for line in result.stderr.splitlines()), result.stderr[-2000:]
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    by_location = {row["location"].removeprefix(f"{share}/"): row for row in rows}
    return share, out, before, by_location, result


def test_every_container_location_has_its_status_and_patient(scan):
    rows = scan[3]
    actual = {location: ((row["status"], row["reason"]), row["entities"])
              for location, row in rows.items()}
    assert actual == EXPECTED


def test_database_findings_know_their_table_row_and_column(scan):
    share, out, _before, _rows, _result = scan
    with sqlite3.connect(out / "inventory.sqlite") as db:
        found = db.execute(
            "SELECT l.location, f.entity_type, f.position, f.field FROM findings f "
            "JOIN locations l ON l.id = f.location_id WHERE l.location LIKE ?",
            (f"{share}/databases/%",)).fetchall()
    places = {(location.removeprefix(f"{share}/databases/"), position, entity)
              for location, entity, position, _field in found}
    assert places == {(name, f"table {table} row 1", entity)
                      for name, table in (("clinic.sqlite", "patients"),
                                          ("wal-mode.db", "patients"),
                                          ("sqlite3-dump.sql", "patients"),
                                          ("mysqldump.sql", "patients"),
                                          ("pg_dump.sql", "public.patients"),
                                          ("patients.dbf", "patients"))
                      for entity in TABLE_FIELDS}
    assert all(field.lower() in TABLE_FIELDS[entity] for _l, entity, _p, field in found)


def test_sqlite_files_left_as_they_were_with_no_journal_beside_them(scan):
    share, _out, before, _rows, _result = scan
    folder = share / "databases"
    for name in ("clinic.sqlite", "wal-mode.db"):
        path = folder / name
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before[str(path)]
    assert sorted(path.name for path in folder.iterdir()) == [
        "clinic.sqlite", "cut.accdb", "mysqldump.sql", "patients.dbf", "pg_dump.sql",
        "sqlite3-dump.sql", "test.mdb", "wal-mode.db"]


def test_share_untouched_and_nothing_planted_in_any_output(scan):
    share, out, before, _rows, result = scan
    assert snapshot_tree(share) == before
    assert_no_raw_values(out, RAW_VALUES)
    for value in RAW_VALUES:
        assert value not in result.stdout + result.stderr


def pieces_iter(extractor: str, name: str, data: bytes, **limits):  # noqa: ANN201
    from dataclasses import replace

    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, run_extractor

    ctx = ExtractContext.for_file(name, replace(LimitsConfig(), **limits))
    return run_extractor(extractor, data, ctx)


def pieces(extractor: str, name: str, data: bytes, **limits):  # noqa: ANN201
    return list(pieces_iter(extractor, name, data, **limits))


def test_compressed_output_stops_at_the_expanded_budget():
    from phiscan.extract import LimitExceeded

    text = "".join(f"line {number} of a long clinic log\n" for number in range(200_000))
    with pytest.raises(LimitExceeded, match="max_expanded_bytes"):
        pieces("gzip", "clinic.log.gz", gzip.compress(text.encode()), max_expanded_bytes=MB)


def test_tar_members_over_the_count_stop_the_archive():
    from phiscan.extract import LimitExceeded

    archive = tar_bytes({f"note-{number}.txt": b"x" for number in range(6)})
    with pytest.raises(LimitExceeded, match="max_archive_members"):
        pieces("tar", "notes.tar", archive, max_archive_members=5)


def test_tar_member_over_member_bytes_is_skipped_and_the_next_read():
    children = pieces("tar", "notes.tar", tar_bytes({"big.txt": b"x" * 100, "note.txt": b"ok"}),
                      max_member_bytes=50)
    assert [(child.name, child.data, child.skip_reason) for child in children] == [
        ("big.txt", b"", "too large: over max_member_bytes"), ("note.txt", b"ok", None)]


def test_truncated_and_corrupt_streams_are_errors_in_our_words():
    from phiscan.extract import ExtractionError

    whole = gzip.compress(NOTE.encode() * 100)
    with pytest.raises(ExtractionError, match="^corrupt gzip: truncated$"):
        pieces("gzip", "note.gz", whole[: len(whole) // 2])
    with pytest.raises(ExtractionError, match="^corrupt xz: bad compressed data$"):
        pieces("xz", "note.xz", lzma.compress(NOTE.encode())[:12] + b"\x00" * 40)
    with pytest.raises(ExtractionError, match="^corrupt bzip2: not a bzip2 file$"):
        pieces("bzip2", "note.bz2", NOTE.encode())


def test_compressed_files_are_known_by_their_first_bytes():
    from phiscan.extract import choose_extractor

    assert choose_extractor("export.dat", gzip.compress(b"x")) == ("gzip", "")
    assert choose_extractor("export.dat", lzma.compress(b"x")) == ("xz", "")
    assert choose_extractor("export.dat", tar_bytes({"a.txt": b"x"})) == ("tar", "")


def unit_texts(found) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(piece.where, piece.text) for piece in found]


def test_mysqldump_strings_keep_their_escapes_semicolons_and_commas():
    dump = (b"CREATE TABLE `t` (`a` int, `b` text, KEY `k` (`a`));\n"
            b"INSERT INTO `t` VALUES (1,'it\\'s; (fine), really'),(2,NULL);\n"
            b"INSERT INTO `t` (`b`, `a`) VALUES ('x', 3);\n")
    assert unit_texts(pieces("sql", "d.sql", dump)) == [
        ("table t row 1", "a: 1\nb: it's; (fine), really\n"),
        ("table t row 2", "a: 2\n"),
        ("table t row 3", "b: x\na: 3\n"),
        ("sql text", "CREATE TABLE `t` (`a` int, `b` text, KEY `k` (`a`));\n"),
    ]


def test_pg_copy_blocks_unescape_and_standard_strings_keep_backslashes():
    dump = (b"SET standard_conforming_strings = on;\n"
            b"INSERT INTO public.t (a) VALUES ('C:\\notes');\n"
            b"COPY public.t (a, b) FROM stdin;\nx\\ty\t\\N\n\\.\n")
    assert unit_texts(pieces("sql", "d.sql", dump))[:2] == [
        ("table public.t row 1", "a: C:\\notes\n"),
        ("table public.t row 2", "a: x y\n"),
    ]


def test_rows_past_max_table_rows_end_the_database_as_an_error(tmp_path):
    from phiscan.extract import LimitExceeded

    path = tmp_path / "many.sqlite"
    with sqlite3.connect(path) as database:
        database.execute("CREATE TABLE first (a)")
        database.executemany("INSERT INTO first VALUES (?)", [(n,) for n in range(5)])
        database.execute("CREATE TABLE second (b)")
        database.execute("INSERT INTO second VALUES ('read')")
    database.close()
    read = []
    with pytest.raises(LimitExceeded, match="max_table_rows"):
        for piece in pieces_iter("sqlite", "many.sqlite", path.read_bytes(), max_table_rows=3):
            read.append(piece.where)
    assert read == ["table first row 1", "table first row 2", "table first row 3",
                    "table second row 1"]


def test_sqlite_without_its_header_or_damaged_has_a_reason():
    from phiscan.extract import ExtractionError, Skip

    with pytest.raises(Skip, match="^no SQLite header: encrypted database or not SQLite$"):
        pieces("sqlite", "x.sqlite", b"\x13" * 4096)
    with pytest.raises(ExtractionError, match="^malformed sqlite: DatabaseError$"):
        pieces("sqlite", "x.sqlite", b"SQLite format 3\x00" + b"\xff" * 4000)


def test_mbox_messages_split_at_from_lines_with_quoting_undone():
    box = (b"From a@example.org Mon Nov 30 07:40:29 2026\nSubject: one\n\n>From here on\n"
           b"\nFrom b@example.org Mon Nov 30 07:41:29 2026\nSubject: two\n\nbody\n")
    assert [(child.name, child.data) for child in pieces("mbox", "x.mbox", box)] == [
        ("message-1.eml", b"Subject: one\n\nFrom here on\n\n"),
        ("message-2.eml", b"Subject: two\n\nbody\n")]
    from phiscan.extract import ExtractionError

    with pytest.raises(ExtractionError, match="^malformed mbox: no From line at the start$"):
        pieces("mbox", "x.mbox", b"Subject: no envelope\n\nbody\n")


def test_7z_rar_and_cab_are_known_by_their_first_bytes_and_damage_is_named():
    from phiscan.extract import ExtractionError, choose_extractor

    assert choose_extractor("export.dat", b"7z\xbc\xaf\x27\x1c" + bytes(40)) == ("7z", "")
    assert choose_extractor("export.dat", rar4_stored({"a.txt": b"x"})) == ("rar", "")
    with pytest.raises(ExtractionError, match="^corrupt 7z: libarchive could not read it$"):
        pieces("7z", "x.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\xff" * 40)
    with pytest.raises(ExtractionError, match="^corrupt rar: not a rar archive$"):
        pieces("rar", "x.rar", b"PK\x03\x04")


def test_dbf_that_is_not_a_table_or_is_cut_short_has_a_reason(tmp_path):
    from phiscan.extract import ExtractionError

    with pytest.raises(ExtractionError, match="^malformed dbf: not a dBase table$"):
        pieces("dbf", "x.dbf", b"name,nhs\n")
    build_dbf(tmp_path / "p.dbf")
    whole = (tmp_path / "p.dbf").read_bytes()
    with pytest.raises(ExtractionError, match="^malformed dbf: "):
        pieces("dbf", "p.dbf", whole[:40])


def test_pst_messages_rebuilt_as_mail_with_bodies_and_attachments():
    import email
    from email import policy

    children = pieces("pst", "appointment.pst", PST_FIXTURE.read_bytes())
    assert [child.name for child in children] == [
        "message-1.eml", "message-2.eml", "message-3.eml"]
    first = email.message_from_bytes(children[0].data, policy=policy.default)
    assert first["Subject"] == "DOB 12/03/1941"
    assert first.get_body(("plain",)).get_content() == "Jane Smith NHS 9434765919\n"
    assert [part.get_filename() for part in first.iter_attachments()] == [
        "attachment-1.bin", "attachment-2.bin"]
    assert [email.message_from_bytes(child.data)["Subject"] for child in children[1:]] == [
        "test dist list", "contact name 1"]


def test_pst_without_the_extra_is_skipped_with_the_reason(monkeypatch):
    from phiscan.extract import Skip

    monkeypatch.setitem(sys.modules, "pypff", None)  # import fails as when not installed
    with pytest.raises(Skip, match=r"^needs the pst extra \(pip install 'phiscan\[pst\]'"):
        pieces("pst", "appointment.pst", PST_FIXTURE.read_bytes())


def test_access_tables_read_as_rows_with_their_column_names():
    units = pieces("access", "test.mdb", ACCESS_FIXTURE.read_bytes())
    assert unit_texts(units) == [
        ("table ClarotyTable row 1", "ID: 1\nField1: test\nField2: Claroty\nField3: ICS!\n"),
        ("table ClarotyTable row 2", "ID: 2\nField1: test2\nField2: Claroty\n"),
        ("table f_AF8292619150475ABBCC3E04860C1240_Data row 1",
         "_Data: 1\nFileName: Office Theme.thmx\nFileType: thmx\nMSysResources_Data: 1\n"),
    ]


def test_insert_rows_with_calls_read_by_tokens_and_plain_rows_by_the_fast_path():
    dump = (b"INSERT INTO t (a,b,c) VALUES (1,_binary 'x y',CONCAT('a','b')),(2,'it''s', NULL);\n"
            b"INSERT INTO t VALUES (3, -1.5e3, 'a\\\\b');\n")
    assert unit_texts(pieces("sql", "d.sql", dump)) == [
        ("table t row 1", "a: 1\nb: x y\nc: ab\n"),
        ("table t row 2", "a: 2\nb: it's\n"),
        ("table t row 3", "column_1: 3\ncolumn_2: -1.5e3\ncolumn_3: a\\b\n"),
    ]
