"""A small pool of scanning threads sharing the scan pipeline.

Each thread builds its own engine once (`WorkerState`): Presidio/spaCy objects
are not documented as thread-safe, and an engine per thread costs ~0.4 s and
some memory, not a lock around every analyse call. With the GIL, threads do not
add CPU throughput (measured: ~5 ms per tiny file with one thread or two); they
overlap reads from slow network mounts.
"""

from __future__ import annotations

import logging
import queue
import threading

from phiscan.config import Config
from phiscan.model import LocationResult, SourceItem, Status
from phiscan.scan.executors import WorkerState
from phiscan.scan.pipeline import base_result
from phiscan.sources.local import LocalSource
from phiscan.watch.messages import Scanned, WorkItem
from phiscan.watch.settle import put_until

log = logging.getLogger("phiscan.watch")


class WorkerPool:
    def __init__(self, config: Config, hmac_key: bytes, count: int, work: queue.Queue,
                 inbox: queue.Queue, stop: threading.Event) -> None:
        self.config = config
        self.hmac_key = hmac_key
        self.work = work
        self.inbox = inbox
        self.stop = stop
        self.lock = threading.Lock()
        self.busy = 0
        self.ready = 0
        self.threads = [threading.Thread(target=self._run, name=f"phiscan-worker-{number}",
                                         daemon=True) for number in range(max(1, count))]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self, timeout: float) -> None:
        for thread in self.threads:
            thread.join(timeout)

    def in_progress(self) -> int:
        with self.lock:
            return self.busy

    def _run(self) -> None:
        state = WorkerState(self.config, self.hmac_key)
        with self.lock:
            self.ready += 1
        try:
            while not self.stop.is_set():
                try:
                    job: WorkItem = self.work.get(timeout=0.2)
                except queue.Empty:
                    continue
                with self.lock:
                    self.busy += 1
                try:
                    scanned = self._scan(state, job)
                finally:
                    with self.lock:
                        self.busy -= 1
                if scanned is not None:
                    put_until(self.inbox, scanned, self.stop)
        finally:
            state.close()

    def _scan(self, state: WorkerState, job: WorkItem) -> Scanned | None:
        source = state.source(job.root)
        item = job.item
        if item is None:
            assert isinstance(source, LocalSource)
            try:
                item = source.item_at(job.path)
            except FileNotFoundError:
                return None  # its delete or move event tells the writer
            if item is None:
                return None  # a directory, or excluded by the globs
        try:
            results = state.scan((job.root, item))
        except Exception as exc:  # keep the daemon alive whatever one file does
            log.warning("internal error scanning %s: %s", item.location, type(exc).__name__)
            results = [_internal_error(item, exc)]
        return Scanned(item, results)


def _internal_error(item: SourceItem, exc: Exception) -> LocationResult:
    result = base_result(item)
    result.status, result.reason = Status.ERROR, f"internal error ({type(exc).__name__})"
    return result
