"""`--executor dask`: locations spread over an existing Dask distributed cluster.

The walk and the single inventory writer stay on the machine running `phiscan
scan`; batches of (source URI, item) travel to the workers, which open the source
themselves (each node needs the same mount, bucket credentials or SMB access) and
build the detection engine once, through a worker plugin. Only results (masked
findings and hashes, never raw values) travel back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from distributed import Client, Future, WorkerPlugin, get_worker, wait

from phiscan.config import Config, ConfigError
from phiscan.scan.executors import (
    MAX_BATCHES_PER_WORKER,
    Job,
    JobResults,
    WorkerState,
    batch_failed,
    failed_result,
    stream_bounded,
)

log = logging.getLogger("phiscan.dask")
PLUGIN_NAME = "phiscan-engine"


class EnginePlugin(WorkerPlugin):
    """Builds phiscan's engine once on every worker, including ones that join later."""

    name = PLUGIN_NAME

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.config = config
        self.hmac_key = hmac_key
        self.state: WorkerState | None = None

    def setup(self, worker) -> None:
        self.state = WorkerState(self.config, self.hmac_key)

    def teardown(self, worker) -> None:
        if self.state is not None:
            self.state.close()


def scan_batch_on_worker(jobs: list[Job]) -> list[JobResults]:
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, EnginePlugin) and plugin.state is not None
    return plugin.state.scan_batch(jobs)


def _first_completed(futures: Iterable) -> Iterable:
    return wait(list(futures), return_when="FIRST_COMPLETED").done


class DaskExecutor:
    def __init__(self, config: Config, hmac_key: bytes) -> None:
        if not config.scan.scheduler:
            raise ConfigError("--executor dask needs --scheduler tcp://HOST:PORT")
        try:
            self.client = Client(config.scan.scheduler, timeout=30)
        except OSError as exc:
            raise ConfigError(
                f"cannot reach Dask scheduler {config.scan.scheduler} ({type(exc).__name__})"
            ) from None
        self.client.register_plugin(EnginePlugin(config, hmac_key), name=PLUGIN_NAME)
        self.slots = max(1, sum(self.client.nthreads().values()))

    def map(self, jobs: Iterable[Job]) -> Iterator[JobResults]:
        finished = stream_bounded(self._submit, jobs, self.slots * MAX_BATCHES_PER_WORKER,
                                  wait_any=_first_completed)
        retry: list[Job] = []
        for batch, future in finished:
            try:
                results = future.result()
            except Exception as exc:  # a raising file, a lost worker (KilledWorker)
                batch_failed(exc)
                retry.extend(batch)
                continue
            finally:
                future.release()
            yield from results
        for job in retry:
            yield from self._retry_alone(job)

    def _submit(self, batch: list[Job]) -> Future:
        # pure=False: two batches with equal items (a rescan) are still two tasks.
        return self.client.submit(scan_batch_on_worker, batch, pure=False)

    def _retry_alone(self, job: Job) -> Iterator[JobResults]:
        future = self._submit([job])
        try:
            results = future.result()
        except Exception as exc:
            results = [failed_result(job, exc)]
        finally:
            future.release()
        yield from results

    def abort(self) -> None:
        self.client.close()

    def close(self) -> None:
        self.client.close()
