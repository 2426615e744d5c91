"""Who can read a file from its Windows security descriptor (owner and DACL).

Parsed from the self-relative binary form an SMB server returns ([MS-DTYP] 2.4.6),
evaluated in ACE order as Windows does: a deny ACE for read that comes before an
allow ACE wins over it (canonical ACLs put explicit denies first, then explicit
allows, then the inherited ones in the same order). Inherited ACEs (INHERITED_ACE,
copied from a folder above) count exactly like explicit ones; inherit-only ACEs
do not apply to the file itself and are ignored. Levels:
- broad: a principal standing for every account (Everyone, Authenticated Users,
  Domain Users, BUILTIN\\Users, Guests, Anonymous...) may read, or there is no DACL;
- group: a group (or a principal that cannot be resolved, which may be one) may read;
- restricted: only individual accounts, administrators and SYSTEM may read.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from phiscan.model import Exposure, ExposureLevel

# ACE types ([MS-DTYP] 2.4.4.1) whose body is mask + SID.
ALLOW_TYPES = frozenset({0x00, 0x09})  # ACCESS_ALLOWED, ACCESS_ALLOWED_CALLBACK
DENY_TYPES = frozenset({0x01, 0x0A})  # ACCESS_DENIED, ACCESS_DENIED_CALLBACK
INHERIT_ONLY_ACE = 0x08
INHERITED_ACE = 0x10
DACL_PRESENT = 0x0004
# FILE_READ_DATA, GENERIC_ALL, GENERIC_READ: any of them lets the holder read the bytes.
READ_MASK = 0x00000001 | 0x10000000 | 0x80000000
_HEADER = struct.Struct("<BBHIIII")
_ACL_HEADER = struct.Struct("<BBHHH")
_ACE_HEADER = struct.Struct("<BBH")


class SidKind(StrEnum):
    """What a SID stands for, as far as exposure goes."""

    EVERYONE = "everyone"  # every account (or anyone at all)
    ADMIN = "admin"  # administrators and the system itself: like root, never exposure
    GROUP = "group"
    USER = "user"
    UNKNOWN = "unknown"  # not resolvable: counted as a group (it may be one)


WELL_KNOWN: dict[str, tuple[str, SidKind]] = {
    "S-1-1-0": ("Everyone", SidKind.EVERYONE),
    "S-1-5-7": ("NT AUTHORITY\\ANONYMOUS LOGON", SidKind.EVERYONE),
    "S-1-5-11": ("NT AUTHORITY\\Authenticated Users", SidKind.EVERYONE),
    "S-1-5-2": ("NT AUTHORITY\\NETWORK", SidKind.EVERYONE),
    "S-1-5-4": ("NT AUTHORITY\\INTERACTIVE", SidKind.EVERYONE),
    "S-1-5-15": ("NT AUTHORITY\\This Organization", SidKind.EVERYONE),
    "S-1-5-32-545": ("BUILTIN\\Users", SidKind.EVERYONE),
    "S-1-5-32-546": ("BUILTIN\\Guests", SidKind.EVERYONE),
    "S-1-5-18": ("NT AUTHORITY\\SYSTEM", SidKind.ADMIN),
    "S-1-5-19": ("NT AUTHORITY\\LOCAL SERVICE", SidKind.ADMIN),
    "S-1-5-20": ("NT AUTHORITY\\NETWORK SERVICE", SidKind.ADMIN),
    "S-1-5-32-544": ("BUILTIN\\Administrators", SidKind.ADMIN),
    "S-1-5-32-551": ("BUILTIN\\Backup Operators", SidKind.ADMIN),
    "S-1-3-0": ("CREATOR OWNER", SidKind.USER),
    "S-1-3-1": ("CREATOR GROUP", SidKind.GROUP),
    "S-1-3-4": ("OWNER RIGHTS", SidKind.USER),
}
# Relative ids with a fixed meaning in every domain (S-1-5-21-<domain>-<rid>).
DOMAIN_RIDS: dict[int, tuple[str, SidKind]] = {
    500: ("Administrator", SidKind.ADMIN),
    512: ("Domain Admins", SidKind.ADMIN),
    513: ("Domain Users", SidKind.EVERYONE),
    514: ("Domain Guests", SidKind.EVERYONE),
    515: ("Domain Computers", SidKind.GROUP),
    518: ("Schema Admins", SidKind.ADMIN),
    519: ("Enterprise Admins", SidKind.ADMIN),
}
_DOMAIN_SID = re.compile(r"S-1-5-21-\d+-\d+-\d+-(\d+)")
_BUILTIN_SID = re.compile(r"S-1-5-32-\d+")
# Samba's Unix users and groups (no domain account behind them).
_UNIX_USER = re.compile(r"S-1-22-1-\d+")
_UNIX_GROUP = re.compile(r"S-1-22-2-\d+")


@dataclass(frozen=True)
class Ace:
    type: int
    flags: int
    mask: int
    sid: str


@dataclass(frozen=True)
class SecurityDescriptor:
    owner: str | None
    group: str | None
    dacl: tuple[Ace, ...] | None  # None: no DACL, which grants everyone everything


@dataclass(frozen=True)
class Principal:
    name: str
    kind: SidKind


def parse_sid(data: bytes, offset: int) -> str:
    revision, count = data[offset], data[offset + 1]
    authority = int.from_bytes(data[offset + 2:offset + 8], "big")
    end = offset + 8 + 4 * count
    if revision != 1 or end > len(data):
        raise ValueError("malformed SID")
    subs = struct.unpack_from(f"<{count}I", data, offset + 8)
    return "-".join(["S", "1", str(authority), *map(str, subs)])


def parse_security_descriptor(data: bytes) -> SecurityDescriptor:
    """A self-relative SECURITY_DESCRIPTOR; ValueError when it is malformed."""
    try:
        revision, _, control, owner, group, _sacl, dacl = _HEADER.unpack_from(data)
        if revision != 1:
            raise ValueError(f"security descriptor revision {revision}")
        # No DACL, or a NULL one (present, offset 0): no protection at all.
        aces = _parse_acl(data, dacl) if control & DACL_PRESENT and dacl else None
        return SecurityDescriptor(parse_sid(data, owner) if owner else None,
                                  parse_sid(data, group) if group else None, aces)
    except (struct.error, IndexError) as exc:
        raise ValueError("malformed security descriptor") from exc


def _parse_acl(data: bytes, offset: int) -> tuple[Ace, ...]:
    _revision, _, size, count, _ = _ACL_HEADER.unpack_from(data, offset)
    end = offset + size
    position = offset + _ACL_HEADER.size
    aces = []
    for _ in range(count):
        ace_type, flags, ace_size = _ACE_HEADER.unpack_from(data, position)
        if ace_size < _ACE_HEADER.size or position + ace_size > end:
            raise ValueError("malformed ACE")
        if ace_type in ALLOW_TYPES | DENY_TYPES:
            (mask,) = struct.unpack_from("<I", data, position + 4)
            aces.append(Ace(ace_type, flags, mask, parse_sid(data, position + 8)))
        position += ace_size
    return tuple(aces)


def well_known(sid: str) -> Principal | None:
    """Name and kind of a SID whose meaning does not depend on the server."""
    if sid in WELL_KNOWN:
        return Principal(*WELL_KNOWN[sid])
    domain = _DOMAIN_SID.fullmatch(sid)
    if domain and int(domain.group(1)) in DOMAIN_RIDS:
        return Principal(*DOMAIN_RIDS[int(domain.group(1))])
    return None


def structural_kind(sid: str) -> SidKind:
    """What a SID's shape alone says when the server could not name it."""
    if _UNIX_USER.fullmatch(sid):
        return SidKind.USER
    if _UNIX_GROUP.fullmatch(sid) or _BUILTIN_SID.fullmatch(sid):
        return SidKind.GROUP
    return SidKind.UNKNOWN


def readers(descriptor: SecurityDescriptor) -> list[str]:
    """SIDs allowed to read the file, in ACE order, after earlier denies. A deny for a
    principal standing for every account denies every later allow; any other deny
    only that principal's own allows (its members may hold another allow too)."""
    assert descriptor.dacl is not None
    denied: set[str] = set()
    deny_all = False
    allowed: list[str] = []
    for ace in descriptor.dacl:
        if ace.flags & INHERIT_ONLY_ACE or not ace.mask & READ_MASK:
            continue
        if ace.type in DENY_TYPES:
            denied.add(ace.sid)
            deny_all = deny_all or _kind_without_lookup(ace.sid) == SidKind.EVERYONE
        elif not deny_all and ace.sid not in denied and ace.sid not in allowed:
            allowed.append(ace.sid)
    return allowed


def _kind_without_lookup(sid: str) -> SidKind:
    known = well_known(sid)
    return known.kind if known else structural_kind(sid)


Resolver = Callable[[Iterable[str]], Mapping[str, Principal]]


def nt_exposure(descriptor: SecurityDescriptor, resolve: Resolver) -> Exposure:
    """The exposure a security descriptor gives; principals by name where the server
    (or the well-known table) names them, else by SID."""
    if descriptor.dacl is None:
        return Exposure(ExposureLevel.BROAD, ("Everyone (no DACL)",))
    sids = readers(descriptor)
    named = dict(resolve([sid for sid in sids if well_known(sid) is None]))
    principals = [well_known(sid) or named.get(sid) or Principal(sid, structural_kind(sid))
                  for sid in sids]
    names = tuple(principal.name for principal in principals)
    kinds = {principal.kind for principal in principals}
    if SidKind.EVERYONE in kinds:
        return Exposure(ExposureLevel.BROAD, names)
    if kinds & {SidKind.GROUP, SidKind.UNKNOWN}:
        return Exposure(ExposureLevel.GROUP, names)
    return Exposure(ExposureLevel.RESTRICTED, names)
