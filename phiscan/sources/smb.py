"""SMB shares, read directly with smbprotocol: `smb://[user@]host[:port]/share/path`.

Same walk as a local folder: recursive in name order, include/exclude globs,
size limit, and no link following (every reparse point - symlink, junction,
DFS link - gets a `skipped` row). Credentials come from the environment or the
config, never from the location: locations are `smb://host[:port]/share/path`.
Each file's exposure comes from its security descriptor (`ntacl`), read through a
handle opened for READ_CONTROL only, with SIDs named by the server's LSA (`lsa`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import posixpath
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import smbclient
from smbclient._pool import get_smb_tree
from smbprotocol.exceptions import (
    SMBAuthenticationError,
    SMBConnectionClosed,
    SMBException,
    SMBOSError,
    SMBResponseException,
)
from smbprotocol.file_info import FileAttributes, InfoType
from smbprotocol.header import NtStatus
from smbprotocol.open import (
    CreateDisposition,
    CreateOptions,
    FilePipePrinterAccessMask,
    ImpersonationLevel,
    Open,
    ShareAccess,
    SMB2QueryInfoRequest,
    SMB2QueryInfoResponse,
)
from smbprotocol.security_descriptor import AccessMask

from phiscan.config import Config, ConfigError, SmbConfig, env_or
from phiscan.model import Exposure, ExposureLevel, SourceItem
from phiscan.sources.base import (
    PathFilter,
    SourceReadError,
    SourceUnavailable,
    read_bounded,
    too_large_reason,
)
from phiscan.sources.lsa import LookupFailed, LsaLookup
from phiscan.sources.ntacl import Principal, nt_exposure, parse_security_descriptor

log = logging.getLogger(__name__)

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
    NtStatus.STATUS_BAD_NETWORK_NAME: "share not found",
    NtStatus.STATUS_NOT_FOUND: "share or folder not found",  # Samba's, for an unknown share
    NtStatus.STATUS_FILE_IS_A_DIRECTORY: "is a directory",
    NtStatus.STATUS_BUFFER_TOO_SMALL: "buffer too small",
}
MISSING = (NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, NtStatus.STATUS_OBJECT_PATH_NOT_FOUND)
ROOT_NOT_FOUND = "folder not found in the share"
# OWNER | GROUP | DACL_SECURITY_INFORMATION: never the SACL (that needs audit rights).
SECURITY_INFORMATION = 0x00000001 | 0x00000002 | 0x00000004
SECURITY_BUFFER_BYTES = 65536
# A security descriptor or an LSA answer takes milliseconds: this long means no answer.
ACL_TIMEOUT_SECONDS = 10.0
SHARE_ALL = (ShareAccess.FILE_SHARE_READ | ShareAccess.FILE_SHARE_WRITE
             | ShareAccess.FILE_SHARE_DELETE)


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


GUEST_CANNOT_SIGN = ("logged on as a guest, and guest sessions cannot sign: set "
                     "require_signing = false in [smb] (or log on as a user)")


def safe_reason(exc: BaseException) -> str:
    """One sentence a person understands for any SMB failure, in our own words:
    smbprotocol's messages can name users and paths, and its class names and NTSTATUS
    codes tell a responder nothing."""
    if isinstance(exc, SMBAuthenticationError):
        return "authentication failed: check the user, domain and password"
    status = getattr(exc, "ntstatus", None)  # SMBOSError
    if status is None and isinstance(exc, SMBResponseException):
        status = exc.status
    if status is not None:
        return REASON_BY_STATUS.get(status, f"SMB error 0x{int(status) & 0xFFFFFFFF:08X}")
    if isinstance(exc, SMBConnectionClosed):
        return "no answer: the connection timed out or was closed before the server answered"
    if isinstance(exc, SMBException) and "as a guest" in str(exc):
        return GUEST_CANNOT_SIGN  # the message is the library's own, never shown
    network = exc.__cause__ if isinstance(exc, ValueError) else exc  # the socket's error
    if isinstance(network, OSError):
        return network_reason(network)
    return f"SMB failure: {type(exc).__name__}"


def network_reason(exc: OSError) -> str:
    """Why the host could not be reached, from the socket's error."""
    if isinstance(exc, socket.gaierror):
        return "host not found: the name does not resolve"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused: nothing listens on that port (is it an SMB server?)"
    if isinstance(exc, TimeoutError):
        return "timed out: the host did not answer"
    if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return "host unreachable: no route to it"
    return f"cannot reach the host ({errno.errorcode.get(exc.errno or 0, 'network error')})"


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
        self.globs = PathFilter(config.scan.include, config.scan.exclude)
        self.scan_config = config.scan
        self.max_depth = max(1, config.smb.max_depth)
        self._options = session_options(self.target, config.smb)
        self._connections: dict[str, Any] = {}  # this source's own pool, closed with it
        self._registered = False
        self._names: dict[str, Principal | None] = {}  # SID -> name, for the whole walk
        self._lsa: tuple[Any, LsaLookup] | None = None
        self._lsa_failed = False
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
        self._close_lsa()
        # Closed here, not by smbclient's reset, which logs a full traceback for a session
        # the server already dropped (a guest refused signing): nothing to act on.
        for name in list(self._connections):
            connection = self._connections.pop(name)
            try:
                connection.disconnect()
            except Exception as exc:
                log.debug("SMB connection not closed cleanly (%s)", type(exc).__name__)
        self._registered = False

    def walk(self) -> Iterator[SourceItem]:
        self._connect()
        try:
            root_stat = smbclient.stat(self.target.unc(self.target.path), follow_symlinks=False,
                                       **self._call_options)
        except (SMBException, OSError) as exc:
            reason = ROOT_NOT_FOUND if getattr(exc, "ntstatus", None) in MISSING else \
                safe_reason(exc)  # not "deleted since listing": it was never listed
            raise SourceUnavailable(f"cannot open {self.root}: {reason}") from None
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
        if not self.globs.admits(relative, self.target.location(path)):
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
                          skip_reason=reason, root=self.root, ref=path,
                          exposure=self.exposure(path))

    def exposure(self, path: str) -> Exposure:
        """Who can read the file, from its owner and DACL; `unknown` with a reason when
        the descriptor cannot be read (never an error for the file)."""
        try:
            descriptor = parse_security_descriptor(self._security_descriptor(path))
        except ValueError:
            return Exposure(ExposureLevel.UNKNOWN, (), "security descriptor malformed")
        except (SMBException, OSError) as exc:
            return Exposure(ExposureLevel.UNKNOWN, (),
                            f"security descriptor not readable: {safe_reason(exc)}")
        except SourceUnavailable:  # reconnecting failed: the listing will say so next
            return Exposure(ExposureLevel.UNKNOWN, (), "security descriptor not readable: "
                                                       "connection lost")
        return nt_exposure(descriptor, self._resolve)

    def _security_descriptor(self, path: str) -> bytes:
        """Open (READ_CONTROL only, never a link's target), query, close: one compound
        round trip, given up after ACL_TIMEOUT_SECONDS (a hung server never hangs the walk)."""
        self._connect()
        handle = Open(*get_smb_tree(self.target.unc(path), **self._call_options))
        request = SMB2QueryInfoRequest()
        request["info_type"] = InfoType.SMB2_0_INFO_SECURITY
        request["output_buffer_length"] = SECURITY_BUFFER_BYTES
        request["additional_information"] = SECURITY_INFORMATION
        request["file_id"] = handle.file_id

        def receive(sent: Any) -> bytes:
            reply = SMB2QueryInfoResponse()
            reply.unpack(handle.connection.receive(sent)["data"].get_value())
            return reply["buffer"].get_value()

        steps = [
            handle.create(ImpersonationLevel.Impersonation, AccessMask.READ_CONTROL,
                          FileAttributes.FILE_ATTRIBUTE_NORMAL, SHARE_ALL,
                          CreateDisposition.FILE_OPEN, CreateOptions.FILE_OPEN_REPARSE_POINT,
                          send=False),
            (request, receive),
            handle.close(send=False),
        ]
        return timed_compound(handle, steps, ACL_TIMEOUT_SECONDS)[1]

    def _resolve(self, sids: Iterable[str]) -> dict[str, Principal]:
        """Names and kinds of SIDs from the server's LSA, each SID asked once per walk."""
        new = [sid for sid in sids if sid not in self._names]
        lookup = self._lookup() if new else None
        if lookup is not None:
            try:
                found = lookup.names(new)
            except (LookupFailed, SMBException, OSError, ValueError) as exc:
                self._lsa_give_up(exc)
                found = {}
            self._names.update({sid: found.get(sid) for sid in new})
        return {sid: principal for sid in sids
                if (principal := self._names.get(sid)) is not None}

    def _lookup(self) -> LsaLookup | None:
        if self._lsa is None and not self._lsa_failed:
            pipe = None
            try:
                pipe_path = f"\\\\{self.target.host}\\IPC$\\lsarpc"
                pipe = TimedPipe(Open(*get_smb_tree(pipe_path, **self._call_options)),
                                 ACL_TIMEOUT_SECONDS)
                self._lsa = (pipe, LsaLookup(pipe))
            except (LookupFailed, SMBException, OSError, ValueError) as exc:
                if pipe is not None:
                    pipe.close()
                self._lsa_give_up(exc)
        return self._lsa[1] if self._lsa else None

    def _lsa_give_up(self, exc: Exception) -> None:
        reason = str(exc) if isinstance(exc, LookupFailed) else safe_reason(exc)
        log.warning("%s: SIDs are not named (LSA lookup: %s)", self.root, reason)
        self._lsa_failed = True
        self._close_lsa()

    def _close_lsa(self) -> None:
        if self._lsa is not None:
            pipe, lookup = self._lsa
            self._lsa = None
            lookup.close()
            pipe.close()

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


def timed_compound(handle: Open, steps: list[tuple[Any, Any]], timeout: float) -> list[Any]:
    """Send related requests (message, unpack function) as one compound and unpack each
    answer, waiting at most `timeout` seconds for any of them; the first failure is
    raised once every answer that came has been collected."""
    connection = handle.connection
    sent = connection.send_compound([message for message, _ in steps],
                                    handle.tree_connect.session.session_id,
                                    handle.tree_connect.tree_connect_id, related=True)
    results: list[Any] = []
    failure: Exception | None = None
    for request, (_, unpack) in zip(sent, steps, strict=True):
        try:
            connection.receive(request, timeout=timeout)
            results.append(unpack(request))
        except SMBResponseException as exc:
            failure = failure or SMBOSError(exc.status, handle.file_name)
            results.append(None)
    if failure is not None:
        raise failure
    return results


class TimedPipe:
    """A named pipe on IPC$ whose every request is given up after `timeout` seconds.
    Opened for read and write: that is how RPC talks over a pipe (no file is written)."""

    def __init__(self, handle: Open, timeout: float) -> None:
        self.handle = handle
        self.timeout = timeout
        timed_compound(handle, [handle.create(
            ImpersonationLevel.Impersonation,
            FilePipePrinterAccessMask.FILE_READ_DATA | FilePipePrinterAccessMask.FILE_WRITE_DATA,
            FileAttributes.FILE_ATTRIBUTE_NORMAL, ShareAccess.FILE_SHARE_READ
            | ShareAccess.FILE_SHARE_WRITE, CreateDisposition.FILE_OPEN, 0, send=False)],
            timeout)

    def write(self, data: bytes) -> None:
        self._one(self.handle.write(data, send=False))

    def read(self, size: int) -> bytes:
        return self._one(self.handle.read(0, size, send=False))

    def close(self) -> None:
        with contextlib.suppress(SMBException, OSError):
            if self.handle.connected:
                self._one(self.handle.close(send=False))

    def _one(self, step: tuple[Any, Any]) -> Any:
        message, unpack = step
        request = self.handle.connection.send(message, self.handle.tree_connect.session.session_id,
                                              self.handle.tree_connect.tree_connect_id)
        self.handle.connection.receive(request, timeout=self.timeout)
        return unpack(request)


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
