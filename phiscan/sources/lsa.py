"""SID to name over the SMB server's own LSA pipe (`\\\\host\\IPC$\\lsarpc`).

A security descriptor names principals by SID; whether `S-1-5-21-...-1104` is one
person or a whole department, and what it is called, only the server knows. This
asks it with LsarOpenPolicy2 + LsarLookupSids ([MS-LSAT]) over DCE/RPC on the
named pipe, on the session the scan already has: a read-only lookup (the policy
handle is opened with POLICY_LOOKUP_NAMES only). Just the requests this needs are
encoded here (NDR, little-endian); anything unexpected is a `LookupFailed`, and the
caller falls back to SIDs.
"""

from __future__ import annotations

import contextlib
import struct
import uuid
from collections.abc import Iterable
from typing import Any

from phiscan.sources.ntacl import Principal, SidKind

LSA_INTERFACE = uuid.UUID("12345778-1234-abcd-ef00-0123456789ab")
NDR_SYNTAX = uuid.UUID("8a885d04-1ceb-11c9-9fe8-08002b104860")
BIND, BIND_ACK, REQUEST, RESPONSE, FAULT = 11, 12, 0, 2, 3
FIRST_FRAG, LAST_FRAG = 0x01, 0x02
MAX_FRAGMENT = 4280
MAX_FRAGMENTS = 4096  # 1,000 names take a few dozen; more is a server gone wrong
OPEN_POLICY2, LOOKUP_SIDS, CLOSE = 44, 15, 0
POLICY_LOOKUP_NAMES = 0x00000800
LOOKUP_WKSTA = 1
STATUS_SOME_NOT_MAPPED = 0x00000107
STATUS_NONE_MAPPED = 0xC0000073
# SID_NAME_USE ([MS-LSAT] 2.2.13) to what it means for exposure.
KIND_BY_USE = {1: SidKind.USER, 2: SidKind.GROUP, 4: SidKind.GROUP, 5: SidKind.GROUP,
               9: SidKind.USER}
MAX_SIDS_PER_CALL = 1000


class LookupFailed(Exception):
    """The server would not name SIDs; the message is safe to store."""


class LsaLookup:
    """One open LSA pipe and policy handle, used for every lookup of a walk."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe
        self.call_id = 0
        try:
            self._bind()
            reply = self._call(OPEN_POLICY2, _pack_open_policy())
        except (struct.error, IndexError) as exc:
            raise LookupFailed("malformed LSA reply") from exc
        if len(reply) < 24 or _status(reply, 20):
            raise LookupFailed(f"LSA policy not opened (0x{_status(reply, 20):08X})")
        self.handle = reply[:20]

    def names(self, sids: Iterable[str]) -> dict[str, Principal]:
        """Name and kind of each SID the server knows; the others are left out."""
        wanted = list(dict.fromkeys(sids))
        found: dict[str, Principal] = {}
        for start in range(0, len(wanted), MAX_SIDS_PER_CALL):
            batch = wanted[start:start + MAX_SIDS_PER_CALL]
            try:
                found.update(self._lookup(batch))
            except (struct.error, IndexError) as exc:
                raise LookupFailed("malformed LSA reply") from exc
        return found

    def close(self) -> None:
        # The pipe closes anyway, and the server drops the handle with it.
        with contextlib.suppress(LookupFailed, OSError, ValueError):
            self._call(CLOSE, self.handle)

    def _lookup(self, sids: list[str]) -> dict[str, Principal]:
        reply = self._call(LOOKUP_SIDS, _pack_lookup_sids(self.handle, sids))
        domains, translated, status = _unpack_lookup_sids(reply)
        if status == STATUS_NONE_MAPPED:
            return {}
        if status not in (0, STATUS_SOME_NOT_MAPPED) or len(translated) != len(sids):
            raise LookupFailed(f"LSA lookup failed (0x{status:08X})")
        found = {}
        for sid, (use, name, domain_index) in zip(sids, translated, strict=True):
            kind = KIND_BY_USE.get(use)
            if kind is None or not name:
                continue  # unknown, deleted or invalid: left to the caller
            domain = domains[domain_index] if 0 <= domain_index < len(domains) else ""
            found[sid] = Principal(f"{domain}\\{name}" if domain else name, kind)
        return found

    def _bind(self) -> None:
        body = struct.pack("<HHIBBH", MAX_FRAGMENT, MAX_FRAGMENT, 0, 1, 0, 0)
        body += struct.pack("<HBB", 0, 1, 0)
        body += LSA_INTERFACE.bytes_le + struct.pack("<HH", 0, 0)
        body += NDR_SYNTAX.bytes_le + struct.pack("<I", 2)
        reply_type, reply = self._exchange(BIND, body)
        if reply_type != BIND_ACK:
            raise LookupFailed("LSA bind refused")
        secondary_length = struct.unpack_from("<H", reply, 8)[0]
        results = _align(10 + secondary_length, 4)
        if reply[results] < 1 or struct.unpack_from("<H", reply, results + 4)[0] != 0:
            raise LookupFailed("LSA bind refused")

    def _call(self, opnum: int, stub: bytes) -> bytes:
        body = struct.pack("<IHH", len(stub), 0, opnum) + stub
        reply_type, reply = self._exchange(REQUEST, body)
        if reply_type == FAULT:
            raise LookupFailed(f"LSA fault 0x{struct.unpack_from('<I', reply, 8)[0]:08X}")
        if reply_type != RESPONSE:
            raise LookupFailed("unexpected LSA reply")
        return reply[8:]

    def _exchange(self, packet_type: int, body: bytes) -> tuple[int, bytes]:
        """Send one PDU, gather every fragment of the answer; (type, joined bodies)."""
        self.call_id += 1
        header = struct.pack("<BBBB4sHHI", 5, 0, packet_type, FIRST_FRAG | LAST_FRAG,
                             b"\x10\x00\x00\x00", 16 + len(body), 0, self.call_id)
        self.pipe.write(header + body)
        parts: list[bytes] = []
        pending = b""
        while True:
            while len(pending) < 16 or len(pending) < struct.unpack_from("<H", pending, 8)[0]:
                chunk = self.pipe.read(65536)
                if not chunk:
                    raise LookupFailed("LSA pipe closed")
                pending += chunk
            length = struct.unpack_from("<H", pending, 8)[0]
            fragment, pending = pending[:length], pending[length:]
            reply_type, flags = fragment[2], fragment[3]
            auth_length = struct.unpack_from("<H", fragment, 10)[0]
            body_end = length - (auth_length + 8 if auth_length else 0)
            if reply_type in (RESPONSE, FAULT) and parts:
                parts.append(fragment[24:body_end])  # later fragments: stub only
            else:
                parts.append(fragment[16:body_end])
            if flags & LAST_FRAG or reply_type not in (RESPONSE,):
                return reply_type, b"".join(parts)
            if len(parts) > MAX_FRAGMENTS:
                raise LookupFailed("LSA reply too long")


def _align(position: int, boundary: int) -> int:
    return (position + boundary - 1) // boundary * boundary


def _status(reply: bytes, offset: int) -> int:
    return struct.unpack_from("<I", reply, offset)[0] if len(reply) >= offset + 4 else 0xFFFFFFFF


def _pack_open_policy() -> bytes:
    # SystemName NULL; LSAPR_OBJECT_ATTRIBUTES all empty (Length 24); DesiredAccess.
    return struct.pack("<I", 0) + struct.pack("<6I", 24, 0, 0, 0, 0, 0) + struct.pack(
        "<I", POLICY_LOOKUP_NAMES)


def _sid_bytes(sid: str) -> bytes:
    parts = sid.split("-")
    if len(parts) < 3 or parts[0] != "S" or parts[1] != "1":
        raise ValueError(f"not a SID: {sid}")
    authority, subs = int(parts[2]), [int(part) for part in parts[3:]]
    return (struct.pack("<IBB", len(subs), 1, len(subs)) + authority.to_bytes(6, "big")
            + struct.pack(f"<{len(subs)}I", *subs))


def _pack_lookup_sids(handle: bytes, sids: list[str]) -> bytes:
    stub = bytearray(handle)
    stub += struct.pack("<III", len(sids), 0x20000, len(sids))  # SidEnumBuffer, its array
    stub += b"".join(struct.pack("<I", 0x20004 + 4 * index) for index in range(len(sids)))
    for sid in sids:
        stub += _sid_bytes(sid)
    stub += struct.pack("<II", 0, 0)  # TranslatedNames: none yet
    stub += struct.pack("<HHI", LOOKUP_WKSTA, 0, 0)  # LookupLevel, padding, MappedCount
    return bytes(stub)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def take(self, fmt: str) -> Any:
        size = struct.calcsize("<" + fmt)
        alignment = min(size, 4) if len(fmt) == 1 else 4
        self.position = _align(self.position, alignment)
        values = struct.unpack_from("<" + fmt, self.data, self.position)
        self.position += size
        return values[0] if len(values) == 1 else values

    def text(self) -> str:
        _maximum, _offset, actual = self.take("III")
        raw = self.data[self.position:self.position + 2 * actual]
        self.position += 2 * actual
        return raw.decode("utf-16-le", errors="replace").rstrip("\x00")

    def skip_sid(self) -> None:
        count = self.take("I")
        self.position += 8 + 4 * count


def _unpack_lookup_sids(reply: bytes) -> tuple[list[str], list[tuple[int, str, int]], int]:
    """(domain names, (use, name, domain index) per SID, status)."""
    reader = _Reader(reply)
    domains: list[str] = []
    if reader.take("I"):  # ReferencedDomains
        _entries, array, _maximum = reader.take("III")
        if array:
            count = reader.take("I")
            heads = [reader.take("HHII") for _ in range(count)]  # Name (len, max, ptr), Sid
            for _length, _maximum_length, name, sid in heads:
                domains.append(reader.text() if name else "")
                if sid:
                    reader.skip_sid()
    _entries, array = reader.take("II")  # TranslatedNames
    translated: list[tuple[int, str, int]] = []
    if array:
        count = reader.take("I")
        heads = [reader.take("HxxHHIi") for _ in range(count)]
        for use, _length, _maximum_length, name, domain_index in heads:
            translated.append((use, reader.text() if name else "", domain_index))
    _mapped, status = reader.take("II")
    return domains, translated, status
