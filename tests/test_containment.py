"""One file can never stop the scan (issue 13, item 1): an exception raised for one
file ends in that file's row, in the name batch, in a worker batch and in each
executor; the other files of the batch are scanned as if it were not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.model import LocationResult, SourceItem, Status, TextUnit
from phiscan.scan.executors import ProcessExecutor, SerialExecutor
from phiscan.scan.pipeline import DocumentParts, NameReading

NOTE = "Seen by Dr Adams. Jane Smith, NHS number 943 476 5919, diabetes review.\n"


def poisoned_unit() -> TextUnit:
    """A unit whose text went unclean after construction: spaCy's tokenizer raises
    UnicodeEncodeError on the lone surrogate, as it did on raw e-mail headers."""
    unit = TextUnit(NOTE)
    unit.text = NOTE.replace("Jane", "J\udcc3ne")
    return unit


def test_a_raising_file_fails_alone_in_the_name_batch(detector, config):
    names = NameReading(detector, config)
    results = [LocationResult(f"/share/{name}", Status.SCANNED)
               for name in ("before.txt", "poisoned.txt", "after.txt")]
    units = [TextUnit(NOTE), poisoned_unit(), TextUnit(NOTE)]
    waiting = []
    for result, unit in zip(results, units, strict=True):
        parts = DocumentParts(detector)
        parts.add(detector.start(unit))
        waiting.append((result, parts))
    names.add(waiting)
    names.finish()
    before, poisoned, after = results
    assert (poisoned.status, poisoned.reason, poisoned.findings) == (
        Status.ERROR, "detection failed (UnicodeEncodeError)", [])
    alone = detector.detect_unit(TextUnit(NOTE))  # spaCy's names included
    assert {finding.entity_type for finding in alone} >= {"UK_NHS", "PERSON"}
    for result in (before, after):
        assert (result.status, result.reason) == (Status.SCANNED, "")
        assert result.findings == alone


def local_jobs(share: Path, count: int) -> list[tuple[str, SourceItem]]:
    jobs = []
    for number in range(count):
        path = share / f"note-{number}.txt"
        path.write_text(NOTE)
        jobs.append((str(share), SourceItem(str(path), path.stat().st_size, 0.0,
                                            root=str(share))))
    return jobs


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_that_raises_is_retried_file_by_file(tmp_path, workers):
    """A worker that cannot open one job's source raises out of the whole batch: the
    batch is retried file by file and only that job ends as an error."""
    share = tmp_path / "share"
    share.mkdir()
    jobs = local_jobs(share, 5)
    jobs.insert(2, ("nosuch://share", SourceItem("nosuch://share/x.txt", 10, 0.0)))
    config = Config()
    config.scan.workers = workers
    executor = (SerialExecutor(config, b"k" * 16) if workers == 1
                else ProcessExecutor(config, b"k" * 16, workers))
    try:
        results = {rows[0].location: rows[0] for rows in executor.map(jobs)}
    finally:
        executor.close()
    assert (results["nosuch://share/x.txt"].status,
            results["nosuch://share/x.txt"].reason) == (Status.ERROR, "scan failed (ConfigError)")
    scanned = [row for location, row in results.items() if location.startswith(str(share))]
    assert len(scanned) == 5
    assert all(row.status == Status.SCANNED and row.entity_counts()["UK_NHS"] == 1
               for row in scanned)


def test_dask_batch_that_raises_is_retried_file_by_file(tmp_path):
    from distributed import LocalCluster

    from phiscan.scan.dask_executor import DaskExecutor

    share = tmp_path / "share"
    share.mkdir()
    jobs = local_jobs(share, 3)
    jobs.insert(1, ("nosuch://share", SourceItem("nosuch://share/x.txt", 10, 0.0)))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        config = Config()
        config.scan.executor = "dask"
        config.scan.scheduler = cluster.scheduler_address
        executor = DaskExecutor(config, b"k" * 16)
        try:
            results = {rows[0].location: rows[0] for rows in executor.map(jobs)}
        finally:
            executor.close()
    assert results.pop("nosuch://share/x.txt").reason == "scan failed (ConfigError)"
    assert [row.entity_counts()["UK_NHS"] for row in results.values()] == [1, 1, 1]
