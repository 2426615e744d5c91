"""Executors run the pipeline over source items. A new executor is one class here.

Workers get (source URI, item) pairs, not open sources, so a worker process or
a cluster node can open its own connection; the engine is built once per worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from phiscan.config import Config
from phiscan.detect import Detector
from phiscan.model import LocationResult, SourceItem
from phiscan.pipeline import scan_item
from phiscan.sources import Source, open_source

Job = tuple[str, SourceItem]


class WorkerState:
    """What one worker keeps between items: the engine and open sources."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.config = config
        self.detector = Detector(config, hmac_key)
        self.sources: dict[str, Source] = {}

    def source(self, uri: str) -> Source:
        if uri not in self.sources:
            self.sources[uri] = open_source(uri, self.config)
        return self.sources[uri]

    def scan(self, job: Job) -> list[LocationResult]:
        uri, item = job
        return scan_item(item, self.source(uri), self.detector, self.config)

    def close(self) -> None:
        for source in self.sources.values():
            source.close()


class Executor(Protocol):
    def map(self, jobs: Iterable[Job]) -> Iterator[list[LocationResult]]: ...

    def close(self) -> None: ...


class SerialExecutor:
    """In-process, one item at a time. The default for one worker and for tests."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.state = WorkerState(config, hmac_key)

    def map(self, jobs: Iterable[Job]) -> Iterator[list[LocationResult]]:
        for job in jobs:
            yield self.state.scan(job)

    def close(self) -> None:
        self.state.close()


def make_executor(config: Config, hmac_key: bytes) -> Executor:
    return SerialExecutor(config, hmac_key)
