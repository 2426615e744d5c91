"""Who can read a location: its exposure, one function per source kind.

Local and mounted paths: the file's owner, group, mode bits and POSIX ACL
(`system.posix_acl_access`), and every folder above it up to `/`: a file is only
as readable as the path to it, so a reader counts only when every folder on the
way grants it search (execute). Levels:
- broad: "other" may read the file and search every folder (any local account);
- group: a named group (the owning group or an ACL group entry) reaches it;
- restricted: only the owner and individually named users reach it.
root reads everything and is never listed. Reading permissions is `stat` and
`getxattr` only: no file is opened. What cannot be read is `unknown` with a reason.
"""

from __future__ import annotations

import errno
import grp
import os
import pwd
import stat
import struct
from dataclasses import dataclass, field
from functools import lru_cache

from phiscan.model import Exposure, ExposureLevel

ACL_XATTR = "system.posix_acl_access"
_ACL_VERSION = 2
_ACL_HEADER = struct.Struct("<I")
_ACL_ENTRY = struct.Struct("<HHI")
# Entry tags (linux/posix_acl.h) and permission bits.
USER_OBJ, USER, GROUP_OBJ, GROUP, MASK, OTHER = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20
READ, SEARCH = 4, 1
_NO_ACL = {errno.ENODATA, errno.ENOTSUP, getattr(errno, "EOPNOTSUPP", errno.ENOTSUP)}


class PermissionUnreadable(Exception):
    """A permission could not be read; the message is safe to store (a path and errno)."""


@dataclass(frozen=True)
class Access:
    """Who holds one permission bit (read on a file, search on a folder)."""

    other: bool
    users: frozenset[int] = field(default_factory=frozenset)
    groups: frozenset[int] = field(default_factory=frozenset)

    def admits_group(self, gid: int) -> bool:
        return self.other or gid in self.groups

    def admits_user(self, uid: int, gids: frozenset[int]) -> bool:
        return self.other or uid in self.users or bool(gids & self.groups)


def parse_acl(data: bytes) -> list[tuple[int, int, int]]:
    """(tag, permission bits, id) for each entry of a binary POSIX ACL."""
    if len(data) < _ACL_HEADER.size or (len(data) - _ACL_HEADER.size) % _ACL_ENTRY.size:
        raise ValueError("malformed POSIX ACL")
    (version,) = _ACL_HEADER.unpack_from(data)
    if version != _ACL_VERSION:
        raise ValueError(f"POSIX ACL version {version}")
    return [_ACL_ENTRY.unpack_from(data, offset)
            for offset in range(_ACL_HEADER.size, len(data), _ACL_ENTRY.size)]


def acl_entries(path: str) -> list[tuple[int, int, int]] | None:
    """The path's extended ACL, or None when it has none (or the filesystem has none)."""
    try:
        return parse_acl(os.getxattr(path, ACL_XATTR))
    except OSError as exc:
        if exc.errno in _NO_ACL:
            return None
        raise PermissionUnreadable(f"cannot read ACL of {path}: {_errno_name(exc)}") from None
    except ValueError as exc:
        raise PermissionUnreadable(f"cannot read ACL of {path}: {exc}") from None


def access_for(path: str, bit: int) -> tuple[os.stat_result, Access]:
    """Who holds `bit` (READ or SEARCH) on path, from its mode and ACL."""
    try:
        path_stat = os.stat(path)
    except OSError as exc:
        raise PermissionUnreadable(f"cannot stat {path}: {_errno_name(exc)}") from None
    mode = path_stat.st_mode
    users: set[int] = set()
    groups: set[int] = set()
    if mode & (bit << 6):
        users.add(path_stat.st_uid)
    entries = acl_entries(path)
    if entries is None:
        if mode & (bit << 3):
            groups.add(path_stat.st_gid)
    else:
        mask = next((perm for tag, perm, _ in entries if tag == MASK), 7)
        for tag, perm, ident in entries:
            if tag == USER and perm & mask & bit:
                users.add(ident)
            elif tag == GROUP and perm & mask & bit:
                groups.add(ident)
            elif tag == GROUP_OBJ and perm & mask & bit:
                groups.add(path_stat.st_gid)
    return path_stat, Access(bool(mode & bit), frozenset(users), frozenset(groups))


def _folders_above(path: str) -> list[str]:
    folder = os.path.dirname(os.path.realpath(path))
    folders = [folder]
    while folder != os.path.dirname(folder):
        folder = os.path.dirname(folder)
        folders.append(folder)
    return folders


class LocalExposure:
    """Reads local exposure, remembering each folder's search access for the walk."""

    def __init__(self) -> None:
        self._folders: dict[str, Access | PermissionUnreadable] = {}

    def folder_search(self, folder: str) -> Access:
        cached = self._folders.get(folder)
        if cached is None:
            try:
                cached = access_for(folder, SEARCH)[1]
            except PermissionUnreadable as exc:
                cached = exc
            if len(self._folders) > 10_000:
                self._folders.clear()
            self._folders[folder] = cached
        if isinstance(cached, PermissionUnreadable):
            raise cached
        return cached

    def of(self, path: str) -> Exposure:
        try:
            file_stat, read = access_for(path, READ)
            path_access = [self.folder_search(folder) for folder in _folders_above(path)]
        except PermissionUnreadable as exc:
            return Exposure(ExposureLevel.UNKNOWN, (), str(exc))
        if not stat.S_ISREG(file_stat.st_mode):
            return Exposure(ExposureLevel.UNKNOWN, (), "not a regular file")
        return _level(read, path_access)


def _level(read: Access, path_access: list[Access]) -> Exposure:
    if read.other and all(folder.other for folder in path_access):
        return Exposure(ExposureLevel.BROAD, ("other",))
    groups = sorted(gid for gid in read.groups
                    if all(folder.admits_group(gid) for folder in path_access))
    users = sorted(uid for uid in read.users
                   if all(folder.admits_user(uid, _groups_of(uid)) for folder in path_access))
    principals = tuple([f"group:{_group_name(gid)}" for gid in groups]
                       + [f"user:{_user_name(uid)}" for uid in users])
    if groups:
        return Exposure(ExposureLevel.GROUP, principals)
    return Exposure(ExposureLevel.RESTRICTED, principals)


@lru_cache(maxsize=4096)
def _groups_of(uid: int) -> frozenset[int]:
    try:
        entry = pwd.getpwuid(uid)
        return frozenset(os.getgrouplist(entry.pw_name, entry.pw_gid))
    except (KeyError, OSError):
        return frozenset()


@lru_cache(maxsize=4096)
def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


@lru_cache(maxsize=4096)
def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def _errno_name(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, "error")
