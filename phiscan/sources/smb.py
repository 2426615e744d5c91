"""SMB shares, read directly with smbprotocol: `smb://[user@]host[:port]/share/path`.

Same walk as a local folder: recursive in name order, include/exclude globs,
size limit, and no link following (every reparse point - symlink, junction,
DFS link - gets a `skipped` row). Credentials come from the environment or the
config, never from the location: locations are `smb://host[:port]/share/path`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import smbclient
from smbprotocol.exceptions import (
    SMBAuthenticationError,
    SMBException,
    SMBOSError,
    SMBResponseException,
)
from smbprotocol.file_info import FileAttributes
from smbprotocol.header import NtStatus

from phiscan.config import Config, ConfigError, SmbConfig, env_or
from phiscan.model import SourceItem
from phiscan.sources.base import (
    SourceReadError,
    SourceUnavailable,
    matches_globs,
    read_bounded,
    too_large_reason,
)

DEFAULT_PORT = 445
CONNECTION_TIMEOUT_SECONDS = 30
# Reading an offline (HSM) file makes the server recall it from tape or cloud.
OFFLINE_ATTRIBUTES = (FileAttributes.FILE_ATTRIBUTE_OFFLINE
                      | FileAttributes.FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS)
REASON_BY_STATUS = {
    NtStatus.STATUS_ACCESS_DENIED: "access denied",
    NtStatus.STATUS_OBJECT_NAME_NOT_FOUND: "not found (deleted since listing)",
    NtStatus.STATUS_OBJECT_PATH_NOT_FOUND: "not found (deleted since listing)",
    NtStatus.STATUS_SHARING_VIOLATION: "in use by another process (sharing violation)",
    NtStatus.STATUS_LOGON_FAILURE: "logon failure",
    NtStatus.STATUS_BAD_NETWORK_NAME: "no such share",
    NtStatus.STATUS_FILE_IS_A_DIRECTORY: "is a directory",
}


@dataclass(frozen=True)
class SmbTarget:
    host: str
    port: int
    share: str
    path: str  # below the share, "/"-separated, no leading slash
    username: str

    @property
    def authority(self) -> str:
        return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"

    def location(self, relative: str) -> str:
        parts = [part for part in (self.share, relative) if part]
        return f"smb://{self.authority}/{'/'.join(parts)}"

    def unc(self, relative: str) -> str:
        parts = [self.host, self.share, *[part for part in relative.split("/") if part]]
        return "\\\\" + "\\".join(parts)


def parse_smb_uri(uri: str, default_port: int = DEFAULT_PORT) -> SmbTarget:
    """`smb://[domain;][user@]host[:port]/share/path`; the password is never taken from it."""
    split = urlsplit(uri)
    if split.password is not None:
        raise ConfigError("put SMB passwords in PHISCAN_SMB_PASSWORD or the config, not the URI")
    try:
        port = split.port or default_port
    except ValueError:
        raise ConfigError("bad port in SMB URI") from None
    segments = [unquote(part) for part in split.path.split("/") if part]
    if not split.hostname or not segments:
        raise ConfigError("an SMB source needs a host and a share: smb://host/share[/path]")
    username = unquote(split.username or "").replace(";", "\\")
    return SmbTarget(split.hostname, port, segments[0], "/".join(segments[1:]), username)


def safe_reason(exc: Exception) -> str:
    """Our own words for an SMB failure; smbprotocol's messages can name users and paths."""
    if isinstance(exc, SMBAuthenticationError):
        return "authentication failed"
    status = getattr(exc, "ntstatus", None)  # SMBOSError
    if status is None and isinstance(exc, SMBResponseException):
        status = exc.status
    if status is not None:
        return REASON_BY_STATUS.get(status, f"SMB error 0x{int(status) & 0xFFFFFFFF:08X}")
    return f"SMB failure: {type(exc).__name__}"


def session_options(target: SmbTarget, smb_config: SmbConfig) -> dict[str, Any]:
    """register_session arguments. The URI's user wins over env, env over the file."""
    username = target.username or env_or(smb_config.username, "PHISCAN_SMB_USERNAME")
    if username and smb_config.domain and "\\" not in username and "@" not in username:
        username = f"{smb_config.domain}\\{username}"
    password = env_or(smb_config.password, "PHISCAN_SMB_PASSWORD")
    return {
        # No username: Kerberos from the credential cache. A username with an empty
        # password is how a guest logs on.
        "username": username or None,
        "password": password if username else None,
        "port": target.port,
        "encrypt": smb_config.encrypt,
        "auth_protocol": smb_config.auth_protocol,
        "require_signing": smb_config.require_signing,
    }


class SmbSource:
    def __init__(self, uri: str, config: Config) -> None:
        self.uri = uri
        self.target = parse_smb_uri(uri, config.smb.port)
        self.root = self.target.location(self.target.path)
        self.scan_config = config.scan
        self.max_depth = max(1, config.smb.max_depth)
        self._options = session_options(self.target, config.smb)
        self._connections: dict[str, Any] = {}  # this source's own pool, closed with it
        self._registered = False
        if not config.smb.require_signing:
            # Validate-negotiate needs a signed session, which guest sessions never have.
            smbclient.ClientConfig(require_secure_negotiate=False)

    @property
    def _call_options(self) -> dict[str, Any]:
        return {"port": self.target.port, "connection_cache": self._connections}

    def _connect(self) -> None:
        if self._registered:
            return
        try:
            smbclient.register_session(
                self.target.host, connection_cache=self._connections,
                connection_timeout=CONNECTION_TIMEOUT_SECONDS, **self._options,
            )
        except (SMBException, OSError, ValueError) as exc:
            raise SourceUnavailable(f"cannot connect to {self.root}: {safe_reason(exc)}") from None
        self._registered = True

    def close(self) -> None:
        smbclient.reset_connection_cache(fail_on_error=False, connection_cache=self._connections)
        self._registered = False

    def walk(self) -> Iterator[SourceItem]:
        self._connect()
        try:
            root_stat = smbclient.stat(self.target.unc(self.target.path), follow_symlinks=False,
                                       **self._call_options)
        except (SMBException, OSError) as exc:
            raise SourceUnavailable(f"cannot open {self.root}: {safe_reason(exc)}") from None
        if not root_stat.st_file_attributes & FileAttributes.FILE_ATTRIBUTE_DIRECTORY:
            name = posixpath.basename(self.target.path)
            yield self._file_item(self.target.path, name, root_stat.st_size,
                                  root_stat.st_mtime, root_stat.st_file_attributes)
            return
        yield from self._walk_folders(root_stat.st_ino)

    def _walk_folders(self, root_id: int) -> Iterator[SourceItem]:
        """Folders in name order. A server that follows links itself (Samba does, for
        links inside the share) shows a link to a folder above as a plain folder, so
        `loop -> .` would never end: a folder with the FileId of a folder above it and
        the same listing is a loop (the listing tells it from another filesystem's
        folder that happens to share an inode number), and depth is bounded by
        `[smb] max_depth` for servers that give no FileId."""
        stack: list[tuple[str, int, Ancestors]] = [(self.target.path, root_id, ())]
        while stack:
            directory, folder_id, above = stack.pop()
            try:
                entries = self._list(directory)
            except (SMBException, OSError) as exc:
                yield self._skip(directory, f"directory not readable: {safe_reason(exc)}")
                continue
            signature = _signature(entries)
            if folder_id and (folder_id, signature) in above:
                yield self._skip(directory, "folder loop")
                continue
            below = (*above, (folder_id, signature))
            subdirs: list[tuple[str, int, Ancestors]] = []
            for entry in entries:
                path = f"{directory}/{entry.name}" if directory else entry.name
                if not _is_plain_directory(entry.smb_info.file_attributes):
                    item = self._classify(path, entry.smb_info)
                    if item is not None:
                        yield item
                elif len(below) > self.max_depth:
                    yield self._skip(path, f"folder deeper than max_depth ({self.max_depth})")
                else:
                    subdirs.append((path, entry.smb_info.file_id, below))
            stack.extend(reversed(subdirs))

    def _list(self, directory: str) -> list[Any]:
        with smbclient.scandir(self.target.unc(directory), **self._call_options) as listing:
            return sorted(listing, key=lambda entry: entry.name)

    def _relative(self, path: str) -> str:
        below = path[len(self.target.path):].lstrip("/")
        return below or posixpath.basename(path)

    def _classify(self, path: str, info: Any) -> SourceItem | None:
        """A row for a file or a reparse point; None for a glob miss."""
        attributes = info.file_attributes
        if attributes & FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT:
            return self._skip(path, "reparse point (link) not followed")
        relative = self._relative(path)
        if not matches_globs(relative, self.scan_config.include, self.scan_config.exclude):
            return None
        return self._file_item(path, info.file_name, info.end_of_file,
                               _timestamp(info.last_write_time), attributes)

    def _file_item(self, path: str, name: str, size: int, modified: float,
                   attributes: int) -> SourceItem:
        reason = None
        if attributes & OFFLINE_ATTRIBUTES:
            reason = "offline file (HSM): not recalled"
        elif size > self.scan_config.max_file_bytes:
            reason = too_large_reason(size)
        return SourceItem(location=self.target.location(path), size=size, modified=modified,
                          skip_reason=reason, root=self.root, ref=path)

    def _skip(self, path: str, reason: str) -> SourceItem:
        return SourceItem(location=self.target.location(path), size=0, modified=0.0,
                          skip_reason=reason, root=self.root, ref=path)

    def read(self, item: SourceItem, max_bytes: int) -> bytes:
        try:
            self._connect()
        except SourceUnavailable as exc:
            raise SourceReadError(str(exc)) from None
        try:
            # share_access "rwd": never lock out the people working on the share.
            with smbclient.open_file(self.target.unc(item.handle), mode="rb",
                                     share_access="rwd", **self._call_options) as handle:
                return read_bounded(handle.read, max_bytes + 1)
        except (SMBException, OSError, ValueError) as exc:
            if not isinstance(exc, SMBOSError):
                self._registered = False  # a dropped connection: reconnect for the next item
            raise SourceReadError(safe_reason(exc)) from None


# (FileId, listing signature) of each folder above the one being listed.
Ancestors = tuple[tuple[int, int], ...]


def _signature(entries: list[Any]) -> int:
    """What a folder holds, by name and FileId: equal for a folder seen again through
    a link, different for another folder that merely shares its FileId."""
    return hash(tuple((entry.name, entry.smb_info.file_id) for entry in entries))


def _is_plain_directory(attributes: int) -> bool:
    return bool(attributes & FileAttributes.FILE_ATTRIBUTE_DIRECTORY
                and not attributes & FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT)


def _timestamp(value: datetime | Any) -> float:
    if not isinstance(value, datetime):
        return 0.0
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()
