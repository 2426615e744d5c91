"""Shared fixtures. The spaCy engine is expensive: build it once per session."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

os.environ.setdefault("PHISCAN_HMAC_KEY", "test-key-not-secret")
pytest_plugins = ["tests.source_fixtures", "tests.suite_cpu"]

TESTS_DIR = Path(__file__).parent
DATA_DIR = TESTS_DIR / "data"


@pytest.fixture(autouse=True)
def no_idle_dask_thread() -> Iterator[None]:
    """Dask's offload thread, once started, idles for the rest of the process; a process
    running another thread makes phiscan spawn its scan workers instead of forking them, so
    each CLI scan run in this process (`tests.cli.run_cli`) would then go to a subprocess.
    After a test that started it, it is ended and a fresh (threadless) executor put back."""
    yield
    utils = sys.modules.get("distributed.utils")
    if utils is not None and utils._offload_executor._threads:
        idle = utils._offload_executor
        utils._offload_executor = ThreadPoolExecutor(max_workers=1,
                                                     thread_name_prefix="Dask-Offload")
        idle.shutdown(wait=True)


@pytest.fixture
def fresh_helper() -> Iterator[None]:
    """The test starts without this thread's isolation helper and leaves none behind: a
    helper forked during a test keeps that test's environment (a PATH without Tesseract)
    for every later test of the process."""
    from phiscan.scan import isolation

    def drop() -> None:
        helper = getattr(isolation._local, "helper", None)
        if helper is not None:
            helper.close()
            isolation._local.helper = None

    drop()
    yield
    drop()


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


def _needles(raw_values: list[str]) -> list[tuple[bytes, re.Pattern[bytes]]]:
    """Each value in common spellings, as (bytes, pattern); short ones (codes) only as whole
    tokens, so a 4-digit code is not "found" inside a 64-character hex hash."""
    needles = []
    for value in raw_values:
        for variant in {value, value.replace(" ", ""), value.upper(), value.lower()}:
            if len(variant) < 4:
                continue
            for encoded in (variant.encode(), variant.encode("utf-16-le")):
                escaped = re.escape(encoded)
                if len(variant) < 8:
                    escaped = rb"(?<![0-9A-Za-z])" + escaped + rb"(?![0-9A-Za-z])"
                needles.append((encoded, re.compile(escaped)))
    return needles


def _needle_patterns(raw_values: list[str]) -> list[re.Pattern[bytes]]:
    return [pattern for _encoded, pattern in _needles(raw_values)]


def _occurrences(needles: list[tuple[bytes, re.Pattern[bytes]]]) -> Callable[[bytes], set]:
    """Which needles' bytes occur in a content, found in one Aho-Corasick pass (latin-1
    maps each byte to one character). A pattern can match only where its bytes occur:
    searching thousands of patterns one by one cost tens of CPU seconds per output."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for encoded, _pattern in needles:
        automaton.add_word(encoded.decode("latin-1"), encoded)
    if not needles:
        return lambda _content: set()
    automaton.make_automaton()
    return lambda content: {encoded for _end, encoded in automaton.iter(content.decode("latin-1"))}


# A file's modification time in an output (`"modified": 1796063381.4412`): its fraction can
# read as a planted four-digit code (it did, in CI), and no identifier is ever written there.
UNIX_TIME_WITH_FRACTION = re.compile(rb"(?<![0-9])1[0-9]{9}\.[0-9]+")


def assert_no_raw_values(directory: Path, raw_values: list[str]) -> None:
    """No file phiscan wrote contains any planted identifier, in any common spelling."""
    needles = _needles(raw_values)
    occurring = _occurrences(needles)
    for path in all_files_under(directory):
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            # A -wal removed as the last connection closed: its pages are in the main file.
            continue
        content = UNIX_TIME_WITH_FRACTION.sub(b"<time>", content)
        present = occurring(content)
        leaked = sorted({pattern.pattern.decode(errors="replace") for encoded, pattern in needles
                         if encoded in present and pattern.search(content)})
        assert not leaked, f"{path.name} contains raw values: {leaked[:5]}"
