"""One location from bytes to classified findings. Runs inside a worker.

The pipeline does not know which source the bytes came from, and detection
does not know which extractor produced the text.
"""

from __future__ import annotations

import logging
import posixpath
import signal
import threading
from contextlib import contextmanager
from dataclasses import replace

from phiscan.classify import classify
from phiscan.config import Config
from phiscan.detect import Detector
from phiscan.extract import (
    ExtractContext,
    ExtractionError,
    Skip,
    choose_extractor,
    run_extractor,
)
from phiscan.model import MEMBER_SEP, Child, LocationResult, SourceItem, Status
from phiscan.sources.base import Source, SourceReadError

log = logging.getLogger("phiscan.pipeline")


class FileTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Stop a runaway extractor (only possible on the main thread; workers are processes)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise FileTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def base_result(item: SourceItem) -> LocationResult:
    return LocationResult(
        location=item.location, status=Status.SCANNED, size=item.size,
        modified=item.modified, etag=item.etag, root=item.root,
    )


def scan_item(item: SourceItem, source: Source, detector: Detector, config: Config
              ) -> list[LocationResult]:
    """The location's own result first, then one per archive member or attachment."""
    base = base_result(item)
    if item.skip_reason:
        return [replace(base, status=Status.SKIPPED, reason=item.skip_reason)]
    if detector.allowlist.allows_path(item.location):
        return [replace(base, status=Status.SKIPPED, reason="allow-listed path")]
    try:
        data = source.read(item, config.scan.max_file_bytes)
    except SourceReadError as exc:
        return [replace(base, status=Status.ERROR, reason=str(exc))]
    if len(data) > config.scan.max_file_bytes:
        return [replace(base, status=Status.SKIPPED, reason="too large: over max_file_bytes")]
    name = posixpath.basename(item.location.replace("\\", "/"))
    ctx = ExtractContext.for_file(name, config.limits)
    try:
        with time_limit(config.limits.per_file_timeout_seconds):
            return scan_document(base, name, data, ctx, detector, config)
    except FileTimeout:
        return [replace(base, status=Status.ERROR, reason="timeout: over per_file_timeout_seconds",
                        findings=[])]


def scan_document(base: LocationResult, name: str, data: bytes, ctx: ExtractContext,
                  detector: Detector, config: Config) -> list[LocationResult]:
    extractor, reason = choose_extractor(name, data)
    if extractor is None:
        return [replace(base, status=Status.SKIPPED, reason=reason)]
    base.extractor = extractor
    children: list[LocationResult] = []
    try:
        for piece in run_extractor(extractor, data, ctx):
            if isinstance(piece, Child):
                children.extend(scan_child(base, piece, ctx, detector, config))
            else:
                base.findings.extend(detector.detect_unit(piece))
    except Skip as exc:
        base.status, base.reason = Status.SKIPPED, str(exc)
    except ExtractionError as exc:
        base.status, base.reason = Status.ERROR, str(exc)
    except FileTimeout:
        raise
    except MemoryError:
        base.status, base.reason = Status.ERROR, "out of memory while extracting"
    except Exception as exc:  # a library choking on a malformed file
        log.debug("extractor %s failed", extractor, exc_info=False)
        base.status, base.reason = Status.ERROR, f"{extractor}: malformed ({type(exc).__name__})"
    base.categories, base.special_category, base.risk = classify(base.findings, config.risk)
    return [base, *children]


def scan_child(parent: LocationResult, child: Child, ctx: ExtractContext,
               detector: Detector, config: Config) -> list[LocationResult]:
    result = LocationResult(
        location=f"{parent.location}{MEMBER_SEP}{child.name}", status=Status.SCANNED,
        size=len(child.data), modified=parent.modified, root=parent.root,
        parent=parent.location,
    )
    if child.error:
        result.status, result.reason = Status.ERROR, child.error
        return [result]
    child_ctx = ExtractContext(child.name, ctx.limits, ctx.depth + 1, ctx.budget)
    return scan_document(result, posixpath.basename(child.name), child.data, child_ctx,
                         detector, config)
