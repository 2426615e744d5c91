"""Offline operation: no socket connect during an engine build or a whole scan
of every file type (spaCy model by package, tldextract's bundled suffix list,
XML parsers that never fetch a DTD or entity)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.detect.engine import build_analyzer
from phiscan.scan.runner import run_scan
from tests.share_builder import build_every_type


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:2] or args[:1]))
        raise NetworkAttempt("socket connect attempted during an offline scan")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def offline_config() -> Config:
    config = Config()
    config.scan.workers = 1  # in this process, where the socket guard is installed
    config.detection.entities = ["UK_NHS", "HOME_ACCESS", "EMAIL_ADDRESS"]
    return config


def test_the_guard_catches_a_connect(no_network):
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as sock, pytest.raises(NetworkAttempt):
        sock.connect(("127.0.0.1", 9))
    assert len(no_network) == 2


def test_engine_build_and_scan_make_no_connection(no_network, tmp_path: Path):
    share = tmp_path / "share"
    build_every_type(share)
    # An external entity pointing at a local server must not be fetched either.
    (share / "external-entity.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/dtd">]>'
        "<r>NHS number: 943 476 5919 &x;</r>")
    analyzer = build_analyzer(offline_config())
    assert analyzer.analyze("carer.team@example.org", language="en",
                            entities=["EMAIL_ADDRESS"])
    outcome = run_scan([str(share)], tmp_path / "out", offline_config())
    assert no_network == []
    assert outcome.summary["run"]["status"] == "completed"
    rows = [json.loads(line) for line in (tmp_path / "out" / "files.jsonl").read_text()
            .splitlines()]
    by_name = {Path(row["location"]).name: row for row in rows}
    assert by_name["external-entity.xml"]["status"] == "scanned"
    assert by_name["external-entity.xml"]["entities"] == {"UK_NHS": 1}
    assert outcome.summary["status"]["error"] == 0
