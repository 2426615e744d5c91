"""The CLI as the tests run it: `python -m phiscan`, in this process where only its output
and exit code are asked for, else in a subprocess; and its individuals export."""

from __future__ import annotations

import csv
import json
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import types
import warnings
from collections.abc import Callable
from pathlib import Path

from phiscan.detect.entities import normalise

DEFAULT_TIMEOUT = 600
# Commands and options whose subject is the process itself: the daemon, and help and
# version, laid out from the environment before the consoles are made (`phiscan.cli.main`).
PROCESS_ONLY = {"watch", "--help", "-h", "--version"}
# Read once per process: the terminal's layout (as the consoles are made) and the
# temporary folder (`tempfile.gettempdir` keeps its first answer).
START_VARIABLES = {"COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR",
                   "TTY_COMPATIBLE", "TTY_INTERACTIVE", "TMPDIR", "TEMP", "TMP"}


def run_cli(*args: str, env: dict[str, str] | None = None,
            timeout: float = DEFAULT_TIMEOUT) -> subprocess.CompletedProcess:
    """`python -m phiscan ARGS`: run in this process (`phiscan.cli.main`, its output
    captured) where only its output and exit code are asked for, which spares each call
    the interpreter's start and phiscan's imports (about 1.5 CPU s of a 2 s scan). A
    subprocess where the process is the subject: a time bound (`timeout`), the daemon, help,
    an environment read as a process starts (`_sets_process_start`), an SMB share (the SMB
    client keeps its sessions for the process), or a scan whose pool would spawn its
    workers (`_would_spawn`). PHISCAN_TEST_SUBPROCESS=1 runs every call in a subprocess."""
    if (timeout != DEFAULT_TIMEOUT or PROCESS_ONLY.intersection(args)
            or any(arg.startswith("smb://") for arg in args) or _sets_process_start(env)
            or os.environ.get("PHISCAN_TEST_SUBPROCESS") or _would_spawn(args)):
        return run_process(*args, env=env, timeout=timeout)
    return run_in_process(*args, env=env)


def _would_spawn(args: tuple[str, ...]) -> bool:
    """Whether a scan here would start a pool of spawned workers, each importing phiscan
    again: a pool forks only from a process running no other thread, and a thread can
    outlive the test that started it (Dask's offload thread does). `--workers 1` scans in
    this process, with no pool."""
    one_worker = any(args[i:i + 2] == ("--workers", "1") for i in range(len(args)))
    return args[:1] == ("scan",) and not one_worker and threading.active_count() > 1


def _sets_process_start(env: dict[str, str] | None) -> bool:
    """Whether `env` changes what is read once, as a process starts: START_VARIABLES, the
    interpreter's and the loader's settings."""
    if env is None:
        return False
    changed = {name for name in set(env) | set(os.environ)
               if env.get(name) != os.environ.get(name)}
    return any(name in START_VARIABLES or name.startswith(("PYTHON", "LD_"))
               for name in changed)


def run_process(*args: str, env: dict[str, str] | None = None,
                timeout: float = DEFAULT_TIMEOUT) -> subprocess.CompletedProcess:
    """`python -m phiscan ARGS` in a subprocess, always (locks, signals, exit on a crash)."""
    return subprocess.run([sys.executable, "-m", "phiscan", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def run_in_process(*args: str, env: dict[str, str] | None = None
                   ) -> subprocess.CompletedProcess:
    """`phiscan.cli.main` with ARGS, its stdout and stderr read back as a subprocess's: the
    file descriptors 1 and 2 are redirected for the call, so what a forked worker or a C
    library writes there is read too, and what a command changes in this process is put
    back (the environment, the excepthooks, warning filters, phiscan's log handlers)."""
    from phiscan.cli import main

    saved = _ProcessState()
    code = 0
    with _Captured(1) as stdout, _Captured(2) as stderr:
        try:
            if env is not None:
                os.environ.clear()
                os.environ.update(env)
            sys.argv = [str(Path(main.__code__.co_filename).with_name("__main__.py")), *args]
            sys.modules["__main__"] = _PHISCAN_MAIN  # usage lines name `python -m phiscan`
            sys.stdout, sys.stderr = stdout.stream, stderr.stream
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        finally:
            saved.restore()
    return subprocess.CompletedProcess(["phiscan", *args], code, stdout.text, stderr.text)


_PHISCAN_MAIN = types.ModuleType("__main__")
_PHISCAN_MAIN.__package__ = "phiscan"


class _Captured:
    """File descriptor `fd` sent to a temporary file for a call, as to a pipe; its text
    read back with universal newlines (as `subprocess.run(text=True)` reads it)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.text = ""

    def __enter__(self) -> _Captured:
        self.file = tempfile.TemporaryFile()
        self.saved = os.dup(self.fd)
        os.dup2(self.file.fileno(), self.fd)
        self.stream = open(self.fd, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                           closefd=False)
        return self

    def __exit__(self, *_exc) -> None:
        self.stream.flush()
        os.dup2(self.saved, self.fd)
        os.close(self.saved)
        self.file.seek(0)
        data = self.file.read().decode("utf-8", errors="replace")
        self.file.close()
        self.text = data.replace("\r\n", "\n").replace("\r", "\n")


class _ProcessState:
    """What `phiscan.cli.main` and its commands set for the rest of a process."""

    LOGGERS = ("phiscan", "presidio-analyzer", "presidio_analyzer", "botocore", "boto3",
               "smbprotocol", "urllib3", "distributed")

    def __init__(self) -> None:
        self.argv, self.main_module = sys.argv, sys.modules["__main__"]
        self.streams = sys.stdout, sys.stderr
        self.hooks = sys.excepthook, threading.excepthook
        self.environ = dict(os.environ)
        self.filters = warnings.filters[:]
        self.raise_exceptions = logging.raiseExceptions
        self.loggers = {name: (logger.handlers[:], logger.level, logger.propagate)
                        for name in self.LOGGERS for logger in [logging.getLogger(name)]}

    def restore(self) -> None:
        sys.argv, sys.modules["__main__"] = self.argv, self.main_module
        sys.stdout, sys.stderr = self.streams
        sys.excepthook, threading.excepthook = self.hooks
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        warnings.filters[:] = self.filters
        logging.raiseExceptions = self.raise_exceptions
        for name, (handlers, level, propagate) in self.loggers.items():
            logger = logging.getLogger(name)
            for handler in logger.handlers:
                if handler not in handlers:
                    handler.close()
            logger.handlers[:], logger.level, logger.propagate = handlers, level, propagate


def scan_quietly(share: Path, out: Path) -> None:
    """`phiscan scan SHARE --out OUT --quiet`, which must succeed."""
    result = run_cli("scan", str(share), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr


def scanned_share(tmp_path_factory, name: str,
                  files: dict[str, str] | Callable[[Path], None]) -> Path:
    """A share of `files` (path -> text, or a function writing the share's files into the
    folder it is given) written and scanned; its inventory folder."""
    from tests.share_builder import write_files

    share = tmp_path_factory.mktemp(f"{name}-share")
    out = tmp_path_factory.mktemp(f"{name}-out") / "inventory"
    if callable(files):
        files(share)
    else:
        write_files(share, files)
    scan_quietly(share, out)
    return out


def report_json(out: Path) -> dict:
    """`phiscan report OUT --format json`, which must succeed, parsed."""
    result = run_cli("report", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def key(entity_type: str, value: str) -> str:
    """The key phiscan links a value by (one name in every shape, one date in every form)."""
    return normalise(entity_type, value)


def person(name: str, nhs: str, dob: str) -> tuple[str, str, str]:
    """(name key, NHS number, birth-date key): one exported individual as the tests compare it."""
    return key("PERSON", name), nhs, key("DATE_OF_BIRTH", dob)


def export_individuals(out: Path, tmp_path: Path, *extra: str) -> list[dict]:
    """`phiscan individuals OUT --export people.csv [extra]`, read back as rows."""
    path = tmp_path / "people.csv"
    result = run_cli("individuals", str(out), "--export", str(path), *extra)
    assert result.returncode == 0, result.stderr
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


WAYS_IN = ("home_access", "home_access_kinds", "former_home_access_kinds", "life_state")


def ways_in_by_number(out: Path, tmp_path: Path) -> dict[str, tuple[str, ...]]:
    """Each exported person's way in (`WAYS_IN`), by their NHS number's digits (revealed)."""
    return {row["nhs_number"].replace(" ", ""): tuple(row[column] for column in WAYS_IN)
            for row in export_individuals(out, tmp_path, "--reveal")}


def names_with_roles(out: Path, location_part: str) -> list[tuple[str, str, str]]:
    """(record, masked name, role) of every name in one scanned file, in text order."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute(
            "SELECT f.record, f.masked, f.role FROM findings f"
            " JOIN locations l ON l.id = f.location_id WHERE f.entity_type = 'PERSON'"
            " AND l.location LIKE ? ORDER BY f.start", (f"%{location_part}%",)).fetchall()
