"""Shared fixtures. The spaCy engine is expensive: build it once per session."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("PHISCAN_HMAC_KEY", "test-key-not-secret")
pytest_plugins = ["tests.source_fixtures"]

TESTS_DIR = Path(__file__).parent
DATA_DIR = TESTS_DIR / "data"


@pytest.fixture(scope="session")
def config():
    from phiscan.config import Config

    return Config()


@pytest.fixture(scope="session")
def detector(config):
    from phiscan.detect.detector import Detector

    return Detector(config, b"test-key-not-secret")


def all_files_under(directory: Path) -> list[Path]:
    return [path for path in directory.rglob("*") if path.is_file()]


def snapshot_tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Content and mtime (ns) of every file under root."""
    return {
        str(path): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*")) if path.is_file() and not path.is_symlink()
    }


def _needle_patterns(raw_values: list[str]) -> list[re.Pattern[bytes]]:
    """Each value in common spellings; short ones (codes) only as whole tokens, so a
    4-digit code is not "found" inside a 64-character hex hash."""
    patterns = []
    for value in raw_values:
        for variant in {value, value.replace(" ", ""), value.upper(), value.lower()}:
            if len(variant) < 4:
                continue
            for encoded in (variant.encode(), variant.encode("utf-16-le")):
                escaped = re.escape(encoded)
                if len(variant) < 8:
                    escaped = rb"(?<![0-9A-Za-z])" + escaped + rb"(?![0-9A-Za-z])"
                patterns.append(re.compile(escaped))
    return patterns


# A file's modification time in an output (`"modified": 1796063381.4412`): its fraction can
# read as a planted four-digit code (it did, in CI), and no identifier is ever written there.
UNIX_TIME_WITH_FRACTION = re.compile(rb"(?<![0-9])1[0-9]{9}\.[0-9]+")


def assert_no_raw_values(directory: Path, raw_values: list[str]) -> None:
    """No file phiscan wrote contains any planted identifier, in any common spelling."""
    patterns = _needle_patterns(raw_values)
    for path in all_files_under(directory):
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            # A -wal removed as the last connection closed: its pages are in the main file.
            continue
        content = UNIX_TIME_WITH_FRACTION.sub(b"<time>", content)
        leaked = sorted({p.pattern.decode(errors="replace") for p in patterns if p.search(content)})
        assert not leaked, f"{path.name} contains raw values: {leaked[:5]}"
