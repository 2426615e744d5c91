"""One process that reads the NER blocks of every worker of a fork pool.

The workers of a fork pool inherit the engine the scanning process built before it
forked them, but not the spaCy model: loading it is about a third of a second of CPU,
and most structured shares never need it (a scan of CSV extracts reads no block;
HL7 and FHIR need it for their free-text notes). Loaded by the parent before the
fork, every scan paid for it; loaded by each worker when it first needs it, a share
that needs it paid once per worker. Here one process, forked with the workers'
engine just before them, loads it when the first block comes, once, and reads every
worker's blocks (`TieredAnalyzer.ner_people_in`, the same call a worker makes
itself): the same pipeline and the same batches give the same names.

Each worker claims one of the service's pipes when it first needs NER. A worker
that cannot reach the service (a pool rebuilt after a crash is spawned, and
inherits no pipe; the service died) reads its blocks itself, as a serial scan does.
The service ends when every worker's end of its pipe is closed, and dies with the
scan like the workers (`die_with_parent`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from contextlib import nullcontext
from multiprocessing.connection import Connection, wait

from presidio_analyzer import RecognizerResult

from phiscan.detect.tiered import TieredAnalyzer
from phiscan.scan.lifetime import die_with_parent
from phiscan.scan.limits import outside_file_limits

log = logging.getLogger("phiscan.scan.ner_service")


class NerService:
    """Started (forked) by the scanning process before its workers; `client()` in a
    worker gives that worker's end, or None."""

    def __init__(self, tiered: TieredAnalyzer, slots: int) -> None:
        context = multiprocessing.get_context("fork")
        pipes = [context.Pipe() for _ in range(slots)]
        self.worker_ends = [worker for worker, _service in pipes]
        self.claimed = context.Array("b", slots)
        service_ends = [service for _worker, service in pipes]
        self.process = context.Process(
            target=serve, args=(tiered, service_ends, self.worker_ends, os.getpid()),
            name="phiscan-ner", daemon=True)
        self.process.start()
        for end in service_ends:  # the service holds them now
            end.close()
        self.connection: Connection | None = None
        self.failed = False
        self.closed = False

    def people_in(self, pieces: list[str]) -> list[list[RecognizerResult]] | None:
        """In a worker: the service's answer for `pieces`; None when it cannot answer
        (the worker then reads them itself, and does from then on)."""
        if self.failed:
            return None
        first = self.connection is None
        connection = self.connection or self.claim()
        if connection is None:
            self.failed = True
            return None
        try:
            # A worker's first answer may wait for the model's load: the engine's cost,
            # not the file's (`outside_file_limits`).
            with outside_file_limits() if first else nullcontext():
                connection.send(pieces)
                return connection.recv()
        except (EOFError, OSError) as exc:
            log.warning("the NER process did not answer (%s): this worker reads its own "
                        "blocks", type(exc).__name__)
            self.failed = True
            return None
        except BaseException:
            # Interrupted between asking and reading the answer (a file's time limit):
            # an answer may still be on its way, so the pipe is never used again.
            self.failed = True
            raise

    def claim(self) -> Connection | None:
        """This worker's end of one of the pipes (claimed once per worker)."""
        with self.claimed.get_lock():
            free = next((slot for slot, taken in enumerate(self.claimed) if not taken), None)
            if free is None:
                return None
            self.claimed[free] = 1
        self.connection = self.worker_ends[free]
        return self.connection

    def close(self) -> None:
        """In the scanning process, after its workers have ended."""
        if self.closed:
            return
        self.closed = True
        for end in self.worker_ends:
            end.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def serve(tiered: TieredAnalyzer, connections: list[Connection],
          worker_ends: list[Connection], parent_pid: int) -> None:
    """Read blocks for whichever worker asks, until every worker has closed its end."""
    die_with_parent(parent_pid)
    for end in worker_ends:  # inherited: held here, they would keep every pipe open
        end.close()
    open_connections = list(connections)
    while open_connections:
        for connection in wait(open_connections):
            try:
                pieces = connection.recv()
            except (EOFError, OSError):
                open_connections.remove(connection)
                continue
            connection.send(list(tiered.spacy_people_in(pieces)))
