"""SMB failures in words a person understands (host not found, connection refused,
timed out, share not found, guest cannot sign), never a class name, an NTSTATUS code or
a traceback; the scan exits 3 as for any unavailable source. Against the real smbd."""

from __future__ import annotations

import socket

import pytest
from smbprotocol.exceptions import SMBConnectionClosed

from phiscan.config import Config
from phiscan.sources.base import SourceUnavailable
from phiscan.sources.smb import SmbSource, safe_reason
from tests.cli import run_cli
from tests.servers import free_port


def guest_config(require_signing: bool = False) -> Config:
    config = Config()
    config.smb.require_signing = require_signing
    return config


def unavailable_reason(uri: str, config: Config) -> str:
    source = SmbSource(uri, config)
    try:
        with pytest.raises(SourceUnavailable) as raised:
            list(source.walk())
    finally:
        source.close()
    return str(raised.value)


def test_a_closed_port_is_connection_refused():
    port = free_port()  # nothing listens there
    reason = unavailable_reason(f"smb://guest@127.0.0.1:{port}/CareShare", guest_config())
    assert reason == (f"cannot connect to smb://127.0.0.1:{port}/CareShare: "
                      "connection refused: nothing listens on that port (is it an SMB server?)")


def test_an_unknown_host_is_host_not_found():
    reason = unavailable_reason("smb://guest@nosuchhost.invalid/CareShare", guest_config())
    assert reason.endswith("smb://nosuchhost.invalid/CareShare: host not found: the name "
                           "does not resolve")


def test_a_missing_share_is_share_not_found(samba):
    reason = unavailable_reason(f"smb://guest@127.0.0.1:{samba.port}/NoShare", guest_config())
    assert reason.endswith(f"smb://127.0.0.1:{samba.port}/NoShare: share or folder not found")


def test_a_missing_folder_in_a_share_is_not_deleted_since_listing(samba):
    reason = unavailable_reason(f"smb://guest@127.0.0.1:{samba.port}/parity/no-such-folder",
                                guest_config())
    assert reason.endswith("parity/no-such-folder: folder not found in the share")


def test_a_guest_that_must_sign_is_told_to_set_require_signing_false(samba, tmp_path):
    out = tmp_path / "out"
    result = run_cli("scan", f"smb://guest@127.0.0.1:{samba.port}/parity", "--out", str(out),
                     "--workers", "1", "--quiet")

    assert result.returncode == 3
    assert (f"cannot connect to smb://127.0.0.1:{samba.port}/parity: logged on as a guest, and "
            "guest sessions cannot sign: set require_signing = false in [smb] (or log on as a "
            "user)") in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr and "Failed to close" not in result.stderr


@pytest.mark.parametrize(("error", "reason"), [
    (SMBConnectionClosed("Connection timed out. Server did not respond within timeout."),
     "no answer: the connection timed out or was closed before the server answered"),
    (TimeoutError("timed out"), "timed out: the host did not answer"),
    (socket.gaierror(-2, "Name or service not known"),
     "host not found: the name does not resolve"),
])
def test_no_answer_is_said_as_a_timeout(error, reason):
    # smbprotocol wraps the socket's error in a ValueError that quotes host and port
    wrapped = ValueError("Failed to connect to 'secret-host:445'")
    wrapped.__cause__ = error
    assert safe_reason(error if isinstance(error, SMBConnectionClosed) else wrapped) == reason
