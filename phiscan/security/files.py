"""Keyed hashes, masked previews and private output files.

phiscan must never become the second breach: findings are stored as an
HMAC-SHA256 of the normalised value (so the same person links across files
without the value being stored) plus a preview masked enough to be useless to a
thief but enough for an analyst to recognise the kind of value.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: str | Path) -> Path:
    """A folder for phiscan's files: created 0700 when missing; an existing one is used as
    it is, never chmodded (`--out /tmp` must not change the system's /tmp). An existing
    folder is refused when another user owns it or when group or others may write to it
    (they could swap or link our files); one only readable by others is used (the files
    in it are 0600) and `shared_folder_note` says so."""
    directory = Path(path)
    try:
        directory.mkdir(mode=PRIVATE_DIR_MODE, parents=True)
    except FileExistsError:
        _refuse_unsafe_folder(directory)
        return directory
    except OSError as exc:  # a read-only or immutable parent, a full disk: the user's to fix
        raise OutputPathError(f"cannot create the folder {directory}: "
                              f"{exc.strerror or type(exc).__name__}") from None
    os.chmod(directory, PRIVATE_DIR_MODE)  # ours, just made: exactly 0700 whatever the umask
    return directory


def _refuse_unsafe_folder(directory: Path) -> None:
    info = os.stat(directory)
    if not stat.S_ISDIR(info.st_mode):
        raise OutputPathError(f"{directory} exists and is not a folder")
    if info.st_uid != os.geteuid():
        raise OutputPathError(
            f"will not write into {directory}: another user owns it; give a new folder "
            "(phiscan creates it 0700)")
    if info.st_mode & 0o022:
        raise OutputPathError(
            f"will not write into {directory}: others may write to it (mode "
            f"{stat.S_IMODE(info.st_mode):04o}) and could replace or link phiscan's files; "
            "give a new folder (phiscan creates it 0700), or a folder only you can write to")


def shared_folder_note(directory: Path) -> str | None:
    """What to tell the operator when an existing folder is readable by others."""
    mode = stat.S_IMODE(os.stat(directory).st_mode)
    if not mode & 0o077:
        return None
    return (f"{directory} is readable by others (mode {mode:04o}); phiscan leaves it as it "
            "is: its files are 0600, but others can list their names and sizes "
            f"(`chmod 700 {directory}` hides them)")


class Refused(Exception):
    """phiscan will not do what was asked; the message says why and what to do instead
    (the CLI prints it, exit code 2)."""


class OutputPathError(Refused):
    """An output path phiscan will not write: it could not keep what it writes private."""


_NOT_REGULAR = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"),
                (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _refuse_unless_ours_and_regular(path: str | Path, info: os.stat_result) -> None:
    for test, kind in _NOT_REGULAR:
        if test(info.st_mode):
            raise OutputPathError(
                f"will not write {path}: it is {kind}, not a regular file (phiscan writes "
                "its outputs only as regular files it can make 0600; give a file path)")
    if info.st_uid != os.geteuid():
        raise OutputPathError(f"will not write {path}: another user owns it (and could read "
                              "it whatever its mode); give a new file path")


def check_output_target(path: str | Path) -> None:
    """Raise OutputPathError unless `path` is missing or a regular file we own, so a
    command can refuse before it does the work (open_private checks again)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    _refuse_unless_ours_and_regular(path, info)


def open_private(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> IO:
    """Open a regular file for writing, created 0600 from the start (no window with wider
    bits). A link, FIFO, device (`/dev/stdout`) or folder is refused (OutputPathError):
    none of them can be kept 0600, and a FIFO would wait for a reader."""
    check_output_target(path)
    flags = (os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK
             | (os.O_APPEND if "a" in mode else os.O_TRUNC))
    try:
        fd = os.open(path, flags, PRIVATE_FILE_MODE)
    except OSError as exc:  # swapped after the check: a link (ELOOP) or a FIFO (ENXIO)
        if exc.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            check_output_target(path)
        raise
    try:
        _refuse_unless_ours_and_regular(path, os.fstat(fd))
        os.set_blocking(fd, True)
        os.fchmod(fd, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding=encoding, newline="")


@contextmanager
def replaced_private(path: str | Path) -> Iterator[IO]:
    """A private text file written whole beside `path`, then renamed over it: a reader
    (`jq` over files.jsonl, a collector tailing summary.json, `phiscan status`) finds the
    previous file or the new one, never an empty or half-written one, while the watch
    daemon rewrites them. Refused as `open_private` refuses; nothing is left behind when
    writing fails."""
    target = Path(path)
    check_output_target(target)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with open_private(temporary) as handle:
            yield handle
        check_output_target(target)
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_private_text(path: str | Path, text: str) -> None:
    with open_private(path) as handle:
        handle.write(text)

