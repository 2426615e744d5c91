"""One writer per output folder: `DIR/phiscan.lock`, held for the writing command's life.

Two scans into one folder corrupted it: the second marked the first's files `gone` and
the report counted a fifth of the people. Every command that writes into DIR (`scan`,
`watch`, `individuals --reveal`, `report --ico/--html` into it or its `--to` folder)
holds an exclusive `flock` on the lock file; the kernel drops it when the process ends,
however it ends, so a crash or `kill -9` never leaves a stale lock. The file holds the
holder's pid and command, for the refusal message only (the lock, not the file, is the
truth).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from phiscan.security.files import PRIVATE_FILE_MODE, Refused

LOCK_FILENAME = "phiscan.lock"

# Folder (real path) -> (descriptor, depth): a command that already holds the lock may
# take it again (the CLI around the scanner, the scanner itself) without blocking.
_held: dict[str, tuple[int, int]] = {}


class OutputBusy(Refused):
    """Another phiscan process is writing into the folder."""


def _forget_in_child() -> None:
    """A forked worker does not hold its parent's lock (closing its copy of the
    descriptor leaves the parent's lock in place), so a worker that outlives its
    parent cannot keep the folder locked."""
    for fd, _depth in _held.values():
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 200).decode(errors="replace").split()
    pid = text[0] if text and text[0].isdigit() else "?"
    command = " ".join(text[1:]) or "command"
    return f"another phiscan {command} (pid {pid})"


def _acquire(directory: Path, command: str) -> int:
    while True:
        fd = os.open(directory / LOCK_FILENAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW,
                     PRIVATE_FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise OutputBusy(f"{holder} is writing to {directory}; wait for it to finish "
                             "(or stop it), or use another output folder") from None
        if _still_linked(directory / LOCK_FILENAME, fd):
            break
        os.close(fd)  # its holder removed it as it let go (a --to folder): take the new one
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()} {command}\n".encode(), 0)
    return fd


def _still_linked(path: Path, fd: int) -> bool:
    try:
        return os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def output_lock(out_dir: str | Path, command: str, *, remove: bool = False) -> Iterator[None]:
    """Hold DIR's writer lock (DIR must exist) or raise OutputBusy naming the holder.
    `remove`: the lock file goes when the lock does (a folder handed over to others, not
    an inventory's), removed while still held, so no other writer can hold it then."""
    key = os.path.realpath(out_dir)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
    else:
        _held[key] = (_acquire(Path(out_dir), command), 1)
    try:
        yield
    finally:
        fd, depth = _held[key]
        if depth > 1:
            _held[key] = (fd, depth - 1)
        else:
            del _held[key]
            if remove:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(Path(out_dir) / LOCK_FILENAME)
            os.close(fd)
