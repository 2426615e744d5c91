"""Local disks and mounted shares (SMB/NFS mounts look like local paths)."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from phiscan.config import Config
from phiscan.model import SourceItem
from phiscan.sources.base import (
    PathFilter,
    SourceReadError,
    SourceReadUnavailable,
    SourceUnavailable,
)
from phiscan.sources.exposure import LocalExposure

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_NOATIME = getattr(os, "O_NOATIME", 0)
_CHUNK = 1 << 20
_MAX_READ = 0x7FFFF000  # the most one read() returns on Linux
# What a dead network mount or a pulled disk answers, whatever the file.
_DEAD_MOUNT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("EIO", "ENOTCONN", "ESTALE", "EHOSTDOWN", "EHOSTUNREACH",
                                      "ENOMEDIUM", "ENODEV", "ESHUTDOWN", "ECONNABORTED")
    if hasattr(errno, name)
)


# A `\xHH` in a location stands for a raw byte, unless the location has none at all.
_BYTE_ESCAPE = re.compile(r"\\x[0-9a-fA-F]{2}")
_ESCAPED_PART = re.compile(rb"\\\\|\\x([0-9a-fA-F]{2})")


def display_path(path: str) -> str:
    r"""A printable location for any file name, and a lossless one: two different names
    never share a location. Each part of the path is its own (so a folder's location is
    always the start of its files'): a part that is valid UTF-8 and holds no `\xHH` is
    itself (the common case, unchanged). Otherwise each byte that is not UTF-8 becomes
    `\xHH` and each backslash `\\`, so a file literally named `a\xe9.txt` (`a\\xe9.txt`)
    is kept apart from `a` + byte 0xE9 + `.txt` (`a\xe9.txt`)."""
    return "/".join(_display_part(part) for part in os.fsencode(path).split(b"/"))


def _display_part(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _BYTE_ESCAPE.search(text):
        return text
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def local_path(location: str) -> str:
    """The file name a location stands for (the inverse of `display_path`, part by part)."""
    if not _BYTE_ESCAPE.search(location):
        return location
    return os.fsdecode(b"/".join(_local_part(part) for part in location.split("/")))


def _local_part(part: str) -> bytes:
    raw = part.encode("utf-8", "surrogateescape")
    if not _BYTE_ESCAPE.search(part):
        return raw
    return _ESCAPED_PART.sub(lambda m: bytes([int(m[1], 16)]) if m[1] else b"\\", raw)


def _kind_reason(mode: int) -> str | None:
    if stat.S_ISFIFO(mode):
        return "not a regular file: fifo"
    if stat.S_ISSOCK(mode):
        return "not a regular file: socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file: device"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


class LocalSource:
    def __init__(self, uri: str, config: Config) -> None:
        path = uri[len("file://"):] if uri.startswith("file://") else uri
        self.uri = uri
        self.root = os.path.abspath(path)
        self.real_root = os.path.realpath(self.root)
        self.scan_config = config.scan
        self.root_identity = folder_identity(self.root)
        self.exposure = LocalExposure()
        self.globs = PathFilter(config.scan.include, config.scan.exclude)
        self.ignored: set[tuple[int, int]] = set()  # folders never listed (the scan's output)

    def ignore(self, folder: str) -> None:
        """Never list `folder` or anything below it (an output folder inside the root),
        known by its identity whatever path names it."""
        identity = folder_identity(folder)
        if identity is not None:
            self.ignored.add(identity)

    def close(self) -> None:
        pass

    def ref_for(self, location: str) -> str:
        """The path to read a stored location by, when it is not the location itself."""
        path = local_path(location)
        return path if path != location else ""

    def walk(self, start: str | None = None) -> Iterator[SourceItem]:
        """Every item under the root, or under `start` (a path below the root, as a
        watcher finds a new folder): the same rows either way."""
        if start is not None:
            yield from self._walk_from(start)
            return
        root_stat = os.stat(self.root)  # raises for a missing root: a usage error
        if stat.S_ISREG(root_stat.st_mode):  # named by the operator: a link to it is meant
            yield self._file_item(self.root, root_stat, ref=self.real_root)
            return
        yield from self._walk_tree(self.root, root_stat)

    def _walk_from(self, start: str) -> Iterator[SourceItem]:
        if reached_through_link(start, self.root, self.real_root):
            return  # the link on the way has its own row
        try:
            start_stat = os.lstat(start)
        except FileNotFoundError:
            return
        except OSError as exc:
            yield self._skip(start, f"cannot stat: {_errno_name(exc)}")
            return
        if not stat.S_ISDIR(start_stat.st_mode):  # a link to a folder is not entered
            found = self._classify_stat(start, start_stat, set())
            if isinstance(found, SourceItem):
                yield found
            return
        yield from self._walk_tree(start, start_stat)

    def _walk_tree(self, top: str, top_stat: os.stat_result) -> Iterator[SourceItem]:
        # Folders are entered at their own path only, never through a link, so only a
        # bind mount can bring a folder round again: its identity stops that.
        visited_dirs = {(top_stat.st_dev, top_stat.st_ino)}
        stack = [top]
        while stack:
            directory = stack.pop()
            try:
                with os.scandir(directory) as entries:
                    listed = sorted(entries, key=lambda entry: entry.name)
            except OSError as exc:
                self._raise_if_gone(exc)
                yield self._skip(directory, f"directory not readable: {_errno_name(exc)}")
                continue
            subdirs: list[str] = []
            for entry in listed:
                item_or_dir = self._classify(entry, visited_dirs)
                if isinstance(item_or_dir, str):
                    subdirs.append(item_or_dir)
                elif item_or_dir is not None:
                    yield item_or_dir
            stack.extend(reversed(subdirs))

    def item_at(self, path: str) -> SourceItem | None:
        """One path below the root, classified as walk() classifies it (None: a directory,
        an excluded file, or a path through a linked folder, which the walk never lists).
        Raises FileNotFoundError when the path no longer exists."""
        if reached_through_link(path, self.root, self.real_root):
            return None
        self.exposure = LocalExposure()  # folders may have been re-permissioned since
        try:
            link_stat = os.lstat(path)
        except FileNotFoundError:
            raise
        except OSError as exc:
            return self._skip(path, f"cannot stat: {_errno_name(exc)}")
        found = self._classify_stat(path, link_stat, set())
        return found if isinstance(found, SourceItem) else None

    def _classify(self, entry: os.DirEntry, visited_dirs: set) -> SourceItem | str | None:
        try:
            link_stat = entry.stat(follow_symlinks=False)
        except OSError as exc:
            self._raise_if_gone(exc)
            return self._skip(entry.path, f"cannot stat: {_errno_name(exc)}")
        return self._classify_stat(entry.path, link_stat, visited_dirs)

    def _classify_stat(self, path: str, link_stat: os.stat_result, visited_dirs: set
                       ) -> SourceItem | str | None:
        relative = os.path.relpath(path, self.root).replace(os.sep, "/")
        if stat.S_ISLNK(link_stat.st_mode):
            return self._classify_link(path, relative)
        if stat.S_ISDIR(link_stat.st_mode):
            key = (link_stat.st_dev, link_stat.st_ino)
            if key in visited_dirs or key in self.ignored:
                return None
            visited_dirs.add(key)
            return path
        if not self.globs.admits(relative, display_path(path)):
            return None
        return self._file_item(path, link_stat)

    def _classify_link(self, path: str, relative: str) -> SourceItem | None:
        """A link gets a row of its own; with follow_symlinks, a link to a file inside
        the root is read. A link to a folder is never entered: a folder inside the root
        is listed at its own path anyway, and one outside is out of scope."""
        if not self.scan_config.follow_symlinks:
            return self._skip(path, "symlink not followed")
        target = self.link_target(path)
        if target is None:
            return self._skip(path, "symlink points outside the scanned root")
        try:
            target_stat = os.stat(target)
        except OSError as exc:
            loop = exc.errno == errno.ELOOP
            return self._skip(path, "symlink loop" if loop else "dangling symlink")
        if stat.S_ISDIR(target_stat.st_mode):
            if is_within(os.path.realpath(os.path.dirname(path)), target):
                return self._skip(path, "symlink loop")
            return self._skip(path, "symlink to a folder inside the root: listed at its own path")
        if not self.globs.admits(relative, display_path(path)):
            return None
        return self._file_item(path, target_stat)

    def link_target(self, path: str) -> str | None:
        """Where a link leads, fully resolved; None when that is outside the root."""
        target = os.path.realpath(path)
        return target if is_within(target, self.real_root) else None

    def _file_item(self, path: str, file_stat: os.stat_result, ref: str = "") -> SourceItem:
        reason = _kind_reason(file_stat.st_mode)
        if reason is None and file_stat.st_size > self.scan_config.max_file_bytes:
            reason = f"too large: {file_stat.st_size} bytes > max_file_bytes"
        location = display_path(path)
        return SourceItem(
            location=location,
            size=file_stat.st_size,
            modified=file_stat.st_mtime,
            skip_reason=reason,
            root=display_path(self.root),
            ref=ref or (path if location != path else ""),
            exposure=self.exposure.of(ref or path),
        )

    def _skip(self, path: str, reason: str) -> SourceItem:
        location = display_path(path)
        return SourceItem(
            location=location, size=0, modified=0.0, skip_reason=reason,
            root=display_path(self.root), ref=path if location != path else "",
        )

    def read(self, item: SourceItem, max_bytes: int) -> bytes:
        try:
            return read_local_file(*self._resolved(item.handle), max_bytes)
        except SourceReadError as exc:
            gone = self.gone_reason(exc.os_errno)
            if gone:
                raise SourceReadUnavailable(gone) from None
            raise

    def _resolved(self, path: str) -> tuple[str, str]:
        """(the path to open, the real path the opened file must have). The link rules
        are applied again at read time: a followed link is opened at its target, which
        must still be inside the root; anything else at its own path, which no link may
        have been swapped into since listing."""
        if path in (self.root, self.real_root):  # a file named as the root
            return self.real_root, self.real_root
        if self.scan_config.follow_symlinks and os.path.islink(path):
            target = self.link_target(path)
            if target is None:
                raise SourceReadError("symlink points outside the scanned root")
            return target, target
        return path, os.path.normpath(os.path.join(self.real_root,
                                                   os.path.relpath(path, self.root)))

    def gone_reason(self, os_errno: int | None) -> str | None:
        """Why the whole source is unavailable, or None when only this item failed."""
        if os_errno in _DEAD_MOUNT_ERRNOS:
            return _errno_name(OSError(os_errno, os.strerror(os_errno)))
        identity = folder_identity(self.root)
        if identity is None:
            return "the scanned root is gone"
        if self.root_identity is not None and identity != self.root_identity:
            return "the scanned root was unmounted or replaced"
        return None

    def _raise_if_gone(self, exc: OSError) -> None:
        gone = self.gone_reason(exc.errno)
        if gone:
            raise SourceUnavailable(gone)


def read_local_file(path: str | Path, expected_real_path: str | None, max_bytes: int) -> bytes:
    """Read without following a swapped-in link, blocking on a FIFO, or touching atime.
    When the kernel can say which file was opened, it must be `expected_real_path`
    (no folder on the way became a link since listing)."""
    try:
        try:
            fd = os.open(path, _READ_FLAGS | _NOATIME)
        except PermissionError:
            fd = os.open(path, _READ_FLAGS)  # O_NOATIME needs ownership; fall back
    except OSError as exc:
        raise SourceReadError(f"cannot open: {_errno_name(exc)}", exc.errno) from None
    try:
        if expected_real_path is not None and opened_path(fd) not in (None, expected_real_path):
            raise SourceReadError("not the listed file: a link swapped in since listing")
        file_stat = os.fstat(fd)
        reason = _kind_reason(file_stat.st_mode)
        if reason:
            raise SourceReadError(reason)
        # The listed size in one read where the kernel allows: one buffer, no copy when
        # joining (a 2 GB file held twice would need twice its memory allowance).
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        want = min(max(file_stat.st_size + 1, _CHUNK), _MAX_READ)
        while remaining > 0:
            chunk = os.read(fd, min(remaining, want))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            want = _CHUNK
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise SourceReadError(f"read failed: {_errno_name(exc)}", exc.errno) from None
    finally:
        os.close(fd)


def opened_path(fd: int) -> str | None:
    """The real path of an open file, as the kernel knows it (None where it cannot say)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def reached_through_link(path: str, root: str, real_root: str) -> bool:
    """Whether a folder between `root` and `path` is a link (or the path leads out of
    the root). The walk lists no such path whatever follow_symlinks says: the link on
    the way has its own row. One rule for the scan's walk and every watch event."""
    folder = os.path.dirname(path)
    if len(folder) <= len(root):
        return False  # the root itself, or an item straight inside it
    return os.path.relpath(os.path.realpath(folder), real_root) != os.path.relpath(folder, root)


def listed_nothing(held: int) -> str:
    """Why a root that lists no file is not taken as emptied while the inventory holds
    `held` of its locations (scan and watch alike)."""
    return f"listed no file where earlier scans read {held} locations: taken as not mounted"


def unavailable_reason(root: str, identity: tuple[int, int] | None, held: int) -> str | None:
    """Why `root` cannot say that the `held` locations the inventory has under it are gone:
    it vanished, is another folder than the one first seen (`identity`: unmounted, mounted
    over, replaced), or lists nothing. None when its listing can be trusted."""
    if not held:
        return None
    current = folder_identity(root)
    if current is None:
        return "the root is gone"
    if identity is not None and current != identity:
        return "the root was unmounted or replaced"
    try:
        with os.scandir(root) as entries:
            if next(entries, None) is None:
                return listed_nothing(held)
    except OSError as exc:
        return _errno_name(exc)
    return None


def folder_identity(path: str) -> tuple[int, int] | None:
    """The (device, inode) of a folder: another one means it was mounted over or replaced."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _errno_name(exc: OSError) -> str:
    code = exc.errno
    if code is None:
        return type(exc).__name__
    return f"{errno.errorcode.get(code, str(code))} ({os.strerror(code)})"
