"""Archive, mail-store and database readers on generated input: extraction only (no
detection), so the figures are the readers' own. Bombs: how long until the limits stop
them and at what peak RSS.

    .venv/bin/python bench/containers.py
    .venv/bin/python bench/containers.py --rows 200000

Each case prints MB in, seconds, MB/s and units (text units plus members) out.
"""

from __future__ import annotations

import argparse
import gzip
import io
import lzma
import resource
import sqlite3
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, LimitExceeded, run_extractor

MB = 1024 * 1024


def mysqldump(rows: int) -> bytes:
    head = "CREATE TABLE `p` (`id` int, `name` text, `nhs` text, `dob` date, `notes` text);\n"
    batches = []
    for first in range(0, rows, 1000):
        values = ",".join(f"({i},'Patient {i}','9434765919','1941-03-12','visit {i}; ok')"
                          for i in range(first, min(first + 1000, rows)))
        batches.append(f"INSERT INTO `p` VALUES {values};\n")
    return (head + "".join(batches)).encode()


def pg_dump(rows: int) -> bytes:
    lines = "".join(f"{i}\tPatient {i}\t9434765919\t1941-03-12\n" for i in range(rows))
    return ("SET standard_conforming_strings = on;\n"
            "COPY public.p (id, name, nhs, dob) FROM stdin;\n" + lines + "\\.\n").encode()


def sqlite_file(rows: int) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.sqlite"
        with sqlite3.connect(path) as database:
            database.execute("CREATE TABLE p (id, name, nhs, dob)")
            database.executemany("INSERT INTO p VALUES (?, ?, ?, ?)",
                                 ((i, f"Patient {i}", "9434765919", "1941-03-12")
                                  for i in range(rows)))
        database.close()
        return path.read_bytes()


def log_text(mb: int) -> bytes:
    line = "2026-11-28 12:00:00 INFO request {} served for clinic {}\n"
    out, size, number = [], 0, 0
    while size < mb * MB:
        text = line.format(number, number % 97)
        out.append(text)
        size += len(text)
        number += 1
    return "".join(out).encode()


def tar_gz(members: int, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for number in range(members):
            info = tarfile.TarInfo(f"notes/note-{number}.txt")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def measure(label: str, extractor: str, name: str, make: Callable[[], bytes]) -> None:
    data = make()
    ctx = ExtractContext.for_file(name, LimitsConfig())
    start = time.perf_counter()
    units, outcome = 0, "read"
    try:
        for _piece in run_extractor(extractor, data, ctx):
            units += 1
    except LimitExceeded as exc:
        outcome = f"stopped: {exc}"
    seconds = time.perf_counter() - start
    rate = len(data) / MB / seconds if seconds else 0.0
    print(f"{label:<34} {len(data) / MB:8.1f} MB {seconds:7.2f} s {rate:7.1f} MB/s "
          f"{units:7d} units  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--log-mb", type=int, default=50)
    arguments = parser.parse_args()
    rows = arguments.rows
    measure(f"mysqldump, {rows} rows", "sql", "d.sql", lambda: mysqldump(rows))
    measure(f"pg_dump COPY, {rows} rows", "sql", "d.sql", lambda: pg_dump(rows))
    measure(f"sqlite, {rows} rows", "sqlite", "p.sqlite", lambda: sqlite_file(rows))
    log = log_text(arguments.log_mb)
    measure(f"gzip log, {len(log) // MB} MB", "gzip", "app.log.gz", lambda: gzip.compress(log, 6))
    measure(f"xz log, {len(log) // MB} MB", "xz", "app.log.xz",
            lambda: lzma.compress(log, preset=1))
    measure("tar.gz, 5,000 members", "gzip", "notes.tar.gz",
            lambda: tar_gz(5_000, b"Patient seen at home, review in June.\n" * 20))
    measure("gzip bomb, 1 GiB of zeros", "gzip", "z.gz",
            lambda: gzip.compress(bytes(16 * MB), 9) * 64)
    measure("xz bomb, 1 GiB of zeros", "xz", "z.xz", lambda: lzma.compress(bytes(16 * MB)) * 64)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
