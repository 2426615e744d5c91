"""Archives, mail archives and databases made by real tools (the standard library's
tarfile/gzip/bz2/lzma/sqlite3/mailbox, GNU tar, bsdtar, gcab, the `dbf` library),
each holding one patient: an NHS number, a name and a date of birth.

Free text says them as a letter would (NOTE); tables hold them in columns named as
a clinical system names them (PATIENT_COLUMNS / PATIENT_ROW).
"""

from __future__ import annotations

import datetime
import gzip
import io
import lzma
import mailbox
import os
import shutil
import sqlite3
import struct
import subprocess
import tarfile
import zlib
from email.message import EmailMessage
from pathlib import Path

import pytest

from phiscan.synthetic.formats import build_cfb

NHS_NUMBER = "9434765919"
NHS_SPACED = "943 476 5919"
PATIENT_NAME = "Jane Smith"
DOB = "12/03/1941"
NOTE = (f"Patient {PATIENT_NAME}, NHS number {NHS_SPACED}, date of birth {DOB}, "
        "seen for a diabetes review.\n")
PATIENT_COLUMNS = ("patient_name", "nhs_number", "date_of_birth")
PATIENT_ROW = (PATIENT_NAME, NHS_NUMBER, "1941-03-12")
RAW_VALUES = [NHS_NUMBER, NHS_SPACED, PATIENT_NAME, DOB, "1941-03-12"]
MB = 1024 * 1024


def patient_csv() -> bytes:
    return (",".join(PATIENT_COLUMNS) + "\n" + ",".join(PATIENT_ROW) + "\n").encode()


def tar_bytes(members: dict[str, bytes], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


class Zeros(io.RawIOBase):
    """`size` zero bytes, never held in memory at once."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def tar_bomb() -> bytes:
    """A backup whose two 'disk images' are 50 MB of zeros each: 100 KB of gzip."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as archive:
        for number in (1, 2):
            info = tarfile.TarInfo(f"disk{number}.img")
            info.size = 50 * MB
            archive.addfile(info, io.BufferedReader(Zeros(info.size)))
    return buffer.getvalue()


def concatenated_bomb(compress, copies: int = 64) -> bytes:  # noqa: ANN001
    """One 16 MB run of zeros compressed once, repeated: a 1 GB stream."""
    return compress(bytes(16 * MB)) * copies


def build_archives(share: Path) -> None:
    folder = share / "archives"
    folder.mkdir()
    (folder / "note.txt.gz").write_bytes(gzip.compress(NOTE.encode()))
    (folder / "patients.csv.xz").write_bytes(lzma.compress(patient_csv()))
    (folder / "letters.tar").write_bytes(tar_bytes({
        "letters/note.txt": NOTE.encode(), "letters/patients.csv": patient_csv()}))
    (folder / "letters.tar.bz2").write_bytes(tar_bytes({"note.txt": NOTE.encode()}, "w:bz2"))
    (folder / "letters.tar.xz").write_bytes(tar_bytes({"note.txt": NOTE.encode()}, "w:xz"))
    # GNU tar and bzip2 as an administrator would run them.
    source = share.parent / f"{share.name}-tar-source"
    (source / "clinic").mkdir(parents=True)
    (source / "clinic" / "note.txt").write_text(NOTE)
    subprocess.run(["tar", "-czf", str(folder / "backup.tgz"), "-C", str(source), "clinic"],
                   check=True)
    bzip2 = ensure_debian_command("bzip2", "bzip2")
    subprocess.run([bzip2, "-k", str(source / "clinic" / "note.txt")], check=True)
    (source / "clinic" / "note.txt.bz2").rename(folder / "note.txt.bz2")


def build_bombs(share: Path) -> None:
    folder = share / "bombs"
    folder.mkdir()
    (folder / "backup.tar.gz").write_bytes(tar_bomb())
    (folder / "zeros.gz").write_bytes(concatenated_bomb(gzip.compress))
    (folder / "zeros.xz").write_bytes(concatenated_bomb(lzma.compress))


def sqlite_database(path: Path, wal: bool = False) -> None:
    with sqlite3.connect(path) as database:
        if wal:
            database.execute("PRAGMA journal_mode = WAL")
        database.execute("CREATE TABLE clinics (id INTEGER PRIMARY KEY, site TEXT, logo BLOB)")
        database.execute("INSERT INTO clinics (site, logo) VALUES ('North', ?)",
                         (bytes(range(256)),))
        database.execute(f"CREATE TABLE patients ({', '.join(PATIENT_COLUMNS)})")
        database.execute("INSERT INTO patients VALUES (?, ?, ?)", PATIENT_ROW)
    database.close()


MYSQLDUMP = f"""-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: clinic
-- ------------------------------------------------------
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `patients`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE `patients` (
  `id` int NOT NULL AUTO_INCREMENT,
  `{PATIENT_COLUMNS[0]}` varchar(100) DEFAULT NULL,
  `{PATIENT_COLUMNS[1]}` char(10) DEFAULT NULL,
  `{PATIENT_COLUMNS[2]}` date DEFAULT NULL,
  `notes` text,
  PRIMARY KEY (`id`),
  KEY `idx_nhs` (`{PATIENT_COLUMNS[1]}`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `patients` WRITE;
/*!40000 ALTER TABLE `patients` DISABLE KEYS */;
INSERT INTO `patients` VALUES (1,'{PATIENT_ROW[0]}','{PATIENT_ROW[1]}','{PATIENT_ROW[2]}',\
'Seen; \\'no\\' concerns (review), next week'),(2,NULL,NULL,NULL,'');
/*!40000 ALTER TABLE `patients` ENABLE KEYS */;
UNLOCK TABLES;
"""

PG_DUMP = f"""--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET standard_conforming_strings = on;
SET client_encoding = 'UTF8';

CREATE TABLE public.patients (
    id integer NOT NULL,
    {PATIENT_COLUMNS[0]} text,
    {PATIENT_COLUMNS[1]} character(10),
    {PATIENT_COLUMNS[2]} date,
    CONSTRAINT nhs_length CHECK ((length({PATIENT_COLUMNS[1]}) = 10))
);

COPY public.patients (id, {", ".join(PATIENT_COLUMNS)}) FROM stdin;
1\t{PATIENT_ROW[0]}\t{PATIENT_ROW[1]}\t{PATIENT_ROW[2]}
2\t\\N\t\\N\t\\N
\\.

SELECT pg_catalog.setval('public.patients_id_seq', 2, true);
"""


def build_databases(share: Path) -> None:
    folder = share / "databases"
    folder.mkdir()
    sqlite_database(folder / "clinic.sqlite")
    sqlite_database(folder / "wal-mode.db", wal=True)
    sqlite3_shell = ensure_debian_command("sqlite3", "sqlite3")
    dump = subprocess.run([sqlite3_shell, str(folder / "clinic.sqlite"), ".dump"], check=True,
                          capture_output=True).stdout
    (folder / "sqlite3-dump.sql").write_bytes(dump)
    (folder / "mysqldump.sql").write_text(MYSQLDUMP)
    (folder / "pg_dump.sql").write_text(PG_DUMP)
    build_dbf(folder / "patients.dbf")


def mail(subject: str, body: str, attachments: dict[str, bytes] | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "clinic@example.org"
    message["To"] = "records@example.org"
    message["Subject"] = subject
    message.set_content(body)
    for name, content in (attachments or {}).items():
        message.add_attachment(content, maintype="text", subtype="csv", filename=name)
    return message


def build_mbox(path: Path) -> None:
    """Written by the standard library's `mailbox` (it quotes the body's `From ` line)."""
    box = mailbox.mbox(path)
    box.add(mail("Review", NOTE))
    box.add(mail("Export", "From the clinic: the list is attached.\n",
                 {"patients.csv": patient_csv()}))
    box.flush()
    box.close()


def utf16(value: str) -> bytes:
    return value.encode("utf-16-le")


def msg_with_attached_message() -> bytes:
    """An Outlook message forwarding another message as an item attachment (the
    attached message is a sub-storage with its own attachment)."""
    inner = "__attach_version1.0_#00000000/__substg1.0_3701000D"
    return build_cfb({
        "__substg1.0_0037001F": utf16("Forwarded"),
        "__substg1.0_1000001F": utf16("Forwarding the message below."),
        "__substg1.0_0C1F001F": utf16("clinic@example.org"),
        "__properties_version1.0": bytes(32),
        "__attach_version1.0_#00000000/__substg1.0_3001001F": utf16("Referral"),
        "__attach_version1.0_#00000000/__properties_version1.0": bytes(16),
        f"{inner}/__substg1.0_0037001F": utf16("Referral"),
        f"{inner}/__substg1.0_1000001F": utf16(NOTE),
        f"{inner}/__substg1.0_0C1F001F": utf16("gp@example.org"),
        f"{inner}/__properties_version1.0": bytes(24),
        f"{inner}/__attach_version1.0_#00000000/__substg1.0_3707001F": utf16("patients.csv"),
        f"{inner}/__attach_version1.0_#00000000/__substg1.0_37010102": patient_csv(),
    })


def build_mail(share: Path) -> None:
    folder = share / "mail"
    folder.mkdir()
    build_mbox(folder / "clinic.mbox")
    build_mbox(folder / "Inbox")  # Thunderbird's folder files have no extension
    (folder / "forwarded.msg").write_bytes(msg_with_attached_message())


def ensure_debian_command(command: str, package: str) -> str:
    """Path of a test tool, installing its Debian package when missing (as root),
    as tests/servers.py does for samba."""
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"{command} is missing and cannot be installed (needs root and apt-get)")
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
               "-o", "DPkg::Lock::Timeout=300", package]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, capture_output=True, timeout=900).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=900)
        subprocess.run(install, env=env, capture_output=True, timeout=900, check=True)
    found = shutil.which(command)
    assert found, f"{package} installed but {command} not found"
    return found


def rar4_stored(members: dict[str, bytes]) -> bytes:
    """A RAR 4 archive with stored (uncompressed) members, block by block as the
    format's technote lays them out. No free tool writes RAR (its licence reserves
    compression to WinRAR), so the test writes the stored form itself; libarchive
    reads it as it reads WinRAR's `rar a -m0`."""
    def block(kind: int, flags: int, body: bytes) -> bytes:
        header = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(header) & 0xFFFF) + header

    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, bytes(6))
    for name, content in members.items():
        encoded = name.encode()
        body = struct.pack("<IIBIIBBHI", len(content), len(content), 3, zlib.crc32(content),
                           0x5B7E3A00, 20, 0x30, len(encoded), 0o100644) + encoded
        out += block(0x74, 0x8000, body) + content
    return out + block(0x7B, 0x4000, b"")


def build_multiarchives(share: Path) -> None:
    folder = share / "multi"
    folder.mkdir()
    source = share.parent / f"{share.name}-multi-source"
    source.mkdir()
    (source / "note.txt").write_text(NOTE)
    (source / "patients.csv").write_bytes(patient_csv())
    seven = ensure_debian_command("7zz", "7zip")
    files = ["note.txt", "patients.csv"]
    subprocess.run([seven, "a", "-bso0", "-bsp0", str(folder / "letters.7z"), *files],
                   cwd=source, check=True)
    subprocess.run([seven, "a", "-bso0", "-bsp0", "-psecret", str(folder / "locked.7z"),
                    *files], cwd=source, check=True)
    subprocess.run([seven, "a", "-bso0", "-bsp0", "-psecret", "-mhe=on",
                    str(folder / "hidden.7z"), *files], cwd=source, check=True)
    gcab = ensure_debian_command("gcab", "gcab")
    subprocess.run([gcab, "-c", "-z", str(folder / "letters.cab"), *files], cwd=source,
                   check=True)
    (folder / "letters.rar").write_bytes(rar4_stored({"letters/note.txt": NOTE.encode()}))
    # A 7-Zip bomb: 300 MB of zeros from stdin, a few kilobytes of LZMA2.
    zeros = subprocess.Popen(["head", "-c", str(300 * MB), "/dev/zero"], stdout=subprocess.PIPE)
    subprocess.run([seven, "a", "-bso0", "-bsp0", "-sidisk.img", str(share / "bombs" / "disk.7z")],
                   stdin=zeros.stdout, check=True)
    zeros.stdout.close()
    zeros.wait()


def build_dbf(path: Path) -> None:
    """A FoxPro-style table written by the `dbf` library (field names are at most 10
    characters in the format, as in real exports)."""
    import dbf

    table = dbf.Table(str(path), "patient_nm C(40); nhs_number C(10); dob D", codepage="utf8")
    table.open(dbf.READ_WRITE)
    table.append((PATIENT_NAME, NHS_NUMBER, datetime.date(1941, 3, 12)))
    table.close()
