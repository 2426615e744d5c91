"""Progress: a Rich bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

if TYPE_CHECKING:
    from phiscan.model import LocationResult
    from phiscan.scan.runner import ScanProgress

ProgressCallback = Callable[["ScanProgress"], None]

log = logging.getLogger("phiscan.scan.progress")
locations_log = logging.getLogger("phiscan.scan.locations")
LOG_EVERY_SECONDS = 10.0


def log_unread(results: list[LocationResult]) -> None:
    """A location that was not read, in the log as in `files.csv`: its status and reason
    (reasons never hold a value). Errors at WARNING, so the log and the console, also
    with `--quiet`, say what a scan could not read; skips at DEBUG, since a share may
    hold thousands of files of no readable type."""
    for result in results:
        if result.status == "error":
            locations_log.warning("error: %s: %s", result.location, result.reason)
        elif result.status == "skipped":
            locations_log.debug("skipped: %s: %s", result.location, result.reason)


def _describe(progress: ScanProgress) -> str:
    elapsed = max(time.monotonic() - progress.started, 1e-6)
    return (
        f"{progress.files_done} files, {progress.bytes_done / 1e6:.1f} MB, "
        f"{progress.findings} findings, {progress.files_done / elapsed:.1f} files/s"
    )


@contextmanager
def progress_display(enabled: bool) -> Iterator[ProgressCallback]:
    if not enabled:
        last = [time.monotonic()]

        def log_progress(progress: ScanProgress) -> None:
            if time.monotonic() - last[0] >= LOG_EVERY_SECONDS:
                last[0] = time.monotonic()
                log.info("progress: %s", _describe(progress))

        yield log_progress
        return
    columns = (
        TextColumn("[bold]scanning"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), TimeRemainingColumn(),
    )
    bar = Progress(*columns, transient=True)
    task = bar.add_task("scan", total=None, detail="")

    def show(progress: ScanProgress) -> None:
        if not bar.live.is_started:
            # Its refresh thread starts with the first result, after the scanner has
            # forked its workers (it forks only while it runs no other thread).
            bar.start()
        total = progress.files_found if progress.walk_done else None
        bar.update(task, completed=progress.files_done, total=total, detail=_describe(progress))

    try:
        yield show
    finally:
        bar.stop()
