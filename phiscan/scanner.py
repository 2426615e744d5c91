"""A whole scan: sources -> executor -> inventory (one writer) -> exports."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.config import Config
from phiscan.executors import Job, make_executor
from phiscan.exports import write_exports
from phiscan.model import LocationResult, Status
from phiscan.security import load_hmac_key
from phiscan.sources import open_source
from phiscan.store import Inventory

log = logging.getLogger("phiscan.scan")
WRITE_BATCH = 200


@dataclass
class ScanProgress:
    """What the progress display shows; updated by the single writer."""

    files_found: int = 0
    walk_done: bool = False
    files_done: int = 0
    bytes_done: int = 0
    findings: int = 0
    statuses: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def record(self, results: list[LocationResult]) -> None:
        self.files_done += 1
        self.bytes_done += results[0].size
        for result in results:
            self.statuses[str(result.status)] += 1
            self.findings += len(result.findings)


@dataclass
class ScanOutcome:
    run_id: int
    summary: dict
    progress: ScanProgress
    key_origin: str


ProgressCallback = Callable[[ScanProgress], None]


def _jobs(sources: list[str], config: Config, progress: ScanProgress) -> Iterator[Job]:
    for uri in sources:
        source = open_source(uri, config)
        try:
            for item in source.walk():
                progress.files_found += 1
                yield uri, item
        finally:
            source.close()
    progress.walk_done = True


def run_scan(
    sources: list[str], out_dir: str | Path, config: Config,
    on_progress: ProgressCallback | None = None,
) -> ScanOutcome:
    out = Path(out_dir)
    key, key_origin = load_hmac_key(out, config)
    progress = ScanProgress()
    with Inventory(out) as inventory:
        run_id = inventory.start_run("scan", sources, {"workers": config.scan.workers})
        executor = make_executor(config, key)
        status = "interrupted"
        try:
            batch: list[LocationResult] = []
            for results in executor.map(_jobs(sources, config, progress)):
                progress.record(results)
                batch.extend(results)
                if len(batch) >= WRITE_BATCH:
                    inventory.write_results(run_id, batch)
                    batch.clear()
                if on_progress:
                    on_progress(progress)
            inventory.write_results(run_id, batch)
            status = "completed"
        finally:
            executor.close()
            counts = {"files": progress.files_done, "findings": progress.findings,
                      **{f"status_{key}": value for key, value in progress.statuses.items()}}
            inventory.finish_run(run_id, status, counts)
        summary = write_exports(
            inventory, out,
            {"id": run_id, "status": status, "sources": sources,
             "seconds": round(time.monotonic() - progress.started, 3)},
        )
    log.info("scan %s: %d locations, %d findings", status, sum(progress.statuses.values()),
             progress.findings)
    return ScanOutcome(run_id, summary, progress, key_origin)


def has_special_category(summary: dict) -> bool:
    return summary.get("special_category_locations", 0) > 0


__all__ = ["run_scan", "ScanOutcome", "ScanProgress", "has_special_category", "Status"]
