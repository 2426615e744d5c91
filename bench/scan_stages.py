"""Where a whole scan's CPU goes, stage by stage, without a profiler.

    .venv/bin/python bench/scan_stages.py /tmp/phiscan-bench/breach-hl7-7-1000/share
    .venv/bin/python bench/scan_stages.py SHARE --workers 2
    .venv/bin/python bench/scan_stages.py SHARE --fine

`run_scan` in this process, as `bench/compare.py` runs it, with the functions that
make up each stage wrapped in CPU timers (`time.process_time`, exclusive: a stage's
figure leaves out the stages it calls). A profiler doubles the cost of small calls
and puts it where the calls are; these timers cost a microsecond or two per call.

`--workers 1` (the default) runs every stage in this process (the serial executor:
each file's names read on their own, not in a batch). `--workers 2` forks the pool:
the workers' stages are timed in each worker and sent back with their last batch
(`worker:` lines); their pickling of results is timed in the worker, the writer's
unpickling falls in `executor (wait, unpickle)`. Imports are timed before the scan.
"""

from __future__ import annotations

import argparse
import collections
import functools
import inspect
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOTALS: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()
STACK: list[list] = []


def _enter(stage: str) -> list:
    frame = [stage, time.process_time(), 0.0]  # stage, start, time of the stages it called
    STACK.append(frame)
    return frame


def _leave(frame: list) -> None:
    STACK.pop()
    elapsed = time.process_time() - frame[1]
    TOTALS[frame[0]] += elapsed - frame[2]
    CALLS[frame[0]] += 1
    if STACK:
        STACK[-1][2] += elapsed


def timed(stage: str, function):
    if inspect.isgeneratorfunction(function):
        @functools.wraps(function)
        def generator(*args, **kwargs):
            iterator = function(*args, **kwargs)
            while True:
                frame = _enter(stage)
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    _leave(frame)
                yield item
        return generator

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        frame = _enter(stage)
        try:
            return function(*args, **kwargs)
        finally:
            _leave(frame)
    return wrapper


def wrap(owner, name: str, stage: str) -> None:
    setattr(owner, name, timed(stage, getattr(owner, name)))


def install() -> None:
    import phiscan.detect.classify
    import phiscan.inventory.exports
    import phiscan.policy.record
    from phiscan.detect.detector import Detector
    from phiscan.detect.unit_memo import UnitMemo
    from phiscan.inventory.store import Inventory
    from phiscan.scan import executors, pipeline, runner
    from phiscan.sources.local import LocalSource

    wrap(LocalSource, "walk", "walk")
    wrap(LocalSource, "read", "read")
    wrap(runner.RescanPlanner, "needs_scan", "plan (previous state)")
    wrap(pipeline, "extract_pieces", "extract")
    wrap(pipeline, "choose_extractor", "extract")
    wrap(Detector, "start", "cheap pass")
    wrap(UnitMemo, "key", "unit memo")
    wrap(UnitMemo, "findings", "unit memo")
    wrap(UnitMemo, "keep", "unit memo")
    wrap(Detector, "read_names", "names (spaCy)")
    wrap(Detector, "findings", "findings (hash, mask, labels, roles, records)")
    wrap(pipeline, "classify", "classify")
    wrap(pipeline, "reported_once", "classify")
    wrap(Inventory, "write_results", "inventory writes")
    wrap(Inventory, "carry_forward", "inventory writes")
    wrap(runner.ScanProgress, "record", "progress")
    wrap(runner, "raise_risk_for_exposure", "progress")
    wrap(runner, "record_violations", "policy")
    wrap(runner, "write_exports", "exports")
    wrap(runner, "make_executor", "engine build, fork")
    wrap(runner, "_mark_unseen_gone", "gone")
    wrap(executors.ProcessExecutor, "map", "executor (wait, unpickle)")
    wrap(executors.SerialExecutor, "map", "executor (serial)")
    wrap(executors.ProcessExecutor, "close", "executor close")
    del phiscan  # the modules above are imported for their names only


def install_fine() -> None:
    """`--fine`: the cheap pass split by recognizer and by the line memory's parts, the
    findings' work by roles, hashing and masking, labels and records."""
    from phiscan.detect import detector, record_lines, roles, tiered

    run_cheap = tiered.TieredAnalyzer.run_cheap

    def by_recognizer(self, recognizer, text, raw=None):
        frame = _enter(f"cheap pass: {recognizer.name}")
        try:
            return run_cheap(self, recognizer, text, raw)
        finally:
            _leave(frame)

    tiered.TieredAnalyzer.run_cheap = by_recognizer
    wrap(record_lines.RecordLines, "read_row", "cheap pass: line memory (raw matches)")
    wrap(record_lines.RecordLines, "read_ahead", "cheap pass: line memory (raw matches)")
    wrap(record_lines.RecordLines, "scored", "cheap pass: lines scored once")
    wrap(record_lines.RecordLines, "found_by_lines", "cheap pass: card, IBAN by lines")
    wrap(roles.RoleRules, "role_of", "findings: roles")
    wrap(detector.Detector, "hashed", "findings: hash, mask")
    wrap(detector.UnitLabels, "__init__", "findings: labels")
    wrap(detector.UnitLabels, "field", "findings: labels")
    wrap(detector, "assign_records", "findings: records")
    wrap(tiered.TieredAnalyzer, "results", "findings: duplicates removed")


def report_in_worker() -> None:
    """In each forked worker: time its stages and send them back with every batch."""
    from phiscan.scan import executors

    original = executors._scan_batch_in_process

    def scan_batch(jobs):
        TOTALS.clear()
        CALLS.clear()
        begun = time.process_time()
        results = original(jobs)
        frame = _enter("pickle results")
        import pickle

        pickle.dumps(results)  # what the pool does again when it returns them
        _leave(frame)
        TOTALS["worker batch, rest"] += time.process_time() - begun - sum(TOTALS.values())
        return results, dict(TOTALS)

    # Sent to the workers by name: the name of the function it stands in for.
    scan_batch.__module__, scan_batch.__qualname__ = original.__module__, original.__qualname__
    executors._scan_batch_in_process = scan_batch
    original_result = executors.Future.result

    def result(self, timeout=None):
        value = original_result(self, timeout)
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
            WORKER.update(value[1])
            return value[0]
        return value

    executors.Future.result = result


WORKER: collections.Counter[str] = collections.Counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("share")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--fine", action="store_true",
                        help="split the cheap pass and the findings further (install_fine)")
    args = parser.parse_args()
    os.environ.setdefault("PHISCAN_HMAC_KEY", "scan-stages-bench-key-0123456789abcdef")
    started = time.process_time()
    from phiscan.config import Config
    from phiscan.scan.runner import run_scan

    install()
    if args.fine:
        install_fine()
    if args.workers > 1:
        report_in_worker()
    imported = time.process_time()
    config = Config()
    config.scan.workers = args.workers
    files = sum(1 for path in Path(args.share).rglob("*") if path.is_file())
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_SELF)
        frame = _enter("run_scan, rest")
        run_scan([args.share], out, config, full=True)
        _leave(frame)
        after = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    workers = children.ru_utime + children.ru_stime
    print(f"{files} files, {args.workers} workers, load {os.getloadavg()[0]:.1f}; imports "
          f"{imported - started:.2f} CPU s; scan: this process {own:.2f}, workers {workers:.2f}")
    for name, seconds in TOTALS.most_common():
        print(f"  {name:50s} {seconds:7.3f} s {1000 * seconds / files:7.3f} ms/file "
              f"({CALLS[name]} calls)")
    for name, seconds in WORKER.most_common():
        print(f"  worker: {name:42s} {seconds:7.3f} s {1000 * seconds / files:7.3f} ms/file")


if __name__ == "__main__":
    main()
