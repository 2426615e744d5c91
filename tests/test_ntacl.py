"""Security descriptor evaluation on descriptors built byte by byte ([MS-DTYP] 2.4.6):
the cases a test Samba share does not produce (no DACL, inherit-only ACEs, a deny for
everyone, a SID nobody can name, malformed bytes). Real descriptors from smbd are in
tests/test_exposure_remote.py."""

from __future__ import annotations

import struct

import pytest

from phiscan.model import Exposure, ExposureLevel
from phiscan.sources.ntacl import (
    INHERIT_ONLY_ACE,
    INHERITED_ACE,
    Principal,
    SidKind,
    nt_exposure,
    parse_security_descriptor,
)

ALLOW, DENY = 0x00, 0x01
READ = 0x00120089  # FILE_GENERIC_READ
WRITE_ONLY = 0x00000002  # FILE_WRITE_DATA
ALICE = "S-1-5-21-1004336348-1177238915-682003330-1104"
NURSES = "S-1-5-21-1004336348-1177238915-682003330-1105"
UNNAMED = "S-1-5-21-1004336348-1177238915-682003330-1190"
DOMAIN_USERS = "S-1-5-21-1004336348-1177238915-682003330-513"
SERVER_NAMES = {ALICE: Principal("CONTOSO\\alice", SidKind.USER),
                NURSES: Principal("CONTOSO\\Nurses", SidKind.GROUP)}


def sid(text: str) -> bytes:
    parts = text.split("-")
    subs = [int(part) for part in parts[3:]]
    return struct.pack("<BB", 1, len(subs)) + int(parts[2]).to_bytes(6, "big") + struct.pack(
        f"<{len(subs)}I", *subs)


def descriptor(aces: list[tuple[int, int, int, str]] | None, owner: str = ALICE) -> bytes:
    """Self-relative descriptor: header, owner SID, then the DACL (None: no DACL)."""
    owner_bytes = sid(owner)
    dacl = b""
    if aces is not None:
        body = b"".join(struct.pack("<BBHI", kind, flags, 8 + len(sid(who)), mask) + sid(who)
                        for kind, flags, mask, who in aces)
        dacl = struct.pack("<BBHHH", 2, 0, 8 + len(body), len(aces), 0) + body
    control = 0x8000 | (0x0004 if aces is not None else 0)
    dacl_offset = 20 + len(owner_bytes) if aces is not None else 0
    return struct.pack("<BBHIIII", 1, 0, control, 20, 0, 0, dacl_offset) + owner_bytes + dacl


def exposure(aces: list[tuple[int, int, int, str]] | None) -> Exposure:
    return nt_exposure(parse_security_descriptor(descriptor(aces)),
                       lambda sids: {s: SERVER_NAMES[s] for s in sids if s in SERVER_NAMES})


def test_levels_from_the_readers():
    assert exposure([(ALLOW, 0, READ, ALICE)]) == Exposure(
        ExposureLevel.RESTRICTED, ("CONTOSO\\alice",))
    assert exposure([(ALLOW, 0, READ, ALICE), (ALLOW, 0, READ, NURSES)]) == Exposure(
        ExposureLevel.GROUP, ("CONTOSO\\alice", "CONTOSO\\Nurses"))
    assert exposure([(ALLOW, INHERITED_ACE, READ, DOMAIN_USERS)]) == Exposure(
        ExposureLevel.BROAD, ("Domain Users",))
    # Administrators and SYSTEM read everything, as root does: listed, never exposure.
    assert exposure([(ALLOW, 0, READ, "S-1-5-32-544"), (ALLOW, 0, READ, "S-1-5-18")]) == \
        Exposure(ExposureLevel.RESTRICTED, ("BUILTIN\\Administrators", "NT AUTHORITY\\SYSTEM"))
    # A SID the server cannot name may be a whole department: a group, shown as the SID.
    assert exposure([(ALLOW, 0, READ, UNNAMED)]) == Exposure(ExposureLevel.GROUP, (UNNAMED,))


def test_no_dacl_is_everyone_and_an_empty_one_is_no_one():
    assert exposure(None) == Exposure(ExposureLevel.BROAD, ("Everyone (no DACL)",))
    assert exposure([]) == Exposure(ExposureLevel.RESTRICTED, ())


def test_denies_inherit_only_and_rights_without_read():
    everyone = "S-1-1-0"
    # An earlier deny for everyone leaves no reader; a deny for one group does not stop
    # an allow for everyone; a deny after the allow comes too late.
    assert exposure([(DENY, 0, READ, everyone), (ALLOW, 0, READ, everyone),
                     (ALLOW, 0, READ, ALICE)]) == Exposure(ExposureLevel.RESTRICTED, ())
    assert exposure([(DENY, 0, READ, NURSES), (ALLOW, INHERITED_ACE, READ, everyone)]) == \
        Exposure(ExposureLevel.BROAD, ("Everyone",))
    assert exposure([(ALLOW, 0, READ, NURSES), (DENY, 0, READ, NURSES)]).level == \
        ExposureLevel.GROUP
    # Inherit-only ACEs are for the children, not the file; write alone is not read.
    assert exposure([(ALLOW, INHERIT_ONLY_ACE, READ, everyone), (ALLOW, 0, WRITE_ONLY, NURSES),
                     (ALLOW, 0, READ, ALICE)]) == Exposure(
        ExposureLevel.RESTRICTED, ("CONTOSO\\alice",))
    # GENERIC_ALL and GENERIC_READ read too.
    assert exposure([(ALLOW, 0, 0x10000000, "S-1-5-11")]).level == ExposureLevel.BROAD


@pytest.mark.parametrize("data", [b"", b"\x01\x00\x04\x80" + b"\x00" * 12,
                                  descriptor([(ALLOW, 0, READ, ALICE)])[:-3]])
def test_malformed_descriptors_are_value_errors(data):
    with pytest.raises(ValueError):
        parse_security_descriptor(data)
