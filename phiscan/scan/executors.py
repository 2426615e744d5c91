"""Executors run the pipeline over source items. A new executor is one class here.

Workers get (source URI, item) pairs, not open sources, so a worker process or
a cluster node can open its own connection; the engine is built once per worker.
Jobs travel in batches (one round trip per batch, not per file) and at most
`MAX_BATCHES_PER_WORKER` batches per worker are in flight, so the walk is never
materialised and memory stays flat however many files a share holds. Results come
back in completion order to the one inventory writer in `phiscan.scan.runner`.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import islice
from typing import Any, Protocol

from phiscan.config import Config, ConfigError
from phiscan.detect.detector import Detector
from phiscan.extract import (
    holds_prose,
    import_every_reader,
    import_readers,
    may_need_language_model,
)
from phiscan.logs import scrub_warnings
from phiscan.model import LocationResult, SourceItem, Status
from phiscan.scan.lifetime import die_with_parent
from phiscan.scan.limits import keep_alarm_handler, outside_file_limits
from phiscan.scan.pipeline import NameReading, base_result, failure_reason, scan_item
from phiscan.sources import Source, open_source
from recognizers.base import Pattern
from recognizers.ocr_reading import form_automaton

log = logging.getLogger("phiscan.scan.executors")

Job = tuple[str, SourceItem]
JobResults = list[LocationResult]
FirstFiles = Callable[[], list[str] | None]
BATCH_SIZE = 16
# Batches grow from BATCH_SIZE to this, doubling: a worker's spaCy call costs a few
# milliseconds whatever it reads, and 16 HL7 messages give it about seven blocks; the
# first batches stay small so a share of a few dozen files still reaches every worker.
LARGEST_BATCH = 64
MAX_BATCHES_PER_WORKER = 2
WORKER_CRASHED = "worker process crashed while scanning this file"


class WorkerState:
    """What one worker keeps between items: the engine and open sources."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        scrub_warnings()  # spawned pool workers, Dask workers and daemon threads too
        self.config = config
        self.detector = Detector(config, hmac_key)
        # The spaCy model, loaded when a file's block first needs it, is not the file's cost.
        self.detector.layered.load_guard = outside_file_limits
        self.sources: dict[str, Source] = {}

    def source(self, uri: str) -> Source:
        if uri not in self.sources:
            self.sources[uri] = open_source(uri, self.config)
        return self.sources[uri]

    def scan(self, job: Job, names: NameReading | None = None) -> JobResults:
        uri, item = job
        return scan_item(item, self.source(uri), self.detector, self.config, names)

    def scan_batch(self, jobs: list[Job]) -> list[JobResults]:
        """The batch's names are read by spaCy together, after every file's cheap pass."""
        names = NameReading(self.detector, self.config)
        results = [self.scan(job, names) for job in jobs]
        names.finish()
        return results

    def close(self) -> None:
        for source in self.sources.values():
            source.close()
        self.sources.clear()


class Executor(Protocol):
    def map(self, jobs: Iterable[Job]) -> Iterator[JobResults]: ...

    def abort(self) -> None:
        """The scan was interrupted: stop the work in hand without waiting for it."""
        ...

    def close(self) -> None: ...


def batches(jobs: Iterable[Job], size: int, largest: int | None = None
            ) -> Iterator[list[Job]]:
    """Jobs in batches of `size`, or from `size` doubling up to `largest`."""
    iterator = iter(jobs)
    while batch := list(islice(iterator, size)):
        yield batch
        if largest is not None:
            size = min(2 * size, largest)


def scan_batches(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    """The batches a scan sends its workers (or scans serially): `BATCH_SIZE` files
    first, growing to `LARGEST_BATCH`."""
    return batches(jobs, BATCH_SIZE, LARGEST_BATCH)


def crashed_result(job: Job) -> JobResults:
    return [replace(base_result(job[1]), status=Status.ERROR, reason=WORKER_CRASHED)]


def failed_result(job: Job, exc: BaseException) -> JobResults:
    """A file whose scan raised on its own (after its batch did): an error row naming
    the exception's type only (its message may quote content)."""
    return [replace(base_result(job[1]), status=Status.ERROR,
                    reason=failure_reason("scan", exc))]


def batch_failed(exc: BaseException) -> None:
    log.warning("a batch of files failed (%s): retrying its files one by one",
                type(exc).__name__)


def first_completed(futures: Iterable[Any]) -> Iterable[Any]:
    return wait(list(futures), return_when=FIRST_COMPLETED).done


def stream_bounded(submit: Callable[[list[Job]], Any], jobs: Iterable[Job], max_in_flight: int,
                   wait_any: Callable[[Iterable[Any]], Iterable[Any]] = first_completed,
                   ) -> Iterator[tuple[list[Job], Any]]:
    """Submit batches lazily, never more than max_in_flight at once; yield
    (batch, finished future) in completion order."""
    pending: dict[Any, list[Job]] = {}
    for batch in scan_batches(jobs):
        while len(pending) >= max_in_flight:
            for future in wait_any(pending):
                yield pending.pop(future), future
        pending[submit(batch)] = batch
    while pending:
        for future in wait_any(pending):
            yield pending.pop(future), future


class SerialExecutor:
    """In-process (`--workers 1`), in the pool's batches (`scan_batches`): spaCy reads
    a batch's names in one call, as a pool worker does (read file by file, the names cost
    about three times as much); progress after every batch. A batch that raises is
    scanned again file by file, as in the pool."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.state = WorkerState(config, hmac_key)

    def map(self, jobs: Iterable[Job]) -> Iterator[JobResults]:
        for batch in scan_batches(jobs):
            try:
                finished = self.state.scan_batch(batch)
            except Exception as exc:
                batch_failed(exc)
                finished = [self._alone(job) for job in batch]
            yield from finished

    def _alone(self, job: Job) -> JobResults:
        try:
            return self.state.scan(job)
        except Exception as exc:
            return failed_result(job, exc)

    def abort(self) -> None:
        pass  # the interrupt stopped this process's own scanning

    def close(self) -> None:
        self.state.close()


# One engine per worker process: built by the parent before it forks the workers
# (each inherits it), else by the pool's initializer (spawned workers).
_process_state: WorkerState | None = None


def _init_process_worker(config: Config, hmac_key: bytes, parent_pid: int) -> None:
    global _process_state
    die_with_parent(parent_pid)  # a killed scan must not leave workers holding scanned text
    # The parent turns SIGTERM into an interrupt; a worker it terminates must just end.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep_alarm_handler()
    if _process_state is None:
        _process_state = WorkerState(config, hmac_key)


def _scan_batch_in_process(jobs: list[Job]) -> list[JobResults]:
    assert _process_state is not None, "worker initializer did not run"
    return _process_state.scan_batch(jobs)


def compile_deferred(detector: Detector) -> int:
    """Compile now the recognizers' patterns left to be compiled when a text first reaches
    them (`recognizers.base.Pattern(lazy=True)`: the home-access grammar, about 0.7 CPU s
    from source, a few ms from the table `make setup` writes); returns how many. Each is
    compiled with the flags its recognizer scans with, as at first use, so what it matches
    is unchanged."""
    compiled = 0
    for recognizer in detector.analyzer.registry.recognizers:
        flags = getattr(recognizer, "global_regex_flags", None)
        for pattern in getattr(recognizer, "patterns", None) or ():
            if pattern.compiled_regex is None and isinstance(pattern, Pattern) and flags:
                pattern.compiled_with_flags = flags
                pattern.compiled_regex = pattern.compile(flags)
                compiled += 1
    return compiled


def _started() -> None:
    """A first task: submitting it makes a fork pool fork all its workers at once."""


def start_method() -> str:
    """fork while this process runs no other thread, else spawn.

    A forked worker starts with this process's imports done (about 1.8 s of CPU
    per worker on the build machine) and with the engine this process built for it
    (`ProcessExecutor`: about 1 s of CPU, the spaCy model and the recognizers, once
    instead of once per worker), but it inherits every lock as it was at the fork:
    with no other thread running, none can be held. Callers fork before opening
    anything a worker must not inherit (the inventory's SQLite handle)."""
    return "fork" if threading.active_count() == 1 else "spawn"


class ProcessExecutor:
    """A pool of worker processes (the default): one engine per process.

    A worker killed mid-batch (segfault in a parser, the OOM killer) breaks the
    pool: the pool is rebuilt and that batch's files are retried one by one, so
    one poisonous file ends as `error` instead of taking its batch with it. A batch
    that raises is retried one by one the same way.
    """

    def __init__(self, config: Config, hmac_key: bytes, workers: int,
                 first_files: FirstFiles = lambda: None) -> None:
        self.config = config
        self.hmac_key = hmac_key
        self.workers = workers
        method = start_method()
        log.debug("starting %d worker processes (%s)", workers, method)
        self.pool = self._new_pool(method)
        if method == "fork":
            self._fork_workers(config, hmac_key, first_files)

    def _fork_workers(self, config: Config, hmac_key: bytes, first_files: FirstFiles) -> None:
        """Build the engine here, once, and fork every worker with it; then drop it here.
        The spaCy model is loaded here unless the share's first files are all tables
        (`may_need_language_model`): loaded by each worker that meets a need, a share
        needing it paid once per worker (an NER process serving every worker was measured,
        and delayed the first result by about a second on the breach corpus), but a share
        of CSV or XLSX extracts rarely needs it at all (a quarter of a CPU second saved;
        a worker that meets a long free-text cell loads its own). The readers of the formats
        of `first_files()` (the share's first files, when its walk can be read ahead), else
        every format's, are imported here too. A share whose first files hold prose gets
        every pattern compiled here that is otherwise compiled on first use
        (`compile_deferred`): its workers would each compile most of them."""
        global _process_state
        collecting = gc.isenabled()
        # The build makes long-lived objects and no garbage cycles: a collection during it
        # walks every object built so far for nothing (a sixth of the build's CPU).
        gc.disable()
        try:
            _process_state = WorkerState(config, hmac_key)
            form_automaton()  # every text is read through OCR damage: built once, not per worker
            names = first_files()
            if names is None or may_need_language_model(names):
                _process_state.detector.analyzer.nlp_engine.load()
            if names is None:
                import_every_reader()
            else:
                import_readers(names)
            if names is None or holds_prose(names):
                compile_deferred(_process_state.detector)
        finally:
            if collecting:
                gc.enable()
        # Objects inherited from this process are left out of the workers' garbage
        # collections: a collection that walked them would copy every page they sit
        # on into each worker (about a sixth of a worker's start-up here, and memory).
        gc.freeze()
        try:
            self.pool.submit(_started)  # forks them all now, before the caller opens anything
        finally:
            gc.unfreeze()
            _process_state = None

    def _new_pool(self, method: str) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context(method),
            initializer=_init_process_worker,
            initargs=(self.config, self.hmac_key, os.getpid()),
        )

    def map(self, jobs: Iterable[Job]) -> Iterator[JobResults]:
        retry: list[Job] = []
        finished = stream_bounded(self._submit, jobs, self.workers * MAX_BATCHES_PER_WORKER)
        for batch, future in finished:
            try:
                results = future.result()
            except BrokenProcessPool:
                retry.extend(batch)
                continue
            except Exception as exc:
                batch_failed(exc)
                retry.extend(batch)
                continue
            yield from results
        while retry:
            yield from self._retry_alone(retry.pop(0))

    def _submit(self, batch: list[Job]) -> Future:
        try:
            return self.pool.submit(_scan_batch_in_process, batch)
        except BrokenProcessPool:
            self._restart()
            return self.pool.submit(_scan_batch_in_process, batch)

    def _retry_alone(self, job: Job) -> Iterator[JobResults]:
        try:
            results = self._submit([job]).result()
        except BrokenProcessPool:
            log.warning("a worker process crashed on one file; recorded as error")
            self._restart()
            results = [crashed_result(job)]
        except Exception as exc:
            results = [failed_result(job, exc)]
        yield from results

    def _restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        # spawn: by now this process runs the old pool's threads and holds the inventory.
        self.pool = self._new_pool("spawn")

    def abort(self) -> None:
        """Workers stopped at once (a file in hand can take its whole deadline): what they
        were scanning is not written, and `--resume` scans it again."""
        processes = getattr(self.pool, "_processes", None) or {}
        manager = getattr(self.pool, "_executor_manager_thread", None)
        for process in list(processes.values()):
            process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            # CPython 3.11's exit hook wakes the pool's manager thread without its lock: a
            # thread still closing its pipe then raises EBADF, a traceback on an interrupted
            # scan's stderr. The workers are gone, so it ends at once.
            manager.join(timeout=ABORT_JOIN_SECONDS)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


ABORT_JOIN_SECONDS = 10


def worker_count(config: Config) -> int:
    return config.scan.workers if config.scan.workers > 0 else (os.cpu_count() or 1)


def make_executor(config: Config, hmac_key: bytes,
                  first_files: FirstFiles = lambda: None) -> Executor:
    """`first_files()`: the names of the share's first files, or None when they cannot be
    known before the workers start; asked only by a fork pool, which imports their
    formats' readers once, before it forks."""
    if config.scan.executor == "dask":
        from phiscan.scan.dask_executor import DaskExecutor

        return DaskExecutor(config, hmac_key)
    if config.scan.executor != "local":
        raise ConfigError(f"unknown executor '{config.scan.executor}' (local or dask)")
    workers = worker_count(config)
    if config.scan.workers == 0:
        log.info("workers 0: one per CPU core, %d", workers)
    if workers == 1:
        return SerialExecutor(config, hmac_key)
    return ProcessExecutor(config, hmac_key, workers, first_files)
