"""Files that change between the walk listing them and the pipeline reading them.

The walk and the read are separate steps on purpose (workers read what the walk
listed), so each race is reproduced exactly: list, change the file, then scan.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.scan.pipeline import scan_item
from phiscan.sources.local import LocalSource

NOTE = "Patient Jane Smith, NHS number 943 476 5919, seen for diabetes review.\n"


def listed(share: Path, config: Config) -> tuple[LocalSource, dict[str, object]]:
    source = LocalSource(str(share), config)
    return source, {Path(item.location).name: item for item in source.walk()}


def scan_after(change, tmp_path: Path, detector, name: str = "note.txt") -> list:
    share = tmp_path / "share"
    share.mkdir()
    (share / name).write_text(NOTE * 3)
    config = Config()
    source, items = listed(share, config)
    change(share / name)
    return scan_item(items[name], source, detector, config)


def test_deleted_after_listing(tmp_path, detector):
    [result] = scan_after(Path.unlink, tmp_path, detector)
    assert (result.status, result.reason) == (
        "error", "cannot open: ENOENT (No such file or directory)")


def test_truncated_after_listing(tmp_path, detector):
    def truncate(path: Path) -> None:
        path.write_text(NOTE)

    [result] = scan_after(truncate, tmp_path, detector)
    assert (result.status, result.reason) == ("scanned", "")
    assert [finding.entity_type for finding in result.findings].count("UK_NHS") == 1


def test_emptied_after_listing(tmp_path, detector):
    [result] = scan_after(lambda path: path.write_bytes(b""), tmp_path, detector)
    assert (result.status, result.reason, result.findings) == ("scanned", "no text found", [])


def test_grown_past_the_limit_after_listing(tmp_path, detector):
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    config = Config()
    config.scan.max_file_bytes = 4096
    source, items = listed(share, config)
    (share / "note.txt").write_text(NOTE * 100)
    [result] = scan_item(items["note.txt"], source, detector, config)
    assert (result.status, result.reason) == ("skipped", "too large: over max_file_bytes")


def test_replaced_by_a_fifo_does_not_hang(tmp_path, detector):
    def to_fifo(path: Path) -> None:
        path.unlink()
        os.mkfifo(path)

    results: list = []
    worker = threading.Thread(
        target=lambda: results.extend(scan_after(to_fifo, tmp_path, detector)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a FIFO swapped in after listing blocked"
    [result] = results
    assert (result.status, result.reason) == ("error", "not a regular file: fifo")


def test_replaced_by_a_symlink_is_not_followed(tmp_path, detector):
    secret = tmp_path / "outside.txt"
    secret.write_text(NOTE)

    def to_link(path: Path) -> None:
        path.unlink()
        path.symlink_to(secret)

    [result] = scan_after(to_link, tmp_path, detector)
    assert (result.status, result.reason) == (
        "error", "cannot open: ELOOP (Too many levels of symbolic links)")


def test_replaced_by_a_directory(tmp_path, detector):
    def to_directory(path: Path) -> None:
        path.unlink()
        path.mkdir()

    [result] = scan_after(to_directory, tmp_path, detector)
    assert (result.status, result.reason) == ("error", "not a regular file")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to lose read permission selectively")
def test_made_unreadable_after_listing(tmp_path, detector):
    """Root reads anything, so the read runs in a child without CAP_DAC_OVERRIDE."""
    share = tmp_path / "share"
    share.mkdir()
    (share / "note.txt").write_text(NOTE)
    config = Config()
    source, items = listed(share, config)
    (share / "note.txt").chmod(0)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        _drop_dac_override()
        [result] = scan_item(items["note.txt"], source, detector, config)
        os.write(write_fd, f"{result.status}|{result.reason}".encode())
        os._exit(0)
    os.close(write_fd)
    outcome = os.read(read_fd, 4096).decode()
    os.close(read_fd)
    os.waitpid(pid, 0)
    assert outcome == "error|cannot open: EACCES (Permission denied)"


def _drop_dac_override() -> None:
    """Clear CAP_DAC_OVERRIDE (1) and CAP_DAC_READ_SEARCH (2) from the effective set."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header = Header(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (Data * 2)()
    assert libc.capget(ctypes.byref(header), data) == 0
    data[0].effective &= ~((1 << 1) | (1 << 2))
    assert libc.capset(ctypes.byref(header), data) == 0


def test_folder_replaced_by_a_link_out_of_the_root(tmp_path, detector):
    """O_NOFOLLOW guards the last name only: the opened file's real path must be the
    listed one, so a folder swapped for a link out of the root is an error row."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "note.txt").write_text(NOTE)
    share = tmp_path / "share"
    (share / "team").mkdir(parents=True)
    (share / "team" / "note.txt").write_text("Rota for Friday.\n")
    config = Config()
    source, items = listed(share, config)
    (share / "team" / "note.txt").unlink()
    (share / "team").rmdir()
    (share / "team").symlink_to(outside)
    [result] = scan_item(items["note.txt"], source, detector, config)
    assert (result.status, result.reason, result.findings) == (
        "error", "not the listed file: a link swapped in since listing", [])
