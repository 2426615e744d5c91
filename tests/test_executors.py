"""The process pool (default), bounded streaming, and the Dask executor."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from phiscan.config import Config
from phiscan.model import SourceItem
from phiscan.scan.executors import (
    BATCH_SIZE,
    LARGEST_BATCH,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
    scan_batches,
    start_method,
    stream_bounded,
)
from phiscan.scan.runner import run_scan
from phiscan.synthetic.demo_share import build_sample_share


def inventory_content(out: Path) -> tuple[list[tuple], list[tuple]]:
    """Locations and findings without row ids, run ids or times (duplicates would show)."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        locations = sorted(db.execute(
            "SELECT location, status, reason, entities, categories, risk, gone FROM locations"))
        findings = sorted(db.execute(
            "SELECT l.location, f.entity_type, f.start, f.end, f.position, f.record, f.field,"
            " f.masked, f.value_hash, f.score FROM findings f"
            " JOIN locations l ON l.id=f.location_id"))
    return locations, findings


@pytest.fixture(scope="module")
def share(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("share")
    build_sample_share(root)
    return root


@pytest.fixture(scope="module")
def serial_inventory(share, tmp_path_factory) -> tuple[list, list]:
    config = Config()
    config.scan.workers = 1
    out = tmp_path_factory.mktemp("serial")
    run_scan([str(share)], out, config)
    return inventory_content(out)


def test_default_is_a_process_pool_with_one_worker_per_core(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    executor = make_executor(Config(), b"k")
    try:
        assert isinstance(executor, ProcessExecutor)
        assert executor.workers == 3
    finally:
        executor.close()


def test_one_worker_runs_in_process():
    config = Config()
    config.scan.workers = 1
    executor = make_executor(config, b"k")
    assert isinstance(executor, SerialExecutor)
    executor.close()


def test_process_pool_gives_the_serial_result(share, serial_inventory, tmp_path):
    config = Config()
    config.scan.workers = 2
    outcome = run_scan([str(share)], tmp_path / "out", config)
    assert outcome.summary["run"]["status"] == "completed"
    locations, findings = inventory_content(tmp_path / "out")
    assert locations == serial_inventory[0]
    assert findings == serial_inventory[1]
    assert len(locations) == 20


def test_workers_are_forked_only_while_no_other_thread_runs():
    assert start_method() == ("fork" if threading.active_count() == 1 else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method() == "spawn"
    finally:
        stop.set()
        other.join()


def test_cli_forks_its_workers_and_gives_the_serial_result(share, serial_inventory, tmp_path):
    """Without a progress bar the CLI runs one thread when the pool starts: forked
    workers skip the imports a spawned one repeats, and find the same."""
    scan = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(tmp_path / "out"),
         "--workers", "2", "--debug"], capture_output=True, text=True, timeout=600)
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert "starting 2 worker processes (fork)" in scan.stderr
    assert inventory_content(tmp_path / "out") == serial_inventory


def test_stream_bounded_never_reads_the_walk_ahead():
    pulled = 0
    max_ahead = 0
    done = 0
    lock = threading.Lock()

    def walk():
        nonlocal pulled, max_ahead
        for index in range(1000):
            pulled += 1
            with lock:
                max_ahead = max(max_ahead, pulled - done)
            yield "uri", SourceItem(f"/x/{index}", 0, 0.0)

    def work(batch):
        return [[job[1].location] for job in batch]

    in_flight = 3
    with ThreadPoolExecutor(2) as pool:
        results = []
        for batch, future in stream_bounded(lambda b: pool.submit(work, b), walk(), in_flight):
            results.extend(future.result())
            with lock:
                done += len(batch)
    assert sorted(results) == sorted([f"/x/{index}"] for index in range(1000))
    # The walk is never more than the in-flight batches (plus the one being filled) ahead.
    assert max_ahead <= (in_flight + 1) * LARGEST_BATCH


def test_scan_batches_grow_from_the_batch_size_to_the_largest():
    """A scan's batches double from `BATCH_SIZE` to `LARGEST_BATCH` files, in walk order:
    spaCy's calls read more blocks each, and a small share still reaches every worker."""
    jobs = [("uri", SourceItem(f"/x/{index}", 0, 0.0)) for index in range(200)]
    found = list(scan_batches(jobs))
    assert [len(batch) for batch in found] == [16, 32, 64, 64, 24]
    assert [job for batch in found for job in batch] == jobs
    assert [len(batch) for batch in scan_batches(jobs[:20])] == [BATCH_SIZE, 4]


def engine_built_on_worker(dask_worker) -> bool:
    from phiscan.scan.dask_executor import PLUGIN_NAME

    return dask_worker.plugins[PLUGIN_NAME].state is not None


def test_dask_local_cluster_gives_the_serial_result(share, serial_inventory, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        config = Config()
        config.scan.executor = "dask"
        config.scan.scheduler = cluster.scheduler_address
        outcome = run_scan([str(share)], tmp_path / "out", config)
        with Client(cluster) as client:
            engines = client.run(engine_built_on_worker)
    assert outcome.summary["run"]["status"] == "completed"
    assert list(engines.values()) == [True, True]
    locations, findings = inventory_content(tmp_path / "out")
    assert locations == serial_inventory[0]
    assert findings == serial_inventory[1]


def test_dask_without_scheduler_is_a_config_error(tmp_path):
    from phiscan.config import ConfigError

    config = Config()
    config.scan.executor = "dask"
    with pytest.raises(ConfigError, match="--scheduler"):
        make_executor(config, b"k")


def test_a_serial_scan_of_a_share_no_block_of_which_needs_ner_never_loads_spacy(tmp_path):
    """In one process the spaCy model is loaded by the first block that needs it (a fork
    pool's parent loads it before forking, for its workers to share)."""
    share = tmp_path / "share"
    share.mkdir()
    (share / "extract.csv").write_text("nhs_number,postcode,dob\n"
                                       "943 476 5919,LS1 4AP,12/03/1961\n")
    scan = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(tmp_path / "out"),
         "--workers", "1", "--debug"], capture_output=True, text=True, timeout=600)
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert "spaCy model loaded" not in scan.stderr
    with sqlite3.connect(tmp_path / "out" / "inventory.sqlite") as db:
        found = sorted(entity for (entity,) in db.execute("SELECT entity_type FROM findings"))
    assert found == ["DATE_OF_BIRTH", "UK_NHS", "UK_POSTCODE"]


def test_a_forked_pool_over_tables_leaves_spacy_to_the_worker_that_needs_it(tmp_path):
    """A share whose first files are all tables: the parent does not load the spaCy model
    before it forks (no cell here needs it, so no process loads it); the findings are the
    serial scan's."""
    share = tmp_path / "share"
    share.mkdir()
    (share / "extract.csv").write_text("nhs_number,postcode,dob\n"
                                       "943 476 5919,LS1 4AP,12/03/1961\n")
    (share / "more.tsv").write_text("nhs_number\tpostcode\n943 476 5919\tLS1 4AP\n")
    scan = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(tmp_path / "out"),
         "--workers", "2", "--debug"], capture_output=True, text=True, timeout=600)
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert "starting 2 worker processes (fork)" in scan.stderr
    assert "spaCy model loaded" not in scan.stderr
    with sqlite3.connect(tmp_path / "out" / "inventory.sqlite") as db:
        found = sorted(entity for (entity,) in db.execute("SELECT entity_type FROM findings"))
    assert found == ["DATE_OF_BIRTH", "UK_NHS", "UK_NHS", "UK_POSTCODE", "UK_POSTCODE"]


def test_a_forked_pool_over_prose_loads_spacy_once_before_the_fork(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    (share / "extract.csv").write_text("nhs_number,postcode\n943 476 5919,LS1 4AP\n")
    (share / "note.txt").write_text("Seen today with her daughter Margaret Okonkwo-Hale.\n")
    scan = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(tmp_path / "out"),
         "--workers", "2", "--debug"], capture_output=True, text=True, timeout=600)
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert scan.stderr.count("spaCy model loaded") == 1
